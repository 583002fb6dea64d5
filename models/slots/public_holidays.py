"""The days an Italian municipality's offices close by law: national holidays and patron day."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date
from functools import cache

import holidays


@cache
def _national(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("IT", years=year).keys())


def italian_holidays(years: Iterable[int], patron_day: tuple[int, int] | None) -> frozenset[date]:
    """Italy's national holidays of `years` (from the maintained `holidays` package, so Easter
    Monday and any change in the law come with its updates), plus the municipality's patron
    saint's day as (month, day). A patron day of 29 February falls only in leap years."""
    wanted = set(years)
    days = set().union(*(_national(year) for year in wanted))
    if patron_day is not None:
        month, day = patron_day
        date(2024, month, day)  # a leap year: raises ValueError for a day no year has
        days.update(
            date(year, month, day)
            for year in wanted
            if (month, day) != (2, 29) or calendar.isleap(year)
        )
    return frozenset(days)
