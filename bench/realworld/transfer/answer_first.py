"""Round 20 (lintacc23): the organisation said first, then the greeting or the service offer (lint/caller.py's
answer reading: 「赛里木湖景区你好」「台中市政府卫生局『您好！…』」「海底捞某某店，小李很高兴为您服务」), as transfer-tested.

Run by first_sight.py in an export of old code: python answer_first.py EXPORT_ROOT. Code without the slot (sets
3–15's first-sight commits) gets round 14's slot with this tree's caller.py (caller_slot.py, run here); code with it
(set 16's) gets this tree's caller.py and gazetteer copied over its own, the names it takes from lint/standards
written in as literals. The baseline of a transfer table is the same edit run from a tree with main's caller.py.
"""

import re
import runpy
import sys
from pathlib import Path

from huifang.lint import caller, standards

root = Path(sys.argv[1])
lint = root / "generator/lint"
if not (lint / "caller.py").exists() or "in_slot" not in (lint / "standards.py").read_text(encoding="utf-8"):
    sys.argv = [str(Path(__file__).with_name("caller_slot.py")), str(root)]
    runpy.run_path(sys.argv[0], run_name="__main__")
    sys.exit(0)
source = Path(caller.__file__).read_text(encoding="utf-8")
imported = re.search(r"    from huifang\.lint\.standards import \(?([\w\s,]+?)\)?\n(?=\n)", source)
if imported is None:
    sys.exit("caller.py has changed: update this edit")
names = [n.strip() for n in imported.group(1).split(",") if n.strip()]
source = source.replace(imported.group(), "".join(f"    {name} = {getattr(standards, name)!r}\n" for name in names))
(lint / "caller.py").write_text(source, encoding="utf-8")
(lint / "organisations.txt").write_text(caller.DATA.read_text(encoding="utf-8"), encoding="utf-8")
