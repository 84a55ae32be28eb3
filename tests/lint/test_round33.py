"""Round 33 (bench/README.md "Round 33").

33a: a phrase list's leave-taking run (lint/leavetaking.py) — each goodbye entry with the wishes and goodbyes said in
the entries next to it, and numbered entries side by side on a line (「1、您好!2、请!3、请进。」) as a list — read by the
rule missing-closing where a path's closing lacks the goodbye, in place of Round 32a's goodbye entry alone. Each shape
read fails on main 2187aca (a missing wish or goodbye reported); each left alone passes on main and here.

Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

READ = [
    # numbered entries side by side, the wish and the goodbye in the middle of the public phrases
    (
        "门诊服务用语\n一、公共用语1、您好!2、请!3、请进。\n4、请坐。\n5、请稍候。\n6、谢谢!7、祝您早日康复!8、您走好。\n"
        "9、请多提宝贵意见。\n二、岗位用语(1)您好,请问您挂哪个科?\n(2)请您到×号诊室就诊,亲属请在候诊区等一会儿。\n",
        ("道别", "祝福"),
    ),
    # quoted entries: the wishes said right after the goodbye entry
    (
        "接待服务用语\nB.1 日常用语\n“您好!”“请坐!”“您走好!”“保重身体!”“多保重!”“请节哀!”“不客气!”\n"
        "B.2 接待用语\n“您好,这里是业务窗口。”“请问您办理什么业务?”“请您稍等。”\n"
        "B.3 忌语\n“不知道。”“你自己看。”\n上班时间统一着装,佩戴工牌。\n",
        ("祝福",),
    ),
    # numbered entries in brackets, the wish before the goodbye
    (
        "柜台用语\n(1)您好!(2)请问您办理什么业务?(3)请稍等。\n(4)祝您生活愉快!(5)请慢走。\n"
        "(6)请您在这里签字。\n遇到客户投诉时,应耐心倾听,做好记录。\n上班时间统一着装,佩戴工牌。\n交接班时做好记录。\n",
        ("道别", "祝福"),
    ),
]

LEFT_ALONE = [
    # a thanks beside the goodbye is an entry of its own (Round 31, set 11's 655): the thanks stays missing
    (
        "志愿者用语\n1、基本用语:\n● 您好! ● 请讲!\n● 谢谢! ● 请慢走。\n2、接待用语:\n"
        "● 您好,请问您需要帮忙吗? ● 请您稍等。\n● 对不起,请您再说一遍好吗? ● 请排好队。\n3、禁用语:\n● 我不知道。 ● 你自己看。\n",
        "致谢",
    ),
    # a wish that is not next to the goodbye: the wish stays missing
    (
        "前台用语\n“祝您愉快!”“请稍等!”“再见!”“请出示证件。”\n“您好!”“请坐!”\n遇到投诉时,应耐心倾听。\n"
        "上班时间统一着装,佩戴工牌。\n交接班时做好记录。\n",
        "祝福",
    ),
    # numbered rules one to a line are no list: the goodbye they name is no closing
    (
        "窗口规范\n1、接待时面带微笑,主动问好。\n2、办理完毕说再见,祝客户愉快。\n3、上班时间统一着装,佩戴工牌。\n"
        "4、交接班时做好记录。\n5、下班前整理好台面。\n",
        "道别",
    ),
]


def _messages(root, text: str) -> str:
    return " ".join(p.message for p in lint_text(root, "r33.txt", text, "missing-closing"))


@pytest.mark.parametrize(("text", "words"), READ)
def test_a_lists_leave_taking_run_is_its_closing(shipped, text, words):
    said = _messages(shipped, text)
    assert said  # the thanks is still missing: no list entry next to the goodbye thanks
    assert not any(word in said for word in words)


@pytest.mark.parametrize(("text", "word"), LEFT_ALONE)
def test_thanks_far_wishes_and_rules_are_left_alone(shipped, text, word):
    assert word in _messages(shipped, text)


def test_the_run_stands_where_the_finding_stands(shipped):
    # the path's closing ends with the run read, so the finding for the thanks stands on the run's last entry
    found = lint_text(shipped, "r33.txt", READ[0][0], "missing-closing")
    assert [p.line for p in found] == [5]
