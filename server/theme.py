"""Each municipality's stylesheet: Bootstrap Italia compiled with its brand colour.

Bootstrap Italia derives its shades from the primary colour when Sass compiles it, so a colour
needs a compile of its own (`frontend/scripts/theme.mjs`, a few seconds of node). The result is
kept under the data directory, named by a hash of the colour, the Bootstrap Italia version and
the compile script,
so every process and every restart reuses it, beside its brotli and gzip copies; a tenant
without a colour gets the default stylesheet of the frontend build.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import time
from pathlib import Path

import anyio

from server.logs import log
from server.precompressed import write_copies
from server.settings import FRONTEND_SOURCE, Settings

THEME_SCRIPT = FRONTEND_SOURCE / "scripts" / "theme.mjs"
KIT_PACKAGE = FRONTEND_SOURCE / "node_modules" / "bootstrap-italia" / "package.json"
COMPILE_SECONDS = 120
"""A compile that takes longer than this is stuck: it is stopped and counts as failed."""


def kit_version() -> str:
    """The Bootstrap Italia version the stylesheets are compiled from ("" if not installed)."""
    try:
        return str(json.loads(KIT_PACKAGE.read_text())["version"])
    except (OSError, ValueError, KeyError):
        return ""


def compiler_version() -> str:
    """Bootstrap Italia's version and a digest of the compile script: when either changes, every
    cached stylesheet is stale."""
    try:
        script = hashlib.sha256(THEME_SCRIPT.read_bytes()).hexdigest()[:12]
    except OSError:
        script = ""
    return f"{kit_version()}+{script}"


def normalised(colour: str | None) -> str | None:
    return colour.lower() if colour else None


async def run_compiler(colour: str, out: Path) -> str | None:
    """Compile one stylesheet with node; what went wrong, or None."""
    try:
        process = await asyncio.create_subprocess_exec(
            "node",
            str(THEME_SCRIPT),
            "--primary",
            colour,
            "--out",
            str(out),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
    except OSError as error:
        return f"cannot run node: {error}"
    try:
        _, errors = await asyncio.wait_for(process.communicate(), COMPILE_SECONDS)
    except TimeoutError:
        process.kill()
        await process.wait()
        return f"no result after {COMPILE_SECONDS} s"
    if process.returncode != 0:
        return errors.decode(errors="replace").strip() or f"exit status {process.returncode}"
    return None


class Themes:
    """The compiled stylesheets of one process: one compile per colour, however many requests
    ask for it at once."""

    def __init__(self, settings: Settings) -> None:
        self.directory = settings.data_dir / "themes"
        self.default = settings.frontend_dir / "theme" / "default.css"
        self.version = compiler_version()
        self.locks: dict[str, asyncio.Lock] = {}
        self.failed: set[str] = set()
        """Keys whose compile failed in this process: served the default, not compiled again."""
        self.compiles = 0
        self.background: set[asyncio.Task[Path]] = set()

    def key(self, colour: str | None) -> str:
        """Names a stylesheet: changes with the colour, Bootstrap Italia or the compile script."""
        source = f"{normalised(colour) or 'default'}|{self.version}"
        return hashlib.sha256(source.encode()).hexdigest()[:16]

    def compiled(self, colour: str) -> Path:
        return self.directory / f"{self.key(colour)}.css"

    async def stylesheet(self, colour: str | None) -> Path:
        """The stylesheet file for a colour, compiling it first if this is its first use; the
        default stylesheet for no colour or a compile that failed."""
        colour = normalised(colour)
        if colour is None:
            return self.default
        path = self.compiled(colour)
        key = path.stem
        if await anyio.Path(path).exists():
            return path
        if key in self.failed:
            return self.default
        async with self.locks.setdefault(key, asyncio.Lock()):
            if key not in self.failed and not await anyio.Path(path).exists():
                await self.compile(colour, path)
        return self.default if key in self.failed else path

    def start(self, colour: str | None) -> None:
        """Compile a colour in the background (after a theme change), so its first page is fast."""
        if colour:
            task = asyncio.get_running_loop().create_task(self.stylesheet(colour))
            self.background.add(task)
            task.add_done_callback(self.background.discard)

    async def compile(self, colour: str, path: Path) -> None:
        """Run the compiler into a temporary file, then move it into place: a reader (another
        process too) sees either no file or a whole one."""
        await anyio.Path(self.directory).mkdir(parents=True, exist_ok=True)
        partial = anyio.Path(path.with_suffix(f".{os.getpid()}.partial"))
        started = time.perf_counter()
        self.compiles += 1
        error = await run_compiler(colour, Path(partial))
        if error is None and await partial.exists():
            # The copies first: whoever finds the stylesheet finds them too.
            await asyncio.to_thread(write_copies, Path(partial), path)
            await partial.replace(path)
            seconds = round(time.perf_counter() - started, 2)
            log.info("theme compiled", colour=colour, seconds=seconds)
            return
        await partial.unlink(missing_ok=True)
        self.failed.add(path.stem)
        log.error("theme compile failed", colour=colour, error=error)

    async def prepare(self, colours: list[str | None]) -> None:
        """Compile the stylesheets of these colours now (demo seeding), in parallel."""
        await asyncio.gather(*(self.stylesheet(colour) for colour in set(colours)))
