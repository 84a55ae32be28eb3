"""占位符没有值：应由机构档案填入的占位符，机构档案里没有填写。

{公司} {部门} {热线} {坐席职称} 和机构 placeholders 中的名称由机构档案填入；机构档案缺了这一项
（或话术没有所属机构）时，学员会读到原样的 {热线}。

PASS:
    客服：如有问题请拨打{热线}。

FAIL:
    客服：如有问题请拨打{热线}，我们{部门}随时为您服务。
"""

from __future__ import annotations

from generator.compose import PLACEHOLDER

ID = "unfilled-placeholder"
TYPE = "line"
SEVERITY = "warning"
FIELDS = {"公司": "name", "部门": "department", "热线": "hotline", "坐席职称": "agent_title"}


def wanted(text: str, ctx) -> bool:
    return "{" in text


def check(u, ctx):
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
            message, hint = f"占位符 {{{name}}} 没有值：话术没有所属机构", "在话术中写 org:，或在 huifang.yaml 设 default_org"
        else:
            field = FIELDS.get(name, f"placeholders.{name}")
            message, hint = f"占位符 {{{name}}} 没有值：机构档案 {org.file} 未填写 {field}", f"在 {org.file} 中填写 {field}"
        yield ctx.problem(ID, u, match.start(), match.end(), message, ctx.severity(ID), hint)
