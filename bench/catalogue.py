"""Catalogue benchmark: Sportello's GraphQL endpoint against the hand-written ceiling.

Seeds a large municipality (2,000 services in 40 categories, a Form.io form each) into its own
database, serves it with `sportello serve` and with `bench/baseline.py` side by side, checks
that both answer the same JSON, then measures requests per second and latency percentiles of
the catalogue query with nested category, group and form, and prints the ratio.

    make bench            # or: .venv/bin/python bench/catalogue.py --seconds 20 --concurrency 16
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx
from pymongo import AsyncMongoClient
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.database import recreate_database  # noqa: E402
from server.embedded import EmbeddedStack  # noqa: E402
from server.migrate import upgrade  # noqa: E402

TENANT = "benchville"
DATABASE = "sportello_bench"
MONGO_DATABASE = "sportello_bench"
QUERY = """query Catalogue($first: Int!) { services(first: $first) { edges { node {
  id name category { name } group { name } form { title } } } } }"""


@dataclass
class Figures:
    name: str
    requests: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]

    def line(self) -> str:
        return (
            f"{self.name:<26} {self.rps:8.1f} req/s   p50 {self.percentile(50):6.1f} ms   "
            f"p90 {self.percentile(90):6.1f} ms   p99 {self.percentile(99):6.1f} ms"
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def seed(database_url: str, mongodb_url: str, services: int, categories: int) -> None:
    """Write the large tenant straight into both stores (fast, not through the API)."""
    mongo = AsyncMongoClient(mongodb_url, uuidRepresentation="standard")
    forms = mongo[MONGO_DATABASE]["forms"]
    await forms.delete_many({})
    tenant_id = uuid.uuid4()
    form_docs = [
        {
            "tenant_id": tenant_id,
            "key": f"modulo-{n}",
            "title": f"Modulo {n:04d}",
            "current_version": 1,
        }
        for n in range(services)
    ]
    inserted = await forms.insert_many(form_docs)
    await mongo.close()

    connection = await asyncpg.connect(
        make_url(database_url).set(drivername="postgresql").render_as_string(False)
    )
    try:
        await connection.execute(
            "INSERT INTO tenant (id, slug, name, istat_code, fiscal_code, default_language,"
            " languages, theme, contacts) VALUES ($1, $2, 'Comune di Benchville', '999001',"
            " '00000000000', 'it', '{it,en}', '{}', '{}')",
            tenant_id,
            TENANT,
        )
        category_ids = [uuid.uuid4() for _ in range(categories)]
        await connection.copy_records_to_table(
            "category",
            records=[
                (cid, tenant_id, f"categoria-{n}", f'{{"it": "Categoria {n:02d}"}}', "{}", n)
                for n, cid in enumerate(category_ids)
            ],
            columns=["id", "tenant_id", "slug", "name", "description", "position"],
        )
        group_ids = [uuid.uuid4() for _ in range(10)]
        await connection.copy_records_to_table(
            "service_group",
            records=[
                (gid, tenant_id, f"gruppo-{n}", f'{{"it": "Gruppo {n}"}}', "{}", n)
                for n, gid in enumerate(group_ids)
            ],
            columns=["id", "tenant_id", "slug", "name", "description", "position"],
        )
        rows = [
            (
                uuid.uuid4(),
                tenant_id,
                f"servizio-{n}",
                f'{{"it": "Servizio {n:04d}", "en": "Service {n:04d}"}}',
                "AVAILABLE",
                "SPID_L2",
                category_ids[n % categories],
                group_ids[n % 10],
                str(inserted.inserted_ids[n]),
                False,
                False,
            )
            for n in range(services)
        ]
        await connection.copy_records_to_table(
            "service",
            records=rows,
            columns=[
                "id",
                "tenant_id",
                "slug",
                "name",
                "status",
                "access_level",
                "category_id",
                "group_id",
                "form_id",
                "payment_required",
                "booking_required",
            ],
        )
        await connection.execute("ANALYZE")
    finally:
        await connection.close()


def start(command: list[str], env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{command[0]} exited:\n{log.read_text()}")
        try:
            httpx.post(
                f"http://127.0.0.1:{port}/{TENANT}/graphql",
                json={"query": QUERY, "variables": {"first": 1}},
                timeout=2,
            )
            return process
        except httpx.HTTPError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"{command[0]} did not answer:\n{log.read_text()}")


async def load(name: str, url: str, page: int, seconds: float, concurrency: int) -> Figures:
    payload = {"query": QUERY, "variables": {"first": page}}
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:

        async def user() -> None:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                response = await client.post(url, json=payload)
                response.raise_for_status()
                latencies.append((time.perf_counter() - started) * 1000)

        started = time.perf_counter()
        await asyncio.gather(*(user() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return Figures(name, len(latencies), elapsed, latencies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=2000)
    parser.add_argument("--categories", type=int, default=40)
    parser.add_argument("--page", type=int, default=50, help="services per request")
    parser.add_argument("--seconds", type=float, default=15, help="measuring time per target")
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()

    data_dir = ROOT / ".sportello" / "bench"
    stack = EmbeddedStack(
        data_dir,
        postgres="DATABASE_URL" not in os.environ,
        mongodb="MONGODB_URL" not in os.environ,
        redis="REDIS_URL" not in os.environ,
        progress=lambda message: print(f"  {message}"),
    )
    urls = stack.start()
    processes: list[subprocess.Popen[bytes]] = []
    try:
        database_url = asyncio.run(
            recreate_database(os.environ.get("DATABASE_URL") or urls.database_url or "", DATABASE)
        )
        mongodb_url = os.environ.get("MONGODB_URL") or urls.mongodb_url or ""
        print(f"seeding {args.services} services in {args.categories} categories…")
        upgrade(database_url)
        asyncio.run(seed(database_url, mongodb_url, args.services, args.categories))
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "MONGODB_URL": mongodb_url,
            "MONGODB_DATABASE": MONGO_DATABASE,
            "REDIS_URL": os.environ.get("REDIS_URL") or urls.redis_url or "",
            "SPORTELLO_DATA_DIR": str(data_dir),
            "SPORTELLO_LOG_LEVEL": "WARNING",
            "SPORTELLO_SERVER_TIMING": "false",
            "BENCH_PAGE": str(args.page),
        }
        sportello_port, baseline_port = free_port(), free_port()
        processes.append(
            start(
                [sys.executable, "-m", "server", "serve", "--port", str(sportello_port)],
                env,
                sportello_port,
                data_dir / "sportello.log",
            )
        )
        processes.append(
            start(
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    "bench.baseline:app",
                    "--port",
                    str(baseline_port),
                    "--log-level",
                    "warning",
                    "--no-access-log",
                ],
                env,
                baseline_port,
                data_dir / "baseline.log",
            )
        )
        targets = {
            "Sportello GraphQL": f"http://127.0.0.1:{sportello_port}/{TENANT}/graphql",
            "asyncpg + pymongo by hand": f"http://127.0.0.1:{baseline_port}/{TENANT}/graphql",
        }
        answers = [
            httpx.post(url, json={"query": QUERY, "variables": {"first": args.page}}).json()
            for url in targets.values()
        ]
        if answers[0] != answers[1]:
            raise SystemExit("the two endpoints answer different JSON; the comparison is void")
        print(f"both endpoints return the same {args.page} services; warming up…")
        for name, url in targets.items():
            asyncio.run(load(name, url, args.page, 2, args.concurrency))
        print(
            f"measuring {args.seconds:.0f} s each, {args.concurrency} concurrent clients, "
            f"{os.cpu_count()} cores shared by servers, databases and load generator:"
        )
        figures = [
            asyncio.run(load(name, url, args.page, args.seconds, args.concurrency))
            for name, url in targets.items()
        ]
        for figure in figures:
            print("  " + figure.line())
        ratio = figures[0].rps / figures[1].rps
        slower = statistics.median(figures[0].latencies_ms) / statistics.median(
            figures[1].latencies_ms
        )
        print(
            f"  Sportello reaches {ratio:.0%} of the hand-written ceiling "
            f"(median latency x{slower:.2f})"
        )
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)
        stack.stop()


if __name__ == "__main__":
    main()
