"""Round 14b (lintacc17), change 1 as it was transfer-tested: a closing marker on a list's entry closes with that entry.

Run by first_sight.py in an export of old code: python entry_closing.py EXPORT_ROOT. Wraps standards.closing: when the
closing it found starts at a turn that names a closing marker (道别语, 告辞时, 结束语 …) and starts a list's entry
(「9、“再见”…告辞时使用」, 「⑩、告别语：“请您慢走。”」), and that entry says a closing element itself, the closing is
the entry alone: it stops at the next entry of its list or of a list around it, which is another phrase. An entry that
says none (「2.電話結束時應說：」 then 「3.如果用戶沒有問題可說：…再見」) is read on as before.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
if "def closing(" not in text or "CLOSING_MARK" not in text:
    sys.exit("no closing() to wrap")
text += r"""

import re as _re14b

_ENTRY14B = _re14b.compile(
    r"[ \t　•●·]*(?:(?P<num>\d{1,2}[.、．)）](?!\d))|(?P<pnum>[(（]\d{1,2}[)）])|(?P<pcn>[(（][一二三四五六七八九十]{1,3}[)）])"
    r"|(?P<cn>[一二三四五六七八九十]{1,3}、)|(?P<circled>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])|(?P<letter>[A-Ha-h][.．、)）]))"
)


def _entry_style14b(u):
    found = _ENTRY14B.match(u.text)
    return (found.lastgroup or "") if found is not None else ""


_closing_before14b = closing


def closing(turns, standard, view=None):
    found = _closing_before14b(turns, standard, view)
    if view is None or not getattr(view, "freeform", False) or getattr(view, "kind", "") == "message" or len(found) < 2:
        return found
    first = found[0]
    if CLOSING_MARK.search(first.folded[:30]) is None or not _entry_style14b(first):
        return found
    agent = view.agent_turns(turns)
    index = next((i for i, u in enumerate(agent) if u.line == first.line and u.col == first.col), None)
    if index is None:
        return found
    outer = {s for s in map(_entry_style14b, agent[:index]) if s} | {_entry_style14b(first)}
    end = next((j for j in range(index + 1, len(agent)) if _entry_style14b(agent[j]) in outer), len(agent))
    entry = [u for u in found if any(u.line == a.line and u.col == a.col for a in agent[index:end])]
    if len(entry) < len(found) and find_elements(entry, standard.elements, view.org):
        return entry
    return found
"""
code.write_text(text, encoding="utf-8")
