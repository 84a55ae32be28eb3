"""bench/realworld/first_sight.py: a spent set on the code it was first measured with, with and without an edit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "bench" / "realworld" / "first_sight.py"
COMMIT = "17fd0b3"  # set 7's first measurement (bench/README.md: 52 / 14 / 16, 0.79 / 0.76)


def have_commit() -> bool:
    return subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", COMMIT], capture_output=True).returncode == 0


pytestmark = pytest.mark.skipif(not have_commit(), reason="a shallow clone without the history")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), "--set", "heldout7", *args], capture_output=True, text=True)


def test_set_seven_reads_as_it_did_at_first_sight():
    done = run()
    assert done.returncode == 0, done.stderr
    assert "| **all opening/closing** | 52 | 14 | 16 | 153 | **0.79** | **0.76** |" in done.stdout


def test_an_edit_is_applied_to_the_old_code_and_one_that_fails_is_reported(tmp_path):
    generic = REPO / "bench" / "realworld" / "transfer" / "generic_org.py"
    done = run("--edit", str(generic), "-v")
    assert done.returncode == 0, done.stderr
    assert "| gongsi | 9 | 3 | 5 |" in done.stdout  # two false companies of set 7 gone, no true one lost
    broken = tmp_path / "broken.py"
    broken.write_text("raise SystemExit('no such code')\n", encoding="utf-8")
    done = run("--edit", str(broken))
    assert done.returncode == 1 and "failed on 17fd0b3" in done.stdout and "no such code" in done.stdout


@pytest.mark.skipif(
    subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", "1d87431"], capture_output=True).returncode != 0,
    reason="a shallow clone without the history",
)
def test_round_nines_edits_apply_to_set_eights_first_sight_code():
    # the four changes of round 9 as they were transfer-tested (bench/README.md: 37 / 13 / 15 -> 45 / 12 / 7)
    edits = [
        arg
        for name in ("signature", "late_opening", "narration", "staff")
        for arg in ("--edit", str(REPO / "bench" / "realworld" / "transfer" / f"{name}.py"))
    ]
    done = subprocess.run([sys.executable, str(SCRIPT), "--set", "heldout8", *edits], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "| **all opening/closing** | 45 | 12 | 7 | 171 | **0.79** | **0.87** |" in done.stdout
