"""Round 33 of issue 12, forbidden lines (branch lintfb35): the causes of blind set 23's two first-sight false lines
(bench/README.md, "Round 33 — forbidden lines") probed in other surfaces: a list of words not to say whose heading was
lost (a numbered list that starts again, without one polite word, right after a numbered list of polite phrases), and
not knowing followed by an offer of help (「对不起，这件事情我不太清楚，我可以找别人帮助您」, a standard's polite form).

Every text here is made up: each NOT_SAID text was reported before this round; each SAID text is the same words said
to the customer, or a list read as said, and must stay reported.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

POLITE_LIST = (
    "1、您好，请问有什么可以帮您？\n2、请稍等，我马上为您查询。\n3、对不起，让您久等了。\n4、谢谢您的来电，再见。\n"
)

NOT_SAID = [
    # the second list of a standard, its heading lost: numbered again from 1 (or 2), no polite word in it
    POLITE_LIST + "1、我不知道。\n2、你自己想办法吧。\n3、这不归我管。\n",
    POLITE_LIST + "2、喂，找谁？\n3、没看我正忙着吗？\n4、急什么急？\n5、不知道。\n……\n",
    # the numbers written another way, and the polite list longer than the other
    "1.欢迎光临\n2.请您出示证件\n3.麻烦您稍等\n4.对不起，这本书已借出\n5.别客气，这是我应该做的\n"
    "1.你自己查去\n2.你想怎么样\n3.关我什么事\n",
    # not knowing, then an offer of help: the speaker's own, or someone's they will find
    "客服：对不起，这件事情我不太清楚，我可以找别人帮助您。\n",
    "客服：抱歉，这个我不太清楚，我可以请同事帮您。\n",
    "客服：不好意思，我不知道，但我可以帮您。\n",
    "客服：这个问题我不清楚，我们会请专人帮助您。\n",
]


@pytest.mark.parametrize("text", NOT_SAID)
def test_words_not_said_to_the_customer_are_not_reported(packed, text):
    assert lint_text(packed, "n.txt", text, "forbidden-phrase") == []


SAID = [
    # a list that goes on counting is one script
    POLITE_LIST + "5、我不知道。\n6、你自己想办法吧。\n7、这不归我管。\n",
    # the list that starts again holds a polite word: a script's lines
    POLITE_LIST + "1、您好，这个我不知道。\n2、你自己想办法吧。\n3、这不归我管。\n",
    # the first list is not polite (steps), so the second is no list of words not to say beside it
    "1、核对客户信息\n2、登记来电内容\n3、转交相关部门\n1、我不知道。\n2、你自己想办法吧。\n3、这不归我管。\n",
    # too short to be a list
    POLITE_LIST + "1、我不知道。\n2、你自己想办法吧。\n",
    # a line between the two lists: not one right after the other
    POLITE_LIST + "客户又问了一遍。\n1、我不知道。\n2、你自己想办法吧。\n3、这不归我管。\n",
    # help refused, or what help is left
    "客服：我不知道，我能帮你的就这么多。\n",
    "客服：我不清楚，我不能帮您。\n",
    "客服：我不知道我能帮你什么。\n",
    "客服：我不知道，你找别人帮你吧。\n",
]


@pytest.mark.parametrize("text", SAID)
def test_the_same_words_said_are_still_reported(packed, text):
    found = lint_text(packed, "s.txt", text, "forbidden-phrase")
    assert found, text
    assert all(f.severity == "error" for f in found)
