"""缺少开头语要素：开头几句话里少了标准要求的要素。

开头语是坐席在进入回访问题之前说的话（至多前 max_turns 句，默认 3 句）。content/standards.yaml
的 greeting.elements 列出必须具备的要素（问候、确认客户身份、自我介绍、确认是否方便……），
每个要素有若干模式，任一出现即视为具备；模式中的 * 表示至多 12 个任意字。消息指出缺少哪个要素。
由机构档案组合进来的开头语，问题指向机构档案的 YAML。

PASS:
    客服：您好！请问是王先生吗？我是安心物业客服小李。
    客户：是我。
    客服：想对您做个简单回访，您现在方便接电话吗？
    客服：请问您对维修服务满意吗？

FAIL:
    客服：请问您对维修服务满意吗？
    客户：满意。
    客服：感谢您的支持，祝您生活愉快，再见！
"""

from __future__ import annotations

from huifang.lint.linemarks import CLOSING
from huifang.lint.standards import for_view, openings, path_name, shown, suggestion
from huifang.lint.standards import missing as absent
from huifang.lint.story import quoted

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from huifang.lint.engine import Context
    from huifang.lint.utterance import CallView
    from huifang.problems import Problem

ID = "missing-greeting"
TYPE = "call"
SEVERITY = "error"
RANK = {"error": 0, "warning": 1, "info": 2}


def check(view: CallView, ctx: Context) -> Iterable[Problem]:
    standard = for_view(ctx.project.greeting, view)
    if standard is None or not standard.elements:
        return ()
    if view.freeform and (view.marks is None or view.marks & CLOSING):
        # a book of standards: another kind of contact's section is not this call (lint/ownkind, Round 32b)
        from huifang.lint.ownkind import own_kind

        view = own_kind(view)
    if view.freeform and quoted(view):
        # a story of a call: only its quoted words were said on it (lint/spoken, Round 34)
        from huifang.lint.spoken import spoken

        view = spoken(view)
    groups: dict[tuple, list[str]] = {}
    where = {}
    for label, turns in openings(ctx, view, standard):
        missing = absent(ctx, standard, view.org, turns)
        if missing:
            key = (id(turns[0]) if turns else None, tuple(e.id for e in missing))
            groups.setdefault(key, []).append(label)
            where[key] = (turns, missing)
    return _reports(view, ctx, standard, groups, where) if groups else ()


def _reports(view, ctx, standard, groups, where):
    for key, labels in groups.items():
        turns, missing = where[key]
        yield from _report(view, ctx, standard, turns, missing, labels)


def _report(view, ctx, standard, turns, missing, labels):
    names = shown(missing)
    severity = ctx.severity(ID, min((e.severity for e in missing), key=RANK.__getitem__))
    paths = (
        ""
        if labels == [""]
        else "路径"
        + "、".join(f"「{path_name(x)}」" for x in labels[:3])
        + (f"等 {len(labels)} 条路径" if len(labels) > 3 else "")
        + "的"
    )
    if not turns:
        first = next((u for _, path in view.paths for u in path if u.agent), None)
        message = f"没有开头语：进入问题之前应先说开头语，缺少{names}"
        if first is None or not view.owns(first):
            yield ctx.at_call(ID, message, severity)
        else:
            yield ctx.problem(ID, first, 0, 0, message, severity)
        return
    yield ctx.problem(
        ID,
        turns[0],
        0,
        len(turns[0].text),
        f"{paths}开头语缺少要素：{names}",
        severity,
        suggestion(standard, view, "opening", missing),
    )
