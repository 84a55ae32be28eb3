"""Round 8, change 2 as it was transfer-tested: endings listed one a line are one path each.

Run by first_sight.py in an export of old code: python endings.py EXPORT_ROOT. Adds branches.endings() and
calls it from the free-form reader on a path without branch markers.
"""

import re
import sys
from pathlib import Path

root = Path(sys.argv[1])
reader = root / "generator/lint/freeform.py"
text = reader.read_text(encoding="utf-8")
found = re.search(
    r"\n( +)if \"/\" in text or \"或\" in text or \"也可\" in text:\n +paths = alternatives\(paths\)\n", text
)
if found is None:
    sys.exit("no call of alternatives() to put the endings before")
indent = found.group(1)
text = (
    text[: found.start()] + f"\n{indent}if len(paths) == 1:\n{indent}    paths = endings(paths)" + text[found.start() :]
)
text = text.replace(
    "from huifang.lint.branches import paths as marked_paths\n",
    "from huifang.lint.branches import endings\nfrom huifang.lint.branches import paths as marked_paths\n",
    1,
)
reader.write_text(text, encoding="utf-8")
branches = root / "generator/lint/branches.py"
branches.write_text(
    branches.read_text(encoding="utf-8")
    + """

import re as _re

ENDS_CALL = _re.compile(r"再见|再会|拜拜|不打扰(?:您|你)?了|保持(?:电话|手机)畅通")


def endings(found):
    from huifang.lint.standards import path_name

    label, turns = found[0]
    start = len(turns)
    while start > 0 and turns[start - 1].agent and len(turns[start - 1].text) >= 20 and ENDS_CALL.search(turns[start - 1].folded):
        start -= 1
    if len(turns) - start < 2:
        return found
    return [(f"{path_name(label)}（结尾{n}）", [*turns[:start], u]) for n, u in enumerate(turns[start:], 1)]
""",
    encoding="utf-8",
)
