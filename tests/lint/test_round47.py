"""Round 47 (bench/README.md "Round 47"): two more readings of whose words in a story of a call (lint/spoken.py).

47a — a news lede: a line that opens with a quote and goes straight on to the date (「“…”3月22日上午,在…」) is a story's,
so only the quoted words were said on the call; on main 7d92e98b such a story with no verb of speaking was read line by line,
and the narration's 感谢信 was the agent's closing thanks. 47b — thanks for the call (感谢您的来电, 感谢您再来电) is the words
of the side called: two stock lines quoted side by side (「“您好,很高兴为您服务!”“感谢您再来电。”」) were read as taking
turns, the thanks the caller's. Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import closing_messages

INBOUND = "<!-- huifang: kind=inbound -->\n"

LEDE = (
    "“你送来的锦旗我们收到了,挂在护士站最显眼的地方。”5月3日上午,青山医院护士长李华通过电话回访一位出院的患者,"
    "叮嘱她按时复查。\n出院当天,患者将亲手写的感谢信送到了护士站。\n"
)
STOCK_LINES = INBOUND + (
    "记者来到青山市民热线的话务大厅。\n“您好,很高兴为您服务!”“感谢您的来电。”这些话语,她们一天要说上百遍。\n"
)


def test_a_lede_story_is_read_in_its_quotes(shipped):
    assert "致谢" in closing_messages(shipped, LEDE, "r47.txt")


def test_thanks_for_the_call_is_the_agents(shipped):
    assert "致谢" not in closing_messages(shipped, STOCK_LINES, "r47.txt")


LEFT_ALONE = [
    # the caller's thanks right after the agent's answer, in the same sentence: the caller's (Round 38), as before
    INBOUND + "记者来到青山市民热线。\n“您好,这里是青山市民热线。您的水表明天就换。”“太好了,谢谢你们!”\n",
    # a quote, then the date, inside a script's line: the script's (its label says where the opening goes)
    "开场白：“您好，这里是青山物业。”3月2日起启用。\n结束语：“请问还有其他问题吗？”\n",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_left_alone(shipped, text):
    assert "致谢" in closing_messages(shipped, text, "r47.txt")
