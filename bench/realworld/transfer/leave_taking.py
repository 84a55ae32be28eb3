"""Round 13 (lintacc15), change 9 as it was transfer-tested: a phrase list's leave-taking entry marks its closing.

Run by first_sight.py in an export of old code: python leave_taking.py EXPORT_ROOT. Adds to CLOSING_MARK (the words
that say "the closing goes here": 结束语, 道别时, 送别 …) 道别 (道别语), 告辞, 送客 and 离开时/离去时/离店时: a 服务用语 list
names its leave-taking entry so (「5、道别语：请慢走，一路平安！6、祝福语：…」), and what follows the marker is read
as the closing instead of the end of the document (a rules section, a 禁忌用语 list).
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
old = "|道别时|挂机前|挂电话前"
if text.count(old) != 1:
    sys.exit("no CLOSING_MARK to edit")
text = text.replace(old, "|道别|告辞|送客|离开时|离去时|离店时|挂机前|挂电话前", 1)
code.write_text(text, encoding="utf-8")
