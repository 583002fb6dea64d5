"""The login throttle: a progressive delay per account and a sliding window of failed logins
per client address, both counted atomically in Redis.

Each account and each address has a sorted set in Redis with one member per attempt that was
let through to a password check and has not succeeded, scored in milliseconds by the Redis
server's clock (one clock for every `sportello serve` process). One script reads the account's
and the address's sets and adds the new attempt to both, so parallel attempts cannot all read
the same count: 30 attempts at once make exactly as many password checks as the limits allow.

- Per account: the first `free_attempts` in the window are checked at once; each one after that
  waits `first_delay`, doubled by every further failure up to `max_delay`, counted from the
  latest attempt. A stranger's guesses slow the owner down by at most `max_delay`; they never
  lock the owner out, and the owner's right password after the wait succeeds (and clears the
  account's failures).
- Per address: at most `failures_per_address` failed attempts in any `window`, whatever the
  usernames. Successful logins do not count, so an office of colleagues behind one address is
  never throttled for logging in.

A refused attempt is not recorded anywhere (hammering costs no password checks, and does not
push the wait further), and is answered at once, before any password check.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import secrets
import uuid
from dataclasses import dataclass
from enum import StrEnum

from redis.asyncio import Redis

CLAIM = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local window = tonumber(ARGV[2])
for i = 1, #KEYS do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
end
local account_wait = 0
local attempts = redis.call('ZCARD', KEYS[1])
if attempts > 0 then
  local delay = tonumber(ARGV[3 + math.min(attempts, #ARGV - 3)])
  local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  account_wait = tonumber(newest[2]) + delay - now
end
local address_wait = 0
if #KEYS > 1 and redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  address_wait = tonumber(oldest[2]) + window - now
end
if address_wait > 0 and address_wait >= account_wait then
  return {2, address_wait}
end
if account_wait > 0 then
  return {1, account_wait}
end
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], now, ARGV[1])
  redis.call('PEXPIRE', KEYS[i], window)
end
return {0, 0}
"""
"""KEYS: the attempts of the account, then those of the client's address (when known).
ARGV: the new attempt's id, the window in milliseconds, the most failures an address may have
in it, then the account's delays after 1, 2, … attempts in milliseconds (the last repeats).
Returns {0, 0} once the attempt is recorded under every key, else {1 (account) or 2 (address),
the milliseconds to wait}: both are checked before either is written, so parallel attempts
never use up a budget for one that is refused."""

PREFIX = "sportello:{login}"
"""Of every key of the throttle. The hash tag `{login}` puts them in one Redis Cluster slot, as
one script reads an account's key and an address's key together."""

IPV6_NETWORK_BITS = 64
"""An IPv6 client usually holds a whole /64: its addresses share one budget."""


@dataclass(frozen=True)
class LoginLimits:
    """The throttle's settings (`SPORTELLO_LOGIN_*`)."""

    free_attempts: int = 5
    first_delay: float = 1.0
    max_delay: float = 60.0
    window: float = 900.0
    failures_per_address: int = 50

    def delay_after(self, attempts: int) -> float:
        """Seconds an account waits after `attempts` unsuccessful attempts in the window before
        the next one is checked: none while they are free, then `first_delay`, doubled by each
        further failure, up to `max_delay`."""
        if attempts < self.free_attempts:
            return 0.0
        return min(self.first_delay * 2.0 ** (attempts - self.free_attempts), self.max_delay)

    def delays(self) -> list[float]:
        """`delay_after(1)`, `delay_after(2)`, … up to the first that reaches `max_delay`."""
        delays = [self.delay_after(1)]
        while delays[-1] < self.max_delay:
            delays.append(self.delay_after(len(delays) + 1))
        return delays


class Scope(StrEnum):
    ACCOUNT = "account"
    ADDRESS = "address"


SCOPES = {1: Scope.ACCOUNT, 2: Scope.ADDRESS}


@dataclass(frozen=True)
class Throttled:
    """An attempt refused before any password check."""

    scope: Scope
    retry_after: int
    """Whole seconds to wait (at least 1), as the `Retry-After` header gives them."""


def address_key(host: str | None) -> str | None:
    """The throttle's key of a client address (IPv6 by its /64); None when it is unknown."""
    if not host:
        return None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return f"{PREFIX}:address:{host[:64]}"
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return f"{PREFIX}:address:{address.ipv4_mapped}"
        network = ipaddress.IPv6Network((address, IPV6_NETWORK_BITS), strict=False)
        return f"{PREFIX}:address:{network}"
    return f"{PREFIX}:address:{address}"


def account_key(user_id: uuid.UUID | None, tenant: str, username: str) -> str:
    """The throttle's key of an account: its id, so that every way of naming it (username or
    fiscal code, in any case) shares one delay; a name that matches nobody is keyed by the
    tenant and the normalised name, hashed so that its length does not matter."""
    if user_id is not None:
        return f"{PREFIX}:account:{user_id}"
    digest = hashlib.sha256(username.encode()).hexdigest()[:32]
    return f"{PREFIX}:name:{tenant}:{digest}"


def whole_seconds(milliseconds: int) -> int:
    return max(1, math.ceil(milliseconds / 1000))


class LoginAttempt:
    """One login attempt through the throttle: claimed for the account and the client's
    address together, it counts as a failure of both unless `succeeded` is called."""

    def __init__(self, redis: Redis, limits: LoginLimits, host: str | None) -> None:
        self.redis = redis
        self.limits = limits
        self.id = secrets.token_hex(8)
        self.address = address_key(host)
        self.account: str | None = None

    async def claim(self, account: str) -> Throttled | None:
        """Let the attempt through to a password check, or say how long to wait: while the
        account's delay runs, or while the address has `failures_per_address` failures in the
        window. An unknown address (a Unix socket without proxy headers) has no such limit."""
        keys = [account] if self.address is None else [account, self.address]
        limits = self.limits
        args: list[str | int] = [
            self.id,
            round(limits.window * 1000),
            limits.failures_per_address,
            *(round(delay * 1000) for delay in limits.delays()),
        ]
        scope, wait = await self.redis.register_script(CLAIM)(keys=keys, args=args)
        if int(scope):
            return Throttled(SCOPES[int(scope)], whole_seconds(int(wait)))
        self.account = account
        return None

    async def succeeded(self) -> None:
        """The right password: the account's failures are forgotten, and this attempt no longer
        counts against the address (the address's other failures still do)."""
        async with self.redis.pipeline(transaction=False) as pipe:
            if self.address is not None:
                pipe.zrem(self.address, self.id)
            if self.account is not None:
                pipe.delete(self.account)
            await pipe.execute()
