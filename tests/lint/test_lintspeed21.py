"""Session 21's cut of a lint's per-file work: lines that differ only in their digits share one reading
(`freeform.Reader.shapes`). Each test holds what makes that exact, or compares with reading every line."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

DIGITS = "0123456789"


def _digits_alike(pattern: str) -> bool:
    """Whether no question the regex asks of a character tells one ASCII digit from another: none is named
    literally, every class holds all ten or none, and nothing compares characters with each other."""
    from re import _parser  # type: ignore[attr-defined]

    return _walk(_parser.parse(pattern).data)


def _walk(items) -> bool:
    from re import _parser  # type: ignore[attr-defined]

    for op, av in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL"):
            if chr(av) in DIGITS:
                return False
        elif name == "IN":
            held = set()
            for member, value in av:
                kind = str(member)
                if kind == "LITERAL" and chr(value) in DIGITS:
                    held.add(chr(value))
                elif kind == "RANGE":
                    held |= {d for d in DIGITS if value[0] <= ord(d) <= value[1]}
                elif kind == "CATEGORY" and str(value) in (
                    "CATEGORY_DIGIT",
                    "CATEGORY_NOT_DIGIT",
                    "CATEGORY_WORD",
                    "CATEGORY_NOT_WORD",
                ):
                    held |= set(DIGITS)
                elif kind not in ("LITERAL", "NEGATE", "CATEGORY"):
                    return False
            if held and held != set(DIGITS):
                return False
        elif name in ("GROUPREF", "GROUPREF_IGNORE", "GROUPREF_LOC_IGNORE", "GROUPREF_UNI_IGNORE"):
            return False  # a back reference compares characters with each other
        else:
            parts = av if isinstance(av, (tuple, list)) else (av,)
            for part in parts:
                subs = part if isinstance(part, list) else [part]
                for sub in subs:
                    if isinstance(sub, _parser.SubPattern) and not _walk(sub.data):
                        return False
    return True


def _module_patterns(module) -> list[re.Pattern]:
    return [value for value in vars(module).values() if isinstance(value, re.Pattern)]


def test_every_regex_of_reading_a_line_and_of_its_marks_asks_no_digit_apart():
    from huifang.lint import branches, freeform, rendered, speakers, standards
    from huifang.lint.rules import personal_data

    patterns = [
        *_module_patterns(freeform),
        *_module_patterns(speakers),
        *_module_patterns(branches),
        rendered.NEEDS,  # rendering itself (entities' digits) only for lines NOT_SHAPED keeps apart
        personal_data.DIGITS,
        personal_data.ID_WORDS,
        standards.CLOSING_MARK,
        standards.NUMBERED,
        standards.OWN_LABEL,
    ]
    assert len(patterns) > 30
    for pattern in patterns:
        assert _digits_alike(pattern.pattern), pattern.pattern
    for char in "&<\\`|":
        assert freeform.NOT_SHAPED.search(f"客服：1{char}2") is not None
    assert freeform.NOT_SHAPED.search("客服：1 <!-- huifang: off -->") is not None
    assert set(DIGITS) <= standards.NUMBER_START and set(DIGITS) <= freeform.PRE_START
    # the literal tests: hints, ID words, 不方便, the label colon, the words a label is compared with
    for word in (
        *freeform.KIND_HINTS,
        *speakers.MARKERS,
        *speakers.THIRD_PERSON,
        *speakers.DEFAULT.table,
        "身份",
        "证件",
        "證件",
        "不方便",
        "：",
        ":",
    ):
        assert not set(word) & set(DIGITS)


def test_the_check_tells_a_literal_digit():
    assert _digits_alike(r"[0-9０-９][- 0-9０-９]{10,}")
    assert _digits_alike(r"\d{1,2}:\d{2}")
    assert not _digits_alike(r"1[3-9]\d{9}")
    assert not _digits_alike(r"[1-9]")
    assert not _digits_alike(r"110|120")


def test_no_t2s_dictionary_entry_holds_a_digit(tmp_path):
    # fold converts with OpenCC, whose phrases could read a digit with the characters around it
    import json
    import subprocess
    from pathlib import Path

    import opencc

    clib = Path(opencc.__file__).parent / "clib"
    share = clib / "share" / "opencc"
    config = json.loads((share / "t2s.json").read_text(encoding="utf-8"))
    names = sorted(set(re.findall(r'"file":\s*"([^"]+\.ocd2)"', json.dumps(config))))
    assert "TSPhrases.ocd2" in names
    for name in names:
        out = tmp_path / (name + ".txt")
        subprocess.run(
            [str(clib / "bin" / "opencc_dict"), "-i", str(share / name), "-o", str(out), "-f", "ocd2", "-t", "text"],
            check=True,
            capture_output=True,
        )
        keys = [line.split("\t")[0] for line in out.read_text(encoding="utf-8").splitlines()]
        assert len(keys) > 400
        assert not [k for k in keys if set(k) & set(DIGITS)], name


def test_a_digit_in_a_speaker_label_or_a_word_order_word_turns_shapes_off():
    from huifang.lint.freeform import Reader
    from huifang.lint.speakers import Speakers

    assert Reader().shapes is not None
    assert Reader(speakers=Speakers(agent=("坐席1",))).shapes is None
    assert Reader(speakers=Speakers(customer=("客户２",))).shapes is None  # full width: a digit too
    assert Reader(numbers_alike=False).shapes is None


def test_a_word_order_word_with_a_digit_turns_shapes_off():
    import dataclasses

    from huifang.lint.config import LintConfig
    from huifang.lint.engine import Engine
    from huifang.project import load_project

    from tests.lint.conftest import PROJ

    project = load_project(PROJ, scripts=[]).project
    assert Engine(project, LintConfig()).ctx.reader.shapes is not None
    first = next(p for p in project.forbidden if p.any_order)
    with_digit = dataclasses.replace(first, id="with-digit", any_order=(("12315",), ("投诉",)))
    project.forbidden = [*project.forbidden, with_digit]
    assert Engine(project, LintConfig()).ctx.reader.shapes is None


LINES = st.lists(
    st.sampled_from(
        [
            "客服：",
            "客户：",
            "客服3：",
            "说话人1：",
            "说话人2：",
            "讲解员：",
            "[00:12] ",
            "# 回访话术 ",
            "1. ",
            "2、",
            "(3) ",
            "A. ",
            "情况1：",
            "- ",
            "|1|2|",
            "&#49;",
            "&#50;",
            "`7`",
            "<!-- huifang: off -->",
            "您好！请问是陈先生吗？我是安心物业客服中心的回访专员，工号",
            "你自己想办法吧",
            "这种事我们从来没有过",
            "身份证号",
            "13800138000",
            "1380013800",
            "12315",
            "不方便",
            "结束语：",
            "再见",
            "“您好”或“你好”",
            "吗？",
            "：",
            "1",
            "7",
            "42",
            "９",
            "0",
            "\n",
        ]
    ),
    max_size=30,
).map("".join)


def _fields(u):
    origin = u.origin.places if u.origin is not None else None
    return (u.text, u.speaker, u.line, u.col, u.base, u.ask, u.kind, u.folded, u.normalized, origin)


def _view_facts(view):
    turns = view.whole if view.whole is not None else view.paths[0][1]
    return (
        [_fields(u) for u in turns],
        [_fields(u) for u in view.extras],
        [(label, [_fields(u) for u in path]) for label, path in view.paths],
        view.marks,
        view.phrase_lines,
        {name: _fields(u) for name, u in view.unknown_speakers.items()},
        view.inferred_agent,
        view.kind,
    )


def same_with_and_without_shapes(texts: list[str]) -> int:
    """Read and lint the texts (alternately .txt and .md, twice: cold, then with every line known) with lines
    shared by their shape and without; the findings."""
    from huifang.lint.config import LintConfig
    from huifang.lint.engine import Engine
    from huifang.lint.freeform import Reader
    from huifang.project import load_project

    from tests.lint.conftest import PROJ

    project = load_project(PROJ, scripts=[]).project
    shaped, each = Engine(project, LintConfig()), Engine(project, LintConfig())
    reader = shaped.ctx.reader
    assert reader.shapes is not None
    each.ctx._reader = Reader(reader.matcher, reader.speakers, reader.tests, numbers_alike=False)
    files = [(t, f"f{i}.{'md' if i % 2 else 'txt'}") for i, t in enumerate(texts)]
    found = 0
    for _ in range(2):
        for view, plain in zip(shaped.ctx.reader.views(files), each.ctx.reader.views(files)):
            assert _view_facts(view) == _view_facts(plain), view.text
            problems = shaped.lint_view(view)
            assert problems == each.lint_view(plain), view.text
            found += len(problems)
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=5))
def test_lines_read_by_their_shape_read_as_each_read_alone(texts):
    same_with_and_without_shapes(texts)


def _renumbered(text: str, seed: int) -> str:
    import random

    rng = random.Random(seed)
    return re.sub(r"[0-9]", lambda _: str(rng.randrange(10)), text)


@pytest.mark.parametrize(
    "text",
    [
        "您好！请问是陈先生吗？我是安心物业客服中心的回访专员，工号9580。\n客户：方便，你问吧。\n"
        "想占用您两分钟做个简单的服务回访，您现在方便接电话吗？\n非常感谢您的支持与配合，祝您生活愉快，再见！\n",
        "# 回访话术 12\n\n- 客服：您好！请问是王先生吗？我是安心物业客服中心的回访专员，工号2026。\n客户：是我。\n"
        "客服：请问您对上周的维修服务满意吗？\n客服：再见！\n",
        "1. 方便：好的，请问您对维修服务满意吗？\n2. 不方便：好的，不打扰了，再见\n客服：您的身份证号是 110101199003071234 吗？\n",
        "说话人1：您好，这里是安心物业，工号12\n说话人2：你好\n说话人1：请问您满意吗？\n说话人2：满意\n说话人1：再见\n",
        "[00:01] 客服：您好，我是客服3号\n[00:05] 客户：嗯\n[00:09] 客服：请拨打12345转2号键，再见\n",
        "客服：您好&#49;&#50;号为您服务\n| 1 | 2 |\n|---|---|\n| 3 | 4 |\n客服：再见\n",
        # a line too long to be remembered, read alone
        "客服：您好，工号12，" + "请问您对第3次维修满意吗？" * 45 + "\n客服：再见\n",
    ],
)
def test_scripts_renumbered_read_and_lint_as_each_read_alone(text):
    texts = [text, *(_renumbered(text, seed) for seed in range(4))]
    assert same_with_and_without_shapes(texts) >= 0
