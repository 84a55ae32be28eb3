"""Findings point at the character as written: CJK columns, block scalars, quotes, composed org text."""

from __future__ import annotations

from huifang.lint.api import lint_paths

from tests.lint.conftest import lint_text

RULE = "forbidden-phrase"


def found(proj, name):
    return [
        (p.line, p.column, p.end_line, p.end_column)
        for p in lint_paths(proj, [proj / "scripts_src" / name]).problems
        if p.rule == RULE
    ]


def test_yaml_plain_quoted_block_and_traditional(proj):
    # phrases.yaml: plain scalar line 6, double-quoted Traditional line 8, block scalar line 11, single-quoted 12
    assert found(proj, "phrases.yaml") == [(6, 5, 6, 16), (8, 15, 8, 26), (11, 5, 11, 18), (12, 9, 12, 15)]


def test_folded_block_scalar_and_escapes(proj):
    text = (
        "id: folded\ntitle: 折叠\norg: anxin\nsteps:\n  - >-\n    您好，这是折叠块。\n    那你自己想办法吧\n"
        '  - "\\u60a8好，你自己想办法吧"\n'
    )
    got = [(p.line, p.column, p.end_column) for p in lint_text(proj, "folded.yaml", text, RULE)]
    assert got == [(7, 6, 13), (8, 14, 21)]  # \u60a8 is six characters in the file


def test_composed_org_opening_points_at_org_yaml(proj):
    org = proj / "content" / "orgs" / "anxin.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace(
            "  - 您好！我是安心物业客服中心的回访专员。",
            "  - 您好！我是安心物业客服中心的回访专员，有事你自己想办法吧。",
        ),
        encoding="utf-8",
    )
    problems = [p for p in lint_paths(proj, [proj / "scripts_src" / "good.yaml"]).problems if p.rule == RULE]
    assert [(p.path, p.line, p.column, p.end_column) for p in problems] == [("content/orgs/anxin.yaml", 8, 26, 33)]


def test_bank_question_points_at_bank(proj):
    bank = proj / "content" / "questions" / "anxin.yaml"
    bank.write_text(
        bank.read_text(encoding="utf-8").replace(
            "text: 请问维修人员是否准时上门？", "text: 请问维修人员是否准时上门？不然你自己想办法。"
        ),
        encoding="utf-8",
    )
    problems = [p for p in lint_paths(proj, [proj / "scripts_src" / "good.yaml"]).problems if p.rule == RULE]
    assert [(p.path, p.line, p.column) for p in problems] == [("content/questions/anxin.yaml", 11, 26)]


def test_freeform_markdown_columns(proj):
    text = (
        "# 标题：你自己想办法吧\n\n> 客服：您好，你自己想办法吧\n\n- **客服**：你自己想办法吧\n"
        "   2) 坐席： 你自己想办法\n| 客服 | 你自己想办法吧 |\n<!-- 你自己想办法吧 -->\n"
    )
    got = [(p.line, p.column) for p in lint_text(proj, "cols.md", text, RULE)]
    assert got == [(3, 9), (5, 10), (6, 11), (7, 8)]  # a table cell is read too (test_markdown.py)


def test_crlf_and_bom(proj):
    text = "\ufeff客服：您好。\r\n客服：你自己想办法吧\r\n"
    assert [(p.line, p.column, p.end_column) for p in lint_text(proj, "crlf.txt", text, RULE)] == [(2, 4, 11)]


def test_front_matter_and_fences_are_not_speech(proj):
    text = "---\ntitle: 你自己想办法吧\n---\n~~~\n你自己想办法吧\n~~~\n标题\n===\n"
    assert lint_text(proj, "fm.md", text, RULE) == []
