"""Round 13 (forbidden lines), answer options as they were transfer-tested: the customer's possible answers in a list
(「A.满意 B.一般 C.不满意 D.不知道」, 「（了解/不了解/不清楚）」, 「2、不知道」 on a line of its own, 「回答“不清楚”：」 heading its
reply) are not the agent's words (`mention.answer_option`, copied with mention.py by mention13.py: run that first;
the rule's hook `_option` in generator/lint/rules/forbidden_phrase.py, added here).

Run by first_sight.py in an export of old code: python options.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
if "def answer_option" not in (root / "generator/lint/mention.py").read_text(encoding="utf-8"):
    sys.exit(0)  # mention13.py not run: nothing to hook
rule = root / "generator/lint/rules/forbidden_phrase.py"
text = rule.read_text(encoding="utf-8")
for old in ("_named(u, ctx, hit.start)", "mentioned(u.folded, hit.start)"):
    text = text.replace(f"if {old}", f"if {old} or _option_round13(u, ctx, hit)")
assert "_option_round13" in text, "no place to apply the change"
text += """

def _option_round13(u, ctx, hit):
    from huifang.lint.mention import answer_option
    from huifang.lint.normalize import fold
    from huifang.lint.whose import lead

    view = ctx.view
    if getattr(view, "freeform", False) and getattr(view, "text", None) and u.col > 1 and u.base <= len(view.text):
        taken = fold(lead(view.text, u))
        return answer_option(taken + u.folded, len(taken) + hit.start, len(taken) + hit.end)
    return answer_option(u.folded, hit.start, hit.end)
"""
rule.write_text(text, encoding="utf-8")
