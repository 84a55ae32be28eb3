"""Round 11, change 2 as it was transfer-tested: a welcome greets, and so does 你们好.

Run by first_sight.py in an export of old code: python welcome_greets.py EXPORT_ROOT. Adds to wenhou's patterns
「你们好」, a welcome with its verb (「欢迎(您|你)?(光临|致电|来电|参观|莅临|咨询|拨打)」) and a welcome said to the
customer alone (「…欢迎您！」); a welcome said at the end (「欢迎您下次光临」, 「欢迎您再来电」) is neither.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = next(i for i, line in enumerate(lines) if line.startswith("      patterns: [您好, 你好, "))
added = '你们好, "欢迎(您|你)?(光临|致电|来电|参观|莅临|咨询|拨打)", "欢迎(您|你)(!|！|,|，|。)", '
lines[at] = lines[at].replace("[您好, 你好, ", "[您好, 你好, " + added, 1)
rules.write_text("\n".join(lines), encoding="utf-8")
