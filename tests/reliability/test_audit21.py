"""Session 21: bad input never hangs, never goes unsaid. A worker process that dies (killed as the out-of-memory
killer kills, or unable to start) stops forms, build, lint and qa at once with one Chinese line and the old output
kept; a content folder that is a file is said; a read-only project's build names the folder asked for; a --db that
is not there is a typo, not a new empty ledger. Real files, the real command line in a subprocess, real signals."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, REPO, huifang
from tests.reliability.conftest import snapshot
from tests.reliability.test_unreadable import readable_by_all, shared  # noqa: F401
from tests.reliability.test_unreadable import run as as_user

SPAN = ("--from", "2026-03-02", "--to", "2026-03-08")


# -- 1. a worker that dies stops the run at once ----------------------------------------------------------------
def descendants(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        parent = stack.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children") as handle:
                    children = [int(c) for c in handle.read().split()]
            except OSError:
                continue
            found += children
            stack += children
    return found


def cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def kill_a_worker(args: list, is_worker, cwd: Path = REPO) -> tuple[subprocess.CompletedProcess, float, list[int]]:
    """Run huifang, SIGKILL the first worker process `is_worker(pid)` picks as soon as it is there (what the
    out-of-memory killer does), and return the finished run, the seconds it took after the kill, and the
    workers seen."""
    process = subprocess.Popen(
        [sys.executable, "-m", "huifang", *map(str, args)],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    victim = None
    while victim is None and time.monotonic() < deadline and process.poll() is None:
        victim = next((pid for pid in descendants(process.pid) if is_worker(pid, process.pid)), None)
        time.sleep(0.005)
    assert victim is not None, "no worker process was started"
    workers = [pid for pid in descendants(process.pid) if is_worker(pid, process.pid)]
    os.kill(victim, signal.SIGKILL)
    killed = time.monotonic()
    out, err = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err), time.monotonic() - killed, workers


def forms_worker(pid: int, _parent: int) -> bool:
    return "huifang.forms.pool" in cmdline(pid)


def forked_worker(pid: int, parent: int) -> bool:
    return cmdline(pid) == cmdline(parent)


def assert_stopped_at_once(result, took: float, workers: list[int], command: str) -> None:
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr == (
        f"huifang {command}: 工作进程被 SIGKILL 终止（可能是内存不足，系统结束了它）；本次运行未完成，已有的输出保持原样\n"
    )
    assert took < 20, took  # at once: it hung for good (Python 3.11.2) or ended in an internal error
    assert not [pid for pid in workers if cmdline(pid)], "a worker outlived its parent"


def test_forms_stop_at_once_when_a_worker_is_killed_and_keep_the_old_pdfs(project):
    """ProcessPoolExecutor said 「内部错误：BrokenProcessPool」, and on Debian 12's Python hung at exit."""
    form = project / "content" / "forms" / "demo-tousu.yaml"
    form.write_text(form.read_text(encoding="utf-8").replace("客户投诉单", "客户投诉登记单"), encoding="utf-8")
    before = snapshot(project / "site")
    result, took, workers = kill_a_worker(["forms", "--project", project, "--jobs", "2", "--no-progress"], forms_worker)
    assert_stopped_at_once(result, took, workers, "forms")
    assert snapshot(project / "site") == before
    again = huifang("forms", "--project", project, "--jobs", "2", "--no-progress", timeout=300)  # and it still works
    assert again.returncode == 0 and "新生成 0" not in again.stderr, again.stderr


def test_build_stops_at_once_when_a_forms_worker_is_killed(project):
    form = project / "content" / "forms" / "demo-tousu.yaml"
    form.write_text(form.read_text(encoding="utf-8").replace("客户投诉单", "客户投诉登记单"), encoding="utf-8")
    before = snapshot(project / "site")
    result, took, workers = kill_a_worker(["build", "--project", project], forms_worker)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "工作进程被 SIGKILL 终止" in result.stderr and took < 20
    assert not [pid for pid in workers if cmdline(pid)]
    assert snapshot(project / "site") == before


def test_lint_stops_at_once_when_a_worker_is_killed(tmp_path):
    many = tmp_path / "many"
    many.mkdir()
    for n in range(3000):
        (many / f"s{n}.txt").write_text("客服：您好，请问是张先生吗？\n客户：是的。\n客服：这不归我管。\n" * 4, "utf-8")
    result, took, workers = kill_a_worker(["lint", "--project", MINIMAL, "--jobs", "2", many], forked_worker)
    assert_stopped_at_once(result, took, workers, "lint")
    assert result.stdout == ""  # no report that looks complete


def test_qa_stops_at_once_when_a_worker_is_killed_and_records_nothing_half(tmp_path):
    calls = tmp_path / "calls"
    calls.mkdir()
    for n in range(600):
        (calls / f"c{n}.txt").write_text(
            "客服：您好，我是小王，请问是张先生吗？\n客户：是的。\n客服：感谢您的接听，再见。\n", "utf-8"
        )
    result, took, workers = kill_a_worker(
        ["qa", "--project", REPO, "--jobs", "2", "--out", tmp_path / "qa.json", "--format", "json", "--no-db", calls],
        forked_worker,
    )
    assert_stopped_at_once(result, took, workers, "qa")
    assert not (tmp_path / "qa.json").exists()


def test_a_forkmap_worker_that_exits_says_its_exit_code():
    from huifang import forkmap

    def dies(chunk):
        if 7 in chunk:
            os._exit(3)
        time.sleep(0.01)
        return chunk

    with pytest.raises(forkmap.WorkerDied, match="退出码 3"):
        list(forkmap.imap(dies, [[n] for n in range(40)], 2))


def test_forms_whose_workers_cannot_start_say_so_at_once(shared):  # noqa: F811
    """As a user who can run the parent's Python but whose workers cannot exec it (on a host where the venv's
    interpreter lies under /root and setpriv keeps root's right to reach it for the first exec only): the pool
    said BrokenProcessPool, its resource tracker printed English tracebacks, and the parent hung for good."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run as another user")
    child = subprocess.run(
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-c",
            "import subprocess, sys; subprocess.run([sys.executable, '-c', '0'])",
        ],
        capture_output=True,
        text=True,
        cwd=shared,
    )
    if child.returncode == 0:
        pytest.skip("here another user's processes can start this Python again: nothing to test")
    project = shared / "project"
    shutil.copytree(MINIMAL, project)
    readable_by_all(shared)
    started = time.monotonic()
    result = as_user("forms", "--project", project, "--jobs", "2", "--no-progress", cwd=shared)
    assert time.monotonic() - started < 60
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("huifang forms: 无法启动工作进程（没有权限：") and "--jobs 1" in result.stderr
    assert not (project / "site").exists()


# -- 2. a content folder that is a file is said -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("folder", "what"),
    [
        ("content/qa", "质检评分表"),
        ("content/orgs", "机构档案"),
        ("content/etiquette", "电话礼仪规范"),
        ("scripts_src", "回访话术"),
        ("content/pages", "说明页（Markdown）"),
    ],
)
def test_a_content_folder_that_is_a_file_is_said(minimal, folder, what):
    """content/qa as a plain file was ignored without a word (and scripts_src as one made every scenario's
    script 「引用了不存在的话术」)."""
    path = minimal / folder
    if path.is_dir():
        shutil.rmtree(path)
    path.write_text("x: 1\n", encoding="utf-8")
    result = huifang("check", "--project", minimal)
    assert result.returncode == 1, result.stdout
    assert result.stdout == f"{folder}:1:1: 这里应是一个文件夹，却是一个文件：{what}放在 {folder}/ 文件夹里\n"


def test_a_content_folder_that_leads_nowhere_is_said(minimal):
    (minimal / "content" / "qa").symlink_to("nowhere")
    result = huifang("check", "--project", minimal)
    assert result.returncode == 1 and result.stdout.startswith("content/qa:1:1: content/qa 是无法解析的符号链接")


def test_lint_says_it_after_a_cached_load_of_the_same_files(minimal, tmp_path):
    """lint keeps the loaded content between runs; the same list of files with content/qa turned into a file
    was a cache hit that hid the problem."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("HUIFANG_NO_CACHE", None)
    env.pop("CI", None)

    def lint():
        return subprocess.run(
            [sys.executable, "-m", "huifang", "lint", "--project", str(minimal)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert lint().returncode == 0
    time.sleep(0.01)
    (minimal / "content" / "qa").write_text("x: 1\n", encoding="utf-8")
    result = lint()
    assert result.returncode == 1 and "content/qa:1:1: 错误 check 这里应是一个文件夹，却是一个文件" in result.stdout, (
        result.stdout
    )


# -- 3. a read-only project: the folder asked for, not the staging folder -------------------------------------
def test_build_into_a_read_only_project_names_the_site_folder(shared):  # noqa: F811
    project = shared / "project"
    shutil.copytree(MINIMAL, project)
    readable_by_all(shared)
    project.chmod(0o555)
    try:
        result = as_user("build", "--project", project, "--no-forms", cwd=shared)
    finally:
        project.chmod(0o755)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"没有权限）：{project / 'site'}；" in result.stderr and ".new." not in result.stderr, result.stderr


# -- 4. a --db that is not there -----------------------------------------------------------------------------------
def test_report_with_a_db_that_is_not_there_is_a_typo(tmp_path):
    """It made an empty ledger of the typo and printed zeros, exit 0."""
    result = huifang("report", *SPAN, "--project", REPO, "--db", "missing.sqlite", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == "", result.stderr
    assert result.stderr == (
        "huifang report: missing.sqlite: 回访台账不存在：请检查 --db 的文件名（台账在 huifang plan 或 huifang qa"
        " 第一次记入时建立）\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_report_on_the_default_ledger_keeps_its_contract(minimal):
    """No --db and no ledger yet: the report of what the ledger holds, which is nothing (README: without
    worklists it sums up what the ledger has)."""
    result = huifang("report", *SPAN, "--project", minimal, "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["total"]["due"] == 0 and report["scenario"] == [] and report["unreached"] == []


def test_build_with_a_db_that_is_not_there_is_a_typo(minimal, tmp_path):
    """It built the site with the 「no records yet」 pages of a ledger that was only mistyped."""
    result = huifang("build", "--project", minimal, "--no-forms", "--db", tmp_path / "nope.sqlite")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr == (
        f"huifang build: {tmp_path / 'nope.sqlite'}: 回访台账不存在：请检查 --db 的文件名（台账在 huifang plan 或"
        " huifang qa 第一次记入时建立）\n"
    )
    assert not (minimal / "site").exists() and not (tmp_path / "nope.sqlite").exists()


# -- 5. the walk ------------------------------------------------------------------------------------------------
RUDE = "客服：这不归我管。\n"


def test_a_newline_in_a_named_file_is_written_as_an_escape(tmp_path):
    """`path:line:col: message` was cut in two by a file name holding a newline (the project's own files were
    already escaped; files named on the command line, qa's, plan's and report's were not)."""
    named = tmp_path / "x\ny.txt"
    named.write_text(RUDE, encoding="utf-8")
    folder = tmp_path / "d\ne"
    folder.mkdir()
    (folder / "a\nb.txt").write_text(RUDE, encoding="utf-8")
    lint = huifang("lint", "--project", MINIMAL, "x\ny.txt", "d\ne", cwd=tmp_path)
    assert lint.returncode == 1 and lint.stdout, lint.stderr
    assert all(line.startswith(("x\\ny.txt:1:", "d\\ne/a\\nb.txt:1:")) for line in lint.stdout.splitlines())
    qa = huifang("qa", "--project", REPO, "--no-db", "x\ny.txt", cwd=tmp_path)
    assert qa.stdout.startswith("x\\ny.txt: ") and "x\ny" not in qa.stdout + qa.stderr
    events = tmp_path / "e\nv.csv"
    events.write_text("a,b\n", encoding="utf-8")
    (tmp_path / "l.sqlite").write_bytes(b"")  # a ledger (empty) for report
    plan = huifang("plan", "e\nv.csv", *SPAN, "--project", MINIMAL, "--no-db", cwd=tmp_path)
    report = huifang("report", "e\nv.csv", *SPAN, "--project", MINIMAL, "--db", tmp_path / "l.sqlite", cwd=tmp_path)
    assert plan.stderr.startswith("e\\nv.csv:1:1: 缺少列") and report.stderr.startswith(
        "e\\nv.csv:1:1: 缺少「计划编号」列"
    )
    for command in (("lint", "--project", MINIMAL), ("qa", "--project", REPO, "--no-db")):
        gone = huifang(*command, "no\nne.txt", cwd=tmp_path)
        assert gone.returncode == 2 and gone.stderr == f"huifang {command[0]}: no\\nne.txt: 文件或目录不存在\n"


def test_a_symlink_in_a_loop_is_said_as_one(tmp_path):
    """lint and qa said 「文件或目录不存在」 of a link that is there (in a loop), and report and build took a
    looping --db for a ledger."""
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "loop.sqlite").symlink_to("loop.sqlite")
    lint = huifang("lint", "--project", MINIMAL, "loop.txt", cwd=tmp_path)
    assert lint.returncode == 1 and lint.stdout == "loop.txt:1:1: 错误 check 符号链接无法解析（指向自身或循环）\n"
    qa = huifang("qa", "--project", REPO, "--no-db", "loop.txt", cwd=tmp_path)
    assert qa.returncode == 1 and "loop.txt:1:1: 符号链接无法解析（指向自身或循环）" in qa.stderr, qa.stderr
    report = huifang("report", *SPAN, "--project", MINIMAL, "--db", "loop.sqlite", cwd=tmp_path)
    build = huifang("build", "--project", MINIMAL, "--no-forms", "--db", "loop.sqlite", cwd=tmp_path)
    for command, result in (("report", report), ("build", build)):
        assert result.returncode == 2
        assert (
            result.stderr
            == f"huifang {command}: loop.sqlite: 符号链接无法解析（指向自身或循环）：请检查 --db 的文件名\n"
        )


@pytest.mark.parametrize("delay", [1.0, 2.5])
def test_an_interrupted_plan_writes_no_worklist_folder_and_records_nothing(tmp_path, minimal, delay):
    """Ctrl-C while the worklist was made left a new empty folder (and could leave this run's workbook beside
    an earlier run's daily PDFs); now the files are made first and written together."""
    from tests.reliability.conftest import as_from_a_shell

    rows = ["客户,电话,场景,日期,坐席"]
    rows += [f"客户{n},1380000{n % 10000:04d},demo-weixiu,2026-03-0{2 + n % 5},坐席{n % 40}" for n in range(20000)]
    (tmp_path / "events.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    args = ["plan", "events.csv", *SPAN, "--project", minimal, "--db", "l.sqlite", "--out", "week"]
    process = subprocess.Popen(
        [sys.executable, "-m", "huifang", *map(str, args)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=as_from_a_shell,
    )
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert "Traceback" not in err
    if process.returncode == 130:
        assert err == "已中断：输出保持原样。\n" and not (tmp_path / "week").exists()
        assert not (tmp_path / "l.sqlite").exists()
    else:  # it finished first: then everything is there
        assert process.returncode == 0, err
        assert len(list((tmp_path / "week").glob("每日名单-*.pdf"))) == 5


def test_a_ctrl_c_while_huifang_starts_is_no_traceback(tmp_path):
    """A Ctrl-C before `cli.main` reached its own handler (importing, the kept regexes, parsing the arguments)
    printed a KeyboardInterrupt traceback."""
    from tests.reliability.conftest import as_from_a_shell

    for delay in (0.3, 0.6, 0.9):
        process = subprocess.Popen(
            [sys.executable, "-m", "huifang", "lint", "--project", str(MINIMAL)],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=as_from_a_shell,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        if "Traceback" in err:  # only Python's own start-up, before any of huifang runs, is out of reach
            assert "generator/" not in err and "huifang/" not in err, err
            continue
        assert process.returncode == 0 or (process.returncode == 130 and err == "已中断：输出保持原样。\n"), err
