"""Round 9, change 2 as it was transfer-tested: a document whose start says no element (a title, a rule, a
story's narration) has its opening where the greeting is first said, if no one has answered before it.

Run by first_sight.py in an export of old code: python late_opening.py EXPORT_ROOT. Wraps standards._opening().
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
if "\ndef _opening(ctx, view" not in text:
    sys.exit("no _opening() to wrap")
text += """

_first_opening = _opening


def _opening(ctx, view, standard, path):
    turns = _first_opening(ctx, view, standard, path)
    if not view.freeform or any(find_elements([u], standard.elements, view.org) for u in turns):
        return turns
    for at, u in enumerate(path):
        if not u.agent:
            break
        if find_elements([u], standard.elements, view.org):
            if find_elements([u], standard.elements[:1], view.org):
                return _first_opening(ctx, view, standard, path[at:])
            break
    return turns
"""
code.write_text(text, encoding="utf-8")

# With it, 您早 before a word (您早餐, 您早日康复) is no greeting: the cost the wrapper showed on set 6's first-sight code.
rules = root / "content/standards.yaml"
book = rules.read_text(encoding="utf-8")
at = book.index("- id: wenhou")
line = book.index("\n      patterns:", at)
end = book.index("\n", line + 1)
if "exclude:" in book[at : book.index("- id: queren-shenfen")]:
    sys.exit("wenhou already has exclusions")
rules.write_text(
    book[:end] + '\n      exclude: ["您早(餐|饭|点|日|些|晨|期|已|就|该|到|起|睡|做|去|来)"]' + book[end:],
    encoding="utf-8",
)
