"""A download link that expired says so in the reader's language, and reading the file again
(`node(id)`) signs a fresh link, for those who may see the file only."""

from __future__ import annotations

import base64
import time
import uuid
from typing import Any

import httpx
import pytest

from auth.file_links import sign_download, verify_download
from tests.graphql import GraphQLClient, LiveServer
from tests.practices import (
    GIULIA,
    MARIO,
    OPERATOR,
    draft,
    in_charge,
    send_message,
    uploaded,
)
from tests.test_downloads import server_tokens, stored_file, tenant_id
from tests.test_practice_files import IDENTITY_CARD, identity_card_data, pdf

FILE = "query($id: ID!) { node(id: $id) { ... on File { id name url } } }"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture
def mario(api: GraphQLClient) -> str:
    return api.login(*MARIO)


def expired_link(server: LiveServer, api: GraphQLClient) -> str:
    bugliano = tenant_id(api, "bugliano")
    token = sign_download(
        server_tokens(server),
        key=stored_file(server, bugliano),
        filename="ricevuta.pdf",
        content_type="application/pdf",
        tenant_id=bugliano,
        lifetime_seconds=-1,
    )
    return f"{server.base_url}/bugliano/files/{token}"


def file_node(api: GraphQLClient, token: str, file_id: str) -> dict[str, Any] | None:
    node = api(FILE, {"id": file_id}, token=token).data["node"]
    return None if node is None else dict(node)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("it-IT,it;q=0.9", "Il link per scaricare il file è scaduto"),
        ("en-GB,en;q=0.9", "The download link has expired"),
        ("de-DE,de;q=0.9", "Der Download-Link ist abgelaufen"),
    ],
)
def test_an_expired_link_says_so_in_the_readers_language(
    api: GraphQLClient, server: LiveServer, language: str, words: str
) -> None:
    url = expired_link(server, api)

    fetched = httpx.get(url, headers={"Accept-Language": language})
    assert fetched.status_code == 403
    assert fetched.json()["code"] == "LINK_EXPIRED"
    assert fetched.json()["message"].startswith(words)
    assert fetched.headers["cache-control"] == "no-store"

    opened = httpx.get(url, headers={"Accept-Language": language, "Accept": BROWSER_ACCEPT})
    assert opened.status_code == 403
    assert opened.headers["content-type"].startswith("text/html")
    page = opened.text
    assert f'<html lang="{language[:2]}">' in page
    assert f'<h1 class="h2">{words}</h1>' in page
    assert 'href="/bugliano/"' in page, "a way back to the municipality's desk"
    assert '<link rel="stylesheet" href="/bugliano/theme.css' in page
    assert "frame-ancestors 'none'" in opened.headers["content-security-policy"]


def test_a_language_the_interface_lacks_falls_back_to_the_municipalitys(
    api: GraphQLClient, server: LiveServer
) -> None:
    """The apps speak Italian, English and German, whatever the municipality's own texts are
    in; for anything else, the municipality's language."""
    valdifiori = tenant_id(api, "valdifiori")
    token = sign_download(
        server_tokens(server),
        key=stored_file(server, valdifiori),
        filename="x.pdf",
        content_type="application/pdf",
        tenant_id=valdifiori,
        lifetime_seconds=-1,
    )
    url = f"{server.base_url}/valdifiori/files/{token}"
    french = httpx.get(url, headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    assert french.json()["message"].startswith("Il link per scaricare il file è scaduto")
    german = httpx.get(url, headers={"Accept-Language": "de"})
    assert german.json()["message"].startswith("Der Download-Link ist abgelaufen")
    unknown = httpx.get(
        f"{server.base_url}/nowhere/files/not-a-token",
        headers={"Accept-Language": "en", "Accept": BROWSER_ACCEPT},
    )
    assert unknown.status_code == 403
    assert "The download link is not valid" in unknown.text
    assert "stylesheet" not in unknown.text


def test_reading_a_file_again_signs_a_fresh_link(
    api: GraphQLClient, server: LiveServer, mario: str
) -> None:
    practice = draft(api, mario, identity_card_data(), service=IDENTITY_CARD)
    file = uploaded(api, mario, practice["id"], "denuncia.pdf", pdf(), component="report")
    first = verify_download(server_tokens(server), file["url"].rpartition("/")[2])
    time.sleep(1.1)  # links carry whole seconds

    node = file_node(api, mario, file["id"])
    assert node is not None
    assert node["name"] == "denuncia.pdf"
    fresh = verify_download(server_tokens(server), node["url"].rpartition("/")[2])
    assert fresh.key == first.key
    assert fresh.expires_at > first.expires_at
    downloaded = httpx.get(server.base_url + node["url"])
    assert downloaded.status_code == 200
    assert downloaded.content.startswith(b"%PDF-")


def test_only_who_may_see_a_file_gets_a_fresh_link(api: GraphQLClient, mario: str) -> None:
    practice = draft(api, mario, identity_card_data(), service=IDENTITY_CARD)
    upload = uploaded(api, mario, practice["id"], "denuncia.pdf", pdf(), component="report")
    giulia = api.login(*GIULIA)
    operator = api.login(*OPERATOR)
    assert file_node(api, giulia, upload["id"]) is None
    assert file_node(api, operator, upload["id"]) is None, "the office sees no drafts"
    assert file_node(api, mario, upload["id"]) is not None

    worked = in_charge(api, mario, operator)
    note_file = uploaded(api, operator, worked["id"], "verbale.pdf", pdf(), purpose="MESSAGE")
    note = send_message(
        api,
        operator,
        worked["id"],
        body="Da verificare",
        visibility="INTERNAL",
        fileIds=[note_file["id"]],
    )
    assert note["errors"] == []
    assert file_node(api, operator, note_file["id"]) is not None
    assert file_node(api, mario, note_file["id"]) is None, "an internal note's file"
    missing = base64.b64encode(f"File:{uuid.uuid4()}".encode()).decode()
    assert file_node(api, mario, missing) is None
