"""Round 20 (lintacc23): a greeting said as an interjection where words start (「嗨！请问您…」, hi, 哈啰), as
transfer-tested.

Run by first_sight.py in an export of old code: python hey.py EXPORT_ROOT. Adds the `{开口}` token to code older
than 0176b7b (as round 11's vocative.py did) and the one wenhou pattern, in a block or an inline list.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
if '"开口"' not in text:
    anchor = '        if name == "名":\n'
    if anchor not in text:
        sys.exit("no _piece() to edit")
    token = '        if name == "开口":\n            return r"(?<![^“「『\\"‘\\s])(?<!\\S\\s)(?:喂[\\s,，!！。.]*)?"\n'
    code.write_text(text.replace(anchor, token + anchor, 1), encoding="utf-8")

PATTERN = "{开口}(嗨|嗨喽|哈啰|哈罗|hi|hey)(!|！|,|，|~|～| |。)"
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: wenhou")
head = next(i for i in range(at, len(lines)) if lines[i].startswith("      patterns:"))
if lines[head].rstrip().endswith("patterns:"):
    lines.insert(head + 1, f'        - "{PATTERN}"')
else:
    lines[head] = lines[head].replace("patterns: [", f'patterns: ["{PATTERN}", ', 1)
rules.write_text("\n".join(lines), encoding="utf-8")
