"""Session 26's lint speed cuts: missing-closing's clean answer remembered by what the closing reads
(`standards.ending_read`), held against the answer worked out for every file (`missing_closing._check`); the
parent of a lint's workers finishing only the findings before the free-form chunks' (`run.finished`); the element
patterns' sources kept between runs (`standards.SOURCES`).

The keyed answer is taken only where `_ending` alone finds each path's closing (a free-form file, not a message, no
closing marker, no bank's ending nodes, no quotation mark in its text: `own_kind`, `spoken`, `_marked` and
`_node_ending` are not asked there); only a clean answer is remembered, so a finding's place, its suggestion and
`with_leave_taking` (asked only where the goodbye is missing) are always worked out. The tests below each build two
calls whose keys differ in one part only, the first clean and the second not: with that part dropped from the key,
the second would be answered clean from the first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from huifang.lint.config import LintConfig
from huifang.lint.engine import PLACE, Engine, finish
from huifang.lint.rules import missing_closing
from huifang.lint.run import finished
from huifang.lint.standards import for_view
from huifang.lint.utterance import CallView, Utterance
from huifang.problems import FIELDS, Problem
from huifang.project import load_project
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.lint.conftest import REPO

REALWORLD = REPO / "bench" / "realworld"
# the development folders (sets 2–26 are spent; set 27 is a blind held-out set, never read here)
DEVELOPMENT = [REALWORLD / "scripts", *(REALWORLD / f"heldout{n}" for n in range(2, 27))]


@pytest.fixture(scope="module")
def engine():
    return Engine(load_project(REPO, scripts=[]).project, LintConfig())


def _rows(problems) -> list[tuple]:
    return [tuple(getattr(p, f) for f in FIELDS) for p in problems]


def _same(engine, view) -> list[tuple]:
    """missing-closing's findings of a view, keyed, checked against the same worked out."""
    ctx = engine.ctx
    ctx.view = view
    keyed = _rows(missing_closing.check(view, ctx))
    assert keyed == _rows(missing_closing._check(view, ctx, for_view(ctx.project.closing, view))[0]), view.text
    return keyed


@pytest.fixture
def counted(monkeypatch):
    """How many times the answer was worked out (the rest were answered from the key)."""
    missing_closing._CLEAN.clear()
    calls = [0]
    inner = missing_closing._check

    def count(view, ctx, standard):
        calls[0] += 1
        return inner(view, ctx, standard)

    monkeypatch.setattr(missing_closing, "_check", count)
    yield calls
    missing_closing._CLEAN.clear()


def _read(path) -> str:
    text = path.read_bytes().decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text


def test_realworld_development_files_keyed_as_worked_out(engine, counted):
    files = [(_read(p), f"{folder.name}/{p.name}") for folder in DEVELOPMENT for p in sorted(folder.iterdir())]
    assert len(files) > 600
    # each file, then each without its first line: the same endings after another beginning
    variants = files + [(text.partition("\n")[2], "cut-" + name) for text, name in files]
    views = 0
    for kind in (None, "inbound"):
        for view in engine.ctx.reader.views(variants):
            if kind is not None:
                view.kind = kind
            _same(engine, view)
            views += 1
    # `_same` works the answer out once more for every view: the keyed check answered the others, where a clean
    # file's ending came again (few: of the 666 files, 7 take the key's way and are clean as outbound calls)
    assert views - (counted[0] - views) >= 10


AGENT = [
    "客服：您好，我是安心物业客服，您现在方便接电话吗？",
    "客服：请问您对维修服务满意吗？",
    "客服：非常感谢您的支持，祝您生活愉快，再见！",
    "客服：非常感谢您的支持，掰掰，生活愉快",
    "客服：好的，那就这样。",
    "客服：感谢您的来电，再见！",
    "客服：好的",
    "客服：好的?",
    "客服：嗯",
    "客服：请问还有什么可以帮您的吗？",
    "客服：如有疑问请拨打热线 400-123-4567",
    "客服：感谢致电，请问有什么可以帮您？",
    "客服：好的，谢谢了！",
    "客服：不得与客户争吵",
    "第三条 坐席必须礼貌",
    "他说完以后就放下了电话，转身去忙下一位客户的事情了，一直忙到晚上才下班回家吃饭休息",
    "客服：我们会在三个工作日内安排师傅上门检查您家的热水器，并在维修完成以后再给您打电话确认一下情况，"
    "感谢您的耐心，祝您周末愉快",
    "&ldquo;非常感谢您的支持，掰掰，生活愉快&rdquo;",
    "&ldquo;好的&rdquo;",
    "结束语：感谢您的接听，再见",
    "A. 满意",
    "B. 不满意",
    "客服：好的，再见！/ 您看还有别的问题吗？",
]
CUSTOMER = ["客户：好的，谢谢", "客户：没问题", "客户：满意", "客户：不太满意", ""]
LINES = st.sampled_from(AGENT + CUSTOMER)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(LINES, max_size=6), min_size=1, max_size=4),
    st.lists(LINES, min_size=1, max_size=5),
    st.sampled_from(["outbound", "inbound", "face"]),
)
def test_texts_sharing_an_ending_keyed_as_worked_out(engine, beginnings, ending, kind):
    missing_closing._CLEAN.clear()
    files = []
    for number, beginning in enumerate(beginnings):
        text = "\n".join(beginning + ending) + "\n"
        files += [(text, f"f{number}.txt"), (text.replace("\n", "\n\n"), f"f{number}.md")]
    for _ in range(2):
        for view in engine.ctx.reader.views(files):
            view.kind = kind
            _same(engine, view)


def _call(turns, kind="outbound", paths=None) -> CallView:
    """A free-form call of agent turns ((words, asks) each), its text without a quotation mark."""
    made = [Utterance(words, "agent", "f.txt", number + 1, ask=ask) for number, (words, ask) in enumerate(turns)]
    return CallView("f", "f.txt", (1, 1), paths or [("", made)], freeform=True, text="", kind=kind, marks=0)


def _clean_then_found(engine, counted, first: CallView, second: CallView) -> None:
    assert _same(engine, first) == []
    assert counted[0] == 2  # worked out (and once more by `_same`)
    assert _same(engine, second) != []
    assert counted[0] == 4  # worked out again: the key told the second call from the clean first one


THANKS = "非常感谢您的支持，掰掰，生活愉快"  # every outbound closing element, and no word `ENDS` keeps in a closing


def test_the_key_holds_the_closing_turns_words(engine, counted):
    _clean_then_found(engine, counted, _call([(THANKS, False), ("好的", False)]), _call([("好的", False)] * 2))


def test_the_key_holds_whether_a_turn_asks(engine, counted):
    """A short last turn that asks ends the closing (`_closing_talk`); one with the same words that does not asks lets
    the thanks before it in. The reader gives a part of a line the line's `ask`, so the words alone do not say it."""
    _clean_then_found(
        engine, counted, _call([(THANKS, False), ("好的", False)]), _call([(THANKS, False), ("好的", True)])
    )


def test_the_key_holds_whether_the_speech_was_found_quoted(engine, counted):
    """`_ending`'s look back over the whole path (most turns quoted: an unquoted last turn is narration, passed over)
    gives the one answer read from turns before the key's: a rendered &ldquo; is a quotation mark the file's text
    does not hold."""
    narration = "他说完以后就放下了电话，转身去忙下一位客户的事情了"
    said = [("“好的”", False), (f"“{THANKS}”", False), (narration, False)]
    _clean_then_found(engine, counted, _call(said), _call([("他拨通了电话。", False), *said]))


def test_the_key_holds_every_path(engine, counted):
    good = [Utterance(THANKS, "agent", "f.txt", 1)]
    bad = [Utterance("好的，那就这样。", "agent", "f.txt", 2)]
    first = _call([], paths=[("A", good)])
    second = _call([], paths=[("A", good), ("B", bad)])
    _clean_then_found(engine, counted, first, second)


def test_the_key_holds_the_standard(engine, counted):
    words = [("感谢您的来电，再见！", False)]  # the inbound standard's elements, without the outbound's wish
    _clean_then_found(engine, counted, _call(words, kind="inbound"), _call(words, kind="outbound"))


def test_a_goodbye_found_in_a_phrase_list_is_not_remembered(engine, counted):
    """A phrase list's goodbye entry (`with_leave_taking`) is read from the whole path, before the key's turns: a
    call it makes clean is not remembered, and the same ending under a list without one is worked out."""
    ending = [
        ("请稍等一下", False),
        ("我们会尽快安排师傅上门为您处理这个问题的好吗", False),
        ("感谢您的支持，祝您生活愉快", False),
    ]
    listed = _call([("● 您好！ ● 请讲！ ● 请慢走！ ● 再见！", False), *ending])
    unlisted = _call([("● 您好！ ● 请讲！ ● 请稍等！ ● 请坐！", False), *ending])
    _clean_then_found(engine, counted, listed, unlisted)


FINDINGS = st.builds(
    lambda path, line, rule: Problem(path, line, 1, f"第{line}行", "error", rule, line, 2),
    st.sampled_from(["a.txt", "b.md", "c.txt", "content/x.yaml"]),
    st.integers(1, 4),
    st.sampled_from(["missing-closing", "forbidden-phrase"]),
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(FINDINGS, max_size=6),
    st.lists(st.lists(st.lists(FINDINGS, max_size=4), max_size=3), max_size=4),
    st.booleans(),
    st.booleans(),
)
def test_free_form_chunks_finish_as_all_the_findings_together(rest, chunks, switched, ignored):
    """`run.finished` against `engine.finish` of every finding: the chunks as `_lint_text_chunk` sends them (each
    batch finished, in order when the junctions are), in any order and with places shared between chunks."""
    sources = {"a.txt": "客服：您好 # huifang: disable=forbidden-phrase\n" if switched else "", "content/x.yaml": ""}
    config = LintConfig(ignore=["c.txt"] if ignored else [])
    found, parts = list(rest), []
    for batches in chunks:
        done, ordered = [], True
        for batch in batches:
            problems = finish(batch, sources, config)
            if problems and done and ordered:
                ordered = PLACE(done[-1]) < PLACE(problems[0])
            done += problems
        parts.append((ordered, *((done[0], done[-1]) if done else (None, None))))
        found += done
    assert _rows(finished(found, len(rest), parts, sources, config)) == _rows(finish(found, sources, config))
    assert _rows(finished(found, len(found), None, sources, config)) == _rows(finish(found, sources, config))


def test_element_sources_are_kept_for_the_code_and_the_dictionaries_of_the_run(proj, tmp_path, monkeypatch):
    """A lint keeps the element patterns' sources (`standards._compile`) under the digests of huifang's modules the
    content cache checked and the key of OpenCC's dictionaries t2s read; the next run reads them and lints alike."""
    import hashlib
    import json
    import marshal

    from huifang import contentcache
    from huifang.lint import simplified, standards

    from tests.conftest import huifang

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("HUIFANG_NO_CACHE", raising=False)
    monkeypatch.delenv("CI", raising=False)
    script = proj / "scripts_src" / "c.txt"
    script.write_text("客服：您好，我是安心物业客服小李，请问是王先生吗？\n客服：好的，那就这样。\n", encoding="utf-8")
    runs = [huifang("lint", "--project", proj, script, "--format", "json") for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and json.loads(runs[0].stdout)
    (kept,) = (tmp_path / "home" / "huifang" / "elements").iterdir()
    ((key, sources),) = marshal.loads(kept.read_bytes()).items()
    code = contentcache._listing(proj)[2]
    assert key[0] == b"".join(hashlib.sha256(Path(path).read_bytes()).digest() for path in code)
    assert simplified.changing_characters() is not None
    assert key[1] == simplified.DICTIONARIES[0]
    assert len(sources) > 10  # the elements this lint looked for
    for (pattern, fills), source in sources.items():
        assert source == "".join(standards._piece(t, dict(fills)) for t in standards.TOKEN.split(pattern) if t)


def test_kept_sources_answer_and_none_are_kept_without_a_key(monkeypatch):
    from huifang import contentcache
    from huifang.lint import standards

    standards._compile.cache_clear()
    monkeypatch.setattr(standards, "_SOURCES", [(b"code", ("dictionaries",)), {("再见{名}", ()): "kept"}])
    assert standards._compile("再见{名}", ()) == "kept"
    standards._compile.cache_clear()
    monkeypatch.setattr(standards, "_SOURCES", [None, None])
    monkeypatch.setattr(contentcache, "CODE", [None])  # no content cache entry read or written in this run
    assert standards._compile("再见{名}", ()) == "再见" + standards.NAME
    assert standards._SOURCES == [False, None]
    standards._compile.cache_clear()


def test_the_key_holds_the_org(engine, counted, monkeypatch):
    """A team's closing pattern may name its org's values ({公司}): the same words are clean for one org only."""
    from huifang.model import Element, Standard

    first, second = [org for org in engine.ctx.project.orgs.values() if org.name][:2]
    monkeypatch.setattr(engine.ctx.project, "closing", Standard([Element("ganxie", "致谢", ("感谢{公司}",))]))
    words = [(f"感谢{first.name}", False)]
    ours, theirs = _call(words), _call(words)
    ours.org, theirs.org = first, second
    _clean_then_found(engine, counted, ours, theirs)
