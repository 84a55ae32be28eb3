"""A phrase list's leave-taking run: the goodbye entry with the thanks and wishes said next to it (Round 33a).

Round 31/32a read a phrase standard's goodbye entry as its closing wherever the list puts it (`phraselist`): that
entry only, and only in a list written with quotes, bullets or 、 side by side. Two shapes of the same structure
were left:

- **The entries said with the goodbye.** A list's leave-taking is often several entries in a row — 「“您走好!”
  “保重身体!”“多保重!”」, 「13、祝您早日康复!14、您走好。」: the wish or the thanks is an entry of its own next to the
  goodbye, not part of its sentence, so reading the goodbye entry alone left the closing without them. Here each
  goodbye entry (a list may take leave in several places: 「请到×层,您走好」 in a guide's entries, 「您走好」 among the
  public phrases) with the consecutive entries around it that each say a wish or a goodbye (the standard's `zhufu`
  and `zaijian`: words said only on parting) is the leave-taking; a run ends at the first entry that says neither
  (an empty piece between two quotes or marks is no entry and does not end it). A thanks is no such word: a list's
  「谢谢!」 is the courtesy for any favour, an entry of its own even beside the goodbye (「● 谢谢! ● 请慢走。」, set 11's
  655, is labelled so), as Round 31 read it; a thanks said in a wish's or goodbye's own entry comes with it.
- **Numbered entries side by side.** 「1、您好!2、请!3、请进。」, 「(3)请问您需要帮助吗?(4)您好」: a number after a
  sentence's end on the same line starts the next entry, as a bullet or an opening quote does. Such a line is a
  list-shaped place (`phraselist.LISTED`'s count) too.

Structural, as Round 31: where the words stand (consecutive entries of a list) decides, and which words thank, wish
or take leave is the team's own elements. Asked only where Round 32a asks (the rule missing-closing, a free-form
path whose closing lacks the goodbye), in place of `phraselist.with_listed_goodbye`, whose answers it keeps where
the goodbye entry stands alone in a list of quotes, bullets or 、. Kept free of the rest of the linter but for
`phraselist` and `standards` (`element_regex`, `_part`, `missing`), so bench/realworld/transfer/leave_taking_run.py
applies the same code to older versions.
"""

from __future__ import annotations

import re

from huifang.lint import phraselist

# A number that starts the next entry on the same line: right after a sentence's end (or a closing quote), 「2、」
# 「(4)」 「（4）」 「4)」.
NUMBERED = re.compile(r"[。！!？?”」][ \t]*(?:\d{1,2}、|[(（]\d{1,2}[)）]|\d{1,2}[)）])")


def read_closing(ctx, view, turns: list, standard) -> tuple[list, tuple]:
    """A path's closing turns and the closing elements they lack, as the rule missing-closing reads them:
    `standards.closing`, then `with_leave_taking` where the goodbye is missing (bench/realworld/evaluate.py)."""
    from huifang.lint.standards import closing
    from huifang.lint.standards import missing as absent

    last = closing(turns, standard, view)
    missing = absent(ctx, standard, view.org, last)
    if missing and view.freeform and any(e.id == phraselist.GOODBYE for e in missing):
        return with_leave_taking(ctx, view, turns, standard, last, missing)
    return last, missing


def numbered_list(texts) -> bool:
    """Whether the agent's lines hold numbered entries side by side (NUMBERED) at least LISTS_NEEDED times."""
    count = 0
    for text in texts:
        if "、" not in text and ")" not in text and "）" not in text:
            continue
        for _ in NUMBERED.finditer(text):
            count += 1
            if count >= phraselist.LISTS_NEEDED:
                return True
    return False


def with_leave_taking(ctx, view, turns: list, standard, last: list, missing: tuple) -> tuple[list, tuple]:
    """`phraselist.with_listed_goodbye` with the leave-taking run: where the goodbye is missing from a free-form
    path's closing (`last`) and the agent's lines are written as a list (quotes, bullets, 、 or numbered entries
    side by side), every goodbye entry before any taboo and the entries next to each that say a wish or a
    goodbye are added to the closing (in the file's order), and `missing` is computed again for it."""
    if not view.freeform or view.kind == "message" or not any(e.id == phraselist.GOODBYE for e in missing):
        return last, missing
    agent = view.agent_turns(turns)
    texts = [u.folded for u in agent]
    if not phraselist.phrase_list(texts) and not numbered_list(texts):
        return last, missing
    says_goodbye = phraselist._goodbye_test(standard, view.org)
    if any(says_goodbye(u.folded) for u in last):
        return last, missing  # the goodbye's words are in the closing, the element is not (its exclusions)
    entries = _entries(agent)
    goodbyes = [i for i, (u, start, end) in enumerate(entries) if says_goodbye(u.folded[start:end])]
    if not goodbyes:
        return last, missing
    from huifang.lint.standards import _part
    from huifang.lint.standards import missing as absent

    closes = _closing_test(standard, view.org)
    taken: list[int] = []
    for at in goodbyes:
        first = at
        while first > 0 and first - 1 not in taken and closes(_text(entries[first - 1])):
            first -= 1
        end = at
        while end + 1 < len(entries) and closes(_text(entries[end + 1])):
            end += 1
        taken.extend(i for i in range(first, end + 1) if i not in taken)
    last = [*last, *(_part(*entries[i]) for i in sorted(taken))]
    return last, absent(ctx, standard, view.org, last)


def _text(entry) -> str:
    u, start, end = entry
    return u.folded[start:end]


def _entries(agent: list) -> list:
    """The entries of the agent's turns in order, up to the first taboo heading or rule: (turn, start, end), split
    at phraselist's entry marks (a numbered entry side by side starts after a sentence's end, so the number is the
    start of its entry); pieces shorter than two characters and vocabularies (phraselist.WORDS 、) are no entries."""
    out = []
    for u in agent:
        folded = u.folded
        taboo = phraselist.TABOOS.search(folded)
        stop = taboo.start() if taboo is not None else len(folded)
        start = 0
        for end in [m.start() for m in phraselist.ENTRY_END.finditer(folded, 0, stop)] + [stop]:
            if end - start >= 2 and folded.count("、", start, end) < phraselist.WORDS:
                out.append((u, start, end))
            start = end + 1
        if taboo is not None:
            break
    return out


_TESTS: dict = {}


WISH = "zhufu"  # the closing element that wishes well (content/standards.yaml): said only on parting, as the goodbye


def _closing_test(standard, org):
    """folded → whether the standard's wish or goodbye element is said in it (`standards.element_regex` of each,
    built once per standard and org)."""
    key = (id(standard), org.id if org is not None else "")
    kept = _TESTS.get(key)
    if kept is None or kept[0] is not standard or kept[1] is not org:
        from huifang.lint.standards import element_regex

        detectors = [element_regex(e, org) for e in standard.elements if e.id in (WISH, phraselist.GOODBYE)]

        def closes(folded: str) -> bool:
            return any(d.search(folded) is not None for d in detectors)

        kept = _TESTS[key] = (standard, org, closes)
    return kept[2]
