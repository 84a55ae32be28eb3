"""Metrics on small calls worked out by hand, and the QA form's arithmetic (weights, N/A, critical items)."""

from __future__ import annotations

import pytest
from huifang.qa.call import Call, Turn
from huifang.qa.metrics import measure


def call(*turns) -> Call:
    out = []
    for role, start, end, text in turns:
        out.append(Turn(role, text, start, end, role=role))
    return Call("x", "whisperx", out)


def test_metrics_by_hand():
    # agent 0–4 (8 chars), customer 3.5–6 (agent cut in? no: the customer starts inside the agent's turn),
    # silence 6–9, agent 9–10 starting while nobody speaks, customer 9.5–12, agent 11–12 cutting in.
    m = measure(
        call(
            ("agent", 0.0, 4.0, "您好，我是客服小李。"),
            ("customer", 3.5, 6.0, "你好。"),
            ("agent", 9.0, 10.0, "请问方便吗"),
            ("customer", 9.5, 12.0, "方便，你说吧。"),
            ("agent", 11.0, 12.0, "好的"),
        ),
        min_silence=2.0,
    )
    assert m.duration_s == 12.0
    assert m.agent_talk_ratio == pytest.approx(6.0 / (6.0 + 5.0))
    assert m.silences == [(6.0, 3.0, 2)] and m.longest_silence_s == 3.0
    assert m.silence_ratio == pytest.approx(3.0 / 12.0)
    assert m.interruptions == 1 and m.interrupting == [(4, 3)]
    assert m.agent_chars_per_min == pytest.approx((8 + 5 + 2) / (6.0 / 60))


def test_overlap_within_grace_is_turn_taking():
    m = measure(call(("customer", 0.0, 2.0, "喂"), ("agent", 1.8, 3.0, "您好")))
    assert m.interruptions == 0


def test_no_times_means_no_time_metrics():
    c = Call("x", "text", [Turn("客服", "您好", role="agent")])
    assert set(measure(c).as_dict().values()) == {None}


def test_form_arithmetic(session):
    from huifang.model import QAForm, QAItem
    from huifang.qa.form import score
    from huifang.qa.judge import Finding, Verdict
    from huifang.qa.metrics import Metrics

    form = QAForm(
        "t",
        "表",
        80,
        [
            QAItem("a", "忌语", 20, ("forbidden-phrase",), deduct=5),
            QAItem("b", "冷场", 10, ("long-silence",), na_when=("no-times",)),
            QAItem("c", "个人信息", 10, ("personal-data",), critical=True),
            QAItem("d", "结束语", 10, ("missing-closing",)),
        ],
        "x",
    )
    untimed = Call("x", "text", [Turn("客服", "您好", role="agent")])
    v = Verdict(
        untimed,
        None,
        None,
        Metrics(),
        [Finding("forbidden-phrase", "error", "m")] + [Finding("long-silence", "warning", "m")],
    )
    score(v, form)
    # a: 20 - 5; b: n/a; c: 10; d: 10  →  35 / 40
    assert [r.points for r in v.items] == [15, None, 10, 10] and v.score == 87.5 and v.passed
    v.findings += [Finding("forbidden-phrase", "error", "m")] * 4 + [Finding("personal-data", "error", "m")]
    score(v, form)
    # a: 20 - min(20, 25); c: critical, 0  →  10 / 40
    assert v.score == 25.0 and not v.passed and [r.item.id for r in v.items if r.failed_critical] == ["c"]
