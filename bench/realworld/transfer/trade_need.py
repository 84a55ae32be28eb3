"""Round 42 as it was transfer-tested: the need asked in a trade's own words — whether the caller needs the service
the line gives (请问需要救护车吗), the need guessed and confirmed (您家要开暖气阀门是吧), where to (上哪？), and 有事您说.

Run by first_sight.py in an export of old code, after the landed edits: python trade_need.py EXPORT_ROOT. Adds this
tree's new xuqiu patterns (content/standards.yaml) at the end of the export's xuqiu patterns, and its exclusion of a
message to pass on (请问需要转告吗) first in its exclusions.
Where the export's lint/standards.py has no {开口} token (first-sight code of sets 3–12), the where-to pattern is
written without that alternative (a line's start is then not read).
"""

import sys
from pathlib import Path

ADDED = [
    "        # 用本行的服务问来意：请问需要救护车吗、请问您要寄快递吗",
    '        - "请问(您|你)?(是)?(需要|要)*吗"',
    "        # 猜到来意再确认：您家要开暖气阀门是吧",
    '        - "(您|你)(家|这边)?(是)?(要|想)*(是吧|对吧|是吗|对吗)"',
    "        # 问去哪里（司机、导游）：上哪？您去哪儿？",
    '        - "(请问|{开口}|您好,|您好，|你好,|你好，)(您|你)?(要)?(上|去|到)哪(儿|里)?(去)?(?|？)"',
    "        # 请对方把事情说出来：有事您说、有事请讲",
    '        - "有事(您|你)?(请)?(说|讲)"',
]

root = Path(sys.argv[1])
if '"开口"' not in (root / "generator/lint/standards.py").read_text(encoding="utf-8"):
    ADDED = [line.replace("{开口}|", "") for line in ADDED]
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
start = lines.index("    - id: xuqiu")
patterns = lines.index("      patterns:", start)
exclude = lines.index("      exclude:", patterns)
if not all(line.startswith(("        - ", "        #")) for line in lines[patterns + 1 : exclude]):
    sys.exit("xuqiu's patterns are not a block list")
lines[exclude + 1 : exclude + 1] = ['        - "(需要|要)*(转告|留言)"']  # a message to pass on asks no need
lines[exclude:exclude] = ADDED
rules.write_text("\n".join(lines), encoding="utf-8")
