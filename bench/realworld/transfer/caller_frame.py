"""Round 30 (session 20, lintacc32) as it was transfer-tested: the caller's frame names the organisation.

Run by first_sight.py in an export of old code: python caller_frame.py EXPORT_ROOT. Wraps the export's
`standards.element_regex`: gongsi's detector, where the old one finds nothing in a text, reads the caller's frame —
a cue (我是, 这边是, 咱们这边是 … and a greeting), then a name-shaped run that 这边/那边 or the call itself
(给您来电, 给您打电话) closes (「我是东方雨虹这边的师傅」, 「咱们这边是XX给您来电的」, 「您好，东方雨虹这边师傅」), not
kinds alone and not the customer's. The regexes are main's (`caller.CUE`, `FILLER_START`, `FRAMED`, `GENERIC`,
`CUSTOMERS` in generator/lint/caller.py), taken from this tree's code when the edit runs and written in as text.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from generator.lint import caller  # noqa: E402  (this tree's code, for its regexes)

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
if "\ndef element_regex(" not in text:
    sys.exit("no element_regex() to wrap")
shapes = caller._shapes()
patterns = {
    "CUE": caller.CUE.pattern,
    "SAID_PARTICLE": caller.SAID_PARTICLE.pattern,
    "SAYS": caller.FILLER_START["says"].pattern,
    "GREETS": caller.FILLER_START["greets"].pattern,
    "FRAMED": shapes[6].pattern,
    "GENERIC": shapes[3].pattern,
    "CUSTOMERS": caller.CUSTOMERS.pattern,
}
text += "\n\nimport re as _re_r30\n"
for name, pattern in patterns.items():
    text += f"_R30_{name} = _re_r30.compile({pattern!r})\n"
text += f"_R30_CUES = {dict(caller.CUES)!r}\n"
text += """

def _r30_framed(text):
    for cue in _R30_CUE.finditer(text):
        said = _R30_CUES.get(_R30_SAID_PARTICLE.sub("", cue.group()), "says")
        start = (_R30_SAYS if said == "says" else _R30_GREETS).match(text, cue.end()).end()
        framed = _R30_FRAMED.match(text, start)
        if framed is None or _R30_GENERIC.fullmatch(framed.group().replace(" ", "")) is not None:
            continue
        if _R30_CUSTOMERS.match(text, framed.end()) is not None:
            continue
        return framed.span()
    return None


class _R30Detector:
    def __init__(self, inner):
        self._inner = inner

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def search(self, text):
        found = self._inner.search(text)
        if found is not None:
            return found
        span = _r30_framed(text)
        exclude = getattr(self._inner, "exclude", None)
        if span is None or exclude is None:
            return span
        start, end = span
        return None if any(a < end and start < b for a, b in (x.span() for x in exclude.finditer(text))) else span


_element_regex_r30 = element_regex


def element_regex(element, org):
    found = _element_regex_r30(element, org)
    return _R30Detector(found) if element.id == "gongsi" else found
"""
code.write_text(text, encoding="utf-8")
