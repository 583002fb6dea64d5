"""The server side of the frontend, over HTTP: the built files under /app/, the apps' pages
under /{tenant}/ with the tenant's language, name and stylesheet, the compiled stylesheets and
the demo crests. The build is a small stand-in made here: CI's Python run has no real one."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.graphql import LiveServer
from tests.live_server import needs_node_modules, serve

PAGE = """<!doctype html>
<html lang="it">
  <head>
    <title>Sportello</title>
    <!-- sportello:head -->
  </head>
  <body><div id="root"></div><script type="module" src="/app/assets/{script}"></script></body>
</html>
"""


def fake_build(directory: Path) -> Path:
    """The files `npm run build` makes, in miniature."""
    (directory / "operator").mkdir(parents=True)
    (directory / "assets").mkdir()
    (directory / "widgets").mkdir()
    (directory / "theme").mkdir()
    (directory / "index.html").write_text(PAGE.replace("{script}", "citizen-a1b2c3.js"))
    (directory / "operator" / "index.html").write_text(PAGE.replace("{script}", "operator-d4.js"))
    (directory / "assets" / "citizen-a1b2c3.js").write_text("console.log('citizen')")
    (directory / "widgets" / "sportello-widgets.js").write_text("console.log('widgets')")
    (directory / "theme" / "default.css").write_text(":root{--default:1}")
    return directory


@pytest.fixture(scope="module")
def frontend(
    world: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[LiveServer, Path, Path]]:
    """A server on the fake build, with a data directory (and so a theme cache) of its own:
    the server, its build directory and its data directory."""
    base = tmp_path_factory.mktemp("frontend")
    dist = fake_build(base / "dist")
    data = base / "data"
    with serve(
        world,
        base / "serve.log",
        SPORTELLO_FRONTEND_DIR=str(dist),
        SPORTELLO_DATA_DIR=str(data),
    ) as server:
        yield server, dist, data


@pytest.fixture
def http(frontend: tuple[LiveServer, Path, Path]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=frontend[0].base_url, timeout=120) as client:
        yield client


def head_of(page: str) -> tuple[str, str, str]:
    """The page's language, title and stylesheet link."""
    language = re.search(r'<html lang="([^"]*)">', page)
    title = re.search(r"<title>(.*?)</title>", page)
    link = re.search(r'<link rel="stylesheet" href="([^"]*)">', page)
    assert language, page
    assert title, page
    assert link, page
    return language[1], title[1], link[1]


@pytest.mark.parametrize("path", ["/bugliano/", "/bugliano/servizi/cambio-residenza"])
def test_citizen_paths_get_the_citizen_app(http: httpx.Client, path: str) -> None:
    response = http.get(path)
    assert response.status_code == 200
    assert "citizen-a1b2c3.js" in response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("path", ["/bugliano/operator", "/bugliano/operator/pratiche/42"])
def test_operator_paths_get_the_operator_app(http: httpx.Client, path: str) -> None:
    response = http.get(path)
    assert response.status_code == 200
    assert "operator-d4.js" in response.text


def test_the_tenant_without_slash_is_redirected_to_its_home(http: httpx.Client) -> None:
    response = http.get("/bugliano")
    assert response.status_code in (301, 302, 307, 308)
    assert response.headers["location"].endswith("/bugliano/")


def test_an_unknown_tenant_is_a_not_found_page(http: httpx.Client) -> None:
    response = http.get("/atlantide/servizi")
    assert response.status_code == 404
    assert "<h1>Pagina non trovata</h1>" in response.text


def test_the_page_carries_the_tenant_language_name_and_stylesheet(http: httpx.Client) -> None:
    page = http.get("/bugliano/").text
    language, title, link = head_of(page)
    assert (language, title) == ("it", "Comune di Bugliano")
    assert re.fullmatch(r"/bugliano/theme\.css\?v=[0-9a-f]{16}", link)
    assert "<!-- sportello:head -->" not in page
    other = http.get("/valdifiori/operator").text
    assert head_of(other)[1] == "Comune di Valdifiori"
    other_link = head_of(other)[2]
    assert other_link.startswith("/valdifiori/theme.css?v=")
    assert other_link.partition("?v=")[2] != link.partition("?v=")[2], "another colour"


def test_the_page_s_icon_is_the_municipality_s_crest(http: httpx.Client) -> None:
    page = http.get("/bugliano/").text
    assert '<link rel="icon" href="/bugliano/logo.svg">' in page
    assert http.get("/bugliano/logo.svg").headers["content-type"].startswith("image/svg+xml")


def test_hashed_assets_are_cached_for_good(http: httpx.Client) -> None:
    response = http.get("/app/assets/citizen-a1b2c3.js")
    assert response.status_code == 200
    assert response.text == "console.log('citizen')"
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"


def test_the_widgets_script_is_briefly_cached_and_open_to_other_sites(
    http: httpx.Client,
) -> None:
    response = http.get(
        "/app/widgets/sportello-widgets.js", headers={"origin": "https://www.example.org"}
    )
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=300"
    assert response.headers["access-control-allow-origin"] == "*"


def test_a_missing_file_under_app_is_not_found(http: httpx.Client) -> None:
    assert http.get("/app/assets/nothing.js").status_code == 404
    assert http.get("/app/%2e%2e/pyproject.toml").status_code == 404


def test_api_and_health_stay_where_they_were(http: httpx.Client) -> None:
    assert http.get("/healthz").status_code == 200
    answer = http.post("/bugliano/graphql", json={"query": "{ tenant { slug } }"})
    assert answer.json()["data"] == {"tenant": {"slug": "bugliano"}}


def test_without_a_build_pages_say_how_to_make_one(
    http: httpx.Client, frontend: tuple[LiveServer, Path, Path]
) -> None:
    dist = frontend[1]
    moved = dist.with_name("dist-away")
    dist.rename(moved)
    try:
        for path in ("/bugliano/", "/bugliano/operator", "/app/assets/citizen-a1b2c3.js"):
            response = http.get(path)
            assert response.status_code == 503, path
            assert "npm --prefix frontend run build" in response.text
    finally:
        moved.rename(dist)
    assert http.get("/bugliano/").status_code == 200


def test_demo_crests_are_served_and_named_by_the_demo(http: httpx.Client) -> None:
    response = http.get("/bugliano/logo.svg")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/svg+xml"
    assert "Stemma del Comune di Bugliano" in response.text
    assert http.get("/atlantide/logo.svg").status_code == 404
    theme = http.post("/bugliano/graphql", json={"query": "{ tenant { theme { logoUrl } } }"})
    assert theme.json()["data"]["tenant"]["theme"]["logoUrl"] == "/bugliano/logo.svg"


def compiles(log: Path) -> int:
    return log.read_text().count('"event": "theme compiled"')


@needs_node_modules
def test_the_stylesheet_is_compiled_once_for_parallel_first_requests(
    http: httpx.Client, frontend: tuple[LiveServer, Path, Path]
) -> None:
    server, _, data = frontend
    link = head_of(http.get("/bugliano/").text)[2]
    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(lambda _: http.get(link), range(4)))
    assert [response.status_code for response in responses] == [200] * 4
    assert len({response.content for response in responses}) == 1
    stylesheet = responses[0]
    assert stylesheet.headers["content-type"].startswith("text/css")
    assert ".btn-primary" in stylesheet.text
    assert stylesheet.headers["cache-control"] == "public, max-age=300"
    assert stylesheet.headers["access-control-allow-origin"] == "*"
    assert compiles(server.log) == 1
    key = link[-16:]
    files = sorted(path.name for path in (data / "themes").iterdir())
    assert files == [f"{key}.css", f"{key}.css.br", f"{key}.css.gz"], "with its compressed copies"
    assert stylesheet.headers["content-encoding"] == "br"  # httpx takes brotli
    assert len(stylesheet.content) > 6 * (data / "themes" / f"{key}.css.br").stat().st_size

    started = time.perf_counter()
    again = http.get(link)
    assert time.perf_counter() - started < 1
    assert again.content == stylesheet.content
    assert compiles(server.log) == 1
    etag = again.headers["etag"]
    assert http.get(link, headers={"if-none-match": etag}).status_code == 304


def contrast_with_white(hex_colour: str) -> float:
    """WCAG 2 contrast ratio of white text on `#rrggbb`."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_white_text_on_a_light_municipal_colour_still_reads(http: httpx.Client) -> None:
    # Valdifiori's green: Bootstrap Italia would draw the slim header at brightness 70, where
    # its white text reads at 2.7:1.
    link = head_of(http.get("/valdifiori/").text)[2]
    stylesheet = http.get(link).text
    slim = re.findall(r"\.it-header-slim-wrapper\{[^}]*?background:(#[0-9a-f]{6})", stylesheet)
    assert slim, "the slim header has a background"
    assert all(contrast_with_white(colour) >= 4.5 for colour in slim), slim


def test_the_stylesheet_of_an_unknown_tenant_is_not_found(http: httpx.Client) -> None:
    assert http.get("/atlantide/theme.css").status_code == 404


def test_a_stylesheet_cached_by_an_earlier_process_is_reused(
    world: dict[str, str], tmp_path: Path, frontend: tuple[LiveServer, Path, Path]
) -> None:
    """The cache lives in the data directory: a new process (or a restart) compiles nothing."""
    dist = frontend[1]
    data = tmp_path / "data"
    with serve(
        world,
        tmp_path / "serve.log",
        SPORTELLO_FRONTEND_DIR=str(dist),
        SPORTELLO_DATA_DIR=str(data),
    ) as server:
        link = head_of(httpx.get(f"{server.base_url}/bugliano/").text)[2]
        (data / "themes").mkdir()
        (data / "themes" / f"{link[-16:]}.css").write_text(".cached{}")
        assert httpx.get(f"{server.base_url}{link}").text == ".cached{}"
        assert compiles(server.log) == 0


def test_without_a_colour_the_default_stylesheet_is_served(
    http: httpx.Client, fresh_world: None
) -> None:
    token = login(http, "admin", "admin")
    changed = http.post(
        "/bugliano/graphql",
        json={
            "query": """mutation { updateTenant(input: {theme: {primaryColor: null}}) {
                         tenant { theme { primaryColor } } errors { code } } }"""
        },
        headers={"authorization": f"Bearer {token}"},
    ).json()["data"]["updateTenant"]
    assert changed == {"tenant": {"theme": {"primaryColor": None}}, "errors": []}
    link = head_of(http.get("/bugliano/").text)[2]
    assert http.get(link).text == ":root{--default:1}"


def login(http: httpx.Client, username: str, password: str) -> str:
    answer = http.post(
        "/bugliano/graphql",
        json={
            "query": "mutation($i: LoginInput!) { login(input: $i) { accessToken } }",
            "variables": {"i": {"username": username, "password": password}},
        },
    )
    return str(answer.json()["data"]["login"]["accessToken"])


@pytest.mark.parametrize("path", ["/bugliano/", "/bugliano/operator/", "/nowhere/"])
def test_the_apps_pages_may_not_be_framed_and_run_only_their_own_scripts(
    http: httpx.Client, path: str
) -> None:
    page = http.get(path)
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in page.headers["content-security-policy"].split(";")
    )
    assert policy["frame-ancestors"] == "'none'"
    assert policy["script-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "strict-transport-security" not in page.headers  # development: plain HTTP


def test_a_municipality_without_its_slash_is_sent_there_whatever_the_host_header(
    http: httpx.Client,
) -> None:
    moved = http.get("/bugliano", headers={"Host": "evil.example"}, follow_redirects=False)
    assert moved.status_code == 307
    assert moved.headers["location"] == "/bugliano/"
