"""Round 10, change 2 as it was transfer-tested: a token inside alternatives is the token, not its text.

Run by first_sight.py in an export of old code: python token_groups.py EXPORT_ROOT. Makes _piece() compile an
alternative written as a token ((0|1|…|{占位})) as that token; before, it matched the text 「{占位}」 only. The
rule books of sets 3–7's first-sight code hold no such pattern (they came with 1d87431), so there it changes
nothing; the patterns are not added, as they were chosen later on other sets.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
old = (
    '        return "(?:" + "|".join(re.escape(fold(a)) for a in inner.split("|")) + ")" + ("?" if optional else "")\n'
)
if old not in text:
    sys.exit("no _piece() alternatives to change")
new = (
    '        alternatives = (_piece(a, values) if PLACEHOLDER.fullmatch(a) else re.escape(fold(a)) for a in inner.split("|"))\n'
    '        return "(?:" + "|".join(alternatives) + ")" + ("?" if optional else "")\n'
)
code.write_text(text.replace(old, new, 1), encoding="utf-8")
