"""通话过长：按语速估计，坐席要说的话超过机构规定的最长通话时间。

估计时间 = 坐席在一条路径上要说的字数（占位符按机构的值计，不计标点和空格）÷ 机构的语速
speech_rate（字/分钟，默认 240）。超过 max_call_minutes.max 时，报告在累计时间越过上限的那一句上，
并写出路径名。下面的例子按语速 240 字/分钟、最长 0.2 分钟（48 字）计。

PASS:
    客服：您好，我是安心物业客服，您现在方便接电话吗？
    客服：请问您对维修服务满意吗？
    客服：感谢您的支持，再见！

FAIL:
    客服：您好，我是安心物业客服，您现在方便接电话吗？
    客服：下面我先详细介绍一下我们小区本季度的全部服务项目、收费标准和各项活动安排。
    客服：请问您对维修服务满意吗？
    客服：感谢您的支持，再见！
"""

from __future__ import annotations

from huifang.compose import fill
from huifang.lint.normalize import normalize
from huifang.lint.standards import path_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from huifang.lint.engine import Context
    from huifang.lint.utterance import CallView
    from huifang.problems import Problem

ID = "call-too-long"
TYPE = "call"
SEVERITY = "warning"


def check(view: CallView, ctx: Context) -> Iterable[Problem]:
    org = view.org
    if org is None or not org.max_call_minutes:
        return ()
    if view.freeform and len(view.text) / (org.speech_rate or 240) <= org.max_call_minutes[1]:
        return ()  # the whole file read aloud fits: no path can be too long (no generator made)
    return _check(view, ctx)


def _check(view: CallView, ctx: Context) -> Iterable[Problem]:
    org = view.org
    assert org is not None and org.max_call_minutes is not None, "check() calls this only for an org with a maximum"
    limit = org.max_call_minutes[1]
    rate = org.speech_rate or 240
    lengths: dict[int, int] = {}
    worst: dict[int, tuple] = {}
    for label, turns in view.paths:
        total = 0
        crossed = None
        for u in turns:
            if not u.agent:
                continue
            if id(u) not in lengths:
                lengths[id(u)] = len(normalize(fill(u.text, org))) if "{" in u.text else len(u.normalized)
            total += lengths[id(u)]
            if crossed is None and total / rate > limit:
                crossed = u
        if crossed is not None:
            minutes = total / rate
            if id(crossed) not in worst or minutes > worst[id(crossed)][0]:
                worst[id(crossed)] = (minutes, label, crossed, total)
    for minutes, label, u, total in worst.values():
        yield ctx.problem(
            ID,
            u,
            0,
            len(u.text),
            f"路径「{path_name(label)}」坐席要说约 {total} 字，按 {rate} 字/分钟约 {minutes:.1f} 分钟，"
            f"超过机构规定的 {limit:g} 分钟（从这一句起超时）",
            ctx.severity(ID),
            "精简话术，或把说明改成短信、资料发送",
        )
