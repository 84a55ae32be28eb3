"""重复提问：同一条路径上，同一个问题问了两次。

同一个问题（同一问题 id，或去掉标点空格后文字相同的问句）在一次通话里问两遍，客户会觉得
坐席没有在听。不同分支里各问一次不算重复。

PASS:
    客服：请问您对维修服务满意吗？
    客户：满意。
    客服：请问维修人员是否准时上门？

FAIL:
    客服：请问您对维修服务满意吗？
    客户：还行吧。
    客服：请问您对维修服务满意吗？
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from huifang.lint.engine import Context
    from huifang.lint.utterance import CallView, Utterance
    from huifang.problems import Problem

ID = "duplicate-question"
TYPE = "call"
SEVERITY = "warning"


def check(view: CallView, ctx: Context) -> Iterable[Problem]:
    if view.freeform:
        for _, turns in view.paths:
            if not _distinct(_asked(turns)):
                return _check(view, ctx)
        return ()  # no path asks a question twice: nothing to report, and no generator made
    return _check(view, ctx)


def _asked(turns: list) -> list:
    return [u for u in turns if u.agent and (u.ask or u.text.rstrip().endswith(("？", "?")))]


def _distinct(asked: list) -> bool:
    """Whether no two questions of a free-form path are one text (free-form questions have no id: only equal
    texts can repeat)."""
    if len(asked) < 2:
        return True
    keys = [key for key in [u.normalized for u in asked] if len(key) >= 4]
    return len(set(keys)) == len(keys)


def _check(view: CallView, ctx: Context) -> Iterable[Problem]:
    reported = set()
    for _, turns in view.paths:
        seen: dict[str, Utterance] = {}
        asked = _asked(turns)
        if len(asked) < 2 or (view.freeform and _distinct(asked)):
            continue
        for u in asked:
            key = u.normalized
            if len(key) < 4:
                continue
            keys = [key] + ([u.key] if u.key else [])
            first = next((seen[k] for k in keys if k in seen), None)
            if first is not None and id(u) not in reported:
                reported.add(id(u))
                hint = "删去其中一次，或改问别的内容"
                if first is u or not view.owns(u):  # the same bank question asked again by the script
                    yield ctx.at_call(
                        ID, f"重复提问：问题 {u.key or u.text} 在同一条路径上问了两次", ctx.severity(ID), hint
                    )
                    continue
                line, _ = first.where(0)
                where = f"第 {line} 行" if first.file == u.file else f"{first.file} 第 {line} 行"
                yield ctx.problem(ID, u, 0, len(u.text), f"重复提问：这个问题已在{where}问过", ctx.severity(ID), hint)
            for k in keys:
                seen.setdefault(k, u)
