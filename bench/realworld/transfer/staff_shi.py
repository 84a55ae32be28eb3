"""Round 13 (lintacc15), change 3 as it was transfer-tested: 师 is a role's head word (保洁师, 工程师, 设计师).

Run by first_sight.py in an export of old code: python staff_shi.py EXPORT_ROOT. Adds 师 to the export's
`STAFF_HEADS` (`{职务}`, `{岗位}`: gongsi's 「我是…的{岗位}」, zuoxi's 「{职务}{姓名}」) where it has them (sets 9–12's
first-sight code), and to org_role.py's literal role words where that edit ran first. Sets 3–8's code has no
vocabulary of head words: nothing to edit there.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
old = '    "干部 社工 志愿者"\n'
if old in text:
    text = text.replace(old, '    "干部 社工 志愿者 师"\n', 1)
text = "\n".join(
    line.replace("|员)", "|员|师)") if line.startswith(("_R13_ORG = ", "_R13_STAFF = ")) else line
    for line in text.split("\n")
)
code.write_text(text, encoding="utf-8")
