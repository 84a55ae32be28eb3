"""Round 11, change 5 as it was transfer-tested: in a story, the opening is what its quotes say.

Run by first_sight.py in an export of old code: python quoted_opening.py EXPORT_ROOT. Wraps standards.openings():
in a free-form file that is a story of a call (this tree's lint/story.py, copied as lint/_story_r11.py, finds an
agent's quote in it; no line was read as the customer's by a label), an opening turn that quotes words of six
characters or more is reduced to those quotes: the narration around them (「值班员快步走向电话机」, a caller's case told
in the narration) is nobody's words on the call. Older code has no speaker-label test of the current kind: a file
counts as unlabelled here when every utterance the reader made is the agent's. Quoted wordings listed with slashes
(「“您好！青松养老院。”/请问您哪里？/…」) stay whole: the words after a slash are wording too.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[3] / "generator/lint"
root = Path(sys.argv[1])
lint = root / "generator/lint"
story = (HERE / "story.py").read_text(encoding="utf-8")
if not (root / "generator/regexcache.py").exists():
    story = story.replace("from huifang import regexcache\n", "import re as regexcache\n")
story = story.replace("from huifang.lint.whose import has_label, lead\n", "")
(lint / "_story_r11.py").write_text(story, encoding="utf-8")

code = lint / "standards.py"
text = code.read_text(encoding="utf-8")
head = "\ndef openings(ctx, view"  # the code's own, or another edit's wrapper of it
if head not in text:
    sys.exit("no openings() to wrap")
text = text.replace(head, "\ndef _openings_r11q(ctx, view", 1)
text += r"""


def openings(ctx, view, standard):
    import re as _re_r11q

    from huifang.lint import _story_r11

    found = _openings_r11q(ctx, view, standard)
    if not view.freeform or not view.text or any(not u.agent for u in view.utterances()):
        return found
    if not _story_r11.agent_spans(view.text.split("\n")):
        return found
    listed = _re_r11q.compile(r"[”」』\"][ \t]*[/／]")
    return [
        (label, [p for u in turns for p in ([] if listed.search(u.folded) else [_part(u, a, b) for a, b in _story_r11.quotes(u.folded) if b - a >= 6]) or [u]])
        for label, turns in found
    ]
"""
code.write_text(text, encoding="utf-8")
