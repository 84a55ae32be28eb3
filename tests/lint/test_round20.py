"""Recall at first sight (bench/README.md "Round 20"): the organisation said first, then the greeting or the
service offer — a called line's answer — and a message's sender said first or thanked for (lint/caller.py); the
customer only called by name, then a stop or a question mark, and a greeting said as an interjection
(content/standards.yaml).

Every text here is made up: one for each shape read and each thing it must leave alone.
"""

from __future__ import annotations

import pytest
from huifang.lint import caller

from tests.lint.conftest import found, slot_text

read = slot_text


@pytest.mark.parametrize(
    "text, organisation",
    [
        ("青岚山景区您好，请问有什么可以帮您？", "青岚山景区"),  # a kind word (景区), then the greeting
        ("你好，白鹭湾公园你好，请讲", "白鹭湾公园"),  # a greeting, the organisation, a second greeting
        ("喂，东川区税务局，您好！", "东川区税务局"),  # 喂 first
        ("接听时应说：「南安市政府卫生局『您好！我姓○』」", "南安市政府卫生局"),  # after an opening quotation mark
        ("“星河火锅某某店，小周很高兴为您服务”", "星河火锅某某店"),  # the offer after the agent's name
        ("xx物业您好", "xx物业"),  # a placeholder's name
        ("翠湖影城，很高兴为您服务", "翠湖影城"),
        # a message's sender said first, then what it says to the customer
        ("“东湖政务大厦欢迎您！请按号就座。”", "东湖政务大厦"),
        ("青禾物业温馨提示：明日停水", "青禾物业"),
        # thanks that name the organisation thanked for
        ("感谢您申请华联银行信用卡！", "华联银行"),
        ("感谢您对青禾物业的支持", "青禾物业"),
    ],
)
def test_the_organisation_said_first_fills_the_slot(text, organisation):
    assert read(text, caller.ORGANISATION) == organisation


@pytest.mark.parametrize(
    "text",
    [
        "客服中心您好，请问有什么可以帮您？",  # a kind of organisation alone
        "服务热线为您服务",
        "王先生您好",  # the customer, not an organisation
        "李科长您好",  # a title: 科 starts it
        "尊敬的客户您好",
        "各位家长您好",
        "我们去了青岚山景区，您好好休息",  # no answer: the greeting does not follow the name
        "他说青岚山景区您好",  # not where words start
        "本店欢迎您",  # a kind of organisation alone
        "感谢您对本店的支持",
        "感谢您对我们工作的支持",
        "感谢您申请退款",
    ],
)
def test_nothing_else_is_read_as_the_organisation_said_first(text):
    assert read(text, caller.ORGANISATION) is None


@pytest.mark.parametrize(
    "text, agent",
    [
        ("“星河火锅某某店，小周很高兴为您服务”", "小周"),
        ("蓝湾酒店，李静很高兴为您服务", "李静"),
    ],
)
def test_the_agent_named_before_the_offer(text, agent):
    assert read(text, caller.AGENT) == agent


@pytest.mark.parametrize(
    "text",
    [
        "蓝湾酒店，很高兴为您服务",  # no name
        "蓝湾酒店，我们很高兴为您服务",  # a pronoun
    ],
)
def test_no_agent_without_a_name_before_the_offer(text):
    assert read(text, caller.AGENT) is None


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("青岚山景区您好，请问有什么可以帮您？", {"gongsi", "wenhou"}, {"zuoxi"}),
        ("星河火锅某某店，小周很高兴为您服务", {"gongsi", "zuoxi"}, set()),
        ("前台您好，请问有什么可以帮您？", {"wenhou"}, {"gongsi"}),  # a kind of organisation alone
        # the customer only called by name and a form of address, then a stop or a question mark
        ("孙女士。", {"queren-shenfen"}, set()),
        ("王先生？", {"queren-shenfen"}, set()),
        ("麻烦转告王先生。", set(), {"queren-shenfen"}),  # not where words start
        # a greeting said as an interjection where words start
        ("嗨！请问您是王先生吗？", {"wenhou", "queren-shenfen"}, set()),
        ("Hi，我是青禾物业的小李", {"wenhou"}, set()),
        ("在每周两次的嗨聊中", set(), {"wenhou"}),
        ("嗨皮一下", set(), {"wenhou"}),
    ],
)
def test_the_shipped_elements(project, text, present, absent):
    got = found(project, text)
    assert present <= got and not (absent & got), got
