"""Turns in a story's dialogue: after the quote that opens the call as the agent does, the quotes that follow it with
nothing between take turns.

A news story often gives a call as quotes without saying who speaks each: the hotline's answer, the caller's question,
the expert's reply and the caller's thanks, one after another, paragraph after paragraph or side by side
(「“你好!这里是12316三农服务热线…”」, 「“喂,我是…农民,想问一下…”“羊和人不一样…”」, 「“太谢谢了!…”」). `spoken`
gives a quote nobody is named for to the agent unless it answers the agent's in the same sentence, so the caller's
thanks became the agent's closing. Where the story shows whose turn it is — a quote that opens the call as the agent
does (a greeting and who answers, or asking for the customer: `story.OPENS_CALL`, as the forbidden-phrase reading
has it; not a caller's 「我是…村民」) — each quote that follows with only spaces and line breaks between is the other
side's turn, until narration comes between. Structural: what is read is the order of the turns, not a wording.

PASS (the caller's thanks is not the agent's closing)::

    “你好!这里是12316三农服务热线,很高兴为你服务。”
    “喂,我是张家川县的农民,想问一下…能催下奶吗?”“羊和人不一样…”
    “太谢谢了!专家解决了我全家最着急的事。”
    这是记者日前在兰州市电信局12316呼叫中心了解到的一幕。

FAIL (left as before: no quote opens the call, so nothing says whose turn it is)::

    “检查煤气的。”他在门外表明身份。
    “没见物业通知啊。”我快速在脑海里搜索。
    “有的,可能你没留意。”
"""

from __future__ import annotations

from huifang.lint.normalize import fold
from huifang.lint.story import CALLER_INTRO, OPENS_CALL

AGENT, OTHER = "agent", "other"  # spoken's sides


def side(words: str, gap: str, last: str | None, taking: bool) -> str | None:
    """The side of a quote the narration names nobody for: the other side than `last` when the turns are being taken
    (`taking`: the last quote opened the call or had its side from here) and only spaces and line breaks stand between
    (`gap`); AGENT when the quote opens the call as the agent does; else None (spoken's own reading decides)."""
    if taking and not gap.strip():
        return OTHER if last == AGENT else AGENT
    said = fold(words)
    if OPENS_CALL.match(said) is not None and CALLER_INTRO.search(said) is None:
        return AGENT
    return None
