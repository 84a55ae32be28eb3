"""One file, the way pre-commit calls a hook: `huifang lint FILE` against `yamllint FILE`, whole process.

Both run from a light virtualenv of their own (huifang's base install, as the pre-commit hook installs it;
yamllint from the lock's PyPI). Runs alternate, after a warm-up, and the medians are compared. Also times
the first install of the pre-commit hook (`pre-commit try-repo`, empty PRE_COMMIT_HOME).

    .venv/bin/python bench/lint/single_file.py [--rounds 15] [--before REV] [--no-hook]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UV = Path(sys.executable).parent / "uv"
OUT = REPO / "bench" / "out" / "single_file"
FILE = "scripts_src/yiyuan/yiyuan-huizhen-huifang.yaml"


def sh(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True, **kwargs)


def venv(name: str, *requirements: str) -> Path:
    """A virtualenv with `requirements` installed (again on every run: the wheel changes) and every module
    compiled, as `pip install` (what pre-commit runs) leaves it; uv does not compile, and with
    PYTHONDONTWRITEBYTECODE set (as in this container) each run would compile every module it imports."""
    folder = OUT / name
    if not (folder / "bin" / "python").exists():
        sh(UV, "venv", "-q", "--python", sys.executable, folder)
    sh(
        UV,
        "pip",
        "install",
        "-q",
        "--reinstall",
        "--compile-bytecode",
        "--python",
        folder / "bin" / "python",
        *requirements,
    )
    return folder / "bin"


def timed(command: list, cwd: Path, env: dict) -> tuple[float, float]:
    """(wall, CPU = user + sys) seconds of one run; CPU moves less than wall on a shared machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([str(c) for c in command], cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def wheel(rev: str | None, dist: Path) -> Path:
    """The wheel of a commit, built from `git archive` (leaving no build/ here); `rev` None: of the working tree
    as it is (its files git tracks or would add, edits not yet committed included)."""
    source = Path(tempfile.mkdtemp())
    if rev is None:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO,
            check=True,
            capture_output=True,
        ).stdout
        names = [name for name in listed.decode().split("\0") if name and (REPO / name).is_file()]
        archive = subprocess.run(
            ["tar", "-c", "--null", "-T", "-"],
            cwd=REPO,
            input="\0".join(names).encode(),
            check=True,
            capture_output=True,
        )
    else:
        archive = subprocess.run(["git", "archive", "--format=tar", rev], cwd=REPO, check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive.stdout, check=True)
    out = dist / (rev or "worktree").replace("/", "_")
    sh(UV, "build", "--wheel", "--out-dir", out, source)
    shutil.rmtree(source, ignore_errors=True)
    return next(out.glob("*.whl"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--no-hook", action="store_true", help="skip timing the hook's first install")
    parser.add_argument("--before", metavar="REV", help="also time the wheel of this commit, in the same rounds")
    parser.add_argument("--settle", type=float, default=60, help="seconds to wait after installing (default 60)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    dist = Path(tempfile.mkdtemp())
    light = venv("huifang-light", f"huifang @ {wheel('HEAD', dist).as_uri()}", "-c", REPO / "requirements.lock")
    commands = {"huifang lint FILE": [light / "huifang", "lint", FILE]}
    caches = {}
    if args.before:  # the same install of an earlier commit, in the same rounds
        older = venv(
            "huifang-before", f"huifang @ {wheel(args.before, dist).as_uri()}", "-c", REPO / "requirements.lock"
        )
        commands[f"huifang lint FILE ({args.before})"] = [older / "huifang", "lint", FILE]
        caches[f"huifang lint FILE ({args.before})"] = OUT / "cache-before"  # its entries are of another format
    linter = venv("yamllint", "yamllint")
    commands["yamllint FILE"] = [linter / "yamllint", FILE]
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    # A cache folder of its own: the user's is shared with test suites, whose throw-away projects each
    # add an entry and push older ones out (at most 32 are kept).
    env["XDG_CACHE_HOME"] = str(OUT / "cache")
    envs = {name: {**env, "XDG_CACHE_HOME": str(caches.get(name, OUT / "cache"))} for name in commands}
    # Just after an install, huifang runs ~20% slower on this VM (measured 63-65 ms a run against 51-54 ms after
    # 45 s; `sync` changes nothing; yamllint is not affected); pre-commit runs the hook long after installing it.
    time.sleep(args.settle)
    for name, command in commands.items():  # warm-up: caches, page cache
        timed(command, REPO, envs[name])
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    load = os.getloadavg()[0]
    for _ in range(args.rounds):
        for name, command in commands.items():
            times[name].append(timed(command, REPO, envs[name]))
    print(f"| command ({FILE}) | median wall | min | max | median CPU (user+sys) |")
    print("|---|---:|---:|---:|---:|")
    for name, runs in times.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(
            f"| {name} | {statistics.median(walls):.3f} s | {min(walls):.3f} s | {max(walls):.3f} s "
            f"| {statistics.median(cpus):.3f} s |"
        )
    ours, theirs = times["huifang lint FILE"], times["yamllint FILE"]
    wall = statistics.median(w for w, _ in ours) / statistics.median(w for w, _ in theirs)
    cpu = statistics.median(c for _, c in ours) / statistics.median(c for _, c in theirs)
    print(
        f"\nhuifang / yamllint (medians): {wall:.2f}x wall, {cpu:.2f}x CPU over {args.rounds} interleaved rounds; "
        f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after"
    )
    if args.no_hook:
        shutil.rmtree(dist, ignore_errors=True)
        return
    home = Path(tempfile.mkdtemp())
    team = home / "team"
    sh(sys.executable, "-m", "huifang", "init", team)
    sh("git", "init", "-q", cwd=team)
    sh("git", "add", "-A", cwd=team)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "huifang-lint", "--all-files"],
        cwd=team,
        env={**env, "PRE_COMMIT_HOME": str(home / "pc")},
        capture_output=True,
    )
    print(f"pre-commit hook, first use (install + run): {time.perf_counter() - start:.1f} s")
    shutil.rmtree(home, ignore_errors=True)
    shutil.rmtree(dist, ignore_errors=True)


if __name__ == "__main__":
    main()
