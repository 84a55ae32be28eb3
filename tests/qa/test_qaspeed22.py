"""Session 22's qa round (bench/README.md, qa, Round 31): t2s leaves OpenCC unloaded for a text whose only characters
a dictionary entry changes are changed only inside phrases it does not hold (the surname 沈, 坏了), and a call's
opening is searched for its elements longest turn first. Both give the answers they gave before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import opencc
import pytest
from huifang.lint import simplified, standards
from huifang.lint.config import LintConfig
from huifang.lint.engine import Engine
from huifang.lint.normalize import fold
from huifang.project import load_project

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def converter():
    return opencc.OpenCC("t2s.json")


def test_the_phrase_only_characters_and_their_phrases_are_known():
    assert simplified.changing_characters() is not None
    phrases = simplified._PHRASES
    assert "沈" in phrases and "沈默" in phrases["沈"]
    assert simplified.t2s("這") == "这"  # the one-character entries' regex is compiled when first asked
    alone = simplified._ALONE[0]
    assert alone is not None
    for char, held in phrases.items():
        assert alone.search(char) is None  # no one-character entry changes it
        assert held and all(char in p and len(p) > 1 and alone.search(p) is None for p in held)


def test_texts_with_those_characters_convert_as_opencc_does(converter):
    simplified.changing_characters()
    texts = ["沈先生您好，我是泰康人寿客服", "您的手机坏了吗？", "覆盖全国", "沈", "沈沈", "請問沈先生在嗎"]
    for char, held in simplified._PHRASES.items():
        texts += [char, f"您好{char}先生", f"{char}，{char}"]
        for phrase in held:
            texts += [phrase, f"请问{phrase}吗", phrase[:-1], phrase[1:], f"{phrase[:-1]}，{phrase[-1]}"]
    changed = 0
    for text in texts:
        assert simplified.t2s(text) == converter.convert(text), text
        changed += converter.convert(text) != text
    assert changed > 100  # every phrase kept is one OpenCC changes


def test_a_surname_alone_does_not_load_opencc():
    """A call with 沈先生 in it (and 坏了) is converted without OpenCC; 沈默 still loads it."""
    code = (
        "from huifang.lint import simplified as s\n"
        "assert s.t2s('沈先生您好，是沈女士吗？手机坏了') == '沈先生您好，是沈女士吗？手机坏了'\n"
        "assert s._OPENCC is None\n"
        "assert s.t2s('沈默是金') == '沉默是金' and s._OPENCC is not None\n"
    )
    env = dict(os.environ, XDG_CACHE_HOME=os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache")))
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)


def test_an_opening_is_searched_longest_turn_first():
    """`missing_from_all` looks in the longest turn first: a short turn around the introduction is searched only
    for the elements the introduction lacks, and the answer is what the detectors find in any of the turns."""
    project = load_project(ROOT, scripts=[]).project
    org = project.orgs["taikang"]
    standard = project.greeting.for_kind("outbound")
    ctx = Engine(project, LintConfig()).ctx
    ctx.share_canonical = False  # as call QA asks
    short = fold("您好，是沈先生吗？")
    long = fold("沈先生您好，我是泰康人寿5002号客服人员，请问您近期在浦发银行网点购买了我公司的泰康健康保险产品是吗？")
    detectors = [(e, standards.element_regex(e, org)) for e in standard.elements]
    lacking = tuple(e for e, d in detectors if d.search(short) is None and d.search(long) is None)
    assert ctx.missing_from_all(standard, org, [short, long]) == lacking
    kit = ctx._kit(standard, org)
    said_long = ctx._said[kit.key][long][1]
    looked_short = ctx._said[kit.key][short][0]
    assert said_long and not looked_short & said_long  # nothing the long turn says was looked for in the short one
    assert [e.id for e in lacking] != [e.id for e in standard.elements]
    again = Engine(project, LintConfig()).ctx  # the other order asked: the same answer
    again.share_canonical = False
    assert again.missing_from_all(standard, org, [long, short]) == lacking
