"""Round 14b of issue 12: where a call's closing is, read by the script's structure (bench/README.md, "Round 14b").

Every text here is made up, one for each shape a change reads and each it must leave alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from huifang.lint.api import lint_paths

from tests.lint.conftest import found


def closings(shipped: Path, name: str, text: str) -> dict[int, str]:
    """line → message of each missing-closing finding of one free-form file."""
    path = shipped / "scripts_src" / name
    path.write_text(text, encoding="utf-8")
    return {p.line: p.message for p in lint_paths(shipped, [path]).problems if p.rule == "missing-closing"}


# --- 1. a closing marker on a list's entry: the entry is the closing, the next entries are other phrases ---

PHRASES = (
    "前台服务用语\n"
    "1、“您好”初次见面时使用。\n"
    "2、“请稍候”让客人等候时使用。\n"
    "3、“再见”、“祝您愉快”分别或告辞时使用。\n"
    "4、自觉运用诸如“请”、“谢谢”、“对不起”等文明用语。\n"
    "5、说话不带脏字。\n"
)


def test_a_leave_taking_entry_closes_without_the_entries_after_it(shipped):
    # the thanks of entry 4 (a word list) is no part of the leave-taking entry 3
    found = closings(shipped, "entry.txt", PHRASES)
    assert list(found) == [4] and "致谢" in found[4], found


def test_an_entry_under_a_list_around_it_ends_at_the_outer_list(shipped):
    text = (
        "1、标准服务用语：\n"
        "①问候语：“您好！”\n"
        "②告别语：“请您慢走，祝您愉快。”\n"
        "2、其他常用语：\n"
        "①“您的建议我记住了，谢谢！”\n"
    )
    found = closings(shipped, "outer.txt", text)
    assert list(found) == [3] and "致谢" in found[3], found


@pytest.mark.parametrize(
    "text",
    [
        # an entry that only says where the closing goes reads on into the next entry's words
        "1.接听电话时应说：您好，这里是安心物业，请问有什么可以帮您？\n"
        "2.电话结束时应说：\n"
        "请问您还需要其它帮助吗？\n"
        "3.如果用户没有问题可说：\n"
        "感谢您的来电，祝您生活愉快，再见！\n",
        # the entry's own sub-items (another numbering, not seen before it) are its words
        "1、问候：您好，这里是安心物业。\n2、结束语：感谢您的支持，\n（1）祝您生活愉快；\n（2）再见！\n",
        # a marker that is no list's entry: its turns as before
        "您好，这里是安心物业，耽误您两分钟可以吗？\n结束语：\n感谢您的支持，\n祝您生活愉快，\n再见！\n",
    ],
)
def test_a_closing_marker_reads_on_where_its_entry_says_no_closing(shipped, text):
    assert not closings(shipped, "on.txt", text)


# --- 2. a robot's hand-off to a person ends a path of its utterance bank ---

BANK = (
    "您好，这里是安心物业，请问有什么可以帮您？\n"
    "抱歉，我没听懂，您可以再说一遍吗？\n"
    "正在为您转接人工客服，请稍候。\n"
    "请提供您的地址，我帮您查询。\n"
    "抱歉，地址查询失败。\n"
    "抱歉，未能查到您的信息。\n"
    "好的，感谢您的来电，祝您生活愉快，再见！\n"
)


def test_a_hand_off_to_a_person_ends_a_path(shipped):
    found = closings(shipped, "handoff.txt", BANK)
    assert list(found) == [3] and "结尾1" in found[3], found


@pytest.mark.parametrize(
    "line",
    [
        "您可以按0键返回上一级菜单。",
        "好的，马上帮您转到人工服务。",
    ],
)
def test_other_hand_offs_end_a_path(shipped, line):
    found = closings(shipped, "handoff2.txt", BANK.replace("正在为您转接人工客服，请稍候。", line))
    assert list(found) == [3], found


@pytest.mark.parametrize(
    "text",
    [
        # a template's rule about transferring is no hand-off said to the customer
        BANK.replace("正在为您转接人工客服，请稍候。", "如客户要求转人工，请为客户转接。"),
        # a call with the customer's turns: the agent's hand-off mid-call is a branch's, which markers say
        "客服：您好，这里是安心物业，请问有什么可以帮您？\n客户：我要报修。\n客服：正在为您转接人工客服，请稍候。\n"
        "客户：好的。\n客服：请提供您的地址。\n客户：东区3栋。\n客服：好的，感谢您的来电，祝您生活愉快，再见！\n",
    ],
)
def test_no_hand_off_no_path(shipped, text):
    assert not closings(shipped, "nohandoff.txt", text)


# --- 3. a path that ends at one ending passes through no other ---


def test_an_endings_closing_does_not_reach_back_into_another_ending(shipped):
    text = (
        "您好，请问是王先生吗？这里是安心物业，我是客服小李，耽误您两分钟做个回访可以吗？\n"
        "好的，感谢您的接听，祝您生活愉快，再见！\n"
        "好的，那就不打扰您了，祝您生活愉快，再见。\n"
        "请问您对维修服务满意吗？\n"
        "请问师傅是否准时上门？\n"
        "请问您还有其他建议吗？\n"
        "好的，非常感谢您的支持，祝您生活愉快，再见！\n"
    )
    found = closings(shipped, "reach.txt", text)
    assert list(found) == [3] and "致谢" in found[3], found


# --- 4. the question that closes a call (anything else?) is closing talk ---


def test_the_thanks_before_an_anything_else_question_is_the_closings(shipped):
    text = (
        "客服：您好，请问有什么可以帮您？\n"
        "客户：我的快递到哪了？\n"
        "客服：已经为您查到，明天上午送达。\n"
        "客户：好的。\n"
        "客服：亲，感谢您的耐心等待哈\n"
        "客服：请问还有什么需要为您效劳的呢？\n"
    )
    found = closings(shipped, "else.txt", text.replace("客服：您好", "# 类型：呼入\n客服：您好", 1))
    message = next(iter(found.values()))
    assert "道别" in message and "致谢" not in message, found


def test_a_question_that_goes_on_is_no_closing_talk(shipped):
    text = (
        "客服：您好，请问有什么可以帮您？\n"
        "客户：我的快递到哪了？\n"
        "客服：亲，感谢您的耐心等待哈\n"
        "客服：请问您的收货地址是哪里呢？\n"
    )
    message = next(
        iter(closings(shipped, "on.txt", text.replace("客服：您好", "# 类型：呼入\n客服：您好", 1)).values())
    )
    assert "致谢" in message


# --- 5. the time-of-day greetings 你早, 早安, 午安 and the wish 保重 ---


@pytest.mark.parametrize(
    "text, greets",
    [
        ("午安,歡迎使用XX銀行客戶服務熱線", True),
        ("早安！这里是东区物业服务中心", True),
        ("「你早」，这里是总务处", True),
        # 早 and 安 of other words
        ("我们会尽早安排师傅上门", False),
        ("下午安装师傅会联系您", False),
        ("你早干嘛去了？", False),
        ("建议你早饭后服用", False),
    ],
)
def test_time_of_day_greetings(project, text, greets):
    assert ("wenhou" in found(project, text)) == greets


@pytest.mark.parametrize(
    "text, wishes",
    [
        ("请您注意保重身体！如有需要可与我们随时联系！", True),
        ("天冷了，您多保重。", True),
        ("请确保重要信息填写完整", False),
    ],
)
def test_take_care_is_a_wish(project, text, wishes):
    assert ("zhufu" in found(project, text, "closing")) == wishes


# --- 6. convenience and need, where the words ask another thing ---


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("您申请的宽带可以装机了，请问您什么时间方便我们上门为您装机？", set(), {"fangbian"}),
        ("您给了我们一个差评，现在方便上线修改一下吗？", set(), {"fangbian"}),
        ("您好，请问您现在方便接电话吗？", {"fangbian"}, set()),
        ("耽误您两分钟做个回访，您看现在方便吗？", {"fangbian"}, set()),
        ("欢迎您致电市中级人民法院服务热线，如您有诉讼问题需要帮助，我们将竭诚为您服务。", set(), {"xuqiu"}),
        ("您好，请问有什么需要帮助的吗？", {"xuqiu"}, set()),
        ("先生,有咩幫到你?", {"xuqiu"}, set()),
        ("您好，有啥可以帮您的？", {"xuqiu"}, set()),
    ],
)
def test_convenience_and_need_in_other_words(project, text, present, absent):
    got = found(project, text)
    assert present <= got and not (absent & got), got


# --- 7. a word written like a label that greets is a salutation, not a speaker ---


@pytest.mark.parametrize(
    "text, first",
    [
        ("尊敬的客户您好:\n您的电费已欠费，请及时缴纳。\n", "尊敬的客户您好:"),
        ("各位业主大家好：\n本周六停水。\n", "各位业主大家好："),
        # a label-like word alone on its line that does not greet stays a label with nothing said
        ("王经理：\n您好，请问有什么可以帮您？\n", "您好，请问有什么可以帮您？"),
    ],
)
def test_a_salutation_line_is_words(text, first):
    from huifang.lint.freeform import parse

    assert parse(text, "x.txt")[0].text == first


# --- 8. a closing is what follows a turn's last question: the call goes on after one ---

INBOUND = "# 类型：呼入\n"


def test_a_thanks_before_a_question_closes_nothing(shipped):
    # an excerpt that stops after the opening: 感谢您的来电 thanks for the call, it closes nothing
    text = INBOUND + "客服：您好，感谢您的来电，请问有什么可以帮您？\n客户：我想查一下话费。\n"
    message = next(iter(closings(shipped, "q1.txt", text).values()))
    assert "致谢" in message and "道别" in message


@pytest.mark.parametrize(
    "text",
    [
        # the anything-else question is the closing's own
        INBOUND + "客服：您好，请问有什么可以帮您？\n客户：查话费。\n客服：已为您查好。\n"
        "客服：感谢您的支持，请问还有其他问题吗？\n客户：没有了。\n客服：好的，再见！\n",
        # a goodbye before a question still closes (a real call goes on a little)
        INBOUND + "客服：您好，请问有什么可以帮您？\n客户：查话费。\n"
        "客服：好的，感谢您的来电，再见……呃，您刚才是不是问了流量？\n",
    ],
)
def test_the_closing_question_and_a_goodbye_before_a_question_still_close(shipped, text):
    assert not closings(shipped, "q2.txt", text)


def test_a_thanks_before_a_request_for_information_closes_nothing(shipped):
    text = (
        INBOUND
        + "客服：您好，这里是东方银行。\n客户：我的网银登不上。\n客服：好的，多谢您使用我们的服务，请您提供一下银行账户号码……\n"
    )
    message = next(iter(closings(shipped, "q3.txt", text).values()))
    assert "致谢" in message


def test_a_hand_off_in_traditional_characters_ends_a_path(shipped):
    text = BANK.replace("正在为您转接人工客服，请稍候。", "您可以按0鍵返回上一級菜單。")
    assert list(closings(shipped, "handoff3.txt", text)) == [3]
