"""Search that answers questions: the held-out half of bench/site/questions.yaml in Chromium, and the
intent table (content/search.yaml) refusing broken input with one `path:line:col` line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.site.questions import halves, score
from tests.conftest import huifang
from tests.site.conftest import HOSTILE

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.mark.browser
def test_held_out_questions_find_their_page(shipped_site: Path):
    from bench.site.questions import COUNTS, run
    entries = halves()["held-out"]
    rates = score(run(shipped_site, entries), entries)
    assert rates["top3_rate"] >= 0.9, rates
    assert any("麼" in e["q"] or "語" in e["q"] for e in entries)  # Traditional questions are in the set
    counts = sorted(COUNTS[e["q"]] for e in entries)
    assert counts[len(counts) // 2] <= 60, counts  # weak results are not listed (it was ~150 per query)


@pytest.mark.parametrize("text, message", [
    ("synonyms:\n  - words: [不能说]\n    pages: [nope.md]\n", r"content/search\.yaml:3:13: 找不到页面 nope\.md"),
    ("stop: [怎么 办]\n", r"content/search\.yaml:1:8: 每个词语应是"),
    ("stop: [怎么\n", r"content/search\.yaml:2:1: "),
    ("synonym: []\n", r"content/search\.yaml:1:1: 未知的键 synonym"),
    ("synonyms:\n  - words: [不方便]\n", r"content/search\.yaml:2:5: 每项应当只有 words"),
])
def test_broken_intent_table_is_one_line(tmp_path: Path, text: str, message: str):
    import re
    project = tmp_path / "p"
    shutil.copytree(HOSTILE, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    (project / "content" / "search.yaml").write_text(text, encoding="utf-8")
    result = huifang("build", "--project", project, "--site-dir", tmp_path / "site", "--no-forms")
    assert result.returncode == 1
    assert re.search(f"^{message}", result.stderr, re.M), result.stderr
    assert "Traceback" not in result.stderr
