"""A phrase repeated many times on one line costs what the same text costs split over many lines."""

from __future__ import annotations

import time

from huifang.lint.api import lint_paths

REPEATS = 8000
PHRASE = "你自己想办法，"


def timed_lint(root, path):
    started = time.perf_counter()
    problems = lint_paths(root, [path]).problems
    return time.perf_counter() - started, problems


def test_one_long_line_is_not_slower_than_the_same_text_over_many_lines(proj):
    one = proj / "scripts_src" / "one.txt"
    many = proj / "scripts_src" / "many.txt"
    one.write_text("客服：" + PHRASE * REPEATS + "\n", encoding="utf-8")
    many.write_text(("客服：" + PHRASE + "\n") * REPEATS, encoding="utf-8")
    timed_lint(proj, many)  # warm: content cache, phrase automaton, OpenCC
    many_s, many_found = timed_lint(proj, many)
    one_s, one_found = timed_lint(proj, one)
    assert len([p for p in many_found if p.rule == "forbidden-phrase"]) == REPEATS
    # Quadratic matching took 5 s here against 1 s for the split text; linear, and bounded per line, it
    # takes a fraction of it.
    assert one_s < 2 * many_s + 0.05, (one_s, many_s)


def test_findings_per_line_are_bounded_and_the_rest_counted(proj):
    from huifang.lint.rules.forbidden_phrase import PER_LINE

    one = proj / "scripts_src" / "one.txt"
    one.write_text("客服：" + PHRASE * (PER_LINE + 7) + "\n", encoding="utf-8")
    problems = lint_paths(proj, [one]).problems
    problems = [p for p in problems if p.rule == "forbidden-phrase"]
    errors = [p for p in problems if p.severity == "error"]
    notes = [p for p in problems if p.severity == "info"]
    assert len(errors) == PER_LINE
    assert len(notes) == 1 and "还有 7 处忌语未逐一列出" in notes[0].message
    assert notes[0].column == 4 + PER_LINE * len(PHRASE)


def test_exception_far_before_a_hit_does_not_excuse_it(proj):
    # 「不可能再发生」 excuses 不可能 only where it covers it; the search for it is bounded to the hit.
    text = "客服：" + "不可能再发生，" * 300 + "不可能！\n"
    problems = lint_paths(proj, [_write(proj, "far.txt", text)]).problems
    assert [(p.line, p.column) for p in problems if p.rule == "forbidden-phrase"] == [(1, 4 + 300 * 7)]


def _write(proj, name, text):
    path = proj / "scripts_src" / name
    path.write_text(text, encoding="utf-8")
    return path
