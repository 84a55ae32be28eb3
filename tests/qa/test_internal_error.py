"""One call whose judging meets an internal error never stops the others: its file gets one line, the other
calls are judged and written, and the run exits with the internal-error status (3).

No shipped part is mocked: the failing call is a job whose manifest data is malformed (a list of triples
where a manifest row's dict belongs), so the real `dict(job.meta)` in the judging loop raises ValueError —
an input `gather` never makes, standing in for any bug met while judging one call."""

from __future__ import annotations

import argparse
import json

from huifang.qa.command import INTERNAL, Internal, _run_calls, add_arguments, judge_stream
from huifang.qa.inputs import Job, gather

from tests.qa.conftest import STORY

BAD = [("script", "x", "y")]  # not a dict: dict() of it raises


def _jobs():
    good = gather([str(STORY / "labelled.txt"), str(STORY / "whisperx.srt")])
    bad = Job(str(STORY / "tencent.json"), "broken.json", BAD)  # type: ignore[arg-type]
    return [good[0], bad, good[1]]


def test_the_call_that_fails_is_one_line_and_the_others_are_judged(session, monkeypatch):
    monkeypatch.delenv("HUIFANG_DEBUG", raising=False)
    results = list(judge_stream(session, _jobs()))
    assert [rec is not None for _, rec, _ in results] == [True, False, True]
    error = results[1][2]
    assert isinstance(error, Internal) and "\n" not in error
    assert error.startswith("broken.json:1:1: 内部错误：ValueError: ")
    assert error.endswith("（设置 HUIFANG_DEBUG=1 查看详情，并请报告此问题）")


def _args(fmt: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(["--no-db", "--format", fmt, "--jobs", "1", str(STORY)])


def test_json_run_writes_the_other_calls_and_exits_internal(session, capsys, monkeypatch):
    monkeypatch.delenv("HUIFANG_DEBUG", raising=False)
    assert _run_calls(_args("json"), session, _jobs()) == INTERNAL == 3
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert [c["path"] for c in data["calls"]] == [str(STORY / "labelled.txt"), str(STORY / "whisperx.srt")]
    (unreadable,) = data["summary"]["unreadable"]
    assert unreadable["path"] == "broken.json" and unreadable["error"].startswith("broken.json:1:1: 内部错误：")
    assert "Traceback" not in err


def test_text_run_says_the_line_on_stderr_without_a_traceback(session, capsys, monkeypatch):
    monkeypatch.delenv("HUIFANG_DEBUG", raising=False)
    assert _run_calls(_args("text"), session, _jobs()) == 3
    out, err = capsys.readouterr()
    assert err.startswith("broken.json:1:1: 内部错误：ValueError: ") and err.count("\n") == 1
    assert "Traceback" not in err and "labelled.txt" in out and "whisperx.srt" in out


def test_debug_variable_shows_the_traceback_and_still_judges_the_others(session, capsys, monkeypatch):
    monkeypatch.setenv("HUIFANG_DEBUG", "1")
    assert _run_calls(_args("text"), session, _jobs()) == 3
    out, err = capsys.readouterr()
    assert "Traceback" in err and "ValueError" in err and "whisperx.srt" in out
