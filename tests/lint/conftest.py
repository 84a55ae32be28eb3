"""Lint test helpers: a private copy of the fixture project, and linting a text as a file in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from huifang.lint.api import lint_paths

FIXTURES = Path(__file__).parent / "fixtures"
PROJ = FIXTURES / "proj"


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    target = tmp_path / "proj"
    shutil.copytree(PROJ, target)
    return target


def lint_text(root: Path, name: str, text: str, rule: str | None = None, *, newline: str = ""):
    """Write `text` as scripts_src/<name> and lint just that file; findings of `rule` (or all)."""
    path = root / "scripts_src" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    problems = lint_paths(root, [path]).problems
    return [p for p in problems if rule is None or p.rule == rule]
