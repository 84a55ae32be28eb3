""".md is linted as a reader sees it rendered; .txt is plain text, every line as written."""

from __future__ import annotations

import pytest
from huifang.lint.rendered import render

from tests.lint.conftest import lint_text

RULE = "forbidden-phrase"


def spans(proj, name, text):
    return [(p.line, p.column, p.end_line, p.end_column) for p in lint_text(proj, name, text, RULE)]


@pytest.mark.parametrize(
    "written",
    [
        "你自己想&#21150;法吧",  # decimal reference: 8 characters shown as one
        "你自己想&#x529E;法吧",  # hex reference
        "你自己&nbsp;想办法吧",  # named reference (a space)
        "你自己<b>想</b>办法吧",  # inline tags
        '你自己<span class="x"></span>想办法吧',
        "你自己<!-- 注释 -->想办法吧",  # a comment inside
        "你自己<br/>想办法吧",
        "你自己\\*想办法吧",  # backslash escape
    ],
)
def test_markup_inside_a_phrase_is_read_rendered(proj, written):
    # The finding spans the phrase as written: from 你 (column 4, after 客服：) to 吧.
    assert spans(proj, "m.md", f"客服：{written}。\n") == [(1, 4, 1, 4 + len(written))]


def test_the_same_markup_in_txt_is_plain_text(proj):
    # In a .txt file `&#21150;` is eight characters a reader sees as written: no phrase.
    assert spans(proj, "m.txt", "客服：你自己想&#21150;法吧。\n") == []
    assert spans(proj, "m.txt", "客服：你自己<!-- x -->想办法吧。\n") == []


def test_code_spans_show_as_written(proj):
    assert spans(proj, "m.md", "客服：`你自己想&#21150;法吧` 是代码。\n") == []
    assert render("a `&#21150;` &#21150;") == ("a `&#21150;` 办", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])


def test_unknown_references_and_lone_brackets_stay(proj):
    assert render("你&bogus;好 < 3 & 4") is None
    assert render("a&#0;b") == ("a\ufffdb", [0, 1, 5])


def test_soft_line_break_joins_a_paragraph(proj):
    assert spans(proj, "s.md", "客服：好的，你自己\n想办法吧。\n") == [(1, 7, 2, 5)]
    assert spans(proj, "s.md", "客服：好的，你自己想&#21150;\n法吧。\n") == [(1, 7, 2, 3)]


@pytest.mark.parametrize(
    "text",
    [
        "客服：好的，你自己\n\n想办法吧。\n",  # a blank line: two paragraphs
        "客服：好的，你自己\n客服：想办法吧。\n",  # a new speaker label: a new turn
        "客服：好的，你自己\n- 想办法吧。\n",  # a list item starts a new block
        "客户：好的，你自己\n想办法吧。\n",  # the customer's words
    ],
)
def test_no_join_across_blocks_or_turns(proj, text):
    assert spans(proj, "s.md", text) == []


def test_table_cells_are_read(proj):
    table = "| 角色 | 话术 |\n| :--- | ---: |\n| 客服 | 你自己想办法吧 |\n| 客户 | 你自己想办法吧 |\n"
    assert spans(proj, "t.md", table) == [(3, 8, 3, 15)]  # the customer's row is not the agent's fault
    assert spans(proj, "t.md", "| 你自己想办法吧 | 其他 |\n") == [(1, 3, 1, 10)]


def test_txt_has_no_markdown_structure(proj):
    assert spans(proj, "h.txt", "# 你自己想办法吧\n") == [(1, 3, 1, 10)]
    assert spans(proj, "h.txt", "你自己想办法吧\n===\n") == [(1, 1, 1, 8)]
    assert spans(proj, "h.txt", "```\n你自己想办法吧\n```\n") == [(2, 1, 2, 8)]
    # …while in Markdown these are a heading, a setext heading and code.
    assert spans(proj, "h.md", "# 你自己想办法吧\n") == []
    assert spans(proj, "h.md", "你自己想办法吧\n===\n") == []
    assert spans(proj, "h.md", "```\n你自己想办法吧\n```\n") == []


def test_same_line_in_md_and_txt_in_one_run(proj):
    # Lines are remembered per kind: a .txt line read first must not decide how the .md line reads.
    from huifang.lint.api import lint_paths

    src = proj / "scripts_src"
    (src / "a.txt").write_text("客服：你自己想&#21150;法吧。\n# 你自己想办法吧\n", encoding="utf-8")
    (src / "b.md").write_text("客服：你自己想&#21150;法吧。\n# 你自己想办法吧\n", encoding="utf-8")
    found = [(p.path, p.line) for p in lint_paths(proj, [src / "a.txt", src / "b.md"]).problems if p.rule == RULE]
    assert found == [("scripts_src/a.txt", 2), ("scripts_src/b.md", 1)]
