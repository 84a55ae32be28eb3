"""Session 29's cut (bench/README qa Round 38): a part of a free-form utterance (`standards._part`, which the closing's
readings make of a long turn's end or of what follows a turn's last question) is a `Part`, whose normalised form is
worked out only when read. Every field must be what an `Utterance` made with the same arguments has, `normalized`
included whenever it is read (the findings on real calls: bench/qa/same.py, and tests/qa's closings)."""

from __future__ import annotations

from huifang.lint import standards
from huifang.lint.normalize import drop, fold
from huifang.lint.utterance import AGENT, CUSTOMER, Part, Utterance
from hypothesis import given, settings
from hypothesis import strategies as st

SAID = [
    "好的，那么本次回访就到这里，感谢您的配合，如果您后续有任何问题，可以拨打我们的客服热线九五五二二，祝您生活愉快，再见。",
    "嗯，好的，谢谢您，请问还有什么可以帮您？没有了的话，祝您生活愉快，再见！",
    "Ｈｅｌｌｏ，ＡＢＣ　１２３！ 结束语：“感谢您的耐心，再见”",
    "𠀀𠀁，你好 吗？",
    "",
]
texts = st.one_of(
    st.sampled_from(SAID),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x2FFFF, blacklist_categories=("Cs",)), max_size=40),
)


def _fields(u: Utterance) -> dict:
    return {name: getattr(u, name) for name in Utterance.__slots__}


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([AGENT, CUSTOMER, "unknown"]), st.integers(0, 5), st.booleans())
def test_a_part_has_every_field_an_utterance_has(text, speaker, line, ask):
    folded = fold(text)
    args = (text, speaker, "<call>", line, 3, 7, None, ask, "q1", "")
    made = Utterance(*args, folded)
    part = Part(*args, folded)
    assert _fields(part) == _fields(made)  # `normalized` read last, worked out then
    assert part.normalized == drop(folded)


def test_a_part_written_to_reads_what_was_written():
    part = Part("谢谢您。", AGENT, "<call>", 1, 1, 0, None, False, None, "", "谢谢您。")
    part.normalized = "另"
    assert part.normalized == "另"
    fresh = Part("谢谢您。", AGENT, "<call>", 1, 1, 0, None, False, None, "", "谢谢您。")
    assert fresh.normalized == "谢谢您"
    assert fresh.normalized == "谢谢您"  # read again: the slot, now set


def test_the_closings_parts_are_the_utterances_they_were():
    for text in SAID[:3]:
        u = Utterance(text, AGENT, "<call>", 4, 1, 120)
        for start, end in ((0, len(text)), (5, len(text)), (len(text) - standards.TAIL, len(text)), (2, 9)):
            start = max(0, start)
            part = standards._part(u, start, end)
            assert isinstance(part, Part)
            old = Utterance(
                text[start:end], u.speaker, u.file, u.line, u.col + start, u.base + start, None, u.ask, u.key, u.kind
            )
            assert _fields(part) == _fields(old)
        tail = standards._tail(u)
        assert tail.normalized == drop(tail.folded) == drop(fold(tail.text))
