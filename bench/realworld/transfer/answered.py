"""Round 36 (session 23, lintacc38) as it was transfer-tested: in a labelled dialogue, the unknown label whose turns
the customer's turns answer (two times or more, the customer never answering a known agent label, its first turn
greeting) is the agent's side (generator/lint/answered.py, asked by freeform.py before speakers.infer_agent).

Run by first_sight.py in an export of old code: python answered.py EXPORT_ROOT. Copies this tree's
generator/lint/answered.py into the export (its regex compiled with plain `re`: older code may have no kept-regex
cache) and has the export's freeform.py ask it before its own infer_agent (a wrapper of the name freeform.py imported,
returning what that version's infer_agent returns: a label, or a label and its points). Code without infer_agent
(no unknown speakers inferred yet) is left as it is.
"""

import sys
from pathlib import Path

here = Path(__file__).resolve().parents[3]
root = Path(sys.argv[1])
source = (here / "generator/lint/answered.py").read_text(encoding="utf-8")
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
