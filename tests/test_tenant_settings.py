"""A municipality's own settings: `updateTenant` (theme, allowed origins) and the CORS answers
made from them, through HTTP against the test server."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.graphql import GraphQLClient, LiveServer
from tests.live_server import needs_node_modules

UPDATE = """mutation($input: UpdateTenantInput!) {
  updateTenant(input: $input) {
    tenant { theme { logoUrl primaryColor } allowedOrigins }
    errors { field code message }
  }
}"""
READ = "{ tenant { theme { logoUrl primaryColor } allowedOrigins } }"
READ_SLUG = "{ tenant { slug } }"
SITE = "https://www.comune.bugliano.pi.it"
"""The origin of Bugliano's `site_url` in the demo."""


@pytest.fixture
def admin(api: GraphQLClient, fresh_world: None) -> str:
    return api.login("admin", "admin")


def preflight(api: GraphQLClient, origin: str, path: str = "/bugliano/graphql") -> str | None:
    response = api.http.options(
        path,
        headers={
            "origin": origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type, authorization",
        },
    )
    return response.headers.get("access-control-allow-origin")


def allowed_by_request(api: GraphQLClient, origin: str, x_tenant: str | None = None) -> str | None:
    """The CORS answer to a query from `origin` to Bugliano, or to `/graphql` with X-Tenant."""
    if x_tenant:
        result = api(READ_SLUG, tenant=None, headers={"origin": origin, "x-tenant": x_tenant})
    else:
        result = api(READ_SLUG, headers={"origin": origin})
    return result.headers.get("access-control-allow-origin")


def test_the_municipality_site_may_call_its_api_and_others_may_not(api: GraphQLClient) -> None:
    assert preflight(api, SITE) == SITE
    assert allowed_by_request(api, SITE) == SITE
    assert preflight(api, "https://evil.example") is None
    assert allowed_by_request(api, "https://evil.example") is None
    assert preflight(api, SITE, "/valdifiori/graphql") is None
    # A preflight cannot name its tenant (X-Tenant is only asked about): any tenant's origin.
    assert preflight(api, SITE, "/graphql") == SITE
    assert preflight(api, "https://evil.example", "/graphql") is None
    assert allowed_by_request(api, SITE, x_tenant="bugliano") == SITE
    assert allowed_by_request(api, SITE, x_tenant="valdifiori") is None


def test_an_admin_sets_theme_and_origins(api: GraphQLClient, admin: str) -> None:
    result = api(
        UPDATE,
        {
            "input": {
                "theme": {"primaryColor": "#AA3300"},
                "allowedOrigins": ["https://Portale.Example:8443/", "https://portale.example:8443"],
            }
        },
        token=admin,
    )
    assert result.data["updateTenant"] == {
        "tenant": {
            "theme": {"logoUrl": "/bugliano/logo.svg", "primaryColor": "#AA3300"},
            "allowedOrigins": ["https://portale.example:8443"],
        },
        "errors": [],
    }
    assert api(READ, token=admin).data["tenant"]["allowedOrigins"] == [
        "https://portale.example:8443"
    ]
    # Every server process is told at once: no waiting for the cached origins to expire.
    assert preflight(api, "https://portale.example:8443") == "https://portale.example:8443"
    assert allowed_by_request(api, "https://portale.example:8443") == (
        "https://portale.example:8443"
    )
    assert preflight(api, SITE) == SITE


def test_origins_are_shown_to_admins_only(api: GraphQLClient) -> None:
    assert api(READ).data["tenant"]["allowedOrigins"] is None
    citizen = api.login("RSSMRA80A01H501U", "cittadino")
    assert api(READ, token=citizen).data["tenant"]["allowedOrigins"] is None
    admin = api.login("admin", "admin")
    assert api(READ, token=admin).data["tenant"]["allowedOrigins"] == []


def test_every_problem_is_reported_and_nothing_is_written(api: GraphQLClient, admin: str) -> None:
    before = api(READ, token=admin).data
    result = api(
        UPDATE,
        {
            "input": {
                "theme": {"primaryColor": "blue", "logoUrl": "javascript:alert(1)"},
                "allowedOrigins": [
                    "https://ok.example",
                    "https://x.example/path",
                    "ftp://files.example",
                    "not an origin",
                ],
            }
        },
        token=admin,
    )
    payload = result.data["updateTenant"]
    assert payload["tenant"] is None
    assert [(error["field"], error["code"]) for error in payload["errors"]] == [
        ("theme.primaryColor", "INVALID"),
        ("theme.logoUrl", "INVALID"),
        ("allowedOrigins.1", "INVALID"),
        ("allowedOrigins.2", "INVALID"),
        ("allowedOrigins.3", "INVALID"),
    ]
    assert "https://x.example" in payload["errors"][2]["message"]
    assert api(READ, token=admin).data == before
    assert preflight(api, "https://ok.example") is None


@pytest.mark.parametrize(
    ("username", "password"),
    [("RSSMRA80A01H501U", "cittadino"), ("operatore", "operatore"), (None, None)],
)
def test_only_admins_may_change_the_municipality(
    api: GraphQLClient, fresh_world: None, username: str | None, password: str | None
) -> None:
    token = api.login(username, password) if username and password else None
    result = api(UPDATE, {"input": {"allowedOrigins": ["https://x.example"]}}, token=token)
    payload = result.data["updateTenant"]
    assert payload["tenant"] is None
    assert [error["code"] for error in payload["errors"]] == ["FORBIDDEN"]
    admin = api.login("admin", "admin")
    assert api(READ, token=admin).data["tenant"]["allowedOrigins"] == []


@needs_node_modules
def test_a_new_colour_starts_compiling_its_stylesheet(
    api: GraphQLClient, admin: str, server: LiveServer
) -> None:
    themes = Path(server.env["SPORTELLO_DATA_DIR"]) / "themes"
    before = set(themes.glob("*.css")) if themes.exists() else set()
    result = api(UPDATE, {"input": {"theme": {"primaryColor": "#5d2e8c"}}}, token=admin)
    assert result.data["updateTenant"]["errors"] == []
    deadline = time.monotonic() + 120
    while not (set(themes.glob("*.css")) - before if themes.exists() else set()):
        assert time.monotonic() < deadline, "no stylesheet was compiled"
        time.sleep(0.5)
