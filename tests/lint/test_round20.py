"""Round 20 of issue 12, forbidden lines: the pack's published not-knowing phrases said with spoken words between 我 /
我们 and 不知道 / 不清楚 (这边, 这里, 还真, 确实, 实在, 也 …), and 「规定就这样」, the spoken form of 「规定就是这样」
(bench/README.md, "Round 20 — forbidden lines").

Every text here is made up: the new variants said by the agent, and the same words where the rule's earlier readings
must still leave them alone (an offer to find out after them, the customer's words, a prohibition, a question back).
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

SAID = [
    "客服：这个我这边还真不太清楚。",
    "客服：我们这边确实不清楚，您自己再看看吧。",
    "坐席：这事我也确实不知道。",
    "客服：我这里不知道，您问问别的部门。",
    "客服：我们这边也不太清楚。",
    "客服：我实在不清楚。",
    "营业员：规定就这样，三千以下柜台不办。",
]


@pytest.mark.parametrize("text", SAID)
def test_spoken_forms_are_reported(packed, text):
    found = lint_text(packed, "s.txt", text + "\n", "forbidden-phrase")
    assert len(found) == 1, found
    assert found[0].severity == "error"


NOT_SAID = [
    # not knowing followed by the offer to find out (the published right answer)
    "客服：这个我这边还真不太清楚，我帮您问一下。",
    "客服：您说的问题我也不太清楚，让我们的医师为您解答好吗？",
    "客服：这个我这边确实不清楚，我请负责的同事给您回电话。",
    # the customer's words
    "客户：这个我这边还真不太清楚。",
    # a prohibition, and a taboo list
    "客服：我们绝不能说“我这边不清楚”这样的话。",
    # explaining a rule is no rule thrown back
    "客服：这是规定的流程，我给您说一下原因。",
]


@pytest.mark.parametrize("text", NOT_SAID)
def test_the_same_words_not_said_are_not_reported(packed, text):
    assert lint_text(packed, "n.txt", text + "\n", "forbidden-phrase") == []


def test_not_reported_without_the_pack(shipped):
    assert lint_text(shipped, "d.txt", "客服：这个我这边还真不太清楚。\n", "forbidden-phrase") == []
