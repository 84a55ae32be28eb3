"""A customer's thanks that a story tells as such, so that it is never taken for the agent's closing.

A report of a call or a visit often ends on the customer's gratitude: 「客户打来电话感激地说：“…太谢谢了…”」,
「“…太感谢了！”修好以后，王阿姨向维修员表示感谢。」 Read line by line, that line is the agent's last turn and its
thanks the agent's closing. Where the narration right before a quote ends with a word of gratitude (感激地说, 道谢：)
or the narration right after it says one, and the one it names as grateful is the customer or the public (客户,
市民, 老人, 王阿姨, 张某 …; someone spoken to, 「向维修员」, is not the speaker), the quote and that narration are the
customer's. A script's own instruction (「客户签字以后，员工要表示感谢：“谢谢！”」) names the agent's side and stays.
"""

from __future__ import annotations

from huifang import regexcache
from huifang.lint.story import ADDRESSEE, AGENT_ROLE, CLAUSE, PUBLIC, SENTENCE_END, quotes

QUOTED = regexcache.compile(r"[“”「」『』\"]")
GRATEFUL = regexcache.compile(r"感激|感谢|道谢|致谢|谢意")
# A word of gratitude that introduces the quote after it: 「感激地说：」, 「连声道谢：」, 「表示感谢，」.
BEFORE = regexcache.compile(r"(?:感激|感谢|道谢|致谢|谢意)[地着道说]{0,3}[ \t]*[:：,，]?[ \t]*$")
OPENS = ("“", "「", "『", '"')
# Where the narration around a quote stops: a sentence's end or another quote.
NARRATION_END = regexcache.compile(SENTENCE_END.pattern[:-1] + '“”「」『』"]')
SIDE = regexcache.compile(r"(?P<agent>" + AGENT_ROLE + r")|(?P<other>" + PUBLIC + r"|[\u4e00-\u9fff]某)")


def customers_thanks(folded: str) -> list[tuple[int, int]]:
    """The stretches of a free-form line (folded) that are the customer's thanks as the narration tells it: each a
    quote with the narration of gratitude around it, up to the sentence's ends."""
    if QUOTED.search(folded) is None or GRATEFUL.search(folded) is None:
        return []  # the common case: a line that quotes nothing, or says no gratitude
    out = []
    for start, end in quotes(folded):
        head_from = max((m.end() for m in NARRATION_END.finditer(folded, 0, max(0, start - 1))), default=0)
        head = folded[head_from : max(0, start - 1)]
        before = BEFORE.search(head)
        if before is not None and _grateful_one(head[: before.start()]) == "other":
            out.append((head_from, end + 1))
            continue
        stop = NARRATION_END.search(folded, end + 1)
        tail_to = stop.start() if stop is not None else len(folded)
        tail = folded[end + 1 : tail_to]
        said = GRATEFUL.search(tail)
        if said is None or (folded[tail_to : tail_to + 1] in OPENS and BEFORE.search(tail) is not None):
            continue  # no gratitude after the quote, or gratitude that introduces the next quote
        if _grateful_one(tail[: said.start()]) == "other":
            out.append((max(0, start - 1), tail_to))
    return out


def _grateful_one(narration: str) -> str | None:
    """Whose gratitude the narration before its word of gratitude tells: the side of the first person its last
    clause names (else its whole sentence) who is not spoken to; None when it names nobody."""
    for text in (CLAUSE.split(narration)[-1], narration):
        for found in SIDE.finditer(text):
            if ADDRESSEE.search(text, 0, found.start()) is None:
                return "agent" if found.group("agent") else "other"
    return None
