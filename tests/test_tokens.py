"""JWTs: signed with the current key, verified with current and previous keys, nothing else."""

from __future__ import annotations

import uuid

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey

from auth.tokens import InvalidToken, TokenService, key_id
from models.user import Role

pytestmark = pytest.mark.date_sensitive

CURRENT = "current-secret-key-of-at-least-thirty-two-chars"
PREVIOUS = "previous-secret-key-of-at-least-thirty-two-char"
USER = uuid.uuid4()


def test_claims_travel_in_the_token() -> None:
    tokens = TokenService(CURRENT)
    claims = tokens.verify(tokens.issue(USER, "bugliano", ["TENANT_ADMIN"], "access", 60).token)
    assert claims.subject == USER
    assert claims.tenant == "bugliano"
    assert claims.roles == frozenset({Role.TENANT_ADMIN})


def test_tokens_of_the_previous_key_stay_valid_after_rotation() -> None:
    old = TokenService(PREVIOUS).issue(USER, "bugliano", ["CITIZEN"], "access", 60).token
    rotated = TokenService(CURRENT, [PREVIOUS])
    assert rotated.verify(old).subject == USER
    assert jwt.decode(
        rotated.issue(USER, None, [], "access", 60).token, OctKey.import_key(CURRENT)
    ).header["kid"] == key_id(CURRENT)
    with pytest.raises(InvalidToken):
        TokenService(CURRENT).verify(old)


def test_expired_and_wrong_kind_tokens_are_refused() -> None:
    tokens = TokenService(CURRENT)
    with pytest.raises(InvalidToken):
        tokens.verify(tokens.issue(USER, "bugliano", [], "access", -5).token)
    with pytest.raises(InvalidToken):
        tokens.verify(tokens.issue(USER, "bugliano", [], "refresh", 60).token, "access")


def test_a_token_signed_with_another_algorithm_is_refused() -> None:
    header = {"alg": "HS512", "kid": key_id(CURRENT)}
    forged = jwt.encode(
        header,
        {"sub": str(USER), "typ": "access"},
        OctKey.import_key(CURRENT),
        algorithms=["HS512"],
    )
    with pytest.raises(InvalidToken):
        TokenService(CURRENT).verify(forged)
