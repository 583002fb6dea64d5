"""The committed SDL is what the code serves; a stale file fails here."""

from __future__ import annotations

from pathlib import Path

import strawberry

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "codegen" / "schema.graphql"


def test_committed_schema_matches_the_code(code_schema: strawberry.Schema) -> None:
    assert SCHEMA_FILE.read_text() == str(code_schema) + "\n", (
        "codegen/schema.graphql is stale: run `sportello export-schema` and commit the result"
    )
