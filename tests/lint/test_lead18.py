"""没办法 followed by where the customer can have it done is an answer, not the refusal the pack names (「直接拒绝，不说明
原因，也不给客户别的选择」); the same words sending the customer away are still reported. Made-up lines; the shape is
spent set 19's 1005:13 (a China Mobile agent: 「我们这边是没有办法调的，这个需要在您的这个无线座机的上面…设置」)."""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

ANSWERED = [
    "客服：您好，这个我们这边是没有办法调的，这个需要在您的座机上面直接进行设置。\n",
    "客服：您好，后台没有办法帮您改，您可以通过手机银行自己修改限额。\n",
    "客服：您好，这边没办法处理的，需要由您本人到营业厅办理。\n",
]
REFUSED = [
    "客服：您好，没办法，您可以去别家看看。\n",
    "客服：您好，这个我们没有办法，你自己去找物业吧。\n",
    "客服：您好，没办法的话，您就去别家吧。\n",
    "客服：您好，我们也没办法，您可以不在我们这办。\n",
]


@pytest.mark.parametrize("text", ANSWERED)
def test_no_way_with_where_it_can_be_done_is_an_answer(packed, text):
    assert lint_text(packed, "a.txt", text, "forbidden-phrase") == []


@pytest.mark.parametrize("text", REFUSED)
def test_no_way_that_sends_the_customer_away_is_reported(packed, text):
    assert lint_text(packed, "r.txt", text, "forbidden-phrase") != []
