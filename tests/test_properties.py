"""Property-based tests of the pure pieces: cursors and language negotiation."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import column

from models.i18n import negotiate_language
from resolvers.pagination import PaginationError, SortKey, decode_cursor, encode_cursor

LANGUAGES = ["it", "en", "de"]
TEXT_KEY = SortKey(column("name"))
NUMBER_KEY = SortKey(column("score"), kind="number")
TIME_KEY = SortKey(column("updated_at"), kind="datetime")


@given(st.text(), st.uuids())
def test_text_cursors_round_trip(value: str, row_id: uuid.UUID) -> None:
    assert decode_cursor(encode_cursor(value, row_id), TEXT_KEY) == (value, row_id)


@given(st.floats(allow_nan=False, allow_infinity=False) | st.integers(), st.uuids())
def test_number_cursors_round_trip_exactly(value: float, row_id: uuid.UUID) -> None:
    assert decode_cursor(encode_cursor(value, row_id), NUMBER_KEY) == (value, row_id)


@given(st.datetimes(timezones=st.just(UTC)), st.uuids())
def test_time_cursors_round_trip(value: datetime, row_id: uuid.UUID) -> None:
    assert decode_cursor(encode_cursor(value, row_id), TIME_KEY) == (value, row_id)


@given(st.text())
def test_any_garbage_cursor_is_a_pagination_error(garbage: str) -> None:
    try:
        decode_cursor(garbage, TEXT_KEY)
    except PaginationError:
        return
    # The rare string that happens to be a well-formed cursor must decode to one.
    assert encode_cursor(*decode_cursor(garbage, TEXT_KEY)) == garbage.rstrip("=")


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["it", "en", "de", "fr", "en-GB", "*", "xx"]),
            st.floats(min_value=0, max_value=1),
        ),
        max_size=6,
    ),
    st.lists(st.sampled_from(LANGUAGES), min_size=1, unique=True),
)
def test_negotiation_always_answers_an_enabled_language(
    preferences: list[tuple[str, float]], enabled: list[str]
) -> None:
    header = ", ".join(f"{tag};q={quality:.2f}" for tag, quality in preferences)
    chosen = negotiate_language(header, enabled, enabled[0])
    assert chosen in enabled


@pytest.mark.parametrize("bad", ["", "=", "eyJ"])
def test_short_garbage_is_refused(bad: str) -> None:
    with pytest.raises(PaginationError):
        decode_cursor(bad, TEXT_KEY)
