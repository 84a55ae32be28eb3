"""The turn a question was asked in is the turn that says it when the words matched fuzzily begin in the turn
before (the end of the question asked before, or a filler whose 的 matches). The agent's turns are taken from
the bench corpus's calls (`bench/qa/make_calls.py 1000`, default and `--vary`), each the shortest run of them
in which the match's start named the turn before."""

from __future__ import annotations

import pytest
from huifang.qa import questions

from tests.qa.test_narrow import SCRIPT, agent_of

FENHONG = (
    "您购买的是一款分红险，我公司宣传材料上的利益演是基于我公司的精算假设，每年的红利要取决于公司的经营状况，"
    "实际分配给您的红利多少是不确定的，这个您知道吧？"
)
CASES = [
    (  # default corpus, call 6: the whole wording's match began in the question before
        "taikang-q-tiaokuan-shuoming",
        [
            "请问您对产品说明书和投保提示的内容已经阅读并理解了吧？",
            "好的，我记一下。",
            "请问银行网点销售人员是否已经对保险产品的合同条款，特别是保险责任以及免除保险人责任的概念、内容及"
            "法律后果都给您做了提示和说明？这个您都理解了吧？",
            "明白了。",
            "您的保单缴费期限是十年，需要每年缴纳一次保费，首期交纳的保费是五千元，这个您知道吧？",
            "您的保单保险期间是二十年，这个您知道吧？",
        ],
        2,
    ),
    (  # --vary, call 11
        "taikang-q-fenhong",
        ["好，您的保单保险期间是二二十年，这个您知道吧？", FENHONG, "好，您稍等一下。"],
        1,
    ),
    (  # --vary, call 12: a filler before
        "taikang-q-qinbi-qianming",
        [
            "那个，您稍等一下。",
            "请问您和被保人在产品说明书，投保单，投保提示书上亲笔签名了吗？",
            "好的，记一下。",
            "是吗",
        ],
        1,
    ),
    (  # --vary, call 44
        "taikang-q-lianxi-fangshi",
        [
            FENHONG,
            "为了您能及时享受公司的服务，我们要核对一下联系方式，的通信地址是深圳市福田区深南大道二六号，"
            "邮编是二零零三零七，电话还是尾号六三零八的那个，对吗？",
        ],
        1,
    ),
    # --vary, calls 4 and 59: a clause matched fuzzily began in the filler before (what the clauses name
    # decides the turn since they are looked for before the whole wording)
    ("taikang-q-baoxian-qijian", ["嗯，好的。", "您的保单保险期间终身，这个您知道吧？"], 1),
    (
        "taikang-q-jiaofei",
        [
            "嗯，好的。",
            "您的保单缴费期限事五年，需要每年缴纳一次保费，首期交纳的保费是八千元，这个您知道吧？",
            "您稍等一下。",
        ],
        1,
    ),
]


@pytest.mark.parametrize(("ident", "said", "turn"), CASES)
def test_the_turn_that_says_the_question_is_the_evidence(session, ident, said, turn):
    plan = session.plan(SCRIPT)
    expected = next(e for _, due in plan.paths for e in due if e.id == ident)
    _, agent = agent_of(said)
    found, share = questions.find(expected, agent)
    assert share >= questions.MATCH
    assert found == turn
