"""Digests of what `huifang lint` writes, to show a speed change left the output byte-identical.

Runs the real command (every output format, one process and two workers) on the bench corpus (its free-form
part and the whole corpus with YAML), on the real published scripts of `bench/realworld` (every development
split: scripts/ and the spent sets heldout2–heldout5) and on the shipped content, and prints one line per run:
exit code and the sha256 of stdout and stderr. Run it with the code before and after a change and compare:

    python bench/lint/same.py [--huifang PATH] [--size 10000] > after.txt
    python bench/lint/same.py --huifang /tmp/before/bin/huifang > before.txt && diff before.txt after.txt

The blind set (heldout6 and later) is never read.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REALWORLD = ["scripts", "heldout2", "heldout3", "heldout4", "heldout5"]  # the development splits only


def lint(huifang: str, project: Path, paths: list[Path], fmt: str, jobs: str, cache: str) -> str:
    command = [huifang, "lint", "--project", str(project), *map(str, paths), "--format", fmt, "--jobs", jobs]
    env = {k: v for k, v in os.environ.items() if k not in ("HUIFANG_JOBS", "CI")}
    env["XDG_CACHE_HOME"] = cache
    done = subprocess.run(command, capture_output=True, cwd=REPO, env=env)
    out = hashlib.sha256(done.stdout).hexdigest()[:16]
    err = hashlib.sha256(done.stderr).hexdigest()[:16]
    return f"exit {done.returncode} out {out} err {err} ({len(done.stdout)} bytes)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--huifang", default=str(REPO / ".venv" / "bin" / "huifang"))
    parser.add_argument(
        "--size", default="10000", help="the bench corpus (bench/corpus/<size>, made by make_corpus.py)"
    )
    args = parser.parse_args()
    corpus = REPO / "bench" / "corpus" / args.size
    real = REPO / "bench" / "realworld"
    targets = [
        (f"corpus {args.size} free-form", corpus, [corpus / "scripts_src" / "free"]),
        (f"corpus {args.size} whole", corpus, []),
        ("realworld", REPO, [real / name for name in REALWORLD]),
        ("shipped content", REPO, []),
    ]
    with tempfile.TemporaryDirectory() as cache:
        for name, project, paths in targets:
            for fmt in ("json", "text", "sarif", "github"):
                for jobs in ("1", "2"):
                    if fmt in ("sarif", "github") and jobs == "2":
                        continue
                    print(
                        f"{name} {fmt} --jobs {jobs}: {lint(args.huifang, project, paths, fmt, jobs, cache)}",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
