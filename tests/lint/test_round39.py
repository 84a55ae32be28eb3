"""Round 39 (bench/README.md "Round 39"): whom the customer talks with — in a labelled dialogue with no known agent
label, the unknown label whose turns take turns with the customer's label is the agent's side (lint/interlocutor.py,
asked by speakers.infer_agent after the label that opens the call).

On main be939d5 「热线：」 beside 「市民：」 was an unknown speaker, never the agent: its goodbye was nobody's, so no
closing was missing and its 不知道 no forbidden phrase. Left alone (as on main): a label that follows the customer
once (a note, no back and forth), and two unknown labels that both take turns with the customer (which is the agent
is not told by the order). Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

HOTLINE = (
    "市民：停车库太吵了，我应该提供什么资料反映呢？\n"
    "热线：您是哪个小区啊？\n"
    "市民：水韵东方小区。\n"
    "热线：好的，我们转给物业处理。\n"
    "市民：要多久？\n"
    "热线：不知道，你等着吧。\n"
)

LEFT_ALONE = [
    # a note after the customer's line, once: no back and forth
    "客户：我想改一下地址，不知道怎么弄。\n备注：客户来电要求改地址，不知道新地址\n",
    # two unknown labels that each take turns with the customer: the order does not tell which is the agent
    "市民：你好。\n热线：不知道。\n市民：什么？\n值班：不知道。\n市民：好吧。\n热线：不知道。\n市民：唉。\n值班：不知道。\n",
]


def test_the_label_the_citizen_talks_with_is_the_agent(packed):
    problems = lint_text(packed, "hotline.txt", HOTLINE)
    assert any(p.rule == "forbidden-phrase" and p.line == 6 for p in problems)
    assert any(p.rule == "missing-closing" for p in problems)
    (note,) = [p for p in problems if p.rule == "unknown-speaker"]
    assert "轮流说话" in note.message and "推断为坐席" in note.message


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_no_agent_inferred_without_turns_taken(packed, text):
    problems = lint_text(packed, "call.txt", text)
    assert not any(p.rule == "forbidden-phrase" for p in problems)
    assert not any("推断为坐席" in p.message for p in problems if p.rule == "unknown-speaker")
