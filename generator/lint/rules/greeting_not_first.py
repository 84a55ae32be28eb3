"""问候不在最前：坐席的第一句话不是问候。

通话应以问候开始（开头语标准的第一个要素，如「您好」）。如果坐席先说了别的、先问了问题，
后面才问候，报告在第一句上。自由格式话术里问候前的标题行（如「回访话术（维修）」，不以句号、
问号等结尾）不算。整段都没有问候时由 missing-greeting 报告，这里不重复。

PASS:
    客服：您好，我是安心物业客服小李。
    客服：请问您对维修服务满意吗？

    回访话术（维修）
    客服：您好，我是安心物业客服小李。

FAIL:
    客服：请问您对维修服务满意吗？
    客服：您好，我是安心物业客服小李。
"""

from __future__ import annotations

from huifang.lint.standards import asks, for_view

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from huifang.lint.engine import Context
    from huifang.lint.utterance import CallView
    from huifang.problems import Problem

ID = "greeting-not-first"
TYPE = "call"
SEVERITY = "warning"


def check(view: CallView, ctx: Context) -> Iterable[Problem]:
    base = ctx.project.greeting
    standard = for_view(base, view)
    if base is None or standard is None or not standard.elements or standard.elements[0].id != base.elements[0].id:
        return
    greeting = standard.elements[0]
    label, first_path = view.paths[0] if view.paths else ("", None)
    if label == "不方便":
        first_path = next((turns for label, turns in view.paths if label != "不方便"), None)
    if first_path is None:
        return
    agent = view.agent_turns(first_path)
    for index, u in enumerate(agent):
        if ctx.element_in(greeting, view.org, u.folded, standard):
            if index and any(not (view.freeform and _title(earlier)) for earlier in agent[:index]):
                yield ctx.problem(
                    ID,
                    agent[0],
                    0,
                    len(agent[0].text),
                    f"第一句话不是{greeting.name}：第 {index + 1} 句才{greeting.name}",
                    ctx.severity(ID),
                    f"以「{greeting.example}」开始通话" if greeting.example else "",
                )
            return


SENTENCE_END = ("。", "！", "!", "？", "?", "，", ",", "…", "；", ";", "~", "”", "」")


def _title(u) -> bool:
    """A free-form line that names the script rather than says something (回访话术 12)."""
    return len(u.text) <= 30 and not u.text.rstrip().endswith(SENTENCE_END) and not asks(u)
