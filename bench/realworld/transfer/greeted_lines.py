"""Round 12 (lintacc14), change 2 as it was transfer-tested: openings written one per line with no marker.

Run by first_sight.py in an export of old code: python greeted_lines.py EXPORT_ROOT. Wraps standards.openings():
in a free-form file whose opening is one path, two or more whole lines in a row where it starts, each at least
GREETED_LEAST characters, each starting with the greeting and saying another element, make one path each. The
function is generator/lint/standards.py's `_greeted_lines` as landed (without the shared detectors, which older
code builds per call).
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
head = "\ndef openings(ctx, view"  # the code's own, or another edit's wrapper of it
if head not in text:
    sys.exit("no openings() to wrap")
text = text.replace(head, "\ndef _openings_r12b(ctx, view", 1)
text += r'''


GREETS_AT = 2  # the greeting starts a line that opens a call of its own (喂，您好 at most before it)
GREETED_LEAST = 16  # shorter, a line that starts with 你好 may be the customer's answer (「对，你好，什么事」)


def _greeted_lines(turns: list[Utterance], standard: m.Standard, view: CallView) -> list | None:
    """Alternative openings written one per line with no marker (an utterance bank: 「您好，请问是…吗？这里是…」
    「您好，我是…的客服，现在说话方便吗？」): two or more lines in a row where the opening starts, each a whole
    line without a speaker's label, each starting with the greeting and saying another element. Each is an
    opening of its own with the turns after them; None otherwise. A call as it was said does not open twice
    in a row: a repeated bare 喂/您好 says no other element, and a transcript's lines carry labels."""
    if not view.freeform or len(turns) < 2 or not standard.elements:
        return None
    greeting = standard.elements[0]
    items: list[int] = []
    for index, u in enumerate(turns):
        if u.col != 1 or len(u.text) < GREETED_LEAST or (items and u.line - turns[items[-1]].line > 2):
            break
        said = find_elements([u], standard.elements, view.org)
        first = next((f for f in said if f.element is greeting), None)
        if first is None or first.start > GREETS_AT or len(said) < 2:
            break
        items.append(index)
    if len(items) < 2:
        return None
    others = set(items)
    return [
        (f"说法{n}", [u for i, u in enumerate(turns) if i == index or i not in others])
        for n, index in enumerate(items, 1)
    ]



def openings(ctx, view, standard):
    found = _openings_r12b(ctx, view, standard)
    if view.freeform and len(found) == 1:
        found = _greeted_lines(found[0][1], standard, view) or found
    return found
'''
code.write_text(text, encoding="utf-8")
