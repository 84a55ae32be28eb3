"""Lint test helpers: a private copy of the fixture project or of the shipped content, linting a text as a file in
it, and the elements the shipped standards find in one agent line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from huifang.lint import caller
from huifang.lint.api import lint_paths
from huifang.lint.normalize import fold
from huifang.lint.standards import find_elements
from huifang.lint.utterance import Utterance
from huifang.project import load_project

REPO = Path(__file__).resolve().parents[2]
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


def closing_messages(root: Path, text: str, name: str = "call.txt") -> str:
    """The messages of missing-closing on `text` (linted as scripts_src/<name>), joined by spaces."""
    return " ".join(p.message for p in lint_text(root, name, text, "missing-closing"))


def greeting_messages(root: Path, text: str, name: str = "call.txt") -> str:
    """The messages of missing-greeting on `text` (linted as scripts_src/<name>), joined by spaces."""
    return " ".join(p.message for p in lint_text(root, name, text, "missing-greeting"))


@pytest.fixture(scope="module")
def project():
    """The shipped project, loaded once per module."""
    return load_project(REPO, scripts=[]).project


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    """A project with the shipped content/ and an empty scripts_src/, made once per module."""
    root = tmp_path_factory.mktemp("shipped")
    shutil.copytree(REPO / "content", root / "content")
    (root / "huifang.yaml").write_text("lint: {}\n", encoding="utf-8")
    (root / "scripts_src").mkdir()
    return root


@pytest.fixture(scope="module")
def packed(tmp_path_factory) -> Path:
    """The shipped content with the service-taboos pack on, as huifang.yaml ships it."""
    root = tmp_path_factory.mktemp("packed")
    shutil.copytree(REPO / "content", root / "content")
    (root / "huifang.yaml").write_text("lint:\n  extends: [default, service-taboos]\n", encoding="utf-8")
    return root


@pytest.fixture
def real(tmp_path: Path) -> Path:
    """A project with the shipped content/ (its standards.yaml) and nothing else."""
    root = tmp_path / "real"
    shutil.copytree(REPO / "content", root / "content")
    (root / "huifang.yaml").write_text("lint: {}\n", encoding="utf-8")
    return root


def found(project, text: str, part: str = "greeting") -> set[str]:
    """The elements of the shipped `part` standard found in one agent line."""
    standard = getattr(project, part)
    return {f.element.id for f in find_elements([Utterance(text, "agent", "x")], standard.elements)}


def slot_text(text: str, kind: str) -> str | None:
    """What the who-is-calling slot finds in `text` (folded), or None."""
    folded = fold(text)
    span = caller.Slot().find(folded, kind)
    return folded[span[0] : span[1]] if span else None
