"""Speaker labels of free-form scripts: the wide default table, huifang.yaml additions, unknown labels."""

from __future__ import annotations

import pytest
from huifang.lint import freeform

from tests.lint.conftest import lint_text

CLOSING = "感谢您的支持，祝您生活愉快，再见！"


@pytest.mark.parametrize(
    "line, speaker",
    [
        ("客服：您好", "agent"),
        ("【客服】您好", "agent"),
        ("**客服：**您好", "agent"),
        ("**坐席**：您好", "agent"),
        ("客服人员: 您好", "agent"),
        ("回访专员：您好", "agent"),
        ("坐席员：您好", "agent"),
        ("回访人员：您好", "agent"),
        ("[话务员] 您好", "agent"),
        ("Agent: hello", "agent"),
        ("问：您好", "agent"),
        ("客服小王：您好", "agent"),
        ("客户：嗯", "customer"),
        ("顾客：嗯", "customer"),
        ("【用户】嗯", "customer"),
        ("市民：嗯", "customer"),
        ("业主：嗯", "customer"),
        ("患者：嗯", "customer"),
        ("持卡人：嗯", "customer"),
        ("Customer: ok", "customer"),
        ("答：嗯", "customer"),
        ("Ｂ：嗯", "customer"),
        ("客户张先生：嗯", "customer"),
        ("例如：您好", "agent"),
        ("10:30 打电话", "agent"),
    ],
)
def test_default_labels(line, speaker):
    [u] = freeform.parse(line + "\n", "x.txt")
    assert u.speaker == speaker
    if line.startswith(("例如", "10:30")):
        assert u.text == line  # not a label: the whole line is said


def test_customer_words_are_not_the_agents(proj):
    text = (
        "回访专员：您好，请问是王先生吗？我是安心物业客服小李，您现在方便接电话吗？\n"
        "顾客：不可能，从来没有这种事。\n"
        f"回访专员：好的，{CLOSING}\n"
    )
    assert lint_text(proj, "a.txt", text) == []


def test_customer_closing_does_not_hide_the_agents_missing_one(proj):
    text = (
        "坐席员：您好，请问是王先生吗？我是安心物业客服小李，您现在方便接电话吗？\n"
        "坐席员：请问您对服务满意吗？\n"
        "市民：好的，谢谢，再见。\n"
    )
    assert len(lint_text(proj, "b.txt", text, "missing-closing")) == 1


def test_unknown_label_is_never_the_agent_and_is_named_once(proj):
    text = "引导员：你自己想办法吧\n客户：好。\n引导员：你自己想办法吧\n"
    problems = lint_text(proj, "c.txt", text)
    assert not [p for p in problems if p.rule == "forbidden-phrase"]
    [info] = [p for p in problems if p.rule == "unknown-speaker"]
    assert (info.line, info.severity) == (1, "info")
    assert "「引导员」" in info.message and "lint.speakers.agent" in info.message


def test_labels_declared_in_huifang_yaml(proj):
    config = proj / "huifang.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\nlint:\n  speakers:\n    agent: [引导员]\n", encoding="utf-8"
    )
    text = "引导员：你自己想办法吧\n客户：好。\n引导员：再见\n"
    problems = lint_text(proj, "d.txt", text)
    assert "unknown-speaker" not in {p.rule for p in problems}
    assert [p.line for p in problems if p.rule == "forbidden-phrase"] == [1]


def test_bad_speakers_setting_is_one_line(proj):
    config = proj / "huifang.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\nlint:\n  speakers:\n    agent: 引导员\n", encoding="utf-8"
    )
    from huifang.lint.api import lint_paths

    problems = lint_paths(proj, [proj / "scripts_src"]).problems
    assert any(p.path == "huifang.yaml" and p.line > 1 for p in problems)


@pytest.mark.parametrize(
    "line, speaker",
    [
        ("医助：您好", "agent"),
        ("催收员：您好", "agent"),
        ("健康管理师：您好", "agent"),
        ("Assistant: 您好", "agent"),
        ("Human: 嗯", "customer"),
        ("User: 嗯", "customer"),
        ("受访者：嗯", "customer"),
        ("玩家：嗯", "customer"),
        ("AI：您好", "agent"),
        # a name or number with the label, a recorded call's time stamp, Traditional characters
        ("客户（张先生）：嗯", "customer"),
        ("坐席(张三)：您好", "agent"),
        ("回访员（工号1024）：您好", "agent"),
        ("客服-小王：您好", "agent"),
        ("[00:01] 客户：嗯", "customer"),
        ("00:00:01 客户：嗯", "customer"),
        ("客户 00:00:01：嗯", "customer"),
        ("客戶：嗯", "customer"),
        ("話務員：您好", "agent"),
    ],
)
def test_roles_of_other_trades(line, speaker):
    [u] = freeform.parse(line + "\n", "x.txt")
    assert u.speaker == speaker
    assert u.text == ("嗯" if speaker == "customer" else "您好")


def test_unknown_label_that_greets_and_introduces_is_inferred_as_the_agent(proj):
    text = (
        "跟进人：您好，请问是王先生吗？我是安心物业的小李，您现在方便接电话吗？\n"
        "业主：方便。\n"
        "跟进人：那你自己想办法吧。\n"
        "业主：好。\n"
        "跟进人：感谢您的支持，祝您生活愉快，再见！\n"
    )
    problems = lint_text(proj, "e.txt", text)
    assert [p.line for p in problems if p.rule == "forbidden-phrase"] == [3]
    assert not [p for p in problems if p.rule in ("missing-greeting", "missing-closing")]
    [info] = [p for p in problems if p.rule == "unknown-speaker"]
    assert "「跟进人」" in info.message and "推断为坐席" in info.message and info.severity == "info"


def test_no_inference_beside_a_known_agent_label_or_without_an_introduction(proj):
    beside = "客服：您好，我是安心物业的小李。\n跟进人：您好，我是安心物业的小王。\n跟进人：你自己想办法吧。\n"
    plain = "跟进人：您好。\n客户：你好。\n跟进人：你自己想办法吧。\n"
    for name, text in (("f.txt", beside), ("g.txt", plain)):
        problems = lint_text(proj, name, text)
        assert not [p for p in problems if p.rule == "forbidden-phrase"], name
        [info] = [p for p in problems if p.rule == "unknown-speaker"]
        assert "没有当作坐席的话检查" in info.message


def test_a_case_in_brackets_after_an_unknown_word_is_no_speaker():
    # 「回复（满意时）：」 names a case of the script: the line stays the agent's words, on every line
    text = "回复（满意时）：感谢您的支持，再见\n回复（不满意时）：非常抱歉\n"
    turns = freeform.parse(text, "x.txt")
    assert [(u.speaker, u.text[:2]) for u in turns] == [("agent", "回复"), ("agent", "回复")]
