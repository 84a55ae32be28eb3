"""Round 31 (session 20, lintacc33) as it was transfer-tested: a phrase list's goodbye entry is its closing wherever
the list puts it.

Run by first_sight.py in an export of old code: python list_entries.py EXPORT_ROOT. Copies this tree's
generator/lint/phraselist.py into the export (its regexes compiled with plain `re`) and wraps the export's `standards.closing`: where a free-form path's
closing (as the old code finds it) says no goodbye (the `zaijian` element) and the agent's lines are written as a list
(entries side by side: quotes next to each other, two bullets on a line, four or more short items joined by 、), the
last entry that says goodbye, before any taboo heading or rule, is added to the closing (main's `_listed_goodbye`).
"""

import sys
from pathlib import Path

here = Path(__file__).resolve().parents[3]
root = Path(sys.argv[1])
source = (here / "generator/lint/phraselist.py").read_text(encoding="utf-8")
# main compiles through its kept-regex cache, which older code lacks: plain re there (the same patterns)
source = source.replace("from huifang import regexcache\n", "import re\n").replace("regexcache.compile(", "re.compile(")
(root / "generator/lint/phraselist.py").write_text(source, encoding="utf-8")
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
for needed in ("\ndef closing(", "\ndef element_regex(", "\ndef _part("):
    if needed not in text:
        sys.exit(f"no {needed.strip()} to use")
text += """

from huifang.lint import phraselist as _r31_phraselist

_closing_r31 = closing


def closing(turns, standard, view=None):
    found = _closing_r31(turns, standard, view)
    if view is None or not view.freeform or view.kind == "message":
        return found
    goodbye = next((e for e in standard.elements if e.id == "zaijian"), None)
    agent = view.agent_turns(turns)
    if goodbye is None or not _r31_phraselist.phrase_list([u.folded for u in agent]):
        return found
    detector = element_regex(goodbye, view.org)
    if any(detector.search(u.folded) is not None for u in found):
        return found
    listed = _r31_phraselist.leave_taking(agent, lambda folded: detector.search(folded) is not None, _part)
    return found if listed is None else [*found, listed]
"""
code.write_text(text, encoding="utf-8")
