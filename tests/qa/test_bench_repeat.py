"""`bench/qa/run.py --repeat N`: floor and qa measured in interleaved rounds on the same files, each round's ratio
and the median of them; the round shown in the main table is the median one."""

from __future__ import annotations

import importlib.util
import shutil
import sys

from tests.conftest import REPO
from tests.qa.conftest import FIXTURES

BENCH = REPO / "bench" / "qa"


def bench_run():
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("bench_qa_run", BENCH / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measured(floor: float, qa: float, before: float | None = None) -> dict:
    one = {"floor": {"cpu_s": floor}, "qa": {"cpu_s": qa}}
    if before is not None:
        one["qa_before"] = {"cpu_s": before}
    return one


def test_each_rounds_ratio_and_the_median():
    run = bench_run()
    rounds = [measured(1.0, 6.0, 7.0), measured(2.0, 9.0, 10.0), measured(0.5, 4.0, 5.0)]
    out = run.ratios(rounds)
    assert out["qa_ratios"] == [6.0, 4.5, 8.0]
    assert out["qa_median"] == 6.0
    assert out["qa_before_ratios"] == [7.0, 5.0, 10.0]
    assert out["qa_before_median"] == 7.0
    assert run.middle_round(rounds) is rounds[0]
    assert run.median([3.0, 1.0, 2.0, 10.0]) == 2.5
    assert run.middle_round(rounds[:2]) is rounds[1]  # of two, the lower ratio
    assert "qa_before_ratios" not in run.ratios([measured(1.0, 2.0), measured(1.0, 3.0, 4.0)])


def test_the_instruction_ratio_in_the_table():
    run = bench_run()
    row = {"size": 100, "format": "whisperx", "floor_i": 500e3, "qa_i": 3e6, "ratio_i": 6.0, "floor_msgspec_i": 300e3}
    row |= {"qa_before_i": 3.5e6, "ratio_before_i": 7.0}
    line = run.repeat_table([row]).splitlines()[-1]
    assert "500.0 k / 3.0000 M (3.5000 M); msgspec floor 300.0 k" in line
    assert "**6.00×** (7.00×); ÷ msgspec floor 10.00×" in line


def test_rounds_interleave_real_processes(tmp_path):
    """Two rounds of the real floor and the real command on two transcripts: a ratio each, the median of both."""
    run = bench_run()
    folder = tmp_path / "calls"
    folder.mkdir()
    for fixture in sorted((FIXTURES / "calls").iterdir())[:2]:
        shutil.copyfile(fixture, folder / fixture.name)
    out = run.rounds(folder, 2, None)
    assert len(out["rounds"]) == 2
    for one in out["rounds"]:
        assert one["floor"]["calls"] == one["qa"]["calls"] == 2
        assert one["qa"]["exit"] in (0, 1)
    assert out["qa_median"] == run.median(out["qa_ratios"]) > 0
    table = run.repeat_table([{"size": 2, "format": "text", **out}])
    assert f"**{out['qa_median']:.2f}×**" in table
