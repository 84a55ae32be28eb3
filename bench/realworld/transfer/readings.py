"""Round 44 as it was transfer-tested: pinyin readings inside words (「請(qǐng)講」 read as 「請講」) and a form of address
the speaker gives themself (「我是××學校的李老師」) no customer's name.

Run by first_sight.py in an export of old code, after the landed edits: python readings.py EXPORT_ROOT. Old code has no
lint/readings.py: this tree's is copied beside the export's evaluate.py (as _readings.py, with `re` for huifang's
regexcache) and the export's read_text takes each file's readings out before its judge() reads it — what this tree's
freeform.Reader.views does before it reads a file (evaluate.py reads every file through Reader.view; a reading never
spans a line, so the forbidden lines are counted on the same lines). The two exclusions are added first in the
export's queren-shenfen exclusions (content/standards.yaml).
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent  # bench/realworld/transfer
REPO = HERE.parents[2]
EXCLUDED = [
    '        - "(我是|我叫|我姓){名}(先生|女士|小姐|老师|师傅)"',
    '        - "我是*的{名}(先生|女士|小姐|老师|师傅)"',
]

root = Path(sys.argv[1])
source = (REPO / "generator/lint/readings.py").read_text(encoding="utf-8")
if "from huifang import regexcache" not in source:
    sys.exit("readings.py no longer imports regexcache as this edit expects")
(root / "bench/realworld/_readings.py").write_text(
    source.replace("from huifang import regexcache", "import re as regexcache"), encoding="utf-8"
)
evaluate = root / "bench/realworld/evaluate.py"
text = evaluate.read_text(encoding="utf-8")
if "def read_text(" not in text:
    sys.exit("the export's evaluate.py has no read_text")
text += (
    "\n\nimport _readings  # noqa: E402 (Round 44's transfer edit)\n\n_read_written = read_text\n\n\n"
    "def read_text(path):\n    return _readings.strip(_read_written(path))[0]\n"
)
evaluate.write_text(text, encoding="utf-8")
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
start = lines.index("    - id: queren-shenfen")
exclude = lines.index("      exclude:", start)
if lines.index("    - id: gongsi", start) < exclude:
    sys.exit("queren-shenfen has no exclusions")
lines[exclude + 1 : exclude + 1] = EXCLUDED
rules.write_text("\n".join(lines), encoding="utf-8")
