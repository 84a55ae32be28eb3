"""An unreadable input file, the same way in every command: one `path:1:1: 中文原因` line for that file,
a non-zero exit, the other files still done, never a traceback. The broken inputs are real: a file
without read permission (read by an unprivileged user when the tests run as root), a folder where a file
belongs, bytes that are not UTF-8, a FIFO (which would block a reader forever)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, REPO

NOBODY = 65534
CALLS = REPO / "tests" / "qa" / "fixtures" / "calls"


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder every user can read (pytest's own is its owner's only), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="huifang-unreadable-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(*args, cwd: Path) -> subprocess.CompletedProcess:
    """The real command line, as a user without root's right to read every file."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: a file without read permission cannot be made")
        prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    env = {**os.environ, "HOME": str(cwd), "XDG_CACHE_HOME": str(cwd / ".cache")}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "huifang", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def break_files(folder: Path, stem: str, suffix: str) -> dict[str, str]:
    """Four broken files in `folder`; name → the start of the reason each must get."""
    folder.mkdir(parents=True, exist_ok=True)
    locked = folder / f"{stem}locked{suffix}"
    locked.write_text("x: 1\n", encoding="utf-8")
    locked.chmod(0)
    (folder / f"{stem}folder{suffix}").mkdir()
    (folder / f"{stem}folder{suffix}" / "inner.bin").write_bytes(b"")
    (folder / f"{stem}latin{suffix}").write_bytes(b"x: \xff\xff\n")  # neither UTF-8 nor GB18030
    os.mkfifo(folder / f"{stem}pipe{suffix}")
    return {locked.name: "没有读取权限", f"{stem}latin{suffix}": "UTF-8", f"{stem}pipe{suffix}": "不是普通文件"}


def readable_by_all(top: Path) -> None:
    for folder, _dirs, files in os.walk(top):
        os.chmod(folder, 0o755)
        for name in files:
            path = Path(folder) / name
            if not path.is_fifo() and os.stat(path).st_mode & 0o777:
                path.chmod(0o644)


def assert_reported(result, rel: str, reasons: dict[str, str]) -> None:
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out, out
    for name, reason in reasons.items():
        lines = [line for line in out.splitlines() if f"{rel}/{name}:" in line]
        assert len(lines) == 1, (name, out)
        assert f"{rel}/{name}:" in lines[0] and reason in lines[0], (name, lines)
        location = lines[0][lines[0].index(f"{rel}/{name}:") :].split(": ", 1)[0]
        assert location.count(":") == 2, f"not path:line:col: {lines[0]}"


def project_in(shared: Path) -> Path:
    project = shared / "project"
    shutil.copytree(MINIMAL, project)
    return project


def test_check_and_lint_report_each_unreadable_content_file_and_script(shared):
    project = project_in(shared)
    content = break_files(project / "content" / "orgs", "", ".yaml") | {"folder.yaml": "这里应是一个文件，却是一个目录"}
    scripts = break_files(project / "scripts_src", "", ".txt")
    readable_by_all(shared)
    check = run("check", "--project", project, cwd=shared)
    assert_reported(check, "content/orgs", content)
    assert "1 个场景，1 篇话术" in check.stderr  # the other files were loaded
    lint = run("lint", "--project", project, cwd=shared)
    assert_reported(lint, "content/orgs", content)
    assert_reported(lint, "scripts_src", scripts)


def test_build_reports_unreadable_pages_and_leaves_the_old_site(shared):
    project = project_in(shared)
    pages = break_files(project / "content" / "pages", "", ".md")
    (project / "content" / "pages" / "fine.md").write_text("# 好\n", encoding="utf-8")
    readable_by_all(shared)
    site = shared / "site"
    result = run("build", "--project", project, "--site-dir", site, "--no-forms", cwd=shared)
    assert_reported(result, "content/pages", pages)
    assert not site.exists()


def test_qa_reports_each_unreadable_transcript_and_scores_the_others(shared):
    calls = shared / "calls"
    shutil.copytree(CALLS, calls)
    broken = break_files(calls, "", ".txt")
    readable_by_all(shared)
    result = run("qa", "--project", REPO, "--no-db", calls, cwd=shared)
    assert_reported(result, "calls", broken)
    assert "calls/wanneng.txt: " in result.stdout and "calls/buguanbian.txt: " in result.stdout


@pytest.mark.parametrize("command", ["plan", "report"])
def test_plan_and_report_name_the_unreadable_table(shared, command):
    broken = break_files(shared / "events", "", ".csv")
    readable_by_all(shared)
    (shared / "db").mkdir(mode=0o777)
    (shared / "db").chmod(0o777)
    db = shared / "db" / "huifang.sqlite"
    if command == "report":  # a ledger there: a --db that is not there is a typo, said before any worklist
        db.write_bytes(b"")
        db.chmod(0o666)
    for name, reason in (
        broken | {"folder.csv": "这里应是一个文件，却是一个目录", "missing.csv": "文件不存在"}
    ).items():
        result = run(
            command,
            "--project",
            REPO,
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-06",
            "--db",
            db,
            f"events/{name}",
            cwd=shared,
        )
        if name == "missing.csv":  # a path that is not there: a usage error (exit 2), as in lint and qa
            assert result.returncode == 2 and result.stderr == f"events/{name}:1:1: {reason}\n", result
        else:
            assert_reported(result, "events", {name: reason})


@pytest.mark.parametrize("manifest", ["calls.xlsx", "calls.csv"])
def test_qa_names_a_manifest_it_cannot_read(shared, manifest):
    os.mkfifo(shared / manifest)
    readable_by_all(shared)
    result = run("qa", "--project", REPO, "--no-db", manifest, cwd=shared)
    out = result.stdout + result.stderr
    assert result.returncode == 2 and "Traceback" not in out
    assert f"{manifest}:1:1: 不是普通文件" in out
