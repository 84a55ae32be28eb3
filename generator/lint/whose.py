"""Lines of a free-form file that are not the agent's although the reader gives them to the agent, for the
forbidden-phrase rule.

- In a file whose lines carry both the agent's and the customer's labels, a line without a label right after the
  customer's line (no blank line between) goes on with the customer's turn (「客户：我的快递三天没到了，你们这边」 /
  「也没办法吗？」), as a line after the agent's goes on with the agent's.
- A numbered question that asks about the company (「6. 你们是不是没办法退款？」) heads a reply library's answer: it
  is the customer's question, not said by the agent.
"""

from __future__ import annotations

from huifang import regexcache

# A numbered heading that is a customer's question to the company: numbering, at most 30 characters, 你们/贵公司…,
# a question mark at the end.
QUESTION_HEADING = regexcache.compile(
    r"^[ \t#>*\-]*(?:\d{1,2}[.、．)）]|[(（]?[一二三四五六七八九十]{1,3}[)）、])[ \t]*"
    r"(?=[^\n]{0,30}[?？][ \t]*$)[^\n]*(?:你们|您们|贵公司|贵店|你家|你们家|贵单位)"
)


def has_label(lead: str) -> bool:
    """Whether what the reader took off a line's start (`lead`) is a speaker's label, not a list number or
    indentation."""
    return any(c in lead for c in ":：】]")


def not_agents(view) -> frozenset[int]:
    """The numbers of the lines the reader gave the agent that are the customer's."""
    text = view.text
    turns = sorted(view.utterances(), key=lambda u: u.line)
    labelled = [has_label(text[u.base - u.col + 1 : u.base]) for u in turns]
    agent_label = any(flag and u.agent for u, flag in zip(turns, labelled))
    customer_label = any(flag and not u.agent for u, flag in zip(turns, labelled))
    out: set[int] = set()
    customers = False  # the line before is the customer's (labelled, or going on with the customer's turn)
    previous = 0
    for u, flag in zip(turns, labelled):
        if flag:
            customers = not u.agent
        elif agent_label and customer_label and customers and u.line == previous + 1:
            out.add(u.line)
        else:
            customers = False
        if not flag and u.agent and QUESTION_HEADING.match(_line(text, u)) is not None:
            out.add(u.line)
        previous = u.line
    return frozenset(out)


def _line(text: str, u) -> str:
    start = u.base - u.col + 1
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]
