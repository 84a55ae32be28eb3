"""Round 32 (bench/README.md "Round 32").

32a: Round 31's reading — a phrase list's goodbye entry is its closing wherever the list puts it (lint/phraselist.py) —
asked by the rule missing-closing only for a path whose closing lacks the goodbye, so files that say goodbye never pay
for the list test. The shapes of tests/lint/test_round31.py on branch lintacc33 (each fails on main 496e49c: a
missing-goodbye warning) and what they must leave alone.

32b: a book of standards for several kinds of contact — the opening and closing are read in the file's own kind's part
(lint/ownkind.py): a numbered section headed for another kind of contact (an inbound standard's 「3.外呼客户的开头语、
结束语：」) is not the file's call. Each shape read fails on main 496e49c (the other kind's words taken for the file's
closing or opening); each left alone passes on main and here.

Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

# --- 32a: a phrase list's goodbye entry --------------------------------------------------------------------------

LISTS = [
    # bullets, the goodbye mid-list, more entries and a taboo list after it
    "前台服务用语\n1、基本用语：\n● 您好！ ● 请稍候！\n● 对不起！ ● 请慢走。\n2、接待用语：\n"
    "● 您好，请问您办理什么业务？ ● 请您稍等。\n3、禁用语：\n● 我不知道。 ● 你自己看。\n",
    # quotes joined by 、, the goodbye first, more entries and rules after it
    "窗口文明用语\n“请您慢走，再见”、“欢迎再来”\n“您好”、“请稍等”、“让您久等了”\n"
    "遇到客户投诉时，应耐心倾听，做好记录。\n上班时间统一着装，佩戴工牌。\n",
    # quotes side by side, the goodbye among the common phrases, the situations after them
    "物业客服用语\n一、常用语：“您好！”“再见！”\n二、接待：“您好，请问有什么可以帮您？”“请您稍等。”\n"
    "三、维修：“师傅马上到。”“请您确认一下。”\n四、投诉：“非常抱歉。”“我们马上处理。”\n",
]

LEFT_ALONE = [
    # a vocabulary of courtesy words names 再见, it says nothing when parting
    "服务规范\n十字用语：请、您好、谢谢、对不起、再见。\n“您好！”“请坐！”“请稍等！”\n"
    "“请出示证件。”“请您签字。”\n“请您核对。”“请拿好票据。”\n",
    # the goodbye only among the taboos
    "前台服务用语\n1、基本用语：\n● 您好！ ● 请稍候！\n2、禁用语：● 快走吧，再见。 ● 你自己看。\n3、接待用语：\n"
    "● 您好，请问您办理什么业务？ ● 请您稍等。\n● 请出示证件。 ● 请您签字。\n",
]


def _warned(root, text: str, word: str, rule: str = "missing-closing") -> bool:
    return any(word in p.message for p in lint_text(root, "r32.txt", text, rule))


@pytest.mark.parametrize("text", LISTS)
def test_a_phrase_lists_goodbye_entry_is_its_closing(shipped, text):
    assert not _warned(shipped, text, "道别")


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_word_lists_taboos_and_prose_are_no_goodbye(shipped, text):
    assert _warned(shipped, text, "道别")


def test_only_the_goodbye_entry_is_read(shipped):
    # 谢谢 is an entry of its own, not a thanks said on leaving: the thanks is still missing
    text = (
        "志愿者用语\n1、基本用语：\n● 您好！ ● 谢谢！\n● 请稍候！ ● 请慢走。\n2、接待用语：\n"
        "● 您好，请问您需要帮忙吗？ ● 请您稍等。\n3、禁用语：\n● 我不知道。 ● 你自己看。\n"
    )
    words = " ".join(p.message for p in lint_text(shipped, "r32.txt", text, "missing-closing"))
    assert "道别" not in words and "致谢" in words


def test_the_goodbye_entry_is_where_the_finding_stands(shipped):
    # the path's closing ends with the entry read, so a finding for the other elements stands on it (as Round 31's
    # closing() did: the entry appended to the path's closing turns)
    text = LISTS[0].replace("● 请慢走。", "● 请慢走。 ● 请您拿好。")
    found = lint_text(shipped, "r32.txt", text, "missing-closing")
    assert found and all("道别" not in p.message for p in found)
    assert {p.line for p in found} == {4}


# --- 32b: the file's own kind's part ------------------------------------------------------------------------------

INBOUND = "<!-- huifang: kind=inbound -->\n"
FACE = "<!-- huifang: kind=face -->\n"
OUTBOUND = "<!-- huifang: kind=outbound -->\n"

OTHER_KINDS = [
    # an inbound standard whose section 3 gives the outbound call's opening and closing (the shape of set 21's 1084)
    (
        INBOUND + "热线服务用语\n一、服务标准用语\n1.开头语：您好，安心物业热线，请问有什么可以帮您？\n"
        "2.结束语：请您稍后对我的服务做出评价，请稍等。\n"
        "3.外呼客户的开头语、结束语：开头语：您好，我是安心物业客服，工号123。结束语：感谢您的接听，祝您生活愉快，再见！\n"
        "二、服务规范用语\n请、您好、对不起、请稍等。\n",
        "致谢",
    ),
    # the same on one line, the section closed by the next heading of a higher level
    (
        INBOUND + "热线服务用语一、服务标准用语（一）问候：1.开头语：您好，安心物业热线，请问有什么可以帮您？"
        "2.结束语：请您稍后对我的服务做出评价，请稍等。3.外呼客户的结束语：感谢您的接听，祝您生活愉快，再见！"
        "（二）服务规范用语：请、您好、对不起、请稍等。\n",
        "致谢",
    ),
]


@pytest.mark.parametrize("text, word", OTHER_KINDS)
def test_another_kinds_section_is_not_the_files_closing(shipped, text, word):
    assert _warned(shipped, text, word)


def test_a_branch_ending_in_another_kinds_section_is_not_reported(shipped):
    # the book's numbered items read as branches: the phone's item is the other kind's, not a path missing its closing
    text = (
        FACE + "前台接待规范用语\n1.迎客：您好，欢迎光临！\n2.结束语：欢迎下次光临。\n"
        "3.接听电话时：您好，安心酒店前台，感谢您的来电，再见！\n"
    )
    found = lint_text(shipped, "r32.txt", text, "missing-closing")
    assert [p.line for p in found] == [4] and "「结束语」" in found[0].message


LEFT = [
    # a section headed for the file's own kind (回访 in an outbound standard)
    OUTBOUND + "回访服务用语\n1.回访开头语：您好，我是安心物业客服小王，请问您现在方便接听电话吗？\n"
    "2.回访结束语：感谢您的配合，祝您生活愉快，再见！\n",
    # no line says where a closing goes: a script, not a book of standards
    INBOUND + "1.开头：您好，安心物业热线，请问有什么可以帮您？\n2.外呼时：您好，我是客服小王。感谢您的接听，再见！\n",
    # a heading naming the file's own kind and another one
    INBOUND + "热线服务用语\n1.开头语：您好，安心物业热线，请问有什么可以帮您？\n"
    "2.来电和外呼的结束语：感谢您的来电，祝您生活愉快，再见！\n",
    # the whole document is another kind's: nothing would be left, so nothing is cut
    INBOUND + "外呼用语\n1.外呼开头语：您好，我是安心物业客服小王，请问您现在方便接听电话吗？\n"
    "2.外呼结束语：感谢您的接听，祝您生活愉快，再见！\n",
]


@pytest.mark.parametrize("text", LEFT)
def test_own_kinds_and_unmarked_sections_are_read_as_before(shipped, text):
    assert not _warned(shipped, text, "致谢")


def test_a_taboo_in_another_kinds_section_is_still_found(shipped):
    text = (
        INBOUND + "热线服务用语\n1.开头语：您好，安心物业热线，请问有什么可以帮您？\n2.结束语：感谢您的来电，再见！\n"
        "3.外呼客户时：您好，我是安心物业客服。你自己去物业问。\n"
    )
    assert lint_text(shipped, "r32.txt", text, "forbidden-phrase") == lint_text(
        shipped, "r32.txt", text.replace("3.外呼客户时：", "3.客户在线时："), "forbidden-phrase"
    )


def test_sections_end_at_their_level_or_above():
    from huifang.lint.ownkind import _COMPILED, _other_kind_sections, own_kind  # noqa: F401
    from huifang.lint.utterance import Utterance

    if not _COMPILED:
        from huifang import regexcache
        from huifang.lint.ownkind import ANY_KIND, ENTRY

        _COMPILED.extend((regexcache.compile(ANY_KIND), regexcache.compile(ENTRY)))
    lines = [
        "1.开头语：您好，热线。",
        "2.外呼时：",
        "（1）开头：您好，我是客服。",
        "（2）结束：再见！",
        "3.结束语：请稍等。",
    ]
    turns = [Utterance(text, "agent", "f.txt", line) for line, text in enumerate(lines, 1)]
    cuts = {u.line: spans for u, spans in _other_kind_sections(turns, "inbound").values()}
    assert cuts == {2: [(0, len(lines[1]))], 3: [(0, len(lines[2]))], 4: [(0, len(lines[3]))]}
