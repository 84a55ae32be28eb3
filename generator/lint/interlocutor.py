"""Whom the customer talks with: in a labelled dialogue with no known agent label, the unknown label whose turns
take turns with the customer's is the agent's side.

A labelled transcript or sample dialogue names its sides in words the label tables cannot all know (「热线：」 beside
「市民：」, 「店员：」 beside 「顾客：」, 「物业：」 beside 「客户：」). Such a label is an unknown speaker, never the agent
(`speakers.infer_agent` makes it the agent only when its first turn greets and introduces), so the agent's words in
the file were not read at all: neither its opening and closing nor its forbidden phrases. A dialogue has two sides;
when one of them is a known customer label and nothing is labelled as the agent, the label the customer's turns
alternate with — the customer answers it and it answers the customer, back and forth — is the other side. Structural:
what is read is the order of the labelled turns, not what they say.

PASS (热线 is the agent: its turns take turns with the citizen's)::

    市民：停车库太吵了，我应该提供什么资料反映呢？
    热线：您是哪个小区啊？
    市民：水韵东方小区。
    热线：好的，我们转给物业处理，感谢您的来电，再见。

FAIL (left unknown: 备注 follows the customer once, no back and forth)::

    客户：我想改一下地址。
    备注：客户来电要求改地址
"""

from __future__ import annotations

SWITCHES = 3  # the fewest changes of side between the label and the customer: it speaks, is answered, speaks again


def interlocutor(labelled: list, said_by, unknown: dict, customer: str) -> str:
    """The unknown label (a key of `unknown`) whose turns take turns with the customer's, or "" when none does or
    more than one does: among the `labelled` turns in file order (the customer's have `speaker == customer`;
    `said_by(u, name)` tells whether an unknown label's turn carries `name`), the label and the customer change
    places at least SWITCHES times, and no other unknown label speaks between them."""
    found = ""
    for name in unknown:
        switches, last = 0, None
        for u in labelled:
            if u.speaker == customer:
                side = customer
            elif said_by(u, name):
                side = name
            else:
                side = None  # another label speaks: the back and forth is broken
            if last is not None and side is not None and side != last:
                switches += 1
            last = side
        if switches >= SWITCHES:
            if found:
                return ""  # two labels take turns with the customer: which is the agent is not told by the order
            found = name
    return found
