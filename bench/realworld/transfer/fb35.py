"""Round 33 (forbidden lines, branch lintfb35) as it was transfer-tested: generator/lint/mention.py and
generator/lint/offered.py as this round left them, written over the export, and the rule's hook added to the
export's forbidden_phrase.py at its end, around `check` (whatever that version reads, a line of a restarted list is
named too). For sets 3–20 run it after main's forbidden-line edits (story13.py whose13.py mention13.py offered.py
scorn_order.py pack13.py said_label.py options.py word_edges.py saying.py inserted_words.py taboo_families.py fb28.py),
whose copies of those two modules it replaces; sets 21–23 take it alone. The readings: a numbered list that starts
again without one polite word, right after a numbered list of polite phrases, is a list of words not to say whose
heading was lost (`mention.restarted_lines`); not knowing followed by an offer of help (「我可以找别人帮助您」) is the
polite form (`offered.OFFER`).

FB35_COMMIT=<commit> takes both modules from that commit instead (main's, for the "without" side: a commit whose
mention.py has no `restarted_lines` gets no hook).

Run by first_sight.py in an export of old code: python fb35.py EXPORT_ROOT.
"""

import os
import subprocess
import sys
from pathlib import Path

COMMIT = os.environ.get("FB35_COMMIT", "0a1c1e780f3ce38710bc936fc50f6a49fc14d2bb")
HOOK = """

# Round 33 (transfer/fb35.py): a line of a numbered list that starts again without a polite word, right after a list
# of polite phrases, is named (a list of words not to say whose heading was lost). Written around `check` (every
# version has it): the reading is per utterance, so leaving out an utterance's findings is the same as naming each hit.
from huifang.lint.mention import LIST_NUMBER as _LIST_NUMBER, restarted_lines as _restarted_lines

_check_before_fb35 = check
_restarted_fb35 = {}


def _restarted_fb35_line(u, ctx):
    view = ctx.view
    if not getattr(view, "freeform", False) or not getattr(view, "text", None) or u.base > len(view.text):
        return False
    if _LIST_NUMBER.match(view.text, u.base - u.col + 1) is None:
        return False
    held = _restarted_fb35.get(id(view.text))
    if held is None or held[0] is not view.text:
        held = _restarted_fb35[id(view.text)] = (view.text, _restarted_lines(view.text))
    return u.line in held[1]


def check(u, ctx):
    found = list(_check_before_fb35(u, ctx))
    if found and _restarted_fb35_line(u, ctx):
        return []
    return found
"""
root = Path(sys.argv[1])
repo = Path(__file__).resolve().parents[3]
for module in ("mention.py", "offered.py"):
    source = subprocess.run(
        ["git", "-C", str(repo), "show", f"{COMMIT}:generator/lint/{module}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if not (root / "generator/regexcache.py").exists():
        source = source.replace("from huifang import regexcache", "import re as regexcache")
    (root / "generator/lint" / module).write_text(source, encoding="utf-8")
    if module == "mention.py" and "def restarted_lines" in source:
        rule = root / "generator/lint/rules/forbidden_phrase.py"
        rule.write_text(rule.read_text(encoding="utf-8") + HOOK, encoding="utf-8")
