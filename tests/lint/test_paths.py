"""Every line of a script is linted however many paths its branches make; capped path checks say so."""

from __future__ import annotations

import random

from huifang import model as m
from huifang.compose import MAX_PATHS, Call, count, expand
from huifang.lint.api import lint_paths

BAD = "你自己想办法吧！"


def branch(cases: dict[str, list[str]], indent: int) -> str:
    pad = " " * indent
    out = f"{pad}- branch:\n{pad}    cases:\n"
    for label, lines in cases.items():
        out += f"{pad}      {label}:\n" + "".join(f"{pad}        - {line}\n" for line in lines)
    return out


def write(proj, name: str, steps: str):
    path = proj / "scripts_src" / f"{name}.yaml"
    path.write_text(f"id: {name}\ntitle: 分支\nsteps:\n{steps}", encoding="utf-8")
    return path


def found(proj, path):
    return [(p.line, p.severity, p.rule, p.message) for p in lint_paths(proj, [path]).problems]


def test_phrase_behind_nine_yes_no_branches_is_found(proj):
    # 2^9 ways through the body: the paths listed first all take 是 at the first branch, so its 否
    # case lies on none of the first MAX_PATHS paths.
    steps = branch({"是": ["好的。"], "否": [BAD]}, 2)
    steps += "".join(branch({"是": [f"好的{i}。"], "否": [f"明白{i}。"]}, 2) for i in range(8))
    problems = found(proj, write(proj, "deep", steps))
    assert [line for line, _, rule, _ in problems if rule == "forbidden-phrase"] == [9]
    notes = [message for _, severity, rule, message in problems if rule == "paths-capped"]
    assert len(notes) == 1 and "1025 条通话路径" in notes[0] and f"前 {MAX_PATHS} 条" in notes[0], notes


def test_phrase_in_the_257th_case_is_found(proj):
    cases = {f"选项{i}": [f"好的{i}。"] for i in range(MAX_PATHS)} | {"最后": [BAD]}
    problems = found(proj, write(proj, "wide", branch(cases, 2)))
    assert [line for line, _, rule, _ in problems if rule == "forbidden-phrase"] == [7 + 2 * MAX_PATHS]
    assert [severity for _, severity, rule, _ in problems if rule == "paths-capped"] == ["info"]


def test_no_notice_when_every_path_is_listed(proj):
    problems = found(proj, proj / "scripts_src" / "branches.yaml")
    assert not [p for p in problems if p[2] == "paths-capped"]


def random_steps(rng: random.Random, depth: int) -> list:
    steps: list = []
    for _ in range(rng.randint(0, 3)):
        kind = rng.random()
        if kind < 0.3 and depth < 3:
            steps.append(m.Branch({f"c{i}": random_steps(rng, depth + 1) for i in range(rng.randint(2, 3))}))
        elif kind < 0.45:
            steps.append(m.Close([m.Turn("say")]))
        else:
            steps.append(m.Turn("say"))
    return steps


def test_counting_paths_agrees_with_listing_them():
    rng = random.Random(17)
    for _ in range(300):
        steps = random_steps(rng, 0)
        listed = expand(steps, "", [])
        going, ended = count(steps)
        if len(listed) < MAX_PATHS:
            assert (going, ended) == (sum(not e for *_, e in listed), sum(e for *_, e in listed))
        call = Call(None, None, [], None, steps, {"a": [], "b": []})  # type: ignore[arg-type]
        if len(call.paths()) < MAX_PATHS:
            assert call.path_count() == len(call.paths())
