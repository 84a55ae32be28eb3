"""Round 13 (lintacc15), change 8 as it was transfer-tested: a mask of five to eight x/×/* is a placeholder too.

Run by first_sight.py in an export of old code: python long_mask.py EXPORT_ROOT. Widens the runs of x, × and * that
`PLACEHOLDER_NAME` and `WHOLE_PLACEHOLDER` (`{占位}`, `{姓名}`) take whole from 1–4 to 1–8 (我这边是XXXXX，…: a writer's
mask of a name is as long as it likes); each of the two that the code has (sets 3–6: only the first).
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
for old, new in (
    (r'PLACEHOLDER_NAME = r"x{1,4}|×{1,4}|\*{1,4}|', r'PLACEHOLDER_NAME = r"x{1,8}|×{1,8}|\*{1,8}|'),
    (r"x{1,4}(?!x)|×{1,4}(?!×)|\*{1,4}(?!\*)", r"x{1,8}(?!x)|×{1,8}(?!×)|\*{1,8}(?!\*)"),
):
    text = text.replace(old, new, 1)
code.write_text(text, encoding="utf-8")
