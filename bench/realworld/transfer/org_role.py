"""Round 13 (lintacc15), change 2 as it was transfer-tested: an organisation's name right before a role, no 的.

Run by first_sight.py in an export of old code: python org_role.py EXPORT_ROOT. Adds gongsi's pattern
「(我是|我这边是|我们是){机构}{岗位}」 (我是中国移动工作人员) with its two exclusions: a kind of organisation with no
name before a role (「(我|我们|这里|这边)是…{通称}{岗位}」: 我是社区民警) and a volunteer's activity (「(我是|我们是)*(志愿者|义工)」).
The tokens are this tree's regexes written into the export as literals (`{机构}`, and `{岗位}`/`{通称}` as they are
here, without 师, which is change 3): the first-sight code of sets 3–8 has no `{岗位}`, and of sets 3–7 no `{通称}`.
"""

import sys
from pathlib import Path

from huifang.lint import standards as here

root = Path(sys.argv[1])
heads = [h for h in here.STAFF_HEADS if h != "师"]
head = "(?:" + "|".join(sorted(heads, key=len, reverse=True)) + ")"
staff = r"(?:(?![的是])[^\W_]){0,4}?" + head
org = here.ORG_BEFORE_ROLE.replace(here.STAFF_HEAD, head)
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
anchor = '        if name == "名":\n'
if text.count(anchor) != 1:
    sys.exit("no _piece() to edit")
text = text.replace(
    anchor,
    '        if name == "机构13":\n            return _R13_ORG\n'
    '        if name == "岗位13":\n            return _R13_STAFF\n'
    '        if name == "通称13":\n            return _R13_GENERIC\n' + anchor,
    1,
)
text += f"\n_R13_ORG = {org!r}\n_R13_STAFF = {staff!r}\n_R13_GENERIC = {here.GENERIC_ORG!r}\n"
code.write_text(text, encoding="utf-8")

rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: gongsi")
patterns = next(i for i in range(at, len(lines)) if lines[i].strip() == "patterns:")
lines.insert(patterns + 1, '        - "(我是|我这边是|我们是){机构13}{岗位13}"')
exclude = next(i for i in range(at, len(lines)) if lines[i].strip() == "exclude:")
lines.insert(exclude + 1, '        - "(我|我们|这里|这边)是(本|咱们|我们|这个|你们)?{通称13}{岗位13}"')
lines.insert(exclude + 1, '        - "(我是|我们是)*(志愿者|义工)"')
rules.write_text("\n".join(lines), encoding="utf-8")
