"""The QA benchmark: calls per second per core, end to end, against the floor of merely parsing the files.

    python bench/qa/run.py --before 7813e5a        # 1k and 10k in every format, 100k WhisperX; and an old commit
    python bench/qa/run.py --sizes 1000 --formats whisperx --big 0

For each size and format (corpus from make_calls.py, made on first use), each in a fresh process:
- floor: read every file and parse it (json.loads, or decode the text): the least any tool must do;
  for text and SRT also *floor-lines*: split the lines (SRT: blocks and time stamps) and speaker labels;
- qa: read, roles, script choice, the linter's rules, questions, metrics, score, tally and one JSON document
  per call written out (what `huifang qa --format json` does per call), in one process;
- qa before: the same with the package of an earlier commit (`--before REF`), in the same run;
- qa --script: the same with the script given (a manifest or --script), so no script is searched for;
- cli: `huifang qa --no-db --format json --out …` on the folder with --jobs 1 and --jobs 2 (wall).
Per-core rates use the process's CPU time (user + system), so other jobs on a shared machine do not count;
memory is the peak resident set of the process. Results: bench/out/qa.json and a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
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


SRT_HEAD = re.compile(r"^\d+\n(\d\d):(\d\d):(\d\d)[,.](\d{3}) --> (\d\d):(\d\d):(\d\d)[,.](\d{3})\n", re.M)


def mode_floor_lines(folder: Path) -> dict:
    """The least a reader of text or SRT must do beyond decoding: split the lines (SRT: its blocks and
    their two time stamps) and each line's speaker label from its words. For JSON this is the plain floor."""
    files = files_of(folder)
    start = cpu()
    for name in files:
        with open(name, "rb") as handle:
            text = handle.read().decode("utf-8")
        if name.endswith(".srt"):
            for block in text.split("\n\n"):
                head = SRT_HEAD.match(block + "\n")
                if head is not None:
                    h, m, sec, ms = head.groups()[:4]
                    (int(h) * 3600 + int(m) * 60 + int(sec) + int(ms) / 1000)
                    block[head.end() :].partition("]: ")
        elif name.endswith(".txt"):
            for line in text.splitlines():
                line.partition("：")
        else:
            json.loads(text)
    return {"calls": len(files), "cpu_s": cpu() - start, "peak_mb": peak_mb()}


def mode_qa(folder: Path, script: str | None) -> dict:
    """What `huifang qa --no-db --format json` does per call, in process: read, judge, record, tally and
    write the call's JSON (to nowhere, encoded as for a file). Works with the code of an earlier commit too
    (`--before`), so both are measured in one run."""
    from huifang.project import load_project
    from huifang.qa.output import JsonStream, Tally
    from huifang.qa.readers import read
    from huifang.qa.record import record
    from huifang.qa.session import Session

    session = Session(load_project(REPO).project, script=script)
    files = files_of(folder)
    session.judge(read(files[0]))  # build the phrase automaton and the script index before timing
    stream, tally = JsonStream(_discard), Tally()
    start = cpu()
    for name in files:
        r = record(session.judge(read(name)))
        tally.add(r)
        stream.call(r)
    return {"calls": len(files), "cpu_s": cpu() - start, "peak_mb": peak_mb(), "mean_score": tally.total / len(files)}


def _discard(text: str) -> None:
    text.encode("utf-8")


def in_process(mode: str, folder: Path, script: str | None = None, code: Path | None = None) -> dict:
    """One measurement in a fresh process; `code`: a folder whose `huifang` is an earlier commit's package."""
    args = [PYTHON, __file__, "--mode", mode, "--folder", str(folder)] + (["--script", script] if script else [])
    env = dict(os.environ, PYTHONPATH=str(code)) if code is not None else None
    result = subprocess.run(args, capture_output=True, text=True, check=True, cwd=REPO, env=env)
    return json.loads(result.stdout)


def earlier(ref: str) -> Path:
    """The package as it was at `ref`, unpacked under bench/out/ (the installed finder yields to PYTHONPATH)."""
    top = OUT / f"before-{ref}"
    if not (top / "huifang").is_dir():
        top.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", ref, "generator"], capture_output=True, check=True, cwd=REPO)
        subprocess.run(["tar", "-x", "-C", str(top)], input=archive.stdout, check=True)
        (top / "generator").rename(top / "huifang")
    return top


def cli(folder: Path, jobs: int) -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    result = subprocess.run(
        [
            "/usr/bin/time",
            "-f",
            "%M %U %S",
            PYTHON,
            "-m",
            "huifang",
            "qa",
            "--project",
            str(REPO),
            "--no-db",
            "--format",
            "json",
            "--out",
            str(OUT / "qa-cli.json"),
            "--jobs",
            str(jobs),
            str(folder),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    wall = time.perf_counter() - start
    rss, user, system = result.stderr.strip().splitlines()[-1].split()
    return {"wall_s": wall, "cpu_s": float(user) + float(system), "peak_mb": int(rss) / 1024, "exit": result.returncode}


def rate(x: dict) -> float:
    return x["calls"] / x["cpu_s"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["floor", "floor-lines", "qa"])
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--script", default=None)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--formats", nargs="*", default=list(make_calls.FORMATS))
    parser.add_argument("--big", type=int, default=100000, help="also this size, WhisperX only (0: skip)")
    parser.add_argument("--no-cli", action="store_true")
    parser.add_argument("--cli-sizes", type=int, nargs="*", default=[1000, 10000], help="sizes to run the CLI on")
    parser.add_argument("--before", default=None, metavar="REF", help="also measure the code of this commit")
    parser.add_argument("--before-sizes", type=int, nargs="*", default=None, help="sizes to measure --before on")
    parser.add_argument(
        "--script-sizes", type=int, nargs="*", default=None, help="sizes to measure with the script given"
    )
    parser.add_argument("--out", default="qa.json", help="file name under bench/out/")
    args = parser.parse_args()
    if args.mode == "floor":
        print(json.dumps(mode_floor(args.folder)))
        return
    if args.mode == "floor-lines":
        print(json.dumps(mode_floor_lines(args.folder)))
        return
    if args.mode == "qa":
        print(json.dumps(mode_qa(args.folder, args.script)))
        return
    plan = [(size, fmt) for size in args.sizes for fmt in args.formats]
    if args.big:
        plan.append((args.big, "whisperx"))
    rows = []
    before = earlier(args.before) if args.before else None
    print(f"load average before: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)", file=sys.stderr)
    for size, fmt in plan:
        folder = make_calls.make(size, [fmt]) / fmt
        row = {"size": size, "format": fmt, "load": [round(os.getloadavg()[0], 1)]}
        row["floor"] = in_process("floor", folder)
        if fmt in ("srt", "text"):
            row["floor_lines"] = in_process("floor-lines", folder)
        if before is not None and size in (args.sizes if args.before_sizes is None else args.before_sizes):
            row["qa_before"] = in_process("qa", folder, code=before)
        row["qa"] = in_process("qa", folder)
        if size in (args.sizes if args.script_sizes is None else args.script_sizes):
            row["qa_script"] = in_process("qa", folder, "taikang-xinqiyue-huifang")
        if not args.no_cli and size in args.cli_sizes:
            row["cli1"], row["cli2"] = cli(folder, 1), cli(folder, 2)
        row["load"].append(round(os.getloadavg()[0], 1))
        rows.append(row)
        print(json.dumps(row), file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / args.out).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(table(rows))


def table(rows: list[dict]) -> str:
    lines = [
        "| calls | format | floor (calls/s/core) | qa before | qa after | after ÷ floor | after, script given "
        "| peak MB floor / after | CLI wall, 1 / 2 jobs (s) | CLI CPU (s) | CLI peak MB | load |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        f, q = r["floor"], r["qa"]
        floor = f"{rate(f):,.0f}"
        ratio = f"{rate(f) / rate(q):.1f}×"
        if "floor_lines" in r:
            floor += f" ({rate(r['floor_lines']):,.0f})"
            ratio += f" ({rate(r['floor_lines']) / rate(q):.1f}×)"
        old = f"{rate(r['qa_before']):,.0f}" if "qa_before" in r else "—"
        given = f"{rate(r['qa_script']):,.0f}" if "qa_script" in r else "—"
        cli = (
            (
                f"{r['cli1']['wall_s']:.1f} / {r['cli2']['wall_s']:.1f} | {r['cli1']['cpu_s']:.1f} | "
                f"{r['cli1']['peak_mb']:.0f}"
            )
            if "cli1" in r
            else "— | — | —"
        )
        lines.append(
            f"| {r['size']:,} | {r['format']} | {floor} | {old} | {rate(q):,.0f} | {ratio} | {given} | "
            f"{f['peak_mb']:.0f} / {q['peak_mb']:.0f} | {cli} | {r['load'][0]:g}–{r['load'][1]:g} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
