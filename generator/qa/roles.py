"""Who is the agent: by the override (`--agent SPEAKER_01`, `--agent-channel 1`), by role labels
(客服：/客户：), or inferred — the side that greets, introduces the company and asks the questions.

An inference is reported (`Call.roles_note`) so a supervisor can see why a side was taken as the agent.
"""

from __future__ import annotations

from huifang.lint.speakers import AGENT_SIGNS, QUESTION, points
from huifang.lint.textmemo import Remembered
from huifang.qa.call import AGENT, CUSTOMER, Call, TranscriptError
from huifang.qa.readers.labels import role_of


def assign(
    call: Call,
    agent: str | None = None,
    agent_channel: int | None = None,
    company: str = "",
    speakers=None,
    scores: dict[str, int] | None = None,
) -> Call:
    """Set `role` on every turn; raise TranscriptError when the override names no one in the call.
    `speakers`: the project's label table (huifang.yaml lint.speakers) when it adds labels to the default;
    `scores`: each speaker's points (`texts.prepare`), when the caller has them."""
    if agent_channel is not None:
        channels = {t.channel for t in call.turns}
        if agent_channel not in channels:
            raise TranscriptError(
                call.path, f"--agent-channel {agent_channel}：这通电话里没有这个声道（有：{_listing(channels)}）"
            )
        for t in call.turns:
            t.role = AGENT if t.channel == agent_channel else CUSTOMER
        call.roles_note = f"坐席：按指定的声道 {agent_channel}"
        return call
    if agent is not None:
        speakers = {t.speaker for t in call.turns}
        if agent not in speakers:
            raise TranscriptError(call.path, f"--agent {agent}：这通电话里没有这个说话人（有：{_listing(speakers)}）")
        call.roles_note = f"坐席：按指定的说话人 {agent}"
        if agent and "" in speakers:  # segments diarisation left without a speaker: by their words
            to_agent, to_customer = _by_words(call, agent)
            call.roles_note += f"；{_unlabelled(to_agent, to_customer)}"
            return call
        for t in call.turns:
            t.role = AGENT if t.speaker == agent else CUSTOMER
        return call
    if call.labelled or (speakers is not None and any(role_of(t.speaker, speakers) for t in call.turns)):
        known = [role_of(t.speaker, speakers) for t in call.turns]
        # the linter's rules: a line without a label is the agent's; a label neither table knows is never the
        # agent's when the agent has a label of its own (a customer's 「不可能」 is no forbidden phrase)
        other = CUSTOMER if AGENT in known else AGENT
        for t, role in zip(call.turns, known):
            t.role = role or (other if t.speaker else AGENT)
        call.roles_note = "坐席：按说话人标签"
        return call
    scores = _scores(call, company) if company or scores is None else dict(scores)
    for t in call.turns[:2]:
        scores[t.speaker] += 1  # the caller speaks first in a call-back
    if len(scores) == 1:
        for t in call.turns:
            t.role = AGENT
        call.roles_note = "坐席：只有一个说话人，全部算作坐席（没有客户的话可比）"
        return call
    if "" in scores and len(scores) > 2:
        return _unlabelled_among_labelled(call, scores)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    chosen = ranked[0][0]
    for t in call.turns:
        t.role = AGENT if t.speaker == chosen else CUSTOMER
    call.roles_note = INFERRED[chosen, ranked[0][1], ranked[1][0], ranked[1][1]]
    return call


def _inferred(key: tuple) -> str:
    """The note of roles inferred from points, of (agent, points, the other, points)."""
    chosen, points, other, its = key
    return (
        f"坐席：推断为 {chosen or '（无标签）'}（问候、自我介绍、提问最多：{points:g} 分，"
        f"其次 {other or '（无标签）'} {its:g} 分）；如有误请用 --agent 或 --agent-channel 指定"
    )


# two `:g` formats and a join are ≈ 8 k instructions a call, and a day's calls give the same few fours: made once each
INFERRED = Remembered(_inferred, limit=5_000)


AGENT_TURN = 2  # an unlabelled turn's points (agent signs, a question) from which it is the agent's


def _unlabelled_among_labelled(call: Call, scores: dict[str, int]) -> Call:
    """A diarised call with some turns left without a speaker (WhisperX leaves `speaker` off a segment no
    diarisation turn overlaps): the agent is the labelled speaker with the most points, and each unlabelled
    turn goes by its own words, the agent's when it greets, introduces or asks (as many points as
    `AGENT_TURN`), else the customer's, never all to one side as a third speaker would be. Reported."""
    ranked = sorted(((k, v) for k, v in scores.items() if k), key=lambda kv: (-kv[1], kv[0]))
    chosen = ranked[0][0]
    to_agent, to_customer = _by_words(call, chosen)
    call.roles_note = (
        f"坐席：推断为 {chosen}（问候、自我介绍、提问最多：{ranked[0][1]:g} 分，"
        f"其次 {ranked[1][0]} {ranked[1][1]:g} 分）；{_unlabelled(to_agent, to_customer)}；"
        "如有误请用 --agent 或 --agent-channel 指定"
    )
    return call


def _by_words(call: Call, agent: str) -> tuple[int, int]:
    """Roles with `agent` the agent's label and each unlabelled turn by its own points; (unlabelled turns
    given to the agent, to the customer)."""
    to_agent = to_customer = 0
    for t in call.turns:
        if t.speaker:
            t.role = AGENT if t.speaker == agent else CUSTOMER
        elif points(t.text) >= AGENT_TURN:
            t.role = AGENT
            to_agent += 1
        else:
            t.role = CUSTOMER
            to_customer += 1
    return to_agent, to_customer


def _unlabelled(to_agent: int, to_customer: int) -> str:
    return f"{to_agent + to_customer} 句没有说话人，按内容归坐席 {to_agent} 句、客户 {to_customer} 句"


def _scores(call: Call, company: str) -> dict[str, int]:
    """Per speaker, in the order they first speak: the agent signs said (none spans a line break, so the
    count over a speaker's turns is the sum of each turn's), one point per turn with a question, two per
    mention of the company. Without a company, the turns' points as `texts.prepare` sums them (and
    remembers them by text)."""
    if not company:
        from huifang.qa import texts

        return texts.prepare(call.turns)
    scores: dict[str, int] = {}
    by_speaker: dict[str, list[str]] = {}
    for t in call.turns:
        by_speaker.setdefault(t.speaker, []).append(t.text)
    for speaker, said in by_speaker.items():
        joined = "\n".join(said)
        questions = sum(map(bool, map(QUESTION.search, said)))  # turns with a question
        scores[speaker] = len(AGENT_SIGNS.findall(joined)) + questions + 2 * joined.count(company)
    return scores


def _listing(values) -> str:
    return "、".join(sorted(str(v) for v in values if v not in (None, ""))) or "无"
