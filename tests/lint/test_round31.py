"""Round 31 (bench/README.md "Round 31"): a phrase list's goodbye entry is its closing wherever the list puts it
(lint/phraselist.py, lint/standards.py `_listed_goodbye`). A phrase standard is a list of entries, not a call: its
leave-taking entry often stands in its middle, before a list of taboos or a coda, and the end of the document says no
goodbye. Where a free-form path's closing says no goodbye and the agent's lines are written as a list (quotes side by
side, two bullets on a line, four or more short items joined by 、), the entry that says goodbye, before any taboo
heading or rule, is read as the closing too — that entry only.

Every text here is made up: the shapes read (each fails on main ddea7e1: a missing-goodbye warning) and what they
must leave alone (warned on main and still).
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

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


def _goodbye_warning(root, text: str) -> bool:
    found = lint_text(root, "r31.txt", text, "missing-closing")
    return any("道别" in p.message for p in found)


@pytest.mark.parametrize("text", LISTS)
def test_a_phrase_lists_goodbye_entry_is_its_closing(shipped, text):
    assert not _goodbye_warning(shipped, text)


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_word_lists_taboos_and_prose_are_no_goodbye(shipped, text):
    assert _goodbye_warning(shipped, text)


def test_only_the_goodbye_entry_is_read(shipped):
    # 谢谢 is an entry of its own, not a thanks said on leaving: the thanks is still missing
    text = (
        "志愿者用语\n1、基本用语：\n● 您好！ ● 谢谢！\n● 请稍候！ ● 请慢走。\n2、接待用语：\n"
        "● 您好，请问您需要帮忙吗？ ● 请您稍等。\n3、禁用语：\n● 我不知道。 ● 你自己看。\n"
    )
    found = lint_text(shipped, "r31.txt", text, "missing-closing")
    words = " ".join(p.message for p in found)
    assert "道别" not in words and "致谢" in words


def test_the_list_line_mark_changes_no_finding():
    # the reader's line mark (linemarks.LISTS) only spares the scan: with marks and without, the same findings
    from tests.lint.test_prescreens import same_with_and_without_marks

    assert (
        same_with_and_without_marks([*LISTS, *LEFT_ALONE, "您好，请问是王先生吗？\n是的。\n感谢您的配合，再见！\n"]) > 0
    )
