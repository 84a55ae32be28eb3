"""Whether any of many texts passes a test, each distinct text tested once per run: the per-line pre-screens
of the rules (a team's lines recur from script to script, so most answers are remembered). The remembered
answers are looked up in one pass in C (`map`), not one interpreted loop step per line."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

LIMIT = 100_000  # remembered answers per test (then forgotten)


def any_line(texts: list[str], seen: dict[str, bool], test: Callable[[str], bool]) -> bool:
    answers = list(map(seen.get, texts))
    if any(answers):
        return True
    if answers.count(False) == len(answers):  # compared by identity: no None among them
        return False
    if len(seen) > LIMIT:
        seen.clear()
    for text, answer in zip(texts, answers):
        if answer is None:
            answer = seen[text] = test(text)
            if answer:
                return True
    return False
