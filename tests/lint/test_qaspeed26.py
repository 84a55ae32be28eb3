"""Session 26's element pattern cut: an alternation of many words gets a lookahead of their first characters
(`standards._led`), so _sre fails it with one set lookup where the text's next character starts none of them. The
patterns must match exactly as before: each is compared with the plain alternation at every position of real and
generated texts, and every element's patterns with the shipped standard's as they were written."""

from __future__ import annotations

import re

from huifang.lint import standards
from huifang.lint.standards import GENERIC_ORG_WORDS, NOT_A_NAME_WORDS, STAFF_HEADS, _led, _piece
from huifang.project import load_project
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.lint.conftest import REPO

GROUPS = [list(NOT_A_NAME_WORDS), sorted(GENERIC_ORG_WORDS, key=len, reverse=True), list(STAFF_HEADS)]
SAID = [
    "韩先生您好，我是泰康人寿5002号客服人员，请问您近期在浦发银行网点购买了我公司的产品是吗？",
    "您好，我是社区卫生站的小林，这边是电商平台客服",
    "您好，政府热线，请讲",
    "我是龙湖天琅的置业顾问小赵，耽误您两分钟可以吗？",
    "我们是街道疫情防控工作人员",
    "",
]
pieces = st.sampled_from([w for g in GROUPS for w in g] + ["我是", "这边是", "您好，", "的", "号", "小李", "王", "x"])
texts = st.lists(st.one_of(pieces, st.characters(min_codepoint=0x20, max_codepoint=0x9FFF)), max_size=14).map("".join)


def _spans(pattern: re.Pattern, text: str) -> list:
    return [(m.span() if (m := pattern.match(text, at)) else None) for at in range(len(text) + 1)]


def _both(words: list[str]) -> tuple[re.Pattern, re.Pattern]:
    plain = "(?:" + "|".join(map(re.escape, words)) + ")"
    return re.compile(plain + "+"), re.compile(_led(words) + plain + "+")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_led_alternation_matches_where_the_plain_one_does(text):
    for words in GROUPS:
        plain, led = _both(words)
        assert _spans(led, text) == _spans(plain, text)


def test_led_on_said_lines():
    for text in SAID:
        for words in GROUPS:
            plain, led = _both(words)
            assert _spans(led, text) == _spans(plain, text)


def test_a_long_written_group_is_led_and_a_short_one_is_not():
    many = "(" + "|".join(GENERIC_ORG_WORDS[: standards.LED_FROM]) + ")"
    few = "(先生|女士|小姐)"
    assert _piece(many, {}).startswith("(?=[")
    assert _piece(few, {}) == "(?:先生|女士|小姐)"
    assert _piece(many + "?", {}).startswith("(?:(?=[") and _piece(many + "?", {}).endswith(")?")
    assert _piece("(公司|{占位})", {}).startswith("(?:公司|")  # a placeholder alternative: left as it was


@settings(max_examples=200, deadline=None)
@given(texts)
def test_every_shipped_element_finds_what_it_found_unled(text):
    """The shipped standard's elements, compiled with and without the lookaheads (`_led` made to add nothing), find
    the same spans in the same texts, exclusions and slots included (`Detector.search`)."""
    led, plain = _detectors()
    folded = standards.fold(text)
    for a, b in zip(led, plain):
        assert a.search(folded) == b.search(folded)
        assert _spans(a.regex, folded) == _spans(b.regex, folded)


_MADE: list = []


def _detectors():
    if not _MADE:
        project = load_project(REPO).project
        elements = [*project.greeting.elements, *project.closing.elements]
        org = next(iter(project.orgs.values()), None)
        led = [standards.element_regex(e, org) for e in elements]
        _MADE.extend([led, [_unled(e, org) for e in elements]])
    return _MADE


def _unled(element, org):
    """The element's detector as compiled before the lookaheads: each `_led(...)` in its patterns taken out."""
    detector = standards.element_regex(element, org)
    plain = object.__new__(standards.Detector)
    plain.regex = re.compile(_LED.sub("", detector.regex.pattern))
    plain.exclude = re.compile(_LED.sub("", detector.exclude.pattern)) if detector.exclude else None
    plain.pattern = detector.pattern
    plain.kind, plain.slot = detector.kind, detector.slot
    return plain


_LED = re.compile(r"\(\?=\[[^\]]*\]\)(?=\(\?:)")
