"""Round 18 (forbidden lines) as it was transfer-tested, the rule's part: words followed right after them by what
names them as a saying (「没有“不归我管”的说法」, 「零风险这种说法」) are not said (`mention.named_as_saying`, copied with
mention.py by mention13.py: run that first; the rule's hook in generator/lint/rules/forbidden_phrase.py, added here).
The round's other parts are in mention.py and offered.py (copied by mention13.py and offered.py) and in the matcher
(word_edges.py).

Run by first_sight.py in an export of old code: python saying.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
if "def named_as_saying" not in (root / "generator/lint/mention.py").read_text(encoding="utf-8"):
    sys.exit(0)  # mention13.py not run: nothing to hook
rule = root / "generator/lint/rules/forbidden_phrase.py"
text = rule.read_text(encoding="utf-8")
for old in ("_named(u, ctx, hit.start)", "mentioned(u.folded, hit.start)"):
    text = text.replace(f"if {old}", f"if {old} or _saying_round18(u, hit)")
assert "_saying_round18" in text, "no place to apply the change"
text += """

def _saying_round18(u, hit):
    from huifang.lint.mention import named_as_saying

    return named_as_saying(u.folded, hit.end)
"""
rule.write_text(text, encoding="utf-8")
