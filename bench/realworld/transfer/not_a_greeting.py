"""Round 13 (lintacc15), change 11 as it was transfer-tested: 您好/你好 at the start of another phrase greets nobody.

Run by first_sight.py in an export of old code: python not_a_greeting.py EXPORT_ROOT. Adds wenhou's exclusion
「(您|你)好(点|些|多了|转|像|象|似|好|久|奇|厉害|棒|漂亮)」: 您好点了吗 / 你好些了吗 ask after an illness, 你好好休息, 你好像,
你好久没来 are no greeting. Where wenhou has no exclusion yet, the line is added after its patterns.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: wenhou")
end = next(i for i in range(at + 1, len(lines)) if lines[i].startswith("    - id: "))
entry = '"(您|你)好(点|些|多了|转|像|象|似|好|久|奇|厉害|棒|漂亮)"'
exclude = next((i for i in range(at, end) if lines[i].startswith("      exclude: [")), None)
if exclude is not None:
    lines[exclude] = lines[exclude].rstrip()[:-1] + ", " + entry + "]"
else:
    patterns = next(i for i in range(at, end) if lines[i].startswith("      patterns:"))
    stop = next(i for i in range(patterns + 1, end) if not lines[i].startswith("        "))
    lines.insert(stop, f"      exclude: [{entry}]")
rules.write_text("\n".join(lines), encoding="utf-8")
