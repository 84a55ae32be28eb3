"""Conversation metrics from time stamps. With no time stamps every time metric is None (n/a).

- duration_s: from the start of the recording to the end of the last turn.
- agent_talk_ratio: the agent's speaking time ÷ everyone's speaking time (overlaps counted for both).
- silence_ratio: time inside the call (first word to last) when nobody speaks ÷ that time.
- longest_silence_s: the longest such stretch, and where it starts.
- interruptions: agent turns that start while the customer is still speaking (by more than `GRACE`).
- agent_chars_per_min: the agent's characters (no punctuation or spaces) per minute of the agent's speech.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import cast

from huifang.qa.call import AGENT, TYPE_CHECKING, Call
from huifang.qa.rules_bridge import normalize

if TYPE_CHECKING:
    from typing import Protocol

    class _Timed(Protocol):
        """A turn of a call whose `timed` is true: its start and end are set."""

        @property
        def start(self) -> float: ...
        @property
        def end(self) -> float: ...
        @property
        def role(self) -> str: ...


GRACE = 0.3  # seconds: an answer that overlaps the end of a question by less is turn-taking, not talk-over


@dataclass
class Metrics:
    duration_s: float | None = None
    agent_talk_ratio: float | None = None
    silence_ratio: float | None = None
    longest_silence_s: float | None = None
    interruptions: int | None = None
    agent_chars_per_min: float | None = None
    silences: list[tuple[float, float, int]] = field(default_factory=list)  # (start, length, next turn index)
    interrupting: list[tuple[int, int]] = field(default_factory=list)  # (agent turn, customer turn it cut into)
    agent_chars: int = 0

    def as_dict(self) -> dict:
        return {
            "duration_s": _r(self.duration_s),
            "agent_talk_ratio": _r(self.agent_talk_ratio, 3),
            "silence_ratio": _r(self.silence_ratio, 3),
            "longest_silence_s": _r(self.longest_silence_s),
            "interruptions": self.interruptions,
            "agent_chars_per_min": _r(self.agent_chars_per_min, 1),
        }


def _r(value, digits: int = 2):
    return None if value is None else round(value, digits)


def said_chars(t) -> int:
    """A turn's characters as the speech rate counts them: its words without punctuation or spaces."""
    return len(t.norm or normalize(t.text))


def measure(call: Call, min_silence: float = 0.0, agent_chars: int | None = None) -> Metrics:
    """`min_silence`: gaps at least this long are listed in `silences` (for long-silence findings);
    `agent_chars`: the length of the agent's normalised words when the caller has it."""
    turns = call.turns
    m = Metrics()
    if agent_chars is None:
        agent_chars = sum(said_chars(t) for t in turns if t.role == AGENT)
    m.agent_chars = agent_chars
    if not call.timed:
        return m
    timed = cast("list[_Timed]", turns)  # every turn has its start and end
    # One walk over the turns in start order (the reader sorts them) for every measure: the speaking time
    # per side; silence, keeping the furthest end reached so far (the first turn's gap, its start less its
    # own end, is never above 0; the furthest end is also the call's end); and an agent turn starting inside
    # the customer turn that reaches furthest so far (the first to reach it). Comparisons, not max(): a
    # builtin call per turn costs more, and so did a walk per measure, and so does a tuple for that turn.
    agent_talk = customer_talk = 0.0
    reach = timed[0].end
    silent = 0.0
    longest = 0.0
    speaking, speaking_start, speaking_end = -1, 0.0, -math.inf  # no customer turn yet: none reaches
    silences, interrupting = m.silences, m.interrupting
    # Every comparison in the walk is of two floats, which CPython specialises (a float against an int, such as
    # a form's `long_silence_s: 10`, is ≈ 150 instructions more each time); an int bound is exactly its float.
    least = float(min_silence)
    cut_in = speaking_end - GRACE  # before the furthest-reaching customer turn ends, less the grace
    for i, t in enumerate(timed):
        start, end = t.start, t.end
        gap = start - reach
        if gap > 0.0:
            silent += gap
            if gap > longest:
                longest = gap
            if gap >= least:
                silences.append((reach, gap, i))
        if end > reach:
            reach = end
        if t.role == AGENT:
            agent_talk += end - start
            if speaking_start < start < cut_in:
                interrupting.append((i, speaking))
        else:
            customer_talk += end - start
            if end > speaking_end:
                speaking, speaking_start, speaking_end = i, start, end
                cut_in = end - GRACE
    m.duration_s = reach
    total = agent_talk + customer_talk
    m.agent_talk_ratio = agent_talk / total if total > 0 else None
    span = reach - timed[0].start
    m.silence_ratio = silent / span if span > 0 else 0.0
    m.longest_silence_s = longest
    m.interruptions = len(interrupting)
    minutes = agent_talk / 60
    # under a millisecond of talk (every format's resolution) there is no rate to speak of: 1e-308 s made it
    # Infinity, which `--format json` wrote as no JSON reader accepts
    m.agent_chars_per_min = m.agent_chars / minutes if agent_talk >= 0.001 else None
    return m
