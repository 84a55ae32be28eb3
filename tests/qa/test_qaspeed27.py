"""Session 27's qa round (bench/README.md, qa, Round 36): `huifang qa`'s own process runs the cycle collector every
50,000 net allocations, as lint's does, and judges the calls as it did at the default."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CALLS = ROOT / "tests" / "qa" / "fixtures" / "calls"

# The process's own command (`_main(None)`), which ends with `os._exit` (`cli.leave`, Round 39): the threshold is
# said by an exit handler, which `leave` runs.
RUN = """
import atexit, gc, sys
from huifang import cli
if sys.argv[1] == "default":
    cli._collector_rarely = lambda: None  # the collector as Python sets it, to compare the output with
sys.argv = ["huifang", "qa", "--project", sys.argv[2], "--no-db", "--format", "json", "--jobs", "1",
            "--out", sys.argv[3], sys.argv[4]]
atexit.register(lambda: print(gc.get_threshold()[0]))
raise SystemExit(cli._main(None))
"""


def _qa(tmp_path: Path, how: str) -> tuple[str, bytes]:
    out = tmp_path / f"{how}.json"
    done = subprocess.run(
        [sys.executable, "-c", RUN, how, str(ROOT), str(out), str(CALLS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout.split()[-1], out.read_bytes()


def test_qa_runs_the_collector_rarely_and_judges_alike(tmp_path):
    rarely, judged = _qa(tmp_path, "rarely")
    default, judged_default = _qa(tmp_path, "default")
    assert rarely == "50000"
    assert default == "700"
    assert judged == judged_default and judged
