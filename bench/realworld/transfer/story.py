"""Round 9, change 1 as it was transfer-tested: in a story (no speaker labels, speech in quotes) only the quotes
the story gives to the agent are checked for forbidden phrases (generator/lint/story.py, copied from this tree).

Run by first_sight.py in an export of old code: python story.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
source = (Path(__file__).resolve().parents[3] / "generator/lint/story.py").read_text(encoding="utf-8")
if not (root / "generator/regexcache.py").exists():
    source = source.replace("from huifang import regexcache", "import re as regexcache")
(root / "generator/lint/story.py").write_text(source, encoding="utf-8")

rule = root / "generator/lint/rules/forbidden_phrase.py"
text = rule.read_text(encoding="utf-8")
for old in ("_named(u, ctx, hit.start)", "mentioned(u.folded, hit.start)"):
    text = text.replace(f"if {old}", f"if {old} or _not_agents_in_story(u, ctx, hit.start)")
assert "_not_agents_in_story" in text, "no place to apply the change"
text += """

def _not_agents_in_story(u, ctx, start):
    from huifang.lint.story import agent_spans, said_by_agent

    view = ctx.view
    if not view.freeform or not getattr(view, "text", ""):
        return False
    spans = view.__dict__.get("_story_spans", False)
    if spans is False:
        spans = None
        lines = view.text.split("\\n")
        if not getattr(view, "unknown_speakers", None) and not getattr(view, "inferred_agent", ""):
            if not any(view.text[t.base - t.col + 1 : t.base].strip() for t in view.utterances()):
                spans = agent_spans(lines)
        view.__dict__["_story_spans"] = spans
    return spans is not None and not said_by_agent(spans, u.base + start)
"""
rule.write_text(text, encoding="utf-8")
