"""Round 46 (bench/README.md "Round 46"): in a story of a call, a person the narration introduces — by a role and a
name (「青山社区社工林晓」), or as the one who calls (「接到一个女律师打来的电话」) — keeps that side where the narration
later names them alone (lint/spoken.py, `introduced`, named `_named` until Round 49).

On main 7d92e98b 「林晓耐心问道：“…”」 was read by the clause before it (「听着王阿姨着急的声音」: the customer's), so the
worker's 「有事您说」 was the caller's and the need was never asked; and the lawyer's 「“谢谢。”电话里传来女律师感激的声音」
was the agent's closing thanks. Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import closing_messages, greeting_messages

INBOUND = "<!-- huifang: kind=inbound -->\n"

WORKER = INBOUND + (
    "“我家里的水管又漏了,不知道怎么办?”3月2日,青山社区社工林晓刚回到办公室,又接到了王阿姨的电话。\n"
    "听着王阿姨着急的声音,林晓耐心问道:“王阿姨,有事您说,看我能不能帮到您。”王阿姨这才说:“真不好意思,又要麻烦你们了。”\n"
    "原来,王阿姨家的水管年久失修。\n"
)
LAWYER = INBOUND + (
    "“我想问一下明天开庭的地点……”\n"
    "5月6日上午,青山法院热线座席陈静接到一个女律师打来的电话。\n"
    "“请报一下案号……您要找的是三号法庭。”陈静仔细查询后回答。\n"
    "“谢谢。”电话里传来女律师感激的声音。\n"
)


def test_the_worker_named_alone_asks_the_need(shipped):
    assert "询问需求" not in greeting_messages(shipped, WORKER, "r46.txt")


def test_the_callers_thanks_is_not_the_agents(shipped):
    assert "致谢" in closing_messages(shipped, LAWYER, "r46.txt")


LEFT_ALONE = [
    # nobody introduced: the clause before the verb of speaking decides, as before (the customer's words)
    INBOUND
    + "“我家里的水管又漏了。”记者在青山社区看到。\n"
    + "听着王阿姨着急的声音,小林耐心问道:“有事您说,看我能不能帮到您。”\n",
    # a role's own words after the role (民警马上, 工作人员) are no name
    INBOUND
    + "“我家里的水管又漏了。”记者在青山社区看到,民警马上赶到。\n"
    + "听着王阿姨着急的声音,马上问道:“有事您说,看我能不能帮到您。”\n",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_nobody_introduced(shipped, text):
    assert "询问需求" in greeting_messages(shipped, text, "r46.txt")


def test_who_is_introduced():
    from huifang.lint import spoken

    named = spoken.introduced("南山社区社工徐燕又接了电话,座席王文芳接到一位老人打来的电话,乘客李明说:")
    assert named is not None
    assert {m.lastgroup for m in named.finditer("徐燕问道 王文芳说")} == {"staff"}
    assert {m.lastgroup for m in named.finditer("老人说 李明说")} == {"public"}
    # no name after these roles: 马上, 们, a surname alone
    assert spoken.introduced("民警马上赶到,医生们说,客服王") is None
    assert spoken.introduced("社工徐燕来了,居民徐燕也来了") is None  # one name on both sides: nobody is known by it
