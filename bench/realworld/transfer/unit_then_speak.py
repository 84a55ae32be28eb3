"""Round 23b (lintacc29): a hotline's answer that names its unit and then asks the caller to speak (「您好，这里是焦作市
法律援助中心，请讲。」: the unit's name too long for one `*` after 您好) counted as asking the need, as transfer-tested.

Run by first_sight.py in an export of old code: python unit_then_speak.py EXPORT_ROOT. Appends the one xuqiu pattern and the one exclusion
(「请讲普通话」「请讲师」: 请讲 inside another word).
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
PATTERN = "(这里是|这边是|我是)**(,|，| )请讲"
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: xuqiu")
head = next(i for i in range(at, len(lines)) if lines[i].startswith("      patterns:"))
if lines[head].rstrip().endswith("patterns:"):
    lines.insert(head + 1, f'        - "{PATTERN}"')
else:
    lines[head] = lines[head].replace("patterns: [", f'patterns: ["{PATTERN}", ', 1)
rules.write_text("\n".join(lines), encoding="utf-8")

EXCLUDE = "请讲(普通话|师|解|课|座)"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: xuqiu")
head = next(i for i in range(at, len(lines)) if lines[i].startswith("      exclude:"))
if lines[head].rstrip().endswith("exclude:"):
    lines.insert(head + 1, f'        - "{EXCLUDE}"')
else:
    lines[head] = lines[head].replace("exclude: [", f'exclude: ["{EXCLUDE}", ', 1)
rules.write_text("\n".join(lines), encoding="utf-8")
