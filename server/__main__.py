"""`python -m server` runs the `sportello` command line."""

from server.cli import app

app()
