"""Round 14 (lintacc16): who is calling, read as a slot (lint/caller.py and its gazetteer), as transfer-tested.

Run by first_sight.py in an export of old code: python caller_slot.py EXPORT_ROOT. Copies this tree's lint/caller.py
and organisations.txt into the export (the regexes it takes from lint/standards written in as literals: old
codes lack them) and wraps the export's `element_regex` so that gongsi's detector also reads the slot for an
organisation and zuoxi's for a staff number, as `slot:` does on main. The wrap reaches every element search of the
export's judge() (find_elements); the opening's extent is still the old code's (its screen and canonical memo do not
know the slot), which can only make the edit find less than main would.
"""

import re
import sys
from pathlib import Path

from huifang.lint import caller, standards

root = Path(sys.argv[1])
lint = root / "generator/lint"
source = Path(caller.__file__).read_text(encoding="utf-8")
imported = re.search(r"    from huifang\.lint\.standards import \(?([\w\s,]+?)\)?\n(?=\n)", source)
if imported is None:
    sys.exit("caller.py has changed: update this edit")
names = [n.strip() for n in imported.group(1).split(",") if n.strip()]
source = source.replace(imported.group(), "".join(f"    {name} = {getattr(standards, name)!r}\n" for name in names))
(lint / "caller.py").write_text(source, encoding="utf-8")
(lint / "organisations.txt").write_text(caller.DATA.read_text(encoding="utf-8"), encoding="utf-8")

code = lint / "standards.py"
text = code.read_text(encoding="utf-8")
if "\ndef element_regex(" not in text:
    sys.exit("no element_regex() to wrap")
text += """

from huifang.lint import caller as _caller16

_element_regex16 = element_regex
_SLOT16 = {"gongsi": _caller16.ORGANISATION, "zuoxi": _caller16.AGENT}


class _Slotted16:
    def __init__(self, inner, kind):
        self.inner, self.kind = inner, kind
        self.regex, self.exclude, self.pattern = inner.regex, inner.exclude, inner.pattern

    def search(self, text):
        found = self.inner.search(text)
        if found is not None:
            return found
        span = _caller16.slot_for(()).find(text, self.kind)
        if span is None or self.exclude is None:
            return span
        start, end = span
        return None if any(a < end and start < b for a, b in (x.span() for x in self.exclude.finditer(text))) else span


def element_regex(element, org):
    found = _element_regex16(element, org)
    kind = _SLOT16.get(element.id)
    return _Slotted16(found, kind) if kind else found
"""
code.write_text(text, encoding="utf-8")
