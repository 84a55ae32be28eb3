"""Round 13 (lintacc15), change 4 as it was transfer-tested: a hotline's number said as who speaks names the organisation.

Run by first_sight.py in an export of old code: python hotline_number.py EXPORT_ROOT. Adds gongsi's pattern
「(我是|我们是|我这边是|这边是)(1|9)DD」 (我是120, 我们是12345: three digits or more, starting with 1 or 9) and the
exclusion of a seat's number (「我是1024号话务员」: digits then 号).
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
d = "(0|1|2|3|4|5|6|7|8|9)"
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: gongsi")
patterns = next(i for i in range(at, len(lines)) if lines[i].strip() == "patterns:")
lines.insert(patterns + 1, f'        - "(我是|我们是|我这边是|这边是)(1|9){d}{d}"')
exclude = next(i for i in range(at, len(lines)) if lines[i].strip() == "exclude:")
lines.insert(exclude + 1, f'        - "(我是|我们是|我这边是|这边是){d}{d}?{d}?{d}?{d}?{d}?( )?号"')
rules.write_text("\n".join(lines), encoding="utf-8")
