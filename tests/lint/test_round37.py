"""Round 37 (bench/README.md "Round 37"): a story of a call written in Traditional characters is read in Simplified
ones, as its cue words are written (lint/spoken.py reads `simplified.t2s` of the text, position for position).

On main 643acee the narration of 「“太謝謝了!”業主連聲說。」 was not read as a story (說, 問 are not the 说, 问 the
patterns know), so every line was the agent's and the owner's thanks the agent's closing (no 致谢 missing); here it
is the owner's. Left alone (as on main): the agent's own thanks in the same story, and a rule book that quotes its
phrases 「…」等問候語 (問候 after a quote is no verb of speaking). Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import closing_messages, lint_text

THANKED = (
    "上午九點,青山市政務大廳的窗口前,一位業主走上前問:“請問辦理護照要帶什麼?”\n"
    "工作人員微笑著說:“您好,這裡是出入境窗口,帶上身份證就可以了。”\n"
    "“太謝謝了!”業主連聲說。\n"
)

LEFT_ALONE = [
    # the agent's thanks, said by the staff member: the agent's
    THANKED + "工作人員回答:“不客氣,感謝您的耐心,再見!”\n",
    # a rule book that quotes its phrases: no story, its lines are the agent's
    "一、接話時,首先清晰報明「青山市政府『您好!我是○○○』」等問候語。\n二、結束時說「感謝您的來電,再見」。\n",
]


def test_the_owners_thanks_is_not_the_agents(shipped):
    assert "致谢" in closing_messages(shipped, THANKED)


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_the_agents_thanks_stays(shipped, text):
    assert "致谢" not in closing_messages(shipped, text)


RULE_BOOK = "肆、總機 接話時,首先清晰報明「青山市衛生局『您好!我姓○』」等問候語。轉接電話時說「幫您轉接○○○分機,請稍候」等禮貌性用語。\n"


def test_a_rule_books_greeting_words_are_no_story(shipped):
    """「…」等問候語 names the phrases: read as a story, its organisation (outside the inner quote) would be lost."""
    found = " ".join(p.message for p in lint_text(shipped, "r37.txt", RULE_BOOK, "missing-greeting"))
    assert "报公司名称" not in found
