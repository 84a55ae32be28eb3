"""Precision at first sight (bench/README.md "Round 21"): a service named only by its kind — what it is about
(社情民意, 调查, 咨询, 信用卡, 电话, 办 …) and what kind of body it is — names no organisation, also when the call is
announced after it (这边是…给您来电); a kind with a place, a brand or a number before it still does
(lint/standards.py GENERIC_ORG_WORDS, content/standards.yaml).

Every text here is made up: one for each shape read and each thing it must leave alone.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import found


@pytest.mark.parametrize(
    "text",
    [
        "您好，我是民意调查中心的访问员，想占用您几分钟时间",
        "您好，我是社情民意调查中心的调查员",
        "您好，这里是防疫咨询热线电话，请问有什么需要帮助的吗？",
        "您好，这边是信用卡客服中心给您来电的，我的工号是1024",
        "我这里是街道办，这事不归我们管",
        "您好，这里是政务服务便民热线，请讲",
        "您好，我们是舆情研究中心的，想请您回答几个问题",
        "这边是信贷服务中心给您打电话，是想跟您确认一下",
    ],
)
def test_a_service_named_by_its_kind_names_no_organisation(project, text):
    assert "gongsi" not in found(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "您好，我是江苏省社情民意调查中心的访问员",  # a place before the kind
        "您好，这里是青岚市民热线，请讲",  # a name before 市民
        "您好，这边是招商银行信用卡中心给您来电的",  # a brand before the kind
        "您好，这里是东川区政府办，请讲",
        "您好，这里是12345政务服务便民热线",  # the hotline's number
        "您好，这里是星河咨询公司，请问是王先生吗？",
    ],
)
def test_a_kind_with_a_name_still_names_the_organisation(project, text):
    assert "gongsi" in found(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "大堂经理小王见状，立刻微笑着迎上去询问。",  # narration: 小王, then what she did
        "收费员小吴正在值班。",
        "保安员小李赶紧跑了过去",
    ],
)
def test_a_role_and_a_nickname_in_narration_is_no_agent_name(project, text):
    assert "zuoxi" not in found(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "您好，我是客服小王，很高兴为您服务",
        "客服小美为您服务",
        "回访专员小李，工号1024",
        "我是回访专员张明，想跟您做个回访",  # a whole name after the role
        "您好，我是客服经理王建国。",
    ],
)
def test_a_role_and_a_name_is_still_the_agent(project, text):
    assert "zuoxi" in found(project, text)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("尊敬的顾客，您的订单已发货", "queren-shenfen"),  # 顾 is a surname, 顾客 no name
        ("亲爱的顾客，感谢您的支持", "queren-shenfen"),
        ("我是顾问，想跟您聊两句", "zuoxi"),
        ("我是顾客，我想问一下", "zuoxi"),
    ],
)
def test_a_word_for_the_customer_or_a_role_is_no_name(project, text, absent):
    assert absent not in found(project, text)


@pytest.mark.parametrize(
    "text, present",
    [
        ("尊敬的顾女士，您好", "queren-shenfen"),  # the surname 顾 still names
        ("尊敬的顾晓明，您好", "queren-shenfen"),
        ("我是顾晓明，", "zuoxi"),
        ("这里是客户客服顾问工号二零零六二，是张先生吗", "zuoxi"),  # a staff number in spoken digits
        ("我的工号是幺三五七", "zuoxi"),
    ],
)
def test_a_surname_and_a_spoken_staff_number_still_name(project, text, present):
    assert present in found(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "12345工作人员 王婉莹",  # a broadcast's caption: who speaks next
        "【同期】市12345热线督办员 严威 咱供热也是民生工程",
        "社区网格员 李明",
    ],
)
def test_a_role_a_space_and_a_name_is_a_caption(project, text):
    assert "zuoxi" not in found(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "您好，我是物业客服 [姓名]，跟您同步一下",  # a placeholder after the space
        "您好，我是物业客服 XX，跟您同步一下",
        "您好，12345工作人员王婉莹为您服务",  # said: the name follows the role
        "我是回访专员王明，",
    ],
)
def test_a_role_and_a_name_said_is_still_the_agent(project, text):
    assert "zuoxi" in found(project, text)
