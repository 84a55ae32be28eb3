"""Round 41e as it was transfer-tested: the name said first and greeted after at once (「魅力晶都，您好！」) is the
organisation — Round 40a read in lint/caller.py's answer of a called line, where it costs nothing on most turns.

Run by first_sight.py in an export of old code, after the landed edits: python greeted_name.py EXPORT_ROOT. Adds
this tree's GREETED_NAME reading (FORMS_OF_ADDRESS, KIND_FIRST, `_greeted_name`) to the export's lint/caller.py and
asks it in `Slot._answer` where no gazetteer name or kind-ended run starts the answer. Applied only where the export
has `_answer` (first-sight code of sets 19 and later); on older code it changes nothing (their callers read no
answer that names the organisation first).
"""

import re
import sys
from pathlib import Path

here = Path(__file__).resolve().parents[3]
root = Path(sys.argv[1])
code = root / "generator/lint/caller.py"
if not code.exists():
    sys.exit(0)
source = code.read_text(encoding="utf-8")
if "def _answer(" not in source:
    sys.exit(0)
mine = (here / "generator/lint/caller.py").read_text(encoding="utf-8")
start = mine.index("# A short name said first and greeted after at once")
end = mine.index("\n\n", mine.index("GREETED_NAME = "))
constants = mine[start:end] + "\n"
helpers = mine[mine.index("def _greeted_name(") : mine.index('DATA = Path(__file__).with_name("organisations.txt")')]
helpers = helpers.replace("regexcache.compile(", "re.compile(")
at = source.index("def _answer(")
body_end = source.index("\n    def ", at)
body = source[at:body_end]
body, count = re.subn(
    r"\n(\s+)named = _shapes\(\)\[2\]\.match\(text, start\)\n",
    lambda m: (
        m.group(0)
        + m.group(1)
        + 'if named is None and ("您好" in text or "你好" in text):\n'
        + m.group(1)
        + "    named = _greeted_name(text, start)\n"
    ),
    body,
    count=1,
)
if count != 1:
    sys.exit("no name-shaped run read in _answer")
source = source[:at] + body + source[body_end:]
if "\nimport re\n" not in source:
    source = source.replace(
        "from __future__ import annotations\n", "from __future__ import annotations\n\nimport re\n", 1
    )
source += "\n\n" + constants + "\n\n" + helpers
code.write_text(source, encoding="utf-8")
