"""Round 27 (session 19, lintacc30) as it was transfer-tested: thanks said back is the helped one's, no closing.

Run by first_sight.py in an export of old code: python thanked_back.py EXPORT_ROOT. Wraps the export's
`standards.closing`: of a free-form path's closing turns (not a message's), a turn whose last sentence is an
acknowledgment and a bare thanks (「好的，谢谢了！」, 「噢，那好，谢谢啊」) is taken out — what main's closing() does
after cutting each turn to its end. The test is main's (`THANKED_TAIL`, `ACKNOWLEDGED`, `_thanked_back` in
generator/lint/standards.py), copied with plain `re`.
"""

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[3] / "generator/lint/standards.py"
root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
main = HERE.read_text(encoding="utf-8")
found = re.search(r"\nTHANKED_END = .*?\n    return ACKNOWLEDGED\.fullmatch\(.*?\n", main, re.S)
if found is None:
    sys.exit("main has no _thanked_back")
text = code.read_text(encoding="utf-8")
if "\ndef closing(" not in text:
    sys.exit("no closing() to wrap")
text += (
    "\n\nimport re as _re_r27\n"
    + found.group(0).replace("regexcache.compile(", "_re_r27.compile(")
    + """
_closing_r27 = closing


def closing(turns, standard, view=None):
    out = _closing_r27(turns, standard, view)
    if view is None or not getattr(view, "freeform", False) or getattr(view, "kind", "") == "message":
        return out
    return [u for u in out if not _thanked_back(u.folded)]
"""
)
code.write_text(text, encoding="utf-8")
