"""Round 11 (forbidden lines), change 1 as it was transfer-tested: in a story, picking up the phone introduces the
quote after it, a verb of scorn (嘲讽) is a verb of speaking, a clause that goes on with the subject before it (拉着…的手说,
连忙说) gives the quote to that subject, and a quote given to someone by a pronoun only makes the file a story
(generator/lint/story.py, copied from this tree). Code without story.py gets round 9's change first (story.py here).

Run by first_sight.py in an export of old code: python story13.py EXPORT_ROOT.
"""

import runpy
import sys
from pathlib import Path

root = Path(sys.argv[1])
if (root / "generator/lint/story.py").exists():
    source = (Path(__file__).resolve().parents[3] / "generator/lint/story.py").read_text(encoding="utf-8")
    (root / "generator/lint/story.py").write_text(source, encoding="utf-8")
else:
    runpy.run_path(str(Path(__file__).with_name("story.py")), run_name="__main__")
