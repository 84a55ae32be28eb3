"""Round 14b (lintacc17), change 7 as it was transfer-tested: a word written like a label that greets is a salutation.

Run by first_sight.py in an export of old code: python salutation.py EXPORT_ROOT. Wraps speakers.Speakers.who: a
label-like word not in the table that holds 您好, 你好 or 大家好 (「尊敬的客户您好：」 on a line of its own, a letter's
or a message's salutation) is no speaker, so the line is read as words (the greeting) instead of being dropped as a
label with nothing after it.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/speakers.py"
text = code.read_text(encoding="utf-8")
if "    def who(" not in text:
    sys.exit("no Speakers.who to wrap")
text += r"""

_who_before14b = Speakers.who


def _who14b(self, label):
    found = _who_before14b(self, label)
    if found == UNKNOWN and any(word in key(label) for word in ("您好", "你好", "大家好")):
        return None
    return found


Speakers.who = _who14b
DEFAULT = Speakers()
"""
code.write_text(text, encoding="utf-8")
