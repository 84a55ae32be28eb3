"""Round 11, change 4 as it was transfer-tested: wordings joined by 或 are alternatives of the opening.

Run by first_sight.py in an export of old code: python either.py EXPORT_ROOT. Wraps standards.openings(): in a
free-form file, the first opening turn that gives quoted wordings joined by 或/或者/或是 (「如「城东税务所，您好」或
「我是○○○，您好」」) makes that many paths, each with one of the wordings, so an element counts only when every
alternative says it.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
head = "\ndef openings(ctx, view"  # the code's own, or another edit's wrapper of it
if head not in text:
    sys.exit("no openings() to wrap")
text = text.replace(head, "\ndef _openings_r11(ctx, view", 1)
text += r"""

import re as _re_r11

_EITHER = _re_r11.compile(
    r"[“「『\"][^“”「」『』\"\n]{1,80}[”」』\"](?:[ \t]*(?:或者|或是|或)[ \t]*[“「『\"][^“”「」『』\"\n]{1,80}[”」』\"])+"
)
_QUOTED = _re_r11.compile(r"[“「『\"][^“”「」『』\"\n]{1,80}[”」』\"]")


def _either(label, turns):
    for index, u in enumerate(turns):
        if "或" not in u.folded:
            continue
        group = _EITHER.search(u.folded)
        if group is None:
            continue
        start, end = group.span()
        out = []
        for n, quote in enumerate(_QUOTED.finditer(u.folded, start, end), 1):
            parts = [_part(u, a, b) for a, b in ((0, start), quote.span(), (end, len(u.text))) if a < b]
            out.append((f"{label}（说法{n}）" if label else f"说法{n}", turns[:index] + parts + turns[index + 1 :]))
        return out
    return [(label, turns)]


def openings(ctx, view, standard):
    found = _openings_r11(ctx, view, standard)
    if view.freeform:
        found = [way for label, turns in found for way in _either(label, turns)]
    return found
"""
code.write_text(text, encoding="utf-8")
