"""Round 23 (lintacc28) as it was transfer-tested: the shape of a line (generator/lint/shape.py, copied from this
tree): in a line whose frame around its quotes speaks to nobody and reads as prose (a rule book's text, a story's
narration), only the quotes are the agent's words, each read alone, less a quote the frame gives to the customer or
the public; `standards.find_elements` looks for elements (but gongsi) only there.

Run by first_sight.py in an export of old code: python shape.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
source = (Path(__file__).resolve().parents[3] / "generator/lint/shape.py").read_text(encoding="utf-8")
if not (root / "generator/regexcache.py").exists():
    source = source.replace("from huifang import regexcache", "import re as regexcache")
(root / "generator/lint/shape.py").write_text(source, encoding="utf-8")

path = root / "generator/lint/standards.py"
text = path.read_text(encoding="utf-8")
old = """            span = detector.search(u.folded)
            if span is not None:
"""
new = """            span = detector.search(u.folded)
            if span is not None:
                from huifang.lint import shape as _shape

                ranges = None if element.id in _shape.ANYWHERE else _shape.said(u.folded)
                if ranges is not None:
                    span = _shape.search(detector, u.folded, ranges)
                    if span is None:
                        continue
"""
assert text.count(old) == 1, "no place to apply the change"
path.write_text(text.replace(old, new), encoding="utf-8")
