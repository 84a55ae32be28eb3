"""Round 21, change 4 as it was transfer-tested: a role, a space and a person's name is a caption or a byline (a
broadcast's 「12345工作人员 王婉莹」, 「督办员 严威」), not words said; a placeholder after the space still counts
(物业客服 [姓名]).

Run by first_sight.py in an export of old code: python caption.py EXPORT_ROOT. The zuoxi pattern
ROLE( )?(是)?…{姓名} loses its ( )?, and ROLE (是)?{占位} is added where the code has the {占位} token.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: zuoxi")
stop = next(i for i in range(at, len(lines)) if lines[i].strip() == "exclude:")
has_placeholder = "{占位}" in "\n".join(lines)
for i in range(at, stop):
    line = lines[i]
    if line.strip().startswith("- ") and "( )?(是)?" in line and line.endswith('{姓名}"'):
        role = line[: line.index("( )?(是)?")]
        lines[i] = line.replace("( )?(是)?", "(是)?", 1)
        if has_placeholder:
            lines.insert(i + 1, role + ' (是)?{占位}"')
        break
else:
    sys.exit(0)  # code whose role-and-name pattern has no space (before 17fd0b3): nothing to take out
rules.write_text("\n".join(lines), encoding="utf-8")
