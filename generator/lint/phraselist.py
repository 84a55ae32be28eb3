"""A phrase list's leave-taking entry: the closing of a list wherever the list puts it.

A phrase standard (「基本服务用语：● 您好！ ● 请讲！ … ● 谢谢！ ● 请慢走。」, 「十个字：您好、请、谢谢、对不起、再见」,
「“您好！”“同志！”…“您走好！”」) is a list of entries, not a call: its goodbye stands where the list's author put it,
often in its middle, before a list of taboos or a coda, and the end of the document is no leave-taking. So where
a free-form path's closing (its last turns) says no goodbye and the document is written as a list — entries side by
side on one line: quotes next to each other, two bullets, or four or more short items joined by 、 — the entry that
says goodbye, outside a taboo section, is read as the closing too. Only that entry: a 谢谢 elsewhere in the list
is an entry of its own, not a thanks said on leaving; and a vocabulary of courtesy words (「十字用语：请、您好、谢谢、
对不起、再见」) names words, it says none of them when parting.

Structural, not a wording: what is read is where the words stand (entries of a list), with the standard's own
goodbye element deciding which entry takes leave. Asked where a path's missing goodbye is already known (the rule
missing-closing, `with_listed_goodbye`), so a file whose paths say goodbye, or that is no free-form text, never
pays for the list test (Round 32a: Round 31's reading at the cost of the paths that miss their goodbye). Kept free
of the rest of the linter (`leave_taking` gets the turns, the goodbye test and a way to cut a turn), so
bench/realworld/transfer/list_entries.py can apply the same code to older versions.
"""

from __future__ import annotations

from huifang import regexcache

# Two entries side by side: a closing quote then an opening one (only spaces or list punctuation between),
# two bullets on one line, or four or more short items joined by 、 (「您好、请、谢谢、对不起、再见」).
SIDE_BY_SIDE = r"[”」』][ \t、，,；;]*[“「『]|[●•▪◆■□○][^●•▪◆■□○\n]{1,40}[●•▪◆■□○]"
LISTED = regexcache.compile(
    SIDE_BY_SIDE + r"|(?:[^、，,。.！!？?；;：:\s“”「」『』]{1,6}、){3,}[^、，,。.！!？?；;：:\s“”「」『』]{1,6}"
)
# LISTED without its 、 run: the same matches in a text with fewer than three 、, where that alternative cannot match
# (it is the costly one, tried at every character).
QUOTED_OR_BULLETED = regexcache.compile(SIDE_BY_SIDE)
# Where an entry ends: a bullet, a quotation mark, a semicolon, a colon, a sentence's end.
ENTRY_END = regexcache.compile(r"[●•▪◆■□○“”「」『』；;：:。.！!？?]")
WORDS = 3  # an entry with this many 、 is a vocabulary (「十字用语：请、您好、谢谢、对不起、再见」), not words to say
# A heading or rule that starts the taboos: nothing from there on is something to say.
TABOOS = regexcache.compile(r"忌语|禁用语|禁语|禁忌|忌用|不得|不准|严禁|禁止|不要说|不能说|不可说|杜绝")
LISTS_NEEDED = 2  # list-shaped places in the agent's text before a document counts as a phrase list


GOODBYE = "zaijian"  # the closing element that takes leave (content/standards.yaml)

# What every LISTED match holds (a closing quote, a bullet or 、): text without one is not scanned.
LIST_MARKS = "、”」』●•▪◆■□○"


def read_closing(ctx, view, turns: list, standard) -> tuple[list, tuple]:
    """A path's closing turns and the closing elements they lack, as the rule missing-closing reads them:
    `standards.closing`, then `with_listed_goodbye` where the goodbye is missing (bench/realworld/evaluate.py)."""
    from huifang.lint.standards import closing
    from huifang.lint.standards import missing as absent

    last = closing(turns, standard, view)
    missing = absent(ctx, standard, view.org, last)
    if missing and view.freeform and any(e.id == GOODBYE for e in missing):
        return with_listed_goodbye(ctx, view, turns, standard, last, missing)
    return last, missing


def with_listed_goodbye(ctx, view, turns: list, standard, last: list, missing: tuple) -> tuple[list, tuple]:
    """A path's closing turns and missing elements, with a phrase list's goodbye entry read as its closing too
    where the goodbye is missing from the closing (`last`, as `standards.closing` finds it) of a free-form file
    that is no message, and the agent's lines are written as a list. Asked by missing-closing only for a path
    whose `missing` (the closing elements `last` lacks) holds the goodbye, so the list is looked for only there."""
    if not view.freeform or view.kind == "message" or not any(e.id == GOODBYE for e in missing):
        return last, missing
    agent = view.agent_turns(turns)
    if not phrase_list(u.folded for u in agent):
        return last, missing
    from huifang.lint.standards import _part
    from huifang.lint.standards import missing as absent

    says_goodbye = _goodbye_test(standard, view.org)
    if any(says_goodbye(u.folded) for u in last):
        return last, missing  # the goodbye's words are in the closing, the element is not (its exclusions)
    listed = leave_taking(agent, says_goodbye, _part)
    if listed is None:
        return last, missing
    last = [*last, listed]
    return last, absent(ctx, standard, view.org, last)


_TESTS: dict = {}


def _goodbye_test(standard, org):
    """folded → whether the standard's goodbye element's detector finds it (`standards.element_regex`, built once
    per standard and org; answers remembered by text)."""
    key = (id(standard), org.id if org is not None else "")
    kept = _TESTS.get(key)
    if kept is None or kept[0] is not standard or kept[1] is not org:
        from huifang.lint.standards import element_regex

        goodbye = next(e for e in standard.elements if e.id == GOODBYE)
        detector = element_regex(goodbye, org)
        answers: dict[str, bool] = {}

        def says_goodbye(folded: str) -> bool:
            said = answers.get(folded)
            if said is None:
                if len(answers) > 100_000:
                    answers.clear()
                said = answers[folded] = detector.search(folded) is not None
            return said

        kept = _TESTS[key] = (standard, org, says_goodbye)
    return kept[2]


def list_marked(folded: str) -> bool:
    """Whether a text holds one of LIST_MARKS (each mark looked for on its own: a one-character search runs in C
    at memory speed, a character class in the regex engine costs tens of instructions a character)."""
    return (
        "、" in folded
        or "”" in folded
        or "」" in folded
        or "』" in folded
        or "●" in folded
        or "•" in folded
        or "▪" in folded
        or "◆" in folded
        or "■" in folded
        or "□" in folded
        or "○" in folded
    )


def phrase_list(texts) -> bool:
    """Whether the agent's lines (an iterable of texts) are written as a list: LISTED at least LISTS_NEEDED times.
    Scanned joined (no LISTED match crosses a line break), and only when one of LIST_MARKS is there at all."""
    joined = "\n".join(texts)
    if not list_marked(joined):
        return False
    count = 0
    for _ in (LISTED if joined.count("、") >= 3 else QUOTED_OR_BULLETED).finditer(joined):
        count += 1
        if count >= LISTS_NEEDED:
            return True
    return False


def leave_taking(agent: list, says_goodbye, part):
    """The last entry of the agent's turns that says goodbye (`says_goodbye(folded)`), before any taboo heading or
    rule, cut from its turn with `part(turn, start, end)`; None when none does. Asked only of a phrase list."""
    found = None
    for u in agent:
        folded = u.folded
        taboo = TABOOS.search(folded)
        stop = taboo.start() if taboo is not None else len(folded)
        start = 0
        for end in [m.start() for m in ENTRY_END.finditer(folded, 0, stop)] + [stop]:
            if end - start >= 2 and folded.count("、", start, end) < WORDS and says_goodbye(folded[start:end]):
                found = part(u, start, end)
            start = end + 1
        if taboo is not None:
            break
    return found
