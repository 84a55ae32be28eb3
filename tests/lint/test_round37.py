"""Round 37 (bench/README.md "Round 37"): a story of a call written in Traditional characters is read in Simplified
ones, as its cue words are written (lint/spoken.py reads `simplified.t2s` of the text, position for position).

On main 643acee the narration of 「“太謝謝了!”業主連聲說。」 was not read as a story (說, 問 are not the 说, 问 the
patterns know), so every line was the agent's and the owner's thanks the agent's closing (no 致谢 missing); here it
is the owner's. Left alone (as on main): the agent's own thanks in the same story, and a rule book that quotes its
phrases 「…」等問候語 (問候 after a quote is no verb of speaking).

Round 37b (lint/greetless.py): on main 643acee a procedure's next step marked like a branch (B. 查衣) and a redirect
joined by 或者 were openings of their own, so the greeting (and the shop's name) went missing from the file; here only
the openings that greet are read. Left alone: branches none of which greets. Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

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


def _closing(root, text: str) -> str:
    return " ".join(p.message for p in lint_text(root, "r37.txt", text, "missing-closing"))


def test_the_owners_thanks_is_not_the_agents(shipped):
    assert "致谢" in _closing(shipped, THANKED)


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_the_agents_thanks_stays(shipped, text):
    assert "致谢" not in _closing(shipped, text)


RULE_BOOK = "肆、總機 接話時,首先清晰報明「青山市衛生局『您好!我姓○』」等問候語。轉接電話時說「幫您轉接○○○分機,請稍候」等禮貌性用語。\n"


def test_a_rule_books_greeting_words_are_no_story(shipped):
    """「…」等問候語 names the phrases: read as a story, its organisation (outside the inner quote) would be lost."""
    found = " ".join(p.message for p in lint_text(shipped, "r37.txt", RULE_BOOK, "missing-greeting"))
    assert "报公司名称" not in found


# Round 37b (lint/greetless.py): an opening that does not greet, beside openings that do, is no opening of its own.
STEPS = (
    "A. 歡迎顧客\n"
    "(一)操作程序\n"
    "當顧客進門時,要求立即招呼接待:“您好!歡迎光臨青山洗衣店!”\n"
    "B. 查衣\n"
    "(一)操作程序\n"
    "與顧客一起檢查衣物的口袋,並請顧客確認衣物的狀況。\n"
)
REDIRECT = "接待服務對象時,應使用“您好,您要辦理什么業務?”或者“請您到三號窗口辦理”等文明用語。\n"
NONE_GREETS = "A. 报修\n请问您家里哪里坏了?\nB. 投诉\n请问您要投诉什么?\n"


def _greeting(root, text: str) -> str:
    return " ".join(p.message for p in lint_text(root, "r37b.txt", text, "missing-greeting"))


@pytest.mark.parametrize("text", [STEPS, REDIRECT], ids=["steps", "redirect"])
def test_a_step_or_a_redirect_opens_nothing(shipped, text):
    found = _greeting(shipped, text)
    assert "问候" not in found


def test_the_steps_shop_is_named(shipped):
    assert "报公司名称" not in _greeting(shipped, STEPS)


def test_no_opening_greets_is_still_a_finding(shipped):
    assert "问候" in _greeting(shipped, NONE_GREETS)


def test_greeting_paths():
    from huifang.lint.greetless import greeting_paths

    ways = [("A", ["您好"]), ("B", ["查衣"])]
    assert greeting_paths(ways, lambda turns: "您好" in turns) == [("A", ["您好"])]
    assert greeting_paths(ways[1:], lambda turns: False) == ways[1:]
    assert greeting_paths(ways, lambda turns: True) == ways
    assert greeting_paths(ways, lambda turns: False) == ways
