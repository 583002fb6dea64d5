"""Logging in with a local account, refreshing tokens, and who the viewer is."""

from __future__ import annotations

from dataclasses import dataclass

import structlog
from sqlmodel import col, func, or_, select

from auth.login_throttle import LoginAttempt, Throttled, account_key
from auth.passwords import verify_password
from auth.tokens import InvalidToken
from models.user import User, normalize_username
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem
from resolvers.wording import say

log = structlog.get_logger("sportello")


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    user: User


@dataclass
class LoginOutcome(Outcome[TokenPair]):
    retry_after: int | None = None
    """Seconds to wait before the next attempt, when it was refused for too many attempts."""


def refresh_key(jti: str) -> str:
    return f"sportello:refresh:{jti}"


async def issue_pair(ctx: Context, user: User) -> TokenPair:
    """An access token and a one-use refresh token, remembered in Redis until it expires."""
    tenant = None if user.tenant_id is None else ctx.tenant.slug
    lifetimes = ctx.token_lifetimes
    access = ctx.tokens.issue(user.id, tenant, user.roles, "access", lifetimes.access_seconds)
    refresh = ctx.tokens.issue(user.id, tenant, user.roles, "refresh", lifetimes.refresh_seconds)
    await ctx.redis.set(refresh_key(refresh.jti), str(user.id), ex=lifetimes.refresh_seconds)
    return TokenPair(access.token, refresh.token, lifetimes.access_seconds, user)


async def find_login(ctx: Context, username: str) -> User | None:
    """A local account of this tenant (by username, or fiscal code for citizens) or a
    platform admin, who belongs to no tenant; `username` is normalised (`normalize_username`)."""
    async with ctx.db() as session:
        rows = await session.exec(
            select(User).where(
                or_(User.tenant_id == ctx.tenant.id, col(User.tenant_id).is_(None)),
                or_(func.lower(User.username) == username, User.fiscal_code == username.upper()),
                col(User.active).is_(True),
            )
        )
        return rows.first()


def throttled(ctx: Context, refusal: Throttled) -> LoginOutcome:
    log.info("login.throttled", scope=refusal.scope.value, retry_after=refusal.retry_after)
    ctx.retry_after = max(ctx.retry_after or 0, refusal.retry_after)
    message = say(
        "Too many failed attempts. Please try again in {seconds} seconds.",
        seconds=refusal.retry_after,
    )
    problem = Problem(None, ErrorCode.TOO_MANY_ATTEMPTS, message)
    return LoginOutcome(None, [problem], retry_after=refusal.retry_after)


async def login(ctx: Context, username: str, password: str) -> LoginOutcome:
    """Check the password of a local account, within the login throttle (auth/login_throttle):
    attempts the throttle refuses are answered before any password check."""
    name = normalize_username(username)
    user = await find_login(ctx, name)
    attempt = LoginAttempt(ctx.redis, ctx.login_limits, ctx.client_address)
    refusal = await attempt.claim(account_key(user.id if user else None, ctx.tenant.slug, name))
    if refusal is not None:
        return throttled(ctx, refusal)
    log.debug("login.checking", user=str(user.id) if user else None)
    if not await verify_password(user.password_hash if user else None, password) or user is None:
        log.info("login.failed", user=str(user.id) if user else None)
        message = say("Wrong username or password.")
        return LoginOutcome(None, [Problem(None, ErrorCode.INVALID_CREDENTIALS, message)])
    await attempt.succeeded()
    return LoginOutcome(await issue_pair(ctx, user))


async def refresh(ctx: Context, refresh_token: str) -> Outcome[TokenPair]:
    """Trade a refresh token for a new pair; each refresh token works once."""
    message = say("Your session has expired. Please log in again.")
    invalid = Problem("refreshToken", ErrorCode.INVALID_TOKEN, message)
    try:
        claims = ctx.tokens.verify(refresh_token, "refresh")
    except InvalidToken:
        return Outcome.failed(invalid)
    if claims.tenant not in (None, ctx.tenant.slug):
        return Outcome.failed(invalid)
    if await ctx.redis.getdel(refresh_key(claims.jti)) is None:
        return Outcome.failed(invalid)
    user = await ctx.loaders.user.load(claims.subject)
    if user is None or not user.active:
        return Outcome.failed(invalid)
    return Outcome(await issue_pair(ctx, user))


async def me(ctx: Context) -> User | None:
    if ctx.viewer.user_id is None:
        return None
    return await ctx.loaders.user.load(ctx.viewer.user_id)
