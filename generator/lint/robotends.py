"""Where a call robot's flow ends its call besides a goodbye (Round 35, issue 12).

A robot's prompt list is a bank of the agent's lines, not a call in order; in it every prompt that ends the call
ends a path, and an element of the closing is said only if every such prompt says it (bench/realworld/README.md,
set 12's and set 16's conventions). `branches` finds those prompts by the words that end a call (再见, 不打扰了,
请您挂一下电话 …). Two readings of where else a path ends:

- `hangs_up` / `hangs_up_line`: a prompt in which the robot says that it hangs up (「抱歉，还是听不清您说什么，我先挂了，
  稍后再联系您」, 「我这边先挂断了」) ends the call as a goodbye does, a promise to call again after it included. The
  speaker is the one who hangs up: 我 before 挂; the customer asked to hang up is `branches.ENDS_CALL`'s already.
- `each_ending`: a marked branch of such a bank (no customer's turn in it) that ends in two or more prompts that each
  end the call (a keypress's message, then the wrong-input message after it: 「…感谢您的反馈，…再见。」「对不起，输入
  有误。我们可能会再次和您联系，再见。」) is one path per prompt, as `branches.endings` reads an unmarked bank's last
  lines: the second prompt is another outcome's whole closing, not more closing talk of the first.
"""

from __future__ import annotations

import re

from huifang import regexcache
from huifang.lint.utterance import Utterance

# 我 (我先, 我这边先, 我们就先 …) then 挂 and what says it is done or about to be (挂了, 挂掉, 挂断, 挂机, 挂电话).
HANG_UP = r"我[^，,。！!？?\s]{0,4}挂(?:了|掉|断|机|电话)"
# …at the end of the line, or followed only by a promise to call again (，稍后再联系您 / ，之后再给您来电).
CALL_AGAIN = r"(?:[，,](?:稍后|之后|晚些|晚点|改天|回头|过会儿?|等会儿?)?(?:我们?)?再?(?:和|跟|与|给)?[您你]?(?:联系|来电|打)[您你]?)?"
_HANGS_UP = regexcache.compile(HANG_UP)
_HANGS_UP_LINE = regexcache.compile(HANG_UP + r"[了的吧啊哈]?" + CALL_AGAIN + r"[\s,，.。!！~～”」』\"]*$")
# The same in a file's raw text, Simplified or Traditional, line by line (a cheap screen: any line that may end so).
_HANG_UP_TEXT = regexcache.compile(
    r"我[^，,。！!？?\s]{0,4}[挂掛](?:了|掉|[断斷]|[机機]|[电電])[^\n。！!？?]{0,16}$", re.M
)


def hangs_up(folded: str) -> bool:
    """Whether a line's folded text says that the speaker hangs up (「…我先挂了…」)."""
    return "挂" in folded and _HANGS_UP.search(folded) is not None


def hangs_up_line(folded: str) -> bool:
    """Whether a line ends with the speaker hanging up (and at most a promise to call again after it)."""
    return "挂" in folded and _HANGS_UP_LINE.search(folded) is not None


def first_hang_up(text: str) -> int | None:
    """The offset of the first line of a raw text that may end with the speaker hanging up, or None."""
    if "挂" not in text and "掛" not in text:
        return None
    found = _HANG_UP_TEXT.search(text)
    return None if found is None else found.start()


def each_ending(found: list[tuple[str, list[Utterance]]]) -> list[tuple[str, list[Utterance]]]:
    """Each marked path of a bank of the agent's lines that ends in two or more prompts that each end the call,
    split into one path per prompt (the path's lines before them, then that prompt); other paths as they are."""
    from huifang.lint.branches import MAX_PATHS, _ends_call
    from huifang.lint.standards import path_name

    out: list[tuple[str, list[Utterance]]] = []
    split = False
    for label, turns in found:
        start = len(turns)
        while start > 0 and _ends_call(turns[start - 1]):
            start -= 1
        if len(turns) - start < 2 or start == 0 or any(not u.agent for u in turns) or len(out) >= MAX_PATHS:
            out.append((label, turns))
            continue
        split = True
        head = turns[:start]
        name = path_name(label)
        out += [(f"{name}（结尾{n}）", [*head, u]) for n, u in enumerate(turns[start:], 1)]
    return out if split else found
