"""Round 48 (session 30, lintacc48c) as it was transfer-tested: in a story, a voice that speaks (「一个颤抖的年轻女声说：」)
is nobody's side the story says, so its words are no forbidden phrase of the agent's (generator/lint/story.py, `VOICED`).

Run by first_sight.py in an export of old code: python voiced.py EXPORT_ROOT. Edits the export's own story.py where it
reads the clause before a verb of speaking (`_attributed`); an export whose story.py has no such place is left as it is
(it reads stories otherwise, and the change has nothing to apply to).
"""

import sys
from pathlib import Path

story = Path(sys.argv[1]) / "generator/lint/story.py"
text = story.read_text(encoding="utf-8") if story.exists() else ""
old = "    if says is not None:\n        return _clause_speaker(head[: says.start()], public) or EITHER\n"
if old in text:
    new = (
        "    if says is not None:\n"
        "        if (\n"
        "            _VOICED.search(head, 0, says.start()) is not None\n"
        "            and _named_speaker(CLAUSE.split(head[: says.start()])[-1]) is None\n"
        "        ):\n"
        "            return EITHER\n"
        "        return _clause_speaker(head[: says.start()], public) or EITHER\n"
    )
    text = text.replace(old, new)
    text += '\n\nimport re as _re  # noqa: E402\n\n_VOICED = _re.compile(r"(?:女|男|人)声[ \\t]*$|声音[ \\t]*$")\n'
    story.write_text(text, encoding="utf-8")
    print("applied", file=sys.stderr)
