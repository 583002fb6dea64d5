"""Logging in with a local account, refreshing tokens, and who the viewer is."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, or_, select

from auth.passwords import verify_password
from auth.tokens import InvalidToken
from models.user import User
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem

MAX_FAILED_LOGINS = 10
LOCKOUT_SECONDS = 15 * 60


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    user: User


def refresh_key(jti: str) -> str:
    return f"sportello:refresh:{jti}"


def failures_key(ctx: Context, username: str) -> str:
    return f"sportello:login-failures:{ctx.tenant.slug}:{username.lower()}"


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
    platform admin, who belongs to no tenant."""
    async with ctx.db() as session:
        rows = await session.exec(
            select(User).where(
                or_(User.tenant_id == ctx.tenant.id, col(User.tenant_id).is_(None)),
                or_(User.username == username, User.fiscal_code == username.upper()),
                col(User.active).is_(True),
            )
        )
        return rows.first()


async def login(ctx: Context, username: str, password: str) -> Outcome[TokenPair]:
    key = failures_key(ctx, username)
    failures = int(await ctx.redis.get(key) or 0)
    if failures >= MAX_FAILED_LOGINS:
        message = "too many failed attempts; try again in a few minutes"
        return Outcome.failed(Problem(None, ErrorCode.TOO_MANY_ATTEMPTS, message))
    user = await find_login(ctx, username.strip())
    if not verify_password(user.password_hash if user else None, password) or user is None:
        async with ctx.redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, LOCKOUT_SECONDS)
            await pipe.execute()
        message = "wrong username or password"
        return Outcome.failed(Problem(None, ErrorCode.INVALID_CREDENTIALS, message))
    await ctx.redis.delete(key)
    return Outcome(await issue_pair(ctx, user))


async def refresh(ctx: Context, refresh_token: str) -> Outcome[TokenPair]:
    """Trade a refresh token for a new pair; each refresh token works once."""
    invalid = Problem("refreshToken", ErrorCode.INVALID_TOKEN, "invalid or expired refresh token")
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
