"""Embedded PostgreSQL, MongoDB-protocol (SecantusDB) and Valkey servers kept under a data dir."""

from server.embedded.base import ServerStatus
from server.embedded.processes import EmbeddedError
from server.embedded.stack import EmbeddedStack, EmbeddedURLs, status, stop_all

__all__ = ["EmbeddedError", "EmbeddedStack", "EmbeddedURLs", "ServerStatus", "status", "stop_all"]
