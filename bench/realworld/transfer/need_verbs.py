"""Round 23b (lintacc29): the need question asked with any verb of an errand (请问您要预约什么项目, 请问您想咨询哪方面,
请问您需要维修哪个部件), as transfer-tested: the round's increment alone.

Run by first_sight.py in an export of old code: python need_verbs.py EXPORT_ROOT. Appends one xuqiu pattern with only
the verbs (and 打算, 个, 一下) that main's 「请问(您|你)?(要|想|需要)?(加|买|…|寄)(点)?(什么|哪)」 did not list.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
PATTERN = (
    "请问(您|你)?(要|想|需要|打算)?(预约|预订|咨询|办理|了解|查询|反映|投诉|购买|维修|修|充值|缴|交|存|换|退|挑)"
    "(点|个|一下)?(什么|哪)"
)
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: xuqiu")
head = next(i for i in range(at, len(lines)) if lines[i].startswith("      patterns:"))
if lines[head].rstrip().endswith("patterns:"):
    lines.insert(head + 1, f'        - "{PATTERN}"')
else:
    lines[head] = lines[head].replace("patterns: [", f'patterns: ["{PATTERN}", ', 1)
rules.write_text("\n".join(lines), encoding="utf-8")
