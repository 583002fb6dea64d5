"""What a browser downloads, and how: the build's files and the tenants' stylesheets go as their
brotli or gzip copy to clients that take it and as the plain file to the others and to range
requests; GraphQL answers and pages are gzipped when they are big enough; downloads never are;
a page has the browser fetch the municipality's query while its scripts load. The build is a
small stand-in with real copies, as `npm run build` leaves them."""

from __future__ import annotations

import asyncio
import gzip
import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import brotli
import httpx
import pytest
from strawberry.relay import GlobalID

from auth.file_links import sign_download
from auth.tokens import TokenService
from resolvers.storage import open_storage
from server.precompressed import accepted_codings, write_copies
from tests.graphql import LiveServer
from tests.live_server import serve

SCRIPT = "export function greet(name) { return `Buongiorno, ${name}!`; }\n" * 100
SCRIPT_PATH = "/app/assets/citizen-a1b2c3.js"
PAGE = """<!doctype html>
<html lang="it">
<head><title>Sportello</title><!-- sportello:head --></head>
<body><div id="root"></div>
<noscript>{notice}</noscript>
<script type="module" src="/app/assets/citizen-a1b2c3.js"></script></body>
</html>
"""
NOTICE = "<p>Per usare lo Sportello attiva JavaScript nel browser.</p>\n" * 30
BROWSER = "gzip, deflate, br, zstd"
"""What Chromium sends over HTTP."""


def small_build(directory: Path) -> Path:
    """The build in miniature: pages, a script and the default stylesheet with their copies, a
    picture without any."""
    for folder in ("assets", "operator", "theme"):
        (directory / folder).mkdir(parents=True)
    (directory / "index.html").write_text(PAGE.replace("{notice}", NOTICE))
    (directory / "operator" / "index.html").write_text(PAGE.replace("{notice}", ""))
    script = directory / "assets" / "citizen-a1b2c3.js"
    script.write_text(SCRIPT)
    write_copies(script, script)
    stylesheet = directory / "theme" / "default.css"
    stylesheet.write_text(":root{--default:1}\n" + ".btn{color:red}\n" * 200)
    write_copies(stylesheet, stylesheet)
    (directory / "assets" / "crest.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(4000))
    return directory


@pytest.fixture(scope="module")
def site(world: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    base = tmp_path_factory.mktemp("compression")
    small_build(base / "dist")
    with serve(
        world,
        base / "serve.log",
        SPORTELLO_FRONTEND_DIR=str(base / "dist"),
        SPORTELLO_DATA_DIR=str(base / "data"),
    ) as server:
        yield server


@pytest.fixture
def http(site: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=site.base_url, timeout=60) as client:
        yield client


def raw(http: httpx.Client, path: str, **headers: str) -> tuple[httpx.Response, bytes]:
    """The answer and its body as it came over the wire, not decoded."""
    with http.stream("GET", path, headers=headers) as response:
        return response, b"".join(response.iter_raw())


def dist(site: LiveServer) -> Path:
    return Path(site.env["SPORTELLO_FRONTEND_DIR"])


def test_a_browser_that_takes_brotli_gets_the_brotli_copy(
    http: httpx.Client, site: LiveServer
) -> None:
    copy = (dist(site) / "assets" / "citizen-a1b2c3.js.br").read_bytes()
    response, body = raw(http, SCRIPT_PATH, **{"accept-encoding": BROWSER})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "br"
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.headers["content-type"] == "text/javascript; charset=utf-8"
    assert response.headers["content-length"] == str(len(copy))
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert body == copy
    assert brotli.decompress(body).decode() == SCRIPT
    assert len(body) < len(SCRIPT) / 10


def test_a_client_that_takes_only_gzip_gets_the_gzip_copy(http: httpx.Client) -> None:
    response, body = raw(http, SCRIPT_PATH, **{"accept-encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.headers["content-length"] == str(len(body))
    assert gzip.decompress(body).decode() == SCRIPT


@pytest.mark.parametrize("accept", ["identity", "br;q=0, gzip;q=0", "compress"])
def test_a_client_that_takes_neither_gets_the_plain_file(http: httpx.Client, accept: str) -> None:
    response, body = raw(http, SCRIPT_PATH, **{"accept-encoding": accept})
    assert "content-encoding" not in response.headers
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.headers["content-length"] == str(len(SCRIPT))
    assert body.decode() == SCRIPT


def test_the_weights_of_accept_encoding_are_honoured() -> None:
    assert accepted_codings("gzip, deflate, br, zstd") == {"gzip", "deflate", "br", "zstd"}
    assert accepted_codings("br;q=0, gzip;q=0.5") == {"gzip"}
    assert accepted_codings("*") == {"*", "br", "gzip"}
    assert accepted_codings("*;q=0.1, br;q=0") == {"*", "gzip"}
    assert accepted_codings("gzip;q=nonsense") == set()
    assert accepted_codings(None) == set()


def test_each_encoding_has_its_own_etag_and_revalidates_alone(http: httpx.Client) -> None:
    tags = {
        accept: raw(http, SCRIPT_PATH, **{"accept-encoding": accept})[0].headers["etag"]
        for accept in ("br", "gzip", "identity")
    }
    assert len(set(tags.values())) == 3, tags
    assert tags["br"].endswith('-br"')
    assert tags["gzip"].endswith('-gzip"')
    again = http.get(SCRIPT_PATH, headers={"accept-encoding": "br", "if-none-match": tags["br"]})
    assert again.status_code == 304
    assert again.headers["etag"] == tags["br"]
    assert again.headers["vary"] == "Accept-Encoding"
    assert "content-encoding" not in again.headers
    other = http.get(SCRIPT_PATH, headers={"accept-encoding": "gzip", "if-none-match": tags["br"]})
    assert other.status_code == 200
    assert other.headers["content-encoding"] == "gzip"


def test_a_range_is_cut_from_the_plain_file(http: httpx.Client) -> None:
    response, body = raw(http, SCRIPT_PATH, **{"accept-encoding": BROWSER, "range": "bytes=0-99"})
    assert response.status_code == 206
    assert "content-encoding" not in response.headers
    assert response.headers["content-range"] == f"bytes 0-99/{len(SCRIPT)}"
    assert body.decode() == SCRIPT[:100]


def test_head_tells_the_length_of_the_copy_it_would_send(
    http: httpx.Client, site: LiveServer
) -> None:
    response = http.head(SCRIPT_PATH, headers={"accept-encoding": "br"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "br"
    copy = dist(site) / "assets" / "citizen-a1b2c3.js.br"
    assert response.headers["content-length"] == str(copy.stat().st_size)
    assert response.content == b""


def test_a_copy_is_not_a_file_of_its_own(http: httpx.Client) -> None:
    assert http.get(f"{SCRIPT_PATH}.br").status_code == 404
    assert http.get(f"{SCRIPT_PATH}.gz").status_code == 404


def test_a_file_without_copies_is_sent_as_it_is(http: httpx.Client, site: LiveServer) -> None:
    response, body = raw(http, "/app/assets/crest.png", **{"accept-encoding": BROWSER})
    assert response.status_code == 200
    assert "content-encoding" not in response.headers
    assert "vary" not in response.headers
    assert body == (dist(site) / "assets" / "crest.png").read_bytes()


def test_the_tenant_stylesheet_goes_as_its_brotli_copy(
    http: httpx.Client, site: LiveServer
) -> None:
    """A stylesheet compiled by an earlier process, found with its copies in the data directory
    (the compile writes them: tests/test_frontend_server.py compiles one for real)."""
    page = http.get("/bugliano/").text
    link = re.search(r'href="(/bugliano/theme\.css\?v=([0-9a-f]{16}))"', page)
    assert link, "the page links the tenant's stylesheet"
    themes = Path(site.env["SPORTELLO_DATA_DIR"]) / "themes"
    themes.mkdir(parents=True, exist_ok=True)
    stylesheet = themes / f"{link[2]}.css"
    stylesheet.write_text(".cached{color:#0b5c8e}\n" * 300)
    write_copies(stylesheet, stylesheet)
    response, body = raw(http, link[1], **{"accept-encoding": BROWSER})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/css; charset=utf-8"
    assert response.headers["content-encoding"] == "br"
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.headers["content-length"] == str(len(body))
    assert brotli.decompress(body).decode() == stylesheet.read_text()
    plain, text = raw(http, link[1], **{"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert text.decode() == stylesheet.read_text()
    assert plain.headers["etag"] != response.headers["etag"]


CATALOGUE = "{ services(first: 50) { edges { node { slug name shortDescription } } } }"


def test_a_big_graphql_answer_is_gzipped(http: httpx.Client) -> None:
    response, body = raw_post(http, CATALOGUE, BROWSER)
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["content-length"] == str(len(body))
    assert "accept-encoding" in response.headers["vary"].lower()
    assert "accept-language" in response.headers["vary"].lower(), "the route's own Vary is kept"
    answer = gzip.decompress(body)
    assert len(body) < len(answer) / 2
    assert len(json.loads(answer)["data"]["services"]["edges"]) > 10


def test_a_small_graphql_answer_or_a_client_without_gzip_gets_plain_json(
    http: httpx.Client,
) -> None:
    small, body = raw_post(http, "{ tenant { slug } }", BROWSER)
    assert "content-encoding" not in small.headers
    assert json.loads(body)["data"] == {"tenant": {"slug": "bugliano"}}
    plain, body = raw_post(http, CATALOGUE, "identity")
    assert "content-encoding" not in plain.headers
    assert json.loads(body)["data"]["services"]["edges"]


def raw_post(http: httpx.Client, query: str, accept: str) -> tuple[httpx.Response, bytes]:
    request = http.build_request(
        "POST", "/bugliano/graphql", json={"query": query}, headers={"accept-encoding": accept}
    )
    response = http.send(request, stream=True)
    try:
        return response, b"".join(response.iter_raw())
    finally:
        response.close()


def test_a_page_is_gzipped_when_big_enough(http: httpx.Client) -> None:
    page, body = raw(http, "/bugliano/servizi", **{"accept-encoding": BROWSER})
    assert page.headers["content-encoding"] == "gzip"
    assert page.headers["vary"] == "Accept-Encoding"
    html = gzip.decompress(body).decode()
    assert "<title>Comune di Bugliano</title>" in html
    assert NOTICE in html
    small, body = raw(http, "/bugliano/operator/", **{"accept-encoding": BROWSER})
    assert "content-encoding" not in small.headers
    assert "<title>Comune di Bugliano</title>" in body.decode()


def test_a_download_is_sent_as_it_was_stored(http: httpx.Client, site: LiveServer) -> None:
    """Uploads are mostly PDFs and pictures, compressed already: compressing them again costs
    CPU for nothing, whatever the client accepts."""
    global_id = http.post("/bugliano/graphql", json={"query": "{ tenant { id } }"}).json()
    tenant = uuid.UUID(GlobalID.from_id(global_id["data"]["tenant"]["id"]).node_id)
    content = b"codice;nome\n" + b"RSSMRA80A01H501U;Mario Rossi\n" * 200
    key = f"{tenant}/{uuid.uuid4()}"
    storage = open_storage(None, Path(site.env["SPORTELLO_DATA_DIR"]))
    asyncio.run(storage.put(key, content, "text/csv"))
    token = sign_download(
        TokenService(site.env["SPORTELLO_SECRET_KEY"]),
        key=key,
        filename="elenco.csv",
        content_type="text/csv",
        tenant_id=tenant,
        lifetime_seconds=60,
    )
    response, body = raw(http, f"/bugliano/files/{token}", **{"accept-encoding": BROWSER})
    assert response.status_code == 200
    assert "content-encoding" not in response.headers
    assert body == content


def test_the_page_preloads_the_municipality_the_apps_ask_for_first(http: httpx.Client) -> None:
    """The URL is the one the apps' client builds for the `Tenant` query (the end-to-end
    scenario `frontend/e2e/compression.spec.mjs` sees the browser use the preloaded answer)."""
    page = http.get("/bugliano/servizi").text
    link = r'<link rel="preload" as="fetch" crossorigin="anonymous" href="([^"]+)">'
    preload = re.search(link, page)
    assert preload, page
    url = preload[1].replace("&amp;", "&")
    assert url.startswith("/bugliano/graphql?operationName=Tenant&variables=%7B%7D&extensions=")
    answer = http.get(url)
    assert answer.status_code == 200
    assert answer.json()["data"]["tenant"]["slug"] == "bugliano"
    assert answer.headers["cache-control"] == "public, max-age=60"
    assert page.index(preload[0]) < page.index("theme.css"), "asked for before the stylesheet"
