"""A book of standards for several kinds of contact: the opening and closing are read in the file's own kind's part.

A team's phrase standard often gives, besides its own calls' words, another kind of contact's in a section of its
own: an inbound hotline's standard with 「7.外呼用户的开头语,结束语:开头语:您好,我是…客服,我的工号是***结束语:感谢您的
接听,祝您生活愉快,再见!」, a front desk's with a section for answering the phone, a call-back standard with one for
the visit. Those words are not the file's call: an inbound standard whose own 结束语 is 「请您稍后对我的服务做出评价」
does not close with the outbound section's 再见. So where a free-form file of a declared kind of contact marks where
its closing goes (a closing marker, linemarks.CLOSING: a book of standards, not a call) and a numbered section's
heading names another kind of contact (外呼/回访/去电 outbound, 来电/接听 inbound, 接待/柜台/上门 face, 短信/微信 message)
and not its own, that section — from its heading to the next heading of its level or above (一、 >（一）> 1. >（1）
> ①, the usual order of Chinese numbering) — is taken out of the turns the opening and the closing are looked for
in (`own_kind`). Nothing else reads the cut view: forbidden phrases are the file's whatever section says them.

Structural, not a wording: what is read is which part of the document a line stands in; the kinds are the
project's own (`CallView.kind`). Kept free of the rest of the linter (asked by the rules missing-greeting and
missing-closing and by bench/realworld/evaluate.py), so bench/realworld/transfer/own_kind.py can apply it to older
versions.
"""

from __future__ import annotations

import re

try:
    from huifang.lint.linemarks import CLOSING
except ImportError:  # older code (bench/realworld/transfer/own_kind.py): no line marks, CLOSING never asked
    CLOSING = 0

# Words a section's heading names a kind of contact by.
KIND_WORDS = {
    "outbound": ("外呼", "呼出", "去电", "外拨", "回访", "致电客户", "致电用户"),
    "inbound": ("来电", "接听", "呼入", "接电话"),
    "face": ("接待", "柜台", "窗口", "来访", "上门", "入户", "当面", "迎宾", "送客"),
    "message": ("短信", "微信"),
}
ANY_KIND = "|".join(w for words in KIND_WORDS.values() for w in words)
# A numbered entry where a line or a sentence starts (after a sentence's end, a quote or a bracket closing), by
# style, and the heading it may start: a title of at most 20 characters ending in a colon.
ENTRY = (
    r"(?:^|(?<=[。！？!?；;”」』）)\]】\s]))[ \t　]*"
    r"(?:(?P<cn>[一二三四五六七八九十]{1,3}、)|(?P<pcn>[(（][一二三四五六七八九十]{1,3}[)）])"
    r"|(?P<num>\d{1,2}[.、．](?![\d.．]))|(?P<pnum>[(（]\d{1,2}[)）])|(?P<circled>[①②③④⑤⑥⑦⑧⑨⑩]))"
    r"(?P<title>[^。！？!?；;：:“”「」『』\n]{1,20}?[：:])?"
)
# A line's list number alone: what the free-form reader takes off a numbered line before its words.
NUMBER = (
    r"[ \t　]*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．]|[(（]\d{1,2}[)）]"
    r"|[①②③④⑤⑥⑦⑧⑨⑩])[ \t　]*"
)
MARKER = 12  # a list number with its spaces is at most this long
_COMPILED: list = []  # ANY_KIND, ENTRY and NUMBER compiled on first use (a file that gets this far is rare)
LEVEL = {"cn": 0, "pcn": 1, "num": 2, "pnum": 3, "circled": 4}  # 一、 >（一）> 1. >（1）> ①


def own_kind(view):
    """The view with the sections headed for another kind of contact taken out of its turns (each utterance cut to
    its parts outside them), or the view itself when it has none (or would keep no agent words). Asked first of
    what the view already says (free-form, its kind, its line marks), so most files cost three attribute tests;
    the answer for the rest remembered on the view."""
    if not view.freeform or view.kind not in KIND_WORDS or not _marks_closing(view):
        return view  # no line says where a closing goes: a call or a script, not a book of standards
    kept = view.__dict__.get("_own_kind")
    if kept is None:
        kept = view.__dict__["_own_kind"] = _own_kind(view) or False
    return kept or view


def _own_kind(view):
    if not _COMPILED:
        from huifang import regexcache

        _COMPILED.extend((regexcache.compile(ANY_KIND), regexcache.compile(ENTRY), regexcache.compile(NUMBER)))
    if _COMPILED[0].search(view.text) is None:
        return None
    turns = _in_file_order(view)
    cuts = _other_kind_sections(turns, view.kind, view.text or "")
    if not cuts:
        return None
    from huifang.lint.standards import _part

    parts: dict[int, list] = {}
    for u, spans in cuts.values():
        pieces, start = [], 0
        for a, b in spans:
            if a > start and u.text[start:a].strip():
                pieces.append(_part(u, start, a))
            start = b
        if start < len(u.text) and u.text[start:].strip():
            pieces.append(_part(u, start, len(u.text)))
        parts[id(u)] = pieces

    def cut(turns: list) -> list:
        return [p for u in turns for p in parts.get(id(u), (u,))]

    # a path that ends inside such a section (a branch the book's numbered items made of it) is the other kind's
    paths = [(label, cut(turns)) for label, turns in view.paths if not _ends_cut(turns, parts)]
    if not any(u.agent for _, turns in paths for u in turns):
        return None
    whole = cut(view.whole) if view.whole is not None else None
    return _replaced(view, paths=paths, whole=whole)


def _replaced(view, **changes):
    """`dataclasses.replace(view, **changes)` without importing dataclasses (and inspect) on the lint path: a new
    view of the same fields, none of the first one's remembered answers (its `_…` entries)."""
    fields = type(view).__dataclass_fields__
    new = object.__new__(type(view))
    new.__dict__.update((name, value) for name, value in view.__dict__.items() if name in fields)
    new.__dict__.update(changes)
    return new


def _ends_cut(turns: list, parts: dict) -> bool:
    """Whether the path's last agent turn lies wholly in a section of another kind."""
    last = next((u for u in reversed(turns) if u.agent), None)
    return last is not None and parts.get(id(last)) == []


def _marks_closing(view) -> bool:
    """Whether a line of the file says where a closing goes (「结束语：」): its line marks' CLOSING, or where the view
    has no marks (older code) the closing marker looked for in its text."""
    marks = getattr(view, "marks", None)
    if marks is not None:
        return bool(marks & CLOSING)
    from huifang.lint.standards import CLOSING_MARK

    return CLOSING_MARK.search(view.text) is not None


def _in_file_order(view) -> list:
    seen: dict[int, object] = {}
    for _, turns in view.paths:
        for u in turns:
            seen.setdefault(id(u), u)
    for u in view.whole or ():
        seen.setdefault(id(u), u)
    return sorted(seen.values(), key=lambda u: (u.line, u.col))


def _other_kind_sections(turns: list, kind: str, whole: str = "") -> dict:
    """id(utterance) → (utterance, its (start, end) ranges that lie in a section headed for another kind of contact
    than `kind`). `whole`: the file's text, where a turn's line is read as written (`_marker_before`)."""
    cuts: dict = {}
    level: int | None = None  # the open section's heading level, None when no section is open
    own = 0  # entries outside those sections: the file's own part of the book (none: nothing is cut)
    for u in turns:
        text = u.text
        shift = _marker_before(u, whole)  # the number the reader took off the line as a list marker
        if shift:
            text = whole[u.base - shift : u.base] + text
        start = 0  # where the open section starts in this turn
        for found in _COMPILED[1].finditer(text):
            here = LEVEL[_style(found)]
            at = max(found.start() - shift, 0)  # in the turn's own text
            if level is not None and here <= level:
                if at > start:
                    cuts.setdefault(id(u), (u, []))[1].append((start, at))
                level = None
            if level is None:
                if found.group("title") is not None and _names_other_kind(found.group("title"), kind):
                    level, start = here, at
                else:
                    own += 1
        if level is not None and len(u.text) > start:
            cuts.setdefault(id(u), (u, []))[1].append((start, len(u.text)))
    return cuts if own else {}


def _marker_before(u, whole: str) -> int:
    """How many characters of the turn's line stand before it when they are only a list number (「4. 」, 「(2) 」): the
    free-form reader takes a numbered line's number off as a list marker, and the number is what says where a
    section of the book starts. 0 when the turn does not follow such a number at its line's start."""
    shift = u.col - 1
    if not 0 < shift <= MARKER or u.base > len(whole) or u.base < shift:
        return 0
    head = whole[u.base - shift : u.base]
    return shift if _COMPILED[2].fullmatch(head) is not None else 0


def _style(found: re.Match) -> str:
    return next(name for name in LEVEL if found.group(name) is not None)


def _names_other_kind(title: str, kind: str) -> bool:
    if any(w in title for w in KIND_WORDS[kind]):
        return False
    return any(w in title for other, words in KIND_WORDS.items() if other != kind for w in words)
