"""The QA benchmark: `huifang qa` end to end against the floor of merely parsing the same files.

    python bench/qa/run.py --sizes 1000 10000 --big 100000     # the four JSON formats, 100k WhisperX
    python bench/qa/run.py --sizes 1000 --formats whisperx --big 0 --no-cli
    python bench/qa/run.py --vary ...      # the corpus where each call has its own details (make_calls --vary)
    python bench/qa/run.py --sizes 10000 --formats whisperx --big 0 --no-cli --vary --repeat 5 [--instructions]

For each size and format (corpus from make_calls.py, made on first use), each a fresh process, one after the
other on the same files:
- floor: `bench/qa/floor.py`, a whole process that walks the folder as `huifang qa` does, reads every file
  from disk and parses it with `json.loads` (text and SRT: decodes it): the least any tool must do;
- msgspec floor: the same process parsing with `msgspec.json.decode` (JSON formats only), the parser qa reads
  the common shapes with, so a ratio is also given against the faster ruler;
- qa: the real command, `huifang qa --no-db --format json --out FILE --jobs 1 FOLDER`, a whole process
  (start-up, loading the project, reading, roles, script search, the linter's rules, questions, metrics,
  score and the JSON file written). **The ratio is qa's CPU time over the floor's**, both whole processes;
- qa --script: the same command with `--script` (what a manifest's script column gives), no script search;
- qa before: the same command with the package of an earlier commit (`--before REF`), in the same run;
- qa compiled: the same command with a compiled package (`--compiled DIR`: a folder whose `huifang` has modules
  built by mypyc, put first on PYTHONPATH as `--before` does), in the same run, on this commit's project;
- inner loop (diagnosis only): the per-call loop in process, start-up and project loading left out, beside the
  in-process `json.loads` loop: where the per-call time goes, not the figure to quote;
- jobs 2: the same command with --jobs 2 (wall seconds; CPU summed over the workers).
With `--repeat N` each size and format is measured as N rounds, each a floor then a qa run (then qa before, with
`--before`) on the same files and with the same process setup, one round after the other: every round's ratio
is its own qa's CPU over its own floor's, and the figure to quote is the **median of the rounds' ratios** (the
floor alone moved ±30 % between runs on a shared host; a round's two processes run seconds apart, so they meet
the same host). `--instructions` adds the ratio by instructions, which the load does not move (`callgrind`
below): the runs' CPU ratios say what a user waits for, start-up included; the instruction ratio is per call only.
Per-core rates are calls over CPU time (user + system, children included), so other jobs on a shared machine
count less; memory is the peak resident set. Results: bench/out/<--out> and a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from statistics import median

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


def _discard(data: str | bytes) -> None:
    if isinstance(data, str):  # a call's JSON comes as UTF-8 bytes (as the command writes it), the rest as text
        data.encode("utf-8")


def in_process(mode: str, folder: Path, script: str | None = None, code: Path | None = None) -> dict:
    """One measurement in a fresh process; `code`: a folder whose `huifang` is an earlier commit's package."""
    args = [PYTHON, __file__, "--mode", mode, "--folder", str(folder)] + (["--script", script] if script else [])
    env = dict(os.environ, PYTHONPATH=str(code)) if code is not None else None
    result = subprocess.run(args, capture_output=True, text=True, check=True, cwd=REPO, env=env)
    return json.loads(result.stdout)


def earlier(ref: str) -> Path:
    """The package as it was at `ref`, unpacked under bench/out/ (the installed finder yields to PYTHONPATH), with
    that commit's project beside it (content/, huifang.yaml, scripts_src/): an earlier code refuses a rule book
    with keys it does not know, so it is run on its own."""
    top = OUT / f"before-{ref}"
    if not (top / "huifang").is_dir() or not (top / "content").is_dir():
        shutil.rmtree(top, ignore_errors=True)
        top.mkdir(parents=True, exist_ok=True)
        parts = ["generator", "content", "huifang.yaml", "scripts_src"]
        archive = subprocess.run(["git", "archive", ref, *parts], capture_output=True, check=True, cwd=REPO)
        subprocess.run(["tar", "-x", "-C", str(top)], input=archive.stdout, check=True)
        (top / "generator").rename(top / "huifang")
    return top


def timed(args: list[str], env: dict | None = None) -> dict:
    """A command as a whole process: CPU seconds (user + system, its waited-for children included, from
    wait4's rusage: microseconds, where /usr/bin/time rounds to 10 ms), wall, peak RSS."""
    env = dict(os.environ if env is None else env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode: let the warm-up write it
    # A content cache of the bench's own: the user's is shared by every checkout on the machine, and a test run
    # that makes some thirty temporary projects pushes every other entry out, so a timed run found its
    # project's entry gone now and then and loaded the project afresh (≈ 0.3 s, a 42 MB peak against 32).
    env["XDG_CACHE_HOME"] = str(OUT / "cache")
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO, env=env)
    assert child.stderr is not None
    err = child.stderr.read()  # the command's few lines; read before waiting, so a full pipe cannot block it
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "exit": child.returncode,
        "stderr": err.decode("utf-8", "replace")[-500:] if child.returncode not in (0, 1) else "",
    }


def floor_process(folder: Path, parser: str = "json") -> dict:
    out = timed([PYTHON, str(HERE / "floor.py"), str(folder), parser])
    out["calls"] = len(files_of(folder))
    return out


def cli(
    folder: Path, jobs: int = 1, script: str | None = None, code: Path | None = None, own_project: bool = True
) -> dict:
    """`huifang qa --no-db --format json --out … --jobs N FOLDER` as a user runs it (`code`: an earlier package,
    with its commit's project beside it; `own_project=False`: a package of this commit, a compiled one)."""
    OUT.mkdir(parents=True, exist_ok=True)
    project = REPO if code is None or not own_project else code  # an earlier package reads its own commit's project
    args = [PYTHON, "-m", "huifang", "qa", "--project", str(project), "--no-db", "--format", "json"]
    args += ["--out", str(OUT / "qa-cli.json"), "--jobs", str(jobs)] + (["--script", script] if script else [])
    env = dict(os.environ, PYTHONPATH=str(code)) if code is not None else None
    out = timed(args + [str(folder)], env)
    if out["exit"] not in (0, 1):  # 1: some call failed its QA, as expected on this corpus
        raise SystemExit(f"huifang qa exited {out['exit']} on {folder}: {out['stderr']}")
    out["calls"] = len(files_of(folder))
    return out


def rounds(folder: Path, repeat: int, before: Path | None) -> dict:
    """`repeat` rounds of (floor, qa[, qa before]) on `folder`, interleaved: each round's CPU ratios and their medians."""
    out: dict = {"rounds": []}
    for _ in range(repeat):
        one = {"floor": floor_process(folder), "qa": cli(folder)}
        if before is not None:
            one["qa_before"] = cli(folder, code=before)
        out["rounds"].append(one)
    out.update(ratios(out["rounds"]))
    return out


def ratios(measured: list[dict]) -> dict:
    """Each round's qa CPU ÷ its floor's CPU (and qa before's), and the median of each."""
    out: dict = {}
    for key in ("qa", "qa_before"):
        if all(key in r for r in measured):
            each = [r[key]["cpu_s"] / r["floor"]["cpu_s"] for r in measured]
            out[f"{key}_ratios"] = each
            out[f"{key}_median"] = median(each)
    return out


def middle_round(measured: list[dict]) -> dict:
    """The round whose qa ÷ floor ratio is the median (of an even count, the lower of the middle two)."""
    by_ratio = sorted(measured, key=lambda r: r["qa"]["cpu_s"] / r["floor"]["cpu_s"])
    return by_ratio[(len(by_ratio) - 1) // 2]


# The instruction recipe (Round 31 on): callgrind counts every instruction of a whole process, whatever the load.
# A process is run on the folder's first SMALL and first LARGE files (copies in bench/out/); (I_large − I_small) ÷
# (LARGE − SMALL) is the instructions a call, start-up, loading and the first calls' one-off work cancelled out.
# The same for the floor (`floor.py`, json.loads); the ratio of the two is qa's per-call instructions over the
# floor's. PYTHONHASHSEED=0 (set iteration must not move the count), bytecode written, the bench's content cache,
# and each process run twice untimed first so both counts read warm caches.
SMALL, LARGE = 20, 100


def instructions(args: list[str], code: Path | None = None) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0", XDG_CACHE_HOME=str(OUT / "cache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    # Warm, twice: the first run of a code writes its bytecode and the content cache, the second (reading that cache)
    # the regexes and answers kept between runs (`kept.py`) that a run from the cache asks for; a count taken after
    # one warm run read ≈ 50 M high now and then (Round 31's note on a new code folder).
    for _ in range(2):
        subprocess.run(args, capture_output=True, cwd=REPO, env=env)
    grind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    done = subprocess.run(grind + args, capture_output=True, cwd=REPO, env=env)
    found = re.search(rb"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"callgrind gave no count for {' '.join(args)}: {done.stderr.decode()[-400:]}")
    return int(found.group(1))


def first_files(folder: Path, count: int) -> Path:
    """A copy of the folder's first `count` files (by name, as both programs walk it), under bench/out/."""
    top = OUT / "first" / f"{folder.parent.name}-{folder.name}-{count}"
    names = files_of(folder)[:count]
    if not top.is_dir() or sorted(p.name for p in top.iterdir()) != [Path(n).name for n in names]:
        shutil.rmtree(top, ignore_errors=True)
        top.mkdir(parents=True)
        for name in names:
            shutil.copyfile(name, top / Path(name).name)
    return top


def per_call_instructions(folder: Path, before: Path | None) -> dict:
    """Instructions a call by the recipe above: the floor's, qa's (and qa before's), and qa's over the floor's."""
    small, large = first_files(folder, SMALL), first_files(folder, LARGE)
    qa = [PYTHON, "-m", "huifang", "qa", "--project", str(REPO), "--no-db", "--format", "json", "--jobs", "1"]
    qa += ["--out", str(OUT / "qa-grind.json")]

    def per_call(args: list[str], code: Path | None = None, after: tuple[str, ...] = ()) -> float:
        """(I_large − I_small) ÷ (LARGE − SMALL) of `args FOLDER after…`."""
        large_i = instructions([*args, str(large), *after], code)
        return (large_i - instructions([*args, str(small), *after], code)) / (LARGE - SMALL)

    out = {"floor_i": per_call([PYTHON, str(HERE / "floor.py")]), "qa_i": per_call(qa)}
    out["ratio_i"] = out["qa_i"] / out["floor_i"]
    if folder.name not in ("srt", "text"):  # the JSON formats: the faster ruler too, as the main table gives it
        out["floor_msgspec_i"] = per_call([PYTHON, str(HERE / "floor.py")], after=("msgspec",))
    if before is not None:
        older = qa[:5] + [str(before)] + qa[6:]
        out["qa_before_i"] = per_call(older, before)
        out["ratio_before_i"] = out["qa_before_i"] / out["floor_i"]
    return out


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
    parser.add_argument("--no-cli", action="store_true", help="skip the --jobs 2 runs")
    parser.add_argument("--cli-sizes", type=int, nargs="*", default=[1000, 10000], help="sizes to run --jobs 2 on")
    parser.add_argument("--before", default=None, metavar="REF", help="also measure the code of this commit")
    parser.add_argument("--before-sizes", type=int, nargs="*", default=None, help="sizes to measure --before on")
    parser.add_argument(
        "--script-sizes", type=int, nargs="*", default=None, help="sizes to measure with the script given"
    )
    parser.add_argument(
        "--inner-sizes", type=int, nargs="*", default=None, help="sizes to measure the in-process loop on"
    )
    parser.add_argument(
        "--compiled", type=Path, default=None, metavar="DIR", help="also measure the compiled package in DIR/huifang"
    )
    parser.add_argument("--out", default="qa.json", help="file name under bench/out/")
    parser.add_argument(
        "--repeat", type=int, default=1, metavar="N", help="N interleaved rounds of floor and qa; the median ratio"
    )
    parser.add_argument(
        "--instructions", action="store_true", help="also the per-call instruction ratio (callgrind, 20 and 100 calls)"
    )
    parser.add_argument(
        "--vary", action="store_true", help="the corpus where each call has its own details (make_calls --vary)"
    )
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
    script = "taikang-xinqiyue-huifang"
    # One untimed run first: `huifang qa` keeps the loaded project in the content cache (as lint does), written
    # by the first run after the content or huifang changed; every later run, a team's daily one, reads it.
    # It also writes the modules' bytecode, which an installed package has (this container sets
    # PYTHONDONTWRITEBYTECODE, under which every run compiled the changed modules again: 0.1-0.4 s).
    warm = OUT / "qa-warm"
    warm.mkdir(parents=True, exist_ok=True)
    first = make_calls.make(1000, ["whisperx"]) / "whisperx" / "call-000000.json"
    (warm / first.name).write_bytes(first.read_bytes())
    cli(warm, script=script)
    if before is not None:
        cli(warm, script=script, code=before)
    compiled = args.compiled.resolve() if args.compiled else None
    if compiled is not None:
        cli(warm, script=script, code=compiled, own_project=False)
    before_sizes = args.sizes if args.before_sizes is None else args.before_sizes
    for size, fmt in plan:
        folder = make_calls.make(size, [fmt], vary=args.vary) / fmt
        row = {"size": size, "format": fmt, "load": [round(os.getloadavg()[0], 1)]}
        # The files into the page cache first, untimed: whichever program read a folder first paid its disk
        # reads (the floor, which runs first, read 0.9 s of wall for 0.67 s of CPU against 0.37 s warm).
        for path in files_of(folder):
            Path(path).read_bytes()
        if args.repeat > 1:
            row.update(rounds(folder, args.repeat, before if size in before_sizes else None))
            row.update(middle_round(row["rounds"]))  # the main table shows the round of the median ratio
        else:
            row["floor"] = floor_process(folder)
        if args.instructions:
            row.update(per_call_instructions(folder, before if size in before_sizes else None))
        if fmt not in ("srt", "text"):
            row["floor_msgspec"] = floor_process(folder, "msgspec")
        if before is not None and size in before_sizes and args.repeat == 1:
            row["qa_before"] = cli(folder, code=before)
        if args.repeat == 1:
            row["qa"] = cli(folder)
        if compiled is not None:
            row["qa_compiled"] = cli(folder, code=compiled, own_project=False)
        if size in (args.sizes if args.script_sizes is None else args.script_sizes):
            row["qa_script"] = cli(folder, script=script)
        if size in (args.sizes if args.inner_sizes is None else args.inner_sizes):
            row["inner_floor"] = in_process("floor", folder)
            if fmt in ("srt", "text"):
                row["inner_floor_lines"] = in_process("floor-lines", folder)
            row["inner_qa"] = in_process("qa", folder)
        if not args.no_cli and size in args.cli_sizes:
            row["jobs2"] = cli(folder, 2)
        row["load"].append(round(os.getloadavg()[0], 1))
        rows.append(row)
        print(json.dumps(row), file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / args.out).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(table(rows))
    if any("rounds" in r or "qa_i" in r for r in rows):
        print()
        print(repeat_table(rows))


def repeat_table(rows: list[dict]) -> str:
    """The rounds' ratios and their median (`--repeat`), and the instruction ratio (`--instructions`)."""
    lines = [
        "| calls | format | qa ÷ floor, each round (CPU) | **median** | qa before ÷ floor, each round | median before "
        "| instructions a call: floor / qa (before) | **qa ÷ floor by instructions** (before) |",
        "|---:|---|---|---:|---|---:|---:|---:|",
    ]
    for r in rows:
        each = ", ".join(f"{x:.1f}×" for x in r.get("qa_ratios", [])) or "—"
        mid = f"**{r['qa_median']:.2f}×**" if "qa_median" in r else "—"
        old = ", ".join(f"{x:.1f}×" for x in r.get("qa_before_ratios", [])) or "—"
        old_mid = f"{r['qa_before_median']:.2f}×" if "qa_before_median" in r else "—"
        grind = by = "—"
        if "qa_i" in r:
            grind = f"{r['floor_i'] / 1e3:,.1f} k / {r['qa_i'] / 1e6:.4f} M"
            by = f"**{r['ratio_i']:.2f}×**"
            if "qa_before_i" in r:
                grind += f" ({r['qa_before_i'] / 1e6:.4f} M)"
                by += f" ({r['ratio_before_i']:.2f}×)"
            if "floor_msgspec_i" in r:
                grind += f"; msgspec floor {r['floor_msgspec_i'] / 1e3:,.1f} k"
                by += f"; ÷ msgspec floor {r['qa_i'] / r['floor_msgspec_i']:.2f}×"
        lines.append(f"| {r['size']:,} | {r['format']} | {each} | {mid} | {old} | {old_mid} | {grind} | {by} |")
    return "\n".join(lines)


def table(rows: list[dict]) -> str:
    lines = [
        "| calls | format | floor (calls/s/core) | qa (calls/s/core) | **qa ÷ floor** | msgspec floor, qa ÷ it "
        "| qa, script given | qa before (÷ floor) | qa compiled (÷ floor), CPU vs qa | peak MB floor / qa | inner loop: floor / qa (calls/s/core), ratio "
        "| --jobs 2 wall (s) | load |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        f, q = r["floor"], r["qa"]
        given = f"{rate(r['qa_script']):,.0f}" if "qa_script" in r else "—"
        old = "—"
        if "qa_before" in r:
            old = f"{rate(r['qa_before']):,.0f} ({r['qa_before']['cpu_s'] / f['cpu_s']:.1f}×)"
        built = "—"
        if "qa_compiled" in r:
            c = r["qa_compiled"]
            built = f"{rate(c):,.0f} ({c['cpu_s'] / f['cpu_s']:.1f}×), {c['cpu_s'] / q['cpu_s'] - 1:+.1%}"
        fm = "—"
        if "floor_msgspec" in r:
            fm = f"{rate(r['floor_msgspec']):,.0f}, {q['cpu_s'] / r['floor_msgspec']['cpu_s']:.1f}×"
        inner = "—"
        if "inner_qa" in r:
            fi, qi = r["inner_floor"], r["inner_qa"]
            inner = f"{rate(fi):,.0f} / {rate(qi):,.0f}, {rate(fi) / rate(qi):.1f}×"
            if "inner_floor_lines" in r:
                inner += f" (lines {rate(r['inner_floor_lines']) / rate(qi):.1f}×)"
        jobs2 = f"{r['jobs2']['wall_s']:.1f}" if "jobs2" in r else "—"
        lines.append(
            f"| {r['size']:,} | {r['format']} | {rate(f):,.0f} | {rate(q):,.0f} | **{q['cpu_s'] / f['cpu_s']:.1f}×** | "
            f"{fm} | {given} | {old} | {built} | {f['peak_mb']:.0f} / {q['peak_mb']:.0f} | {inner} | {jobs2} | "
            f"{r['load'][0]:g}–{r['load'][1]:g} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
