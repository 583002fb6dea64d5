"""The login throttle over HTTP: one account however its name is written, atomic counting, a
progressive delay that never locks the owner out, a limit per client address, 429 with
`Retry-After`, and password hashing that leaves the event loop free.

Servers of their own run with small or long limits (`serve`); clients claim addresses from the
documentation ranges with `X-Forwarded-For`, which uvicorn trusts from loopback, so each test
has its own address budget.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
import redis

from auth.login_throttle import LoginLimits, account_key, address_key
from auth.passwords import hash_password, verify_password
from models.user import normalize_username
from tests.graphql import LiveServer
from tests.live_server import serve

LOGIN = """mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) {
  accessToken retryAfter errors { code message } } }"""

STRICT_SETTINGS = {
    # An account's fourth attempt in a row waits ten minutes: longer than any test runs, so
    # what is counted does not depend on how fast the machine is.
    "SPORTELLO_LOGIN_FREE_ATTEMPTS": "3",
    "SPORTELLO_LOGIN_DELAY_SECONDS": "600",
    "SPORTELLO_LOGIN_MAX_DELAY_SECONDS": "600",
    "SPORTELLO_LOGIN_ADDRESS_FAILURES": "10",
}
QUICK_SETTINGS = {
    # Two free attempts, then a wait of one second: short enough to wait out in a test.
    "SPORTELLO_LOGIN_FREE_ATTEMPTS": "2",
    "SPORTELLO_LOGIN_DELAY_SECONDS": "1",
    "SPORTELLO_LOGIN_MAX_DELAY_SECONDS": "1",
    # `login.checking`: a password check is about to start.
    "SPORTELLO_LOG_LEVEL": "DEBUG",
}


@pytest.fixture(scope="module")
def strict(world: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with serve(world, tmp_path_factory.mktemp("logs") / "strict.log", **STRICT_SETTINGS) as live:
        yield live


@pytest.fixture(scope="module")
def quick(world: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with serve(world, tmp_path_factory.mktemp("logs") / "quick.log", **QUICK_SETTINGS) as live:
        yield live


@pytest.fixture(autouse=True)
def forget_login_attempts(world: dict[str, str]) -> Iterator[None]:
    """The throttle's counters live in the test Redis that every server shares: a test leaves
    none behind for the next (a ten-minute delay on `operatore` would stop other tests)."""
    yield
    client = redis.Redis.from_url(world["REDIS_URL"])
    try:
        keys = list(client.scan_iter("sportello:{login}:*"))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


def attempt(server: LiveServer, username: str, password: str, address: str) -> httpx.Response:
    return httpx.post(
        f"{server.base_url}/bugliano/graphql",
        json={"query": LOGIN, "variables": {"u": username, "p": password}},
        headers={"X-Forwarded-For": address},
        timeout=60,
    )


def login_of(response: httpx.Response) -> dict[str, Any]:
    payload: dict[str, Any] = response.json()["data"]["login"]
    return payload


def codes(response: httpx.Response) -> list[str]:
    return [error["code"] for error in login_of(response)["errors"]]


def assert_checked_and_wrong(response: httpx.Response) -> None:
    assert response.status_code == 200, response.text
    assert codes(response) == ["INVALID_CREDENTIALS"]


def assert_throttled(response: httpx.Response, at_most: float) -> int:
    """A refusal before any password check: 429, `Retry-After` in whole seconds (at least 1,
    at most `at_most`), the payload error TOO_MANY_ATTEMPTS and the same `retryAfter`."""
    assert response.status_code == 429, response.text
    assert codes(response) == ["TOO_MANY_ATTEMPTS"]
    retry_after = response.headers["retry-after"]
    assert re.fullmatch(r"[1-9][0-9]*", retry_after), retry_after
    assert int(retry_after) <= at_most
    assert login_of(response)["retryAfter"] == int(retry_after)
    assert login_of(response)["accessToken"] is None
    return int(retry_after)


def failed_checks(server: LiveServer) -> int:
    """Password checks that failed so far on `server`, from its log (one `login.failed` line
    each, written after the check)."""
    return server.log.read_text().count('"login.failed"')


# The name of an account


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("operatore", "operatore"),
        ("  operatore\t", "operatore"),
        ("OPERATORE", "operatore"),
        ("\u3000ＯＰＥＲＡＴＯＲＥ\n", "operatore"),  # full-width letters, ideographic space
        ("rssmra80a01h501u ", "rssmra80a01h501u"),
    ],
)
def test_a_username_has_one_normal_form(written: str, normal: str) -> None:
    assert normalize_username(written) == normal


def test_every_way_of_writing_a_name_that_matches_nobody_is_one_throttle_key() -> None:
    keys = {
        account_key(None, "bugliano", normalize_username(name))
        for name in ("nessuno", " nessuno ", "NESSUNO", "ｎｅｓｓｕｎｏ")
    }
    assert len(keys) == 1
    very_long = account_key(None, "bugliano", "x" * 1_000_000)
    assert len(very_long) < 100


def test_an_ipv6_client_is_limited_by_its_network() -> None:
    assert address_key("2001:db8:1:2::1") == address_key("2001:db8:1:2:ffff::9")
    assert address_key("2001:db8:1:2::1") != address_key("2001:db8:1:3::1")
    assert address_key("::ffff:192.0.2.7") == address_key("192.0.2.7")
    assert address_key(None) is None


def test_a_padded_or_recased_username_counts_against_the_same_account(strict: LiveServer) -> None:
    address = "203.0.113.10"
    for written in ("operatore", "  operatore  ", "OPERATORE\t"):
        assert_checked_and_wrong(attempt(strict, written, "guess", address))
    for written in ("operatore", " Operatore", "ＯＰＥＲＡＴＯＲＥ"):
        assert_throttled(attempt(strict, written, "operatore", address), at_most=600)


def test_a_citizen_is_one_account_by_username_or_fiscal_code_in_any_case(
    strict: LiveServer,
) -> None:
    address = "203.0.113.11"
    for written in ("RSSMRA80A01H501U", " rssmra80a01h501u", "RssMra80A01H501u "):
        assert_checked_and_wrong(attempt(strict, written, "guess", address))
    assert_throttled(attempt(strict, "rssmra80a01h501u", "cittadino", address), at_most=600)


# Counting


def test_thirty_parallel_wrong_attempts_make_only_the_free_password_checks(
    strict: LiveServer,
) -> None:
    checks_before = failed_checks(strict)
    with ThreadPoolExecutor(max_workers=30) as pool:
        answers = list(
            pool.map(lambda _: attempt(strict, "operatore", "guess", "203.0.113.20"), range(30))
        )
    checked = [answer for answer in answers if answer.status_code == 200]
    refused = [answer for answer in answers if answer.status_code == 429]
    assert len(checked) == 3  # SPORTELLO_LOGIN_FREE_ATTEMPTS
    assert len(refused) == 27
    for answer in checked:
        assert_checked_and_wrong(answer)
    for answer in refused:
        assert_throttled(answer, at_most=600)
    assert failed_checks(strict) - checks_before == 3
    # The owner too waits now, but not for a lock: for the delay, which the next test lifts.
    assert_throttled(attempt(strict, "operatore", "operatore", "198.51.100.20"), at_most=600)


def test_an_address_failing_across_many_usernames_gets_429_with_retry_after(
    strict: LiveServer,
) -> None:
    address = "203.0.113.30"
    for number in range(10):  # SPORTELLO_LOGIN_ADDRESS_FAILURES
        assert_checked_and_wrong(attempt(strict, f"nessuno-{number}", "guess", address))
    checks_before = failed_checks(strict)
    window = LoginLimits().window
    assert_throttled(attempt(strict, "nessuno-10", "guess", address), at_most=window)
    assert_throttled(attempt(strict, "admin", "admin", address), at_most=window)
    assert failed_checks(strict) == checks_before
    # Another address is not held up by this one's failures.
    assert_checked_and_wrong(attempt(strict, "nessuno-10", "guess", "198.51.100.30"))
    assert strict_login(strict, "admin", "admin", "198.51.100.31")


def test_successful_logins_do_not_use_up_an_address(strict: LiveServer) -> None:
    address = "203.0.113.40"
    for _ in range(12):  # more than SPORTELLO_LOGIN_ADDRESS_FAILURES
        assert strict_login(strict, "admin", "admin", address)
    assert_checked_and_wrong(attempt(strict, "nessuno", "guess", address))


def strict_login(server: LiveServer, username: str, password: str, address: str) -> str:
    answer = attempt(server, username, password, address)
    assert answer.status_code == 200, answer.text
    assert codes(answer) == []
    return str(login_of(answer)["accessToken"])


# A delay, not a lock


def test_a_strangers_failures_delay_the_owner_but_never_lock_them_out(quick: LiveServer) -> None:
    stranger, owner = "203.0.113.50", "198.51.100.50"
    assert_checked_and_wrong(attempt(quick, "operatore", "guess", stranger))
    assert_checked_and_wrong(attempt(quick, "operatore", "guess", stranger))
    # The stranger keeps guessing until refused (the third guess, unless the machine took a
    # whole second between two requests): a refusal never waits longer than the largest delay.
    for _ in range(10):
        guess = attempt(quick, "operatore", "guess", stranger)
        if guess.status_code == 429:
            break
        assert_checked_and_wrong(guess)
    assert_throttled(guess, at_most=1)
    # The owner waits what they are told, then gets in with the right password.
    for _ in range(10):
        answer = attempt(quick, "operatore", "operatore", owner)
        if answer.status_code != 429:
            break
        wait = assert_throttled(answer, at_most=1)
        time.sleep(wait)
    assert answer.status_code == 200, answer.text
    assert codes(answer) == []
    assert login_of(answer)["accessToken"]
    # Getting in cleared the account's failures: the next wrong password is checked at once.
    assert_checked_and_wrong(attempt(quick, "operatore", "guess", stranger))


def test_the_delay_doubles_with_each_failure_up_to_the_largest() -> None:
    limits = LoginLimits(free_attempts=3, first_delay=1, max_delay=10)
    assert [limits.delay_after(n) for n in range(1, 9)] == [0, 0, 1, 2, 4, 8, 10, 10]
    assert limits.delays() == [0, 0, 1, 2, 4, 8, 10]
    assert LoginLimits().delays()[-1] == LoginLimits().max_delay


# The event loop


def log_count(server: LiveServer, event: str) -> int:
    return server.log.read_text().count(f'"{event}"')


def test_a_query_is_answered_while_failing_logins_are_being_checked(quick: LiveServer) -> None:
    """Eight wrong logins (each for a name of its own, from an address of its own, so that all
    eight reach a password check); once the server has begun checking all eight, a trivial
    query goes out, and its answer comes while logins are still being checked. Were argon2 to
    run on the event loop, the eighth `login.checking` would be logged only after seven
    checks had blocked the loop, and the query would wait behind the eighth."""
    answered: list[str] = []

    def wrong_login(number: int) -> None:
        answer = attempt(quick, f"lento-{number}", "guess", f"203.0.113.{60 + number}")
        assert_checked_and_wrong(answer)
        answered.append("login")

    checking = log_count(quick, "login.checking")
    with ThreadPoolExecutor(max_workers=8) as pool:
        logins = [pool.submit(wrong_login, number) for number in range(8)]
        deadline = time.monotonic() + 60  # only against a hang: no test waits that long
        while log_count(quick, "login.checking") < checking + 8:
            assert time.monotonic() < deadline, "the eight logins never reached a check"
            time.sleep(0.005)
        query = httpx.post(
            f"{quick.base_url}/bugliano/graphql", json={"query": "{ tenant { slug } }"}
        )
        answered.append("query")
        for login in logins:
            login.result()
    assert query.json()["data"] == {"tenant": {"slug": "bugliano"}}
    assert answered.index("query") < len(answered) - 1, answered


def test_password_hashing_leaves_the_event_loop_free() -> None:
    """While argon2 works, other coroutines keep running: the hash is computed in a thread."""

    async def scenario() -> tuple[int, bool]:
        ticks = 0
        hashing = asyncio.ensure_future(hash_password("correct horse battery staple"))
        while not hashing.done():
            ticks += 1
            await asyncio.sleep(0)
        stored = await hashing
        return ticks, await verify_password(stored, "correct horse battery staple")

    ticks, verified = asyncio.run(scenario())
    assert verified
    assert ticks > 1


def test_max_delay_longer_than_the_window_is_a_settings_error() -> None:
    from pydantic import ValidationError

    from server.settings import Settings

    with pytest.raises(ValidationError, match="SPORTELLO_LOGIN_WINDOW_SECONDS"):
        Settings(SPORTELLO_LOGIN_MAX_DELAY_SECONDS=3600, SPORTELLO_LOGIN_WINDOW_SECONDS=900)
