"""Round 49 (bench/README.md "Round 49"): whose a story's quote is, read with one vocabulary — lint/story.py (the
forbidden-phrase rule) asks lint/spoken.py (the opening and the closing) for each side's roles, for the people the
narration introduces (Round 46's `introduced`) and for a voice (Round 48's `VOICED`).

On main b0444242 the two modules read these apart: story.py did not know a caller the narration introduces by the call
(「一位女律师打来的电话」) nor 屋主 as the public's, so their 「我不知道…」 was the agent's forbidden phrase; spoken.py
read past a voice to a role earlier in the sentence. Every text here is made up.
"""

from __future__ import annotations

import re

import pytest
from huifang.lint import spoken, story

from tests.lint.conftest import lint_text

OPENING = "深夜,青山法律援助热线的电话响了。座席王文芳接到一位女律师打来的电话:“这里是青山热线,请问有什么可以帮您?”\n"


@pytest.mark.parametrize(
    "said",
    [
        "律师着急地说:“我不知道该怎么办了。”\n",  # the caller the narration introduced by the call (spoken.introduced)
        "“我不知道该怎么办了。”屋主喊道。\n",  # a role of the public's only spoken.py knew
    ],
)
def test_the_publics_words_are_not_the_agents(packed, said):
    assert lint_text(packed, "r49.txt", OPENING + said, "forbidden-phrase") == []


@pytest.mark.parametrize(
    "said",
    [
        "王文芳说:“我不知道该怎么办了。”\n",  # the worker the narration introduced by a role and a name
        "接线员小李说:“我不知道该怎么办了。”\n",
    ],
)
def test_the_agents_words_are_still_reported(packed, said):
    found = lint_text(packed, "r49.txt", OPENING + said, "forbidden-phrase")
    assert [p.line for p in found] == [2], found


def test_one_list_of_roles():
    assert story.AGENT_ROLE == spoken.STAFF
    assert story.PUBLIC == spoken.PUBLIC + "|记者"
    assert story.VOICED.pattern == spoken.VOICED


def test_spoken_reads_a_voice_as_nobodys():
    spoken._compile()
    person = spoken._COMPILED[5]
    text = "客服挂断后,一个颤抖的女声说:“我想再问一下。”"
    found = next(re.finditer(spoken.QUOTE, text))
    assert spoken._side(text, found, person) is None  # main: the agent's, from 客服 earlier in the sentence
    text = "客服挂断后,又拿起电话说:“我想再问一下。”"
    found = next(re.finditer(spoken.QUOTE, text))
    assert spoken._side(text, found, person) == spoken.AGENT
