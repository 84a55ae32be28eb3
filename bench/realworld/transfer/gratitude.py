"""Round 11, change 3 as it was transfer-tested: a customer's thanks that a story tells as such is no closing.

Run by first_sight.py in an export of old code: python gratitude.py EXPORT_ROOT. Copies this tree's
generator/lint/gratitude.py into the export, with the story vocabulary it reads (generator/lint/story.py, as
lint/_story_r11.py: older code has no story.py or an older one) and plain `re` where the export has no regexcache,
and takes those stretches out of each free-form path's closing turns before a long turn is cut to its end.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[3] / "generator/lint"
root = Path(sys.argv[1])
lint = root / "generator/lint"
plain = not (root / "generator/regexcache.py").exists()


def copied(text: str) -> str:
    return text.replace("from huifang import regexcache\n", "import re as regexcache\n") if plain else text


# (of_view, which reads speaker labels with lint/whose, is not used here: older code has no lint/whose.lead)
story = (HERE / "story.py").read_text(encoding="utf-8").replace("from huifang.lint.whose import has_label, lead\n", "")
(lint / "_story_r11.py").write_text(copied(story), encoding="utf-8")
gratitude = (HERE / "gratitude.py").read_text(encoding="utf-8")
gratitude = gratitude.replace("from huifang.lint.story import", "from huifang.lint._story_r11 import")
(lint / "gratitude.py").write_text(copied(gratitude), encoding="utf-8")

code = lint / "standards.py"
text = code.read_text(encoding="utf-8")
line = "        found = cache[key] = [_tail(u) if len(u.text) > LONG else u for u in last]\n"
if line not in text:
    sys.exit("no closing() to edit")
text = text.replace(line, line.replace("for u in last]", "for u in _without_customers_thanks(last)]"), 1)
text += """

from huifang.lint.gratitude import customers_thanks as _customers_thanks


def _without_customers_thanks(turns):
    out = []
    for u in turns:
        cut = _customers_thanks(u.folded)
        at = 0
        for start, end in cut:
            if at < start:
                out.append(_part(u, at, start))
            at = max(at, end)
        if not cut:
            out.append(u)
        elif at < len(u.text):
            out.append(_part(u, at, len(u.text)))
    return out
"""
code.write_text(text, encoding="utf-8")
