"""Precision at first sight, round 22 (bench/README.md "Round 22"): a level of government said without its place
(市, 县, 经开区 …) names no unit; a greeting followed only by a string of kinds (您好，供水热线) names none either;
a thanks to 你们 is the customer thanking the organisation, not the agent's closing thanks
(lint/standards.py GENERIC_ORG_WORDS, content/standards.yaml).

Every text here is made up: one for each shape read and each thing it must leave alone.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import found


@pytest.mark.parametrize(
    "text",
    [
        "您好，我是市行政服务工作人员，想做个回访，可以吗？",
        "您好，我是高新区政务服务中心窗口工作人员，请问您对办事流程满意吗？",
        "您好，这里是县医保中心，请问有什么可以帮您？",
        "我们是区城管的，过来看一下",
        "您好，我是市直社保中心的工作人员",
    ],
)
def test_a_level_without_its_place_names_no_unit(project, text):
    assert "gongsi" not in found(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "您好，供水热线，有什么需要帮助吗？",
        "您好，燃气报修热线。",
        "你好！市政务服务中心，请讲",
    ],
)
def test_a_greeting_and_only_kinds_names_no_unit(project, text):
    assert "gongsi" not in found(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "您好，我是青川市行政服务中心的工作人员",  # a place before the level
        "您好，这里是柳江县医保中心，请问有什么可以帮您？",
        "您好，我是市一医院的护士小王",  # the number makes it one hospital
        "您好，清源供水热线，有什么需要帮助吗？",  # a name after the greeting
        "您好，东湖市民热线，请讲",
        "您好，这里是星河区政府办，请讲",
    ],
)
def test_a_level_or_kind_with_a_name_still_names_the_unit(project, text):
    assert "gongsi" in found(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "办得很快，你们的服务很好，谢谢你们。",
        "太感谢你们了，总惦记着我们老人",
        "谢谢你们的关心！",
    ],
)
def test_a_thanks_to_you_all_is_the_customers(project, text):
    assert "ganxie" not in found(project, text, "closing")


@pytest.mark.parametrize(
    "text",
    [
        "谢谢您的配合，祝您生活愉快，再见！",
        "好的，谢谢你，再见",
        "感谢您对我们工作的支持",
        "谢谢你们的问题我都记下了，也谢谢您的耐心",  # a thanks to 您 in the same line still counts
    ],
)
def test_the_agents_thanks_still_counts(project, text):
    assert "ganxie" in found(project, text, "closing")
