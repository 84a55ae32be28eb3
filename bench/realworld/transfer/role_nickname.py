"""Round 21, change 2 as it was transfer-tested: after a role word, 小 takes one character (客服小王), never three
(「大堂经理小王见状」「收费员小吴正在值班」 are narration's 小王 and 小吴, not a name 王见状 or 吴正).

Run by first_sight.py in an export of old code: python role_nickname.py EXPORT_ROOT. The zuoxi pattern
ROLE( )?(是)?(小)?{姓名} loses its (小)?; code with the {小名} token (aadcfb9 and later) already reads 客服小王 with
{职务}( )?{小名}, older code gets that reading written with the tokens it has: ROLE( )?(是)?小{名} and then where a
name ends (punctuation or 为/很/给 … as lint/standards' NAME_ENDS; the end of a line cannot be written there).
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: zuoxi")
stop = next(i for i in range(at, len(lines)) if lines[i].strip() == "exclude:")
ENDS = "(,|，|。|!|！|?|？| |、|:|：|”|」|为|很|向|给|跟|和|在|来|负责|工号|号|请|吗|嘛)"
for i in range(at, stop):
    line = lines[i]
    if line.endswith('(小)?{姓名}"') and line.strip().startswith("- "):
        role = line[: -len('(小)?{姓名}"')]
        lines[i] = role + '{姓名}"'
        if '"{职务}( )?{小名}"' not in lines[at:stop]:
            bare = role.replace("(是)?", "")
            lines.insert(i + 1, bare + "小{名}" + ENDS + '"')
        break
else:
    sys.exit("no role-and-name pattern to edit")
rules.write_text("\n".join(lines), encoding="utf-8")
