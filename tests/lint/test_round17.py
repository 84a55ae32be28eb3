"""Round 17 of issue 12: a rule book opens where it says the opening goes (bench/README.md, "Round 17").

Every text here is made up, one for each shape the change reads and each it must leave alone.
"""

from __future__ import annotations

from pathlib import Path

from tests.lint.conftest import lint_text

RULES = (
    "（一）热爱本职工作，树立为用户服务的意识。\n"
    "（二）认真学习业务知识，保证服务质量。\n"
    "（三）坚守工作岗位，遵守工作纪律。\n"
    "二、态度要求\n"
    "（一）态度诚恳，热情周到，语言通俗、简练。\n"
    "（二）不得推诿、搪塞用户。\n"
    "（三）工作出现差错时应主动致歉。\n"
    "（四）用户需要帮助时，应热情相助。\n"
    "（五）对用户的失礼行为，要克制忍耐。\n"
)
QUIET_RULES = RULES.replace("（四）用户需要帮助时，应热情相助。\n", "")
HOTLINE = "“您好，这里是某某供水热线，请问有什么可以帮您？”"


def greeting(root: Path, name: str, text: str) -> list[str]:
    return [p.message for p in lint_text(root, name, text, "missing-greeting")]


def test_a_rule_book_opens_at_the_line_that_says_where_the_opening_goes(shipped):
    # rules of conduct for more lines than an opening's lead, one of them about needs (需要帮助), then the wording
    text = (
        "类型：来电\n某市供水热线服务规范\n一、服务守则\n"
        + RULES
        + "三、语言规范\n（一）接通电话时，应说："
        + HOTLINE
        + "\n（二）让用户等待时，应说：“请您稍等。”\n（三）通话结束时，应说：“感谢您的来电，再见。”\n"
    )
    found = greeting(shipped, "rules.txt", text)
    assert len(found) == 1 and "报坐席" in found[0], found
    assert "问候" not in found[0] and "报公司" not in found[0] and "需求" not in found[0], found


def test_other_markers_of_the_opening(shipped):
    for marker in ("开场白：", "1、问候语：", "接听来电时要说："):
        text = "类型：来电\n某市供水热线服务规范\n" + RULES + marker + HOTLINE + "\n"
        found = greeting(shipped, "marker.txt", text)
        assert len(found) == 1 and "问候" not in found[0], (marker, found)


def test_a_script_that_opens_at_its_start_keeps_that_opening(shipped):
    # the later marker's self-introduction is not taken into an opening the start already says
    quiet = QUIET_RULES * 2
    text = "类型：来电\n您好，这里是某某供水热线。\n" + quiet + "开场白：“您好，我是客服小李，请问有什么可以帮您？”\n"
    found = greeting(shipped, "start.txt", text)
    assert len(found) == 1 and "报坐席" in found[0], found


def test_a_marker_after_the_customer_has_spoken_opens_nothing(shipped):
    lines = "".join(f"客服：{line}" for line in (QUIET_RULES * 2).splitlines(keepends=True))
    text = "类型：来电\n客户：我家停水了。\n" + lines + "客服：接通电话时，应说：" + HOTLINE + "\n"
    found = greeting(shipped, "answered.txt", text)
    assert len(found) == 1 and "问候" in found[0], found


def test_a_marker_inside_a_rule_is_no_marker(shipped):
    # 开场白 named past a line's first 30 characters: a rule about the opening, not where its words are
    rule = "（六）每一位话务员在每天的工作开始之前都要认真准备，熟记开场白：" + HOTLINE + "\n"
    text = "类型：来电\n某市供水热线服务规范\n一、服务守则\n" + RULES + rule
    found = greeting(shipped, "inside.txt", text)
    assert len(found) == 1 and "问候" in found[0], found


# --- 2. a bank's alternative ending nodes: each is a whole closing, not read with the other nodes' lines before it ---


def closings(root: Path, name: str, text: str) -> dict[int, str]:
    """line → message of each missing-closing finding of one free-form file."""
    return {p.line: p.message for p in lint_text(root, name, text, "missing-closing")}


NODES = (
    "您好，请问是{name}先生吗？我是安心物业客服，想跟您确认一下上门维修的时间，您现在方便吗？\n"
    "请问您明天上午在家吗？师傅可以九点到十一点之间上门。\n"
    "好的，那就给您约在明天上午，师傅上门前会提前联系您。\n"
    "好的，那就先不安排上门了，有需要您随时联系我们，祝您生活愉快。\n"
    "不好意思打扰了，那我们改天再跟您确认时间，感谢您的接听。\n"
)


def test_each_ending_node_of_a_bank_is_its_own_closing(shipped):
    # the thanks and the wish of the two lines before the endings are other nodes' words, not the endings' closing
    text = (
        NODES
        + "好的，那就不打扰您了，稍后有需要随时来电，祝您生活愉快，再见！\n好的，地址问题建议您联系物业前台核实，感谢接听，再见！\n"
    )
    found = closings(shipped, "nodes.txt", text)
    assert sorted(found) == [6, 7], found
    assert "致谢" in found[6] and "祝福" not in found[6], found
    assert "祝福" in found[7] and "致谢" not in found[7], found


def test_one_ending_still_reads_the_closing_talk_before_it(shipped):
    text = NODES + "好的，那就不打扰您了，再见！\n"
    assert closings(shipped, "one.txt", text) == {}


def test_a_call_with_the_customers_turns_is_no_bank(shipped):
    text = (
        "客服：您好，请问是王先生吗？我是安心物业客服，您现在方便吗？\n客户：方便。\n"
        "客服：好的，那就先不安排上门了，有需要您随时联系我们，祝您生活愉快，感谢您的接听。\n"
        "客服：好的，那就不打扰您了，稍后有需要随时来电，再见！\n"
        "客服：好的，地址问题建议您联系物业前台核实一下，再见！\n"
    )
    assert closings(shipped, "call.txt", text) == {}
