"""Round 22 of issue 12, forbidden lines (branch lintfb27): published service-taboo families said in other words, as
blind set 18 heard them (bench/README.md, "Round 22 — forbidden lines"): 爱咋咋地 spelt 爱咋滴咋滴, 你想怎么样 asked as
「还想怎么样」「还要怎么解决？」, 这么简单都不知道 with another thing before 都不知道吗, and 你不识字呀 with words inserted
(「你又不是睁眼瞎不识字」).

Every text here is made up: the forms said by the agent, and the same words where they must be left alone (someone
else's knowing asked about, a question that goes on, the customer's words, a prohibition, not said to the customer).
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

SAID = [
    "客服：你爱咋地咋地吧，反正我们不管。",
    "客服：爱咋滴咋滴，挂了。",
    "客服：都给您补发了，您还想怎么样？",
    "客服：退款也给你退了，还要怎么解决？",
    "客服：会员日都不知道吗？短信早就发了。",
    "客服：这都不知道，还来问。",
    "营业员：你又不是睁眼瞎不识字，标签上写着呢。",
    "营业员：你不识字啊？",
]


@pytest.mark.parametrize("text", SAID)
def test_the_family_said_in_other_words_is_reported(packed, text):
    found = lint_text(packed, "s.txt", text + "\n", "forbidden-phrase")
    assert len(found) == 1, found
    assert found[0].severity == "error"


NOT_SAID = [
    # whether someone else knows, asked
    "客服：您家里人都不知道吗？那我跟您说一下。",
    "客服：他们都不知道吗？我再通知一遍。",
    # the question goes on: how to solve it is asked, not thrown back
    "客服：您看还要怎么解决比较好，我们听您的。",
    # not said to the customer: a third person, and the polite 您
    "客服：老人不识字的话，我给他念一下。",
    "客服：您不识字也没关系，我念给您听。",
    # the customer's words
    "客户：你又不是不识字，自己看啊。",
    "客户：退款也退了，还要怎么解决？",
    # a prohibition
    "客服：我们绝不能说“爱咋咋滴”这种话。",
]


@pytest.mark.parametrize("text", NOT_SAID)
def test_the_same_words_not_said_are_not_reported(packed, text):
    assert lint_text(packed, "n.txt", text + "\n", "forbidden-phrase") == []


def test_not_reported_without_the_pack(shipped):
    assert lint_text(shipped, "d.txt", "营业员：你又不是睁眼瞎不识字。\n", "forbidden-phrase") == []
