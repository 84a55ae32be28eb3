"""Round 36b (bench/README.md "Round 36"): in a story of a call, after the quote that opens the call as the agent
does, the quotes that follow it with nothing between take turns (lint/turntaking.py, asked by lint/spoken.py).

On main d6c7510 the caller's thanks, a paragraph after the expert's answer, was the agent's closing (no 致谢 missing);
here it is the caller's. Left alone (as on main): a story in which no quote opens the call (nothing says whose turn it
is), and the agent's own thanks, a turn after the caller's. Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import closing_messages

THANKED = (
    "“您好!这里是青山农业服务热线,很高兴为您服务。”\n"
    "“喂,我是东山村的农民,想问一下,我家的鸡不下蛋了怎么办?”“您先看看饲料里钙够不够,再把鸡舍的灯开久一点……”\n"
    "“太谢谢了!我这就去试试。”\n"
    "这是记者日前在青山农业服务中心看到的一幕。\n"
)

LEFT_ALONE = [
    # the agent's thanks, a turn after the caller's question: the agent's
    "“您好!这里是青山农业服务热线,很高兴为您服务。”\n“喂,我家的鸡不下蛋了怎么办?”\n"
    "“您先看看饲料里钙够不够。感谢您的来电,再见!”\n这是记者日前在青山农业服务中心看到的一幕。\n",
    # no quote opens the call: every quote stays the agent's, as before
    "“检查燃气的。”他在门外说。\n“我没收到通知啊。”\n“感谢您的配合,再见!”\n这是记者日前在青山小区看到的一幕。\n",
]


def test_the_callers_thanks_is_not_the_agents(shipped):
    assert "致谢" in closing_messages(shipped, THANKED)


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_the_agents_thanks_stays(shipped, text):
    assert "致谢" not in closing_messages(shipped, text)


def test_whose_turn():
    from huifang.lint.turntaking import AGENT, OTHER, side

    assert side("您好!这里是青山农业服务热线,很高兴为您服务。", "", None, False) == AGENT
    assert side("喂,我是东山村的农民,想问一下…", "\n", AGENT, True) == OTHER
    assert side("您先看看饲料…", "", OTHER, True) == AGENT
    assert side("太谢谢了!", "\n", AGENT, True) == OTHER
    assert side("太谢谢了!", "”他笑着说。\n", AGENT, True) is None  # narration between: the turns stop
    assert side("喂,韩站长吗?我是朱楼村村民", "", None, False) is None  # a caller greets too
