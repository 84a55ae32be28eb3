"""Round 34 (bench/README.md "Round 34"): a story of a call is read in its quoted words only (lint/spoken.py).

In a news story or a first-person account that quotes a call or a visit, the narration is nobody's words there, a
quote the narration gives to the customer or the public is theirs, and an unattributed quote right after the agent's
in the same sentence is the reply. The shapes read fail on main a0322de (the resident's 「你又有什么事？」 taken for
the agent's question about the need, so no warning); the ones left alone pass on main and here.

Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import greeting_messages, lint_text

NEED = "询问需求"

READ = [
    # the resident's quote first, attributed by the narration (屋主…喊道), then the agent's own words
    "kind: face\n晚上九时，城东小区宿舍楼。几声敲门声过后，402室的住户打开房门，屋主看了看来访者，极不耐烦地冲来者"
    "喊道：“你又有什么事？”“您好！我是城东供电公司的员工小刘，负责这片电表的抄录工作，请问您是王先生吗？”\n",
    # an old resident's quote (赵阿姨…笑着说), the visitor's after it
    "kind: face\n记者跟随网格员走访。独居老人赵阿姨打开门，笑着说：“你们又来看我啦，有什么事吗？”“阿姨您好！"
    "我是青山社区网格员小马，来看看您最近身体怎么样。”网格员说。\n",
]

LEFT_ALONE = [
    # the agent's own quote asks the need: the story's quotes say it
    "kind: face\n记者跟随网格员走访。独居老人赵阿姨打开门，网格员笑着说：“阿姨您好！我是青山社区网格员小马，"
    "最近生活上有什么需要帮忙的吗？”“挺好的，谢谢你们。”赵阿姨说。\n",
    # a script that quotes its lines under labels: not a story, read as before
    "kind: face\n开场白：“您好，我是城东供电公司的员工小刘，请问有什么可以帮您？”\n结束语：“感谢您的配合，再见！”\n",
]


@pytest.mark.parametrize("text", READ)
def test_the_customers_quote_is_not_the_agents_question(shipped, text):
    assert NEED in greeting_messages(shipped, text, "r34.txt")


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_the_agents_quotes_and_scripts_are_read_as_before(shipped, text):
    assert NEED not in greeting_messages(shipped, text, "r34.txt")


def test_the_narration_is_nobodys_words(shipped):
    # 「为方便患者就医」 is the reporter's: the 方便 question is still missing, and the finding stands on the quote
    text = (
        "本报讯（记者 王明）为方便患者就医，市第一医院推出出院随访服务。\n"
        "“您好，我是市第一医院的护士小李，请问您是张先生吗？您出院后身体恢复得怎么样？”护士小李拿起电话说。\n"
    )
    found = lint_text(shipped, "r34.txt", text, "missing-greeting")
    assert found and "确认是否方便" in found[0].message
    assert found[0].line == 2
