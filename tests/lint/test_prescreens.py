"""Whole-file pre-screens and batched work on free-form files: they skip work, never findings."""

from __future__ import annotations

import os

import pytest
from huifang.lint.api import lint_paths
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import huifang
from tests.lint.conftest import lint_text

OPEN = "客服：您好，我是安心物业客服小李，请问是王先生吗？现在方便接电话吗？\n"
CLOSE = "客服：非常感谢您的支持，祝您生活愉快，再见！\n"


def test_phrase_only_on_the_lines_the_prescreen_marks(proj):
    text = OPEN + "客服：这件事\n客服：我们从没这种事。\n客户：不可能！\n客服：不 可 能！\n" + CLOSE
    found = lint_text(proj, "p.txt", text, "forbidden-phrase")
    assert [(p.line, p.column) for p in found] == [(3, 4), (5, 4)]


def test_phrase_split_over_two_lines_is_not_one_phrase(proj):
    text = OPEN + "客服：你自己想\n客服：办法吧。\n" + CLOSE
    assert lint_text(proj, "split.txt", text, "forbidden-phrase") == []


def test_duplicate_question_batched_normalisation(proj):
    text = OPEN + "客服：请问您对维修服务满意吗？\n客户：还行。\n- 客服：请问，您对 維修服務 满意吗?\n" + CLOSE
    found = lint_text(proj, "dup.md", text, "duplicate-question")
    assert [(p.line, p.message) for p in found] == [(4, "重复提问：这个问题已在第 2 行问过")]


def test_symlinked_folder_out_of_the_project_is_refused(proj, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.txt").write_text(OPEN + CLOSE, encoding="utf-8")
    os.symlink(outside, proj / "scripts_src" / "linked")
    run = huifang("lint", "--project", proj, proj / "scripts_src" / "linked" / "a.txt")
    # refused as a finding of that file (one bad file never stops the others)
    assert run.returncode == 1 and "scripts_src/linked/a.txt:1:1: 错误 check 符号链接指向项目之外" in run.stdout


def test_worker_processes_give_the_same_findings(proj, monkeypatch):
    folder = proj / "scripts_src" / "many"
    folder.mkdir()
    for i in range(450):  # read in worker processes (HUIFANG_JOBS=2 below)
        body = ["客服：请问您满意吗？\n", "客服：不可能！\n", "客服：我的手机 13812345678\n", "客服：{公司名}\n"][i % 4]
        (folder / f"s{i:03d}.{'md' if i % 2 else 'txt'}").write_text(OPEN + body + CLOSE, encoding="utf-8")
    monkeypatch.setenv("HUIFANG_JOBS", "1")
    one = lint_paths(proj, [folder]).problems
    monkeypatch.setenv("HUIFANG_JOBS", "2")
    two = lint_paths(proj, [folder]).problems
    assert one == two and {p.rule for p in one} >= {"forbidden-phrase", "personal-data", "unknown-placeholder"}


TEXTS = st.lists(
    st.sampled_from(
        [
            "客服：",
            "客户：",
            "**客服**：",
            "A:",
            "Ｂ：",
            "# ",
            "```",
            "- ",
            "1. ",
            "> ",
            "<!--",
            "-->",
            "---",
            "===",
            "你自己想办法吧",
            "你 自 己 想 辦 法",
            "您好",
            "再见",
            "請問您滿意嗎？",
            "{公司}",
            "13812345678",
            "# huifang: disable=forbidden-phrase",
            "\t",
            "　",
            "\r",
            "\n",
            "\n",
            "\n",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_lines_read_once_give_what_reading_each_file_whole_gives(texts):
    # Reader remembers each distinct line (folded, normalised, phrase-screened) across files; the
    # result must be what folding and screening every file whole gives, whatever it has seen before.
    from huifang.lint import freeform
    from huifang.lint.normalize import drop_in_lines, fold

    matcher = _matcher()
    reader = freeform.Reader(matcher)
    for round_ in range(2):  # cold, then every line already known
        views = reader.views([(t, f"f{i}.md") for i, t in enumerate(texts)])
        for i, (text, view) in enumerate(zip(texts, views)):
            folded = fold(text)
            whole = freeform.read_whole(text, f"f{i}.md", folded)
            # every turn in file order: a file whose markers make branches (「再见客服：」 then 「客服：再见」,
            # two labelled endings) has several paths, and its first path skips the other branches
            got = view.whole if view.whole is not None else view.paths[0][1]
            assert [_fields(u) for u in got] == [_fields(u) for u in whole], (round_, text)
            # CR-only line ends are line ends (freeform.lone_cr keeps every offset)
            screened = {u.line for u in whole} & matcher.lines(drop_in_lines(freeform.lone_cr(folded)))
            # A phrase over a soft line break is screened on the first of its two lines.
            fresh = freeform.Reader(matcher).view(text, f"f{i}.md")
            joined = {u.line for u in fresh.extras if u.kind == freeform.SOFT_BREAK}
            assert [_fields(u) for u in view.extras] == [_fields(u) for u in fresh.extras]
            assert {u.line for u in got} & view.phrase_lines == screened | joined


def _fields(u):
    return (u.text, u.speaker, u.line, u.col, u.base, u.ask, u.folded, u.normalized)


def _matcher():
    from huifang.lint.matcher import PhraseMatcher
    from huifang.project import load_project

    from tests.lint.conftest import PROJ

    return PhraseMatcher(load_project(PROJ, scripts=[]).project.forbidden)


def test_reader_forgets_between_batches_and_skips_long_lines(monkeypatch):
    from huifang.lint import freeform

    monkeypatch.setattr(freeform.Reader, "LIMIT", 40)
    monkeypatch.setattr(freeform.Reader, "LONGEST", 30)
    reader = freeform.Reader(_matcher())
    long_line = "客服：" + "请问您对维修服务满意吗" * 4 + "？"
    texts = [
        OPEN + CLOSE,
        OPEN + "客服：你自己想办法吧。\n" + long_line + "\n" + CLOSE,
        OPEN + long_line + "\n" + CLOSE,
    ]
    fresh = [freeform.Reader(_matcher()).view(t, "x.md") for t in texts]
    for _ in range(3):  # remembered, forgotten when over LIMIT, learnt again
        for text, expected in zip(texts, fresh):
            got = reader.views([(text, "x.md"), (OPEN + CLOSE, "y.md")])[0]
            assert [_fields(u) for u in got.paths[0][1]] == [_fields(u) for u in expected.paths[0][1]]
            assert got.phrase_lines == expected.phrase_lines
    assert all(len(line) <= 30 for line in reader.known)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="这种事我们从没来有过\n，不可能", max_size=12), max_size=5),
    st.sampled_from([["这种事"], ["从没", "从来没"], ["这种事", "a\nb"], [""]]),
)
def test_word_order_prescreen_of_joined_texts_is_the_prescreen_of_each(texts, first):
    from huifang import model as m
    from huifang.lint.wordorder import WordOrder

    order = WordOrder([m.ForbiddenPhrase("p", m.Text("p"), "", "", "f.yaml", any_order=(tuple(first), ("x",)))])
    assert order.maybe_any(texts) == any(order.maybe(t) for t in texts)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="你自己想办法吧不可能", min_size=1, max_size=5), min_size=1, max_size=4),
    st.text(alphabet="你自己想办法吧不可能好", max_size=8),
    st.text(alphabet="你自己想办法吧不可能好", max_size=8),
)
def test_a_line_whose_end_starts_no_phrase_has_none_over_the_break(phrases, first, second):
    # The soft-break screen skips a pair of lines when the first one's end starts no phrase (open_end).
    from huifang import model as m
    from huifang.lint.matcher import PhraseMatcher

    matcher = PhraseMatcher([m.ForbiddenPhrase(f"p{i}", m.Text(p), "", "", "f.yaml") for i, p in enumerate(phrases)])
    over = any(h.start < len(first) < h.end for h in matcher.find(first + second, first + second))
    assert not over or matcher.open_end(first)


def test_setext_underline_below_an_unknown_label_line_is_not_read_past_the_end():
    # Found by hypothesis: the underline removed the line above, whose unknown label was still remembered.
    from huifang.lint import freeform
    from huifang.lint.normalize import fold

    text = "===客服：客服：\r==="
    assert freeform.read_whole(text, "f.md", fold(text)) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["", "a", "b", "yes", "y", "ya", "no"]), max_size=6), max_size=8))
def test_any_line_answers_as_asking_every_line(runs):
    """lint.anyline.any_line (the per-line pre-screens' remembered answers, looked up in one pass) gives
    what testing each line gives, however the answers were remembered by earlier files."""
    from huifang.lint.anyline import any_line

    seen: dict[str, bool] = {}
    for texts in runs:
        assert any_line(texts, seen, lambda text: text.startswith("y")) == any(t.startswith("y") for t in texts)
        assert all(seen[t] == t.startswith("y") for t in seen)


MARKED = st.lists(
    st.sampled_from(
        [
            "客服：",
            "客户：",
            "**客服**：",
            "讲解员：",
            "A:",
            "# ",
            "- ",
            "> ",
            "|客服|",
            "你自己想办法吧",
            "这种事我们从来没有过",
            "这種情況",
            "从没",
            "您好",
            "再见",
            "结束语：",
            "结束通话时",
            "身份证号",
            "證件號",
            "13812345678",
            "工号９５２７",
            "类型：来电",
            "kind: face",
            "如不方便，",
            "“",
            "或",
            "。或说：“",
            "！/",
            "”",
            "B.",
            "情况二：",
            "如客户满意：",
            "方便：",
            "2、",
            "（1）",
            " ",
            "实习生：您好，我是客服小王",
            "\r",
            "\n",
            "\n",
            "\n",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(MARKED, min_size=1, max_size=4))
def test_line_marks_skip_work_never_findings(texts):
    """The pre-screens read from the reader's line marks (lint/linemarks.py) let through whatever the
    pre-screens that ask each line and turn let through: the same findings, cold and with every line known."""
    same_with_and_without_marks(texts)


@pytest.mark.parametrize(
    "text",
    [
        "1. 对于来电者说：“您好！这里是安心物业，我是客服小李”\n2. 节日问候时说：“您好！祝您节日快乐！我是安心物业客服小李”\n"
        "客服：请问您对维修服务满意吗？\n客服：感谢您的支持，再见！\n",
        "正式员工：您好，我是安心物业客服小李，工号1234\n实习生：您好，我是安心物业的小王\n客服：请问您满意吗？\n客服：再见！\n",
        "客服：您好，我是安心物业客服小李\nA. 方便：好的，请问您对维修服务满意吗？\nB. 不方便：好的，不打扰了，再见\n",
        "客服：您好，我是安心物业客服小李，请问您现在方便吗？如不方便，我们改天再联系您，再见\n客服：请问您满意吗？\n",
        "客服：您好，我是安心物业客服小李\n客服：请问您满意吗？\n客服：“感谢您的支持，再见。”或说：“祝您生活愉快，再见！”\n",
        # headings that mark branches (two of them), and a title heading (one '#') beside marked lines
        "# 回访话术\n客服：您好，我是安心物业客服小李\n## 方便\n客服：请问您满意吗？\n## 不方便\n客服：好的，再见\n",
        "# 回访话术 3\n客服：您好，我是安心物业客服小李\nA. 方便：请问您满意吗？\nB. 不方便：好的，不打扰了，再见\n",
    ],
)
def test_line_marks_on_branches_and_alternative_openings(text):
    assert same_with_and_without_marks([text, text.replace("客服：", "- 客服：")]) > 0


def same_with_and_without_marks(texts: list[str]) -> int:
    """Lint the texts (alternately .txt and .md) with the reader's line marks and without; the findings."""
    from huifang.lint.branches import _wordings
    from huifang.lint.config import LintConfig
    from huifang.lint.engine import Engine
    from huifang.lint.freeform import Reader, declared_kind, lone_cr
    from huifang.lint.linemarks import ALTERNATIVES, CLOSING, PERSONAL, REORDERED
    from huifang.lint.rules import forbidden_phrase, personal_data
    from huifang.lint.standards import _where
    from huifang.project import load_project

    from tests.lint.conftest import PROJ

    project = load_project(PROJ, scripts=[]).project
    marked, asked = Engine(project, LintConfig()), Engine(project, LintConfig())
    asked.ctx._reader = Reader(asked.ctx.matcher, asked.ctx.config.speakers)  # no line tests: no marks
    order = forbidden_phrase._word_order(marked.ctx)
    files = [(t, f"f{i}.{'md' if i % 2 else 'txt'}") for i, t in enumerate(texts)]
    found = 0
    for _ in range(2):
        for view, plain in zip(marked.ctx.reader.views(files), asked.ctx.reader.views(files)):
            assert plain.marks is None
            problems = marked.lint_view(view)
            assert problems == asked.lint_view(plain), view.text
            assert [label for label, _ in view.paths] == [label for label, _ in plain.paths]
            found += len(problems)
            if view.marks is None:
                continue
            lines = lone_cr(view.text).split("\n")
            assert declared_kind(view.text, lines, view.marks) == declared_kind(view.text, lines)
            if any(personal_data.may_hold(line) for line in lines):
                assert view.marks & PERSONAL
            if any(order.maybe(u.folded) for u in view.utterances() if u.agent):
                assert view.marks & REORDERED
            if any(_where(u.folded) for _, turns in view.paths for u in turns if u.agent):
                assert view.marks & CLOSING
            if any(_wordings(u) for _, turns in view.paths for u in turns if u.agent):
                assert view.marks & ALTERNATIVES
    return found


def test_utterances_the_reader_makes_are_those_init_makes():
    """freeform.Reader._turns sets an utterance's fields itself (a third of the time of calling __init__):
    every field is set, as Utterance(...) sets it."""
    from huifang.lint import freeform
    from huifang.lint.utterance import Utterance

    text = OPEN + "| 客服 | 您好 |\n- **客服**：请问您*满意*吗？\n客户：满意\n" + CLOSE
    for name in ("x.md", "x.txt"):
        view = freeform.Reader(_matcher()).view(text, name)
        made = view.paths[0][1] + view.extras
        assert len(made) >= 5 and any(u.kind == freeform.CELL for u in made) == name.endswith(".md")
        for u in made:
            again = Utterance(
                u.text, u.speaker, u.file, u.line, u.col, u.base, u.origin, u.ask, None, u.kind, u.folded, u.normalized
            )
            assert [getattr(u, slot) for slot in Utterance.__slots__] == [
                getattr(again, slot) for slot in Utterance.__slots__
            ]
