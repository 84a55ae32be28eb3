"""Round 12 (lintacc14), change 3 as it was transfer-tested: a shorter goodbye line ends a call when it says sorry.

Run by first_sight.py in an export of old code: python sorry_ending.py EXPORT_ROOT. In branches._ends_call (the
endings listed one per line, round 10), a line that says 打扰 counts as an ending from SORRY_LEAST (12) characters
instead of ENDING_LEAST (20): 「网络不太好，先打扰了，再见」 is the caller's. Code older than the endings (sets 3–8's)
has nothing to edit: run it after endings.py there.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/branches.py"
text = code.read_text(encoding="utf-8")
old = "    return u.agent and len(u.text) >= ENDING_LEAST and ENDS_CALL.search(u.folded) is not None"
new = (
    "    least = 12 if '打扰' in u.folded else ENDING_LEAST\n"
    "    return u.agent and len(u.text) >= least and ENDS_CALL.search(u.folded) is not None"
)
# endings.py's own copy, for code older than the endings
old_edit = "len(turns[start - 1].text) >= 20 and"
new_edit = "len(turns[start - 1].text) >= (12 if '打扰' in turns[start - 1].folded else 20) and"
if old in text:
    text = text.replace(old, new, 1)
elif old_edit in text:
    text = text.replace(old_edit, new_edit, 1)
else:
    sys.exit("no _ends_call() to edit (run endings.py first)")
code.write_text(text, encoding="utf-8")
