"""Round 17 (lintacc20) as it was transfer-tested: a rule book opens where it says the opening goes.

Run by first_sight.py in an export of old code: python opening_marked.py EXPORT_ROOT. Wraps standards._opening: when
a free-form path's start says no opening element (a title, then rules of conduct), and an agent turn before anyone
answers starts (its first 30 characters) with a marker of where the opening goes (「（一）接通电话时，应说：“…”」,
「开场白：」, 「问候语：」), the opening is read from that turn, if it says an element there. Code older than 9abf380
has no _search; there the start's opening is the old _opening's own answer (it has no later fallback either).
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
if "def _opening(" not in text:
    sys.exit("no _opening() to wrap")
text += r"""

import re as _re17

_OPENING_MARK17 = _re17.compile(
    r"接通电话|接听电话|电话接通|接起电话|拿起电话|拿起听筒|接听来电|来电接听|拨通电话|电话拨通|开场白|开场语|开头语|问候语"
)
_opening_before17 = _opening


def _says_any17(ctx, standard, view, turns):
    return bool(turns) and len(missing(ctx, standard, view.org, turns)) < len(standard.elements)


def _opening(ctx, view, standard, path):
    if view.freeform and standard.elements:
        if "_search" in globals():
            _, started = _search(ctx, view, standard, view.agent_turns(path))
        else:
            started = _says_any17(ctx, standard, view, _opening_before17(ctx, view, standard, path))
        if not started:
            marked = None
            for index, u in enumerate(path):
                if not u.agent:
                    break
                if _OPENING_MARK17.search(u.folded[:30]) is not None:
                    marked = index
                    break
            if marked is not None:
                turns = _opening_before17(ctx, view, standard, path[marked:])
                if _says_any17(ctx, standard, view, turns):
                    return turns
    return _opening_before17(ctx, view, standard, path)
"""
code.write_text(text, encoding="utf-8")
