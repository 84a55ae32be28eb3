"""Round 35 (bench/README.md "Round 35"): where a call robot's flow ends its call besides a goodbye (lint/robotends.py).

A robot's prompt list is a bank of the agent's lines; every prompt that ends the call ends a path. (a) A prompt in which
the robot says that it hangs up (「抱歉，还是听不清您说什么，我先挂了，稍后再联系您」) ends the call as a goodbye does;
(b) a marked branch of such a bank that ends in two or more prompts that each end the call (a keypress's message, then
the wrong-input message) is one path per prompt. Both shapes fail on main b9acce8 (no finding: the hang-up prompt was
read as one more line of the bank, the wrong-input message as more closing talk of the message before it); the shapes
left alone pass on main and here.

Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

HANGS_UP = (
    "您好，这里是青山物业客服中心，请问是张先生吗？我们想对上周的维修做个回访，您现在方便吗？\n"
    "好的，请问维修师傅是否按时上门了？\n"
    "您对这次维修的结果满意吗？\n"
    "喂，您能听到我说话吗？\n"
    "抱歉，还是听不清您说什么，我先挂了，稍后再联系您\n"
    "好的，请问您还有其他问题吗？\n"
    "我们会把您的意见反馈给相关部门。\n"
    "好的，您的意见我已经记录下来了。\n"
    "好的，那就不打扰您了，感谢您的接听，祝您生活愉快，再见！\n"
)

WRONG_INPUT = (
    "开场：您好，这里是青山家电客服中心，来电跟您确认洗衣机的安装日期。确认请按1，改约请按2。\n"
    "场景1：确认安装\n"
    "您的安装日期已确认，工程师会在当天上午与您联系上门时间。感谢您的配合，再见。\n"
    "场景2：改约\n"
    "稍后您会收到一条改约短信，请您按短信提示直接回复数字即可。感谢您的配合，再见。\n"
    "对不起，输入有误。我们可能会再次和您联系，再见。\n"
)


def _closing(root, text: str) -> list:
    return lint_text(root, "r35.txt", text, "missing-closing")


def test_a_prompt_that_hangs_up_ends_a_path(shipped):
    assert any(p.line == 5 and "道别" in p.message for p in _closing(shipped, HANGS_UP))


def test_the_wrong_input_message_is_an_outcome_of_its_own(shipped):
    assert any(p.line == 6 and "致谢" in p.message for p in _closing(shipped, WRONG_INPUT))


LEFT_ALONE = [
    # a call with the customer's turns: the agent's 「我先挂了」 in the middle is no bank's ending
    "客服：您好，这里是青山物业客服中心，请问是张先生吗？\n客户：喂？\n客服：喂，您能听到吗？信号不好，我先挂了，稍后再联系您\n"
    "客户：能听到，你说吧。\n客服：好的，我们想对上周的维修做个回访。\n客户：挺好的。\n客服：感谢您的接听，祝您生活愉快，再见！\n",
    # a marked branch of a call, the customer's turns in it, that ends in two goodbyes: one closing, as before
    "客服：您好，这里是青山物业客服中心，请问是张先生吗？\n客户：是的。\nA. 满意：\n客户：挺满意的。\n"
    "客服：好的，感谢您的配合，祝您生活愉快，再见！\n客服：好的，那就不打扰您了，再见。\nB. 不满意：\n客户：不太满意。\n"
    "客服：非常抱歉，我们会尽快处理，感谢您的反馈，祝您生活愉快，再见！\n",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_calls_are_read_as_before(shipped, text):
    assert not [p for p in _closing(shipped, text) if "致谢" in p.message or "道别" in p.message]


def test_who_hangs_up():
    from huifang.lint.robotends import first_hang_up, hangs_up, hangs_up_line

    assert hangs_up("抱歉，还是听不清您说什么，我先挂了，稍后再联系您")
    assert hangs_up_line("抱歉，还是听不清您说什么，我先挂了，稍后再联系您")
    assert hangs_up_line("我这边先挂断了。")
    assert not hangs_up_line("我先挂了，您有问题可以随时拨打客服热线咨询")  # more than a promise to call again
    assert not hangs_up("我帮您挂号")  # 挂号 is no hanging up
    assert not hangs_up("请问您是要挂失吗")
    assert first_hang_up("您好\n我先挂了，稍后再联系您\n") == 3
    assert first_hang_up("您好\n再见\n") is None
