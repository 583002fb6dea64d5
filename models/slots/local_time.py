"""Wall-clock times of a calendar's zone turned into instants, across the DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

MIDNIGHT = time(0)


def instant(day: date, wall: time, zone: ZoneInfo) -> datetime:
    """The first instant, in UTC, at which the clocks of `zone` on `day` read `wall` or later.

    So an ambiguous wall time (02:30 on 2026-10-25 in Europe/Rome, when the clocks go back) is
    its first occurrence, and a nonexistent one (02:30 on 2026-03-29, when they jump from
    02:00 to 03:00) is the moment of the jump: 03:00 local, 01:00 UTC. The instant is built
    with `datetime.combine` in the zone, never by adding an offset by hand.
    """
    local = datetime.combine(day, wall.replace(tzinfo=None, fold=0), tzinfo=zone)
    moment = local.astimezone(UTC)
    if moment.astimezone(zone).replace(tzinfo=None) == local.replace(tzinfo=None):
        return moment
    return _clocks_jump(local, zone)


def _clocks_jump(local: datetime, zone: ZoneInfo) -> datetime:
    """The instant the clocks jump over the nonexistent `local`, to the second.

    Read with the offset before the change, `local` falls after the jump; with the offset
    after it, before the jump: bisect between the two.
    """
    readings = sorted(local.replace(fold=fold).astimezone(UTC) for fold in (0, 1))
    low, high = (int(reading.timestamp()) for reading in readings)
    offset_before = datetime.fromtimestamp(low, zone).utcoffset()
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, zone).utcoffset() == offset_before:
            low = middle
        else:
            high = middle
    return datetime.fromtimestamp(high, UTC)


def closing_instant(day: date, wall: time, zone: ZoneInfo) -> datetime:
    """Like `instant`, but an end at 00:00 means midnight at the end of `day`."""
    if wall.replace(tzinfo=None) == MIDNIGHT:
        return instant(day + timedelta(days=1), MIDNIGHT, zone)
    return instant(day, wall, zone)


def local_date(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def require_aware(moment: datetime, name: str) -> datetime:
    """`moment` in UTC; a naive datetime is a bug of the caller, not a user's mistake."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime, got {moment!r}")
    return moment.astimezone(UTC)


def days_between(first_day: date, last_day: date) -> list[date]:
    """Every date from `first_day` to `last_day`, both included (none if reversed)."""
    return [first_day + timedelta(days=n) for n in range((last_day - first_day).days + 1)]
