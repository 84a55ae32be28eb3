"""Who is calling, second pass (bench/README.md "Round 16"): the agent named after the organisation, a particle in
the cue, a staff number left as a placeholder or said as 编号, 这是 as a cue, and the identity checks and exclusions
that came with them.

Every text here is made up: one for each shape read and each thing it must leave alone.
"""

from __future__ import annotations

import pytest
from huifang.lint import caller

from tests.lint.conftest import found, slot_text

read = slot_text


@pytest.mark.parametrize(
    "text, agent",
    [
        # a surname and a title after the organisation, with 的 or a few letters between
        ("家长您好，我这边是星河美术学校的周老师，想跟您说个事", "的周老师"),
        ("您好，我是工商银行个人贷款吴经理啊", "个人贷款吴经理"),
        # 小 and one character after a part of the organisation and 的
        ("我是青禾快递客服部的小罗，您有个件", "客服部的小罗"),
        # a role, then a whole name or a placeholder
        ("您好，我是东坪路派出所新村社区民警邓海平。", "新村社区民警邓海平"),
        ("您好，我是XX物业的维修人员xxx，您家水管", "的维修人员xxx"),
        # a whole name right after the organisation's part
        ("喂，你好，我是长丰供电所罗明，请问有什么事", "所罗明"),
        # a staff number written as a placeholder or said as 编号
        ("您好，我是编号××的业务人员", "编号××"),
        ("您好，某某号为您服务", "某某号"),
    ],
)
def test_the_agent_fills_the_slot(text, agent):
    assert read(text, caller.AGENT) == agent


@pytest.mark.parametrize(
    "text",
    [
        "这边是工商银行，王先生您好",  # a pause: the customer's name
        "我是中国联通的王总监",  # a title word, not a name
        "我是中国移动的高级顾问",  # a role alone
        "我是中国移动的顾问",
        "我是中国移动张家口分公司的",  # a place, not a name
        "我是中国联通的王先生吗",  # a form of address
        "我是社区卫生站的小林",  # a kind of organisation alone: no organisation, so no slot for the agent
        "这是我们的顾问王某某",  # someone else introduced
        "我是12号楼的住户",  # an address, not a staff number
    ],
)
def test_nothing_else_fills_it_as_the_agent(text):
    assert read(text, caller.AGENT) is None


@pytest.mark.parametrize(
    "text, organisation",
    [
        ("啊，您好，我这边呢是星河美术学校的周老师", "星河美术学校"),  # a particle before the cue's 是
        ("我们这里啊是顺心物业", "顺心物业"),
        ("您好，这是××殡仪馆业务电话。", "××殡仪馆"),  # 这是 as a cue, 馆 as a kind word
        ("您好！我是青山维修网预约给您的维修工程师", "青山维修网"),  # 网: a website's name
    ],
)
def test_an_organisation_fills_the_slot(text, organisation):
    assert read(text, caller.ORGANISATION) == organisation


@pytest.mark.parametrize(
    "text",
    [
        "我们要入住的是宝龙大酒店，这是一家五星级酒店",  # a count word: a description, not a caller
        "我是殡仪馆的",  # a kind of organisation alone
        "这是图书馆",
        "您好，我是社区网格员",  # 网格, 网点, 网上 … are no website
        "我是供电网格员",
        "我是上网查到的",
    ],
)
def test_nothing_else_fills_it_as_an_organisation(text):
    assert read(text, caller.ORGANISATION) is None


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("啊，家长您好，我这边呢是星河美术学校的周老师", {"gongsi", "zuoxi"}, {"queren-shenfen"}),
        ("您好！1059号为您服务。请问您有什么需要？", {"zuoxi"}, {"gongsi"}),  # a staff number is no unit's name
        ("您好，这是××殡仪馆业务电话。我是编号××的业务人员。", {"gongsi", "zuoxi"}, set()),
        # a placeholder name, or its family, asked right after a greeting
        ("您好，某某吗？我是某某公司的。", {"queren-shenfen"}, set()),
        ("您好，xxx的家人们吗？", {"queren-shenfen"}, set()),
        ("您好，方便吗？", set(), {"queren-shenfen"}),  # 方 is a surname, but only a placeholder counts here
        # a whole name and a form of address, then a greeting, where words start
        ("陈思远妈妈，你好，我是孩子的班主任。", {"queren-shenfen"}, set()),
        ("取消课程：家长您好，已经帮您取消了。", set(), {"queren-shenfen"}),
        # a rule asking for the unit's name to be reported names none
        ("接听时先报单位名称与姓名，并以礼貌用语问候", set(), {"gongsi"}),
        ("接听电话，应先说明本单位名称", set(), {"gongsi"}),
    ],
)
def test_the_shipped_elements(project, text, present, absent):
    got = found(project, text)
    assert present <= got and not (absent & got), got
