"""Round 45 as it was transfer-tested: a staff number or a person named by a blank after the greeting is no organisation's
name (「您好，工号xx为您服务」, 「您好，毕姓X，…」).

Run by first_sight.py in an export of old code, after the landed edits: python staff_number.py EXPORT_ROOT. Puts this tree's
lookahead first in the export's UNIT_NAME (generator/lint/standards.py; every first-sight commit has one, starting with a
lookahead of its own).
"""

import sys
from pathlib import Path

AHEAD = r'    r"(?!工号|编号|工作号|坐席号|[\u4e00-\u9fff]姓(?:x+|×+|\*+|某+)?(?:[^\w]|$))"' + "\n"

root = Path(sys.argv[1])
path = root / "generator/lint/standards.py"
text = path.read_text(encoding="utf-8")
start = 'UNIT_NAME = (\n    r"'
if text.count(start) != 1:
    sys.exit("no UNIT_NAME of the expected shape")
text = text.replace(start, "UNIT_NAME = (\n" + AHEAD + '    r"')
path.write_text(text, encoding="utf-8")
