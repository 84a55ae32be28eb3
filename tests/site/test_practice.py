"""练习: a quiz clicked through in Chromium, from a served site and from disk."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.site.browser import answer_all, serve

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api")


def test_quiz_clicked_through(browser, shipped_site: Path):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    errors = []  # the search worker's script loads, cut short by a reload, are not the quiz's business
    page.on("pageerror", lambda e: errors.append(str(e)) if "importScripts" not in str(e) else None)
    with serve(shipped_site) as base:
        page.goto(base + "practice.html")
        kinds = {box.get_attribute("data-kind") for box in page.locator("div.hf-q").all()}
        assert kinds == {"wording", "opening", "branch", "order"}
        total = page.locator("div.hf-q").count()
        assert page.locator(".hf-q-score").inner_text() == f"已答 0 / {total} 题"
        answer_all(page)
        score = page.locator(".hf-q-score").inner_text()
        right, wrong = page.locator("p.hf-q-ok").count(), page.locator("p.hf-q-no").count()
        assert right + wrong == total and score.startswith(f"得分：{right} / {total}")
        for note in page.locator("p.hf-q-no").all():  # every wrong answer explained, with its rule
            assert len(note.inner_text()) > 10
            href = note.locator("a").get_attribute("href")
            response = page.request.get(urljoin(page.url, href.split("#")[0]))
            assert response.ok, href
        drawn = {tuple(page.locator(".hf-q-prompt").all_inner_texts())}
        for _ in range(3):
            page.reload()
            drawn.add(tuple(page.locator(".hf-q-prompt").all_inner_texts()))
        assert len(drawn) > 1  # questions drawn anew on each visit
    assert errors == []
    page.goto((shipped_site / "practice.html").as_uri())  # no server needed (search alone needs one)
    answer_all(page)
    assert page.locator(".hf-q-score").inner_text().startswith("得分：")
    assert [e for e in errors if "search" not in e] == []
