"""Round 11 (forbidden lines), change 2 as it was transfer-tested: a line that quotes words is an item of a taboo
section, never a heading that ends it (「推诿类：”这个不归我管”」), and a comment in brackets right after a quote
that says the words break a rule names them (「”…”(违反首问负责制)」) (generator/lint/mention.py: _short, LINK, RULE).
The bracket needs round 9's _ruled (code from 9abf380 on); the heading part applies from c4585ed on; code without
taboo sections (5d68aff) is left as it is (n/a).

Run by first_sight.py in an export of old code: python taboo_items.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

path = Path(sys.argv[1]) / "generator/lint/mention.py"
text = path.read_text(encoding="utf-8")
old = "not any(c in body for c in '“「\"。！？!?')"
if old not in text:
    sys.exit(0)  # no taboo sections in this code: n/a
text = text.replace(old, "not any(c in body for c in '“”「」『』\"。！？!?')", 1)
text = text.replace(
    '(?=挂在嘴边|当成口头禅|成了口头禅))"',
    '(?=挂在嘴边|当成口头禅|成了口头禅)|"\n    r"[(（][ \\t]*(?=违反|违背|违规|不规范|不文明|不礼貌|忌语|禁语|禁用语))"',
    1,
)
text = text.replace("不文明|不礼貌|不规范|违规|扣分|", "不文明|不礼貌|不规范|违规|违反|违背|扣分|", 1)
path.write_text(text, encoding="utf-8")
