"""Run the lint benchmark: huifang lint vs grep -F -f vs textlint + prh, on the same corpus.

    python bench/lint/run.py                    # sizes 1000 10000 50000
    python bench/lint/run.py --sizes 1000 --skip-textlint --repeat 5 --unique

For each size it makes bench/corpus/<N>/ if missing (make_corpus.py), then times each tool with
/usr/bin/time -v (wall clock, CPU, peak RSS) on the free-form part of the corpus, and huifang also
on the whole corpus (free-form + YAML). Each tool runs `--repeat` times, huifang and grep in interleaved rounds (textlint
`--textlint-repeat` times: it takes minutes) after one untimed warm-up run (textlint: a run on one
file and the corpus read once), and the run with the median wall time is reported.
`--unique` also times huifang and grep on bench/corpus/<N>-unique/, where no line recurs.
This code is timed as a user installs it: the wheel of the working tree (edits not yet committed included),
installed with its bytecode compiled in a virtualenv of its own (bench/out/single_file/huifang-this/), as
single_file.py installs its builds; `--editable` times the development install in .venv instead (its
dependencies are installed by uv without bytecode, which with PYTHONDONTWRITEBYTECODE set, as in this container,
are compiled again on every run, and its editable finder and setuptools' .pth hook run at every start).
`--before REV` also times the wheel of an earlier commit (installed the same way) in the same interleaved rounds,
with workers and in one process, on the same files under that commit's own rule book
(bench/corpus/<N>-rule-book-<REV>/).
Recall = planted phrases reported on their line / planted. Results go to bench/out/lint-<N>.json and
a Markdown table on stdout. textlint and textlint-rule-prh are installed from npm into
bench/node_modules (ignored by git) on first use.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent
REPO = BENCH.parent
OUT = BENCH / "out"
DEVELOPMENT = REPO / ".venv" / "bin" / "huifang"
TEXTLINT = BENCH / "node_modules" / ".bin" / "textlint"
NPM_PACKAGES = ["textlint@14.8.4", "textlint-rule-prh@6.1.0"]

sys.path.insert(0, str(HERE))
import make_corpus  # noqa: E402


def timed(cmd: list[str], out: Path, cwd: Path | None = None) -> dict:
    """Run under /usr/bin/time -v; stdout to `out`. Returns wall, user, sys seconds and peak RSS (MB).

    The wall time is the parent's `perf_counter` around the run (/usr/bin/time's own start included, the same
    for every tool): /usr/bin/time prints it truncated to 0.01 s, which cut grep's 0.045 s to 0.04 s (−11 %)
    and made every ratio to grep read about a tenth too high; its figure is kept as `wall_time_v_s`."""
    err = out.with_suffix(".time")
    with out.open("wb") as stdout, err.open("wb") as stderr:
        start = time.perf_counter()
        code = subprocess.run(["/usr/bin/time", "-v", *cmd], stdout=stdout, stderr=stderr, cwd=cwd).returncode
        elapsed = time.perf_counter() - start
    text = err.read_text(encoding="utf-8", errors="replace")

    def field(name):
        return re.search(rf"{re.escape(name)}: (.+)", text).group(1).strip()

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(x) for x in wall.split(":")]
    seconds = sum(p * 60**i for i, p in enumerate(reversed(parts)))
    return {
        "exit": code,
        "wall_s": round(elapsed, 4),
        "wall_time_v_s": round(seconds, 3),
        "user_s": float(field("User time (seconds)")),
        "sys_s": float(field("System time (seconds)")),
        "peak_rss_mb": round(int(field("Maximum resident set size (kbytes)")) / 1024, 1),
    }


def rule_book(project: Path) -> dict[str, bytes]:
    """The content files a corpus copies from the repository (make_corpus): a corpus made before they changed
    would have this code and `--before` both lint the old rule book, and plant the old phrases."""
    files = [project / "content" / "standards.yaml", *sorted((project / "content" / "forbidden").glob("*.yaml"))]
    return {str(path.relative_to(project)): path.read_bytes() for path in files if path.is_file()}


def rule_book_of(rev: str, corpus: Path, size: int) -> Path:
    """The corpus as an earlier commit's code should lint it: the same files under its own rule book (REV's
    versions of the files `rule_book` names). An earlier code given this rule book instead may reject keys it does
    not know and skip the elements they define: it would be timed doing less work than it did."""
    project = BENCH / "corpus" / f"{size}-rule-book-{rev}"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(corpus / "content", project / "content")
    # hard links, not symbolic ones: huifang refuses a link that points out of the project
    shutil.copytree(corpus / "scripts_src", project / "scripts_src", copy_function=os.link)
    os.link(corpus / "huifang.yaml", project / "huifang.yaml")
    for name in rule_book(corpus):
        shown = subprocess.run(["git", "-C", str(REPO), "show", f"{rev}:{name}"], capture_output=True)
        if shown.returncode == 0:
            (project / name).write_bytes(shown.stdout)
    return project


def planted(corpus: Path, prefix: str) -> set[tuple[str, int]]:
    rows = [json.loads(x) for x in (corpus / "planted.jsonl").read_text(encoding="utf-8").splitlines()]
    return {(r["file"], r["line"]) for r in rows if r["file"].startswith(prefix)}


def planted_kinds(corpus: Path, prefix: str) -> dict[tuple[str, int], str]:
    rows = [json.loads(x) for x in (corpus / "planted.jsonl").read_text(encoding="utf-8").splitlines()]
    return {(r["file"], r["line"]): r["kind"] for r in rows if r["file"].startswith(prefix)}


def recall(found: set, truth: dict) -> dict:
    hit = {k for k in truth if k in found}
    by_kind: dict[str, list[int]] = {}
    for key, kind in truth.items():
        by_kind.setdefault(kind, [0, 0])
        by_kind[kind][1] += 1
        by_kind[kind][0] += key in hit
    return {
        "recall": round(len(hit) / max(1, len(truth)), 4),
        "found": len(hit),
        "planted": len(truth),
        "by_kind": {k: f"{a}/{b}" for k, (a, b) in sorted(by_kind.items())},
    }


def found_huifang(path: Path) -> set:
    rows = json.loads(path.read_text(encoding="utf-8") or "[]")
    return {(r["path"], r["line"]) for r in rows if r["rule"] == "forbidden-phrase"}


def found_grep(path: Path, corpus: Path) -> set:
    out = set()
    prefix = str(corpus) + "/"
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        file, number, _ = line.split(":", 2)
        out.add((file.removeprefix(prefix), int(number)))
    return out


def found_textlint(path: Path, corpus: Path) -> set:
    out = set()
    text = path.read_text(encoding="utf-8")
    entries = []
    decoder = json.JSONDecoder()
    at = text.find("[")
    while at >= 0:  # one JSON array per batch
        value, end = decoder.raw_decode(text, at)
        entries.extend(value)
        at = text.find("[", end)
    for entry in entries:
        rel = os.path.relpath(entry["filePath"], corpus)
        for message in entry["messages"]:
            out.add((rel, message["line"]))
    return out


def ensure_textlint() -> None:
    if TEXTLINT.exists():
        return
    subprocess.run(
        ["npm", "install", "--no-save", "--no-audit", "--no-fund", "--silent", "--prefix", str(BENCH), *NPM_PACKAGES],
        check=True,
    )


def textlint_config(corpus: Path) -> Path:
    phrases = [p for p in (corpus / "phrases.txt").read_text(encoding="utf-8").splitlines() if p]
    prh = OUT / "prh.yml"
    rules = "".join(
        f"  - expected: ［忌语］\n    patterns:\n      - {json.dumps(p, ensure_ascii=False)}\n" for p in phrases
    )
    prh.write_text("version: 1\nrules:\n" + rules, encoding="utf-8")
    config = OUT / "textlintrc.json"
    config.write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(prh)]}}}), encoding="utf-8")
    return config


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def warm(folder: Path) -> None:
    """Read every file of a folder, so that no tool pays for a cold page cache. This machine's kernel
    pages out what was not read for a minute (DAMON `pageout`), corpus files and program files alike."""
    for path in folder.rglob("*"):
        if path.is_file():
            path.read_bytes()


def median_run(cmd: list[str], out: Path, repeat: int, cwd: Path | None = None, warmup: bool = True) -> dict:
    """After one untimed run (`warmup`), run `repeat` times; the run with the median wall time, and
    every wall time."""
    return interleaved([("", cmd, out, cwd)], repeat, warmup)[""]


def interleaved(jobs: list[tuple], repeat: int, warmup: bool = True) -> dict[str, dict]:
    """Run (name, cmd, out, cwd) jobs in rounds, each round every job once, so that tools compared with
    each other meet the same moments of a shared machine; one untimed round first (`warmup`). Per job:
    the run with the median wall time, and the wall times in round order."""
    if warmup:
        for _, cmd, out, cwd in jobs:
            timed(cmd, out, cwd)
    runs: dict[str, list] = {name: [] for name, *_ in jobs}
    for _ in range(repeat):
        for name, cmd, out, cwd in jobs:
            runs[name].append({"load_before": load_average(), **timed(cmd, out, cwd)})
    chosen = {}
    for name, rounds in runs.items():
        median = dict(sorted(rounds, key=lambda r: r["wall_s"])[len(rounds) // 2])
        median["walls"] = [r["wall_s"] for r in rounds]
        median["cpus"] = [round(r["user_s"] + r["sys_s"], 2) for r in rounds]
        median["loads"] = [r["load_before"] for r in rounds]
        chosen[name] = median
    return chosen


def run(
    size: int,
    skip_textlint: bool,
    repeat: int = 3,
    textlint_repeat: int = 1,
    unique: bool = False,
    before: tuple[str, Path] | None = None,
    this: Path = DEVELOPMENT,
) -> dict:
    corpus = BENCH / "corpus" / str(size)
    if (corpus / "planted.jsonl").exists() and rule_book(corpus) != rule_book(REPO):
        print(f"{size}: the rule book changed since bench/corpus/{size} was made: made afresh", file=sys.stderr)
        (corpus / "planted.jsonl").unlink()
    if not (corpus / "planted.jsonl").exists():
        make_corpus.make(size, corpus)
    OUT.mkdir(exist_ok=True)
    free = corpus / "scripts_src" / "free"
    truth_free = planted_kinds(corpus, "scripts_src/free/")
    truth_all = planted_kinds(corpus, "scripts_src/")
    files = sum(1 for _ in free.iterdir())
    size_mb = round(sum(p.stat().st_size for p in free.iterdir()) / 1e6, 1)
    result = {
        "size": size,
        "free_form_files": files,
        "free_form_mb": size_mb,
        "yaml_files": sum(1 for _ in (corpus / "scripts_src" / "yaml").iterdir()),
        "tools": {},
    }
    tools = result["tools"]

    def huifang(name: str, project: Path, paths: list[Path], jobs: str = "", exe: Path = this) -> tuple:
        out = OUT / f"{name.replace(' ', '_').replace(',', '')}-{size}.json"
        # a cache folder of its own: the user's is shared with test suites, whose throw-away projects each
        # add an entry and push older ones out (a miss costs this corpus's content load, ≈ 0.5 s); an
        # earlier build's own (its entries are of another format)
        cache = OUT / ("cache" if exe == this else "cache-before")
        env = ["env", f"XDG_CACHE_HOME={cache}"] + ([f"HUIFANG_JOBS={jobs}"] if jobs else [])
        return (
            name,
            [*env, str(exe), "lint", "--project", str(project), *map(str, paths), "--format", "json"],
            out,
            None,
        )

    def grep(name: str, project: Path, folder: Path) -> tuple:
        out = OUT / f"{name.replace(' ', '_')}-{size}.txt"
        return name, ["grep", "-F", "-n", "-r", "-f", str(project / "phrases.txt"), str(folder)], out, None

    def measure(jobs: list[tuple], truth: dict, project: Path) -> None:
        for name, t in interleaved(jobs, repeat).items():
            out = next(o for n, _, o, _ in jobs if n == name)
            found = found_grep(out, project) if name.startswith("grep") else found_huifang(out)
            tools[name] = {**t, **recall(found, truth)}

    earlier = []
    if before is not None:
        rev, exe = before
        own = rule_book_of(rev, corpus, size)
        own_free = own / "scripts_src" / "free"
        earlier = [
            huifang(f"huifang lint (free-form) {rev}", own, [own_free], exe=exe),
            huifang(f"huifang lint, 1 process (free-form) {rev}", own, [own_free], jobs="1", exe=exe),
        ]
    measure(
        [
            huifang("huifang lint (free-form)", corpus, [free]),
            huifang("huifang lint, 1 process (free-form)", corpus, [free], jobs="1"),
            grep("grep -F -f (free-form)", corpus, free),
            *earlier,
        ],
        truth_free,
        corpus,
    )
    if unique:
        other = BENCH / "corpus" / f"{size}-unique"
        if not (other / "planted.jsonl").exists():
            make_corpus.make(size, other, unique=True)
        other_free = other / "scripts_src" / "free"
        result["unique_mb"] = round(sum(p.stat().st_size for p in other_free.iterdir()) / 1e6, 1)
        measure(
            [
                huifang("huifang lint (free-form, no line recurs)", other, [other_free]),
                huifang("huifang lint, 1 process (free-form, no line recurs)", other, [other_free], jobs="1"),
                grep("grep -F -f (free-form, no line recurs)", other, other_free),
            ],
            truth_free,
            other,
        )
    if not skip_textlint:
        ensure_textlint()
        config = textlint_config(corpus)
        out = OUT / f"textlint-{size}.json"
        # textlint opens every file at once (EMFILE past the open-file limit): batches of 10,000, one timing
        batches = (
            [f"{free}/s{d:02d}*.{{md,txt}}" for d in range((size + 9999) // 10000)]
            if size > 10000
            else [f"{free}/**/*.{{md,txt}}"]
        )
        script = "; ".join(f"{TEXTLINT} --config {config} --format json '{b}'" for b in batches)
        # warm-up: textlint's own files on one script, and the corpus read once (a full run takes minutes)
        timed(
            ["sh", "-c", f"{TEXTLINT} --config {config} --format json '{next(free.iterdir())}'"],
            OUT / "textlint-warmup.json",
            cwd=corpus,
        )
        warm(free)
        tools["textlint + prh (free-form)"] = {
            **median_run(["sh", "-c", script], out, textlint_repeat, cwd=corpus, warmup=False),
            **recall(found_textlint(out, corpus), truth_free),
        }
    measure([huifang("huifang lint (whole corpus, + YAML)", corpus, [])], truth_all, corpus)
    (OUT / f"lint-{size}.json").write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return result


def burn(_=None) -> float:
    import time

    start = time.perf_counter()
    x = 0
    for i in range(3_000_000):
        x += i * i
    return time.perf_counter() - start


def contention() -> dict:
    """The same CPU-bound loop alone and on every CPU at once: how much a second worker slows each one."""
    import multiprocessing

    alone = min(burn(0) for _ in range(3))
    cpus = len(os.sched_getaffinity(0))
    with multiprocessing.get_context("fork").Pool(cpus) as pool:
        together = max(pool.map(burn, range(cpus)))
    return {
        "cpus": cpus,
        "alone_s": round(alone, 3),
        "all_cpus_s": round(together, 3),
        "slowdown": round(together / alone, 2),
    }


def table(results: list[dict]) -> str:
    lines = [
        "| corpus | tool | wall s (median) | all walls | CPU s (user+sys) | peak RSS MB | recall (found/planted) "
        "| load avg before |",
        "|---|---|---:|---|---:|---:|---|---:|",
    ]
    for r in results:
        for tool, t in r["tools"].items():
            walls = " ".join(f"{w:.3f}" for w in t["walls"])
            lines.append(
                f"| {r['size']:,} ({r['free_form_files']:,} free-form, {r['free_form_mb']} MB) | {tool} | "
                f"{t['wall_s']:.3f} | {walls} | {t['user_s'] + t['sys_s']:.2f} | {t['peak_rss_mb']} | "
                f"{t['recall']:.1%} ({t['found']}/{t['planted']}) | {t['load_before']} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 50000])
    parser.add_argument("--skip-textlint", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--textlint-repeat", type=int, default=1)
    parser.add_argument("--unique", action="store_true", help="also time the corpus where no line recurs")
    parser.add_argument("--before", metavar="REV", help="also time the wheel of this commit, in the same rounds")
    parser.add_argument(
        "--editable", action="store_true", help="time this code in .venv's development install, not as a wheel"
    )
    args = parser.parse_args()
    import tempfile

    import single_file

    dist = Path(tempfile.mkdtemp())
    if args.editable:
        this = DEVELOPMENT
        subprocess.run(
            [str(REPO / ".venv" / "bin" / "python"), "-m", "compileall", "-q", str(REPO / "generator")],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    else:
        built = single_file.wheel(None, dist)
        this = single_file.venv("huifang-this", f"huifang @ {built.as_uri()}", "-c", REPO / "requirements.lock")
        this = this / "huifang"
    before = None
    if args.before:
        wheel = single_file.wheel(args.before, dist)
        folder = single_file.venv(
            "huifang-before-" + args.before, f"huifang @ {wheel.as_uri()}", "-c", REPO / "requirements.lock"
        )
        before = (args.before, folder / "huifang")
    print(f"this code: {this}" + (" (development install)" if args.editable else " (wheel of the working tree)"))
    machine = contention()
    print(
        f"machine: {machine['cpus']} CPUs; a CPU-bound loop takes {machine['alone_s']} s alone and "
        f"{machine['all_cpus_s']} s with one copy on every CPU ({machine['slowdown']}x)"
    )
    results = [
        run(size, args.skip_textlint, args.repeat, args.textlint_repeat, args.unique, before, this)
        for size in args.sizes
    ]
    for r in results:
        r["machine"] = machine
    print(table(results))
    for r in results:
        tools = r["tools"]
        for suffix in ("(free-form)", "(free-form, no line recurs)"):
            ours, floor = tools.get(f"huifang lint {suffix}"), tools.get(f"grep -F -f {suffix}")
            if ours and floor:
                ratios = sorted(a / b for a, b in zip(ours["walls"], floor["walls"]) if b > 0)
                if not ratios:
                    continue  # grep under the timer's 0.01 s
                print(
                    f"{r['size']} huifang lint {suffix} / grep, per round: "
                    f"{' '.join(f'{x:.1f}' for x in ratios)} (median {ratios[len(ratios) // 2]:.1f}x)"
                )
                # CPU time (user + sys, all processes): what the work costs, whatever the parallelism bought
                one = tools.get(f"huifang lint, 1 process {suffix}")
                floor_cpu = sorted(floor["cpus"])[len(floor["cpus"]) // 2]
                if floor_cpu > 0:
                    for name, t in (("workers", ours), ("1 process", one)):
                        if t:
                            cpu = sorted(t["cpus"])[len(t["cpus"]) // 2]
                            print(
                                f"{r['size']} huifang lint {suffix}, {name}: CPU {cpu:.2f} s (rounds "
                                f"{' '.join(f'{x:.2f}' for x in t['cpus'])}) / grep {floor_cpu:.2f} s = "
                                f"{cpu / floor_cpu:.1f}x (medians; the timer counts in 0.01 s)"
                            )
                for key in [k for k in tools if k.startswith(f"huifang lint {suffix} ")]:  # an earlier build
                    ratios = sorted(a / b for a, b in zip(tools[key]["walls"], floor["walls"]) if b > 0)
                    cpu = sorted(tools[key]["cpus"])[len(tools[key]["cpus"]) // 2]
                    print(
                        f"{r['size']} {key} / grep, per round: {' '.join(f'{x:.1f}' for x in ratios)} "
                        f"(median {ratios[len(ratios) // 2]:.1f}x); CPU {cpu:.2f} s"
                    )
                loads = ours["loads"] + floor["loads"]
                print(f"{r['size']} load average before the rounds: {min(loads)}–{max(loads)}")
    for r in results:
        for tool, t in r["tools"].items():
            print(f"{r['size']} {tool}: recall by kind {t['by_kind']}")


if __name__ == "__main__":
    main()
