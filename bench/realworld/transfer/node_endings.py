"""Round 17 (lintacc20), change 2 as it was transfer-tested: a bank's alternative ending nodes are each a whole closing.

Run by first_sight.py in an export of old code: python node_endings.py EXPORT_ROOT (sets 3–8's code has no endings
reader: run it after endings.py and bank_endings.py there, as round 14b did). Wraps the free-form reader's endings():
when a path of the agent's lines alone ends in two or more lines that each end the call (the endings reader's last
run), each of those lines is remembered; standards.closing() then reads such a path's closing from its last line
alone, so it does not reach back into the lines before the run (the bank's other nodes).
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
reader = root / "generator/lint/freeform.py"
text = reader.read_text(encoding="utf-8")
if "endings(paths" not in text:
    sys.exit("no endings() call in the free-form reader (run endings.py first)")
text += r"""

_endings_before17 = endings


def _node_endings17(turns):
    from huifang.lint import branches as _b

    start = len(turns)
    while start > 0 and _b._ends_call(turns[start - 1]):
        start -= 1
    if len(turns) - start < 2 or any(not u.agent for u in turns):
        return ()
    return tuple(turns[start:])


def endings(found, *args):
    out = _endings_before17(found, *args)
    if out is not found:
        from huifang.lint import standards as _s

        for u in _node_endings17(found[0][1]):
            _s._NODES17[id(u)] = u
    return out
"""
reader.write_text(text, encoding="utf-8")
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
text += r"""

_NODES17 = {}
_ALONE17 = {}
_closing_before17 = closing


def closing(turns, standard, view=None):
    if view is not None and view.freeform and view.kind != "message" and _NODES17:
        agent = [u for u in turns if u.agent]
        if agent and _NODES17.get(id(agent[-1])) is agent[-1]:
            alone = _ALONE17.setdefault(id(agent[-1]), [agent[-1]])
            return _closing_before17(alone, standard, view)
    return _closing_before17(turns, standard, view)
"""
code.write_text(text, encoding="utf-8")
