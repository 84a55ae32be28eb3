"""Round 9, change 3 as it was transfer-tested: a role and a name in narration (outside the quotation marks of a
line that quotes what was said, before or after a quote) are no self-introduction.

Run by first_sight.py in an export of old code: python narration.py EXPORT_ROOT. Adds the `{叙述}` token and two
exclusions of zuoxi.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
anchor = '        if name == "名":\n'
if anchor not in text:
    sys.exit("no _piece() to add the token to")
code.write_text(
    text.replace(anchor, '        if name == "叙述":\n            return r"[^“”「」\\n]*"\n' + anchor, 1),
    encoding="utf-8",
)
ROLE = "(客服|专员|回访员|代表|坐席|信息员|顾问|护士|医生|经理|工作人员|话务员|助手|助理|员)( )?(是)?(小)?{姓名}"
rules = root / "content/standards.yaml"
book = rules.read_text(encoding="utf-8")
at = book.index("- id: zuoxi")
line = book.index("\n      exclude:", at)
if line > book.index("- id: fangbian"):
    sys.exit("zuoxi has no exclusions to add to")
start = line + len("\n      exclude:")
added = [f"{ROLE}{{叙述}}(“|「)", f"(”|」){{叙述}}{ROLE}"]
if book[start:].lstrip().startswith("["):  # a flow list on one line (older rule books)
    opened = book.index("[", start)
    quoted = "".join(f'"{x}", ' for x in added)
    rules.write_text(book[: opened + 1] + quoted + book[opened + 1 :], encoding="utf-8")
else:
    quoted = "".join(f'\n        - "{x}"' for x in added)
    rules.write_text(book[:start] + quoted + book[start:], encoding="utf-8")
