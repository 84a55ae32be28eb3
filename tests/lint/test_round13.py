"""Round 13 of issue 12: elements said in the other words published scripts use (bench/README.md, "Round 13").

Every text here is made up, one for each shape a change reads and each it must leave alone.
"""

from __future__ import annotations

import pytest
from huifang.lint.normalize import fold, normalize

from tests.lint.conftest import found, lint_text

# --- 1. written Cantonese read as Mandarin (lint/cantonese.py) ---


@pytest.mark.parametrize(
    "text, read",
    [
        ("我係東區電訊嘅客戶經理", "我是东区电讯的客户经理"),
        ("我哋係環球保險打嚟嘅", "我们是环球保险打来的"),
        ("我地係xx打嚟架", "我们是xx打来架"),
        ("你而家方唔方便傾幾分鐘?", "你现在方不方便倾几分钟?"),
        ("佢唔喺度,你搵邊位?", "他不在度,你找边位?"),
        # Mandarin in Traditional characters keeps its words
        ("這跟我們沒有關係,請維係良好的聯係", "这跟我们没有关系,请维系良好的联系"),
        ("唔,好吧。", "唔,好吧。"),
        ("而家長們都到了", "而家长们都到了"),
        ("請寄到我地址", "请寄到我地址"),
        # 唔該 is a request or a thanks, by either side: left as it is
        ("唔該晒", "唔该晒"),
    ],
)
def test_written_cantonese_is_read_as_mandarin(text, read):
    assert fold(text) == read
    assert len(fold(text)) == len(text)


def test_simplified_text_is_not_read_as_cantonese():
    # only a text t2s changes is read: 系 of 系统 and a Mandarin 唔 stay
    assert fold("我们系统升级了，唔，请稍等") == "我们系统升级了，唔，请稍等"
    assert normalize("係唔係") == "是不是"


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("喂,你好,我係東區電訊嘅客戶經理,我姓陳", {"wenhou", "gongsi", "zuoxi"}, set()),
        ("我哋係環球保險打嚟嘅,想同你講下", {"gongsi"}, set()),
        ("我係陳小姐,想問下你而家方唔方便?", {"zuoxi", "fangbian"}, set()),
        # a Taiwanese text's 關係 is no 是
        ("沒有關係,我們再約時間", set(), {"gongsi", "queren-shenfen"}),
    ],
)
def test_a_cantonese_call_says_its_elements(project, text, present, absent):
    got = found(project, text)
    assert present <= got and not (absent & got), got


def test_a_hong_kong_call_is_linted_in_mandarin_words(real):
    text = (
        "客服:喂,你好,請問係唔係陳先生?\n"
        "客戶:係,咩事?\n"
        "客服:我係東區電訊嘅客戶經理,我姓李,你而家方唔方便傾兩分鐘?\n"
        "客戶:可以。\n"
        "客服:多謝你,祝你生活愉快,拜拜。\n"
    )
    assert not lint_text(real, "hk.txt", text, "missing-greeting")
    assert not lint_text(real, "hk.txt", text, "missing-closing")


# --- 2. an organisation's name right before a role, no 的 (gongsi's {机构}{岗位}) ---
# --- 3. 师 is a role's head word; 4. a hotline's number said as who speaks ---


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("尊敬的客户您好，我是中国移动工作人员，来电是想做个回访", {"gongsi"}, set()),
        ("您好,我是东方电讯线务员××。", {"gongsi", "zuoxi"}, set()),
        ("我这边是星河湾物业管家小陈", {"gongsi", "zuoxi"}, set()),
        # a person's name, a placeholder of a name, a kind of person or organisation, an errand: no company
        ("您好，我是王建国经理", set(), {"gongsi"}),
        ("您好，我是XX老师。", {"zuoxi"}, {"gongsi"}),
        ("你好！我是人口普查志愿者，今天上门来了解情况", set(), {"gongsi"}),
        ("我是社区民警，想跟您核实一下", set(), {"gongsi"}),
        ("我是一名护士", set(), {"gongsi"}),
        ("我是专业维修人员", set(), {"gongsi"}),
        ("我是上门服务人员", set(), {"gongsi"}),
        ("我是售后服务专员", set(), {"gongsi"}),
        # 师 heads a role like 员 and 人员
        ("XX先生您好，我是XX家政的保洁师小王", {"gongsi", "zuoxi"}, set()),
        ("您好，我是设计师张明", {"zuoxi"}, {"gongsi"}),
        # a hotline's number as who speaks names the organisation; a seat's number is the agent's
        ("喂，你好，我是120，请问伤者现在情况怎么样？", {"gongsi"}, set()),
        ("您好，我们是12345热线", {"gongsi"}, set()),
        ("您好，我是1024号话务员", {"zuoxi"}, {"gongsi"}),
        ("我是3号", set(), {"gongsi"}),
    ],
)
def test_an_organisation_named_by_its_shape(project, text, present, absent):
    got = found(project, text)
    assert present <= got and not (absent & got), got


@pytest.mark.parametrize(
    "text", ["您好，我是设计师张明", "您好，我是话务员", "我是引导员", "您好，我是电话回访员小刘", "我是在线客服专员"]
)
def test_a_role_word_alone_names_no_organisation(project, text):
    assert "gongsi" not in found(project, text)


# --- 5. goodbye by its family; 7. convenience asked as 有没有空; 6./8. a numbered slot, a long mask ---


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("好的，那XX点见！", {"zaijian"}, set()),
        ("谢谢您，明天见！", {"ganxie", "zaijian"}, set()),
        ("谢谢,掰掰!", {"ganxie", "zaijian"}, set()),
        # a shop's invitation is no goodbye (round 19: the labels of sets 6 and 16); its 慢走 is
        ("请带好随身物品，欢迎您下次光临！", set(), {"zaijian"}),
        ("请带好随身物品，慢走，欢迎您下次光临！", {"zaijian"}, set()),
        ("这只是我的一点见解，您参考。", set(), {"zaijian"}),
        ("您还有什么意见吗？", set(), {"zaijian"}),
    ],
)
def test_goodbye_by_its_family(project, text, present, absent):
    got = found(project, text, "closing")
    assert present <= got and not (absent & got), got


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("您好，不知道您现在有没有空?", {"fangbian"}, set()),
        ("王先生，您有没有时间聊两句？", {"fangbian"}, set()),
        ("你好，请问这套房子有没有空房间?", set(), {"fangbian"}),
        ("尊敬的{2},您购买的商品已发货。", {"queren-shenfen"}, set()),
        ("尊敬的${name}，您好", {"queren-shenfen"}, set()),
        ("您好,我這邊是XXXXX,想跟您做個回訪", {"gongsi"}, set()),
        ("您好，我这边是想跟您确认一下订单", set(), {"gongsi"}),
    ],
)
def test_other_wordings_of_the_opening(project, text, present, absent):
    got = found(project, text)
    assert present <= got and not (absent & got), got


# --- 9. a phrase list's leave-taking entry marks its closing (standards.CLOSING_MARK) ---

PHRASE_LIST = (
    "客服中心服务用语\n"
    "1、问候语：您好，请问是王先生吗？这里是东方电讯，我是客服小李，您现在方便接电话吗？\n"
    "2、道别语：感谢您的支持，祝您生活愉快，再见！\n"
    "3、禁用语：\n"
    "● 我不知道。\n"
    "● 你自己去查。\n"
)


def test_a_phrase_lists_leave_taking_entry_is_its_closing(real):
    assert not lint_text(real, "p.txt", PHRASE_LIST, "missing-closing")


def test_a_phrase_list_without_a_leave_taking_entry_still_misses_it(real):
    text = PHRASE_LIST.replace("2、道别语：感谢您的支持，祝您生活愉快，再见！\n", "2、应答语：好的，马上为您办理。\n")
    assert lint_text(real, "p.txt", text, "missing-closing")


# --- 10. the agent's name: after an ellipsis, 小 and one character, right after the organisation ---


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("李阿姨您好,我是城南区人民法院执行局的小潘……", {"zuoxi"}, set()),
        ("您好，我是东方物业的王……先生", set(), set()),
        ("您好，请问是${ent}吗？我是智远招商中心的 AI 助理小远。", {"zuoxi"}, set()),
        ("您好，我是小美，很高兴为您服务", {"zuoxi"}, set()),
        ("喂!你好!我是大豫供电所徐强,请问您有什么事?", {"zuoxi"}, set()),
        # a trailing ellipsis after the organisation is no name; 小姐, 小区 are words; whom to contact is no self-introduction
        ("“您好,我是北京中医医院……”", set(), {"zuoxi"}),
        ("您好，我是小区物业的，想问一下", set(), {"zuoxi"}),
        ("包装有破损请立即联系专属客服小美,我们会第一时间处理", set(), {"zuoxi"}),
        ("我是客服，请问是王小姐吗", set(), {"zuoxi"}),
    ],
)
def test_the_agents_name_in_other_shapes(project, text, present, absent):
    got = found(project, text)
    assert present <= got and not (absent & got), got


# --- 11. 您好/你好 at the start of another phrase greets nobody ---


@pytest.mark.parametrize(
    "text, greets",
    [
        ("王阿姨，听说您前两天感冒了，您好点了吗？", False),
        ("你好好休息，有事再打电话", False),
        ("你好像还没有缴费", False),
        ("你好久没来复查了", False),
        ("您好，请问是王阿姨吗？", True),
        ("王阿姨您好！好点了吗？", True),
    ],
)
def test_a_greeting_is_no_part_of_another_phrase(project, text, greets):
    assert ("wenhou" in found(project, text)) == greets
