"""Round 35 (session 22, lintacc37) as it was transfer-tested: where a call robot's flow ends its call besides a
goodbye (generator/lint/robotends.py) — (a) a prompt in which the robot says it hangs up (「…我先挂了，稍后再联系您」)
ends the call as a goodbye does; (b) a marked branch of a bank of the agent's lines that ends in two or more prompts that
each end the call is one path per prompt.

Run by first_sight.py in an export of old code: python robot_ends.py EXPORT_ROOT. Copies this tree's
generator/lint/robotends.py into the export (its regexes compiled with plain `re`: older code may have no kept-regex
cache) and makes the export's branches.py and freeform.py ask it where main's do. Code without `branches.endings`'
utterance-bank reading (no `_ends_call`) has nothing to extend: the export is left as it is. Code before the
inner endings (sets 3–15) gets (a) in `_ends_call` only.
"""

import re
import sys
from pathlib import Path

here = Path(__file__).resolve().parents[3]
root = Path(sys.argv[1])
source = (here / "generator/lint/robotends.py").read_text(encoding="utf-8")
source = source.replace("from huifang import regexcache\n", "").replace("regexcache.compile(", "re.compile(")
(root / "generator/lint/robotends.py").write_text(source, encoding="utf-8")


def edit(path: Path, pairs: list[tuple[str, str]]) -> int:
    """Each (old, new) where old is said once; how many were."""
    text = path.read_text(encoding="utf-8")
    done = 0
    for old, new in pairs:
        if text.count(old) == 1:
            text = text.replace(old, new)
            done += 1
    path.write_text(text, encoding="utf-8")
    return done


branches = root / "generator/lint/branches.py"
text = branches.read_text(encoding="utf-8")
if "def _ends_call(" not in text:  # code before the utterance banks' endings: nothing to extend
    sys.exit(0)
head = re.search(r"^from huifang\.lint\.utterance import Utterance\n", text, flags=re.M)
if head is None:
    sys.exit("no import of Utterance in branches.py")
done = edit(
    branches,
    [
        (
            head.group(0),
            head.group(0) + "from huifang.lint.robotends import first_hang_up, hangs_up, hangs_up_line\n",
        ),
        (
            """        first = ENDING_LINES.search(text)
        if first is None or text.count("\\n", 0, first.start()) + 1 > turns[last].line:
            return []
""",
            """        first = ENDING_LINES.search(text)
        at = first.start() if first is not None else None
        hang_up = first_hang_up(text)
        if hang_up is not None and (at is None or hang_up < at):
            at = hang_up
        if at is None or text.count("\\n", 0, at) + 1 > turns[last].line:
            return []
""",
        ),
        (
            "        and (ENDS_LINE.search(turns[i].folded) is not None or HAND_OFF.search(turns[i].folded) is not None)\n",
            "        and (ENDS_LINE.search(turns[i].folded) is not None or HAND_OFF.search(turns[i].folded) is not None"
            " or hangs_up_line(turns[i].folded))\n",
        ),
        (
            "            ENDS_CALL.search(folded) is not None,\n",
            "            ENDS_CALL.search(folded) is not None or hangs_up(folded),\n",
        ),
        (  # older code's _ends_call (sets 3–15)
            "ENDS_CALL.search(u.folded) is not None\n",
            "(ENDS_CALL.search(u.folded) is not None or hangs_up(u.folded))\n",
        ),
    ],
)
if done < 2:
    sys.exit("branches.py: no _ends_call to extend")
freeform = root / "generator/lint/freeform.py"
text = freeform.read_text(encoding="utf-8")
found = re.search(r"^( +)if len\(paths\) == 1:\n((?:\1 +[^\n]*\n)+)", text, flags=re.M)
if found is None or "endings(paths" not in found.group(2):
    sys.exit("no one-path endings() in freeform.py")
indent = found.group(1)
done = edit(
    freeform,
    [
        (
            found.group(0),
            found.group(0)
            + f"{indent}else:\n{indent}    from huifang.lint.robotends import each_ending\n\n"
            + f"{indent}    paths = each_ending(paths)\n",
        )
    ],
)
if done != 1:
    sys.exit("freeform.py: no one-path endings() to extend")
