"""Branches in free-form scripts: each marker kind real scripts use makes paths whose closings are checked
one by one (shapes taken from bench/realworld/), and a file without markers is told once that only its
end was checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from huifang.lint.api import lint_paths

OPENING = "客服：您好，请问是王先生吗？这里是安心物业，我是客服小李，耽误您两分钟做个回访可以吗？\n"


def lint(shipped: Path, name: str, text: str):
    path = shipped / "scripts_src" / name
    path.write_text(text, encoding="utf-8")
    return lint_paths(shipped, [path]).problems


def closings(problems) -> dict[int, str]:
    """line → message of each missing-closing finding."""
    return {p.line: p.message for p in problems if p.rule == "missing-closing"}


# (file name, text, line of the branch that lacks its closing, the branch's name in the message)
CASES = [
    (
        "letters.txt",  # 「A.方便」「B.不方便」 on lines of their own, the questions after
        OPENING + "A.方便：进入回访\nB.不方便——那好的，不好意思打扰您了。\n客服：请问您对维修服务满意吗？\n"
        "客服：感谢您的支持，祝您生活愉快，再见！\n",
        3,
        "不方便",
    ),
    (
        "situations.txt",  # 情况一 / 情况二, each with its own ending
        OPENING + "客服：请问您对维修服务满意吗？\n情况一：客户满意\n客服：感谢您的认可，祝您生活愉快，再见！\n"
        "情况二：客户不满意\n客服：很抱歉，我们会尽快安排师傅上门。\n",
        6,
        "情况二",
    ),
    (
        "satisfied.txt",  # 如客户满意 / 如客户不满意 with the words on the marker's line
        OPENING + "客服：请问您对维修服务满意吗？\n如客户满意：好的，感谢您的认可，祝您生活愉快，再见！\n"
        "如客户不满意：很抱歉，我们会尽快改进，再见！\n",
        4,
        "如客户不满意",
    ),
    (
        "cooperate.txt",  # 配合的 / 不配合的 after a 结束语 marker (payment verification call)
        OPENING + "结束语：\n配合的：好的，先生/女士，感谢您的配合，这边不打扰您了，祝您生活愉快，再见！\n"
        "不配合的：好的，为了您的账户安全，建议您去银行查询一下近期交易流水，这边不打扰您了，祝您生活愉快，再见！\n",
        4,
        "不配合的",
    ),
    (
        "occasions.txt",  # numbered alternative endings 日常 / 节日 (each says goodbye), the second nested;
        # 日常 lacks a good wish
        "(一)开始语:\n1、日常:您好,欧飞,很高兴为您服务!\n2、节日:新年好,欧飞,很高兴为您服务!\n(二)结束语:\n"
        "1、日常:请不要挂机,稍后对我的服务进行评价,谢谢,祝您生活愉快,再见!\n2、节日:\n(1)元旦、春节:请不要挂机,稍后对我的服务进行评价,"
        "祝您新年愉快,再见!\n",
        7,
        "节日",
    ),
    (
        "nested.txt",  # 如客户满意 / 如客户不满意 inside 方便, then 不方便, none numbered: the last inner branch ends
        # where the outer set's next branch starts (it ran to the end of the file, so its path was never checked)
        OPENING
        + "方便：\n客服：好的，请问您对维修服务满意吗？\n如客户满意：\n客服：感谢您的认可，祝您生活愉快，再见！\n"
        "如客户不满意：\n客服：很抱歉，我们会尽快改进。\n不方便：\n客服：好的，不打扰您了，感谢您的接听，祝您生活愉快，再见！\n",
        7,
        "如客户不满意",
    ),
    (
        "headings.md",  # Markdown headings
        "# 满意度回访\n\n"
        + OPENING
        + "\n客服：请问您对维修服务满意吗？\n\n## 满意\n\n客服：感谢您的认可，祝您生活愉快，再见！\n\n"
        "## 不满意\n\n客服：很抱歉，我们会尽快改进。\n",
        13,
        "不满意",
    ),
    (
        "list.md",  # a Markdown list of conditions
        OPENING
        + "\n客服：请问您对维修服务满意吗？\n\n- 满意：感谢您的认可，祝您生活愉快，再见！\n- 不满意：很抱歉，我们会尽快改进。\n",
        6,
        "不满意",
    ),
]


@pytest.mark.parametrize("name, text, line, branch", CASES, ids=[c[0] for c in CASES])
def test_each_branch_closing_is_checked(shipped, name, text, line, branch):
    found = closings(lint(shipped, name, text))
    assert list(found) == [line], found
    assert f"「{branch}」" in found[line]


def test_every_branch_closed_is_clean(shipped):
    text = (
        OPENING + "客服：请问您对维修服务满意吗？\n如客户满意：好的，感谢您的认可，祝您生活愉快，再见！\n"
        "如客户不满意：很抱歉给您带来不便，感谢您的反馈，祝您生活愉快，再见！\n"
    )
    problems = lint(shipped, "closed.txt", text)
    assert not closings(problems)
    assert "closing-end-only" not in {p.rule for p in problems}


def test_alternative_calls_side_by_side_have_their_own_openings(shipped):
    # three complete calls, numbered, each with its own opening and ending (a 95598 handbook)
    text = (
        "1.咨询:“您好！请问您是**吗？我是****的客服代表**，您现在方便接听电话吗？关于您上次咨询的问题…"
        "感谢您的支持，祝您生活愉快，再见！”\n"
        "2.投诉:“您好，请问您是**吗？我是****的客服代表**，关于您上次投诉的问题…感谢您的理解与支持，祝您生活愉快，再见！”\n"
    )
    problems = lint(shipped, "sidebyside.txt", text)
    greeting = [p for p in problems if p.rule == "missing-greeting"]
    assert [p.line for p in greeting] == [2], greeting
    assert "「投诉」" in greeting[0].message and "确认是否方便" in greeting[0].message
    assert not closings(problems)


def test_steps_are_not_branches(shipped):
    # a), b), c) are the steps of one procedure: only the last says goodbye, and that is the call's end
    text = (
        "客服：您好，我是维修中心，请问有什么可以帮您？\n客服：请问您家的地址是？\na)记录业主报修内容及房号\n"
        "b)约定上门维修时间\nc)感谢您的来电，祝您生活愉快，再见！\n"
    )
    assert not closings(lint(shipped, "steps.txt", text))


def test_without_markers_only_the_end_is_checked_said_once(shipped):
    text = (
        OPENING
        + "客服：请问您对维修服务满意吗？\n客服：请问师傅是否按约定时间上门？\n客服：感谢您的支持，祝您生活愉快，再见！\n"
    )
    problems = lint(shipped, "plain.txt", text)
    [info] = [p for p in problems if p.rule == "closing-end-only"]
    assert info.severity == "info" and "只检查了文件末尾" in info.message
    for mark in ("*", "{", "|", "closing", ".txt"):
        assert mark not in info.message
    short = OPENING + "客服：请问您对维修服务满意吗？\n客服：感谢您的支持，祝您生活愉快，再见！\n"
    assert "closing-end-only" not in {p.rule for p in lint(shipped, "short.txt", short)}


@pytest.mark.parametrize(
    "name, ending",
    [
        # a hospital's farewell: two wordings, 或说 between the quotes (the second has no thanks)
        ("either.txt", "客服：“感谢您对我们工作的支持，祝您早日康复，再见。” 或说：“请您慢走，一路平安，再见。”\n"),
        # a front desk's wordings separated by a slash after a sentence's end
        (
            "slash.txt",
            "客服：不好意思，我们这边听不清楚，请您稍后再打来，谢谢，祝您生活愉快，再见！/您好，请问您会讲普通话么，再见！\n",
        ),
    ],
)
def test_wordings_side_by_side_are_each_checked(shipped, name, ending):
    text = OPENING + "客服：请问您对维修服务满意吗？\n" + ending
    found = closings(lint(shipped, name, text))
    assert list(found) == [3], found
    assert "说法2" in found[3] and "致谢" in found[3], found[3]


def test_a_slash_inside_a_sentence_is_no_alternative(shipped):
    text = OPENING + "客服：请问您对维修服务满意吗？\n客服：感谢先生/女士的支持，祝您新年/春节愉快，再见！\n"
    assert not closings(lint(shipped, "pair.txt", text))


def test_branches_that_do_not_say_goodbye_go_on_to_the_common_ending(shipped):
    text = (
        OPENING
        + "客服：请问您对维修服务满意吗？\n如客户满意：好的，谢谢您的认可。\n如客户不满意：很抱歉，我们会尽快改进。\n"
        "客服：请问您还有其他建议吗？\n客服：感谢您的支持，祝您生活愉快，再见！\n"
    )
    problems = lint(shipped, "common.txt", text)
    assert not closings(problems)
    assert "closing-end-only" not in {p.rule for p in problems}


def test_a_script_with_thousands_of_branches_is_capped_and_says_so(shipped):
    lines = [OPENING.rstrip("\n")]
    for i in range(1, 400):
        lines += [f"情况{i}：客户说第{i}种情况", "客服：好的，谢谢您，祝您生活愉快，再见！"]
    lines += [f"说法{i}：好的，再见！" for i in range(600)]
    problems = lint(shipped, "many.txt", "\n".join(lines) + "\n")
    [capped] = [p for p in problems if p.rule == "paths-capped"]
    assert "256" in capped.message and capped.severity == "info"


def _closing_found(shipped, name: str, text: str) -> set[str]:
    """Which closing elements the one path's closing says (by the missing-closing message)."""
    [message] = closings(lint(shipped, name, text)).values() or [""]
    return {e for e in ("致谢", "祝福", "道别") if e not in message}


def test_thanks_in_the_middle_of_a_script_is_not_its_closing(shipped):
    # a reply to one question thanks the customer; the script then goes on and never closes
    text = (
        OPENING + "客服：请问您对维修服务满意吗？（满意：谢谢您的认可，我们会做得更好。）\n"
        "客服：请问师傅是否按约定时间上门，上门时有没有出示工作证并穿好鞋套？\n"
    )
    assert _closing_found(shipped, "middle.txt", text) == set()
    # closing talk before the last turn still counts: 「感谢您的支持。」「好的，再见！」
    text = OPENING + "客服：请问您对维修服务满意吗？\n客服：感谢您的支持，祝您生活愉快。\n客服：好的，再见！\n"
    assert not closings(lint(shipped, "two.txt", text))
    # where to turn later, said between the thanks and the goodbye, is closing talk too
    text = (
        OPENING + "客服：请问您对维修服务满意吗？\n客服：感谢您的支持。\n"
        "客服：如有疑问请拨打我们的24小时服务热线4008123123进行咨询。\n客服：祝您生活愉快，再见！\n"
    )
    assert not closings(lint(shipped, "three.txt", text))
    # one more remark after the goodbye: the goodbye still closes the call
    text = (
        OPENING + "客服：请问您对维修服务满意吗？\n客服：非常感谢您的支持与配合，祝您生活愉快，再见！\n"
        "客服：我们一直在努力改进服务流程，希望给您带来更好的居住体验，有任何需要请及时告诉我们。\n"
    )
    assert not closings(lint(shipped, "remark.txt", text))


def test_rules_of_conduct_and_narration_after_the_closing_are_not_speech(shipped):
    text = (
        OPENING + "客服：请问您对维修服务满意吗？\n客服：感谢您的支持，祝您生活愉快，再见！\n"
        "第九条 回访员不得与客户争吵，不得率先挂机。\n"
    )
    assert not closings(lint(shipped, "rules.txt", text))
    story = (
        "“您好，这里是安心物业，请问是王先生吗？我是客服小李，现在方便吗？”\n"
        "我答应了，她接着问：“请问您对维修服务满意吗？”\n我回答满意，她笑着说：“感谢您的支持，祝您生活愉快，再见！”\n"
        "挂断后，我打开手机看了看维修记录。\n"
    )
    assert not closings(lint(shipped, "story.txt", story))


def test_numbered_alternative_openings_are_each_checked(shipped):
    # two numbered wordings of the opening side by side: the festival one names no company and no agent
    text = (
        "开场白用语如下：\n"
        "1. 对于来电者，说：“您好！这里是安心物业，我是客服小李，请问有什么可以帮您？”\n"
        "2. 节日问候时说：“您好！祝您节日快乐！请问有什么可以帮您？”\n"
        "客服：请问您家的地址是？\n客服：感谢您的来电，再见！\n"
    )
    found = [
        p
        for p in lint(shipped, "inbound.txt", "<!-- huifang: kind=inbound -->\n" + text)
        if p.rule == "missing-greeting"
    ]
    assert len(found) == 1 and "说法2" in found[0].message and "报公司名称" in found[0].message, found
    # numbered steps that do not each greet are one opening
    steps = (
        "1. 客服：您好！这里是安心物业，我是客服小李。\n2. 客服：请问有什么可以帮您？\n"
        "客服：请问您家的地址是？\n客服：感谢您的来电，再见！\n"
    )
    found = [
        p
        for p in lint(shipped, "steps2.txt", "<!-- huifang: kind=inbound -->\n" + steps)
        if p.rule == "missing-greeting"
    ]
    assert found == [], found


def test_labelled_alternative_openings_are_each_checked(shipped):
    # two wordings of the opening under labels of their own: the trainee's gives no name or number
    text = (
        "来电接听规范\n"
        "正式员工：您好，安心物业，工号1024为您服务，请问有什么可以帮您？\n"
        "实习生：您好，安心物业，实习生为您服务，请问有什么可以帮您？\n"
        "客服：请问您家的地址是？\n客服：感谢您的来电，再见！\n"
    )
    found = [
        p
        for p in lint(shipped, "labelled.txt", "<!-- huifang: kind=inbound -->\n" + text)
        if p.rule == "missing-greeting"
    ]
    assert len(found) == 1 and "说法2" in found[0].message and "报坐席" in found[0].message, found
    # two calls under labels one after another, one of them only greeting: the second names no company
    calls = (
        "回访老患者：您好，我是XX口腔的客服，想回访一下您的恢复情况，您现在方便吗？\n"
        "二次回访：您好，上次回访后想了解一下您现在的情况，您现在方便吗？\n"
        "客服：好的，感谢您的配合，祝您生活愉快，再见！\n"
    )
    found = [p for p in lint(shipped, "calls.txt", calls) if p.rule == "missing-greeting"]
    assert any("说法2" in p.message and "报公司名称" in p.message for p in found), found


def test_ending_nodes_of_a_bot_script_are_each_an_ending(shipped):
    # a call robot's script written one node a line, 「节点：文案」: every 结束… node ends the call, also one
    # that says no goodbye (an error ending), so each is checked
    text = (
        OPENING + "来电目的：想邀请您参加一个活动，好吗。\n"
        "拒绝：您真的不再考虑一下吗。\n"
        "结束（成功）：好的，感谢您的接听，祝您生活愉快，再见。\n"
        "结束_在忙：那你先忙，感谢您的接听，祝您生活愉快，再见。\n"
        "结束_出错：不好意思，发生了一些错误。\n"
    )
    found = closings(lint(shipped, "bot.txt", text))
    assert list(found) == [6] and "结束_出错" in found[6]


def test_endings_listed_one_a_line_are_each_an_ending(shipped):
    # an utterance bank without node names (a robot's strings, one a line): the agent's turns that each end the
    # call, in a row at the end, are alternative endings, so the one without thanks is found
    text = (
        "您好，请问是王先生吗？这里是安心物业，我是客服小李，耽误您两分钟做个回访可以吗？\n"
        "请问您对维修服务满意吗？\n"
        "好的，感谢您的接听，如果您有疑问可以拨打客服电话，祝您生活愉快，再见！\n"
        "好的，那就不打扰您了，稍后有需要随时来电，祝您生活愉快，再见～\n"
    )
    found = closings(lint(shipped, "bank.txt", text))
    assert list(found) == [4] and "结尾2" in found[4] and "致谢" in found[4], found
    # a call as it was said: the customer's short goodbye after the agent's is no ending of its own
    said = (
        "您好，请问是王先生吗？这里是安心物业，我是客服小李，耽误您两分钟做个回访可以吗？\n"
        "请问您对维修服务满意吗？\n"
        "好的，感谢您的接听，祝您生活愉快，再见！\n"
        "好的，再见。\n"
    )
    assert closings(lint(shipped, "said.txt", said)) == {}


def test_quoted_openings_side_by_side_are_each_checked(shipped):
    # quotes of different calls one after another, each opening a call: the second addresses nobody by name,
    # so the identity check is missing there
    text = (
        "“刘先生，您好，我是安心物业的客服小李，现在方便说两句吗？”“您好，我是安心物业的客服小李，"
        "现在方便说两句吗？”……每天，客服中心的工作人员都要打几十个这样的回访电话。\n"
    )
    found = [p for p in lint(shipped, "side.txt", text) if p.rule == "missing-greeting"]
    assert any("说法2" in p.message and "确认客户身份" in p.message for p in found), found
    assert not any("说法1" in p.message for p in found), found
    # the same wordings under situation labels, one a line
    labelled = (
        "报修回访：“刘先生，您好，我是安心物业的客服小李，现在方便说两句吗？”（确认结果）\n"
        "节日问候：“您好，我是安心物业的客服小李，现在方便说两句吗？”（表达关怀）\n"
    )
    found = [p for p in lint(shipped, "side2.txt", labelled) if p.rule == "missing-greeting"]
    assert any("说法2" in p.message and "确认客户身份" in p.message for p in found), found


def test_a_storys_dialogue_in_quotes_is_one_call(shipped):
    # consecutive quoted lines of one call: the customer's answer greets too, but it is no opening of its own
    text = (
        "“您好，这里是安心物业，请问是刘先生吗？我是客服小李。”\n"
        "“你好，我家的水管又漏水了！”\n"
        "“请问漏水的位置在哪里？”\n"
    )
    found = [p for p in lint(shipped, "dialogue.txt", text) if p.rule == "missing-greeting"]
    assert not any("说法" in p.message for p in found), found
    # a quote after narration is the call going on, not another wording
    story = (
        "“刘先生，您好，我是安心物业的客服小李。”电话那头的刘先生愣了一下，随后笑着答应了。"
        "“阿姨，您好，麻烦您转告刘先生一声。”\n"
    )
    found = [p for p in lint(shipped, "story2.txt", story) if p.rule == "missing-greeting"]
    assert not any("说法" in p.message for p in found), found


def test_openings_listed_one_a_line_are_each_checked(shipped):
    # an utterance bank: two openings one a line without markers, each greeting and saying more; only the
    # first checks who answers
    text = (
        "您好，请问是刘先生吗？这里是安心物业，我是客服小李，耽误您两分钟做个回访可以吗？\n"
        "您好打扰了，这里是安心物业，我是客服小李，耽误您两分钟做个回访可以吗？\n"
        "请问您对维修服务满意吗？\n"
        "好的，感谢您的接听，祝您生活愉快，再见！\n"
    )
    found = [p for p in lint(shipped, "bank2.txt", text) if p.rule == "missing-greeting"]
    assert len(found) == 1 and "说法2" in found[0].message and "确认客户身份" in found[0].message, found
    # a call as it was said: the customer's 「对，你好」 after the agent's opening is no opening of its own
    said = (
        "您好，请问是刘先生吗？这里是安心物业，我是客服小李，耽误您两分钟做个回访可以吗？\n"
        "对，你好，什么事？\n"
        "请问您对维修服务满意吗？\n"
        "好的，感谢您的接听，祝您生活愉快，再见！\n"
    )
    assert [p for p in lint(shipped, "said2.txt", said) if p.rule == "missing-greeting"] == []


def test_a_short_ending_that_says_sorry_is_an_ending_of_its_own(shipped):
    # a robot's endings one a line; the last is short but apologises for the call, so it is an agent's ending
    # and its missing thanks is found
    text = (
        "您好，请问是王先生吗？这里是安心物业，我是客服小李，耽误您两分钟做个回访可以吗？\n"
        "请问您对维修服务满意吗？\n"
        "好的，感谢您的接听，祝您生活愉快，再见！\n"
        "好的，那就不打扰您了，感谢您的接听，祝您生活愉快，再见～\n"
        "网络不太好，先打扰了，再见。\n"
    )
    found = closings(lint(shipped, "sorry.txt", text))
    assert list(found) == [5] and "致谢" in found[5], found


def test_typical_lines_listed_after_for_example_are_alternatives(shipped):
    # 「如“…”“…”」 lists typical lines: the second greets nobody, so the greeting is not said in every wording
    text = (
        "物业人员与业主碰面时，一个简单的问候如“您好，吃过饭了吗？”“最近下雨，出门记得带伞。”，能拉近彼此的距离。\n"
        "客服：感谢您的支持，再见！\n"
    )
    found = [p for p in lint(shipped, "typical.txt", text) if p.rule == "missing-greeting"]
    assert any("说法2" in p.message and "问候" in p.message for p in found), found
    # without the list's word the two quotes are one call's words
    said = "物业人员碰面时说：“您好，吃过饭了吗？”“最近下雨，出门记得带伞。”\n客服：感谢您的支持，再见！\n"
    found = [p for p in lint(shipped, "said3.txt", said) if p.rule == "missing-greeting"]
    assert not any("说法" in p.message for p in found), found


def test_an_utterance_banks_endings_in_its_middle_are_each_an_ending(shipped):
    # a robot's lines in source order (round 13): lines that end the call well before the last one — ending with the
    # call-ending words, 请您挂一下电话 among them — are each the end of a path, so their missing closing is found
    text = (
        "您好，请问是王先生吗？这里是安心物业，我是客服小李，耽误您两分钟做个回访可以吗？\n"
        "对不起，打扰您了，请您挂一下电话\n"
        "请问您对维修服务满意吗？\n"
        "请问师傅上门时有没有出示工作证？\n"
        "好的，您的意见我们已经记录。\n"
        "好的，感谢您的接听，祝您生活愉快，再见！\n"
    )
    found = closings(lint(shipped, "bank-middle.txt", text))
    assert list(found) == [2] and "结尾1" in found[2], found


@pytest.mark.parametrize(
    "middle",
    [
        # a story's goodbye inside a sentence ends no path
        "他说了声再见就挂了电话，过了一会儿又打了回来。\n",
        # a goodbye that is no line's end, and a short customer's goodbye
        "好的，再见之前我再确认一下您的地址，请问还是金朗路吗？\n",
        "好的，再见。\n",
        # a goodbye and a remark or two after it is one ending
        "好的，感谢您的接听，祝您生活愉快，再见！\n",
    ],
)
def test_a_goodbye_that_ends_no_line_ends_no_path(shipped, middle):
    text = (
        "您好，请问是王先生吗？这里是安心物业，我是客服小李，耽误您两分钟做个回访可以吗？\n"
        + middle
        + "请问您对维修服务满意吗？\n"
        "好的，感谢您的接听，祝您生活愉快，再见！\n"
    )
    assert closings(lint(shipped, "middle.txt", text)) == {}
