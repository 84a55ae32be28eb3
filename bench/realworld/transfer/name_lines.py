"""Round 15 (whose words), the name lines as they were transfer-tested: a transcript that prints each speaker's role
and name on a line of its own (「12345工作人员 王婉莹」, 「市民 刘女士」), two or more with a role of the table, gives the
lines after each name line to that speaker, and the name lines are no speech (generator/lint/speakers.py
`name_lines`). Old code gets the helper appended to its speakers.py and called in freeform.py's `views` once a
file's turns are read.

Run by first_sight.py in an export of old code: python name_lines.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
HELPERS = '\n\n# A transcript that prints who speaks on a line of its own (「12345工作人员 王婉莹」, 「市民 刘女士」): a role of the table\n# (perhaps after a number) and a person\'s name, or a name alone (「刘女士」), and nothing else.\nNAME_LINE = regexcache.compile(\n    r"[0-9A-Za-z]{0,8}(?P<role>[\\u4e00-\\u9fff]{0,8}?)[ \\t\\u3000]?(?P<name>[\\u4e00-\\u9fff]{2,3})"\n)\nHONORIFIC = ("女士", "先生", "小姐")\nNAME_LINE_MAX = 16\n\n\ndef name_lines(turns: list, speakers: Speakers) -> int:\n    """In a transcript whose speakers\' names stand on lines of their own, two or more of them with a role of the\n    table, the name lines are no speech and the lines after each are that speaker\'s (a role the table lacks, or a\n    name alone, is never the agent); the utterances are changed in place. The number of name lines."""\n    from huifang.lint.standards import SURNAMES as surnames  # standards reads stories, which read speakers\n\n    named = []\n    for index, u in enumerate(turns):\n        text = u.text\n        if len(text) > NAME_LINE_MAX or u.speaker != AGENT:\n            continue\n        m = NAME_LINE.fullmatch(text)\n        if m is None:\n            continue\n        role, name = m.group("role"), m.group("name")\n        if name[0] not in surnames:\n            continue\n        if role:\n            spaced = not text[m.start("name") - 1].isalnum()\n            who = speakers.table.get(key(role))\n            if who is None:\n                who = next((speakers.table[p] for p in speakers.prefixes if role.startswith(p)), UNKNOWN)\n            if who == UNKNOWN and not spaced:\n                continue  # a short line of words, not a role and a name\n        elif name.endswith(HONORIFIC):\n            who = UNKNOWN\n        else:\n            continue\n        named.append((index, who, bool(role) and who != UNKNOWN))\n    if sum(1 for _, _, known in named if known) < 2:\n        return 0\n    starts = {index: who for index, who, _ in named}\n    who = None\n    for index, u in enumerate(turns):\n        if index in starts:\n            who = starts[index]\n        elif who is not None and u.speaker == AGENT:\n            u.speaker, u.agent = who, who == AGENT\n    for index in sorted(starts, reverse=True):\n        del turns[index]\n    return len(starts)\n\n\n'
speakers = root / "generator/lint/speakers.py"
text = speakers.read_text(encoding="utf-8")
if "from huifang import regexcache" not in text:
    text += "\nimport re as regexcache\n"
speakers.write_text(text + HELPERS, encoding="utf-8")

freeform = root / "generator/lint/freeform.py"
lines = freeform.read_text(encoding="utf-8").split("\n")
body = next(i for i, line in enumerate(lines) if "unknown: dict = {}" in line)
indent = lines[body][: len(lines[body]) - len(lines[body].lstrip())]
read = next(i for i, line in enumerate(lines) if "self._turns(" in line and i > body)
for i in range(read + 1, len(lines)):
    line = lines[i]
    if (
        line.startswith(indent)
        and line[len(indent) : len(indent) + 1] not in (" ", "")
        and not line.strip().startswith(("else", "elif"))
    ):
        call = "__import__('huifang.lint.speakers', fromlist=['x']).name_lines(turns, self.speakers)"
        lines.insert(i, indent + call)
        break
freeform.write_text("\n".join(lines), encoding="utf-8")
