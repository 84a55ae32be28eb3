"""Round 13 (lintacc15), change 12 as it was transfer-tested: in an utterance bank every line that ends the call ends a path.

Run by first_sight.py in an export of old code: python bank_endings.py EXPORT_ROOT (sets 3–8's code has no endings
reader: run it after endings.py there). Appends to branches.py this tree's ENDS_CALL (now with 请您挂一下电话), its
_ends_call (with round 12's shorter line that says 打扰) and endings(): agent turns before the last ones that end the
call and end their line with the call-ending words, with three turns or more after them, are each the end of a path
when the path is the agent's turns alone, besides the last turns (round 8's run of endings). The later definitions win: the free-form reader imports `endings` once branches.py has loaded.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
branches = root / "generator/lint/branches.py"
text = branches.read_text(encoding="utf-8")
if "def endings(" not in text:
    sys.exit("no endings() in this code (run endings.py first)")
text += r"""

import re as _re13

ENDS_CALL = _re13.compile(r"再见|再会|拜拜|不打扰(?:您|你)?了|保持(?:电话|手机)畅通|请(?:您|你)?(?:先)?挂(?:一下|断|机)(?:电话)?")
_ENDS_LINE13 = _re13.compile(r"(?:" + ENDS_CALL.pattern + r")[\s,，.。!！~～”」』\"]*$")


def _ends_call(u):
    least = 12 if "打扰" in u.folded else 20
    return u.agent and len(u.text) >= least and ENDS_CALL.search(u.folded) is not None


def endings(found, text=None):
    from huifang.lint.standards import path_name

    label, turns = found[0]
    start = len(turns)
    while start > 0 and _ends_call(turns[start - 1]):
        start -= 1
    last = start - 1 - 3  # a goodbye and a remark or two is still one ending
    bank = last >= 1 and all(u.agent for u in turns)  # the agent's lines alone: a call has the customer's turns
    inner = [i for i in range(last + 1) if _ends_call(turns[i]) and _ENDS_LINE13.search(turns[i].folded)] if bank else []
    if len(turns) - start < 2 and not inner:
        return found
    paths = [[*turns[: i + 1]] for i in inner]
    if len(turns) - start >= 2:
        paths += [[*turns[:start], u] for u in turns[start:]]
    else:
        paths.append(list(turns))
    return [(f"{path_name(label)}（结尾{n}）", path) for n, path in enumerate(paths, 1)]
"""
branches.write_text(text, encoding="utf-8")
