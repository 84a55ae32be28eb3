"""Round 20 (lintacc23): the customer only called by name and a form of address where words start, then a stop or a
question mark (「孙女士。」「王先生？」), as transfer-tested.

Run by first_sight.py in an export of old code: python vocative_alone.py EXPORT_ROOT. Adds the `{开口}` token (a
turn's start or an opening quotation mark, a 喂 said first) to code older than 0176b7b, as round 11's vocative.py
did, and the one queren-shenfen pattern.
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

TITLES = "(先生|女士|小姐|阿姨|叔叔|伯伯|大爷|大妈|爷爷|奶奶|姥姥|姥爷|婶婶|大姐|大哥|家长|妈妈|爸爸)"
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: queren-shenfen")
patterns = next(i for i in range(at, len(lines)) if lines[i] == "      patterns:")
lines.insert(patterns + 1, '        - "{开口}{名}' + TITLES + '(。|？|?)"')
rules.write_text("\n".join(lines), encoding="utf-8")
