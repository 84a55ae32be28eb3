"""Round 13 (lintacc15), change 1 as it was transfer-tested: written Cantonese read as Mandarin.

Run by first_sight.py in an export of old code: python cantonese.py EXPORT_ROOT. Copies this tree's
`generator/lint/cantonese.py` into the export and makes `normalize.fold` read a text that t2s changes through
`as_mandarin` (我係…嘅訪問員 → 我是…的访问员, 我哋/我地 → 我们, 唔 before a word → 不, 而家 → 现在 …), as the
landed code does. Every first-sight commit's fold starts with `text = t2s(text)`.
"""

import shutil
import sys
from pathlib import Path

root = Path(sys.argv[1])
here = Path(__file__).resolve().parents[3]
shutil.copy(here / "generator/lint/cantonese.py", root / "generator/lint/cantonese.py")
code = root / "generator/lint/normalize.py"
text = code.read_text(encoding="utf-8")
old = "    text = t2s(text)\n"
new = (
    "    converted = t2s(text)\n"
    "    if converted is not text:\n"
    "        from huifang.lint.cantonese import as_mandarin\n\n"
    "        converted = as_mandarin(text, converted)\n"
    "    text = converted\n"
)
if text.count(old) != 1:
    sys.exit("no fold() starting with t2s to edit")
code.write_text(text.replace(old, new, 1), encoding="utf-8")
