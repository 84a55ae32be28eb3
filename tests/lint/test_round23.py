"""Precision at first sight, round 23 (bench/README.md "Round 23"): the shape of a line (lint/shape.py). In a line
whose frame around its quotes speaks to nobody and reads as prose (a rule book's text, a story's narration), only
the quotes are the agent's words: an element is looked for in each quote alone, and not in a quote the frame gives
to the customer or the public. A line whose frame is speech, a label, a number or a name is read whole, as before;
the organisation is counted wherever the line names it.

Every text here is made up: one for each shape read and each thing it must leave alone.
"""

from __future__ import annotations

import pytest
from huifang.lint import shape
from huifang.lint.normalize import fold

from tests.lint.conftest import found


@pytest.mark.parametrize(
    ("text", "element", "part"),
    [
        # a rule book's prose around its example line: the thanks it prescribes is not said
        ("接待结束后，员工应向来访人员表示感谢，并说：“请慢走”", "ganxie", "closing"),
        # a story's narration: its words are nobody's on the call
        ("屏幕上显示着备注——“张阿姨女儿”。她笑着接起：“您好，这里是康宁养老院。”", "queren-shenfen", "greeting"),
        ("乘务员过来告诉我，有位旅客需要帮助。我走过去蹲下询问情况：“怎么了？”", "xuqiu", "greeting"),
        # a quote the narration gives to the customer
        ("九点多，客户打来电话感激地说：“家里有电了，太谢谢了！”", "ganxie", "closing"),
        ("第二天，老人拉着她的手说：“姑娘，谢谢你们，再见啊”", "zaijian", "closing"),
    ],
)
def test_only_the_quotes_of_a_prose_frame_are_said(project, text, element, part):
    assert element not in found(project, text, part)


@pytest.mark.parametrize(
    ("text", "element", "part"),
    [
        ("开场白：“您好，我是阳光物业的客服小王”", "zuoxi", "greeting"),  # a label before the quote
        ("2、“您好，请问是王先生吗？”", "queren-shenfen", "greeting"),  # a number
        ("您好，这里是“阳光物业”，请问是王先生吗？", "queren-shenfen", "greeting"),  # the frame speaks to 您
        ("欢迎光临“悦来酒店”，请问几位？", "wenhou", "greeting"),  # a welcome said outright
        ("顾客进门时，员工应主动问候：“您好，欢迎光临！”", "wenhou", "greeting"),  # the example line itself
        ("顾客进门时说：“您好，欢迎光临！”", "wenhou", "greeting"),  # an occasion, not the customer speaking
        ("临平区人民医院『您好，请问有什么可以帮您』", "xuqiu", "greeting"),  # a name before the quote
        ("通话结束前，坐席应礼貌地说：“感谢您的来电，祝您生活愉快，再见！”", "zaijian", "closing"),
        ("客服回答：“感谢您的来电，再见！”", "ganxie", "closing"),
        ("祝您生活愉快，再见！”", "zaijian", "closing"),  # the end of a quote opened on a line before
    ],
)
def test_a_frame_that_is_speech_a_label_or_a_name_is_read_whole(project, text, element, part):
    assert element in found(project, text, part)


def test_the_organisation_counts_wherever_the_line_names_it(project):
    text = "据了解，清源供水公司的工作人员随后打来电话：“请问您现在方便吗？”"
    assert found(project, text) == {"gongsi", "fangbian"}


def test_quotes_pair_their_own_marks():
    text = fold("他说：“您好”，又问「在吗」，“没关上")
    assert [text[a:b] for a, b in shape.quotes(text)] == ["您好", "在吗", "没关上"]
    assert shape.said(fold("您好，我是“阳光物业”的小王")) is None


# Second change: 或 after a sentence's end starts another wording even without a quote (lint/branches.py).


def test_or_after_a_sentence_starts_another_wording(shipped):
    from tests.lint.test_branches import OPENING, closings, lint

    text = OPENING + "客服：请问您对维修服务满意吗？\n客服：谢谢您！再见！或请您慢走！\n"
    found = closings(lint(shipped, "either.txt", text))
    assert list(found) == [3], found
    assert "说法2" in found[3] and "致谢" in found[3], found[3]


@pytest.mark.parametrize(
    "ending",
    [
        "客服：感谢您的支持，或者您有什么建议，祝您生活愉快，再见！\n",  # 或者 inside a sentence
        "客服：感谢您的支持，祝您生活愉快，再见！或\n",  # nothing after it
    ],
)
def test_or_inside_a_sentence_is_no_alternative(shipped, ending):
    from tests.lint.test_branches import OPENING, closings, lint

    text = OPENING + "客服：请问您对维修服务满意吗？\n" + ending
    assert not closings(lint(shipped, "one.txt", text))
