"""The QA benchmark: calls per second per core, end to end, against the floor of merely parsing the files.

    python bench/qa/run.py                                   # 1k and 10k in every format, 100k WhisperX
    python bench/qa/run.py --sizes 1000 --formats whisperx --big 0

For each size and format (corpus from make_calls.py, made on first use), each in a fresh process:
- floor: read every file and parse it (json.loads, or decode the text): the least any tool must do;
- qa: read, roles, script choice, the linter's rules, questions, metrics, score, one JSON document per
  call written out (what `huifang qa --format json` does per call), in one process;
- qa --script: the same with the script given (a manifest or --script), so no script is searched for;
- cli: `huifang qa --no-db --format json --out /dev/null` on the folder with --jobs 1 and --jobs 2 (wall).
Per-core rates use the process's CPU time (user + system), so other jobs on a shared machine do not count;
memory is the peak resident set of the process. Results: bench/out/qa.json and a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(HERE))
import make_calls  # noqa: E402

PYTHON = sys.executable


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def files_of(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.iterdir())


def mode_floor(folder: Path) -> dict:
    files = files_of(folder)
    start = cpu()
    for name in files:
        with open(name, "rb") as handle:
            raw = handle.read()
        if name.endswith(".json"):
            json.loads(raw)
        else:
            raw.decode("utf-8")
    return {"calls": len(files), "cpu_s": cpu() - start, "peak_mb": peak_mb()}


class _Discard:
    """Where the JSON goes: written (encoded, as to a file) and dropped."""

    def write(self, text: str) -> None:
        text.encode("utf-8")


def mode_qa(folder: Path, script: str | None) -> dict:
    from huifang.project import load_project
    from huifang.qa.readers import read
    from huifang.qa.record import public, record
    from huifang.qa.session import Session

    session = Session(load_project(REPO).project, script=script)
    files = files_of(folder)
    session.judge(read(files[0]))  # build the phrase automaton and the script index before timing
    sink = _Discard()
    start = cpu()
    scores = 0.0
    for name in files:
        r = record(session.judge(read(name)))
        scores += r["score"]
        sink.write(json.dumps(public(r), ensure_ascii=False, indent=2))
    return {"calls": len(files), "cpu_s": cpu() - start, "peak_mb": peak_mb(), "mean_score": scores / len(files)}


def in_process(mode: str, folder: Path, script: str | None = None) -> dict:
    args = [PYTHON, __file__, "--mode", mode, "--folder", str(folder)] + (["--script", script] if script else [])
    result = subprocess.run(args, capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(result.stdout)


def cli(folder: Path, jobs: int) -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", PYTHON, "-m", "huifang", "qa", "--project", str(REPO),
                             "--no-db", "--format", "json", "--out", str(OUT / "qa-cli.json"), "--jobs", str(jobs), str(folder)],
                            capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - start
    rss, user, system = result.stderr.strip().splitlines()[-1].split()
    return {"wall_s": wall, "cpu_s": float(user) + float(system), "peak_mb": int(rss) / 1024,
            "exit": result.returncode}


def rate(x: dict) -> float:
    return x["calls"] / x["cpu_s"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["floor", "qa"])
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--script", default=None)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--formats", nargs="*", default=list(make_calls.FORMATS))
    parser.add_argument("--big", type=int, default=100000, help="also this size, WhisperX only (0: skip)")
    parser.add_argument("--no-cli", action="store_true")
    args = parser.parse_args()
    if args.mode == "floor":
        print(json.dumps(mode_floor(args.folder)))
        return
    if args.mode == "qa":
        print(json.dumps(mode_qa(args.folder, args.script)))
        return
    plan = [(size, fmt) for size in args.sizes for fmt in args.formats]
    if args.big:
        plan.append((args.big, "whisperx"))
    rows = []
    print(f"load average before: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)", file=sys.stderr)
    for size, fmt in plan:
        folder = make_calls.make(size, [fmt]) / fmt
        floor = in_process("floor", folder)
        qa = in_process("qa", folder)
        given = in_process("qa", folder, "taikang-xinqiyue-huifang")
        row = {"size": size, "format": fmt, "floor": floor, "qa": qa, "qa_script": given,
               "load": os.getloadavg()[0]}
        if not args.no_cli and size <= 10000:
            row["cli1"], row["cli2"] = cli(folder, 1), cli(folder, 2)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "qa.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print("| calls | format | floor (calls/s/core) | qa (calls/s/core) | × floor | qa, script given | peak MB floor / qa "
          "| CLI wall, 1 / 2 jobs (s) | CLI calls/s, 2 jobs |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        f, q, g = r["floor"], r["qa"], r["qa_script"]
        line = (f"| {r['size']:,} | {r['format']} | {rate(f):,.0f} | {rate(q):,.0f} | {rate(f) / rate(q):.1f} | "
                f"{rate(g):,.0f} | {f['peak_mb']:.0f} / {q['peak_mb']:.0f} |")
        if "cli1" in r:
            line += f" {r['cli1']['wall_s']:.1f} / {r['cli2']['wall_s']:.1f} | {r['size'] / r['cli2']['wall_s']:,.0f} |"
        else:
            line += " — | — |"
        print(line)


if __name__ == "__main__":
    main()
