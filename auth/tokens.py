"""JWT access and refresh tokens, signed with HS256 keys named by `kid` so keys can rotate.

The current key signs; previous keys (settings) still verify until their tokens expire.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any, Literal

from joserfc import jwt
from joserfc.errors import ExpiredTokenError, JoseError
from joserfc.jwk import Key, KeySet, OctKey

from auth.viewer import Viewer
from models.clock import unix_now
from models.user import Role

TokenKind = Literal["access", "refresh"]
ISSUER = "sportello"


class InvalidToken(Exception):
    """A token that is malformed, badly signed, expired or of the wrong kind."""


class ExpiredToken(InvalidToken):
    """A token that was valid until its expiry."""


def key_id(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class IssuedToken:
    token: str
    jti: str
    expires_at: int


@dataclass(frozen=True)
class TokenClaims:
    subject: uuid.UUID
    tenant: str | None
    roles: frozenset[Role]
    kind: TokenKind
    jti: str
    expires_at: int

    def viewer(self) -> Viewer:
        return Viewer(user_id=self.subject, tenant_slug=self.tenant, roles=self.roles)


class TokenService:
    """Issues and verifies the platform's tokens."""

    def __init__(self, secret: str, previous_secrets: list[str] | None = None) -> None:
        self._signing_key = OctKey.import_key(secret, {"kid": key_id(secret)})
        keys: list[Key] = [
            self._signing_key,
            *(OctKey.import_key(old, {"kid": key_id(old)}) for old in previous_secrets or []),
        ]
        self._key_set = KeySet(keys)

    def issue(
        self,
        subject: uuid.UUID,
        tenant: str | None,
        roles: list[str],
        kind: TokenKind,
        lifetime_seconds: int,
    ) -> IssuedToken:
        jti = uuid.uuid4().hex
        claims: dict[str, Any] = {
            "sub": str(subject),
            "tenant": tenant,
            "roles": sorted(roles),
            "typ": kind,
            "jti": jti,
        }
        token, expires_at = self.sign(claims, lifetime_seconds)
        return IssuedToken(token, jti, expires_at)

    def sign(self, claims: dict[str, Any], lifetime_seconds: int) -> tuple[str, int]:
        """`claims` (with their own `typ`) signed by the current key, issuer, issue time and
        expiry added; the token and its expiry as a Unix time."""
        now = unix_now()
        expires_at = now + lifetime_seconds
        header = {"alg": "HS256", "kid": self._signing_key.kid}
        payload = {**claims, "iss": ISSUER, "iat": now, "exp": expires_at}
        return jwt.encode(header, payload, self._signing_key), expires_at

    def decode(self, token: str, kind: str) -> dict[str, Any]:
        """The claims of a token of this `typ`, signed by the current or a previous key and not
        expired; `ExpiredToken` or `InvalidToken` otherwise."""
        try:
            decoded = jwt.decode(token, self._key_set, algorithms=["HS256"])
            registry = jwt.JWTClaimsRegistry(
                now=unix_now,
                iss={"essential": True, "value": ISSUER},
                exp={"essential": True},
                typ={"essential": True, "value": kind},
            )
            registry.validate(decoded.claims)
        except ExpiredTokenError as error:
            raise ExpiredToken("the token has expired") from error
        except (JoseError, ValueError) as error:
            raise InvalidToken(str(error) or error.__class__.__name__) from error
        return decoded.claims

    def verify(self, token: str, kind: TokenKind = "access") -> TokenClaims:
        claims = self.decode(token, kind)
        try:
            return TokenClaims(
                subject=uuid.UUID(claims["sub"]),
                tenant=claims.get("tenant"),
                roles=frozenset(Role(role) for role in claims.get("roles", [])),
                kind=kind,
                jti=str(claims.get("jti", "")),
                expires_at=int(claims["exp"]),
            )
        except (ValueError, KeyError) as error:
            raise InvalidToken(str(error) or error.__class__.__name__) from error
