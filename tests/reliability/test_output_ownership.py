"""huifang replaces or removes only what it made: never the project, its sources, a folder a symlink
leads to, or a folder of someone else's files; an interrupted or partial run changes nothing it did not
finish (issue 17, items 1-4 and the site's permissions in item 13)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, huifang
from tests.reliability.conftest import as_from_a_shell, snapshot

pytestmark = pytest.mark.timeout(600)

SOURCES = ("content", "scripts_src", ".git")


def with_sources(project: Path) -> dict[str, dict[str, str]]:
    """Make the project look like a clone (.git, templates/) and return what its sources hold."""
    (project / ".git").mkdir(exist_ok=True)
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (project / "templates").mkdir(exist_ok=True)
    (project / "templates" / "mine.txt").write_text("团队自己的模板\n", encoding="utf-8")
    return {name: snapshot(project / name) for name in (*SOURCES, "templates")}


def precious(folder: Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "notes.txt").write_text("用户自己的文件\n", encoding="utf-8")
    (folder / "old.pdf").write_bytes(b"%PDF-1.4 not ours\n")
    return snapshot(folder)


@pytest.mark.parametrize("where", [".", "..", "content", "content/pages/out", "scripts_src", ".git", "templates"])
def test_build_refuses_the_project_and_its_sources(minimal, where):
    sources = with_sources(minimal)
    result = huifang("build", "--project", minimal, "--site-dir", minimal / where, "--no-forms", timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if "--site-dir" in line]) == 1, result.stderr
    assert {name: snapshot(minimal / name) for name in sources} == sources


@pytest.mark.parametrize(("command", "linked"), [("build", "site"), ("forms", "site/forms"), ("forms", "site")])
def test_a_symlink_out_of_the_project_is_never_followed(project, tmp_path, command, linked):
    outside = tmp_path / "elsewhere"
    kept = precious(outside)
    if linked == "site":
        (outside / "forms").mkdir()
        (outside / "forms" / "demo-tousu.pdf").write_bytes(b"%PDF-1.4 someone else's\n")
        kept = snapshot(outside)
    link = project / linked
    shutil.rmtree(link)
    link.symlink_to(outside, target_is_directory=True)
    result = huifang(command, "--project", project, *(["--no-progress"] if command == "forms" else []), timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "符号链接" in result.stderr
    assert snapshot(outside) == kept
    assert link.is_symlink()


@pytest.mark.parametrize("command", ["build", "forms"])
def test_a_folder_of_other_files_is_never_replaced(project, tmp_path, command):
    folder = tmp_path / "public"
    kept = precious(folder)
    option = "--site-dir" if command == "build" else "--out"
    result = huifang(command, "--project", project, option, folder, *(["--no-progress"] if command == "forms" else []))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ".huifang-output" in result.stderr
    assert snapshot(folder) == kept


def test_forms_only_with_a_typo_deletes_nothing(project):
    before = snapshot(project / "site" / "forms")
    result = huifang("forms", "--project", project, "--no-progress", "--only", "demo-tousux")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "demo-tousux" in result.stderr and "demo-tousu" in result.stderr.replace("demo-tousux", "")
    assert snapshot(project / "site" / "forms") == before


def test_forms_only_keeps_the_other_pdfs(project):
    assert huifang("forms", "--project", project, "--no-progress").returncode == 0  # this folder's own manifest
    (project / "content/forms/demo-tousu.yaml").write_text(
        (project / "content/forms/demo-tousu.yaml").read_text(encoding="utf-8").replace("客户名称", "客户全称"),
        encoding="utf-8",
    )
    before = snapshot(project / "site" / "forms")
    result = huifang("forms", "--project", project, "--no-progress", "--only", "demo-tousu")
    assert result.returncode == 0, result.stderr
    after = snapshot(project / "site" / "forms")
    assert sorted(after) == sorted(before) and len(before) >= 4 and after["demo-tousu.pdf"] != before["demo-tousu.pdf"]
    assert {k: v for k, v in after.items() if k != "demo-tousu.pdf"} == {
        k: v for k, v in before.items() if k != "demo-tousu.pdf"
    }


def test_build_without_forms_keeps_the_published_pdfs_and_tidies_up(project):
    pdfs = {k: v for k, v in snapshot(project / "site" / "forms").items() if k.endswith(".pdf")}
    sleeper = subprocess.Popen([sys.executable, "-c", "pass"])
    sleeper.wait()
    dead = sleeper.pid  # a process that no longer exists: what it left is litter
    killed_new = project / f".site.new.{dead}.abc123"
    killed_new.mkdir()
    (killed_new / ".huifang-output").write_text("", encoding="utf-8")
    (killed_new / "index.html").write_text("半成品", encoding="utf-8")
    killed_old = project / f".site.old.{dead}.def456"
    (killed_old / "previous").mkdir(parents=True)
    (killed_old / "previous" / ".huifang-output").write_text("", encoding="utf-8")
    foreign = project / ".site.new.notes"
    kept = precious(foreign)
    old_umask = os.umask(0o022)
    try:
        result = huifang("build", "--project", project, "--no-forms", timeout=300)
    finally:
        os.umask(old_umask)
    assert result.returncode == 0, result.stderr
    after = snapshot(project / "site" / "forms")
    assert {k: after.get(k) for k in pdfs} == pdfs
    page = (
        (project / "site" / "forms.html").read_text(encoding="utf-8")
        if (project / "site" / "forms.html").is_file()
        else "".join(p.read_text(encoding="utf-8") for p in (project / "site").rglob("*.html"))
    )
    for link in set(re.findall(r'href="([^"]*forms/[^"]+\.pdf)"', page)):
        assert (project / "site" / "forms" / Path(link).name).is_file(), link
    assert not killed_new.exists() and not killed_old.exists()
    assert snapshot(foreign) == kept
    assert (project / "site").stat().st_mode & 0o777 == 0o755
    assert (project / "site" / "index.html").stat().st_mode & 0o777 == 0o644


@pytest.fixture
def many_forms(project) -> Path:
    """The built project plus 16 forms not yet rendered: enough work to interrupt in the middle."""
    form = (project / "content/forms/demo-tousu.yaml").read_text(encoding="utf-8")
    for i in range(16):
        (project / f"content/forms/extra-{i:02d}.yaml").write_text(
            form.replace("id: demo-tousu", f"id: extra-{i:02d}").replace("客户投诉单", f"登记表{i}"), encoding="utf-8"
        )
    shutil.rmtree(project / ".huifang-cache")  # the published PDFs must be rendered again too
    return project


def inodes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in folder.iterdir()}


def test_ctrl_c_twice_during_forms_stops_at_once_and_says_what_changed(many_forms):
    """The first Ctrl-C comes once a PDF is rendered, the second 0.3 s later."""
    project = many_forms
    out = project / "site" / "forms"
    before, contents = inodes(out), snapshot(out)
    process = subprocess.Popen(
        [sys.executable, "-m", "huifang", "forms", "--project", str(project), "--no-progress", "--jobs", "2"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=as_from_a_shell,
    )
    cache = project / ".huifang-cache" / "forms"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (cache.is_dir() and any(cache.glob("*.pdf"))):
        time.sleep(0.05)
    assert process.poll() is None, "the forms were done before the first one was cached"
    process.send_signal(signal.SIGINT)
    sent = time.monotonic()
    time.sleep(0.3)
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail("huifang forms hung after Ctrl-C")
    assert time.monotonic() - sent < 4
    assert "Traceback" not in err
    assert process.returncode in (130, -signal.SIGINT), err
    changed = [name for name, ino in inodes(out).items() if before.get(name) != ino]
    if "保持原样" in err and "已更新完毕" not in err:
        assert changed == [] and snapshot(out) == contents
    assert set(inodes(out)) == set(before)
