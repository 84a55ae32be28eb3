"""Rewordings of shipped questions judged by the shipped matcher (`huifang.qa.questions.find`).

Each line of `bench/qa/rewordings.yaml` is judged twice: as the only agent turn of a call ("alone"), and as
the middle agent turn of a short call (a greeting and convenience check before, thanks after, the customer's
answers between: "in a call"). A line under `asked` should count as the question asked (a hit), one under
`not_asked` should not (a false hit when it does). Prints hits and false hits per half (odd n = design, even
n = held out) and, with --verbose, every line's share:
    python bench/qa/rewordings.py [--verbose]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from huifang.project import load_project
from huifang.qa.call import AGENT, CUSTOMER, Turn
from huifang.qa.questions import AgentText, _expected, find
from huifang.qa.texts import prepare

REPO = Path(__file__).resolve().parents[2]
BEFORE = [
    (AGENT, "您好，我是客服中心的回访专员小王，耽误您两分钟做个回访，请问现在方便吗？"),
    (CUSTOMER, "方便，你说。"),
]
AFTER = [(CUSTOMER, "嗯，好的。"), (AGENT, "好的，感谢您的配合，祝您生活愉快，再见！")]


def turns_of(line: str, in_call: bool) -> list[Turn]:
    said = [*BEFORE, (AGENT, line), *AFTER] if in_call else [(AGENT, line)]
    turns = [Turn("A" if role == AGENT else "C", text, line=i + 1, role=role) for i, (role, text) in enumerate(said)]
    prepare(turns)
    return turns


def main(verbose: bool) -> None:
    loaded = load_project(REPO)
    project = loaded.project
    org = project.orgs.get(project.config.default_org)
    data = yaml.safe_load((REPO / "bench" / "qa" / "rewordings.yaml").read_text(encoding="utf-8"))
    # half → mode → [hits, asked lines, false hits, near-miss lines]
    tally: dict[str, dict[str, list[int]]] = {}
    for q in data["questions"]:
        question = project.questions[q["id"]]
        expected = _expected(question, org)
        half = "design" if q["n"] % 2 else "held-out"
        for mode in ("alone", "in a call"):
            row = tally.setdefault(half, {}).setdefault(mode, [0, 0, 0, 0])
            for kind, lines in (("asked", q["asked"]), ("not_asked", q["not_asked"])):
                for line in lines:
                    turn, share = find(expected, AgentText(turns_of(line, mode != "alone")))
                    hit = turn is not None
                    if kind == "asked":
                        row[0] += hit
                        row[1] += 1
                    else:
                        row[2] += hit
                        row[3] += 1
                    if verbose and mode == "alone":
                        good = hit == (kind == "asked")
                        mark = "ok  " if good else "MISS" if kind == "asked" else "FALSE"
                        print(f"{q['n']:>2} {mark:<5} {share:.2f} {kind:<9} {line}   [{question.text.value}]")
    for half in ("design", "held-out"):
        for mode, (hits, asked, false, near) in tally[half].items():
            print(f"{half:<8} {mode:<9}: rewordings found {hits}/{asked}, near-misses counted {false}/{near}")


if __name__ == "__main__":
    main("--verbose" in sys.argv[1:])
