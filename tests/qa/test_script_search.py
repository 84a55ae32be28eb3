"""The script search's word pairs: a new turn's pairs worked out clause by clause (each clause remembered for
the run, and the pair across each cut) are those the automaton finds in the turn's normalised words whole."""

from __future__ import annotations

from functools import reduce
from operator import itemgetter, or_

from huifang.qa.call import AGENT, Turn
from huifang.qa.readers import read
from huifang.qa.rules_bridge import pieces
from huifang.qa.session import Session
from huifang.qa.texts import prepare

from tests.qa.conftest import FIXTURES

SAID = [
    "您好，我是泰康人寿客服小李，请问是王先生吗？",
    "您好，我是泰康人寿客服小张，请问是李女士吗？",  # the same clauses but two, seen again
    "为了核实身份，请您报一下完整的身份证号码。",
    "嗯，好的，那个，您的保单已经生效了。",
    "您的卡号是 6222 0212 3456 7890 128 吗？",
    "Ｈｅｌｌｏ，ＡＢＣ保险，您好！",
    "您好𠀀，这是一句带扩展汉字的话。",  # a character above U+FFFF: the turn is searched whole
    "，。？",  # nothing but what is dropped
    "好",
    "韩先生您好，我是泰康人寿5002号客服人员，请问您近期在浦发银行网点购买了我公司的产品是吗？",
    "朱女士您好，我是泰康人寿4899号客服人员，请问您近期在交通银行网点购买了我公司的产品是吗？",
]


def whole(automaton, norm: str) -> int:
    return reduce(or_, map(itemgetter(1), automaton.iter(norm)), 0)


def test_pairs_by_clause_are_the_pairs_of_the_whole_turn(project):
    session = Session(project)
    automaton = session._script_grams()[0]
    calls = [[Turn("A", text, line=1, role=AGENT) for text in SAID]]
    calls += [read(str(p)).turns for p in sorted((FIXTURES / "calls").iterdir())]
    for turns in calls + calls:  # the second time round, every clause is remembered
        prepare(turns)
        for t in turns:
            if t.norm:
                assert session._new_pairs(automaton, t, t.norm) == whole(automaton, t.norm), t.text
    assert len(session._piece_pairs) > 20


def test_pieces_joined_are_the_normalised_words():
    turns = [Turn("A", text) for text in SAID]
    prepare(turns)
    for t in turns:
        if "𠀀" not in t.text:
            assert "".join(pieces(t.folded)) == t.norm


def test_pairs_by_runs_are_the_pairs_of_the_whole_text(project):
    """Texts of script characters broken by characters no pair has (names, digits, letters, one above U+FFFF):
    the pairs of the runs between them, each remembered, are those the automaton finds in the text whole."""
    import random

    session = Session(project)
    automaton = session._script_grams()[0]
    assert session._outside is not None
    said = sorted(set("".join(session._pair_bits)))
    others = ["韩", "浦", "5", "0", "x", "𠀀", "鑫"]
    rng = random.Random(23)
    for _ in range(2000):
        size = rng.randrange(1, 40)
        text = "".join(rng.choice(said) if rng.random() < 0.8 else rng.choice(others) for _ in range(size))
        assert session._in_pairs(automaton, text) == whole(automaton, text), text
        assert session._piece_pairs[text] == whole(automaton, text)


def test_no_runs_where_a_pair_has_a_character_above_the_basic_plane():
    from huifang.qa.session import _outside

    assert _outside(["𠀀好", "您好"]) is None
    assert _outside(["您好"]).split("韩您好5") == ["", "您好", ""]
