"""Round 13 (forbidden lines) as it was transfer-tested, the rule's part: a role with a verb of speaking that the
reader takes for a label (「接线员说：“…”」) is read with the words after it, so a remark after the quote does not
name words the narration gives as said (generator/lint/rules/forbidden_phrase.py, `_mentioned`). The modules this
round changed (story.py, mention.py, offered.py) are copied by story13.py, mention13.py and offered.py; run those
first. Code without story.py's `narrated_label` (older than round 9) is left as it is.

Run by first_sight.py in an export of old code: python said_label.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
rule = root / "generator/lint/rules/forbidden_phrase.py"
story = root / "generator/lint/story.py"
if not story.exists() or "def narrated_label" not in story.read_text(encoding="utf-8"):
    sys.exit(0)
text = rule.read_text(encoding="utf-8")
old = "        mentioned(u.folded, start)\n"
if old not in text:
    sys.exit(0)
text = text.replace(old, "        _mentioned_round13(u, ctx, start)\n", 1)
text += """

def _mentioned_round13(u, ctx, start):
    from huifang.lint import story as _story
    from huifang.lint.mention import mentioned as _mentioned
    from huifang.lint.normalize import fold as _fold
    from huifang.lint.whose import lead as _lead

    view = ctx.view
    if view.freeform and view.text and u.col > 1 and u.base <= len(view.text):
        taken = _lead(view.text, u)
        if _story.narrated_label(taken, u.text):
            taken = _fold(taken)
            return _mentioned(taken + u.folded, len(taken) + start)
    return _mentioned(u.folded, start)
"""
rule.write_text(text, encoding="utf-8")
