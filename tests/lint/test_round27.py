"""Round 27 (bench/README.md "Round 27"): thanks said back — an acknowledgment and a bare thanks at a turn's end
(「好的，谢谢了！」, 「噢，那好，谢谢啊」) — is the words of the one who was helped, not the agent's closing thanks
(lint/standards.py `_thanked_back`). In a transcript without speaker labels that line is read as the agent's last
turn; main took its 谢谢 for the closing, so a call whose agent never thanked got no warning.

Every text here is made up: the shapes read, and the agent's own thanks they must leave alone.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

CALL = "您好，这里是青川供水公司，我是客服小王，请问有什么可以帮您？\n我家停水了。\n明天上午十点前恢复供水。\n"

THANKED_BACK = [
    "好的，谢谢了！",
    "噢，那好，谢谢啊",
    "好的好的，谢谢老师哈！",
    "嗯，知道了，多谢。",
    "行，谢谢",
    "明白了，感谢！",
]

AGENTS_THANKS = [
    "好的，谢谢您！",  # 您: said to the customer
    "好的，感谢您的来电，再见！",
    "谢谢！",  # a bare thanks with no acknowledgment before it
    "好的，谢谢您的耐心等待和支持。",
    "您的问题已记录。好的，谢谢您的配合！",
]


def _closing_warning(root, text: str) -> str:
    found = lint_text(root, "r27.txt", text, "missing-closing")
    return " ".join(p.message for p in found)


@pytest.mark.parametrize("line", THANKED_BACK)
def test_thanks_said_back_is_no_closing_thanks(shipped, line):
    assert "致谢" in _closing_warning(shipped, CALL + line + "\n")


@pytest.mark.parametrize("line", AGENTS_THANKS)
def test_the_agents_thanks_stays_a_closing(shipped, line):
    assert "致谢" not in _closing_warning(shipped, CALL + line + "\n")


def test_the_agents_thanks_before_the_customers_still_counts(shipped):
    text = CALL + "感谢您的来电，祝您生活愉快，再见！\n好的，谢谢了！\n"
    assert "致谢" not in _closing_warning(shipped, text)
