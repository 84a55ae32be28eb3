"""Round 27 (session 19, lintacc30) as it was transfer-tested: thanks said back is the helped one's, no closing.

Run by first_sight.py in an export of old code: python thanked_back.py EXPORT_ROOT. Wraps the export's
`standards.closing`: of a free-form path's closing turns (not a message's), a turn whose last sentence is an
acknowledgment and a bare thanks (「好的，谢谢了！」, 「噢，那好，谢谢啊」) is taken out — what main's closing() does
after cutting each turn to its end. The pattern is main's `standards.THANKED_BACK`, copied with plain `re`.
"""

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[3] / "generator/lint/standards.py"
root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
main = HERE.read_text(encoding="utf-8")
found = re.search(r"\nTHANKED_BACK = regexcache\.compile\(\n(.*?)\n\)\n", main, re.S)
if found is None:
    sys.exit("main has no THANKED_BACK")
text = code.read_text(encoding="utf-8")
if "\ndef closing(" not in text:
    sys.exit("no closing() to wrap")
text += f"""

import re as _re

_THANKED_BACK = _re.compile(
{found.group(1)}
)
_closing_r27 = closing


def closing(turns, standard, view=None):
    out = _closing_r27(turns, standard, view)
    if view is None or not getattr(view, "freeform", False) or getattr(view, "kind", "") == "message":
        return out
    return [u for u in out if not ("谢" in u.folded and _THANKED_BACK.search(u.folded))]
"""
code.write_text(text, encoding="utf-8")
