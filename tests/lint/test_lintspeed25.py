"""Session 25's lint speed cuts. Each test holds what makes a cut exact, or compares it with the work it replaces."""

from __future__ import annotations

from huifang.lint import mention
from huifang.lint.freeform import shape_of
from huifang.lint.rules import forbidden_phrase
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.lint.test_lintspeed21 import _digits_alike


def test_nothing_a_taboo_heading_asks_tells_one_digit_from_another():
    """What makes the shape's answer a line's: `_short` strips, cuts its numbering and measures (a digit stays one
    character), and no regex it or `taboo_heading` asks names a digit or holds some digits and not others."""
    for pattern in (mention._NUMBERING, mention.TABOO_HEADING, mention.NUMBERED_BANS):
        assert _digits_alike(pattern.pattern), pattern.pattern
    assert not set('“”「」『』"。！？!?') & set("0123456789")


HEADINGS = [
    "服务忌语：",
    "服务十不准",
    "服务10不准",
    "  2. 禁止用语",
    "12.3 禁语",
    "(3) 服务禁忌",
    "【禁语】",
    "9、错误示范",
    "客服：你自己想办法吧。",
    "您好！请问是陈先生吗？我是安心物业客服中心的回访专员，工号9580。",
    "工号9580：不归我管",
    "# 回访话术 12",
    "1不讲",
    "第3条 不能说的话",
    "NG 1",
    "",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(HEADINGS),
            st.text(alphabet="0123456789０１２\u0663 .、)）(（#-：:不准忌讲许禁语NGng说话的一十客服“”。", max_size=24),
            st.text(max_size=30),
        ),
        max_size=8,
    )
)
def test_a_line_heads_a_taboo_section_as_its_digit_shape_does(lines):
    for line in lines:
        assert mention.taboo_heading(shape_of(line)) == mention.taboo_heading(line), line
        assert forbidden_phrase.HEADS[line] == mention.taboo_heading(line), line


def test_renumbered_lines_are_answered_from_their_shape():
    forbidden_phrase.SHAPED_HEADS.clear()
    assert forbidden_phrase.HEADS["3. 服务十不准"] and forbidden_phrase.HEADS["7. 服务十不准"]
    assert not forbidden_phrase.HEADS["工号9580：不归我管"] and not forbidden_phrase.HEADS["工号1234：不归我管"]
    assert forbidden_phrase.SHAPED_HEADS == {"0. 服务十不准": True, "工号0000：不归我管": False}
    assert forbidden_phrase.HEADS["服务忌语："]
    assert "服务忌语：" not in forbidden_phrase.SHAPED_HEADS  # a line without a digit is its own shape
