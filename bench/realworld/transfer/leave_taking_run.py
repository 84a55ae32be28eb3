"""Round 33a (session 22, lintacc35) as it was transfer-tested: a phrase list's leave-taking run — each goodbye
entry with the wishes and goodbyes said in the entries next to it, and numbered entries side by side as a list
(generator/lint/leavetaking.py), in place of Round 32a's goodbye entry alone.

Run by first_sight.py in an export of old code, after listed_goodbye.py (Round 32a) and, if wanted, own_kind.py
(Round 32b): python leave_taking_run.py EXPORT_ROOT. Copies this tree's generator/lint/leavetaking.py into the export
(it uses plain `re` and the export's phraselist.py, which listed_goodbye.py put there), makes the export's
rules/missing_closing.py call `leavetaking.with_leave_taking` where Round 32a's edit calls
`phraselist.with_listed_goodbye`, and its evaluate.py judge each path's closing with `leavetaking.read_closing`,
as main's does.
"""

import sys
from pathlib import Path

here = Path(__file__).resolve().parents[3]
root = Path(sys.argv[1])
if not (root / "generator/lint/phraselist.py").exists():
    sys.exit("no phraselist.py: run listed_goodbye.py first")
source = (here / "generator/lint/leavetaking.py").read_text(encoding="utf-8")
(root / "generator/lint/leavetaking.py").write_text(source, encoding="utf-8")
rule = root / "generator/lint/rules/missing_closing.py"
text = rule.read_text(encoding="utf-8")
old = (
    "            from huifang.lint.phraselist import with_listed_goodbye\n\n"
    "            last, missing = with_listed_goodbye(ctx, view, turns, standard, last, missing)\n"
)
if text.count(old) != 1:
    sys.exit("no one with_listed_goodbye call in missing_closing.py")
text = text.replace(
    old,
    "            from huifang.lint.leavetaking import with_leave_taking\n\n"
    "            last, missing = with_leave_taking(ctx, view, turns, standard, last, missing)\n",
)
rule.write_text(text, encoding="utf-8")
judge = root / "bench/realworld/evaluate.py"
text = judge.read_text(encoding="utf-8")
old = "from huifang.lint.phraselist import read_closing as _r32_closing"
if text.count(old) != 1:
    sys.exit("no one _r32_closing import in evaluate.py")
judge.write_text(
    text.replace(old, "from huifang.lint.leavetaking import read_closing as _r32_closing"), encoding="utf-8"
)
