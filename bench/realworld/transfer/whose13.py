"""Round 11 (forbidden lines), change 8 as it was transfer-tested: a name with the customer's role after it
(「小王（客户）：」) is the customer's label (generator/lint/whose.py, copied from this tree). Code without whose.py
gets round 9's change first (whose.py here).

Run by first_sight.py in an export of old code: python whose13.py EXPORT_ROOT.
"""

import runpy
import sys
from pathlib import Path

root = Path(sys.argv[1])
if (root / "generator/lint/whose.py").exists():
    source = (Path(__file__).resolve().parents[3] / "generator/lint/whose.py").read_text(encoding="utf-8")
    (root / "generator/lint/whose.py").write_text(source, encoding="utf-8")
else:
    runpy.run_path(str(Path(__file__).with_name("whose.py")), run_name="__main__")
