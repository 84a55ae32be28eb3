"""Round 39 (session 24, lintacc41) as it was transfer-tested: in a labelled dialogue with no known agent label, the
unknown label whose turns take turns with the customer's label is the agent's side (generator/lint/interlocutor.py,
asked by speakers.infer_agent after the label that opens the call).

Not landed (bench/README.md, Round 39): the module's source is carried here (SOURCE, as at lintacc41's freeze
b861905) and written into the export as generator/lint/interlocutor.py, and the export's freeform.py asks it after its
own infer_agent found no label (a wrapper of the name freeform.py imported, returning what that version's infer_agent
returns: a label, or a label and its points), in a file whose labelled turns hold no known agent label. The one
order that differs from the branch: there the diariser's ids (SPEAKER_00, spk1) are tried after it, here before
(they only apply when every unknown label is such an id). Code without infer_agent (sets 3 and 4) is left as it is.
"""

import sys
from pathlib import Path

SOURCE = '"""Whom the customer talks with: in a labelled dialogue with no known agent label, the unknown label whose turns\ntake turns with the customer\'s is the agent\'s side.\n\nA labelled transcript or sample dialogue names its sides in words the label tables cannot all know (「热线：」 beside\n「市民：」, 「店员：」 beside 「顾客：」, 「物业：」 beside 「客户：」). Such a label is an unknown speaker, never the agent\n(`speakers.infer_agent` makes it the agent only when its first turn greets and introduces), so the agent\'s words in\nthe file were not read at all: neither its opening and closing nor its forbidden phrases. A dialogue has two sides;\nwhen one of them is a known customer label and nothing is labelled as the agent, the label the customer\'s turns\nalternate with — the customer answers it and it answers the customer, back and forth — is the other side. Structural:\nwhat is read is the order of the labelled turns, not what they say.\n\nPASS (热线 is the agent: its turns take turns with the citizen\'s)::\n\n    市民：停车库太吵了，我应该提供什么资料反映呢？\n    热线：您是哪个小区啊？\n    市民：水韵东方小区。\n    热线：好的，我们转给物业处理，感谢您的来电，再见。\n\nFAIL (left unknown: 备注 follows the customer once, no back and forth)::\n\n    客户：我想改一下地址。\n    备注：客户来电要求改地址\n"""\n\nfrom __future__ import annotations\n\nSWITCHES = 3  # the fewest changes of side between the label and the customer: it speaks, is answered, speaks again\n\n\ndef interlocutor(labelled: list, said_by, unknown: dict, customer: str) -> str:\n    """The unknown label (a key of `unknown`) whose turns take turns with the customer\'s, or "" when none does or\n    more than one does: among the `labelled` turns in file order (the customer\'s have `speaker == customer`;\n    `said_by(u, name)` tells whether an unknown label\'s turn carries `name`), the label and the customer change\n    places at least SWITCHES times, and no other unknown label speaks between them."""\n    found = ""\n    for name in unknown:\n        switches, last = 0, None\n        for u in labelled:\n            if u.speaker == customer:\n                side = customer\n            elif said_by(u, name):\n                side = name\n            else:\n                side = None  # another label speaks: the back and forth is broken\n            if last is not None and side is not None and side != last:\n                switches += 1\n            last = side\n        if switches >= SWITCHES:\n            if found:\n                return ""  # two labels take turns with the customer: which is the agent is not told by the order\n            found = name\n    return found\n'

root = Path(sys.argv[1])
(root / "generator/lint/interlocutor.py").write_text(SOURCE, encoding="utf-8")
speakers = (root / "generator/lint/speakers.py").read_text(encoding="utf-8")
freeform = root / "generator/lint/freeform.py"
text = freeform.read_text(encoding="utf-8")
if "def infer_agent(" not in speakers or "infer_agent(turns, lines, unknown)" not in text:
    sys.exit(0)  # nothing inferred in this version: nothing to extend
pair = "def infer_agent(turns: list, lines: list[str], unknown: dict) -> tuple[" in speakers
text += f"""

_infer_agent_r39 = infer_agent


def infer_agent(turns, lines, unknown):  # Round 39: else the label the customer takes turns with
    from huifang.lint import speakers as _s
    from huifang.lint.interlocutor import interlocutor

    found = _infer_agent_r39(turns, lines, unknown)
    if {"found[0]" if pair else "found"}:
        return found

    def before(u):
        return lines[u.line - 1][: u.col - 1] if 0 < u.line <= len(lines) else ""

    def said_by(u, name):
        at = before(u).find(name)
        return at >= 0 and not before(u)[at + len(name) : at + len(name) + 1].isdigit()

    labelled = [u for u in turns if ":" in before(u) or "：" in before(u) or "】" in before(u)]
    if any(u.speaker == _s.AGENT for u in labelled):
        return found
    name = interlocutor(labelled, said_by, unknown, _s.CUSTOMER)
    if not name:
        return found
    for u in turns:
        if u.speaker == _s.UNKNOWN and said_by(u, name):
            u.speaker, u.agent = _s.AGENT, True
    return {"(name, ())" if pair else "name"}
"""
freeform.write_text(text, encoding="utf-8")
