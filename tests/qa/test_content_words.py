"""A required question asked in other words counts when its content words are said in one turn, in any
order: fillers and function words (请问, 您, 还, 吧, 这次, 觉得…) weigh nothing on either side (issue 15).
The same words about something else, or a compliance wording reordered, still do not count."""

from __future__ import annotations

from pathlib import Path

import pytest
from huifang.qa.call import AGENT, Turn
from huifang.qa.questions import AgentText, _expected, find
from huifang.qa.texts import prepare

from tests.qa.conftest import judge_text

CALL = """客服：您好！王先生，我是瑞丰汽车电话回访员小李，现在方便通话吗？
客户：方便，你说吧。
客服：我想对您做个简单的回访，您上周在我站做了一个保养，
客户：对。
客服：{said}
客户：挺好的。
客服：您有什么问题需要反映的吗？
客户：没有了。
客服：感谢您的配合，如果今后什么疑问，您可以拨打24小时热线电话咨询。祝您驾车愉快！再见！
"""


def not_asked(session, tmp_path: Path, said: str) -> set:
    verdict = judge_text(session, tmp_path, CALL.format(said=said), script="ruifeng-weixiu-baoyang")
    return {f.question for f in verdict.findings if f.rule == "question-not-asked"}


def test_the_satisfaction_question_asked_with_fillers_moved_about_counts(session, tmp_path: Path):
    assert not_asked(session, tmp_path, "这次服务您还满意吧？") == set()


def test_the_same_words_about_the_price_do_not_count(session, tmp_path: Path):
    assert not_asked(session, tmp_path, "那您对这次的维修价格满意吗？") == {"ruifeng-q-fuwu-manyi"}


def asked(project, question: str, line: str) -> bool:
    org = project.orgs.get(project.config.default_org)
    turns = [Turn("A", line, role=AGENT)]
    prepare(turns)
    return find(_expected(project.questions[question], org), AgentText(turns))[0] is not None


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("zhuangxiu-q-qiantai-jiedai", "前台接待这块的服务，您觉得满意吗？"),
        ("ruifeng-q-juti-qingkuang", "当时具体是什么情况，您能描述一下吗？"),
        ("taikang-q-fengxian-tishiyu", "风险提示语投保单上是您亲笔抄写的吗？"),
    ],
)
def test_reworded_questions_count(project, question, line):
    assert asked(project, question, line)


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("zhuangshi-q-jindu", "请问目前的施工进度到哪一步了呢？"),
        ("ruifeng-q-zaici-laizhan", "您这段时间为什么没来我站进行维修保养呢？"),
        ("baoxian-zhuanxian-q-chakan-jishi", "查勘定损的金额您认可吗？"),  # 及时 is not the filler 及
    ],
)
def test_near_misses_do_not_count(project, question, line):
    assert not asked(project, question, line)


def test_words_scattered_over_a_long_turn_do_not_count(project):
    line = "这次服务的预约是上周三，师傅到得比较晚，零件也等了两天才到，费用我们按原价结算，您看满意吗？"
    assert not asked(project, "ruifeng-q-fuwu-manyi", line)


def test_compliance_wording_is_not_reworded(project):
    from huifang.qa.questions import content

    org = project.orgs.get(project.config.default_org)
    assert _expected(project.questions["taikang-q-fenhong"], org).content == ()
    assert content("请问您对这次服务感到非常满意吗") == content("这次服务您还满意吧") == "服务满意"
    assert content("您满意不满意") == "满意"
