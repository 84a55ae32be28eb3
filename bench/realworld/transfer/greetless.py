"""Round 37b (session 23, lintacc39) as it was transfer-tested: an opening that does not greet, beside openings that
do, is no opening of its own (generator/lint/greetless.py).

Run by first_sight.py in an export of old code: python greetless.py EXPORT_ROOT. Copies this tree's
generator/lint/greetless.py into the export and makes the export's `standards.openings` (the same signature in every
first-sight commit) keep, of a free-form file's openings when more than one, those in which the standard's greeting
element is found, if some are and some are not — as main does, before quotes side by side are split into calls
(`_side_by_side`, from 0176b7b on: the call is put right before that line, and for a file without a quotation mark
after the old `openings`); code without `_side_by_side` (sets 3–12) gets it after the old `openings`. On main the
hook runs before a message's signature is put in front of its openings; here after it — the same answer wherever
the signature does not greet.
"""

import re
import sys
from pathlib import Path

here = Path(__file__).resolve().parents[3]
root = Path(sys.argv[1])
(root / "generator/lint/greetless.py").write_text(
    (here / "generator/lint/greetless.py").read_text(encoding="utf-8"), encoding="utf-8"
)
path = root / "generator/lint/standards.py"
text = path.read_text(encoding="utf-8")
if text.count("\ndef openings(") != 1 or "\ndef find_elements(" not in text:
    sys.exit("no one openings() or no find_elements() in standards.py")
text = text.replace("\ndef openings(", "\ndef _openings_r37b(")
SIDE = "found = [way for label, turns in found for way in _side_by_side(label, turns)]"
split = SIDE in text
if split:
    if text.count(SIDE) != 1:
        sys.exit("no one _side_by_side call in standards.py")
    text = re.sub(r"^( +)" + re.escape(SIDE), r"\1found = _r37b(found, view, standard)\n\g<0>", text, flags=re.M)
text += f"""

def _r37b(found, view, standard):
    if not view.freeform or len(found) < 2:
        return found
    from huifang.lint.greetless import GREETING, greeting_paths

    greeting = [e for e in standard.elements if e.id == GREETING]
    if not greeting:
        return found
    return greeting_paths(found, lambda turns: bool(find_elements(turns, greeting, view.org)))


def openings(ctx, view, standard):
    found = _openings_r37b(ctx, view, standard)
    if {split} and any(c in view.text for c in "“”「」『』\\""):
        return found  # asked inside, before the quotes side by side are split
    return _r37b(found, view, standard)
"""
path.write_text(text, encoding="utf-8")
