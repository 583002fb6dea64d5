"""Login, tokens and who may do what: the permission matrix of the catalogue."""

from __future__ import annotations

import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.clock import python_command
from tests.conftest import ROOT
from tests.graphql import GraphQLClient, LiveServer

pytestmark = pytest.mark.date_sensitive

ME = "{ me { username fiscalCode fullName roles kind } }"
CREATE = """mutation($input: ServiceFieldsInput!) {
  createService(input: $input) { service { slug } errors { field code message } } }"""
REFRESH = """mutation($token: String!) { refreshToken(input: {refreshToken: $token}) {
  accessToken refreshToken errors { code } } }"""
LOGIN = """mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) {
  accessToken refreshToken expiresIn user { username } errors { field code message } } }"""


def test_admin_logs_in_and_sees_themself(api: GraphQLClient) -> None:
    token = api.login("admin", "admin")
    me = api(ME, token=token).data["me"]
    assert me["username"] == "admin"
    assert me["roles"] == ["TENANT_ADMIN"]


def test_citizen_logs_in_with_the_fiscal_code_in_any_case(api: GraphQLClient) -> None:
    token = api.login("rssmra80a01h501u", "cittadino")
    me = api(ME, token=token).data["me"]
    assert me["fiscalCode"] == "RSSMRA80A01H501U"
    assert me["fullName"] == "Mario Rossi"
    assert me["kind"] == "CITIZEN"


def test_anonymous_has_no_me(api: GraphQLClient) -> None:
    assert api(ME).data["me"] is None


@pytest.mark.parametrize(("username", "password"), [("admin", "wrong"), ("nobody", "admin")])
def test_wrong_credentials_are_one_payload_error(
    api: GraphQLClient, username: str, password: str
) -> None:
    payload = api(LOGIN, {"u": username, "p": password}).data["login"]
    assert payload["accessToken"] is None
    assert [e["code"] for e in payload["errors"]] == ["INVALID_CREDENTIALS"]


def test_repeated_failures_slow_the_username_down_but_do_not_lock_it(
    api: GraphQLClient, fresh_world: None
) -> None:
    """Ten wrong passwords at once for a member of staff: the five free ones are checked, any
    other is checked or refused with 429 and a `Retry-After` of at most a minute (default
    settings: one second, doubling), and the right password gets in once the wait is over: no
    15-minute lock. (test_login_limits.py counts exactly, with delays no machine outruns.)"""
    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(lambda _: api(LOGIN, {"u": "operatore", "p": "guess"}), range(10)))
    codes = [[e["code"] for e in answer.data["login"]["errors"]] for answer in answers]
    assert codes.count(["INVALID_CREDENTIALS"]) >= 5
    for answer, answer_codes in zip(answers, codes, strict=True):
        if answer_codes != ["INVALID_CREDENTIALS"]:
            assert answer.status == 429
            assert answer_codes == ["TOO_MANY_ATTEMPTS"]
            assert 1 <= int(answer.headers["retry-after"]) <= 60
    for _ in range(10):
        result = api(LOGIN, {"u": "operatore", "p": "operatore"})
        if result.status != 429:
            break
        time.sleep(int(result.headers["retry-after"]))
    assert result.data["login"]["errors"] == []
    assert result.data["login"]["accessToken"]


def test_refresh_token_works_exactly_once(api: GraphQLClient) -> None:
    first = api(LOGIN, {"u": "admin", "p": "admin"}).data["login"]
    second = api(REFRESH, {"token": first["refreshToken"]}).data["refreshToken"]
    assert second["errors"] == []
    assert second["accessToken"]
    replay = api(REFRESH, {"token": first["refreshToken"]}).data["refreshToken"]
    assert [e["code"] for e in replay["errors"]] == ["INVALID_TOKEN"]
    assert api(ME, token=second["accessToken"]).data["me"]["username"] == "admin"


def test_access_token_is_not_a_refresh_token(api: GraphQLClient) -> None:
    token = api.login("admin", "admin")
    result = api(REFRESH, {"token": token}).data["refreshToken"]
    assert [e["code"] for e in result["errors"]] == ["INVALID_TOKEN"]


def test_token_of_one_municipality_is_refused_by_another(api: GraphQLClient) -> None:
    token = api.login("admin-valdifiori", "admin", tenant="valdifiori")
    result = api(ME, token=token, tenant="bugliano")
    assert result.status == 403
    assert result.error_codes == ["WRONG_TENANT"]


def test_malformed_or_forged_token_is_401(api: GraphQLClient) -> None:
    token = api.login("admin", "admin")
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    for bad in (forged, "not-a-jwt"):
        result = api(ME, token=bad)
        assert result.status == 401
        assert result.error_codes == ["INVALID_TOKEN"]


@pytest.mark.parametrize(
    ("who", "password", "allowed"),
    [
        (None, None, False),
        ("RSSMRA80A01H501U", "cittadino", False),
        ("operatore", "operatore", False),
        ("admin", "admin", True),
    ],
)
def test_only_tenant_admins_change_the_catalogue(
    api: GraphQLClient, fresh_world: None, who: str | None, password: str | None, allowed: bool
) -> None:
    token = api.login(who, password) if who and password else None
    payload = api(
        CREATE,
        {"input": {"slug": "servizio-di-prova", "name": {"it": "Servizio di prova"}}},
        token=token,
    ).data["createService"]
    if allowed:
        assert payload["errors"] == []
        assert payload["service"]["slug"] == "servizio-di-prova"
    else:
        assert payload["service"] is None
        assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]
        found = api('{ service(slug: "servizio-di-prova") { id } }', token=token).data
        assert found["service"] is None


def test_cli_mints_a_token_for_an_existing_user(api: GraphQLClient, server: LiveServer) -> None:
    env = server.env
    minted = subprocess.run(
        python_command("server", "token", "RSSMRA80A01H501U", "--tenant", "bugliano"),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert api(ME, token=minted).data["me"]["fiscalCode"] == "RSSMRA80A01H501U"
    missing = subprocess.run(
        python_command("server", "token", "ghost", "--tenant", "bugliano"),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 1
    assert "no user 'ghost'" in missing.stderr
