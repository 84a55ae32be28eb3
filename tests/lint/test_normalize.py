"""Forbidden phrases are found however they are written, and only where the agent says them."""

from __future__ import annotations

import pytest
from huifang.lint.normalize import fold, kept, normalize

from tests.lint.conftest import lint_text

RULE = "forbidden-phrase"


# Columns count characters (a Han character is one); end columns are exclusive, as in SARIF.
@pytest.mark.parametrize(
    "line, col, end",
    [
        ("客服：你自己想办法吧", 4, 11),  # plain Simplified
        ("客服：妳自己想辦法吧", None, None),  # 妳 is not 你: not the phrase
        ("客服：你自己想辦法吧", 4, 11),  # Traditional 辦
        ("客服：你ａ自己想办法", None, None),  # a letter inside is not punctuation
        ("客服：你 自 己 想 办 法", 4, 15),  # spaces inside
        ("客服：你，自己。想办法！", 4, 12),  # punctuation inside
        ("客服：你\u3000自己想办法", 4, 11),  # ideographic space
        ("客服：**你自己**想办法", 6, 14),  # markdown emphasis inside
        ("客服：这种事你自己想办法去解决。", 7, 13),  # inside a longer sentence, no word boundary
        ("A: 你自己想办法", 4, 10),  # half-width label
    ],
)
def test_variants_found_at_the_written_place(proj, line, col, end):
    found = lint_text(proj, "v.txt", "客服：您好。\n" + line + "\n", RULE)
    if col is None:
        assert found == []
        return
    assert [(p.line, p.column, p.end_column) for p in found] == [(2, col, end)]


def test_full_width_phrase_letters_and_digits():
    assert normalize("ＡＢＣ１２３") == "abc123"
    assert fold("ＡＢＣ，") == "abc，"  # punctuation keeps its width: it is dropped before matching
    assert normalize("不可能！") == normalize("不 可 能 !") == "不可能"


def test_traditional_phrase_matches_simplified_text(proj):
    # The phrase list is Simplified; the text Traditional, with full-width punctuation.
    found = lint_text(proj, "t.md", "坐席：這種情況不可能，我們從沒這種事。\n", RULE)
    assert [(p.line, p.column) for p in found] == [(1, 8)]
    assert "不可能，我們從沒這種事" in found[0].message


def test_exception_context_is_not_reported(proj):
    assert lint_text(proj, "e.txt", "客服：请您放心，这种问题不可能再发生。\n", RULE) == []
    assert len(lint_text(proj, "e2.txt", "客服：这不可能。\n", RULE)) == 1


def test_customer_lines_are_not_checked(proj):
    text = "客户：不可能！你自己想办法吧！\nB：你自己想办法\nB: 你自己想办法\n"
    assert lint_text(proj, "c.txt", text, RULE) == []


def test_unlabelled_line_is_the_agent(proj):
    assert len(lint_text(proj, "u.txt", "你自己想办法吧\n", RULE)) == 1


def test_message_gives_reason_and_instead(proj):
    [p] = lint_text(proj, "m.txt", "客服：你自己想办法吧！\n", RULE)
    assert "推卸责任" in p.message and p.suggestion == "请您不要着急，我们一定给您解决好。"
    assert p.severity == "error"


def test_kept_maps_back():
    text = "a，b c"
    assert normalize(text) == "abc" and kept(text) == [0, 2, 4]


def test_phrase_severity_from_content(proj):
    [p] = lint_text(proj, "s.txt", "客服：她很忙。\n", RULE)
    assert p.severity == "warning"


def test_opencc_t2s_entries_keep_length_and_stay_on_one_line(tmp_path):
    # normalize.t2s folds a file as its lines, position for position (Reader remembers lines on
    # their own): true only while no t2s dictionary entry changes a length or spans a line break.
    import json
    import subprocess
    from pathlib import Path

    import opencc

    clib = Path(opencc.__file__).parent / "clib"
    config = json.loads((clib / "share" / "opencc" / "t2s.json").read_text(encoding="utf-8"))

    def files(node):
        if isinstance(node, dict):
            if node.get("type") == "ocd2":
                yield node["file"]
            for value in node.values():
                yield from files(value)
        elif isinstance(node, list):
            for value in node:
                yield from files(value)

    names = sorted(set(files(config)))
    assert "TSPhrases.ocd2" in names and "TSCharacters.ocd2" in names
    for name in names:
        out = tmp_path / (name + ".txt")
        subprocess.run(
            [
                str(clib / "bin" / "opencc_dict"),
                "-i",
                str(clib / "share" / "opencc" / name),
                "-o",
                str(out),
                "-f",
                "ocd2",
                "-t",
                "text",
            ],
            check=True,
            capture_output=True,
        )
        entries = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
        assert len(entries) > 400
        for key, values in entries:
            assert all(len(v) == len(key) for v in values.split(" ")), (name, key, values)
            assert "\n" not in key and "\r" not in key
