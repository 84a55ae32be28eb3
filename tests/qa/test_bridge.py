"""The linter's rules on a call: the turn-by-turn rules run only where their own first tests say they may find
something, and the pre-screens read the call's marks, with the same findings as on every turn and with the
rules' own pre-screens."""

from __future__ import annotations

import pytest
from huifang.lint.linemarks import OPENINGS
from huifang.qa.call import Turn
from huifang.qa.rules_bridge import Bridge
from huifang.qa.texts import prepare

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
    _, _, chosen, marks = Bridge(project)._survey(turns(), set())
    assert marks is not None and 5 not in chosen and 8 not in chosen  # 「嗯，好的。」 and the closing: nothing to find


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
    # each opening a path of its own (standards._alternatives): with the opening mark cleared, one opening
    "labelled alternative openings": [
        ("agent", "正式员工：您好，我是泰康人寿客服小李，工号1234，请问是王先生吗？"),
        ("agent", "实习生：您好，我是泰康人寿的实习生，请问是王先生吗？"),
        ("customer", "是我。"),
        ("agent", "感谢您的接听，再见！"),
    ],
    "numbered alternative openings": [
        ("agent", "1. 您好，我是泰康人寿客服小李，请问是王先生吗？"),
        ("agent", "2. 您好，这里是泰康人寿，我是客服小王，请问是王先生吗？"),
        ("customer", "是我。"),
        ("agent", "感谢您的接听，再见！"),
    ],
}


def test_the_opening_mark_is_cleared_where_no_alternative_opening_can_be(project):
    bridge = Bridge(project)
    assert not bridge._survey(turns(), set())[3] & OPENINGS
    for name in ("labelled alternative openings", "numbered alternative openings"):
        assert bridge._survey(turns(CALLS[name]), set())[3] & OPENINGS


@pytest.mark.parametrize("said", CALLS.values(), ids=CALLS.keys())
def test_marks_give_the_findings_the_rules_own_prescreens_give(project, monkeypatch, said):
    org = project.orgs.get(project.config.default_org)
    marked = sorted(Bridge(project).findings(turns(said), org, set()), key=repr)
    monkeypatch.setattr(Bridge, "_marks", staticmethod(lambda every, agents, first: None))
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
    everywhere = Bridge(project)
    everywhere._screens_enough = False  # the line rules on every turn
    assert sorted(everywhere.findings(turns(), org, {2}), key=repr) == screened


@pytest.mark.parametrize("said", CALLS.values(), ids=CALLS.keys())
def test_the_turns_screens_answer_as_the_whole_call_does(project, said):
    """Each pre-screen asked turn by turn (and remembered by text) gives what it gives asked of the call's
    turns joined by line breaks, as the bridge asked them before: the phrase automaton's lines, the marks, and
    the turns with digits or ID words."""
    from huifang.lint.linemarks import CLOSING, PERSONAL, REORDERED
    from huifang.lint.rules import forbidden_phrase, personal_data
    from huifang.lint.standards import names_closing

    bridge = Bridge(project)
    for _ in range(2):  # the second time from what the first remembered
        call = turns(said)
        _, lines, chosen, marks = bridge._survey(call, set())
        text = "\n".join(t.text for t in call)
        agent_words = "\n".join(t.folded for t in call if t.role == "agent")
        assert lines == bridge.lines.ctx.matcher.lines("\n".join(t.norm for t in call))
        order = forbidden_phrase._word_order(bridge.lines.ctx)
        assert marks is not None
        assert bool(marks & PERSONAL) == personal_data.may_hold(text)
        assert bool(marks & REORDERED) == bool(order and order.maybe(agent_words))
        assert bool(marks & CLOSING) == names_closing(agent_words)
        digits = [m.start() for p in (personal_data.DIGITS, personal_data.ID_WORDS) for m in p.finditer(text)]
        expected = {line - 1 for line in lines} | {text.count("\n", 0, at) for at in digits}
        if marks & REORDERED:
            expected |= {i for i, t in enumerate(call) if t.role == "agent" and order.maybe(t.folded)}
        assert chosen == sorted(expected)


def test_a_turns_personal_screens_are_the_rules_own(project):
    """`_screen` asks DIGITS and ID_WORDS only of a text `may_hold` accepts: that is exact only while `may_hold`
    accepts whatever either finds, on any text. An agent's turn is asked DIGITS only where SPOKEN_RUN finds a run
    in its folded text: exact while every text DIGITS finds something in is one of those."""
    import random

    from huifang.lint.rules import personal_data
    from huifang.qa.rules_bridge import _PERSONAL, _PERSONAL_AT, _SPOKEN

    rng = random.Random(25)
    pieces = "身份 证 證 件 号 號 证件 證件 身份证 1 ２ 0 - 您好 ， 一 幺 三 八 、 ０ 〇 叉 －".split() + [
        " ",
        "\n",
        "　",
    ]
    said = [text for _, text in SAID] + "证件号码 證件號碼 身份證 电话138-1234-5678 １３８１２３４５６７８".split()
    said += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 20))) for _ in range(3000)]
    bridge = Bridge(project)
    for text in said:
        digits = personal_data.DIGITS.search(text) is not None
        words = personal_data.ID_WORDS.search(text) is not None
        assert personal_data.may_hold(text) or not (digits or words), text
        t = Turn("B", text.replace("\n", " "))
        prepare([t])
        text = t.text
        digits = personal_data.DIGITS.search(text) is not None
        # an agent's turn is screened for numerals in words first, and DIGITS skipped where they find nothing
        for agent in (False, True):
            bits = bridge._screen(t, None, agent)
            assert bool(bits & _PERSONAL_AT) == (digits or personal_data.ID_WORDS.search(text) is not None), text
            assert bool(bits & _PERSONAL) == personal_data.may_hold(text), text
            assert bool(bits & _SPOKEN) == (agent and personal_data.SPOKEN_RUN.search(t.folded) is not None), text
