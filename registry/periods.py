"""Report periods: an ISO week (`2026-W48`), a month (`2026-11`) or a free range of days, each
with the period before it, for the change against the previous period."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from registry.errors import InvalidValue
from registry.views import LOCAL_ZONE

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MAX_RANGE_DAYS = 3660
MIN_YEAR, MAX_YEAR = 1900, 9998


@dataclass(frozen=True)
class Period:
    """Days `start` to `end`, both inclusive, in Vlorë's calendar."""

    kind: str  # week, month or range
    label: str
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """The first instant of `start` and of the day after `end`, in UTC."""
        return local_midnight_utc(self.start), local_midnight_utc(self.end + timedelta(days=1))

    def previous(self) -> Period:
        if self.kind == "week":
            start = self.start - timedelta(days=7)
            iso = start.isocalendar()
            return Period("week", f"{iso.year}-W{iso.week:02d}", start, start + timedelta(days=6))
        if self.kind == "month":
            last = self.start - timedelta(days=1)
            return month_period(f"{last.year}-{last.month:02d}")
        end = self.start - timedelta(days=1)
        return range_period(end - timedelta(days=self.days - 1), end)


def local_midnight_utc(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=LOCAL_ZONE).astimezone(UTC)


def week_period(label: str) -> Period:
    match = _WEEK.match(label)
    if not match:
        raise InvalidValue(f"a week is written YYYY-Www, like 2026-W48, not {label!r}")
    try:
        start = date.fromisocalendar(_year(match[1], label), int(match[2]), 1)
    except ValueError:
        raise InvalidValue(f"{label} is not a week of that year") from None
    return Period("week", label, start, start + timedelta(days=6))


def month_period(label: str) -> Period:
    match = _MONTH.match(label)
    if not match:
        raise InvalidValue(f"a month is written YYYY-MM, like 2026-11, not {label!r}")
    year, month = _year(match[1], label), int(match[2])
    if not 1 <= month <= 12:
        raise InvalidValue(f"{label} is not a month")
    start = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return Period("month", label, start, following - timedelta(days=1))


def range_period(start: date, end: date) -> Period:
    if end < start:
        raise InvalidValue(f"the range ends ({end}) before it starts ({start})")
    if (end - start).days >= MAX_RANGE_DAYS:
        raise InvalidValue(f"a report covers at most {MAX_RANGE_DAYS} days")
    if start.year < MIN_YEAR or end.year > MAX_YEAR:
        raise InvalidValue(f"reports cover the years {MIN_YEAR} to {MAX_YEAR}")
    return Period("range", f"{start.isoformat()}..{end.isoformat()}", start, end)


def _year(text: str, label: str) -> int:
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidValue(f"{label}: reports cover the years {MIN_YEAR} to {MAX_YEAR}")
    return year
