"""Round 13 (lintacc15), change 6 as it was transfer-tested: a numbered slot {1} is a template's placeholder.

Run by first_sight.py in an export of old code: python numbered_slot.py EXPORT_ROOT. Widens standards.VARIABLE
(`{user_name}`, `${ctx.name}`, `{{name}}`) to numbered slots as message platforms write them (尊敬的{2}，…). Code older
than template variables (sets 3–7's first-sight code) has nothing to edit.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
old = r"(?:[a-zA-Z_][\w.]{0,30})?"
if "VARIABLE = " in text:
    if old not in text:
        sys.exit("VARIABLE not as expected")
    text = text.replace(old, r"(?:[a-zA-Z_][\w.]{0,30}|[0-9]{1,2})?", 1)
code.write_text(text, encoding="utf-8")
