"""Shared test helpers: the repository, the real CLI, and throw-away projects on disk."""

from __future__ import annotations

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
