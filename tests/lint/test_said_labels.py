"""Round 15 of issue 12: whose words a said-label gives (bench/README.md, "Round 15: whose words").

A story of a call often labels its turns with a speaker and a verb of speaking (用户说：, 我问：, 他回答说：). Every
text here is made up, one for each shape read and each it must leave alone.
"""

from __future__ import annotations

import pytest
from huifang.lint.freeform import parse
from huifang.lint.speakers import AGENT, CUSTOMER, DEFAULT, UNKNOWN, narrator
from huifang.lint.story import narrated_label


@pytest.mark.parametrize(
    "label, who",
    [
        ("用户说", CUSTOMER),
        ("客服问道", AGENT),
        ("我问", AGENT),
        ("我又说", AGENT),
        ("他说", CUSTOMER),
        ("她回答说", CUSTOMER),
        ("对方回答", CUSTOMER),
        # not a speaker and a verb: a step of a script, a case, a name nobody declared
        ("拿起听筒先讲", UNKNOWN),
        ("节日问候时说", UNKNOWN),
        ("小明说", UNKNOWN),
        ("说", UNKNOWN),
    ],
)
def test_a_said_label_names_its_speaker(label, who):
    assert DEFAULT.who(label) == who


def speakers(text: str) -> list[str]:
    return [u.speaker for u in parse(text, "story.txt")]


def test_the_operators_own_account_gives_the_caller_his_words():
    story = (
        "用户说：你好，我有个事情想反映。\n"
        "我问：您好！请问您有什么事情？\n"
        "他说：我是某某村的村支书，我叫王二，今天是想感谢你们。\n"
        "我问：您是要感谢谁呢？\n"
    )
    assert speakers(story) == [CUSTOMER, AGENT, CUSTOMER, AGENT]


def test_a_writer_who_calls_the_service_is_the_customer():
    # the agent is named in another label, so 我 is the writer on the customer's side and 他 the agent
    story = (
        "客服：您好，这里是某某银行，请问有什么可以帮您？\n我说：我要投诉，卡被扣了年费。\n他说：好的，我帮您查一下。\n"
    )
    assert speakers(story) == [AGENT, CUSTOMER, AGENT]


def test_a_script_label_is_left_alone():
    # 我： without a verb is the table's (the agent's), also beside a named agent: no story is told
    script = "客服：您好，这里是某某银行。\n我：您好，请问是王先生吗？\n客户：是的。\n"
    assert speakers(script) == [AGENT, AGENT, CUSTOMER]
    # 我问 with only the customer named: 我 stays the agent
    assert speakers("客户说：你好。\n我问：请问有什么可以帮您？\n") == [CUSTOMER, AGENT]


def test_a_pronouns_said_label_is_narration():
    assert narrator("他说：")
    assert narrator("我问：")
    assert not narrator("客服：")
    assert not narrator("客服说：")
    assert narrated_label("他说：", "没有，我该怎么办？")
    assert narrated_label("客服说：", "“您好”")
    assert not narrated_label("客服说：", "您好")
    assert not narrated_label("客服：", "“您好”")
