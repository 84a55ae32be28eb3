"""Properties: a planted phrase in any variant is found at its line and column; no text crashes the linter."""

from __future__ import annotations

import functools
from pathlib import Path

from huifang.lint import freeform
from huifang.lint.config import LintConfig
from huifang.lint.engine import Engine, finish
from huifang.lint.fix import plan
from huifang.project import load_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.lint.conftest import PROJ

PHRASES = ["你自己想办法吧", "我们从没这种事", "你明天再打来"]
SEPARATORS = [" ", "\u3000", "，", "、", "!", "．", "*", "…", "-"]
LABELS = ["", "客服：", "坐席: ", "回访员：", "A：", "A:", "- 客服：", "> ", "1. "]


@functools.lru_cache(maxsize=1)
def engine():
    loaded = load_project(PROJ, scripts=[])
    project = loaded.project
    used = set(
        "".join(
            p.phrase.value + "".join(v.value for v in p.variants) + "".join(p.exceptions) for p in project.forbidden
        )
    )
    alphabet = [
        c
        for c in "的是在了和有大这主中人上为地个用工时要动国产以到会作分生对于学下级就年义发成部民可出能"
        "方进同行面说种过度而多子后社加小机也经力线本电高量长得实家定深法表着水理化争现所二起三好十"
        if c not in used
    ]
    return Engine(project, LintConfig()), project, alphabet


def t2s_inverse(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


@st.composite
def planted(draw):
    _, _, alphabet = engine()
    phrase = draw(st.sampled_from(PHRASES))
    chars = list(phrase)
    if draw(st.booleans()):
        chars = list(t2s_inverse(phrase))
    written = chars[0]
    for ch in chars[1:]:
        written += draw(st.sampled_from(["", "", *SEPARATORS])) + ch
    if draw(st.booleans()):  # full-width letters around the phrase
        written = "ＡＢ" + written
        shift = 2
    else:
        shift = 0
    filler = st.text(alphabet=alphabet, max_size=12)
    before = [draw(filler) for _ in range(draw(st.integers(0, 4)))]
    label = draw(st.sampled_from(LABELS))
    # a short unlabelled line ending in 时 names a situation (「…没办法满足客户要求时」, lint/whose.py): a heading,
    # not words said, so the words after the phrase never end in it
    tail = st.text(alphabet=[c for c in alphabet if c != "时"], max_size=12)
    prefix, suffix = draw(filler), draw(tail)
    lines = [f"客服：{x}" for x in before] + [label + prefix + written + suffix]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines) + newline, len(lines), len(label) + len(prefix) + shift + 1, written


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(planted())
def test_planted_phrase_found_at_its_place(case):
    text, line, column, written = case
    eng, project, _ = engine()
    view = freeform.view(text, "x.txt", project.orgs.get("anxin"))
    found = [p for p in eng.lint_view(view) if p.rule == "forbidden-phrase"]
    assert [(p.line, p.column) for p in found] == [(line, column)], (text, written)
    p = found[0]
    assert p.end_line == line and p.end_column - p.column >= len(written.lstrip("ＡＢ").strip()) - 0


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(["x.txt", "x.md"]))
def test_linter_never_crashes(text, name):
    eng, project, _ = engine()
    eng.ctx.sources[name] = text
    view = freeform.view(text, name, project.orgs.get("anxin"))
    problems = finish(eng.lint_view(view), eng.ctx.sources, eng.ctx.config)
    for p in problems:
        assert p.line >= 1 and p.column >= 1 and "\n" not in p.message
    edits = plan(problems, {name: Path(name)}, eng.ctx.sources, {})
    assert all(e.before == text for e in edits)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "客服：",
                "客户：",
                "# ",
                "```",
                "- ",
                "<!--",
                "-->",
                "---",
                "你自己想办法吧",
                "您好",
                "再见",
                "{公司}",
                "{",
                "}",
                "13812345678",
                "\r",
                "\n",
                "　",
                "？",
            ]
        ),
        max_size=40,
    )
)
def test_linter_never_crashes_on_structure(parts):
    test_linter_never_crashes.hypothesis.inner_test("".join(parts), "y.md")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "客服：",
                "客户：",
                "**客服**：",
                "A:",
                "Ｂ：",
                "回访员 ：",
                "客",
                "# ",
                "- ",
                "1. ",
                "【坐席】",
                "引导员：",
                "例如：",
                "问：",
                "答:",
                "10:30",
                "（2）",
                "２、",
                "> ",
                "---",
                "你好？",
                "\t",
                " ",
                "　",
                "\r",
                "\n",
                "\n",
            ]
        ),
        max_size=40,
    )
)
def test_line_reading_agrees_with_reading_whole(parts):
    # Files without block structure are read line by line with remembered lines (Reader); the
    # same file read whole must give the same utterances, speakers and unknown labels.
    text = "".join(parts)
    if freeform.has_blocks(text):
        return
    reader = freeform.Reader()
    reader.views([("引导员：您好\n", "warm.md")])  # lines remembered from another file must not leak
    view = reader.view(text, "x.md")
    unknown: dict = {}
    whole = freeform.read_whole(text, "x.md", unknown=unknown)
    fast = view.paths[0][1] if view.whole is None else view.whole  # split by branch markers (A：/B：): every turn
    assert [(u.line, u.col, u.base, u.speaker, u.ask, u.text) for u in fast] == [
        (u.line, u.col, u.base, u.speaker, u.ask, u.text) for u in whole
    ]
    assert {k: v.line for k, v in view.unknown_speakers.items()} == {k: v.line for k, v in unknown.items()}
    lines = text.split("\n")
    for u in fast:
        if u.origin is None:
            assert text[u.base : u.base + len(u.text)] == u.text
        else:  # rendered (a comment or tag removed): each character still points into its line
            assert all(
                line == u.line and lines[line - 1][col - 1] == ch or ch not in lines[line - 1]
                for ch, (line, col) in zip(u.text, u.origin.places)
            )
