"""缺少结束语要素：某条通话路径结束时没有礼貌地结束。

每一条路径都算：「不方便」分支、「不满意」分支、提前结束（close）和机构的每个结束语变体，
都必须在坐席最后几句话（至多 max_turns 句）里具备 content/standards.yaml 中 closing.elements
要求的要素（致谢、祝福、道别……）。问题报告在该路径坐席的最后一句上，并写出路径名。

PASS:
    客服：您好，我是安心物业客服，您现在方便接电话吗？
    客服：请问您对维修服务满意吗？
    客服：非常感谢您的支持，祝您生活愉快，再见！

FAIL:
    客服：您好，我是安心物业客服，您现在方便接电话吗？
    客服：请问您对维修服务满意吗？
    客服：好的，那就这样。
"""

from __future__ import annotations

from huifang.lint.linemarks import CLOSING
from huifang.lint.standards import closing, ending_read, for_view, path_name, shown, suggestion
from huifang.lint.standards import missing as absent
from huifang.lint.story import quoted

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from huifang.lint.engine import Context
    from huifang.lint.utterance import CallView
    from huifang.model import Org, Standard
    from huifang.problems import Problem

ID = "missing-closing"
TYPE = "call"
SEVERITY = "error"
RANK = {"error": 0, "warning": 1, "info": 2}
GOODBYE = "zaijian"  # the closing element that takes leave (content/standards.yaml; lint/phraselist.GOODBYE)


def check(view: CallView, ctx: Context) -> Iterable[Problem]:
    standard = for_view(ctx.project.closing, view)
    if standard is None or not standard.elements:
        return ()
    if (
        not view.freeform
        or view.kind == "message"
        or view.node_endings
        or view.marks is None
        or view.marks & CLOSING
        or quoted(view)
    ):
        return _check(view, ctx, standard)[0]
    # Only `_ending` finds each path's closing (lint/standards.ending_read): the answer of a path with the same
    # turns there is the same, and a clean one (nothing missing) is remembered.
    clean = _clean(standard, view.org)
    key = tuple([ending_read(view.agent_turns(turns), standard, view.org) for _, turns in view.paths])
    if key in clean:
        return ()
    found, alone = _check(view, ctx, standard)
    if alone and not found:
        if len(clean) > 100_000:
            clean.clear()
        clean.add(key)
    return found


def _check(view: CallView, ctx: Context, standard: Standard) -> tuple[list[Problem], bool]:
    """The findings, and whether they come from the paths' closing turns alone (no phrase list's goodbye asked)."""
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
    asked = False
    for label, turns in view.paths:
        last = closing(turns, standard, view)
        missing = absent(ctx, standard, view.org, last)
        if missing and view.freeform and any(e.id == GOODBYE for e in missing):
            # a phrase list's goodbye entry stands where the list puts it (lint/phraselist, Round 32a), with the
            # thanks and wishes said next to it (lint/leavetaking, Round 33a)
            from huifang.lint.leavetaking import with_leave_taking

            asked = True
            last, missing = with_leave_taking(ctx, view, turns, standard, last, missing)
        if missing:
            key = (id(last[-1]) if last else None, tuple(e.id for e in missing))
            groups.setdefault(key, []).append(path_name(label))
            where[key] = (last[-1] if last else None, missing)
    return (list(_reports(view, ctx, standard, groups, where)) if groups else []), not asked


_CLEAN: dict[tuple, tuple] = {}


def _clean(standard: Standard, org: Org | None) -> set:
    """The paths' `ending_read` answers found clean for this standard and org (the entry holds both, so their ids
    stay theirs)."""
    key = (id(standard), id(org))
    entry = _CLEAN.get(key)
    if entry is None or entry[0] is not standard or entry[1] is not org:
        if len(_CLEAN) > 64:
            _CLEAN.clear()
        entry = _CLEAN[key] = (standard, org, set())
    return entry[2]


def _reports(view, ctx, standard, groups, where):
    for key, labels in groups.items():
        turn, missing = where[key]
        names = shown(missing)
        paths = "、".join(f"「{x}」" for x in labels[:3]) + (f"等 {len(labels)} 条路径" if len(labels) > 3 else "")
        message = f"路径{paths}结束时缺少结束语要素：{names}"
        severity = ctx.severity(ID, min((e.severity for e in missing), key=RANK.__getitem__))
        instead = suggestion(standard, view, "closing", missing)
        if turn is None or not view.owns(turn):
            yield ctx.at_call(ID, message, severity, instead)
        else:
            yield ctx.problem(ID, turn, 0, len(turn.text), message, severity, instead)
