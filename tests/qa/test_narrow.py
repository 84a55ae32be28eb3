"""The questions searched for in a plan's narrow alphabet (`questions.Narrow`) find the same turns and shares as
in the agent's words as said: every question of every path, on the fixture calls and on calls where the agent
says other words, the questions' words in other places, and characters no question has (above U+FFFF too)."""

from __future__ import annotations

import pytest
from huifang.qa import questions, roles, texts
from huifang.qa.call import AGENT, Turn
from huifang.qa.readers import read

from tests.qa.conftest import FIXTURES

SCRIPT = "taikang-xinqiyue-huifang"


def agent_of(said: list[str]) -> tuple[list[Turn], questions.AgentText]:
    turns = [Turn("A", text, line=i + 1) for i, text in enumerate(said)]
    for t in turns:
        t.role = AGENT
    texts.prepare(turns)
    return turns, questions.AgentText(turns)


def searched_both_ways(plan: questions.Plan, agent: questions.AgentText) -> None:
    narrow = plan.narrow
    assert narrow is not None
    narrowed = narrow.agent(agent)
    assert len(narrowed.text) == len(agent.text)
    assert all(ord(ch) < 256 for ch in narrowed.text)  # above U+FFFF too: 0, as every character no key has
    for _, due in plan.paths:
        for e in due:
            n = narrow.expected[id(e)]
            assert questions.find(n, narrowed) == questions.find(e, agent), e.id
            wide = (*e.keys, *(o for w in e.clauses for options in w for o in options))
            for key, narrowed_key in zip(wide, (*n.keys, *(o for w in n.clauses for options in w for o in options))):
                for share in (0.5, 0.75, 0.85, 1.0):  # the bound from the bits, as the text's own test gives it
                    assert narrowed.could_cover(narrowed_key, share) == agent.could_cover(key, share), (e.id, key)


@pytest.mark.parametrize("name", ["wanneng.txt", "buguanbian.txt"])
def test_the_fixture_calls_give_the_same_turns_and_shares(session, name):
    call = read(str(FIXTURES / "calls" / name))
    texts.prepare(call.turns)
    roles.assign(call)
    searched_both_ways(session.plan(SCRIPT), questions.AgentText(call.turns))


def test_words_said_otherwise_give_the_same_turns_and_shares(session):
    plan = session.plan(SCRIPT)
    wordings = [k for _, due in plan.paths for e in due for k in e.keys]
    said = []
    for i, key in enumerate(wordings):  # the questions' words dropped, doubled, swapped and mixed with others
        said.append(key[: len(key) // 2] + "嗯那个" + key[len(key) // 2 + 1 :])
        said.append(key[::-1] if i % 3 == 0 else key[1:] + key[:1])
        said.append("𠀀" + key[2:-2] + "😀您看" + key[:3])
    _, agent = agent_of(said)
    searched_both_ways(plan, agent)
    _, agent = agent_of(["喂，您好", "这个嘛，我看一下"])  # nothing of any question
    searched_both_ways(plan, agent)


def test_the_outcome_is_the_one_of_the_words_as_said(session):
    call = read(str(FIXTURES / "calls" / "wanneng.txt"))
    texts.prepare(call.turns)
    roles.assign(call)
    plan = session.plan(SCRIPT)
    wide = questions.Plan(plan.script_id, plan.title, plan.org, plan.convenience, plan.paths, plan.words)
    wide.narrow = None  # what `judge` does for a plan whose questions have too many characters
    agent = questions.AgentText(call.turns)
    got, expected = questions.judge(plan, call.turns, agent), questions.judge(wide, call.turns, agent)
    assert got.path == expected.path
    assert [(a.expected.id, a.turn, a.score) for a in got.asked] == [
        (a.expected.id, a.turn, a.score) for a in expected.asked
    ]


def test_questions_with_too_many_characters_have_no_narrow_alphabet(session):
    e = questions.Expected("many", "…", ("".join(chr(0x4E00 + i) for i in range(300)),))
    assert questions.Narrow.of([e]) is None
    assert questions.Narrow.of([questions.Expected("wide", "…", ("𠀀您好",))]) is None
    assert questions.Narrow.of([questions.Expected("few", "…", ("您好",))]) is not None


def test_the_bound_from_the_bytes_is_the_texts_own(session):
    plan = session.plan(SCRIPT)
    _, agent = agent_of(["您好，我是泰康人寿的客服，请问您近期在银行网点购买了我公司的保险产品吗？", "好的，再见"])
    narrow = plan.narrow
    narrowed = narrow.agent(agent)
    assert isinstance(narrowed, questions.NarrowText) and narrowed.said is not None
    keys = [k for _, due in plan.paths for e in due for k in e.keys]
    for key in (keys[0][:6], keys[1][::2], keys[2] + keys[0], "\x01\x02", "您好啊𠀀"):
        narrowed_key = key.translate(narrow.table)
        for share in (0.0, 0.5, 0.8, 1.0):  # from the bytes as by looking each character up
            assert narrowed.could_cover(narrowed_key, share) == questions.AgentText.could_cover(
                narrowed, narrowed_key, share
            ), key
            assert narrowed.could_cover(key, share) == questions.AgentText.could_cover(narrowed, key, share), key
            if all(narrow.table[ord(ch)] for ch in key if ord(ch) < 0x10000):  # a key of the questions' characters
                assert narrowed.could_cover(narrowed_key, share) == agent.could_cover(key, share), key


def never_below_find(plan: questions.Plan, agent: questions.AgentText) -> int:
    """`could_be_asked` is True for every question `find` finds, narrowed and not; returns how many it refused."""
    narrow = plan.narrow
    assert narrow is not None
    narrowed = narrow.agent(agent)
    refused = 0
    for e in {id(e): e for _, due in plan.paths for e in due}.values():
        for question, words in ((e, agent), (narrow.expected[id(e)], narrowed)):
            could = questions.could_be_asked(question, words)
            assert could or questions.find(question, words)[0] is None, e.id
            refused += not could
    return refused


@pytest.mark.parametrize("name", ["wanneng.txt", "buguanbian.txt"])
def test_a_question_refused_without_its_search_is_one_find_does_not_find(session, name):
    call = read(str(FIXTURES / "calls" / name))
    texts.prepare(call.turns)
    roles.assign(call)
    never_below_find(session.plan(SCRIPT), questions.AgentText(call.turns))


def test_the_bound_holds_at_the_share_a_question_needs(session):
    """Each wording with one character in every 2 to 8 left out, and its first or last half to all but one
    of its characters: the shares `find` reaches run across the 0.75 and 0.85 a question needs."""
    plan = session.plan(SCRIPT)
    refused = 0
    for e in {id(e): e for _, due in plan.paths for e in due}.values():
        for key in e.keys:
            for step in range(2, 9):
                for offset in range(step):
                    kept = "".join(ch for i, ch in enumerate(key) if i % step != offset)
                    _, agent = agent_of(["您好，这里是泰康人寿", kept, "好的，谢谢"])
                    refused += never_below_find(plan, agent)
            for n in range(len(key) // 2, len(key)):
                for kept in (key[:n], key[len(key) - n :]):
                    _, agent = agent_of(["您好", kept])
                    refused += never_below_find(plan, agent)
    assert refused > 0


def test_the_dividend_call_spares_the_universal_life_question_on_fees(session):
    call = read(str(FIXTURES / "story" / "whisperx.json"))
    texts.prepare(call.turns)
    roles.assign(call)
    plan = session.plan(SCRIPT)
    fees = next(e for _, due in plan.paths for e in due if e.id == "taikang-q-feiyong-kouchu")
    agent = questions.AgentText(call.turns)
    assert questions.find(fees, agent)[0] is None
    assert not questions.could_be_asked(fees, agent)
    assert never_below_find(plan, agent) > 0


def test_the_codec_narrows_as_the_table_does(session):
    """A turn narrowed by the charmap codec is the table's translation, but that a character above U+FFFF (which
    the table leaves as it is) is 0, like every character no question has: on random texts of the questions'
    characters, other characters, "?" (the byte the codec writes for them), NUL and characters above U+FFFF."""
    import random

    narrow = session.plan(SCRIPT).narrow
    assert narrow is not None and narrow.codec is not None  # the shipped questions' 212 characters fit
    own = [chr(i) for i in range(0x10000) if narrow.table[i]]
    others = ["?", "\x00", "a", "1", "。", "\uffff", "\ufffe", "\ud800", "𠀀", "😀", "\U0010ffff", "韩", "浦"]
    rng = random.Random(23)
    for _ in range(3000):
        text = "".join(rng.choice(own) if rng.random() < 0.6 else rng.choice(others) for _ in range(rng.randrange(60)))
        expected = "".join("\x00" if ord(ch) > 0xFFFF else ch for ch in text.translate(narrow.table))
        assert narrow.narrowed(text) == expected, text


def test_questions_the_codec_cannot_hold_are_narrowed_by_the_table(session):
    for chars in (["?", "您"], ["\x00", "您"], [chr(0x4E00 + i) for i in range(questions.REPLACED)]):
        assert questions._codec(sorted(chars)) is None
    few = questions.Narrow.of([questions.Expected("q", "…", ("请问您?方便吗",))])
    assert few is not None and few.codec is None
    assert few.narrowed("请问您?方便吗，韩") == "请问您?方便吗，韩".translate(few.table)


def test_the_bound_remembered_per_set_of_bytes_is_the_bound_of_each_text(session):
    """`Narrow.could_be_asked` (the bound remembered per question and set of bytes the narrowed text lacks) answers
    as `could_be_asked` does of each text, whichever text asked first: texts that say the 万能型 question on fees,
    part of it, none of it, the same characters in another order (one entry for both), and one with a character
    above U+FFFF left as it is (asked as it is, never remembered)."""
    plan = session.plan(SCRIPT)
    narrow = plan.narrow
    assert narrow is not None
    fees = next(e for _, due in plan.paths for e in due if e.id == "taikang-q-feiyong-kouchu")
    key = fees.keys[0]
    said = [
        ["您好，这里是泰康人寿", key, "好的，再见"],
        ["您好，这里是泰康人寿", key[: len(key) // 2], "好的，再见"],
        ["您好，这里是泰康人寿", "好的，再见"],
        ["再见好的", "泰康人寿这里是您好"],  # the third's characters in another order
        ["您好", key[::-1]],
    ]
    for order in (said, said[::-1]):
        narrow.could.clear()
        answers = []
        for words in order:
            _, agent = agent_of(words)
            narrowed = narrow.agent(agent)
            for e in {id(e): e for _, due in plan.paths for e in due}.values():
                question = narrow.expected[id(e)]
                expected = questions.could_be_asked(question, narrowed)
                assert narrow.could_be_asked(question, narrowed) == expected, (words, e.id)
                assert narrow.could_be_asked(question, narrowed) == expected, (words, e.id)  # now remembered
                if e is fees:
                    answers.append(expected)
        assert True in answers and False in answers
    questions_asked = len({id(e) for _, due in plan.paths for e in due})
    assert len(narrow.could) == questions_asked * (len(said) - 1)  # the reordered text shares its entries
    _, agent = agent_of(["您好𠀀", key])
    narrowed = questions.NarrowText(agent, agent.text, agent.parts)  # as the table leaves a text it cannot hold
    assert narrowed.said is None
    for e in {id(e): e for _, due in plan.paths for e in due}.values():
        question = narrow.expected[id(e)]
        assert narrow.could_be_asked(question, narrowed) == questions.could_be_asked(question, narrowed)
    assert len(narrow.could) == questions_asked * (len(said) - 1)
