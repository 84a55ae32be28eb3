"""When a call is due: a scenario's structured timing applied to one event, as windows in [start, end].

- min/max days: one window after the event (working days counted on the Chinese calendar when
  `days: working`); with `every` as well, the same window again each period.
- `every` alone: once per period after the event (`times` calls split the period evenly), the k-th
  window running from the k-th boundary to the day before the next.
- `within` a period of N days: [event, event + N]; with no N, up to the row's 截止日期.
- `before` an event N days: [截止日期 - N, 截止日期 - 1].
- `on` festivals or 客户生日: that day, each year.
- `unknown`: no window; the reason is reported.
"""

from __future__ import annotations

import calendar as months
import datetime as dt
from dataclasses import dataclass

from huifang import model as m
from huifang.plan.calendar import BIRTHDAY, Calendar, festival

DAY = dt.timedelta(days=1)
MONTHS = {"month": 1, "quarter": 3, "year": 12}
LONGEST = 4000  # windows per event: a daily recurrence over ten years and more


@dataclass(frozen=True, slots=True)
class Window:
    start: dt.date
    end: dt.date | None  # None: open-ended (满 N 天后)


class NoWindow(Exception):
    """The scenario or the row does not say when: the reason, in Chinese."""


def add_months(day: dt.date, n: int) -> dt.date:
    y, mo = divmod(day.month - 1 + n, 12)
    year, month = day.year + y, mo + 1
    return dt.date(year, month, min(day.day, months.monthrange(year, month)[1]))


def boundary(start: dt.date, every: m.Every, i: int) -> dt.date:
    """The i-th boundary after `start` when each period of every.n units holds every.times calls."""
    k, j = divmod(i, every.times)
    if every.unit in MONTHS:
        lo = add_months(start, k * every.n * MONTHS[every.unit])
        if j == 0:
            return lo
        hi = add_months(start, (k + 1) * every.n * MONTHS[every.unit])
        return lo + dt.timedelta(days=(hi - lo).days * j // every.times)
    length = every.n * (7 if every.unit == "week" else 1)
    return start + dt.timedelta(days=(k * length * every.times + j * length) // every.times)


def approx_days(every: m.Every) -> float:
    per = {"day": 1, "week": 7, "month": 30.44, "quarter": 91.31, "year": 365.25}[every.unit]
    return every.n * per / every.times


def shifted(cal: Calendar, event: dt.date, lo: float | None, hi: float | None, working: bool) -> Window:
    if working:
        start = cal.add_workdays(event, int(lo or 0))
        return Window(start, cal.add_workdays(event, int(hi)) if hi is not None else None)
    start = event + dt.timedelta(days=int(lo or 0))
    return Window(start, event + dt.timedelta(days=int(hi)) if hi is not None else None)


def choose(t: m.Timing, region: str, customer_class: str) -> tuple[float | None, float | None, m.Every | None, str]:
    """(min_days, max_days, every, override text) for a row: an override of its region or class, else the main rule."""
    for o in t.overrides:
        if (region and region in o.region) or (customer_class and customer_class in o.customer_class):
            windowed = o.min_days is not None or o.max_days is not None
            return (
                o.min_days if windowed else t.min_days,
                o.max_days if windowed else t.max_days,
                o.every or (None if windowed else t.every),
                o.text,
            )
    return t.min_days, t.max_days, t.every, ""


def chosen(t: m.Timing, region: str, customer_class: str) -> int:
    """Which override `choose` applies to a row (len(overrides) for none): rows alike in it get the same windows."""
    for i, o in enumerate(t.overrides):
        if (region and region in o.region) or (customer_class and customer_class in o.customer_class):
            return i
    return len(t.overrides)


def windows(
    t: m.Timing,
    cal: Calendar,
    event: dt.date,
    first: dt.date,
    last: dt.date,
    *,
    region: str = "",
    customer_class: str = "",
    deadline: dt.date | None = None,
    birthday: tuple[int, int] | None = None,
) -> list[Window]:
    """Every window of this event that overlaps [first, last], in order. NoWindow when the timing or the
    row does not say when."""
    if t.unknown:
        raise NoWindow(f"原文没有规定回访时限（{t.reason.rstrip('。')}）" if t.reason else "原文没有规定回访时限")
    found: list[Window] = []
    lo, hi, every, _ = choose(t, region, customer_class)
    working = t.days == "working"
    if lo is not None or hi is not None:
        base = shifted(cal, event, lo, hi, working)
        if every is None:
            found.append(base)
        else:
            found += repeat(
                cal,
                t,
                every,
                event,
                first,
                last,
                deadline,
                lambda b: shifted(cal, b, lo, hi, working),
                include_first=True,
            )
    elif every is not None:
        found += repeat(cal, t, every, event, first, last, deadline, None, include_first=False)
    if t.within:
        if t.within.days:
            found.append(Window(event, event + dt.timedelta(days=int(t.within.days))))
        elif deadline:
            found.append(Window(event, deadline))
        else:
            raise NoWindow(
                f"原文没有规定{t.within.event}的天数；请在事件表的「截止日期」列填写{t.within.event}的最后一天"
            )
    if t.before:
        if not t.before.days:
            raise NoWindow(f"原文没有规定{t.before.event}前多少天回访")
        end = deadline or event
        found.append(Window(end - dt.timedelta(days=int(t.before.days)), end - DAY))
    for name in t.on:
        for year in range(first.year, last.year + 1):
            day: dt.date | None
            if name == BIRTHDAY:
                if birthday is None:
                    raise NoWindow("事件表没有这位客户的生日")
                mo, d = birthday
                day = dt.date(year, mo, min(d, months.monthrange(year, mo)[1]))
            else:
                day = festival(name, year)
                if day is None:
                    raise NoWindow(f"不认识的节日「{name}」")
            found.append(Window(day, day))
    if not found and not t.every and not t.on:
        raise NoWindow("场景没有结构化的回访时限")
    return sorted((w for w in found if w.start <= last and (w.end is None or w.end >= first)), key=lambda w: w.start)


def repeat(
    cal: Calendar,
    t: m.Timing,
    every: m.Every,
    event: dt.date,
    first: dt.date,
    last: dt.date,
    until: dt.date | None,
    shape,
    include_first: bool,
) -> list[Window]:
    out = []
    step = approx_days(every)
    i = max(0 if include_first else 1, int((first - event).days / step) - 2 * every.times)
    stop = min(last, until) if until and t.until else last
    for _ in range(LONGEST):
        b = boundary(event, every, i)
        if b > stop:
            break
        w = shape(b) if shape else Window(b, boundary(event, every, i + 1) - DAY)
        if w.end is None or w.end >= first:
            out.append(w)
        i += 1
    return out
