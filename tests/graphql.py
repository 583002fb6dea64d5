"""A small GraphQL-over-HTTP client for the tests, reading round trips from `Server-Timing`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx


@dataclass(frozen=True)
class LiveServer:
    base_url: str
    env: dict[str, str]
    """The environment the server runs with: store URLs, data dir, secret key."""
    log: Path


@dataclass(frozen=True)
class RoundTrips:
    postgres: int
    mongodb: int


@dataclass
class Result:
    status: int
    body: dict[str, Any]
    headers: httpx.Headers

    @property
    def data(self) -> Any:
        assert not self.body.get("errors"), self.body["errors"]
        return self.body["data"]

    @property
    def errors(self) -> list[dict[str, Any]]:
        return list(self.body.get("errors") or [])

    @property
    def error_codes(self) -> list[str]:
        return [error.get("extensions", {}).get("code", "") for error in self.errors]

    @property
    def round_trips(self) -> RoundTrips:
        """The database round trips the server made for this one request."""
        timing = self.headers["server-timing"]
        counts = dict(re.findall(r"(\w+);desc=(\d+)", timing))
        return RoundTrips(int(counts["pg"]), int(counts["mongo"]))


class GraphQLClient:
    def __init__(self, http: httpx.Client) -> None:
        self.http = http

    def __call__(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        tenant: str | None = "bugliano",
        token: str | None = None,
        language: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Result:
        sent = dict(headers or {})
        if token:
            sent["Authorization"] = f"Bearer {token}"
        if language:
            sent["Accept-Language"] = language
        path = f"/{tenant}/graphql" if tenant else "/graphql"
        response = self.http.post(
            path, json={"query": query, "variables": variables or {}}, headers=sent
        )
        return Result(response.status_code, response.json(), response.headers)

    def login(self, username: str, password: str, tenant: str = "bugliano") -> str:
        result = self(
            """mutation($input: LoginInput!) {
                 login(input: $input) { accessToken errors { code message } }
               }""",
            {"input": {"username": username, "password": password}},
            tenant=tenant,
        )
        payload = result.data["login"]
        assert payload["errors"] == [], payload["errors"]
        return str(payload["accessToken"])
