"""Round 22, change 3 as it was transfer-tested: a thanks to 你们 (你们的服务很好，谢谢你们；太感谢你们了) is the customer
thanking the organisation, not the agent's closing thanks (an agent thanks 您): ganxie's exclusion gets (谢谢|感谢)你们.

Run by first_sight.py in an export of old code: python thanks_you_all.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: ganxie")
stop = next(i for i in range(at + 1, len(lines)) if lines[i].startswith("    - id:"))
for i in range(at, stop):
    line = lines[i]
    if line.strip().startswith("exclude: ["):
        lines[i] = line.replace("exclude: [", 'exclude: ["(谢谢|感谢)你们", ', 1)
        break
    if line.strip() == "exclude:":
        lines.insert(i + 1, '        - "(谢谢|感谢)你们"')
        break
else:
    head = next(i for i in range(at, stop) if lines[i].strip().startswith("patterns:"))
    lines.insert(head + 1, '      exclude: ["(谢谢|感谢)你们"]')
rules.write_text("\n".join(lines), encoding="utf-8")
