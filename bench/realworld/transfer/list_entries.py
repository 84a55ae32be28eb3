"""Round 31 (session 20, lintacc33) as it was transfer-tested: a phrase list's goodbye entry is its closing wherever
the list puts it. Not landed then (its instruction cost was over the bound, bench/README "Round 31"): the reading is
on branch lintacc33's history (f47fc9f frozen, ed82329 last) and whole here. Round 32a (session 21) landed the same
answers in main's linter, asked by the rule missing-closing (generator/lint/phraselist.py; transfer/listed_goodbye.py).

Run by first_sight.py in an export of old code: python list_entries.py EXPORT_ROOT. Writes PHRASELIST (below: the
branch's generator/lint/phraselist.py at ed82329, its regexes compiled with plain `re`) into the export and wraps the
export's `standards.closing`: where a free-form path's closing (as the old code finds it) says no goodbye (the
`zaijian` element) and the agent's lines are written as a list (entries side by side: quotes next to each other, two
bullets on a line, four or more short items joined by 、), the last entry that says goodbye, before any taboo heading
or rule, is added to the closing (the branch's `standards._listed_goodbye`).
"""

import sys
from pathlib import Path

PHRASELIST = '"""A phrase list\'s leave-taking entry: the closing of a list wherever the list puts it.\n\nA phrase standard (「基本服务用语：● 您好！ ● 请讲！ … ● 谢谢！ ● 请慢走。」, 「十个字：您好、请、谢谢、对不起、再见」,\n「“您好！”“同志！”…“您走好！”」) is a list of entries, not a call: its goodbye stands where the list\'s author put it,\noften in its middle, before a list of taboos or a coda, and the end of the document is no leave-taking. So where\na free-form path\'s closing (its last turns) says no goodbye and the document is written as a list — entries side by\nside on one line: quotes next to each other, two bullets, or four or more short items joined by 、 — the entry that\nsays goodbye, outside a taboo section, is read as the closing too. Only that entry: a 谢谢 elsewhere in the list\nis an entry of its own, not a thanks said on leaving; and a vocabulary of courtesy words (「十字用语：请、您好、谢谢、\n对不起、再见」) names words, it says none of them when parting.\n\nStructural, not a wording: what is read is where the words stand (entries of a list), with the standard\'s own\ngoodbye element deciding which entry takes leave. Kept free of the rest of the linter (`leave_taking` gets the\nturns, the goodbye test and a way to cut a turn), so bench/realworld/transfer/list_entries.py can apply the same\ncode to older versions.\n"""\n\nfrom __future__ import annotations\n\nimport re\n\n# Two entries side by side: a closing quote then an opening one (only spaces or list punctuation between),\n# two bullets on one line, or four or more short items joined by 、 (「您好、请、谢谢、对不起、再见」).\nSIDE_BY_SIDE = r"[”」』][ \\t、，,；;]*[“「『]|[●•▪◆■□○][^●•▪◆■□○\\n]{1,40}[●•▪◆■□○]"\nLISTED = re.compile(\n    SIDE_BY_SIDE + r"|(?:[^、，,。.！!？?；;：:\\s“”「」『』]{1,6}、){3,}[^、，,。.！!？?；;：:\\s“”「」『』]{1,6}"\n)\n# LISTED without its 、 run: the same matches in a text with fewer than three 、, where that alternative cannot match\n# (it is the costly one, tried at every character).\nQUOTED_OR_BULLETED = re.compile(SIDE_BY_SIDE)\n# Where an entry ends: a bullet, a quotation mark, a semicolon, a colon, a sentence\'s end.\nENTRY_END = re.compile(r"[●•▪◆■□○“”「」『』；;：:。.！!？?]")\nWORDS = 3  # an entry with this many 、 is a vocabulary (「十字用语：请、您好、谢谢、对不起、再见」), not words to say\n# A heading or rule that starts the taboos: nothing from there on is something to say.\nTABOOS = re.compile(r"忌语|禁用语|禁语|禁忌|忌用|不得|不准|严禁|禁止|不要说|不能说|不可说|杜绝")\nLISTS_NEEDED = 2  # list-shaped places in the agent\'s text before a document counts as a phrase list\n\n\n# What every LISTED match holds (a closing quote, a bullet or 、): text without one is not scanned.\nLIST_MARKS = "、”」』●•▪◆■□○"\n\n\ndef list_marked(folded: str) -> bool:\n    """Whether a text holds one of LIST_MARKS: the line mark `linemarks.LISTS`, asked once per distinct line.\n    (Each mark looked for on its own: a one-character search runs in C at memory speed, a character class in\n    the regex engine costs tens of instructions a character.)"""\n    return (\n        "、" in folded\n        or "”" in folded\n        or "」" in folded\n        or "』" in folded\n        or "●" in folded\n        or "•" in folded\n        or "▪" in folded\n        or "◆" in folded\n        or "■" in folded\n        or "□" in folded\n        or "○" in folded\n    )\n\n\ndef phrase_list(texts) -> bool:\n    """Whether the agent\'s lines (an iterable of texts) are written as a list: LISTED at least LISTS_NEEDED times.\n    Scanned joined (no LISTED match crosses a line break), and only when one of LIST_MARKS is there at all."""\n    joined = "\\n".join(texts)\n    if not list_marked(joined):\n        return False\n    count = 0\n    for _ in (LISTED if joined.count("、") >= 3 else QUOTED_OR_BULLETED).finditer(joined):\n        count += 1\n        if count >= LISTS_NEEDED:\n            return True\n    return False\n\n\ndef leave_taking(agent: list, says_goodbye, part):\n    """The last entry of the agent\'s turns that says goodbye (`says_goodbye(folded)`), before any taboo heading or\n    rule, cut from its turn with `part(turn, start, end)`; None when none does. Asked only of a phrase list."""\n    found = None\n    for u in agent:\n        folded = u.folded\n        taboo = TABOOS.search(folded)\n        stop = taboo.start() if taboo is not None else len(folded)\n        start = 0\n        for end in [m.start() for m in ENTRY_END.finditer(folded, 0, stop)] + [stop]:\n            if end - start >= 2 and folded.count("、", start, end) < WORDS and says_goodbye(folded[start:end]):\n                found = part(u, start, end)\n            start = end + 1\n        if taboo is not None:\n            break\n    return found\n'


root = Path(sys.argv[1])
(root / "generator/lint/phraselist.py").write_text(PHRASELIST, encoding="utf-8")
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
