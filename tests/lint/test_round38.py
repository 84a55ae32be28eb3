"""Round 38 (bench/README.md "Round 38"): whose words in a story of a call — a quote the narration attributes with a
verb of answering after it (「“…”李敏微笑回答」) makes the file a story, and a quote alone on its line right after the
agent's quote that the narration tells on its line (「…盖了章,“好了…”」 then 「“原来这么快啊,谢谢。”」) is the other
side's reply (lint/spoken.py).

On main 2a793a7 the story below was not read as one (after a quote only 说, 问, 道 attributed it), so every line was
the agent's and the customer's thanks the agent's closing (no 致谢 missing); read as a story but without the reply
reading, the thanks on its own line was still given to the agent. Left alone (as on main): the agent's thanks on its
own line after the customer's quote, and after a quote alone on its line. Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import closing_messages

ANSWERED = (
    "上午九点,青山市政务大厅的窗口前人来人往。\n"
    "“请问办理护照要带什么?”一位业主走上前来。\n"
    "“您好,这里是出入境窗口,带上身份证就可以了。”窗口的李敏微笑回答。\n"
    "李敏核对完材料后,在表上盖了章,“好了,您下周来取证件就行。”\n"
    "“原来这么快啊,谢谢。”\n"
)

LEFT_ALONE = [
    # the agent's thanks on its own line after the customer's quote: the agent's turn
    ANSWERED + "业主看完后说:“好的,没问题。”\n“感谢您的配合,再见!”\n",
    # a quote alone on its line after another alone on its line: nothing tells whose, the agent's as before
    "记者来到青山市政务大厅。\n“护照带上身份证就可以办。”\n“感谢您的耐心,再见!”\n",
]


def test_the_reply_to_the_agents_quote_is_not_the_agents(shipped):
    assert "致谢" in closing_messages(shipped, ANSWERED)


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_the_agents_thanks_stays(shipped, text):
    assert "致谢" not in closing_messages(shipped, text)
