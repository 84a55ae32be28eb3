"""Whom the customer answers: in a labelled dialogue, the label whose turns the customer's turns answer is the agent.

A label the speaker tables do not know is never the agent's (`speakers`), and `speakers.infer_agent` takes one for
the agent only in a file without any known agent label, when its first turn, among the file's first, greets and
introduces. A service standard written as a dialogue breaks both: a golf club's caddie flow labels the caddie 服 and
the guest 客 (a known customer label), opens with a page of procedure, and has two staff members (库服, 前台) talk over
the radio between the caddie's lines — so the caddie's greeting and identity check were nobody's. Who the customer
speaks to is the other side of the call: an unknown label that the customer's turns answer, two times or more, is the
agent, provided the customer never answers a known agent label (then that label is the agent, as before) and the
label's first turn greets (the agent opens). Structural: what is read is who speaks after whom, not a new word.

PASS (the caddie's lines are the agent's: 您好 and the identity check found)::

    地库服务流程:(现服:现场服务人员,库服:地库服务人员)
    服:(您好:是xx先生/小姐吗?)
    客:是
    服:(您好我是xxx球童很高兴为您服务…)
    库服:xxx收到请讲
    前台:收到请讲
    服:(您好欢迎xxx俱乐部,您好:是xxx先生/小姐预约的是吗?)
    客:是或不是

FAIL (left as before — the customer answers the known label 客服, whose the call is)::

    客服：您好，这里是XX公司。
    客户：你好。
    记者：请问您满意吗？
    客户：满意。
"""

from __future__ import annotations

from huifang import regexcache
from huifang.lint.utterance import AGENT, CUSTOMER

UNKNOWN = "unknown"  # speakers.UNKNOWN (not imported: speakers is read before this module is)
ANSWERS_LEAST = 2  # one answer may be a bystander's; two are a dialogue
GREETS = regexcache.compile(r"您好|你好|早上好|上午好|下午好|晚上好|欢迎光临|欢迎致电")


def customer_answers(turns: list, lines: list[str], unknown: dict) -> str:
    """The unknown label the customer answers, its turns made the agent's (in place), or "" (nothing changed)."""
    answered: dict[str, int] = {}
    for before, u in zip(turns, turns[1:]):
        if u.speaker != CUSTOMER:
            continue
        label = _label(before, lines)
        if before.speaker == AGENT and label:
            return ""  # the customer answers a known agent label: that one is the agent
        if before.speaker == UNKNOWN:
            name = _named(label, unknown)
            if name:
                answered[name] = answered.get(name, 0) + 1
    chosen = [name for name, times in answered.items() if times >= ANSWERS_LEAST]
    if len(chosen) != 1 or GREETS.search(unknown[chosen[0]].text) is None:
        return ""
    for u in turns:
        if u.speaker == UNKNOWN and _named(_label(u, lines), unknown) == chosen[0]:
            u.speaker, u.agent = AGENT, True
    return chosen[0]


def _label(u, lines: list[str]) -> str:
    """What a line has before its words when that ends in a label's colon or bracket, else ""."""
    before = lines[u.line - 1][: u.col - 1] if 0 < u.line <= len(lines) else ""
    return before if before.rstrip()[-1:] in (":", "：", "】") else ""


def _named(label: str, unknown: dict) -> str:
    """The unknown label a line's label names — one that ends it, with no letter before it (库服 is not 服) — or ""."""
    head = label.rstrip().rstrip(":：】*").rstrip()
    for name in unknown:
        if head.endswith(name) and not head[: len(head) - len(name)][-1:].isalnum():
            return name
    return ""
