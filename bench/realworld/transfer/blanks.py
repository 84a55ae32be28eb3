"""Round 23b (lintacc29): more ways a template leaves a name blank, read as a placeholder wherever `{名}`, `{姓名}` and
`{占位}` read one (and the who-is-calling slot, through WHOLE_PLACEHOLDER): a line to write on (请问是_____业主吗,
物业的_____), full-width stars (＊＊), the slot named in round or angle brackets ((服务顾问姓名), （客户姓名）, <坐席工号>),
#姓名# or #name#, and a printf slot (%s); as transfer-tested.

Run by first_sight.py in an export of old code: python blanks.py EXPORT_ROOT. Defines BLANK before the name patterns
and puts it first in each placeholder alternation the old module has (NAME, PLACEHOLDER_NAME, WHOLE_PLACEHOLDER) and
its characters in the STARTS lookaheads; BLANK's alternatives start with characters no other alternative starts with,
so its place in an alternation changes nothing else.
"""

import sys
from pathlib import Path

BLANK = """BLANK = (
    r"_{2,12}(?!_)|＿{2,12}(?!＿)|＊{1,8}(?!＊)"
    r"|[(（<＜][^()（）<>＜＞\\n]{0,6}(?:姓名|名字|姓氏|称呼|工号)[)）>＞]"
    r"|[#＃](?:[a-zA-Z_]\\w{0,20}|[^#＃\\s]{0,6}(?:姓名|名字|姓氏|称呼|工号))[#＃]"
    r"|[%％](?:[1-9]\\$)?s"
)
"""

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
if "\nBLANK = (" in text:
    sys.exit(0)  # already there
lines = text.split("\n")
first = next(i for i, line in enumerate(lines) if line.startswith(("STARTS = ", "NAME = ", "PLACEHOLDER_NAME = ")))
lines.insert(first, BLANK.rstrip("\n"))
text = "\n".join(lines)
text = text.replace("(?=[x×*….。某〇○□\\[【${", "(?=[x×*….。某〇○□\\[【${_＿＊(（<＜#＃%％")
done = 0
for anchor, new in (
    ('r"(?:x{1,4}|', 'r"(?:" + BLANK + r"|x{1,4}|'),
    ('PLACEHOLDER_NAME = r"x{1,', 'PLACEHOLDER_NAME = BLANK + "|" + r"x{1,'),
    ('WHOLE_PLACEHOLDER = (\n    r"x{1,', 'WHOLE_PLACEHOLDER = (\n    BLANK + "|" +\n    r"x{1,'),
):
    if anchor in text:
        text = text.replace(anchor, new, 1)
        done += 1
if not done:
    sys.exit("no placeholder alternation to edit")
code.write_text(text, encoding="utf-8")
