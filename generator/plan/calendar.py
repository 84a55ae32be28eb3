"""The Chinese working calendar: statutory holidays and 调休 working days (`chinese-calendar`).

Beyond the last year the State Council has published, nobody knows the 调休 days yet: such dates
count Monday–Friday as working days and the year is remembered in `unpublished`, so the planner
can warn instead of guessing silently. Festival dates (春节, 中秋 …) are lunar facts, not
arrangements, and come from `holidays` for any year.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import chinese_calendar

# the seeds' festival names -> `holidays`' Chinese names (元宵节 is 春节 + 14 days)
FESTIVALS = {
    "元旦": "元旦",
    "春节": "春节",
    "清明节": "清明节",
    "清明": "清明节",
    "五一节": "劳动节",
    "劳动节": "劳动节",
    "端午节": "端午节",
    "端午": "端午节",
    "中秋": "中秋节",
    "中秋节": "中秋节",
    "国庆": "国庆节",
    "国庆节": "国庆节",
}
LANTERN = "元宵节"
BIRTHDAY = "客户生日"
FIRST_YEAR = min(d.year for d in chinese_calendar.holidays)
LAST_YEAR = max(d.year for d in chinese_calendar.holidays)


class Calendar:
    def __init__(self) -> None:
        self.unpublished: set[int] = set()
        self._workday: dict[dt.date, bool] = {}
        self._holiday: dict[dt.date, str] = {}

    def published(self, year: int) -> bool:
        return FIRST_YEAR <= year <= LAST_YEAR

    def is_workday(self, day: dt.date) -> bool:
        known = self._workday.get(day)
        if known is None:
            if self.published(day.year):
                known = chinese_calendar.is_workday(day)
            else:
                self.unpublished.add(day.year)
                known = day.weekday() < 5
            self._workday[day] = known
        return known

    def holiday_name(self, day: dt.date) -> str:
        """The statutory holiday `day` belongs to, in Chinese ('' on working days and plain weekends)."""
        known = self._holiday.get(day)
        if known is None:
            if not self.published(day.year):
                return ""
            on_holiday, name = chinese_calendar.get_holiday_detail(day)
            known = self._holiday[day] = CHINESE_NAMES.get(name, "") if on_holiday and name else ""
        return known

    def next_workday(self, day: dt.date, last: dt.date) -> dt.date | None:
        """The first working day in [day, last], or None."""
        while day <= last:
            if self.is_workday(day):
                return day
            day += dt.timedelta(days=1)
        return None

    def add_workdays(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day after `day` (n = 0: `day` itself if it is one, else the next)."""
        if n <= 0:
            while not self.is_workday(day):
                day += dt.timedelta(days=1)
            return day
        while n:
            day += dt.timedelta(days=1)
            n -= self.is_workday(day)
        return day


CHINESE_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


@lru_cache(maxsize=256)
def festival(name: str, year: int) -> dt.date | None:
    """The date of a festival the seeds name, in `year` (None for a name we do not know)."""
    if name == LANTERN:
        spring = festival("春节", year)
        return spring + dt.timedelta(days=14) if spring else None
    wanted = FESTIVALS.get(name)
    if not wanted:
        return None
    # a day of two holidays is named "中秋节; 国庆节" (2020-10-01, 2028-10-03): each name counts
    named = china()(years=year, language="zh_CN")
    days = sorted(d for d in named if wanted in named.get_list(d))
    return days[0] if days else None


@cache
def china() -> Any:
    """`holidays.China`, its module loaded from its file: `holidays.China` imports the package `holidays.countries`,
    which imports the modules of all 200-odd countries (0.04 s of every plan whose scenarios name a festival,
    against 0.004 s). The same class and code; the package's way when the file is not where it was."""
    import holidays

    try:
        spec = importlib.util.spec_from_file_location(
            "huifang_holidays_china", Path(holidays.__file__).parent / "countries" / "china.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.China
    except Exception:  # noqa: BLE001 (a later holidays laid out otherwise: its own import, slower)
        return holidays.China
