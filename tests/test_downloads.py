"""Downloads through short-lived signed links: the right bytes and headers, nothing else."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import httpx
import pytest
from strawberry.relay import GlobalID

from auth.file_links import sign_download, verify_download
from auth.tokens import ExpiredToken, InvalidToken, TokenService
from resolvers.storage import open_storage
from server.middleware import loggable_path, route_label
from tests.graphql import GraphQLClient, LiveServer

pytestmark = pytest.mark.date_sensitive

NAME = "Caffè perché.pdf"
CONTENT = b"%PDF-1.7\n% domanda di residenza\n"


def tenant_id(api: GraphQLClient, slug: str) -> uuid.UUID:
    global_id = api("{ tenant { id } }", tenant=slug).data["tenant"]["id"]
    return uuid.UUID(GlobalID.from_id(global_id).node_id)


def server_tokens(server: LiveServer) -> TokenService:
    return TokenService(server.env["SPORTELLO_SECRET_KEY"])


def stored_file(server: LiveServer, owner: uuid.UUID, content: bytes = CONTENT) -> str:
    """A file put into the server's own storage, as the upload mutation puts it; its key."""
    key = f"{owner}/{uuid.uuid4()}"
    storage = open_storage(None, Path(server.env["SPORTELLO_DATA_DIR"]))
    asyncio.run(storage.put(key, content, "application/pdf"))
    return key


def link(server: LiveServer, owner: uuid.UUID, key: str, lifetime_seconds: int = 120) -> str:
    return sign_download(
        server_tokens(server),
        key=key,
        filename=NAME,
        content_type="application/pdf",
        tenant_id=owner,
        lifetime_seconds=lifetime_seconds,
    )


def fetch(server: LiveServer, tenant: str, token: str) -> httpx.Response:
    return httpx.get(f"{server.base_url}/{tenant}/files/{token}")


def test_a_signed_link_downloads_the_file(api: GraphQLClient, server: LiveServer) -> None:
    bugliano = tenant_id(api, "bugliano")
    response = fetch(server, "bugliano", link(server, bugliano, stored_file(server, bugliano)))
    assert response.status_code == 200, response.text
    assert response.content == CONTENT
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"Caffe perche.pdf\"; filename*=UTF-8''Caff%C3%A8%20perch%C3%A9.pdf"
    )
    assert response.headers["x-content-type-options"] == "nosniff"
    cache, max_age = response.headers["cache-control"].split(", max-age=")
    assert cache == "private"
    assert 100 <= int(max_age) <= 120
    assert "sandbox" in response.headers["content-security-policy"]


def test_an_expired_link_is_refused(api: GraphQLClient, server: LiveServer) -> None:
    bugliano = tenant_id(api, "bugliano")
    token = link(server, bugliano, stored_file(server, bugliano), lifetime_seconds=-1)
    response = fetch(server, "bugliano", token)
    assert response.status_code == 403
    assert response.json()["code"] == "LINK_EXPIRED"
    assert response.json()["message"]


def test_a_link_of_another_municipality_finds_nothing(
    api: GraphQLClient, server: LiveServer
) -> None:
    bugliano = tenant_id(api, "bugliano")
    token = link(server, bugliano, stored_file(server, bugliano))
    for tenant in ("valdifiori", "nowhere"):
        response = fetch(server, tenant, token)
        assert response.status_code == 404, tenant
        assert response.json()["code"] == "NOT_FOUND"
        assert CONTENT not in response.content


def test_a_tampered_or_foreign_token_is_refused(api: GraphQLClient, server: LiveServer) -> None:
    bugliano = tenant_id(api, "bugliano")
    key = stored_file(server, bugliano)
    header, _, signature = link(server, bugliano, key).split(".")
    other_key = sign_download(
        server_tokens(server),
        key=stored_file(server, bugliano),
        filename=NAME,
        content_type="application/pdf",
        tenant_id=bugliano,
    ).split(".")[1]
    access = server_tokens(server).issue(bugliano, "bugliano", ["CITIZEN"], "access", 60).token
    foreign = sign_download(
        TokenService("another-secret-key-that-is-long-enough-0123456"),
        key=key,
        filename=NAME,
        content_type="text/html",
        tenant_id=bugliano,
    )
    for token in (f"{header}.{other_key}.{signature}", access, foreign, "not-a-token"):
        response = fetch(server, "bugliano", token)
        assert response.status_code == 403, token
        assert response.json()["code"] == "INVALID_LINK"


def test_a_link_to_a_removed_file_is_a_404(api: GraphQLClient, server: LiveServer) -> None:
    bugliano = tenant_id(api, "bugliano")
    key = stored_file(server, bugliano)
    asyncio.run(open_storage(None, Path(server.env["SPORTELLO_DATA_DIR"])).delete(key))
    response = fetch(server, "bugliano", link(server, bugliano, key))
    assert response.status_code == 404
    assert response.json()["code"] == "FILE_NOT_FOUND"


def test_links_carry_what_they_were_signed_with() -> None:
    tokens = TokenService("current-secret-key-of-at-least-thirty-two-chars")
    owner = uuid.uuid4()
    claims = verify_download(
        tokens,
        sign_download(
            tokens, key=f"{owner}/f", filename=NAME, content_type="image/png", tenant_id=owner
        ),
    )
    assert (claims.key, claims.filename, claims.content_type) == (f"{owner}/f", NAME, "image/png")
    assert claims.tenant_id == owner
    with pytest.raises(ExpiredToken):
        verify_download(
            tokens,
            sign_download(
                tokens,
                key="k",
                filename=NAME,
                content_type="image/png",
                tenant_id=owner,
                lifetime_seconds=-1,
            ),
        )
    refresh = tokens.issue(owner, None, [], "refresh", 60).token
    with pytest.raises(InvalidToken):
        verify_download(tokens, refresh)


def test_signed_links_stay_out_of_logs_and_metric_labels() -> None:
    assert loggable_path("/bugliano/files/eyJhbGciOi.payload.signature") == "/bugliano/files/…"
    assert loggable_path("/bugliano/graphql") == "/bugliano/graphql"
    assert route_label("/bugliano/files/eyJhbGciOi.payload.signature") == "files"
