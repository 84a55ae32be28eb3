"""QA test helpers: the shipped project loaded once, a session on it, and judging a transcript text."""

from __future__ import annotations

from pathlib import Path

import pytest
from huifang.project import load_project
from huifang.qa.readers import read
from huifang.qa.session import Session

from tests.conftest import REPO

FIXTURES = Path(__file__).parent / "fixtures"
STORY = FIXTURES / "story"


@pytest.fixture(scope="session")
def project():
    loaded = load_project(REPO)
    assert loaded.ok
    return loaded.project


@pytest.fixture(scope="session")
def session(project):
    return Session(project)


def judge_file(session, path: Path, **options):
    if options:
        session = Session(session.project, **options)
    return session.judge(read(str(path)))


def judge_text(session, tmp_path: Path, text: str, name: str = "call.txt", **options):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return judge_file(session, path, **options)
