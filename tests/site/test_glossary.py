"""术语表: built from content/glossary.yaml, linked from the pages that use its terms."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import huifang
from tests.site.browser import serve
from tests.site.conftest import HOSTILE

pytest.importorskip("playwright.sync_api")


@pytest.mark.browser
def test_pages_link_the_terms_they_use(browser, shipped_site: Path):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    with serve(shipped_site) as base:
        page.goto(base + "glossary.html")
        terms = page.locator("article h2").all_inner_texts()
        assert {"犹豫期", "问题件", "首问负责制", "三同时", "回访率"} <= set(terms)
        assert "规范没有给出定义" in page.locator("article").inner_text()  # silent seeds said so
        page.goto(base + "scenarios/baoxian-xinqiyue-xinqiyue.html")
        link = page.locator("p.hf-terms a", has_text="犹豫期")
        link.click()
        page.wait_for_url(re.compile(r"glossary\.html#term-"))
        anchor = page.url.split("#", 1)[1]
        assert page.locator(f"[id='{anchor}']").inner_text() == "犹豫期"


@pytest.mark.parametrize(
    "text, message",
    [
        ("terms:\n  - term: 犹豫期\n    source: 某办法\n", r"content/glossary\.yaml:2:5: 规范没有给出定义时"),
        ("term: []\n", r"content/glossary\.yaml:1:1: glossary\.yaml 的最外层"),
        (
            "terms:\n  - {term: 甲, usage: 乙, source: 丙}\n  - {term: 甲, usage: 乙, source: 丙}\n",
            r"content/glossary\.yaml:3:12: 术语 甲 重复",
        ),
    ],
)
def test_broken_glossary_is_one_line(tmp_path: Path, text: str, message: str):
    project = tmp_path / "p"
    shutil.copytree(HOSTILE, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    (project / "content" / "glossary.yaml").write_text(text, encoding="utf-8")
    result = huifang("build", "--project", project, "--site-dir", tmp_path / "site", "--no-forms")
    assert result.returncode == 1
    assert re.search(f"^{message}", result.stderr, re.M), result.stderr
    assert "Traceback" not in result.stderr
