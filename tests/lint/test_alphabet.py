"""Texts that differ only in characters no element pattern tells apart share their answers (lint/alphabet.py):
the same spans on the text and on its canonical form, for every shipped element pattern, and the same
findings for a file linted among many (where the answers are shared) as linted alone."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from huifang.kept import Kept
from huifang.lint import alphabet, standards
from huifang.lint.alphabet import Alphabet
from huifang.lint.api import lint_paths
from huifang.project import load_project

from tests.lint.test_regexcache import SHAPE_TEXT, SHAPES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def own_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(alphabet, "KEPT", Kept("alphabet"))


def shipped_detectors() -> list[list[standards.Detector]]:
    """Each shipped standard of each kind, compiled for each shipped org and for none."""
    project = load_project(ROOT, scripts=[]).project
    out = []
    for standard in (project.greeting, project.closing):
        for kind in standards.KINDS:
            for org in [None, *project.orgs.values()]:
                out.append([standards.element_regex(e, org) for e in standard.for_kind(kind).elements])
    return out


def patterns_of(detectors) -> list[str]:
    return [p for d in detectors for p in [d.regex.pattern] + ([d.exclude.pattern] if d.exclude else [])]


def texts(patterns: list[str], count: int, seed: int) -> list[str]:
    """Random texts of the patterns' own characters, names, numbers and other Chinese characters."""
    letters = sorted(set("".join(patterns) + SHAPE_TEXT + standards.SURNAMES + "0123456789伟芳娜敏静丽强磊洋艳勇军"))
    pick = random.Random(seed).choice
    return [SHAPE_TEXT, ""] + ["".join(pick(letters) for _ in range(n % 50)) for n in range(count)]


def test_a_canonical_text_matches_where_the_text_does():
    for detectors in shipped_detectors():
        patterns = patterns_of(detectors)
        canon = Alphabet(patterns).canon
        for text in texts(patterns, 80, len(patterns)):
            same = canon(text)
            assert len(same) == len(text)
            for d in detectors:
                assert d.search(same) == d.search(text), (d.regex.pattern, text)
                assert [m.span() for m in d.regex.finditer(same)] == [m.span() for m in d.regex.finditer(text)]


def test_characters_met_before_are_read_as_they_were_classed():
    """canon reads the characters already classed from a plain mapping and classes a new one on first sight:
    every text gets the form the classing table alone gives it, met in the same order."""
    for detectors in shipped_detectors()[:4]:
        patterns = patterns_of(detectors)
        seasoned, table_only = Alphabet(patterns), Alphabet(patterns)
        for text in texts(patterns, 60, 7) + texts(patterns, 60, 7)[::-1]:
            assert seasoned.canon(text) == text.translate(table_only._table), text


def test_names_and_numbers_no_pattern_names_share_one_form():
    project = load_project(ROOT, scripts=[]).project
    greeting = project.greeting.for_kind("outbound")
    canon = Alphabet(patterns_of([standards.element_regex(e, None) for e in greeting.elements])).canon
    assert canon("您好！请问是陈先生吗？我是客服中心的回访专员，工号9580。") == canon(
        "您好！请问是王先生吗？我是客服中心的回访专员，工号1735。"
    )
    assert canon("请问是陈先生吗") != canon("请问是您先生吗")  # 您 is no name: patterns tell it apart


@pytest.mark.parametrize("pattern", SHAPES)
def test_shapes_of_patterns(pattern):
    canon = Alphabet([pattern]).canon
    regex = re.compile(pattern)
    for text in texts([pattern], 200, 3):
        assert [m.span() for m in regex.finditer(canon(text))] == [m.span() for m in regex.finditer(text)]


@pytest.mark.parametrize("pattern", [r"(王)\1", r"(?i)abc", r"(?i:a)b", r"(?a)\w+"])
def test_patterns_it_cannot_read_leave_texts_as_they_are(pattern):
    assert Alphabet([pattern, "好"]).canon("王王ABC好") == "王王ABC好"


def test_what_was_read_is_kept(monkeypatch):
    Alphabet(["(?:王|李)先生", "[0-9]号"])
    assert list(alphabet.KEPT.new.values()) == [("\n\r先号生", (("", ((48, 57),), ()), ("李王", (), ())))]

    alphabet.KEPT.save()

    def no_parsing(patterns):
        raise AssertionError("parsed again")

    monkeypatch.setattr(alphabet, "_questions", no_parsing)
    monkeypatch.setattr(alphabet, "KEPT", Kept("alphabet"))  # as the next run reads it
    canon = Alphabet(["(?:王|李)先生", "[0-9]号"]).canon
    assert canon("李先生5号") == canon("王先生0号") != canon("您先生0号")


def test_a_file_among_many_has_the_findings_it_has_alone(proj, monkeypatch):
    """Past the first texts of a run the element answers are shared between names and numbers: each file's
    findings are still those it has linted on its own."""
    folder = proj / "scripts_src" / "many"
    folder.mkdir()
    pick = random.Random(7)
    names = standards.SURNAMES[:40] + "您你某XX"
    for n in range(70):
        name = pick.choice(names)
        opening = pick.choice(
            [
                f"客服：您好！请问是{name}先生吗？我是安心物业客服中心的回访专员，工号{pick.randrange(10000)}。",
                f"客服：{name}女士您好，我是{name}{pick.choice('小大')}，请问您现在方便吗？",
                f"客服：喂，你好，我是{pick.randrange(100)}号客服{name}。",
            ]
        )
        (folder / f"s{n:02d}.txt").write_text(
            opening + "\n客户：是我。\n客服：请问您对维修服务满意吗？\n客服：感谢您的支持，再见！\n", encoding="utf-8"
        )
    asked = []
    canon = Alphabet.canon
    monkeypatch.setattr(Alphabet, "canon", lambda self, text: asked.append(text) or canon(self, text))
    together = lint_paths(proj, [folder], jobs=1).problems
    assert len(asked) > 10  # the shared answers were used
    for path in sorted(folder.iterdir())[50:]:
        display = path.relative_to(proj).as_posix()
        assert [p for p in together if p.path == display] == lint_paths(proj, [path], jobs=1).problems


def test_an_alphabet_that_seldom_shares_an_answer_is_dropped():
    """Texts that never differ only in what the patterns cannot tell apart (a transcript's own wording): past
    ALPHABET_TRIAL texts the alphabet is dropped, and every answer is still the detectors' own."""
    from huifang.lint import engine
    from huifang.lint.config import LintConfig
    from huifang.lint.engine import Engine

    from tests.lint.conftest import PROJ

    project = load_project(PROJ, scripts=[]).project
    ctx = Engine(project, LintConfig()).ctx
    standard = project.greeting.for_kind("outbound")
    detectors = [(e, standards.element_regex(e, None)) for e in standard.elements]
    letters = sorted(set("".join(patterns_of([d for _, d in detectors]))) - set("\\()[]{}?*+|^$.:!=<"))
    pick = random.Random(5).choice  # texts of the characters the patterns name: seldom two alike
    for n in range(engine.ALPHABET_FROM + engine.ALPHABET_TRIAL + 100):
        text = "您好，" + "".join(pick(letters) for _ in range(12)) + str(n)
        assert ctx.missing(standard, None, text) == tuple(e for e, d in detectors if d.search(text) is None)
    (state,) = ctx._alphabets.values()
    assert state[0] is None and state[1] > engine.ALPHABET_TRIAL
