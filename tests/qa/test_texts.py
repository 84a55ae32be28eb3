"""texts.prepare: the normalised form and the clauses of a call's new texts, from one pass over them joined,
are what the linter's `normalize` and `rules_bridge.pieces` give each text on its own."""

from __future__ import annotations

import random

from huifang.lint.normalize import _DROP_KEEP_LINES
from huifang.qa import texts
from huifang.qa.call import Turn
from huifang.qa.rules_bridge import normalize, pieces

ODD = [
    "您好，我是泰康人寿客服小李，请问是王先生吗？",
    "您的卡号是 6222 0212 3456 7890 128 吗？",
    "Ｈｅｌｌｏ，ＡＢＣ保险，您好！",
    "您好𠀀，这是一句带扩展汉字的话。",  # a character above U+FFFF
    "，。？",  # nothing but what is dropped
    "好",
    "",
    "全角\u3000空格，不换行\u00a0空格，分隔符\x1c\x1d\x1e\x1f，\x85下一行，\u2028行分隔\u2029段分隔",
    "繁體字的話，沈先生您好",
    "ABC  def\t\tghi\x0b\x0cjkl",
    "零宽\u200b字符\ufeff和组合\u0301符号",
]


def test_no_character_kept_is_a_space_to_split():
    kept = [chr(c) for c in range(0x10000) if chr(c) != "\n" and _DROP_KEEP_LINES.fullmatch(chr(c)) is None]
    assert kept and not [c for c in kept if c.isspace() or len(f"a{c}b".split()) != 1]


def check(turns: list[Turn]) -> None:
    for t in turns:
        assert t.norm == normalize(t.text), t.text
        assert texts.clauses(t) == pieces(t.folded), t.text


def test_one_pass_gives_each_texts_norm_and_clauses():
    rng = random.Random(25)
    alphabet = "".join(ODD) + "，。？！、 \t您好请问是的吗"
    for round_ in range(300):
        said = [ODD[rng.randrange(len(ODD))] for _ in range(rng.randrange(1, 6))]
        said += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) + str(round_)]
        turns = [Turn("A", text) for text in said]
        texts.prepare(turns)
        check(turns)


def test_a_text_with_a_line_break_and_one_seen_before():
    texts.prepare([Turn("A", "第一句，\n第二句")])
    turns = [Turn("A", "第一句，\n第二句"), Turn("B", "好的，谢谢。"), Turn("A", "再见！")]
    texts.prepare(turns)
    check(turns)
    turns = [Turn("A", "第一句，\n第二句。"), Turn("B", "好的，谢谢。")]  # a line break: each text alone
    texts.prepare(turns)
    check(turns)
