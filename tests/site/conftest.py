"""Sites built once per test session (shared by the xdist workers through a lock file)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, locked, run_folder

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


def shared_build(tmp_path_factory, name: str, project: Path, no_forms: bool) -> Path:
    """Build `project` once for the whole session, whichever xdist worker gets there first."""
    root = run_folder(tmp_path_factory)
    site = root / f"site-{name}"
    with locked(root / f"site-{name}.lock"):
        if not (site / "index.html").is_file():
            from huifang.site.command import build_site, quiet_logging

            class Args:
                lint_errors = "warn"

            Args.no_forms = no_forms
            quiet_logging()
            build_site(project, site, Args())
    return site


@pytest.fixture(scope="session")
def hostile_project(tmp_path_factory) -> Path:
    """A private copy of the hostile fixture (its .huifang-cache must not land in the repository)."""
    target = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(HOSTILE, target, ignore=shutil.ignore_patterns(".huifang-cache"))
    return target


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The hostile fixture project with its PDF forms."""
    root = run_folder(tmp_path_factory)
    project = root / "hostile-project"
    with locked(root / "hostile-project.lock"):
        if not project.is_dir():
            shutil.copytree(HOSTILE, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    return shared_build(tmp_path_factory, "hostile", project, no_forms=False)


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Path:
    """The shipped content (the repository itself), without PDFs: those are the forms tests' business."""
    return shared_build(tmp_path_factory, "shipped", REPO, no_forms=True)


@pytest.fixture(scope="session")
def chromium():
    """One Chromium per test process (Debian's, through Playwright): each launch costs ≈ 1.7 s of CPU."""
    from playwright import sync_api as playwright_api

    from tests.site.browser import launch

    with playwright_api.sync_playwright() as p:
        started = launch(p)
        yield started
        started.close()


@pytest.fixture
def browser(chromium, request):
    """The process's Chromium; the pages and contexts a test opened are closed after it, so none carries over.
    Material's search worker runs only in the tests marked `search` (browser.py, SEARCH_WORKER)."""
    from tests.site.browser import NoSearchBrowser

    yield chromium if request.node.get_closest_marker("search") else NoSearchBrowser(chromium)
    for context in chromium.contexts:
        context.close()
