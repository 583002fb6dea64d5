"""The command line refuses to serve a database the migrations have not prepared."""

from __future__ import annotations

import asyncio
import subprocess
import sys

from server.database import recreate_database
from tests.conftest import ROOT
from tests.graphql import LiveServer


def test_serve_on_an_unmigrated_database_says_what_to_run(server: LiveServer) -> None:
    empty = asyncio.run(recreate_database(server.env["DATABASE_URL"], "sportello_unmigrated"))
    result = subprocess.run(
        [sys.executable, "-m", "server", "serve", "--port", "1"],
        cwd=ROOT,
        env={**server.env, "DATABASE_URL": empty, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "run `sportello migrate`" in result.stderr


def test_every_command_documents_itself() -> None:
    for command in (
        ["serve"],
        ["migrate"],
        ["seed"],
        ["token"],
        ["export-schema"],
        ["embedded", "status"],
        ["embedded", "stop"],
    ):
        shown = subprocess.run(
            [sys.executable, "-m", "server", *command, "--help"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "Usage:" in shown, command
