"""Reply deadlines by kind of letter, counted in calendar days or in Albanian working days.

A request for information under Law 119/2014 is due in 10 working days; working days skip
weekends and Albania's public holidays from the maintained `holidays` calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays


@dataclass(frozen=True)
class DeadlinePolicy:
    default_reply_days: int = 30
    information_working_days: int = 10

    def due_date(self, kind: str | None, registered_on: date) -> date | None:
        """The reply's due date for a letter of `kind` registered on `registered_on`, if any."""
        if kind == "kerkese-informacioni":
            return add_working_days(registered_on, self.information_working_days)
        if kind in ("ankese", "kerkese"):
            return registered_on + timedelta(days=self.default_reply_days)
        return None


@lru_cache(maxsize=32)
def _albanian_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("AL", years=year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _albanian_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (the day of receipt does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day
