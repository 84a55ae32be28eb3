"""Digests of what `huifang qa` writes, to show a speed change left the output byte-identical.

For each folder (default: the 1,000-call bench corpus in the four JSON formats, plus `tests/qa/fixtures`), the
real command `huifang qa --format json` and `--format text` (script searched for, and given), and one run that
appends to a fresh SQLite ledger (its rows, the time of judging left out): the sha256 of each. Run it with the
code before and after a change (PYTHONPATH=DIR for an older huifang, as run.py --before) and compare the lines:
    python bench/qa/same.py [FOLDER ...]
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = "taikang-xinqiyue-huifang"


def qa(args: list[str], out: Path) -> str:
    command = [sys.executable, "-m", "huifang", "qa", "--project", str(REPO), "--jobs", "1", "--out", str(out)]
    done = subprocess.run(command + args, capture_output=True, cwd=REPO, env=dict(os.environ))
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)}: exit {done.returncode}: {done.stderr.decode()[-400:]}")
    digest = hashlib.sha256(out.read_bytes())
    digest.update(done.stderr.replace(str(out).encode(), b"OUT"))  # the temporary file's name varies
    return f"exit {done.returncode} {digest.hexdigest()[:16]}"


def ledger_rows(db: Path) -> str:
    digest = hashlib.sha256()
    with sqlite3.connect(db) as connection:
        # the time of judging varies; `file` (the resolved path, audit19b) is absent from older ledgers: both left out
        columns = [r[1] for r in connection.execute("PRAGMA table_info(qa_calls)") if r[1] not in ("judged_at", "file")]
        for row in connection.execute(f"SELECT {', '.join(columns)} FROM qa_calls ORDER BY id"):
            digest.update(repr(row).encode())
        for row in connection.execute("SELECT * FROM qa_findings ORDER BY call_id, rowid"):
            digest.update(repr(row).encode())
    return digest.hexdigest()[:16]


def main(folders: list[str]) -> None:
    if not folders:
        corpus = REPO / "bench" / "corpus" / "qa" / "1000"
        folders = [str(corpus / f) for f in ("whisperx", "funasr", "aliyun", "tencent")]
        folders += [str(REPO / "tests" / "qa" / "fixtures")]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        for folder in folders:
            name = os.path.relpath(folder, REPO)
            for fmt in ("json", "text"):
                for given in ([], ["--script", SCRIPT]):
                    label = f"{fmt}{' script' if given else ''}"
                    print(name, label, qa(["--no-db", "--format", fmt, *given, folder], out), flush=True)
            db = Path(tmp) / "ledger.sqlite"
            db.unlink(missing_ok=True)
            qa(["--db", str(db), "--format", "json", folder], out)
            print(name, "ledger", ledger_rows(db), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
