"""Round 36 (bench/README.md "Round 36"): in a labelled dialogue, the unknown label the customer answers is the agent
(lint/answered.py).

A service standard written as a dialogue labels its staff with a word the tables do not know (服) and the guest with a
known customer label (客), and has two other staff members (库服, 前台: a known agent label) talk over the radio between
the lines. On main 2825647 the staff's greeting and identity check were nobody's (missing-greeting names 问候 and
确认客户身份); here they are the agent's. Left alone (as on main): the customer answering a known agent label, and an
unknown label answered once. Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

RADIO = (
    "地库服务流程:(现服:现场服务人员,库服:地库服务人员)\n"
    "服:(您好,是王先生吗?)\n"
    "客:是\n"
    "服:(您好,我是青山球会的球童,很高兴为您服务,球包交由我为您拿。)\n"
    "库服:收到请讲\n"
    "前台:收到请讲\n"
    "服:(您好,欢迎光临青山球会,请问是王先生吗?)\n"
    "客:是\n"
)


def _greeting(root, text: str) -> str:
    return " ".join(p.message for p in lint_text(root, "r36.txt", text, "missing-greeting"))


def test_the_label_the_customer_answers_is_the_agent(shipped):
    said = _greeting(shipped, RADIO)
    assert "问候" not in said and "确认客户身份" not in said


LEFT_ALONE = [
    # the customer answers the known label 客服: that one is the agent; 记者 stays nobody's
    "客服：你好。\n客户：你好。\n记者：您好，请问是王先生吗？\n客户：是。\n记者：您好，请问是王先生吗？\n客户：是。\n",
    # an unknown label answered once: a bystander may be; not enough to say
    "说明：以下为示例。\n服:(您好,是王先生吗?)\n客:是\n服:好的。\n服:再见。\n",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_others_are_read_as_before(shipped, text):
    assert "确认客户身份" in _greeting(shipped, text)


def test_whom_the_customer_answers():
    from huifang.lint.answered import _named

    unknown = {"服": None, "库服": None}
    assert _named("服:", unknown) == "服"
    assert _named("库服:", unknown) == "库服"
    assert _named("地库服:", unknown) == ""  # a letter before it: another word
    assert _named("", unknown) == ""
