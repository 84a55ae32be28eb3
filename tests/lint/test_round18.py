"""Round 18 of issue 12: no false forbidden line at first sight (bench/README.md, "Round 18").

Every text here is made up, one for each shape the change reads and one for each it must leave alone: a promise
negated, the customer's words asked back, a phrase inside a longer word, a variant written with its own end mark,
words reported without quotes, not knowing that wonders whether the customer…, words named as a saying, hearing
prevented, and the narrator's own call told without quotes.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

NOT_SAID = [
    # a promise negated right before it: the disclosure the rules ask for
    "客服：理财产品有风险，我们无法保证收益，请您谨慎选择。",
    "客服：这款产品并不保证收益，投资需谨慎。",
    "客服：我们不能向您保证收益，具体以合同为准。",
    # the customer's words asked back, in a question
    "客服：您刚才说有工作人员跟您讲“不归我管”，是哪一位工作人员呢？",
    "客服：您是说我们的客服跟您讲没办法，对吗？",
    "客服：您说的没这回事是指哪件事呢？",
    # a phrase inside a longer word
    "客服：请问您着急什么时候用车？我们尽量安排。",
    "客服：您特别问我的那个问题，我已经帮您记下来了。",
    "客服：您分别问我的两件事，我都记下了。",
    # a variant written with its own end mark (不可能！) said before a verb
    "客服：我们不可能跟您说“没办法”就完事了，一定给您解决。",
    # words reported without quotes, by whoever said them
    "老人拿起电话，对着话筒喊了半天。电话那头的人说了句我不知道就挂了。",
    "记者走访发现，一位市民打了三次电话，每次都被告知不归我管。",
    "他说打了好几次热线，得到的答复都是不清楚。",
    # not knowing that wonders whether the customer…
    "客服：我不知道您是不是已经收到短信了。",
    # the words named as a saying right after them
    "客服：您放心，我们这里没有“不归我管”的说法。",
    "客服：请问您对零风险这种说法怎么看？",
    # hearing prevented
    "客服：我们的服务宗旨就是不让客户听到“没办法”。",
    # the narrator's own call, told without quotes in a file without labels
    "上周我家停电了，我打了客服电话。等了半天才接通，客服让我等通知。我也没办法，只能等着。",
]


@pytest.mark.parametrize("text", NOT_SAID)
def test_words_not_said_are_not_reported(packed, text):
    assert lint_text(packed, "n.txt", text + "\n", "forbidden-phrase") == []


SAID = [
    # a promise made, and made after a clause that negates something else
    "客服：这个产品保证收益，您放心。",
    "客服：您不用担心，保证收益。",
    # 您说 as "you tell me", and the customer's words named but the sentence no question
    "客服：您说，我有什么办法？",
    "客服：您说的问题我不知道。",
    # the whole word, not inside a longer one
    "客服：别问我，我也不清楚。",
    "客服：你急什么？等着。",
    "客服：区里的事，别问我。",
    # the variant's own end, with a particle or 的 after it
    "客服：不可能！",
    "客服：这不可能！",
    "客服：不可能，您肯定记错了。",
    "客服：那是不可能的。",
    # words said in quotes after a verb of reporting: a story's reading decides (the agent's here)
    "坐席：这个问题不归我管。",
    # not knowing, with no wondering after it
    "客服：我不知道你说的是什么。",
    # 的话 is a condition, not a saying; hearing that nobody prevents
    "客服：没办法的话，您就去别家吧。",
    "客服：这个产品零风险，说法都在合同里。",
    # an agent's own lines without labels: calling the customer, or the service not acting on the narrator
    "您好，我给您打电话是想回访一下维修的情况，客服让我问问您，这事我也没办法。",
    "您好，我是热线客服小王，您说的这个问题我也没办法。",
]


@pytest.mark.parametrize("text", SAID)
def test_words_said_are_still_reported(packed, text):
    assert len(lint_text(packed, "s.txt", text + "\n", "forbidden-phrase")) >= 1
