"""Round 16 (lintacc19): who is calling, second pass — the rule-book half, as transfer-tested.

Run by first_sight.py in an export of old code: python who_calls16.py EXPORT_ROOT (the slot's half, lint/caller.py, is
copied by caller_slot.py). Writes into the export what this round changed outside the slot:
- a short name said after a greeting (UNIT_NAME) is no staff number: 「您好!1059号为您服务」 names no organisation;
- queren-shenfen: a placeholder name, or its family, asked right after a greeting (您好，某某吗？, 您好，xxx的家人们吗？),
  and a name with a form of address and a greeting where words start (张雯睿妈妈，你好); code older than `{开口}`
  (0176b7b) gets the second without it;
- gongsi: a rule that asks for the unit's name to be reported (接听时先报单位名称, 应先说明本单位名称) is no
  self-introduction (an exclusion).
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
at = text.index("\nUNIT_NAME = (")
anchor = text.index('(?!x+[^\\w])"', at) + len("(?!x+[^\\w])")
if "为您|为你)服务" in text[at : at + 600]:  # older code ends a unit name at punctuation only: no 1059号为您服务 there
    text = text[:anchor] + "(?!(?:工号|编号)?[0-9]{1,6}号)" + text[anchor:]
code.write_text(text, encoding="utf-8")
opens = '"开口"' in text

rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: queren-shenfen")
patterns = next(i for i in range(at, len(lines)) if lines[i].strip() == "patterns:")
added = [
    '        - "(您好|你好|喂)(,|，|!|！| )?{占位}(吗|么|嘛)"',
    '        - "(您好|你好|喂)(,|，|!|！| )?{占位}的(家人|家属|亲属|家长)(们)?(吗|么|嘛)"',
    '        - "'
    + ("{开口}" if opens else "")
    + '{名}*(妈妈|爸爸|家长|先生|女士|小姐|同学)(,|，|!|！| )?(您好|你好|早上好|上午好|中午好|下午好|晚上好)"',
]
if "{占位}" not in "\n".join(lines):
    added = added[2:]  # code older than `{占位}` (c4585ed)
lines[patterns + 1 : patterns + 1] = added
rules.write_text("\n".join(lines), encoding="utf-8")
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: gongsi")
exclude = next(i for i in range(at, len(lines)) if lines[i].strip() == "exclude:")
lines.insert(
    exclude + 1,
    '        - "(报|报出|报上|自报|报明|说明|告知|说出)(本|贵|自己的|我们的)?(单位|公司|机构|部门|企业|医院|门店|店铺|商家)名称"',
)
rules.write_text("\n".join(lines), encoding="utf-8")
