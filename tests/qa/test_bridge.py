"""The linter's rules on a call: the turn-by-turn rules run only where their own first tests say they may find
something, with the same findings as on every turn."""

from __future__ import annotations

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


def turns() -> list[Turn]:
    out = [Turn("A" if role == "agent" else "B", text, line=i + 1) for i, (role, text) in enumerate(SAID)]
    for t, (role, _) in zip(out, SAID):
        t.role = role
    prepare(out)
    return out


def test_only_the_turns_that_may_have_findings_are_checked(project):
    bridge = Bridge(project)
    chosen = bridge._may_find(turns(), "\n".join(text for _, text in SAID), {5, 7})
    assert chosen is not None and 5 not in chosen and 8 not in chosen  # 「嗯，好的。」 and the closing: nothing to find


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
    monkeypatch.setattr(Bridge, "_may_find", lambda self, turns, text, lines: None)
    assert sorted(Bridge(project).findings(turns(), org, {2}), key=repr) == screened
