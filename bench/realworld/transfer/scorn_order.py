"""Round 11 (forbidden lines), change 4 as it was transfer-tested: the pack's 不会用就别用 found with words inserted
(「不懂电脑就别用网银」: any_order [[就别用, 就不要用], [不会用, 不懂]]). Needs the pack entry (code from 5cf8fc1 on); older code is left as it is (n/a).

Run by first_sight.py in an export of old code: python scorn_order.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

path = Path(sys.argv[1]) / "generator/lint/packs/service-taboos.yaml"
text = path.read_text(encoding="utf-8")
old = "    variants: [这么简单都不会, 不会用就别用]\n"
if old not in text:
    sys.exit(0)  # no such pack entry in this code: n/a
text = text.replace(old, old + "    any_order: [[就别用, 就不要用], [不会用, 不懂]]\n", 1)
path.write_text(text, encoding="utf-8")
