"""Round 15 (whose words) as it was transfer-tested: a said-label (「用户说：」, 「我问：」, 「他回答说：」) names its
speaker — a table label or a pronoun before a verb of speaking; 我 is the agent and he or she the other side unless
the file names the agent in another label; a pronoun's said-label is a story's narration
(generator/lint/speakers.py `_said`, `first_person`, `narrator`; story.py `narrated_label`). Old code gets the
helpers appended to its speakers.py, `Speakers.who` wrapped, the call after `infer_agent` in freeform.py and
`narrated_label` wrapped where the old code has them.

Run by first_sight.py in an export of old code: python said_speaker.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
HELPERS = '\n\n# A label that says who speaks with a verb of speaking (「用户说：」, 「我问：」, 「他回答说：」): a speaker of the\n# table or a pronoun, perhaps an adverb, then the verb. 我 is the agent, as in the table; he or she is the\n# other side, unless the file names the agent in another label (`first_person`).\nSAID = regexcache.compile(\n    r"(?:又|再|也|就|便|还|接着|继续|随即)?(?:回答说|回答|回复|回应|追问|反问|说道|问道|答道|说|问|答|讲)$"\n)\nTHIRD_PERSON = frozenset(("他", "她", "他们", "她们", "那边", "对面", "那头", "电话那头"))\nFIRST_PERSON_SAID = regexcache.compile(\n    r"(?:^|\\n)[ \\t]*(?:\\*\\*|【)?我(?:又|再|也|就|便|还|接着|继续|随即)?(?:回答|回复|回应|追问|反问|说|问|答|讲)"\n)\n\n\ndef _said(label: str) -> str | None:\n    """Who a said-label names (「他回答说」 → 他), or None when the label ends in no verb of speaking."""\n    if len(label) < 2 or label[-1] not in "说问答讲道复应":\n        return None\n    m = SAID.search(label)\n    return label[: m.start()] if m is not None and m.start() > 0 else None\n\n\ndef narrator(taken: str) -> bool:\n    """Whether what the reader took off a line\'s start is a pronoun\'s said-label (「他说：」, 「我问：」): a story\'s\n    narration, never a script\'s."""\n    label = LABEL.search(taken)\n    said = _said(key(label.group("label"))) if label is not None else None\n    return said == "我" or said in THIRD_PERSON\n\n\ndef first_person(turns: list, lines: list[str], text: str) -> int:\n    """In a story whose writer labels their own words 「我说：」 and names the agent in another label (「客服：」,\n    「客服回答：」), the writer is the customer: their turns become the customer\'s and those of 「他说：」 the\n    agent\'s (the utterances are changed in place); the number of turns changed."""\n    if "我" not in text or FIRST_PERSON_SAID.search(text) is None:\n        return 0\n    mine, third, named = [], [], False\n    for u in turns:\n        before = _before(u, lines)\n        if not before or (":" not in before and "：" not in before and "】" not in before):\n            continue\n        label = LABEL.search(before)\n        said = _said(key(label.group("label"))) if label is not None else None\n        if said == "我":\n            mine.append(u)\n        elif said in THIRD_PERSON:\n            third.append(u)\n        elif u.speaker == AGENT and label is not None and key(label.group("label")) != "我":\n            named = True\n    if not (mine and named):\n        return 0\n    for u in mine:\n        u.speaker, u.agent = CUSTOMER, False\n    for u in third:\n        u.speaker, u.agent = AGENT, True\n    return len(mine) + len(third)\n\n\n'
speakers = root / "generator/lint/speakers.py"
text = speakers.read_text(encoding="utf-8")
if "def _before" not in text:
    text += """

def _before(u, lines):
    return lines[u.line - 1][: u.col - 1] if 0 < u.line <= len(lines) else ""
"""
if "from huifang import regexcache" not in text:
    text += "\nimport re as regexcache\n"
text += (
    HELPERS
    + """

_who_round15 = Speakers.who


def _said_who(self, label):
    found = _who_round15(self, label)
    if found is not None and found != UNKNOWN:
        return found
    said = _said(key(label))
    if said is not None:
        if said in self.table:
            return self.table[said]
        if said in THIRD_PERSON:
            return CUSTOMER
    return found


Speakers.who = _said_who
"""
)
speakers.write_text(text, encoding="utf-8")

freeform = root / "generator/lint/freeform.py"
text = freeform.read_text(encoding="utf-8")
lines = text.split("\n")
for i, line in enumerate(lines):
    if "infer_agent(turns, lines, unknown)" in line and "=" in line:
        indent = line[: len(line) - len(line.lstrip())]
        lines.insert(
            i + 1, indent + "__import__('huifang.lint.speakers', fromlist=['x']).first_person(turns, lines, text)"
        )
        break
freeform.write_text("\n".join(lines), encoding="utf-8")

story = root / "generator/lint/story.py"
if story.exists() and "def narrated_label" in story.read_text(encoding="utf-8"):
    story.write_text(
        story.read_text(encoding="utf-8")
        + """

_narrated_round15 = narrated_label


def narrated_label(taken, words):
    from huifang.lint import speakers as _speakers
    from huifang.lint.normalize import fold as _fold

    return _narrated_round15(taken, words) or (BEFORE.search(_fold(taken)) is not None and _speakers.narrator(taken))
""",
        encoding="utf-8",
    )
