"""Round 23 of issue 12, forbidden lines (branch lintfb28): the causes of the design half's first-sight false lines
(sets 3–12: a narrator's words, someone else's quote, a quoted example, the right answer) probed in other surfaces
(bench/README.md, "Round 23 — forbidden lines"): words thought are not said, a quote one of the public gives after a
colon is theirs, a quote named as the thing to avoid by 忌讳 or by the anger it causes, not knowing passed on to
whoever knows.

Every text here is made up: each NOT_SAID line was reported before this round; each SAID line is the same words said
to the customer, and must stay reported.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_text

NOT_SAID = [
    # words thought, in a story
    "那天我第五次拨打热线。\n她叹了口气，心想实在是没办法了，只能再打一次。\n电话终于接通了。\n",
    "小王心想：“这下没办法了。”\n他拿起电话，拨给了客户。\n",
    "师傅说明天下午来。心里咯噔一下，但也没办法，总比没有强。\n",
    # one of the public, acting before a colon and a quote
    "上周我去银行办业务。\n那位大爷摇摇头：“我不知道啊，孩子给我办的。”\n柜员耐心地给他解释了一遍。\n",
    # a quoted example named by 忌讳 or by the anger it causes
    "“我不知道”是服务中最忌讳的一句话。\n",
    "例如：“我也没办法，规定就是这样。”这样的回答会让客户更生气。\n",
    "客服人员一句“我也没办法”，往往让客户的怒火更大。\n",
    # a quote that calls a service worker by role is said to them
    "“师傅，我也不知道怎么弄，您能上门看看吗？”\n",
    "“警官，我真的不知道他去哪了。”\n",
    # a habit of many, named by what follows
    "很多坐席一遇到难题就说“我也没办法”，这是推卸责任。\n",
    "“不知道”“没办法”“不归我管”——这三句话坐席一定要戒掉。\n",
    "培训时老师反复强调，“我不知道”这四个字不能出口。\n",
    "“没办法”三个字，说出来容易，客户听了却很难受。\n",
    # a score deducted, an example marked unfit, a denial right before the quote, words named as 这种话
    "考核标准：出现“我不知道”“没办法”等用语的，每次扣2分。\n",
    "请判断下列说法是否恰当：“这不归我管，你找物业去。”（不恰当）\n",
    "客服：我们这边从来没有说过“不归我管”这种话。\n",
    "客服：我们从来没有说过“没办法”，您放心。\n",
    # not knowing, passed on to whoever knows, or written down to find out
    "客服：这个我也不太清楚，我帮您转给专业的同事好吗？\n",
    "客服：这个问题我不清楚，我给您转到负责的部门，请稍等。\n",
    "客服：抱歉，我不清楚具体时间，我记录下来，核实后第一时间通知您。\n",
]


@pytest.mark.parametrize("text", NOT_SAID)
def test_words_not_said_to_the_customer_are_not_reported(packed, text):
    assert lint_text(packed, "n.txt", text, "forbidden-phrase") == []


SAID = [
    # feelings told to the customer, then the refusal: said
    "客服：我心里也着急，但是没办法，规定就是这样。\n",
    "客服：我也想帮您，可是没办法。\n",
    # a thought, then the words said aloud
    "他心想不妙，就对客户说：“没办法，您自己想办法吧。”\n",
    # a quote after a colon that a service worker or the one spoken to introduces
    "大爷问客服，客服摇摇头：“我不知道。”\n",
    "接线员对那位大爷说：“我不知道。”\n",
    # a remark after the quote on words the story gives as said
    "接线员说：“我不知道。”这样的回答让客户很生气。\n",
    # the customer's anger, not a rule
    "客服：我不知道，您生气也没用。\n",
    # the agent's quoted words, calling the customer 先生 or 小姐
    "接线员说：“先生，我不知道。”\n",
    "客服回答：“小姐，没办法，这是规定。”\n",
    # one agent, one occasion
    "那位客服一听就说：“没办法。”\n",
    # a number of words, not a comment on them
    "客服：我不知道，这两句话我都没听过。\n",
    # 这种话 after a comma names nothing; a quote said, not denied
    "客服：没办法，这种话我只说一次。\n",
    "客服：我说过“没办法”，就是没办法。\n",
    # the customer sent away, not passed on
    "客服：这个问题我不清楚，您转给别的部门问吧。\n",
    "客服：我不清楚，我转不了，您自己打过去。\n",
]


@pytest.mark.parametrize("text", SAID)
def test_the_same_words_said_are_still_reported(packed, text):
    found = lint_text(packed, "s.txt", text, "forbidden-phrase")
    assert found, text
    assert all(f.severity == "error" for f in found)
