"""Judge one call: roles are set; run the linter's rules on what was said, check the script's questions on
the path the call took, measure, and turn everything into findings with their evidence (time and quote)."""

from __future__ import annotations

from dataclasses import dataclass, field

from huifang.lint.rules import personal_data
from huifang.qa.call import AGENT, CUSTOMER, Call
from huifang.qa.form import score
from huifang.qa.metrics import Metrics, measure, said_chars
from huifang.qa.questions import NOT_CONVENIENT_LABEL, AgentText, Outcome, Plan
from huifang.qa.questions import judge as judge_questions
from huifang.qa.rules_bridge import Bridge

SPEED_FACTOR = 1.25  # without a form limit: too fast is a quarter above the org's planned speech rate


@dataclass(slots=True)
class Finding:
    rule: str
    severity: str
    message: str
    turn: int | None = None  # index into call.turns
    time: float | None = None
    line: int | None = None
    speaker: str = AGENT
    text: str = ""
    question: str | None = None
    compliance: bool = False

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "time": None if self.time is None else round(self.time, 2),
            "line": self.line,
            "speaker": self.speaker,
            "text": self.text,
            "message": self.message,
            "question": self.question,
        }


@dataclass
class Verdict:
    call: Call
    plan: Plan | None
    outcome: Outcome | None
    metrics: Metrics
    findings: list[Finding] = field(default_factory=list)
    score: float = 0.0
    passed: bool = False
    items: list = field(default_factory=list)  # (item, points, status) from form.score
    script_note: str = ""

    @property
    def not_convenient(self) -> bool:
        return self.outcome is not None and self.outcome.path == NOT_CONVENIENT_LABEL


def judge(call: Call, bridge: Bridge, plan: Plan | None, form, agent: AgentText | None = None) -> Verdict:
    """`agent`: the agent's words joined and normalised (`questions.AgentText`), when the caller has them."""
    turns = call.turns
    if agent is None:
        agent = AgentText(turns)
    org = plan.org if plan is not None else bridge.project.orgs.get(bridge.project.config.default_org)
    outcome = judge_questions(plan, turns, agent) if plan is not None else None
    asks = {a.turn for a in outcome.asked if a.turn is not None} if outcome else set()
    silence = form.long_silence_s if form is not None else 10.0
    metrics = measure(call, silence, len(agent.text))
    verdict = Verdict(call, plan, outcome, metrics)
    found = verdict.findings

    def at(index: int | None, rule: str, severity: str, message: str, **extra) -> None:
        if index is None:
            found.append(Finding(rule, severity, message, **extra))
            return
        t = turns[index]
        found.append(
            Finding(
                rule, severity, message, index, t.start, t.line, AGENT if t.role == AGENT else CUSTOMER, t.text, **extra
            )
        )

    for hit in bridge.findings(turns, org, asks):
        if hit.rule == personal_data.ID and turns[hit.turn].role != AGENT:
            continue  # the customer giving their own numbers: no rule of the agent's broken
        at(hit.turn, hit.rule, hit.severity, _in_a_call(hit.message))
    if outcome is not None:
        for a in outcome.missing:
            e = a.expected
            kind = "合规告知" if e.compliance else "问题"
            at(
                None,
                "question-not-asked",
                "error" if e.compliance else "warning",
                f"没有问到应问的{kind}：「{_short(e.text)}」",
                question=e.id,
                compliance=e.compliance,
            )
    for start, length, index in metrics.silences:
        t = turns[index]
        found.append(
            Finding(
                "long-silence",
                "warning",
                f"冷场 {length:.1f} 秒（{_clock(start)}–{_clock(start + length)} 无人说话，超过 {silence:g} 秒）",
                index,
                start,
                t.line,
                AGENT if t.role == AGENT else CUSTOMER,
                t.text,
            )
        )
    for agent_index, customer_index in metrics.interrupting:
        c = turns[customer_index]
        at(
            agent_index,
            "interruption",
            "warning",
            f"抢话：客户还在说（{_clock(c.start)}–{_clock(c.end)}「{_short(c.text, 16)}」），坐席就开口了",
        )
    limit = _speed_limit(form, org)
    if metrics.agent_chars_per_min is not None and limit and metrics.agent_chars_per_min > limit:
        fastest, rate = _fastest(turns)
        at(
            fastest,
            "speech-too-fast",
            "warning",
            f"坐席语速 {metrics.agent_chars_per_min:.0f} 字/分钟（全程平均），超过 {limit:g} 字/分钟"
            + ("" if fastest is None else f"；最快的一句 {rate:.0f} 字/分钟"),
        )
    if org is not None and org.max_call_minutes and metrics.duration_s is not None:
        maximum = org.max_call_minutes[1]
        if metrics.duration_s > maximum * 60:
            crossed = next((i for i, t in enumerate(turns) if t.end is not None and t.end > maximum * 60), None)
            at(
                crossed,
                "call-too-long",
                "warning",
                f"通话 {metrics.duration_s / 60:.1f} 分钟，超过机构规定的 {maximum:g} 分钟（从这一句起超时）",
            )
            if crossed is not None:
                found[-1].time = maximum * 60.0
    found.sort(key=lambda f: (f.turn is None, f.turn if f.turn is not None else 0, f.rule, f.message))
    if form is not None:
        score(verdict, form)
    return verdict


def _in_a_call(message: str) -> str:
    """The linter speaks of a script's text (「话术中有真实样子的手机号」); in a call the agent read it out."""
    if message.startswith(personal_data.SCRIPT_HAS):
        return "坐席念出了完整的" + message[len(personal_data.SCRIPT_HAS) :]
    return message


FASTEST_FROM = 1.0  # seconds: a shorter turn's rate says little (a 「好的」 in 0.2 s is 600 a minute)


def _fastest(turns) -> tuple[int | None, float]:
    """The agent's turn said fastest (characters per minute, of turns lasting `FASTEST_FROM` or more), the
    evidence of a call whose average is too fast: (its index, its rate), or (None, 0)."""
    best, rate = None, 0.0
    for i, t in enumerate(turns):
        if t.role == AGENT and t.start is not None and t.end is not None and t.end - t.start >= FASTEST_FROM:
            said = said_chars(t) * 60.0 / (t.end - t.start)
            if said > rate:
                best, rate = i, said
    return best, rate


def _speed_limit(form, org) -> float | None:
    if form is not None and form.max_chars_per_min:
        return form.max_chars_per_min
    if org is not None and org.speech_rate:
        return org.speech_rate * SPEED_FACTOR
    return None


def _short(text: str, size: int = 30) -> str:
    return text if len(text) <= size else text[:size] + "…"


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes):02d}:{rest:04.1f}"
