"""The linter's rules on a call: the turn-by-turn rules run only where their own first tests say they may find
something, and the pre-screens read the call's marks, with the same findings as on every turn and with the
rules' own pre-screens."""

from __future__ import annotations

import pytest
from huifang.qa.call import Turn
from huifang.qa.rules_bridge import Bridge, prepare

SAID = [
    ("agent", "您好，我是泰康人寿客服小李，请问是王先生吗？"),
    ("customer", "是我，我的手机号是13812345678。"),
    ("agent", "为了核实身份，请您报一下完整的身份证号码。"),
    ("customer", "不可能！你们从没这种事？"),
    ("agent", "这种事我们从来没有过。"),
    ("agent", "嗯，好的。"),
    ("agent", "不可能！我们从没这种事！"),
    ("agent", "您的卡号是 6222 0212 3456 7890 128 吗？"),
    ("agent", "感谢您的接听，祝您生活愉快，再见！"),
]


def turns(said=SAID) -> list[Turn]:
    out = [Turn("A" if role == "agent" else "B", text, line=i + 1) for i, (role, text) in enumerate(said)]
    for t, (role, _) in zip(out, said):
        t.role = role
    prepare(out)
    return out


def test_only_the_turns_that_may_have_findings_are_checked(project):
    bridge = Bridge(project)
    text = "\n".join(text for _, text in SAID)
    marks = bridge._marks(text, "\n".join(t.folded for t in turns() if t.role == "agent"))
    chosen = bridge._may_find(turns(), text, {5, 7}, marks)
    assert chosen is not None and 5 not in chosen and 8 not in chosen  # 「嗯，好的。」 and the closing: nothing to find


CALLS = {
    "numbers, ID words and phrases": SAID,
    "nothing to screen in": [
        ("agent", "您好，我是泰康人寿客服小李，请问是王先生吗？"),
        ("customer", "是我。"),
        ("agent", "感谢您的接听，祝您生活愉快，再见！"),
    ],
    "a closing marker said": [
        ("agent", "您好，我是泰康人寿客服小李，请问是王先生吗？"),
        ("customer", "是我。"),
        ("agent", "结束语：感谢您的接听，再见！"),
        ("agent", "好的。"),
    ],
    "no greeting, a reordered phrase": [
        ("agent", "王先生吗？你自己想办法吧。"),
        ("customer", "身份证号我不说。"),
        ("agent", "想办法你自己吧，再见。"),
    ],
}


@pytest.mark.parametrize("said", CALLS.values(), ids=CALLS.keys())
def test_marks_give_the_findings_the_rules_own_prescreens_give(project, monkeypatch, said):
    org = project.orgs.get(project.config.default_org)
    marked = sorted(Bridge(project).findings(turns(said), org, set()), key=repr)
    monkeypatch.setattr(Bridge, "_marks", lambda self, text, agent_words: None)
    assert sorted(Bridge(project).findings(turns(said), org, set()), key=repr) == marked


def test_same_findings_as_on_every_turn(project, monkeypatch):
    org = project.orgs.get(project.config.default_org)
    bridge = Bridge(project)
    screened = sorted(bridge.findings(turns(), org, {2}), key=repr)
    rules = {(h.turn, h.rule) for h in screened}
    assert {
        (1, "personal-data"),
        (2, "personal-data"),
        (4, "forbidden-phrase"),
        (6, "forbidden-phrase"),
        (7, "personal-data"),
    } <= rules
    assert (3, "forbidden-phrase") not in rules  # the customer's words are not the agent's fault
    monkeypatch.setattr(Bridge, "_may_find", lambda self, turns, text, lines, marks: None)
    assert sorted(Bridge(project).findings(turns(), org, {2}), key=repr) == screened
