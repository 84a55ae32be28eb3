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


def test_chunks_hold_every_file_in_order_and_the_last_ones_shrink():
    from huifang.lint.chunks import split

    for count, jobs in ((8000, 2), (1000, 2), (1001, 3), (10, 2), (123_457, 8), (0, 2), (1, 1), (399, 4)):
        chunks = split(list(range(count)), jobs)
        assert [f for chunk in chunks for f in chunk] == list(range(count))
        assert all(chunks)
    # the whole chunks, then a quarter of one per worker, halved after each worker's turn, to an eighth of the quarter
    sizes = [len(chunk) for chunk in split(list(range(8000)), 2)]
    assert sizes[:39] == [200] * 39
    assert sizes[39:] == [50, 50, 25, 25, 12, 12, 6, 6, 6, 6, 2]


def test_a_warm_lint_of_plain_files_imports_neither_hashlib_nor_html_entities(shipped, tmp_path):
    """hashlib (OpenSSL) is for a read-only project's cache folder and a content cache miss, html.entities for a
    named character reference: neither is part of a lint that needs neither (≈ 12 M and ≈ 8 M instructions)."""
    import os
    import subprocess
    import sys
    import time

    from huifang import contentcache

    folder = shipped / "scripts_src"
    (folder / "a.md").write_text("客服：您好，我是安心物业的回访专员。\n客服：感谢您的配合，再见！\n", encoding="utf-8")
    (folder / "b.md").write_text("客服：您好 &amp; 再见\n", encoding="utf-8")  # a named reference, read as rendered
    probe = (
        "import sys\nfrom huifang.cli import main\n"
        f"main(['lint', '--project', {str(shipped)!r}, {str(folder / 'a.md')!r}, '--format', 'json'])\n"
        "print(sorted(m for m in ('hashlib', '_hashlib', 'html.entities') if m in sys.modules), file=sys.stderr)\n"
    )
    # a file written less than RACY_NS before a cache entry is compared by content (hashlib) at the next run too;
    # a team's files are older than that, and on a quiet host the first run would otherwise end inside the window
    time.sleep(contentcache.RACY_NS / 1e9 + 0.2)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("HUIFANG_NO_CACHE", None)
    env.pop("CI", None)
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env) for _ in range(2)]
    assert runs[0].stderr.strip().endswith("['_hashlib', 'hashlib']")  # the first run fills the content cache
    assert runs[1].stderr.strip().endswith("[]"), runs[1].stderr
    referenced = probe.replace("a.md", "b.md")
    named = subprocess.run([sys.executable, "-c", referenced], capture_output=True, text=True, env=env)
    assert named.stderr.strip().endswith("['html.entities']"), named.stderr
