"""Round 11, change 3 as it was transfer-tested: asking what the caller needs is a question.

Run by first_sight.py in an export of old code: python asks_need.py EXPORT_ROOT. xuqiu's 「需要*帮助」 and
「需要我*(帮|为)」 count only when a question follows (吗, 么, 嘛, 呢, ？): 「请问是否需要帮助？」 asks, a story's
「是位女士，需要我的帮助。」 and a rule's 「遇到可能需要帮助的乘客」 do not.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
ASKED = "*(吗|么|嘛|呢|?|？)"
changed = 0
for index, line in enumerate(lines):
    if line in ('        - "需要*帮助"', '        - "需要我*(帮|为)"'):
        lines[index] = line[:-1] + ASKED + '"'
        changed += 1
if not changed:
    sys.exit("xuqiu has no 需要*帮助 pattern")
rules.write_text("\n".join(lines), encoding="utf-8")
