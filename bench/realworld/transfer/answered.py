"""Round 36 (session 23, lintacc38) as it was transfer-tested: in a labelled dialogue, the unknown label whose turns
the customer's turns answer (two times or more, the customer never answering a known agent label, its first turn
greeting) is the agent's side (generator/lint/answered.py, asked by freeform.py before speakers.infer_agent).

Not landed (bench/README.md, Round 36): the module's source is carried here (SOURCE, as at lintacc38's freeze) and
written into the export as generator/lint/answered.py (its regex compiled with plain `re`: older code may have no
kept-regex cache) and has the export's freeform.py ask it before its own infer_agent (a wrapper of the name freeform.py imported,
returning what that version's infer_agent returns: a label, or a label and its points). Code without infer_agent
(no unknown speakers inferred yet) is left as it is.
"""

import sys
from pathlib import Path

SOURCE = '"""Whom the customer answers: in a labelled dialogue, the label whose turns the customer\'s turns answer is the agent.\n\nA label the speaker tables do not know is never the agent\'s (`speakers`), and `speakers.infer_agent` takes one for\nthe agent only in a file without any known agent label, when its first turn, among the file\'s first, greets and\nintroduces. A service standard written as a dialogue breaks both: a golf club\'s caddie flow labels the caddie 服 and\nthe guest 客 (a known customer label), opens with a page of procedure, and has two staff members (库服, 前台) talk over\nthe radio between the caddie\'s lines — so the caddie\'s greeting and identity check were nobody\'s. Who the customer\nspeaks to is the other side of the call: an unknown label that the customer\'s turns answer, two times or more, is the\nagent, provided the customer never answers a known agent label (then that label is the agent, as before) and the\nlabel\'s first turn greets (the agent opens). Structural: what is read is who speaks after whom, not a new word.\n\nPASS (the caddie\'s lines are the agent\'s: 您好 and the identity check found)::\n\n    地库服务流程:(现服:现场服务人员,库服:地库服务人员)\n    服:(您好:是xx先生/小姐吗?)\n    客:是\n    服:(您好我是xxx球童很高兴为您服务…)\n    库服:xxx收到请讲\n    前台:收到请讲\n    服:(您好欢迎xxx俱乐部,您好:是xxx先生/小姐预约的是吗?)\n    客:是或不是\n\nFAIL (left as before — the customer answers the known label 客服, whose the call is)::\n\n    客服：您好，这里是XX公司。\n    客户：你好。\n    记者：请问您满意吗？\n    客户：满意。\n"""\n\nfrom __future__ import annotations\n\nfrom huifang import regexcache\nfrom huifang.lint.utterance import AGENT, CUSTOMER\n\nUNKNOWN = "unknown"  # speakers.UNKNOWN (not imported: speakers is read before this module is)\nANSWERS_LEAST = 2  # one answer may be a bystander\'s; two are a dialogue\nGREETS = regexcache.compile(r"您好|你好|早上好|上午好|下午好|晚上好|欢迎光临|欢迎致电")\n\n\ndef customer_answers(turns: list, lines: list[str], unknown: dict) -> str:\n    """The unknown label the customer answers, its turns made the agent\'s (in place), or "" (nothing changed)."""\n    answered: dict[str, int] = {}\n    for before, u in zip(turns, turns[1:]):\n        if u.speaker != CUSTOMER:\n            continue\n        label = _label(before, lines)\n        if before.speaker == AGENT and label:\n            return ""  # the customer answers a known agent label: that one is the agent\n        if before.speaker == UNKNOWN:\n            name = _named(label, unknown)\n            if name:\n                answered[name] = answered.get(name, 0) + 1\n    chosen = [name for name, times in answered.items() if times >= ANSWERS_LEAST]\n    if len(chosen) != 1 or GREETS.search(unknown[chosen[0]].text) is None:\n        return ""\n    for u in turns:\n        if u.speaker == UNKNOWN and _named(_label(u, lines), unknown) == chosen[0]:\n            u.speaker, u.agent = AGENT, True\n    return chosen[0]\n\n\ndef _label(u, lines: list[str]) -> str:\n    """What a line has before its words when that ends in a label\'s colon or bracket, else ""."""\n    before = lines[u.line - 1][: u.col - 1] if 0 < u.line <= len(lines) else ""\n    return before if before.rstrip()[-1:] in (":", "：", "】") else ""\n\n\ndef _named(label: str, unknown: dict) -> str:\n    """The unknown label a line\'s label names — one that ends it, with no letter before it (库服 is not 服) — or ""."""\n    head = label.rstrip().rstrip(":：】*").rstrip()\n    for name in unknown:\n        if head.endswith(name) and not head[: len(head) - len(name)][-1:].isalnum():\n            return name\n    return ""\n'

root = Path(sys.argv[1])
source = SOURCE
source = source.replace("from huifang import regexcache\n", "import re\n").replace("regexcache.compile(", "re.compile(")
(root / "generator/lint/answered.py").write_text(source, encoding="utf-8")

speakers = (root / "generator/lint/speakers.py").read_text(encoding="utf-8")
freeform = root / "generator/lint/freeform.py"
text = freeform.read_text(encoding="utf-8")
if "def infer_agent(" not in speakers or "infer_agent(turns, lines, unknown)" not in text:
    sys.exit(0)  # nothing inferred in this version: nothing to extend
pair = "def infer_agent(turns: list, lines: list[str], unknown: dict) -> tuple[" in speakers
text += f"""

_infer_agent_r36 = infer_agent


def infer_agent(turns, lines, unknown):  # Round 36: the label the customer answers first
    from huifang.lint.answered import customer_answers

    name = customer_answers(turns, lines, unknown)
    if name:
        return {"(name, ())" if pair else "name"}
    return _infer_agent_r36(turns, lines, unknown)
"""
freeform.write_text(text, encoding="utf-8")
