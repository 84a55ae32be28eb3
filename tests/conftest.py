"""Shared test helpers: the repository, the real CLI, and throw-away projects on disk."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI draws the same examples every run (a red build is the change's, not the dice's); a developer's runs draw new
# ones and keep what failed in .hypothesis/, which is how the property tests keep finding things
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() not in ("", "0", "false"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
MINIMAL = REPO / "tests" / "fixtures" / "minimal"
ARTIFACTS = REPO / "tests" / "artifacts"


def huifang(*args: str, cwd: Path | None = None, timeout: float = 120, input: bytes | None = None):
    """Run the real command line in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "huifang", *map(str, args)],
        cwd=cwd or REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        input=input,
    )


# The modules that hold the longest tests (Chromium over every page kind, every PDF of the shipped content, whole
# builds of the shipped handbook), run first. Collected in path order they came last, and xdist's `load` scheduler
# handed them out two at a time at the end of the run: one worker waited minutes for the other, and a module split
# between the two workers launched Chromium and built its fixtures twice. pyproject's addopts use `--dist
# worksteal`: each worker starts on one half of this order, the first half holding these modules, and a worker that
# runs out takes half of the other's remaining (short) tests, so both finish together.
FIRST = (
    "tests/site/test_trainee.py",
    "tests/forms/test_build.py",
    "tests/package/test_package.py",
    "tests/site/test_browser.py",
    "tests/site/test_dashboards.py",
    "tests/site/test_search.py",
)


def pytest_collection_modifyitems(config, items):
    rank = {path: n for n, path in enumerate(FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(FIRST)))  # stable: module order kept


def run_folder(tmp_path_factory) -> Path:
    """The temporary folder the whole run shares: every xdist worker's own base folder is inside it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def locked(path: Path):
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A private copy of the minimal valid project, safe to break."""
    target = tmp_path / "project"
    shutil.copytree(MINIMAL, target)
    return target


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
