"""A built project shared by the output tests: copying it is much faster than building again."""

from __future__ import annotations

import hashlib
import shutil
import signal
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, huifang, locked, run_folder


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The minimal project with a complete site (pages and forms) already built once for the whole run, by whichever
    xdist worker gets there first (tests only copy it)."""
    root = run_folder(tmp_path_factory)
    project = root / "built-minimal" / "project"
    with locked(root / "built-minimal.lock"):
        if not (project / "site" / "index.html").is_file():
            shutil.rmtree(project.parent, ignore_errors=True)
            shutil.copytree(MINIMAL, project)
            result = huifang("build", "--project", project, timeout=300)
            assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def project(built, tmp_path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def as_from_a_shell() -> None:
    """preexec_fn: the child starts with Ctrl-C at its default and unblocked, as a command typed in a shell does.

    A child inherits an ignored or blocked SIGINT, and Python then installs no KeyboardInterrupt handler. Twice
    in full fresh-clone runs the forms interrupt test saw huifang finish untouched by two Ctrl-C (it passed
    alone); run from a process that ignores SIGINT it fails exactly so. Whatever the test process's state, what
    is tested is huifang's handling."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
