"""Round 19 of issue 12: set 16's errors, and transcripts whose labels lie (bench/README.md, "Round 19").

Every text here is made up, one for each shape the change reads and one for each it must leave alone: a staff
number said bare before 为您服务 (and a hotline's number, which is no staff number), a need asked without 有, and a
diariser's speaker ids (SPEAKER_00, spk1, 说话人1) whose sides the words decide.
"""

from __future__ import annotations

import shutil

import pytest

from tests.lint.conftest import REPO, lint_text

INBOUND = "# 类型：来电\n"
AFTER = "客户：我想查一下话费。\n客服：好的，已经帮您查好了。感谢您的来电，再见。\n"


def _missing(root, text: str) -> str:
    """The missing-greeting finding's message, or ""."""
    found = lint_text(root, "g.txt", text, "missing-greeting")
    return found[0].message if found else ""


def test_bare_staff_number_is_the_agents_number_not_a_company(shipped):
    said = _missing(shipped, INBOUND + "客服：您好！966为您服务，请问有什么可以帮您？\n" + AFTER)
    assert "报坐席姓名或工号" not in said
    assert "报公司名称" in said


def test_staff_number_in_spoken_digits(shipped):
    said = _missing(shipped, INBOUND + "客服：您好，安心物业，九六六为您服务，请问有什么可以帮您？\n" + AFTER)
    assert "报坐席姓名或工号" not in said


@pytest.mark.parametrize("opening", ["您好，中国移动10086为您服务", "您好，24小时为您服务", "您好，我们竭诚为您服务"])
def test_a_hotline_or_a_slogan_is_no_staff_number(shipped, opening):
    said = _missing(shipped, INBOUND + f"客服：{opening}，请问有什么可以帮您？\n" + AFTER)
    assert "报坐席姓名或工号" in said


def test_need_asked_without_you(shipped):
    said = _missing(shipped, INBOUND + "客服：您好，安心物业，工号966为您服务，请问什么可以帮您？\n" + AFTER)
    assert said == ""


CALL = [
    ("喂，你好。", "您好，请问是王先生吗？"),
    ("对，我是。", "王先生您好，这里是安心物业，我是客服小李，想做个简短回访，您现在方便吗？"),
    ("方便。别问我，我不知道。", "好的，感谢您的支持，祝您生活愉快，再见。"),
]


def _diarised(customer: str, agent: str, form: str = "{}: {}") -> str:
    return "".join(form.format(customer, c) + "\n" + form.format(agent, a) + "\n" for c, a in CALL)


@pytest.mark.parametrize(
    ("customer", "agent", "form"),
    [
        ("SPEAKER_00", "SPEAKER_01", "{}: {}"),
        ("SPEAKER_01", "SPEAKER_00", "[{}]: {}"),
        ("spk0", "spk1", "{}：{}"),
        ("说话人1", "说话人2", "{}：{}"),
        ("Speaker 1", "Speaker 2", "{}: {}"),
        ("发言人1", "发言人2", "【{}】{}"),
    ],
)
def test_diarised_speakers_are_read_by_their_words(shipped, customer, agent, form):
    found = lint_text(shipped, "d.txt", _diarised(customer, agent, form))
    rules = [p.rule for p in found]
    assert rules == ["unknown-speaker"], found  # every element found on the agent's side, no forbidden line
    assert agent in found[0].message and "推断为坐席" in found[0].message


def test_the_customers_words_under_a_diarised_id_are_not_the_agents(packed):
    # the agent side chosen, the customer's 「我不知道」 is no forbidden phrase; the agent's own still is
    text = _diarised("spk0", "spk1").replace("感谢您的支持", "这事我不知道，感谢您的支持")
    found = lint_text(packed, "d.txt", text, "forbidden-phrase")
    assert [p.line for p in found] == [6]
    both = lint_text(packed, "d.txt", text.replace("spk0: ", "客服：").replace("spk1: ", "客服："), "forbidden-phrase")
    assert sorted({p.line for p in both}) == [5, 6]  # the customer's words would be found, were they the agent's


def test_a_tie_is_not_inferred(shipped):
    text = "spk0：你好。\nspk1：你好。\nspk0：嗯。\nspk1：嗯。\n"
    found = lint_text(shipped, "t.txt", text, "unknown-speaker")
    assert len(found) == 2 and all("没有当作坐席的话检查" in p.message for p in found)


def test_named_unknown_labels_are_not_inferred_by_points(shipped):
    # a word that is no diariser id stays unknown unless it opens the call by introducing itself
    text = "张三：你好。\n李四：您好，请问是王先生吗？\n张三：对。\n李四：方便说几句吗？\n"
    found = lint_text(shipped, "n.txt", text, "unknown-speaker")
    assert len(found) == 2 and all("没有当作坐席的话检查" in p.message for p in found)


def test_a_declared_diarised_id_is_taken_as_declared(tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    (tmp_path / "huifang.yaml").write_text(
        "lint:\n  speakers:\n    agent: [SPEAKER_01]\n    customer: [SPEAKER_00]\n", encoding="utf-8"
    )
    assert lint_text(tmp_path, "d.txt", _diarised("SPEAKER_00", "SPEAKER_01")) == []


@pytest.mark.parametrize(
    ("ending", "missing"), [("感谢您的支持，欢迎您再来。", True), ("请慢走，欢迎下次光临。", False)]
)
def test_a_shops_invitation_is_no_goodbye(shipped, ending, missing):
    text = "# 类型：面对面\n客服：您好，请问办理什么业务？\n客户：我办卡。\n客服：好的，已经办好了。" + ending + "\n"
    found = lint_text(shipped, "f.txt", text, "missing-closing")
    assert any("道别" in p.message for p in found) is missing


SWAPPED = "客户：您好，请问是王先生吗？\n客服：对。\n客户：王先生您好，这里是安心物业，我是客服小李，您现在方便吗？\n客服：方便。\n客户：感谢您的支持，再见。\n"


def test_sides_swapped_by_the_diariser_are_pointed_out_once(shipped):
    found = lint_text(shipped, "s.txt", SWAPPED, "labels-swapped")
    assert [p.line for p in found] == [3]


@pytest.mark.parametrize(
    "text",
    [
        SWAPPED.replace("客户：", "甲：").replace("客服：", "客户：").replace("甲：", "客服："),  # labelled right
        # an inbound caller who introduces themself, answered by an agent who does too
        "客服：您好，安心物业，我是客服小李，请问有什么可以帮您？\n客户：你好，我是三号楼的业主，水管坏了。\n客服：好的，马上安排。\n",
    ],
)
def test_labels_read_right_are_not_questioned(shipped, text):
    assert lint_text(shipped, "r.txt", text, "labels-swapped") == []
