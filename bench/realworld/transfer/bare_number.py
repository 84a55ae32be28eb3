"""Round 19, change 1 as it was transfer-tested: a staff number said bare (「您好！966为您服务」) and a need asked
without 有 (「请问什么可以帮你？」).

Run by first_sight.py in an export of old code: python bare_number.py EXPORT_ROOT. Adds, to the rule book's
elements as they stand in that export: zuoxi's pattern for two digits right before 为您服务 and its exclusion for five
or more (a hotline: 10086为您服务); gongsi's exclusion for a greeting followed by two to four digits (the number is
the agent's, not a company's name); xuqiu's pattern 「请问(您|你)?(什么|啥)(可以|能)(帮|为您|为你)」. Each line goes right
after the element's `patterns:` or `exclude:` line; an element whose list is written inline is left as it is.
"""

import sys
from pathlib import Path

DIGIT = "(0|1|2|3|4|5|6|7|8|9)"
SPOKEN = "(0|1|2|3|4|5|6|7|8|9|零|一|二|三|四|五|六|七|八|九|幺)"
ADD = {
    ("zuoxi", "patterns:"): [f'"{SPOKEN}{SPOKEN}(为您|为你)服务"'],
    ("zuoxi", "exclude:"): [f'"{DIGIT * 5}(为您|为你)服务"'],
    ("gongsi", "exclude:"): [f'"(您好|你好)(,|，|!|！| )?{DIGIT}{DIGIT}{DIGIT}?{DIGIT}?(号)?(为您|为你|很高兴)"'],
    ("xuqiu", "patterns:"): ['"请问(您|你)?(什么|啥)(可以|能)(帮|为您|为你)"'],
}

root = Path(sys.argv[1])
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
for (element, field), entries in ADD.items():
    start = next((i for i, line in enumerate(lines) if line.strip() == f"- id: {element}"), None)
    if start is None:
        continue
    at = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == field), None)
    stop = next((i for i in range(start + 1, len(lines)) if lines[i].strip().startswith("- id: ")), len(lines))
    if at is None or at > stop:
        print(f"bare_number: {element} {field} not a block list here", file=sys.stderr)
        continue
    indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())] + "  "
    lines[at + 1 : at + 1] = [f"{indent}- {entry}" for entry in entries]
rules.write_text("\n".join(lines), encoding="utf-8")
