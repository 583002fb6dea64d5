"""The requests of issue 11's findings, timed against a running server (`make run`, demo data),
each while `/healthz` is polled beside it: how long the server took to refuse or answer, and
the longest `/healthz` waited meanwhile. Every request must stay under 200 ms and never make
`/healthz` wait.

    .venv/bin/python bench/security_probe.py [--url http://127.0.0.1:8000]

It changes nothing a municipality would notice: the requests are refused, or read, or hold one
slot that is cancelled at once.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

PERSISTED = Path(__file__).resolve().parent.parent / "frontend/src/gql/persisted-documents.json"
TENANT = "bugliano"
Probe = Callable[[httpx.AsyncClient], Awaitable[httpx.Response]]


@dataclass(frozen=True)
class Timing:
    finding: str
    what: str
    status: int
    code: str
    took_ms: float
    healthz_ms: float


def graphql(query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"query": query, "variables": variables or {}}


async def login(client: httpx.AsyncClient, username: str, password: str) -> str:
    body = graphql(
        "mutation($i: LoginInput!) { login(input: $i) { accessToken } }",
        {"i": {"username": username, "password": password}},
    )
    answer = await client.post(f"/{TENANT}/graphql", json=body)
    return str(answer.json()["data"]["login"]["accessToken"])


def first_code(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return "-"
    errors = body.get("errors") or []
    if errors:
        return str(errors[0].get("extensions", {}).get("code", "-"))
    for value in (body.get("data") or {}).values():
        if isinstance(value, dict) and value.get("errors"):
            return str(value["errors"][0]["code"])
    return "ok"


async def timed(client: httpx.AsyncClient, finding: str, what: str, probe: Probe) -> Timing:
    """The probe's time, with `/healthz` polled every 10 ms while it runs."""
    done = asyncio.Event()
    waits: list[float] = []

    async def poll() -> None:
        async with httpx.AsyncClient(base_url=str(client.base_url)) as other:
            while not done.is_set():
                start = time.perf_counter()
                await other.get("/healthz")
                waits.append((time.perf_counter() - start) * 1000)
                await asyncio.sleep(0.01)

    poller = asyncio.create_task(poll())
    start = time.perf_counter()
    try:
        response = await probe(client)
        status, code = response.status_code, first_code(response)
    except httpx.HTTPError as error:  # refused before the body was read: the server hung up
        status, code = 0, type(error).__name__
    took = (time.perf_counter() - start) * 1000
    done.set()
    await poller
    return Timing(finding, what, status, code, took, max(waits, default=0.0))


async def run(url: str) -> list[Timing]:
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        tax = await login(client, "operatrice-tributi", "operatore")
        registry = await login(client, "operatore", "operatore")
        citizen = await login(client, "RSSMRA80A01H501U", "cittadino")
        api = f"/{TENANT}/graphql"

        def post(body: Any, token: str | None = None, **kwargs: Any) -> Probe:
            headers = {"authorization": f"Bearer {token}"} if token else {}
            return lambda c: c.post(api, json=body, headers=headers, **kwargs)

        queue = graphql("{ practices(first: 50) { totalCount edges { node { id data } } } }")
        aliases = " ".join(f"a{i}: __typename" for i in range(50_000))
        known = next(iter(json.loads(PERSISTED.read_text()))).removeprefix("sha256:")
        persisted = {
            "query": "{ " + aliases + " }",
            "extensions": {"persistedQuery": {"version": 1, "sha256Hash": known}},
        }
        nested = (  # written out: Python's own encoder stops short of this depth
            '{"query": "{ __typename }", "variables": {"v": '
            + '{"a": ' * 990
            + '"x"'
            + "}" * 990
            + "}}"
        ).encode()
        search = graphql(
            "query($q: String!) { services(first: 5, filter: {text: $q}) { totalCount } }",
            {"q": " ".join(["parola"] * 20_000)},
        )

        def aliased(messages: str) -> dict[str, Any]:
            pages = " ".join(
                f"p{i}: practices {{ edges {{ node {{ messages {messages} }} }} }}"
                for i in range(30)
            )
            return graphql("{ " + pages + " }")

        costly = aliased("{ edges { node { body author { fullName } } } }")
        counted = aliased("{ totalCount }")
        resources = await client.post(
            api, json=graphql("{ resources(first: 1) { edges { node { id } } } }")
        )
        resource = resources.json()["data"]["resources"]["edges"][0]["node"]["id"]
        book = graphql(
            "mutation($i: BookResourceInput!) { bookResource(input: $i) { errors { code } } }",
            {
                "i": {
                    "resourceId": resource,
                    "start": "2026-01-01T10:00:00+01:00",
                    "end": "4026-01-01T10:00:00+01:00",
                }
            },
        )
        hold = graphql(
            "mutation($i: HoldSlotInput!) { holdSlot(input: $i) { errors { code } } }",
            {
                "i": {
                    "calendarId": "Q2FsZW5kYXI6MA==",
                    "start": "2027-01-04T10:00:00+01:00",
                    "name": "x\u0000",
                }
            },
        )
        probes: list[tuple[str, str, Probe]] = [
            ("1", "another office's operator lists the queue", post(queue, tax)),
            ("1", "the office's operator lists the queue", post(queue, registry)),
            ("2", "persisted hash beside 1.2 MB of 50,000 aliases", post(persisted)),
            ("3", "bookResource from 2026 to 4026", post(book, citizen)),
            (
                "4",
                "a wrong password",
                post(
                    graphql(
                        "mutation($i: LoginInput!) { login(input: $i) { errors { code } } }",
                        {"i": {"username": "operatore", "password": "sbagliata"}},
                    )
                ),
            ),
            (
                "5",
                "variables nested 990 deep",
                lambda c: c.post(api, content=nested, headers={"content-type": "application/json"}),
            ),
            (
                "5",
                "a 30 MB body",
                lambda c: c.post(
                    api,
                    content=b'{"query": "{ __typename }", "x": "' + b"a" * 30_000_000 + b'"}',
                    headers={"content-type": "application/json"},
                ),
            ),
            ("5", "a search of 20,000 words", post(search)),
            ("6", "30 aliases of practices { messages { edges … } }", post(costly, registry)),
            ("6", "30 aliases of practices { messages { totalCount } }", post(counted, registry)),
            ("8", "NUL characters in holdSlot", post(hold, citizen)),
        ]
        return [await timed(client, finding, what, probe) for finding, what, probe in probes]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    args = parser.parse_args()
    timings = asyncio.run(run(args.url))
    print(
        f"{'finding':<8} {'request':<48} {'status':>6} {'code':<24} {'ms':>8} "
        f"{'healthz max ms':>15}"
    )
    for t in timings:
        print(
            f"{t.finding:<8} {t.what:<48} {t.status:>6} {t.code:<24} {t.took_ms:>8.1f} "
            f"{t.healthz_ms:>15.1f}"
        )
    worst = max(t.took_ms for t in timings)
    print(json.dumps({"slowest_ms": round(worst, 1), "under_200_ms": worst < 200}))


if __name__ == "__main__":
    main()
