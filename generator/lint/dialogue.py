"""Who says the quoted lines of a story of a call that has no speaker labels.

A news feature or a memoir gives a call as lines that are each one quote (「“唐房还是唐家房?”」), with the
speaker named only now and then by the narration around a quote (「“您好,普兰店120,您在哪里?”这是蒋林平每天要
重复无数次的话。」, 「蒋林平追问道:“…”」). Read line by line, every quote is the agent's, so the caller's
「“我没办法起床……”」 becomes a forbidden phrase. The quotes that follow an attributed one, line after line,
are the two sides taking turns: the first after the agent's is the caller's, the next the agent's again.
An attributed quote is the agent's unless the narration names the customer (「电话那头的老人说：“…”」).
"""

from __future__ import annotations

from huifang import regexcache
from huifang.lint.utterance import AGENT, CUSTOMER, Utterance

# A line that is one quote and nothing else: a turn of the dialogue, its speaker not named.
WHOLE_QUOTE = regexcache.compile(r"\s*[“「\"][^“”「」\"]*[”」\"]\s*$")
# A line of a story that quotes words and names who says them: a verb of speaking right before the quote
# (「蒋林平追问道:“…”」), or narration after it that tells whose words they were (「“…”这是蒋林平每天要重复
# 无数次的话。」). A script's label before a quote (「开场白：“…”」) names no speaker: the quotes after it are
# more of the same script.
SPEAKING = r"(?:说|问|道|答|讲|喊|叫|应|回|嚷|吼)"
ATTRIBUTED = regexcache.compile(
    SPEAKING
    + r"[ \t]*[:：,，]?[ \t]*[“「][^”」]*[”」]|[“「][^”」]*[”」][^“「]{0,12}(?:"
    + SPEAKING[3:-1]
    + r"|的话|声音)"
)
CALLER = regexcache.compile(
    r"客户|顾客|用户|市民|患者|病人|家属|业主|来电人|来电者|求助者|求救者|居民|乘客|车主|投诉人|群众|对方|"
    r"老人|大爷|大妈|老太|男子|女子|电话那头|那头"
)
QUOTE_OPEN = '“「"'


def quoted_turns(turns: list[Utterance], lines: list[str]) -> int:
    """Give the caller the unattributed quoted lines that answer an attributed quote, in a file without
    speaker labels (the utterances are changed in place); the number of lines given to the caller."""
    if not turns or any(u.speaker != AGENT for u in turns):
        return 0  # a file with labels says who speaks
    given = 0
    speaker = None  # who spoke the last quote of the current run of quoted lines
    previous = 0
    for u in turns:
        line = lines[u.line - 1] if 0 < u.line <= len(lines) else u.text
        whole = line[:1] in QUOTE_OPEN or line.lstrip()[:1] in QUOTE_OPEN
        if whole and WHOLE_QUOTE.match(line) is not None:
            if speaker is not None and _next(lines, previous, u.line):
                speaker = CUSTOMER if speaker == AGENT else AGENT
                if speaker == CUSTOMER:
                    u.speaker, u.agent = CUSTOMER, False
                    given += 1
            else:
                speaker = None
        elif ATTRIBUTED.search(line) is not None:
            speaker = CUSTOMER if _caller(line) else AGENT
        else:
            speaker = None
        previous = u.line
    return given


def _next(lines: list[str], previous: int, line: int) -> bool:
    """Whether line `line` follows line `previous` with only blank lines between (1-based numbers)."""
    return 0 < previous < line and all(not lines[i].strip() for i in range(previous, line - 1))


def _caller(line: str) -> bool:
    """Whether the narration of an attributed quote names the customer as the one speaking."""
    outside = []
    depth = 0
    for char in line:
        if char in "“「":
            depth += 1
        elif char in "”」" and depth:
            depth -= 1
        elif not depth:
            outside.append(char)
    return CALLER.search("".join(outside)) is not None
