"""Whether a forbidden phrase found in a line is said to the customer, or only named.

A script or rule book names a phrase without saying it when a prohibition or negation governs it
(「我们绝不会泄露您的信息」, 「不能对客户说我不知道」, 「禁止说…」, 「请勿…」), or when it reports
someone else's words (「对方一般都会问你是谁」). Only the words before the phrase in the same clause
count: a comma or full stop ends the reach of a 不要 (「您不要着急，你自己想办法吧」 is still a violation).
"""

from __future__ import annotations

import re

REACH = 12  # characters before the phrase, within its clause
CLAUSE_END = re.compile(r"[，,。.！!？?；;、\n]")
PROHIBITION = re.compile(
    r"(?:绝不|绝对不|决不|不会|不得|不能|不可|不准|不许|不应|不宜|不要|别|禁止|严禁|请勿|切勿|切忌|勿|杜绝|避免|防止|忌说|忌讲|"
    r"千万不|不允许|不可以|不该|避讳)"
)
REPORTED = re.compile(r"(?:对方|客户|用户|顾客|患者|病人|家属|业主|来电人|市民)[^，。！？]{0,6}(?:问|说|讲|质问)")


def mentioned(folded: str, start: int) -> bool:
    """Whether the phrase starting at `start` of a folded line is governed by a prohibition or
    reported as another party's words."""
    before = folded[max(0, start - REACH) : start]
    ends = [m.end() for m in CLAUSE_END.finditer(before)]
    if ends:
        before = before[ends[-1] :]
    if not before:
        return False
    return PROHIBITION.search(before) is not None or REPORTED.search(before) is not None
