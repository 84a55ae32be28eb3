"""Round 22, change 2 as it was transfer-tested: a greeting followed only by a string of kinds (您好,供水热线,) names no
unit, as the fixed list after a greeting (您好，政府热线；您好，总机) already said: gongsi's exclusion gets
(您好|你好)(,|，|!|！)?{通称}(,|，|。|!|！).

Run by first_sight.py in an export of old code: python greeted_kinds.py EXPORT_ROOT. Code without `{通称}` is left as
it is.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
code = (root / "generator/lint/standards.py").read_text(encoding="utf-8")
if '"通称"' not in code:
    sys.exit(0)
at = lines.index("    - id: gongsi")
stop = next(i for i in range(at + 1, len(lines)) if lines[i].startswith("    - id:"))
ex = next(i for i in range(at, stop) if lines[i].strip() == "exclude:")
lines.insert(ex + 1, '        - "(您好|你好)(,|，|!|！)?{通称}(,|，|。|!|！)"')
rules.write_text("\n".join(lines), encoding="utf-8")
