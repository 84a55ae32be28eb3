"""Round 23 (forbidden lines, branch lintfb28) as it was transfer-tested: generator/lint/mention.py and
generator/lint/offered.py as this round left them (commit 0243dce), written over the export. Run it after main's
forbidden-line edits (story13.py whose13.py mention13.py offered.py scorn_order.py pack13.py said_label.py options.py
word_edges.py saying.py inserted_words.py taboo_families.py), whose copies of those two modules it replaces: words
thought (心想, 心里咯噔) are not said; a quote after one of the public acting and a colon, or one that calls a service
worker by role (「“医生，…”」), is not the agent's; many agents' habit (很多坐席…就说) is not one occasion; more words
that name a quoted phrase as the thing to avoid (忌讳, 生气, 往往让, 这三句话, 这四个字, 戒掉, 出口, 难受, 扣2分,
（不恰当）, “…”这种话, 从来没有说过“…”); not knowing passed on (帮您转给) or written down (我记录下来, 通知您) is
an offer.

Run by first_sight.py in an export of old code: python fb28.py EXPORT_ROOT.
"""

import subprocess
import sys
from pathlib import Path

COMMIT = "0243dcef5ea8c3cc0e5d7995b7ef911e42903272"
root = Path(sys.argv[1])
repo = Path(__file__).resolve().parents[3]
for module in ("mention.py", "offered.py"):
    source = subprocess.run(
        ["git", "-C", str(repo), "show", f"{COMMIT}:generator/lint/{module}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if not (root / "generator/regexcache.py").exists():
        source = source.replace("from huifang import regexcache", "import re as regexcache")
    (root / "generator/lint" / module).write_text(source, encoding="utf-8")
