"""Round 44 (bench/README.md "Round 44"): pinyin readings inside words, and the speaker's own form of address.

A Traditional news site puts a character's reading in brackets right after it (「有事請(qǐng)講」, 「××學(xué)校」): the reading is
taken out before the file is read (lint/readings.py), so the words are read as said, and every finding is placed
where its characters are in the file as written (columns, ends and fixes). 「我是××學校的李老師」 is the speaker naming
themself, not the customer's name confirmed. Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.conftest import huifang
from tests.lint.conftest import found, greeting_messages, lint_text

INBOUND = "<!-- huifang: kind=inbound -->\n"


def test_a_need_asked_with_a_reading_inside(shipped):
    # fails on main 666c26c3: the reading breaks 请讲
    text = (
        INBOUND
        + "客服：您好，安和市燃氣熱線，有事請(qǐng)講。\n客户：我家燃氣表壞了。\n客服：好的，我們馬上安排，再見。\n"
    )
    assert "询问需求" not in greeting_messages(shipped, text, "r44.txt")


def test_a_name_with_a_reading_inside(shipped):
    # fails on main 666c26c3: 安和學(xué)校 is no name there
    text = "客服：您好，我是安和學(xué)校的招生老師(shī)李明，請問您是王同學的家長嗎？\n"
    assert "报公司名称" not in greeting_messages(shipped, text, "r44.txt")


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # the speaker's own title (each fails on main 666c26c3)
        ("您好，我是××学校的李老师，马上要放寒假了。", {"gongsi"}, {"queren-shenfen"}),
        ("您好，我是李老师，想跟您说一下孩子的成绩。", set(), {"queren-shenfen"}),
        # left alone: the customer called by name (passes on main too)
        ("您好，李老师，我是安和书店的客服。", {"queren-shenfen"}, set()),
        ("您好，我是安和物业的客服，请问是王先生吗？", {"queren-shenfen", "gongsi"}, set()),
    ],
)
def test_the_speakers_own_title(project, text, present, absent):
    got = found(project, text)
    assert present <= got and not (absent & got), got


def test_a_phrase_with_a_reading_inside_is_found_where_it_is_written(proj):
    # fails on main 666c26c3: no finding (the reading breaks the phrase)
    (hit,) = lint_text(proj, "p.txt", "客服：你自(zì)己想办法吧！\n", "forbidden-phrase")
    assert (hit.line, hit.column, hit.end_line, hit.end_column) == (1, 4, 1, 15)  # 你 … 吧 as written


def test_a_phrase_after_readings_keeps_its_column(proj):
    # the same place on main: the columns counted in the file as written, readings included
    (hit,) = lint_text(proj, "q.txt", "客服：這(zhè)件事(shì)你自己想办法吧，我們不管。\n", "forbidden-phrase")
    assert (hit.line, hit.column, hit.end_line, hit.end_column) == (1, 17, 1, 24)


def test_a_fix_keeps_the_readings_it_does_not_replace(proj):
    path = proj / "scripts_src" / "f.md"
    path.write_bytes("# 标题\n\n- 客服：這(zhè)樣。不可能！我们从没这种事！\n- 客服：您好(hǎo)。\n".encode())
    huifang("lint", "--project", proj, "--fix", path)
    assert path.read_text(encoding="utf-8") == (
        "# 标题\n\n- 客服：這(zhè)樣。很抱歉给您带来不便，您能描述一下当时的具体情况吗？\n- 客服：您好(hǎo)。\n"
    )


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("有事請(qǐng)講", "有事請講"),
        ("××學（xué）校", "××學校"),  # full-width brackets
        ("嗯(ǹg)，好", "嗯，好"),
        ("綠(lǜ)色", "綠色"),
        # left as written: no tone mark, no syllable, not after a Han character, more than one syllable
        ("信用卡（Debit）", "信用卡（Debit）"),
        ("咖啡(café)", "咖啡(café)"),
        ("們(men)", "們(men)"),
        ("請 (qǐng)講", "請 (qǐng)講"),
        ("請講(qǐngjiǎng)", "請講(qǐngjiǎng)"),
        ("", ""),
    ],
)
def test_what_a_reading_is(text, read):
    from huifang.lint.readings import strip

    assert strip(text)[0] == read


def test_no_reading_gives_back_the_text_itself():
    from huifang.lint.readings import strip

    text = "您好，这里是安和物业。"
    assert strip(text) == (text, None)
