"""Round 32a (session 21, lintacc34) as it was transfer-tested: Round 31's reading (a phrase list's goodbye entry is
its closing wherever the list puts it; list_entries.py) asked where it costs little — by the rule missing-closing, only
for a path whose closing lacks the goodbye, instead of by `standards.closing` for every free-form path.

Run by first_sight.py in an export of old code: python listed_goodbye.py EXPORT_ROOT. Copies this tree's
generator/lint/phraselist.py into the export (its regexes compiled with plain `re`: older code has no kept-regex cache)
and edits the export's rules/missing_closing.py as main's: after `missing = absent(...)`, a free-form path missing
the goodbye (`zaijian`) whose agent lines are written as a list gets `phraselist.with_listed_goodbye`; and the
export's evaluate.py judges each path's closing as that rule reads it (`phraselist.read_closing`), as main's does.
"""

import sys
from pathlib import Path

here = Path(__file__).resolve().parents[3]
root = Path(sys.argv[1])
source = (here / "generator/lint/phraselist.py").read_text(encoding="utf-8")
source = source.replace("from huifang import regexcache\n", "import re\n").replace("regexcache.compile(", "re.compile(")
(root / "generator/lint/phraselist.py").write_text(source, encoding="utf-8")
standards = (root / "generator/lint/standards.py").read_text(encoding="utf-8")
for needed in ("\ndef element_regex(", "\ndef _part(", "\ndef missing("):
    if needed not in standards:
        sys.exit(f"no {needed.strip()} to use")
rule = root / "generator/lint/rules/missing_closing.py"
text = rule.read_text(encoding="utf-8")
old = "        missing = absent(ctx, standard, view.org, last)\n"
if text.count(old) != 1:
    sys.exit("no one `missing = absent(...)` in missing_closing.py")
text = text.replace(
    old,
    old
    + '        if missing and view.freeform and any(e.id == "zaijian" for e in missing):\n'
    + "            from huifang.lint.phraselist import with_listed_goodbye\n\n"
    + "            last, missing = with_listed_goodbye(ctx, view, turns, standard, last, missing)\n",
)
rule.write_text(text, encoding="utf-8")
judge = root / "bench/realworld/evaluate.py"
text = judge.read_text(encoding="utf-8")
old = "standards.find_elements(standards.closing(t, closing, view), [element], view.org) for _, t in paths"
if text.count(old) != 1:
    sys.exit("no one closing judged in evaluate.py")
text = text.replace(
    old,
    "standards.find_elements(_r32_closing(ctx, view, t, closing)[0], [element], view.org) for _, t in paths",
)
text += "\n\nfrom huifang.lint.phraselist import read_closing as _r32_closing  # noqa: E402\n"
judge.write_text(text, encoding="utf-8")
