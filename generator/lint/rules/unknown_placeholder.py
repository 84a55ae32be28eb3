"""未知占位符：话术里的 {名称} 既不是机构能填的，也不是留给坐席现场填的。

机构能填的占位符：{公司} {部门} {热线} {坐席职称} 以及机构档案 placeholders 中定义的；
留给坐席的：{客户称呼} {客户姓名} {坐席} {日期} {时间} {项目} {产品} 等，以及机构档案
agent_placeholders 中列出的。其余的多半是笔误，
培训学员会原样读到花括号。

PASS:
    客服：您好，我是{公司}客服{坐席}，请问是{客户称呼}吗？

FAIL:
    客服：您好，我是{公司名}客服，请问是{客户称呼}吗？
"""

from __future__ import annotations

from huifang.compose import AGENT_PLACEHOLDERS, PLACEHOLDER

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from huifang.lint.engine import Context
    from huifang.lint.utterance import Utterance
    from huifang.problems import Problem

ID = "unknown-placeholder"
TYPE = "line"
SEVERITY = "error"
ORG_FILLED = ("公司", "部门", "热线", "坐席职称")


def known(org) -> set[str]:
    names = set(AGENT_PLACEHOLDERS) | set(ORG_FILLED)
    if org is not None:
        names |= set(org.placeholders) | set(getattr(org, "agent_placeholders", ()))
    return names


def wanted(text: str, ctx) -> bool:
    return "{" in text


def check(u: Utterance, ctx: Context) -> Iterable[Problem]:
    if "{" not in u.text:
        return
    names = known(ctx.org)
    for match in PLACEHOLDER.finditer(u.text):
        name = match.group(1)
        if name in names:
            continue
        import difflib

        close = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.5)
        yield ctx.problem(
            ID,
            u,
            match.start(),
            match.end(),
            f"未知占位符 {{{name}}}",
            ctx.severity(ID),
            f"是否想写 {{{close[0]}}}？" if close else "可用：" + " ".join("{" + n + "}" for n in sorted(names)),
        )
