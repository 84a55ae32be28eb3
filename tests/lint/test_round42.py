"""Round 42 (bench/README.md "Round 42"): the need asked in a trade's own words.

An inbound or face-to-face opening asks what the caller needs not only with the general question (有什么可以帮您)
but in the words of the one service its line gives: whether the caller needs it (「请问需要救护车吗？」), the need
guessed and confirmed (「您家要修水管是吧？」), where to (a driver's 「去哪儿？」), or an invitation to say it
(「有事您说」). A message to pass on to someone else (「请问需要转告吗？」) asks no need. Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import found, greeting_messages

INBOUND = "<!-- huifang: kind=inbound -->\n"
FACE = "<!-- huifang: kind=face -->\n"


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # the line's one service asked about (each fails on main 37601ef)
        ("你好，安和市急救中心，请问需要救护车吗？", {"xuqiu"}, set()),
        ("您好，顺达快递，请问您要寄快递吗？", {"xuqiu"}, set()),
        # the need guessed and confirmed
        ("您好，我是物业维修员，您家要修水管是吧？", {"xuqiu"}, set()),
        ("您好，您这边是要换燃气表对吧？", {"xuqiu"}, set()),
        # where to
        ("去哪儿？", {"xuqiu"}, set()),
        ("您好，您去哪里？", {"xuqiu"}, set()),
        # an invitation to say it
        ("您好，安和市燃气热线，有事您说。", {"xuqiu"}, set()),
        # left alone: a message to pass on, help offered on a condition, a place asked in passing, a calming word
        ("他暂时不在，请问需要转告吗？", set(), {"xuqiu"}),
        ("如有需要请随时来电。", set(), {"xuqiu"}),
        ("您在哪里办理的？", set(), {"xuqiu"}),
        ("您别着急，慢慢说。", set(), {"xuqiu"}),
    ],
)
def test_need_in_a_trades_words(project, text, present, absent):
    got = found(project, text)
    assert present <= got and not (absent & got), got


def test_an_ambulance_lines_answer_asks_the_need(shipped):
    text = (
        INBOUND
        + "客服：你好，安和市急救中心，请问需要救护车吗？\n客户：需要，我家老人摔倒了。\n客服：好的，请说一下地址。再见。\n"
    )
    assert "询问需求" not in greeting_messages(shipped, text, "r42.txt")


def test_a_repair_visit_asks_the_need_as_a_guess(shipped):
    text = FACE + "“您好，我是物业维修员，您家要修水管是吧？我可以进来吗？”\n"
    assert "询问需求" not in greeting_messages(shipped, text, "r42.txt")
