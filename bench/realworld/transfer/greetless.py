"""Round 37b (session 23, lintacc39) as it was transfer-tested: an opening that does not greet, beside openings that
do, is no opening of its own (generator/lint/greetless.py).

Not landed (bench/README.md, Round 37): the module's source is carried here (SOURCE, as at lintacc39's freeze d2c42f5,
where standards.openings asked it) and written into the export as generator/lint/greetless.py.

Run by first_sight.py in an export of old code: python greetless.py EXPORT_ROOT. Writes the module and makes the
export's `standards.openings` (the same signature in every first-sight commit) keep, of a free-form file's openings
when more than one, those in which the standard's greeting element is found, if some are and some are not — as the
branch did, before quotes side by side are split into calls (`_side_by_side`, from 0176b7b on: the call is put right
before that line, and for a file without a quotation mark after the old `openings`); code without `_side_by_side`
(sets 3–12) gets it after the old `openings`. On the branch the hook ran before a message's signature is put in
front of its openings; here after it — the same answer wherever the signature does not greet.
"""

import re
import sys
from pathlib import Path

SOURCE = '"""An opening that does not greet, beside openings that do, is no opening of its own: a step or a redirect.\n\nA free-form file\'s openings are read path by path where it writes them apart — marked sections (「A. 歡迎顧客」,\n「B. 查衣」), wordings joined by 或 (「“您好,您要辦理什么業務?”或者“請您到XX窗口辦理”」) — and an element counts as said\nonly when every one of them says it. Where some of those openings greet and one does not, the one that does not is\nnot a call opening another way: a procedure\'s next step, read as a branch because it is marked like one (B. 查衣, the\ngarments checked after the welcome), or the words for a moment later in the call (請您到XX窗口辦理, once the business\nis known). Reading it as an opening took the greeting, and every element the others share, from the whole file.\nSo when at least one of those openings greets (the standard\'s greeting element, `wenhou`) and at least one does not,\nonly the openings that greet are read (`greeting_paths`). A file whose openings all greet, or none do, is read as\nbefore: a missing greeting in every path is still a finding. Quotes merely side by side (「一个简单的问候如“您好,今天\n过得怎么样”“天气变凉了,注意添衣”」) are not asked: the reader takes them for different calls written next to each\nother (`standards._side_by_side`), and each call is to greet.\n\nStructural, not a wording: what is read is which of the paths the reader made opens a call at all, by the team\'s\nown greeting element. Kept free of the rest of the linter (`greeting_paths` gets the openings and a test), so\nbench/realworld/transfer/greetless.py can apply the same code to older versions.\n\nPASS (the step after the welcome is no opening of its own: greeting and shop found)::\n\n    A. 歡迎顧客\n    當顧客進門時,立即招呼:“您好!歡迎光臨XXX洗衣店!”\n    B. 查衣\n    與顧客一起檢查衣物的口袋。\n\nFAIL (left as before: no opening greets, so the greeting is missing)::\n\n    A. 报修\n    请问您家里哪里坏了?\n    B. 投诉\n    请问您要投诉什么?\n"""\n\nfrom __future__ import annotations\n\nGREETING = "wenhou"  # the opening element that greets (content/standards.yaml)\n\n\ndef greeting_paths(found: list, greets) -> list:\n    """The openings (label, turns) that greet (`greets(turns)`) when some do and some do not; else `found` as it is."""\n    if len(found) < 2:\n        return found\n    kept = [way for way in found if greets(way[1])]\n    return kept if 0 < len(kept) < len(found) else found\n'

root = Path(sys.argv[1])
(root / "generator/lint/greetless.py").write_text(SOURCE, encoding="utf-8")
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
