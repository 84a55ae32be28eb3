"""Round 48 (bench/README.md "Round 48"): in a story, a voice that speaks (「一个颤抖的年轻女声说：“…”」) is nobody's side
the story says, so its words are no forbidden phrase of the agent's (lint/story.py, `VOICED`).

On main 7d92e98b the clause before 说 named nobody by role, and a name alone is the agent's side, so the caller's
「我不知道…」 was a forbidden phrase (blind set 28's 1276). Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

OPENING = "深夜,青山心理热线的电话响了。接线员小李接起电话:“这里是青山心理热线,请问有什么可以帮您?”\n"


@pytest.mark.parametrize(
    "said",
    ["两分钟后,一个颤抖的年轻女声说:“我不知道该怎么办了。”\n", "过了很久,电话那头的声音说:“我不知道该怎么办了。”\n"],
)
def test_a_voices_words_are_not_the_agents(packed, said):
    assert lint_text(packed, "r48.txt", OPENING + said, "forbidden-phrase") == []


@pytest.mark.parametrize(
    "said",
    [
        # the agent by role, and a name alone that says it loudly (大声: how, not who): the agent's, as before
        "接线员小李说:“我不知道该怎么办了。”\n",
        "小李大声说:“我不知道该怎么办了。”\n",
    ],
)
def test_the_agents_words_are_still_reported(packed, said):
    found = lint_text(packed, "r48.txt", OPENING + said, "forbidden-phrase")
    assert [p.line for p in found] == [2], found
