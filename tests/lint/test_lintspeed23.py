"""Session 23's lint speed cuts: per-text answers for the call rules' per-turn questions, and digit shapes by byte
translation. Each remembered answer is compared with the question asked afresh; the shape with the regex it replaced."""

from __future__ import annotations

import re

from huifang.lint import freeform, standards, textmemo
from huifang.lint.rules import labels_swapped
from huifang.lint.standards import find_elements
from huifang.lint.utterance import Utterance
from hypothesis import given, settings
from hypothesis import strategies as st

TEXTS = [
    "",
    "您好！请问是王先生吗？我是安心物业客服中心的回访专员，工号9580。",
    "您好，我是安心物业的小李，请问您现在方便接电话吗？",
    "对不起，请问您是王先生本人吗？不是本人的话麻烦您转告一下。",
    "请问您对上周的维修服务满意吗？",
    "非常感谢您的支持与配合，祝您生活愉快，再见！",
    "如有疑问请拨打热线4008001234，我们随时为您服务。",
    "请问还有什么需要帮您的吗？",
    "第三条 坐席不得与客户争执。",
    "“您好，这里是安心物业。”",
    "好的。",
    "你好，这边是城东税务所，请问现在说话方便吗?",
    "客户：你好，我是王先生",
]

text = st.text(
    alphabet=st.sampled_from(
        list("您你好再见祝拜请问吗？?。，是我这里工号0123456789０９“”「」不在转告热线还有什么需要 \t")
    ),
    max_size=40,
)


def test_shape_is_the_regex_substitution_it_replaced():
    for sample in [*TEXTS, "第1２3行\n工号000", "a\ud800b1", "１２３", "".join(map(chr, range(0x20, 0x7F)))]:
        assert freeform.shape_of(sample) == re.sub("[1-9]", "0", sample)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_shape_of_any_text(sample):
    assert freeform.shape_of(sample) == re.sub("[1-9]", "0", sample)


def test_remembered_answers_once_per_text_and_forgets_at_its_limit(monkeypatch):
    asked = []

    def answer(t):
        asked.append(t)
        return len(t) > 2

    memo = textmemo.Remembered(answer)
    assert [memo[t] for t in ("ab", "abc", "ab", "abc")] == [False, True, False, True]
    assert asked == ["ab", "abc"]
    monkeypatch.setattr(textmemo, "LIMIT", 2)
    assert memo["abcd"] is True and len(memo) == 1  # full: forgotten, then this one kept


@settings(max_examples=300, deadline=None)
@given(text)
def test_each_remembered_question_answers_as_its_regex(sample):
    for folded in (sample, sample.lower()):
        assert standards._TO_WRONG_PARTY[folded] == (standards.WRONG_PARTY.search(folded) is not None)
        assert standards._ADDRESSES[folded] == (standards.ADDRESSED.search(folded) is not None)
        assert standards._ENDING_WORDS[folded] == (standards.ENDS.search(folded) is not None)
        assert standards._ASKS_ANYTHING_ELSE[folded] == (standards.ANYTHING_ELSE.search(folded) is not None)
        assert standards._AFTERCARE_WORDS[folded] == (standards.AFTERCARE.search(folded) is not None)
        assert standards._RULE_LINE[folded] == (
            standards.RULE.search(folded) is not None and standards.QUOTES.search(folded) is None
        )
        assert labels_swapped._OPENS[folded] == (
            labels_swapped.GREETS.search(folded) is not None and labels_swapped.INTRODUCES.search(folded) is not None
        )


def test_greeted_lines_memo_answers_as_find_elements(tmp_path):
    from huifang.project import load_project

    project = load_project(_repo()).project
    standard = project.greeting
    for org in [None, *project.orgs.values()]:
        opens, full = standards._line_openings(standard, org)
        for folded in TEXTS:
            u = Utterance(folded, "agent", "x.txt", folded=folded)
            first = find_elements([u], standard.elements[:1], org)
            assert opens[folded] == (bool(first) and first[0].start <= standards.GREETS_AT)
            assert full[folded] == (len(find_elements([u], standard.elements, org)) >= 2)
        # another standard or org object under the same key is not answered from this one's memo
        assert standards._line_openings(standard, org)[0] is opens


def _repo():
    from pathlib import Path

    return Path(__file__).resolve().parents[2]
