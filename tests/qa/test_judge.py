"""The reference call judged right to the second in every format; the paths a call can take; roles."""

from __future__ import annotations

import pytest
from huifang.qa.call import TranscriptError
from huifang.qa.readers import read

from tests.qa.conftest import FIXTURES, STORY, judge_file, judge_text
from tests.qa.test_readers import TIMED

# Decided from the story before running the tool (see fixtures/story.py):
EXPECTED_TIMED = {
    ("interruption", 55.2, 14),
    ("forbidden-phrase", 82.4, 20),
    ("long-silence", 87.5, 22),  # the silence starts at 87.5 s; the turn after it is the 22nd
    ("question-not-asked", None, None),
    # Also true of this call: the agent averages 322 characters a minute (the form's limit is 300); its
    # evidence is the turn said fastest, the 16th at 61.5 s (26 characters in 3.5 s, 446 a minute; the
    # next, the 28th, 434). The opening is complete: 「我是泰康人寿1024号客服人员」 gives the agent's
    # number (工号), and 「与您做个简短的电话回访可以吗」 asks whether it is convenient.
    ("speech-too-fast", 61.5, 16),
}


def key(f):
    return (f.rule, None if f.time is None else round(f.time, 2), f.turn + 1 if f.turn is not None else None)


@pytest.mark.parametrize("name", TIMED)
def test_reference_call_is_judged_right_to_the_second(session, name):
    verdict = judge_file(session, STORY / name)
    assert verdict.plan.script_id == "taikang-xinqiyue-huifang"
    assert verdict.outcome.path == "分红型 → 默认"
    assert {key(f) for f in verdict.findings} == EXPECTED_TIMED
    missing = [f for f in verdict.findings if f.rule == "question-not-asked"]
    assert [(f.question, f.severity, f.compliance) for f in missing] == [("taikang-q-fenhong", "error", True)]
    phrase = next(f for f in verdict.findings if f.rule == "forbidden-phrase")
    assert phrase.speaker == "agent" and phrase.text.startswith("不可能！我们从没这种事")
    cut = next(f for f in verdict.findings if f.rule == "interruption")
    assert "00:50.5–00:58.0" in cut.message
    m = verdict.metrics
    assert (m.duration_s, m.longest_silence_s, m.interruptions) == (135.0, pytest.approx(13.5), 1)
    # the compliance item is critical: the call fails whatever its score
    assert not verdict.passed
    assert [r.item.id for r in verdict.items if r.failed_critical] == ["heguiyu"]


def test_reference_call_without_times(session):
    verdict = judge_file(session, STORY / "labelled.txt")
    assert {key(f) for f in verdict.findings} == {
        ("forbidden-phrase", None, 20),
        ("question-not-asked", None, None),
    }
    assert verdict.metrics.as_dict() == dict.fromkeys(verdict.metrics.as_dict())  # every time metric n/a
    assert {r.item.id for r in verdict.items if r.points is None} == {"qingting", "bu-lengchang", "yusu", "shichang"}


def test_not_convenient_is_not_punished_for_questions_it_never_reached(session):
    verdict = judge_file(session, FIXTURES / "calls" / "buguanbian.txt", script="zhuangxiu-qiandan")
    assert verdict.outcome.path == "不方便"
    assert not [f for f in verdict.findings if f.rule == "question-not-asked"]
    assert verdict.passed and verdict.score == 100
    assert {r.item.id for r in verdict.items if r.points is None} >= {"wenti", "heguiyu"}


def test_convenient_call_that_skips_the_questions_is_punished(session, tmp_path):
    text = (FIXTURES / "calls" / "buguanbian.txt").read_text(encoding="utf-8")
    text = text.replace("不方便，我在开车。", "方便，你说。").replace(
        "客服：好的，那请问什么时候适合打给您呢？\n客户：明天上午吧。\n", ""
    )
    verdict = judge_text(session, tmp_path, text, script="zhuangxiu-qiandan")
    assert verdict.outcome.path.startswith("方便")
    assert {f.question for f in verdict.findings if f.rule == "question-not-asked"} == {
        "zhuangxiu-q-qiantai-jiedai",
        "zhuangxiu-q-shejishi-fuwu",
    }


def test_the_branch_the_call_took_is_found(session):
    verdict = judge_file(session, FIXTURES / "calls" / "wanneng.txt")
    assert verdict.outcome.path == "万能型 → 默认"
    assert not [f for f in verdict.findings if f.rule == "question-not-asked"]


def test_question_asked_in_other_words_counts_by_paraphrase(project, tmp_path):
    from huifang.qa.questions import judge, plan_for
    from huifang.qa.readers import read
    from huifang.qa.roles import assign

    question = project.questions["zhuangxiu-q-qiantai-jiedai"]
    path = tmp_path / "p.txt"
    path.write_text(
        "客服：您好，我是星辰装饰客服，您现在方便吗？\n客户：方便。\n客服：前台小姑娘接待得怎么样，您还满意吧？\n"
        "客户：还行。\n客服：您对我们设计师的服务态度和专业技能满意吗？\n",
        encoding="utf-8",
    )
    call = assign(read(str(path)))
    plan = plan_for(project.scripts["zhuangxiu-qiandan"], project)
    before = {a.expected.id: a.turn for a in judge(plan, call.turns).asked}
    assert before["zhuangxiu-q-qiantai-jiedai"] is None  # not close enough to the written wording
    assert before["zhuangxiu-q-shejishi-fuwu"] == 4
    saved = question.paraphrases
    try:
        question.paraphrases = ("前台接待得怎么样，您还满意吧",)
        plan = plan_for(project.scripts["zhuangxiu-qiandan"], project)
        after = {a.expected.id: a.turn for a in judge(plan, call.turns).asked}
    finally:
        question.paraphrases = saved
    assert after["zhuangxiu-q-qiantai-jiedai"] == 2


def test_roles_inferred_and_reported(session):
    verdict = judge_file(session, STORY / "whisperx.json")
    assert "推断为 SPEAKER_01" in verdict.call.roles_note


def test_agent_override_by_speaker_and_by_channel(session):
    swapped = judge_file(session, STORY / "whisperx.json", agent="SPEAKER_00")
    assert "按指定的说话人 SPEAKER_00" in swapped.call.roles_note
    assert {t.text for t in swapped.call.turns if t.role == "agent"} == {"是我。"} | {
        t.text for t in swapped.call.turns if t.speaker == "SPEAKER_00"
    }
    by_channel = judge_file(session, STORY / "aliyun.json", agent_channel=1)
    assert by_channel.call.roles_note == "坐席：按指定的声道 1"
    assert {key(f) for f in by_channel.findings} == EXPECTED_TIMED


@pytest.mark.parametrize(
    "options, message",
    [
        ({"agent": "SPEAKER_07"}, "--agent SPEAKER_07：这通电话里没有这个说话人（有：SPEAKER_00、SPEAKER_01）"),
        ({"agent_channel": 3}, "--agent-channel 3：这通电话里没有这个声道"),
    ],
)
def test_override_naming_no_one_is_one_clear_line(session, options, message):
    with pytest.raises(TranscriptError) as caught:
        judge_file(session, STORY / "whisperx.json", **options)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_script_found_by_similarity_is_reported(session):
    verdict = judge_file(session, STORY / "tencent.json")
    assert verdict.script_note.startswith("按相似度选定话术「新契约电话回访（银行网点销售）」")


def test_unrelated_call_gets_no_script(session, tmp_path):
    verdict = judge_text(session, tmp_path, "客服：今天天气不错。\n客户：是啊。\n")
    assert verdict.plan is None and "没有找到相近的话术" in verdict.script_note


def test_single_speaker_is_the_agent(session, tmp_path):
    path = tmp_path / "one.json"
    path.write_text('{"segments": [{"start": 0, "end": 2, "text": "您好", "speaker": "SPEAKER_00"}]}', encoding="utf-8")
    call = read(str(path))
    verdict = session.judge(call)
    assert call.turns[0].role == "agent" and "只有一个说话人" in verdict.call.roles_note


def timed_call(tmp_path, turns, name="t.json"):
    import json

    segments = [{"start": a, "end": b, "text": text, "speaker": speaker} for speaker, a, b, text in turns]
    path = tmp_path / name
    path.write_text(json.dumps({"segments": segments}, ensure_ascii=False), encoding="utf-8")
    return path


def test_personal_data_read_out_and_call_too_long(session, tmp_path):
    turns = [
        (
            "S1",
            0.0,
            6.0,
            "您好！请问是王先生吗？这里是广州安准职业安全事务有限公司客服，我是客服员小陈，您现在方便吗？",
        ),
        ("S2", 6.5, 7.0, "方便。"),
        ("S1", 120.0, 126.0, "跟您核对一下，您登记的手机号是13812345678对吗？"),
        ("S2", 126.5, 127.0, "对。"),
        ("S1", 298.0, 306.0, "非常感谢您对此次回访的支持，祝您生活愉快！再见！"),
    ]
    verdict = judge_file(session, timed_call(tmp_path, turns), script="anzhun-judupin")
    found = {f.rule: f for f in verdict.findings}
    assert (found["personal-data"].time, found["personal-data"].line) == (120.0, 3)
    assert found["call-too-long"].time == 300.0 and found["call-too-long"].line == 5
    assert "通话 5.1 分钟，超过机构规定的 5 分钟" in found["call-too-long"].message
    assert [r.item.id for r in verdict.items if r.failed_critical] == ["geren-xinxi"]


FEES = "客服：这款保险产品合同中列明了产品的费用扣除项目及扣除的比例或金额，如初始费，退保费等费用，这个您知道吧？\n客户：知道。\n"
VALUE = "客服：您的保单账户价值是每月计价，每月结算的，这个您知道吧？\n客户：知道。\n"
DIVIDEND = "客服：您购买的是一款分红险，我公司宣传材料上的利益演示是基于我公司的精算假设，每年的红利要取决于公司的经营状况，实际分配给您的红利多少是不确定的，这个您知道吧？\n客户：知道。\n"


@pytest.mark.parametrize(
    "drop, add",
    [("", ""), (FEES, ""), (VALUE, ""), (FEES + VALUE, ""), (FEES + VALUE, DIVIDEND), (FEES, DIVIDEND), ("", DIVIDEND)],
)
def test_a_path_left_half_searched_never_changes_the_outcome(session, tmp_path, drop, add):
    """`questions.judge` stops searching a path once it can no longer win: the outcome (path, every
    question's turn and share) is the one of searching every question of every path."""
    from huifang.qa import questions, roles, texts

    text = (FIXTURES / "calls" / "wanneng.txt").read_text(encoding="utf-8")
    for block in filter(None, drop.splitlines(keepends=True)):
        text = text.replace(block, "", 1)
    anchor = "客服：为了您能及时享受公司的服务"
    text = text.replace(anchor, add + anchor, 1)
    path = tmp_path / "call.txt"
    path.write_text(text, encoding="utf-8")
    call = read(str(path))
    texts.prepare(call.turns)
    roles.assign(call)
    plan = session.plan("taikang-xinqiyue-huifang")
    agent = questions.AgentText(call.turns)
    best = None
    for label, due in plan.paths:  # every question of every path searched, the first best path kept
        asked = [questions.find(e, agent) for e in due]
        rank = (sum(turn is not None for turn, _ in asked), -len(due))
        if best is None or rank > best[0]:
            best = (rank, label, [(e.id, turn, share) for e, (turn, share) in zip(due, asked)])
    outcome = questions.judge(plan, call.turns, agent)
    assert (outcome.path, [(a.expected.id, a.turn, a.score) for a in outcome.asked]) == best[1:]
