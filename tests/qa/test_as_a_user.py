"""Issue 15's promises tried as a team meets them: a project from `huifang init`, transcripts in the shapes
the issue names, the real command line (audit of session 18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import huifang

OPENING = "您好！请问是王先生吗？这里是某某服务有限公司客服，我是客服专员小李。请问您现在方便接电话吗？"
CLOSING = "非常感谢您对此次回访的支持，如有需要请拨打400-000-0000咨询！祝您生活愉快！再见！"


@pytest.fixture(scope="module")
def team(tmp_path_factory) -> Path:
    """A team repository as `huifang init` makes it (the starter: one script of two questions)."""
    root = tmp_path_factory.mktemp("team") / "team"
    done = huifang("init", root)
    assert done.returncode == 0, done.stderr
    return root


def qa_json(team: Path, transcript: Path, *extra: str) -> dict:
    done = huifang("qa", "--no-db", "--format", "json", *extra, transcript, cwd=team)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout)["calls"][0]


def whisperx(path: Path, said: list[tuple[str, float, float, str]]) -> Path:
    segments = [{"start": a, "end": b, "text": text, "speaker": who} for who, a, b, text in said]
    path.write_text(json.dumps({"segments": segments}, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_customer_saying_their_own_numbers_is_not_the_agents_fault(team, tmp_path):
    """The linter's rules run on the agent's turns: a customer who gives their ID number and mobile number
    unasked breaks no rule of the agent's, so the critical item 「不念出、不索要完整的个人信息」 stays met."""
    call = qa_json(
        team,
        whisperx(
            tmp_path / "customer-numbers.json",
            [
                ("SPEAKER_00", 0.5, 7.0, OPENING),
                ("SPEAKER_01", 7.3, 12.0, "方便。我身份证号是110101198005051231，有事打我手机13812345678。"),
                ("SPEAKER_00", 12.3, 16.0, "好的。请问您对我们这次的服务满意吗？"),
                ("SPEAKER_01", 16.2, 17.0, "满意。"),
                ("SPEAKER_00", 17.3, 21.0, "请问您对我们的服务还有什么意见或建议吗？"),
                ("SPEAKER_01", 21.2, 22.0, "没有了。"),
                ("SPEAKER_00", 22.3, 30.0, CLOSING),
            ],
        ),
    )
    assert [f for f in call["findings"] if f["rule"] == "personal-data"] == []
    assert call["passed"] is True


def test_the_agent_reading_out_a_number_is_said_as_what_happened_in_the_call(team, tmp_path):
    """The same number read out by the agent is found, at its second, and the message speaks of the call
    (the agent read it out), not of a script's text (「话术中有…」)."""
    call = qa_json(
        team,
        whisperx(
            tmp_path / "agent-reads-out.json",
            [
                ("SPEAKER_00", 0.5, 7.0, OPENING),
                ("SPEAKER_01", 7.3, 8.0, "方便。"),
                ("SPEAKER_00", 8.3, 14.0, "跟您核对一下，您的身份证号是110101198005051231，手机13812345678，对吗？"),
                ("SPEAKER_01", 14.2, 15.0, "对。"),
                ("SPEAKER_00", 15.3, 19.0, "请问您对我们这次的服务满意吗？"),
                ("SPEAKER_01", 19.2, 20.0, "满意。"),
                ("SPEAKER_00", 20.3, 24.0, "请问您对我们的服务还有什么意见或建议吗？"),
                ("SPEAKER_01", 24.2, 25.0, "没有了。"),
                ("SPEAKER_00", 25.3, 33.0, CLOSING),
            ],
        ),
    )
    found = [f for f in call["findings"] if f["rule"] == "personal-data"]
    assert found and {(f["time"], f["line"], f["speaker"]) for f in found} == {(8.3, 3, "agent")}
    messages = [f["message"] for f in found]
    assert all("话术" not in m for m in messages), messages
    assert any("身份证号" in m for m in messages) and any("手机号" in m for m in messages)
    assert call["passed"] is False  # a critical item of the shipped form


@pytest.mark.parametrize(
    "shape, where",
    [
        ({"segments": {"0": {"text": "您好"}}}, "segments 应是数组（[…]），实际是对象（{…}）"),
        ({"segments": ["您好"]}, "segments[0] 应是对象（{…}），实际是字符串"),
        ({"Result": {"Sentences": 3}}, "Result.Sentences 应是数组（[…]），实际是数字"),
    ],
)
def test_a_wrong_json_shape_is_named_in_the_users_words(team, tmp_path, shape, where):
    """One line in Chinese, with JSON's names for what was found (never Python's: dict, list, str, int)."""
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps(shape, ensure_ascii=False), encoding="utf-8")
    done = huifang("qa", "--no-db", path, cwd=team)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip() == f"{path}:1:1: {where}"


def test_the_html_report_names_each_finding_once(team, tmp_path):
    """A finding's kind is not said twice (「抢话：抢话：…」), and a long silence stands between the turns it
    separates, before the turn that ends it."""
    call = whisperx(
        tmp_path / "call.json",
        [
            ("SPEAKER_00", 0.5, 7.0, OPENING),
            ("SPEAKER_01", 7.3, 8.0, "方便。"),
            ("SPEAKER_00", 8.3, 12.0, "请问您对我们这次的服务满意吗？"),
            ("SPEAKER_01", 12.3, 16.0, "还行吧，师傅来得有点晚。"),
            ("SPEAKER_00", 15.0, 18.0, "这事不归我管，您找师傅去。"),
            ("SPEAKER_01", 31.0, 32.0, "好吧。"),
            ("SPEAKER_00", 32.3, 40.0, CLOSING),
        ],
    )
    out = tmp_path / "report.html"
    done = huifang("qa", "--no-db", "--format", "html", "--out", out, call, cwd=team)
    assert done.returncode in (0, 1), done.stderr
    page = out.read_text(encoding="utf-8")
    for kind in ("抢话", "冷场", "忌语"):
        assert f"{kind}：{kind}" not in page
        assert f"· {kind}" in page
    silence = page.index("冷场 13.0 秒")
    assert page.rindex("这事不归我管", 0, silence) < silence < page.index("好吧。")


def test_the_compliance_item_does_not_apply_to_a_call_with_no_compliance_wording_due(team, tmp_path):
    """The starter's script has no compliance wording: the shipped form's critical item 「合规告知照原话念读」
    is 不适用 (as a human scorer marks it), not 10 points given away. Only a forbidden phrase here: 15 − 7.5
    of the 90 points that apply, 91.7 (it was 92.5 with the free 10 points)."""
    call = whisperx(
        tmp_path / "call.json",
        [
            ("SPEAKER_00", 0.5, 9.0, OPENING),
            ("SPEAKER_01", 9.3, 10.0, "方便。"),
            ("SPEAKER_00", 10.3, 12.0, "请问您对我们这次的服务满意吗？"),
            ("SPEAKER_01", 12.3, 14.0, "还行吧，师傅来得有点晚。"),
            ("SPEAKER_00", 14.3, 17.0, "这事不归我管，您找师傅去。"),
            ("SPEAKER_01", 17.3, 18.0, "好吧。"),
            ("SPEAKER_00", 18.3, 22.0, "请问您对我们的服务还有什么意见或建议吗？"),
            ("SPEAKER_01", 22.3, 23.0, "没有了。"),
            ("SPEAKER_00", 23.3, 34.0, CLOSING),
        ],
    )
    result = qa_json(team, call)
    assert [f["rule"] for f in result["findings"]] == ["forbidden-phrase"]
    assert result["score"] == 91.7
    out = tmp_path / "report.html"
    assert huifang("qa", "--no-db", "--format", "html", "--out", out, call, cwd=team).returncode in (0, 1)
    assert '合规告知照原话念读（如分红不确定性提示）（致命项）</td><td>10</td><td class="">不适用' in out.read_text(
        encoding="utf-8"
    )


def test_segments_whisperx_left_without_a_speaker_go_by_their_words(team, tmp_path):
    """WhisperX leaves `speaker` off a segment no diarisation turn overlaps. Such a segment was a third
    speaker, all of them the customer's: the agent's self-introduction lost (a false missing-greeting
    error). Each now goes by its own words (greets, introduces, asks: the agent's), and the note says so."""
    said = [
        ("SPEAKER_01", 0.0, 0.6, "喂？"),
        ("SPEAKER_00", 0.8, 2.5, "您好！请问是王先生吗？"),
        ("SPEAKER_01", 2.8, 4.0, "是我，哪位？"),
        (None, 4.3, 12.0, "这里是某某服务有限公司客服，我是客服专员小李。请问您现在方便接电话吗？"),
        ("SPEAKER_01", 12.2, 13.5, "方便，你说吧。"),
        ("SPEAKER_00", 13.8, 20.0, "好的，那耽搁您两分钟的时间。请问您对我们这次的服务满意吗？"),
        (None, 20.3, 25.0, "还行吧，师傅来得有点晚，我等了一上午。"),
        ("SPEAKER_00", 25.3, 30.0, "请问您对我们的服务还有什么意见或建议吗？"),
        ("SPEAKER_01", 30.3, 31.0, "没有了。"),
        ("SPEAKER_00", 31.5, 40.0, CLOSING),
        ("SPEAKER_01", 40.2, 41.0, "再见。"),
    ]
    segments = [{"start": a, "end": b, "text": text} | ({"speaker": who} if who else {}) for who, a, b, text in said]
    path = tmp_path / "unassigned.json"
    path.write_text(json.dumps({"segments": segments}, ensure_ascii=False), encoding="utf-8")
    call = qa_json(team, path)
    assert call["findings"] == [] and call["score"] == 100
    assert call["metrics"]["agent_talk_ratio"] == 0.756  # the agent 28.8 s of the 38.1 s spoken (1.7+7.7+6.2+4.7+8.5)
    done = huifang("qa", "--no-db", path, cwd=team)
    assert "2 句没有说话人，按内容归坐席 1 句、客户 1 句" in done.stdout
    # naming the agent's label leaves the unlabelled segments to their words too
    assert qa_json(team, path, "--agent", "SPEAKER_00")["findings"] == []
    done = huifang("qa", "--no-db", "--agent", "SPEAKER_00", path, cwd=team)
    assert "坐席：按指定的说话人 SPEAKER_00；2 句没有说话人，按内容归坐席 1 句、客户 1 句" in done.stdout


@pytest.mark.parametrize(
    "result, said",
    [
        (
            {"TaskId": "t", "StatusCode": 41050008, "StatusText": "UNSUPPORTED_SAMPLE_RATE"},
            "阿里云录音文件识别任务状态为 UNSUPPORTED_SAMPLE_RATE：识别没有成功，没有分句结果可读",
        ),
        (
            {"TaskId": "t", "StatusCode": 21050003, "StatusText": "SUCCESS_WITH_NO_VALID_FRAGMENT"},
            "阿里云录音文件识别任务状态为 SUCCESS_WITH_NO_VALID_FRAGMENT：录音里没有识别出有效的语音",
        ),
        (
            {"TaskId": "t", "StatusCode": 21050000, "StatusText": "SUCCESS", "BizDuration": 135000},
            "阿里云录音文件识别任务状态为 SUCCESS：文件里却没有分句结果（Result），请保存查询任务结果时的完整返回",
        ),
        (
            {"taskId": "t", "statusCode": 21050002, "statusText": "RUNNING"},
            "阿里云录音文件识别任务状态为 RUNNING：任务还在识别中，请等识别完成后再取结果",
        ),
    ],
)
def test_an_alibaba_task_without_sentences_says_its_status(team, tmp_path, result, said):
    """An Alibaba Cloud task result with no `Result` (a failed task, a recording without speech, a task not
    done) says the task's status, as a Tencent task that failed does, not 「无法识别的 JSON 结构」."""
    path = tmp_path / "result.json"
    path.write_text(json.dumps(result), encoding="utf-8")
    done = huifang("qa", "--no-db", path, cwd=team)
    assert done.returncode == 1 and done.stderr.strip() == f"{path}:1:1: {said}"
