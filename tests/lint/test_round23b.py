"""Recall at first sight, round 23b (bench/README.md "Round 23b"): the forms of address said after a customer's
surname are one vocabulary in every queren-shenfen pattern that lists them (王姐，… / 李叔吗？ / 尊敬的张太太 …), and a
hotline's answer that names its unit and then says 请讲 asks the caller's need however long the unit's name, and the
need question may use any verb of an errand (请问您要预约什么项目) (content/standards.yaml).

Every text here is made up: one for each shape read and each thing it must leave alone.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import found


@pytest.mark.parametrize(
    "text",
    [
        "王姐，上次您问的那个套餐现在有优惠了",  # where words start, then a pause
        "喂，李叔，药都按时吃了没有",
        "“刘老师，孩子这周的作业都交齐了。”",
        "赵同学，你的录取材料已经寄出了",
        "陈太太？",  # called alone, then a question mark
        "您好，是孙哥对吧？",
        "周总吗？我是供应链平台的客服",
        "尊敬的吴太太您预约的体检时间是下周一",
        "麻烦找一下郑阿婆",
        "何舅舅您好，我是医院随访中心的",
    ],
)
def test_a_form_of_address_after_the_surname_is_the_customer_called(project, text):
    assert "queren-shenfen" in found(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "姐，上次您问的那个套餐现在有优惠了",  # no surname: nobody named
        "我们王总让我联系您，您现在方便吗？",  # someone else named, not where words start
        "您好，我是王姐，负责您的售后",  # the agent's own name
        "大哥，您别着急，我帮您查一下",
        "这个要找一下经理才能定",
    ],
)
def test_a_form_of_address_without_the_customers_surname_is_no_identity_check(project, text):
    assert "queren-shenfen" not in found(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "您好，这里是焦作市法律援助中心，请讲。",
        "你好，这边是青川县人民医院总值班室，请讲",
        "您好，我是市民服务热线十二号话务员，请讲！",
    ],
)
def test_a_unit_named_then_speak_asks_the_need(project, text):
    assert "xuqiu" in found(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "您好，您的电话已接通，请讲。",  # said to a silent line: no unit named
        "您好，这里是焦作市法律援助中心，请讲普通话的来电者按一",  # 请讲 is not the clause
        "这里是客服中心，我们请讲师来做培训",
    ],
)
def test_speak_without_a_unit_or_not_as_a_clause_is_not_asking(project, text):
    assert "xuqiu" not in found(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "您好，请问您要预约什么项目？",
        "你好，请问想咨询哪方面的问题？",
        "您好，请问您需要维修哪个部件？",
    ],
)
def test_the_need_asked_with_an_errands_verb(project, text):
    assert "xuqiu" in found(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "请问您打算充值多少",  # how much, not what
        "我们已经为您办理了退款，请问还有什么可以帮您？",  # the anything-else question
        "请问您叫什么名字？",
    ],
)
def test_other_questions_are_not_the_need(project, text):
    assert "xuqiu" not in found(project, text)


@pytest.mark.parametrize(
    ("text", "element"),
    [
        ("您好，我是物业客服_____，跟您确认一下缴费", "zuoxi"),
        ("您好，我是小区物业的＿＿＿，跟您说一下停水的事", "zuoxi"),
        ("您好，我是客服＊＊，很高兴为您服务", "zuoxi"),
        ("您好，我是服务顾问(服务顾问姓名)，今天给您回个电话", "zuoxi"),
        ("您好，我是客服<坐席姓名>，很高兴为您服务", "zuoxi"),
        ("尊敬的#姓名#，您好！您的订单已发货", "queren-shenfen"),
        ("尊敬的%s，您好！您预约的时间是明天上午", "queren-shenfen"),
        ("尊敬的（客户姓名），您好", "queren-shenfen"),
        ("尊敬的#name#，您好", "queren-shenfen"),
    ],
)
def test_a_blank_left_for_a_name_counts_as_the_name(project, text, element):
    assert element in found(project, text)


@pytest.mark.parametrize(
    ("text", "element"),
    [
        ("记者见到了王女士（化名），她说", "queren-shenfen"),  # a story's pseudonym is no blank
        ("尊敬的#新年快乐#活动用户：", "queren-shenfen"),  # a hashtag
        ("我是客服，满意度100%so good", "zuoxi"),
        ("您好，我是客服_，请问", "zuoxi"),  # one underscore is no line to write on
        ("您好，我是客服（工作人员），请问", "zuoxi"),  # a role in brackets, no slot word
    ],
)
def test_other_brackets_and_marks_are_no_blank(project, text, element):
    assert element not in found(project, text)
