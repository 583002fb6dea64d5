"""JWT access and refresh tokens, signed with HS256 keys named by `kid` so keys can rotate.

The current key signs; previous keys (settings) still verify until their tokens expire.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from dataclasses import dataclass
from typing import Any, Literal

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import Key, KeySet, OctKey

from auth.viewer import Viewer
from models.user import Role

TokenKind = Literal["access", "refresh"]
ISSUER = "sportello"


class InvalidToken(Exception):
    """A token that is malformed, badly signed, expired or of the wrong kind."""


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
        now = int(time.time())
        jti = uuid.uuid4().hex
        claims: dict[str, Any] = {
            "iss": ISSUER,
            "sub": str(subject),
            "tenant": tenant,
            "roles": sorted(roles),
            "typ": kind,
            "jti": jti,
            "iat": now,
            "exp": now + lifetime_seconds,
        }
        header = {"alg": "HS256", "kid": self._signing_key.kid}
        return IssuedToken(
            jwt.encode(header, claims, self._signing_key), jti, now + lifetime_seconds
        )

    def verify(self, token: str, kind: TokenKind = "access") -> TokenClaims:
        try:
            decoded = jwt.decode(token, self._key_set, algorithms=["HS256"])
            registry = jwt.JWTClaimsRegistry(
                iss={"essential": True, "value": ISSUER},
                exp={"essential": True},
                sub={"essential": True},
                typ={"essential": True, "value": kind},
            )
            registry.validate(decoded.claims)
            claims = decoded.claims
            return TokenClaims(
                subject=uuid.UUID(claims["sub"]),
                tenant=claims.get("tenant"),
                roles=frozenset(Role(role) for role in claims.get("roles", [])),
                kind=kind,
                jti=str(claims.get("jti", "")),
                expires_at=int(claims["exp"]),
            )
        except (JoseError, ValueError, KeyError) as error:
            raise InvalidToken(str(error) or error.__class__.__name__) from error
