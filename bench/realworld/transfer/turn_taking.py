"""Round 36b (session 23, lintacc38) as it was transfer-tested: in a story of a call, after the quote that opens the
call as the agent does, the quotes that follow it with nothing between take turns (generator/lint/turntaking.py,
asked by spoken.py for a quote the narration names nobody for).

Run by first_sight.py in an export of old code, after spoken.py (which copies this tree's spoken.py, the one that asks
turntaking): python turn_taking.py EXPORT_ROOT. Writes this tree's generator/lint/turntaking.py into the export with
the two patterns it takes from story.py (OPENS_CALL, CALLER_INTRO) compiled in it from this tree's text (older
story.py has neither), and normalize.fold from the export (every version has it). transfer/spoken.py runs this too.
"""

import sys
from pathlib import Path

from huifang.lint import story  # this tree's: the edit runs with this tree's huifang

here = Path(__file__).resolve().parents[3]
root = Path(sys.argv[1])
source = (here / "generator/lint/turntaking.py").read_text(encoding="utf-8")
head = "from huifang.lint.story import CALLER_INTRO, OPENS_CALL\n"
if source.count(head) != 1:
    sys.exit("turntaking.py: no import of story's patterns to replace")
patterns = "import re\n\n" + "".join(
    f"{name} = re.compile({getattr(story, name).pattern!r}, {getattr(story, name).flags})\n"
    for name in ("OPENS_CALL", "CALLER_INTRO")
)
(root / "generator/lint/turntaking.py").write_text(source.replace(head, patterns), encoding="utf-8")
