"""Round 9, change 3 as it was transfer-tested: an unlabelled line right after the customer's line goes on with the
customer's turn, and a numbered question to the company heads a reply library's answer (generator/lint/whose.py,
copied from this tree): not checked for forbidden phrases.

Run by first_sight.py in an export of old code: python whose.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
source = (Path(__file__).resolve().parents[3] / "generator/lint/whose.py").read_text(encoding="utf-8")
if not (root / "generator/regexcache.py").exists():
    source = source.replace("from huifang import regexcache", "import re as regexcache")
(root / "generator/lint/whose.py").write_text(source, encoding="utf-8")

rule = root / "generator/lint/rules/forbidden_phrase.py"
text = rule.read_text(encoding="utf-8")
for old in ("_named(u, ctx, hit.start)", "mentioned(u.folded, hit.start)"):
    text = text.replace(f"if {old}", f"if {old} or _customers_line_round9(u, ctx)")
assert "_customers_line_round9" in text, "no place to apply the change"
text += """

def _customers_line_round9(u, ctx):
    from huifang.lint.whose import customers

    view = ctx.view
    return view.freeform and bool(getattr(view, "text", "")) and customers(view, u)
"""
rule.write_text(text, encoding="utf-8")
