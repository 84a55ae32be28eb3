"""A scenario's structured timing in words (the handbook's 什么时候回访 page and the planner's reports)."""

from __future__ import annotations

from huifang import model as m

UNIT = {"day": "天", "week": "周", "month": "月", "quarter": "季度", "year": "年"}
MEASURE = {"day": "天", "week": "周", "month": "个月", "quarter": "个季度", "year": "年"}


def num(x: float) -> str:
    return f"{x:g}"


def every(e: m.Every) -> str:
    period = f"每{UNIT[e.unit]}" if e.n == 1 else f"每 {e.n} {MEASURE[e.unit]}"
    return period + (f" {e.times} 次" if e.times > 1 else "一次")


def days(lo: float | None, hi: float | None, working: bool) -> str:
    unit = " 个工作日" if working else " 天"
    if lo == 0 and hi == 0:
        return "当天"
    if lo is not None and lo == hi:
        return f"第 {num(hi)}{unit}"
    if lo and hi is not None:
        return f"第 {num(lo)}–{num(hi)}{unit}"
    if hi is not None:
        return f"{num(hi)}{unit}内"
    if lo:
        return f"满 {num(lo)}{unit}后"
    return ""


def sentence(t: m.Timing) -> str:
    """One human sentence: 「投诉处理完毕后 3 天内」「项目完成后每 3 年一次」「犹豫期内」."""
    if t.unknown:
        return "原文没有规定回访时限"
    parts = []
    windowed = t.min_days is not None or t.max_days is not None
    if windowed:
        when = days(t.min_days, t.max_days, t.days == "working")
        joint = "" if when == "当天" else "后 " if when[:1].isdigit() else "后"
        parts.append(f"{t.after}{joint}{when}" if t.after else when)
    if t.every:
        parts.append(
            ("" if windowed or not t.after else f"{t.after}后")
            + every(t.every)
            + (f"，直到{t.until}" if t.until else "")
        )
    if t.within:
        parts.append(f"{t.within.event}内" + (f"（{num(t.within.days)} 天）" if t.within.days else ""))
    if t.before:
        parts.append(f"{t.before.event}之前" + (f" {num(t.before.days)} 天内" if t.before.days else ""))
    if t.on:
        parts.append("、".join(t.on) + "当天")
    return "；".join(parts)


def window(t: m.Timing) -> str:
    """The structured window in short: 「D+7…D+30」「↻ 3 年」「工作日」."""
    bits = []
    if t.min_days is not None or t.max_days is not None:
        lo = t.min_days or 0
        bits.append(
            f"D+{num(lo)}" + ("" if t.max_days == lo else f"…D+{num(t.max_days)}" if t.max_days is not None else "…")
        )
    if t.every:
        bits.append(f"↻ {t.every.n} {UNIT[t.every.unit]}" + (f" ×{t.every.times}" if t.every.times > 1 else ""))
    if t.days == "working":
        bits.append("工作日")
    if t.within and not t.within.days:
        bits.append(f"{t.within.event}天数未规定")
    if t.before and not t.before.days:
        bits.append("提前天数未规定")
    return " · ".join(bits)
