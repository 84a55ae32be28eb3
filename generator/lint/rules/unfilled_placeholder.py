"""占位符没有值：应由机构档案填入的占位符，机构档案里没有填写。

{公司} {部门} {热线} {坐席职称} 和机构 placeholders 中的名称由机构档案填入；机构档案缺了这一项
（或话术没有所属机构）时，学员会读到原样的 {热线}。

PASS:
    客服：如有问题请拨打{热线}。

FAIL:
    客服：如有问题请拨打{热线}，我们{部门}随时为您服务。
"""

from __future__ import annotations

from huifang import regexcache
from huifang.compose import PLACEHOLDER

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from huifang.lint.engine import Context
    from huifang.lint.utterance import Utterance
    from huifang.problems import Problem

ID = "unfilled-placeholder"
TYPE = "line"
SEVERITY = "warning"
FIELDS = {"公司": "name", "部门": "department", "热线": "hotline", "坐席职称": "agent_title"}


def wanted(text: str, ctx) -> bool:
    return "{" in text


def check(u: Utterance, ctx: Context) -> Iterable[Problem]:
    if "{" not in u.text:
        return
    org = ctx.org
    fills = org.fills() if org else {}
    wanted = set(FIELDS) | set(org.placeholders if org else ())
    for match in PLACEHOLDER.finditer(u.text):
        name = match.group(1)
        if name not in wanted or fills.get(name):
            continue
        if org is None:
            message, hint = (
                f"占位符 {{{name}}} 没有值：话术没有所属机构",
                "在话术中写 org:，或在 huifang.yaml 设 default_org",
            )
        else:
            field = FIELDS.get(name, f"placeholders.{name}")
            message, hint = (
                f"占位符 {{{name}}} 没有值：机构档案 {org.file} 未填写 {field}",
                f"在 {org.file} 中填写 {field}",
            )
        yield ctx.problem(ID, u, match.start(), match.end(), message, ctx.severity(ID), hint)


SHARED = regexcache.compile(r"^占位符 \{(?P<name>[^{}]+)\} 没有值：机构档案 (?P<file>\S+) 未填写 (?P<field>\S+)$")


def combine(problems):
    """One text (the default org's closing, say) used by many orgs that all lack the value: one finding
    naming the orgs, not one line per org at the same place."""
    groups: dict[tuple, list] = {}
    for p in problems:
        match = SHARED.match(p.message) if p.rule == ID else None
        if match:
            key = (p.path, p.line, p.column, p.end_line, p.end_column, p.severity, match["name"], match["field"])
            groups.setdefault(key, []).append((match["file"], p))
    out = []
    for p in problems:
        match = SHARED.match(p.message) if p.rule == ID else None
        if not match:
            out.append(p)
            continue
        key = (p.path, p.line, p.column, p.end_line, p.end_column, p.severity, match["name"], match["field"])
        group = groups.pop(key, None)
        if group is None:
            continue  # merged into the first of its group
        files = sorted({f for f, _ in group})
        if len(files) == 1:
            out.append(p)
            continue
        shown = "、".join(files[:3]) + (" 等" if len(files) > 3 else "")
        from dataclasses import replace  # here: dataclasses costs a one-file lint's start-up 10 ms

        out.append(
            replace(
                p,
                message=f"占位符 {{{match['name']}}} 没有值：这段话用于 {len(files)} 个机构，"
                f"它们的机构档案未填写 {match['field']}：{shown}",
                suggestion=f"在这些机构档案中填写 {match['field']}",
            )
        )
    return out
