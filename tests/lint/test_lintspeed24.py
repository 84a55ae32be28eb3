"""Session 24's lint speed cuts in forbidden-phrase: no taboo sections in a file none of whose lines heads one, a phrase's
replacement remembered per phrase list, and `mention.mentioned` skipping the checks a line without quote or colon
cannot pass. Each is compared with the answer worked out as before."""

from __future__ import annotations

from huifang.lint import fix, mention
from huifang.lint.engine import Engine
from huifang.lint.rules import forbidden_phrase
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.lint.conftest import lint_text

TABOO_FILE = "\n".join(
    [
        "# 回访话术",
        "客服：您好，我是安心物业的回访专员，请问您现在方便接电话吗？",
        "客服：感谢您的配合，再见！",
        "",
        "服务忌语：",
        "1. 不可能！我们从没这种事！",
        "2. 你自己想办法吧。",
        "",
        "## 结束语",
        "客服：祝您生活愉快，再见！",
    ]
)
PLAIN_FILE = "\n".join(
    [
        "客服：您好，我是安心物业的回访专员，请问您现在方便接电话吗？",
        "客服：不可能！我们从没这种事！",
        "客服：感谢您的配合，再见！",
    ]
)

lines = st.lists(
    st.sampled_from(
        [
            "服务忌语：",
            "服务十不准",
            "  2. 禁止用语",
            "【禁语】",
            "客服：你自己想办法吧。",
            "客服：不可能！",
            "正确示例：",
            "# 结束语",
            "1. 我不知道",
            "工号9580：不归我管",
            "",
            "客服：请问还有什么需要帮您的吗？",
        ]
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(lines)
def test_no_taboo_heading_line_means_no_taboo_lines(chosen):
    """What the mark stands for: a text none of whose lines is a taboo heading has no taboo lines."""
    text = "\n".join(chosen)
    if not any(map(mention.taboo_heading, text.split("\n"))):
        assert mention.taboo_lines(text) == frozenset()


def _engine(root):
    from huifang.contentcache import load_content
    from huifang.lint.config import LintConfig

    loaded = load_content(root)
    return Engine(loaded.project, LintConfig.from_settings(loaded.project.config.lint)), loaded.project


def test_the_rule_asks_each_line_once_and_finds_the_sections_as_before(shipped):
    for text in (TABOO_FILE, PLAIN_FILE):
        heads = [forbidden_phrase.HEADS[line] for line in text.split("\n")]
        assert heads == [mention.taboo_heading(line) for line in text.split("\n")]
    assert forbidden_phrase.HEADS["服务忌语："] and not forbidden_phrase.HEADS["客服：不可能！我们从没这种事！"]
    assert [p.line for p in lint_text(shipped, "plain.md", PLAIN_FILE, "forbidden-phrase")] == [2]  # said
    assert lint_text(shipped, "taboo.md", TABOO_FILE, "forbidden-phrase") == []  # listed under 服务忌语


def test_a_replacement_is_remembered_per_instead_text_and_answers_as_worked_out(shipped):
    engine, project = _engine(shipped)
    matcher = engine.ctx.matcher
    insteads = [p.instead for p in project.forbidden] + ["请您放心，我马上帮您查。", "不可能。", "我不知道。"]
    assert len(insteads) > 3
    for instead in insteads:
        new = fix.spoken(instead)
        expected = new if new and not matcher.find(new) else ""
        assert fix.sayable(instead, matcher) == expected
        assert matcher.sayable[instead] == expected  # remembered: asked again, answered from the dict
        assert fix.sayable(instead, matcher) == expected


def _mentioned_as_before(folded: str, start: int) -> bool:
    """`mention.mentioned` as it was, every check asked."""
    m = mention
    before = m._since_last(m.CLAUSE_END, folded[max(0, start - m.REACH) : start])
    if before and (
        m.PROHIBITION.search(before) is not None
        or m.REPORTED.search(before) is not None
        or m.DENIED.search(before) is not None
        or (folded.startswith(m.PROMISES, start) and m.NEGATED_PROMISE.search(before) is not None)
        or m._others(folded, start, before)
        or (m.MET.search(before) is not None and m.QUALIFIES.match(folded, start) is not None)
    ):
        return True
    if m.WRONG_MARK.match(folded) is not None or m._marked_at_end(folded, start) or m._ruled(folded, start):
        return True
    bracket = m.BRACKETED.match(folded)
    if bracket is not None and bracket.end() <= start and m._wrong_label(bracket.group(1)):
        return True
    if start == 0:
        return False
    return any(
        check(folded, start)
        for check in (
            m._asked_back,
            m._quoted_example,
            m._listed,
            m._cited,
            m._narrated,
            m._beside_quotes,
            m._customers_quote,
            m._supposed,
            m._thought,
        )
    )


SAMPLES = [
    ("您好，不可能！我们从没这种事！", "不可能"),
    ("客户说：“你自己想办法吧”，我们绝不会这样回答。", "你自己想办法吧"),
    ("不可以说：“喂，不可能的吧。”或“你自己想办法吧！”", "你自己想办法吧"),
    ("第二句，我不知道！", "我不知道"),
    ("如果你说“我不知道”，客户会觉得被敷衍", "我不知道"),
    ("他拿起电话来：对不起，这个事情不归我管", "不归我管"),
    ("您刚才说没办法，是吗？", "没办法"),
    ("她心想实在是没办法了", "没办法"),
    ("这个问题我不清楚。", "不清楚"),
]


def test_mentioned_answers_as_with_every_check():
    assert mention.QUOTED_OR_LISTED.search("没有引号也没有冒号的一句话") is None
    for folded, words in SAMPLES:
        start = folded.index(words)
        assert mention.mentioned(folded, start) == _mentioned_as_before(folded, start), folded
    assert mention.mentioned(*("客户说：“你自己想办法吧”", 4)) is True


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list('您你客户说问道心想如果第句种类不能别：:“”「」『』"‘’，。？没办法知道清楚 ')),
        max_size=30,
    ),
    st.integers(min_value=0, max_value=30),
)
def test_mentioned_answers_as_with_every_check_on_any_text(folded, start):
    start = min(start, len(folded))
    assert mention.mentioned(folded, start) == _mentioned_as_before(folded, start)


def test_a_plain_text_file_with_a_taboo_section_after_its_call(shipped):
    """A .txt file (its marks read as a .md file's): the said phrase is found, the listed ones are not."""
    found = lint_text(shipped, "s.txt", PLAIN_FILE + "\n" + TABOO_FILE.replace("# ", ""), "forbidden-phrase")
    assert [p.line for p in found] == [2]
