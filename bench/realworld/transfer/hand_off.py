"""Round 14b (lintacc17), changes 2 and 3 as they were transfer-tested: a robot's hand-off ends a path, and a path
that ends at one ending passes through no other.

Run by first_sight.py in an export of old code: python hand_off.py EXPORT_ROOT (sets 3–8's code has no endings
reader: run it after endings.py there). Appends to branches.py round 13's reader of an utterance bank's endings
(bank_endings.py) as this tree has it, with two changes: 2. a line that hands the call to a person or back to the
menu (正在为您转接人工，请稍候 / 您可以按0键返回菜单) ends the call at any length, as a goodbye line does; 3. the path that
ends at an ending leaves out the endings before it (they are other paths' ends), so its closing does not reach back
into another ending's words. Measured against bank_endings.py (its base) on every set but 13, whose code has it.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
branches = root / "generator/lint/branches.py"
text = branches.read_text(encoding="utf-8")
if "def endings(" not in text:
    sys.exit("no endings() in this code (run endings.py first)")
text += r"""

import re as _re14b

ENDS_CALL = _re14b.compile(r"再见|再会|拜拜|不打扰(?:您|你)?了|保持(?:电话|手机)畅通|请(?:您|你)?(?:先)?挂(?:一下|断|机)(?:电话)?")
_ENDS_LINE14B = _re14b.compile(r"(?:" + ENDS_CALL.pattern + r")[\s,，.。!！~～”」』\"]*$")
_HAND_OFF14B = _re14b.compile(
    r"[为帮给][您你][^，,。！!？?]{0,6}转(?:接|给)?[^，,。！!？?]{0,6}人工|[您你][^，,。！!？?]{0,12}返回[^，,。！!？?]{0,8}菜单"
)


def _ends_call(u):
    if not u.agent:
        return False
    least = 12 if "打扰" in u.folded else 20
    if len(u.text) >= least and ENDS_CALL.search(u.folded) is not None:
        return True
    return ("人工" in u.folded or "菜单" in u.folded) and _HAND_OFF14B.search(u.folded) is not None


def endings(found, text=None):
    from huifang.lint.standards import path_name

    label, turns = found[0]
    start = len(turns)
    while start > 0 and _ends_call(turns[start - 1]):
        start -= 1
    last = start - 1 - 3
    bank = last >= 1 and all(u.agent for u in turns)
    inner = (
        [
            i
            for i in range(last + 1)
            if _ends_call(turns[i])
            and (_ENDS_LINE14B.search(turns[i].folded) or _HAND_OFF14B.search(turns[i].folded))
        ]
        if bank
        else []
    )
    if len(turns) - start < 2 and not inner:
        return found
    ended = set(inner)
    paths = [[u for j, u in enumerate(turns[: i + 1]) if j == i or j not in ended] for i in inner]
    head = [u for j, u in enumerate(turns[:start]) if j not in ended]
    if len(turns) - start >= 2:
        paths += [[*head, u] for u in turns[start:]]
    elif start < len(turns):
        paths.append([*head, turns[-1]])
    else:
        paths.append(list(turns))
    return [(f"{path_name(label)}（结尾{n}）", path) for n, path in enumerate(paths, 1)]
"""
branches.write_text(text, encoding="utf-8")
