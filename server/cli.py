"""The `sportello` command line: serve, worker, migrate, seed, token, export-schema, embedded."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table
from sqlmodel import col, or_, select

from server.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from server.state import AppState

app = typer.Typer(
    help="Sportello: the digital service desk of a municipality.", no_args_is_help=True
)
embedded_app = typer.Typer(help="The embedded PostgreSQL, MongoDB-protocol and Valkey servers.")
app.add_typer(embedded_app, name="embedded")
console = Console(stderr=True)

SCHEMA_FILE = Path("codegen/schema.graphql")
MATRIX_FILE = Path("docs/authorization.md")


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except SettingsError as error:
        console.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2) from error


@contextmanager
def store_urls(settings: Settings) -> Iterator[Settings]:
    """Settings whose store URLs are all set, starting embedded servers for the unset ones.

    The URLs are also exported to the environment, so worker processes reuse the servers.
    """
    from server.embedded import EmbeddedStack

    stack = EmbeddedStack(
        settings.data_dir,
        postgres=settings.database_url is None,
        mongodb=settings.mongodb_url is None,
        redis=settings.redis_url is None,
        progress=lambda message: console.print(f"[dim]•[/dim] {message}"),
    )
    with console.status("starting the embedded servers…"):
        urls = stack.start()
    try:
        resolved = settings.model_copy(
            update={
                "database_url": settings.database_url or urls.database_url,
                "mongodb_url": settings.mongodb_url or urls.mongodb_url,
                "redis_url": settings.redis_url or urls.redis_url,
            }
        )
        for name, value in (
            ("DATABASE_URL", resolved.database_url),
            ("MONGODB_URL", resolved.mongodb_url),
            ("REDIS_URL", resolved.redis_url),
        ):
            os.environ[name] = value or ""
        yield resolved
    finally:
        stack.stop()


def exit_unless_migrated(settings: Settings) -> None:
    from server.migrate import DatabaseNotMigrated, check_database

    try:
        asyncio.run(check_database(settings.database_url or ""))
    except DatabaseNotMigrated as error:
        console.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2) from error


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="TCP port."),
    workers: int = typer.Option(1, min=1, help="Worker processes."),
    reload: bool = typer.Option(False, help="Restart on code changes (development)."),
    migrate_first: bool = typer.Option(
        False, "--migrate", help="Apply the migrations before serving."
    ),
    demo: bool = typer.Option(False, "--demo", help="Load the demo municipalities first."),
    with_worker: bool = typer.Option(
        False,
        "--with-worker",
        help="Also run `sportello worker` beside the server, stopped with it.",
    ),
) -> None:
    """Serve the GraphQL API, GraphiQL, /healthz and /metrics."""
    import uvicorn

    from server.logs import configure_logging
    from server.migrate import upgrade

    settings = settings_or_exit()
    configure_logging(settings.log_level)
    with sigterm_as_exit(), store_urls(settings) as resolved:
        if migrate_first:
            with console.status("applying migrations…"):
                upgrade(resolved.database_url or "")
        else:
            exit_unless_migrated(resolved)
        if demo:
            asyncio.run(_seed(resolved, local_passwords=not settings.production))
        base = f"http://{host}:{port}"
        lines = [
            f"[bold green]Sportello[/bold green] on {base}",
            f"  GraphiQL (browser):        {base}/bugliano/graphql",
            f"  Demo tenant (Bugliano):    POST {base}/bugliano/graphql",
            f"  Any tenant:                POST {base}/graphql with header X-Tenant: <slug>",
            f"  Health and metrics:        {base}/healthz  {base}/metrics",
        ]
        if with_worker:
            lines.append("  Background jobs:           sportello worker (started with the server)")
        for line in lines:
            console.print(line, soft_wrap=True)
        with background_worker(with_worker):
            uvicorn.run(
                "server.app:create_app",
                factory=True,
                host=host,
                port=port,
                workers=workers if not reload else None,
                reload=reload,
                access_log=False,
                log_config=None,
            )


def stop_on_sigterm(_signal: int, _frame: object) -> None:
    raise SystemExit(0)


@contextmanager
def sigterm_as_exit() -> Iterator[None]:
    """SIGTERM (what systemd, Docker and supervisors send) ends the block as Ctrl-C does: by an
    exception, so every `finally` runs and the worker child and the embedded servers the
    command started are stopped. uvicorn re-raises the signal that stopped it once it has shut
    down; it then lands here instead of killing the process on the spot."""
    previous = signal.signal(signal.SIGTERM, stop_on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def background_worker(wanted: bool) -> Iterator[None]:
    """`sportello worker` as a child process for the length of the block; it reuses the
    store URLs `store_urls` exported, and is asked to stop (SIGTERM) when the block ends."""
    if not wanted:
        yield
        return
    child = subprocess.Popen([sys.executable, "-m", "server", "worker"])
    try:
        yield
    finally:
        child.terminate()
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()


@app.command()
def worker(
    concurrency: int | None = typer.Option(
        None,
        min=1,
        help="Jobs run at the same time [default: SPORTELLO_WORKER_CONCURRENCY, 4].",
        show_default=False,
    ),
    tasks_module: list[str] = typer.Option(
        [],
        "--tasks-module",
        metavar="MODULE",
        help="Also import MODULE for its @task functions (repeatable; plugins, the tests).",
    ),
) -> None:
    """Run the background jobs (expired holds, reminders…) until SIGTERM or Ctrl+C, which
    let the running jobs finish. Failed jobs are retried with backoff."""
    from resolvers.notify import SmtpServer
    from server.logs import configure_logging
    from server.worker import run_worker

    settings = settings_or_exit()
    configure_logging(settings.log_level)
    if settings.smtp_url:
        try:
            SmtpServer.from_url(settings.smtp_url)
        except ValueError as error:
            console.print(f"[red]error:[/red] {error}")
            raise typer.Exit(2) from error
    jobs_at_once = concurrency or settings.worker_concurrency
    with store_urls(settings) as resolved:
        exit_unless_migrated(resolved)
        mail = "SMTP" if settings.smtp_url else "the log only (SPORTELLO_SMTP_URL unset)"

        def ready() -> None:
            console.print(
                f"[bold green]Sportello worker[/bold green]: {jobs_at_once} jobs at a time, "
                f"mail to {mail}; SIGTERM or Ctrl+C stops it after the running jobs",
                soft_wrap=True,
            )

        asyncio.run(run_worker(resolved, jobs_at_once, tasks_module, on_ready=ready))
    console.print("worker stopped")


@app.command()
def migrate(revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Apply the database migrations (to the latest revision by default)."""
    from server.migrate import upgrade

    settings = settings_or_exit()
    with store_urls(settings) as resolved:
        with console.status("applying migrations…"):
            upgrade(resolved.database_url or "", revision)
        console.print(f"database at revision {revision}")


async def _seed(settings: Settings, local_passwords: bool) -> None:
    from server.database import open_stores
    from server.seeding import seed_platform
    from server.state import AppState

    stores = await open_stores(
        settings.database_url or "",
        settings.mongodb_url or "",
        settings.mongodb_database,
        settings.redis_url or "",
    )
    state = AppState.open(settings, stores)
    try:
        report = await seed_platform(
            state,
            local_passwords=local_passwords,
            progress=lambda message: console.print(f"[dim]•[/dim] {message}"),
        )
        await compile_demo_themes(state)
    finally:
        await state.close()
    console.print(str(report))


async def compile_demo_themes(state: AppState) -> None:
    """Compile the municipalities' stylesheets now, so that their first page is fast."""
    from models.tenant import Tenant
    from server.theme import Themes

    async with state.stores.cross_tenant_sessions() as session:  # every municipality
        tenants = (await session.exec(select(Tenant))).all()
    with console.status("compiling the municipalities' stylesheets…"):
        colours = [tenant.theme.get("primaryColor") for tenant in tenants]
        await Themes(state.settings).prepare(colours)


@app.command()
def seed(demo: bool = typer.Option(False, "--demo", help="Load the demo municipalities.")) -> None:
    """Load data; `--demo` loads Bugliano and Valdifiori. Running it twice changes nothing."""
    if not demo:
        console.print("nothing to seed: pass --demo")
        raise typer.Exit(2)
    settings = settings_or_exit()
    with store_urls(settings) as resolved:
        asyncio.run(_seed(resolved, local_passwords=not settings.production))


async def _mint(settings: Settings, tenant_slug: str, who: str, minutes: int) -> str:
    from auth.tokens import TokenService
    from models.tenant import Tenant
    from models.user import User
    from server.database import create_engine
    from server.row_security import APP_ROLE, cross_tenant_sessions

    # An administrator's command, for any municipality and any account: across tenants.
    engine = create_engine(settings.database_url or "", pool_size=1, acting_as=APP_ROLE)
    try:
        async with cross_tenant_sessions(engine)() as session:
            tenant_id = (
                await session.exec(select(Tenant.id).where(Tenant.slug == tenant_slug))
            ).first()
            if tenant_id is None:
                raise LookupError(f"no municipality {tenant_slug!r}")
            user = (
                await session.exec(
                    select(User.id, User.tenant_id, User.roles).where(
                        or_(User.tenant_id == tenant_id, col(User.tenant_id).is_(None)),
                        or_(User.username == who, User.fiscal_code == who.upper()),
                    )
                )
            ).first()
    finally:
        await engine.dispose()
    if user is None:
        raise LookupError(f"no user {who!r} in {tenant_slug!r}")
    user_id, user_tenant_id, roles = user
    tokens = TokenService(settings.signing_key, settings.previous_secret_keys)
    owner = None if user_tenant_id is None else tenant_slug
    return tokens.issue(user_id, owner, list(roles), "access", minutes * 60).token


@app.command()
def token(
    user: str = typer.Argument(..., help="Username, or fiscal code of a citizen."),
    tenant: str = typer.Option("bugliano", "--tenant", "-t", help="Municipality slug."),
    minutes: int = typer.Option(60, min=1, max=60 * 24 * 30, help="Lifetime of the token."),
) -> None:
    """Print an access token for an existing user, for scripts and the playground."""
    settings = settings_or_exit()
    with store_urls(settings) as resolved:
        try:
            print(asyncio.run(_mint(resolved, tenant, user, minutes)))
        except LookupError as error:
            console.print(f"[red]error:[/red] {error}")
            raise typer.Exit(1) from error


@app.command("export-schema")
def export_schema(
    output: Path = typer.Option(SCHEMA_FILE, help="Where to write the SDL; '-' for stdout."),
    matrix: Path = typer.Option(
        MATRIX_FILE, help="Where to write the authorization matrix generated from the schema."
    ),
) -> None:
    """Write the GraphQL schema (SDL) that clients generate their types from, and the
    authorization matrix its declared permissions make."""
    from schema.authorization import matrix_markdown
    from schema.root import build_schema

    schema = build_schema()
    sdl = str(schema) + "\n"
    if str(output) == "-":
        print(sdl, end="")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(sdl)
    matrix.parent.mkdir(parents=True, exist_ok=True)
    matrix.write_text(matrix_markdown(schema))
    console.print(f"schema written to {output}, authorization matrix to {matrix}")


@embedded_app.command("status")
def embedded_status() -> None:
    """Show which embedded servers run, their URLs, owners and data sizes."""
    from server.embedded import status

    settings = settings_or_exit()
    table = Table("server", "running", "pid", "url", "owner pid", "data")
    table.columns[3].overflow = "fold"
    for server in status(settings.data_dir):
        table.add_row(
            server.name,
            "yes" if server.running else "no",
            str(server.pid or ""),
            server.url or "",
            str(server.owner_pid or ""),
            f"{server.data_bytes / 1_048_576:.1f} MB",
        )
    Console().print(table)


@embedded_app.command("stop")
def embedded_stop() -> None:
    """Stop every embedded server of the data directory, whoever started it."""
    from server.embedded import stop_all

    settings = settings_or_exit()
    stopped = stop_all(settings.data_dir)
    console.print("stopped: " + (", ".join(stopped) if stopped else "nothing was running"))
