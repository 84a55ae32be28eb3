"""Round 11 (forbidden lines), change 3 as it was transfer-tested: not knowing followed by the offer to find out
(「这个问题我也不太清楚，我马上帮您问一下」) is the published right answer, not a 推诿
(generator/lint/offered.py, copied from this tree).

Run by first_sight.py in an export of old code: python offered.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
source = (Path(__file__).resolve().parents[3] / "generator/lint/offered.py").read_text(encoding="utf-8")
if not (root / "generator/regexcache.py").exists():
    source = source.replace("from huifang import regexcache", "import re as regexcache")
(root / "generator/lint/offered.py").write_text(source, encoding="utf-8")

rule = root / "generator/lint/rules/forbidden_phrase.py"
text = rule.read_text(encoding="utf-8")
for old in ("_named(u, ctx, hit.start)", "mentioned(u.folded, hit.start)"):
    text = text.replace(f"if {old}", f"if {old} or _offered_round11(u, hit)")
assert "_offered_round11" in text, "no place to apply the change"
text += """

def _offered_round11(u, hit):
    from huifang.lint.offered import offered

    return offered(u.folded, u.text[hit.start : hit.end], hit.end)
"""
rule.write_text(text, encoding="utf-8")
