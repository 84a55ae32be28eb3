"""The Traditional Chinese edition at site/zh-Hant/: every page converted, its own search, and a switch
in the header of every page that keeps the reader on the same page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.browser import search, serve

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api")


def test_every_page_has_a_traditional_twin(shipped_site: Path):
    simplified = {
        p.relative_to(shipped_site)
        for p in shipped_site.rglob("*.html")
        if p.relative_to(shipped_site).parts[0] != "zh-Hant"
    }
    traditional = {p.relative_to(shipped_site / "zh-Hant") for p in (shipped_site / "zh-Hant").rglob("*.html")}
    assert simplified == traditional
    page = (shipped_site / "zh-Hant" / "forbidden.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant"' in page and "忌語速查" in page and "忌语速查" not in page
    assert "回訪" in (shipped_site / "zh-Hant" / "search" / "search_index.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("size", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}])
@pytest.mark.search
def test_switch_and_search_in_the_traditional_edition(browser, shipped_site: Path, size: dict):
    page = browser.new_page(viewport=size)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    with serve(shipped_site) as base:
        page.goto(base + "scenarios/zhonghe-neikan.html")
        page.locator("a.hf-edition", has_text="繁體").click()
        page.wait_for_url(base + "zh-Hant/scenarios/zhonghe-neikan.html")
        assert page.locator("article h1").inner_text() == "《眾和資訊》內刊寄送回訪"
        page.locator("a.hf-edition", has_text="简体").click()
        page.wait_for_url(base + "scenarios/zhonghe-neikan.html")
        found = search(page, base + "zh-Hant/", "客戶不方便怎麼辦")  # on a phone from the header's magnifier
        assert {"process.html", "standards.html"} & set(found[:3]), found
        assert page.url.startswith(base + "zh-Hant/")
        page.goto(base + "index.html")
        found = search(page, base, "我不能说什么")
        assert "forbidden.html" in found[:3], found
    assert errors == []
