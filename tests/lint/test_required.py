"""One scan for the literals each element pattern needs tells which elements may be in a text
(lint/required.py): a pattern whose bit is clear never matches, for every shipped element pattern."""

from __future__ import annotations

import random
import re

import pytest
from huifang.lint import standards
from huifang.lint.normalize import fold
from huifang.lint.required import Screen, required

from tests.lint.test_alphabet import ROOT, shipped_detectors
from tests.lint.test_regexcache import SHAPE_TEXT


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        ("您好", {"您好"}),
        ("(?:公司|中心)(?:室)?(?:您好|你好)", {"公司", "中心"}),
        ("(?:公|中心)(?:室)?(?:您好|你好)", {"您好", "你好"}),
        ("a*bc", {"bc"}),
        ("(?:ab)+x?", {"ab"}),
        ("祝您|祝你", {"祝"}),  # re's parser takes the common 祝 out of the branches
        ("再见|拜拜", {"再见", "拜拜"}),
        ("(?:占|打扰).{0,12}?(?:分钟|一会)", {"分钟", "一会"}),
        ("[甲乙]", None),
        ("x|.", None),
        (".{0,3}", None),
        ("(?i)abc", None),
        ("(?i:ab)cd", {"cd"}),
        ("(", None),
    ],
)
def test_the_literals_every_match_holds(pattern, literals):
    found = required(pattern)
    assert (None if found is None else set(found)) == literals


def fragments(patterns: list[str]) -> list[str]:
    """The patterns' literals, whole and cut, to build texts that come close to matching."""
    out = []
    for pattern in patterns:
        for literal in required(pattern) or ():
            out += [literal, literal[:-1], literal[1:]]
    return sorted(set(out))


def texts(patterns: list[str], count: int, seed: int) -> list[str]:
    pieces = fragments(patterns) + list(SHAPE_TEXT) + list(standards.SURNAMES[:20]) + list("0123456789，。？！您你是的")
    pick = random.Random(seed).choice
    return [SHAPE_TEXT, ""] + ["".join(pick(pieces) for _ in range(n % 12)) for n in range(count)]


def handbook_lines() -> list[str]:
    return [fold(line) for path in sorted((ROOT / "content").rglob("*.md")) for line in path.read_text().splitlines()]


def test_a_pattern_whose_bit_is_clear_does_not_match():
    lines = handbook_lines()
    for detectors in shipped_detectors():
        regexes = [d.regex for d in detectors]
        screen = Screen(regexes)
        for text in texts([r.pattern for r in regexes], 300, len(regexes)) + lines:
            bits = screen.bits(text)
            for index, regex in enumerate(regexes):
                if not bits >> index & 1:
                    assert regex.search(text) is None, (regex.pattern[:80], text)


def test_the_screen_skips_most_searches_on_the_handbook():
    """It is worth its scan: on the handbook's lines most elements' searches are skipped."""
    lines = handbook_lines()
    project_detectors = shipped_detectors()[0]
    screen = Screen([d.regex for d in project_detectors])
    skipped = sum(len(project_detectors) - screen.bits(line).bit_count() for line in lines)
    assert skipped > len(lines) * len(project_detectors) / 2


def test_a_pattern_without_literals_is_always_searched():
    screen = Screen([re.compile("[甲乙]"), re.compile("再见")])
    assert screen.bits("") == 0b01
    assert screen.bits("再见") == 0b11
