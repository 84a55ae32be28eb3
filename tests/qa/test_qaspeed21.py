"""Session 21's qa round (bench/README.md, qa, Round 30): turn fields written as a slotted class's, the metrics
walk's float comparisons, a path's rank compared as ints — each the same answers as before — and the line rules
reading a turn's own line of the call, not the call's first line."""

from __future__ import annotations

import itertools
import json
import random

import msgspec
import pytest
from huifang.qa.call import Call, Turn
from huifang.qa.metrics import measure
from huifang.qa.questions import _cannot_win
from huifang.qa.readers import read
from huifang.qa.readers.typed import _WhisperXTurn, turns


@pytest.mark.parametrize("cls", [Turn, _WhisperXTurn])
def test_turn_fields_are_written_as_a_slotted_classs(cls):
    """msgspec's own setattr keeps STORE_ATTR from specialising; object's does the same for a gc=False struct."""
    assert cls.__setattr__ is object.__setattr__ and cls.__delattr__ is object.__delattr__
    t = cls(speaker="A", text="您好", start=0.0, end=1.0)
    for _ in range(3):  # specialised after a few writes: the same values
        t.role, t.folded, t.norm, t.line = "agent", "您好", "您好", 7
    assert (t.role, t.folded, t.norm, t.line) == ("agent", "您好", "您好", 7)
    with pytest.raises(AttributeError):
        t.extra = 1  # no __dict__: still only the fields
    assert msgspec.structs.asdict(t)["role"] == "agent"


def test_a_decoded_whisperx_turn_is_numbered_and_stripped():
    raw = json.dumps(
        {
            "segments": [
                {"start": 0.0, "end": 1.0, "text": " 喂 ", "speaker": "S0"},
                {"start": 1.0, "end": 2.0, "text": "您好", "speaker": "S1"},
            ]
        }
    ).encode()
    kind, said, finished = turns(raw)
    assert (kind, finished) == ("whisperx", True)
    assert [(t.line, t.text) for t in said] == [(1, "喂"), (2, "您好")]


def _timed(*spans) -> Call:
    out = []
    for i, (role, start, end) in enumerate(spans):
        t = Turn("A" if role == "agent" else "B", "嗯", start, end, None, i + 1)
        t.role = role
        out.append(t)
    call = Call("c.json", "whisperx", out)
    call._timed = True
    return call


def test_an_int_silence_bound_is_its_float():
    rng = random.Random(21)
    for _ in range(200):
        at, spans = 0.0, []
        for _ in range(rng.randint(1, 12)):
            start = at + rng.choice([-1.5, -0.2, 0.0, 0.3, 4.0, 10.0, 12.5])
            start = max(0.0, start)
            end = start + rng.choice([0.1, 1.0, 2.5, 9.0])
            spans.append((rng.choice(["agent", "customer"]), start, end))
            at = end
        call = _timed(*spans)
        for bound in (0, 4, 10):
            a, b = measure(call, bound), measure(call, float(bound))
            assert (a.silences, a.interrupting, a.as_dict()) == (b.silences, b.interrupting, b.as_dict())


def _cannot_win_as_tuples(due, found, best, was_asked) -> bool:
    """The comparison as it was written before this round."""
    hits, pending = 0, []
    for e in due:
        a = found.get(id(e))
        if a is None:
            pending.append(e)
        elif a.turn is not None:
            hits += 1
    for i, e in enumerate(pending):
        if not (hits + len(pending) - i, -len(due)) > best:
            return True
        hits += was_asked(e)
    return not (hits, -len(due)) > best


class _Asked:
    def __init__(self, turn):
        self.turn = turn


def _recorder(answers: dict, asked: list):
    def was_asked(e) -> bool:
        asked.append(id(e))
        return answers[id(e)]

    return was_asked


def test_a_paths_rank_compares_as_the_tuples_did():
    rng = random.Random(15)
    for size, _ in itertools.product(range(0, 6), range(60)):
        due = [object() for _ in range(size)]
        found = {id(e): _Asked(rng.choice([None, 3])) for e in due if rng.random() < 0.4}
        answers = {id(e): rng.random() < 0.5 for e in due}
        best = (rng.randint(0, 6), -rng.randint(0, 6))
        asked_new: list[int] = []
        asked_old: list[int] = []
        new = _recorder(answers, asked_new)
        old = _recorder(answers, asked_old)
        assert _cannot_win(due, found, best, new) == _cannot_win_as_tuples(due, found, best, old)
        assert asked_new == asked_old  # the same questions looked for, in the same order


def _whisperx(tmp_path, said) -> str:
    segments, at = [], 0.0
    for speaker, text in said:
        segments.append({"start": at, "end": at + 2.0, "text": text, "speaker": speaker})
        at += 2.5
    path = tmp_path / "call.json"
    path.write_text(json.dumps({"segments": segments}, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_a_phrase_is_judged_by_its_own_line_not_the_calls_first(session, tmp_path):
    """A recording that starts with the customer's account of earlier calls (「我打了好几次客服电话，客服让我等通知」):
    forbidden-phrase's whose-words reading took every turn's line to be the call's first line, so that account made
    the agent's 「我们不论这件事！你再重打吧！」 the customer's, and the phrase went unreported."""
    path = _whisperx(
        tmp_path,
        [
            ("SPEAKER_00", "我打了好几次客服电话，客服让我等通知，到现在也没人管"),
            ("SPEAKER_01", "您好，我是泰康人寿客服小李，请问是王先生吗？"),
            ("SPEAKER_00", "是我。"),
            ("SPEAKER_01", "我们不论这件事！你再重打吧！"),
            ("SPEAKER_00", "什么态度。"),
            ("SPEAKER_01", "感谢您的接听，祝您生活愉快，再见！"),
        ],
    )
    verdict = session.judge(read(path))
    assert [t.role for t in verdict.call.turns][:2] == ["customer", "agent"]
    hits = [(f.rule, f.turn) for f in verdict.findings if f.rule == "forbidden-phrase"]
    assert hits == [("forbidden-phrase", 3)]
