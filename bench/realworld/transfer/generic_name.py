"""Round 29 (session 20, lintacc31) as it was transfer-tested: a generic noun is not a company.

Run by first_sight.py in an export of old code: python generic_name.py EXPORT_ROOT. Writes main's
generator/lint/named.py into the export (its vocabulary — `GENERIC_ORG_WORDS` and `STAFF_HEADS` — copied from main's
standards.py as literals, since older code has fewer words or none) and wraps the export's `Detector.search` for
gongsi (the element whose id is gongsi): a match whose organisation phrase holds no name is masked and the element
searched again, as main's `Detector.search` does with `named.next_named`.
"""

import re
import sys
from pathlib import Path

MAIN = Path(__file__).resolve().parents[3] / "generator/lint"
root = Path(sys.argv[1])
standards = (MAIN / "standards.py").read_text(encoding="utf-8")
words = {}
for name in ("GENERIC_ORG_WORDS", "STAFF_HEADS"):
    found = re.search(r"\n" + name + r" = \((.*?)\)\.split\(\)", standards, re.S)
    if found is None:
        sys.exit(f"main has no {name}")
    # the parenthesised string literals and comments, read as Python
    words[name] = eval("(" + found.group(1) + ")").split()  # noqa: S307 - main's own source
named = (MAIN / "named.py").read_text(encoding="utf-8")
old = "    from huifang.lint.standards import GENERIC_ORG_WORDS, STAFF_HEADS\n"
if old not in named:
    sys.exit("main's named.py has changed")
named = named.replace(
    old,
    f"    GENERIC_ORG_WORDS = {words['GENERIC_ORG_WORDS']!r}\n    STAFF_HEADS = {words['STAFF_HEADS']!r}\n",
)
(root / "generator/lint/named.py").write_text(named, encoding="utf-8")
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
if "\nclass Detector" not in text or "\n    def search(self, text" not in text:
    sys.exit("no Detector.search to wrap")
text += """

from huifang.lint import named as _named_r29

_gongsi_r29 = set()
_init_r29 = Detector.__init__
_search_r29 = Detector.search


def _detector_init_r29(self, element, *args, **kwargs):
    _init_r29(self, element, *args, **kwargs)
    if element.id == "gongsi":
        _gongsi_r29.add(id(self))
    else:
        _gongsi_r29.discard(id(self))


def _detector_search_r29(self, text):
    found = _search_r29(self, text)
    if found is None or id(self) not in _gongsi_r29 or _named_r29.names_one(text, *found):
        return found
    return _named_r29.next_named(lambda t: _search_r29(self, t), text, found)


Detector.__init__ = _detector_init_r29
Detector.search = _detector_search_r29
"""
code.write_text(text, encoding="utf-8")
