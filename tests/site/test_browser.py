"""The handbook as a trainee uses it: Debian's Chromium via Playwright against sites on 127.0.0.1."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.site.browser import OPEN_SHADOW, hit_rates, search, serve, wait_for_charts

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api")

QUERIES = yaml.safe_load((Path(__file__).with_name("queries.yaml")).read_text(encoding="utf-8"))
# The queries the issue names: each must put the right page in the top 3.
MUST = ["投诉回访多久", "不方便接电话", "犹豫期", "拔牙注意事项", "忌語", "結束語", "投訴"]
PAGES = [
    "index.html",
    "process.html",
    "roles.html",
    "when-to-call.html",
    "etiquette.html",
    "forbidden.html",
    "standards.html",
    "scenarios/index.html",
    "scenarios/zhuangxiu-qiandan-hou.html",
    "scenarios/zhonghe-neikan.html",
    "banks/index.html",
    "forms.html",
    "rules/index.html",
    "rules/forbidden-phrase.html",
    "content-model.html",
    "tags.html",
]


class Watch:
    """Console errors, page errors, dialogs and every request that would leave 127.0.0.1 (blocked)."""

    def __init__(self, page):
        self.errors, self.outside, self.dialogs = [], [], []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.route("**/*", self.route)

    def route(self, route):
        url = route.request.url
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:", "file:")) or host == "127.0.0.1":
            route.fallback()  # to the context's own routes (an empty search worker), then the network
        else:
            self.outside.append(url)
            route.abort()


def new_page(browser, **kwargs):
    context = browser.new_context(**kwargs)
    context.add_init_script(OPEN_SHADOW)
    page = context.new_page()
    return page, Watch(page)


@pytest.mark.search  # every page with its search worker running, watched for errors
def test_pages_render_offline_without_errors(browser, shipped_site: Path):
    page, watch = new_page(browser)
    with serve(shipped_site, page) as base:
        for path in PAGES:
            page.goto(base + path, wait_until="networkidle")
            assert page.locator("article h1").count() == 1, path
        page.goto(base + "scenarios/zhuangxiu-qiandan-hou.html", wait_until="networkidle")
        assert wait_for_charts(page, shipped_site, "scenarios/zhuangxiu-qiandan-hou.html") >= 1
    assert watch.errors == []
    assert watch.outside == []  # no CDN, no Google Fonts, no unpkg


def test_mermaid_charts_render_as_svg(browser, hostile_site: Path, shipped_site: Path):
    page, watch = new_page(browser)
    with serve(hostile_site, page) as base:
        page.goto(base + "scenarios/demo-tousu.html", wait_until="networkidle")
        assert wait_for_charts(page, hostile_site, "scenarios/demo-tousu.html") >= 1
        assert "开始回访" in page.locator(".mermaid svg").first.text_content()
    with serve(shipped_site, page) as base:
        page.goto(base + "process.html", wait_until="networkidle")
        assert wait_for_charts(page, shipped_site, "process.html") == 3
    assert watch.outside == [] and watch.errors == []


def test_branch_tabs_switch(browser, hostile_site: Path):
    page, watch = new_page(browser)
    with serve(hostile_site, page) as base:
        page.goto(base + "scenarios/demo-tousu.html")
        first = page.locator(".tabbed-set").first
        inconvenient = first.locator(".tabbed-labels label", has_text="不方便")
        assert not page.get_by_text("那请问什么时候适合打给您呢").first.is_visible()
        inconvenient.click()
        assert page.get_by_text("那请问什么时候适合打给您呢").first.is_visible()
        branch = page.locator(".tabbed-set").nth(1)
        assert branch.locator(".tabbed-labels label").all_inner_texts() == ["满意", "不满意"]
        branch.locator(".tabbed-labels label", has_text="不满意").click()
        assert page.get_by_text("非常抱歉，我们会继续跟进。").first.is_visible()
        assert not page.get_by_text("感谢您的认可！").first.is_visible()
    assert watch.errors == [] and watch.dialogs == []


def test_dialogue_tells_agent_and_customer_apart(browser, hostile_site: Path):
    page, _ = new_page(browser)
    with serve(hostile_site) as base:
        page.goto(base + "scenarios/demo-tousu.html")
        agent = page.locator("p.hf-turn.hf-agent").first
        customer = page.locator("p.hf-turn.hf-customer:not(.hf-reply)").first
        style = "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).textAlign]"
        assert agent.evaluate(style) != customer.evaluate(style)
        assert "<img src=x" in customer.inner_text()  # hostile text shown as text


@pytest.mark.search
def test_hostile_yaml_stays_text(browser, hostile_site: Path):
    page, watch = new_page(browser)
    with serve(hostile_site, page) as base:
        for path in (
            "scenarios/demo-tousu.html",
            "when-to-call.html",
            "when-to-call/" + "物业".encode().hex() + ".html",
            "scenarios/index.html",
            "tags.html",
        ):
            page.goto(base + path, wait_until="networkidle")
        page.goto(base + "scenarios/demo-tousu.html", wait_until="networkidle")
        text = page.locator("article").inner_text()
        assert "{{ 7*7 }}" in text and "[点我](javascript:alert(1))" in text and "*星号*" in text
        assert (
            page.evaluate(
                "[...document.querySelectorAll('a')].filter(a => "
                "a.getAttribute('href') && a.getAttribute('href').trim().toLowerCase()"
                ".startsWith('javascript')).length"
            )
            == 0
        )
        search(page, base, "投诉")
    assert watch.dialogs == [] and watch.errors == []


def test_pdf_download_links_return_pdfs(browser, hostile_site: Path):
    page, _ = new_page(browser)
    with serve(hostile_site) as base:
        page.goto(base + "scenarios/demo-tousu.html")
        links = page.eval_on_selector_all("a.hf-download", "els => els.map(e => e.href)")
        assert len(links) >= 3 and any("pack-" in x for x in links) and any("script-" in x for x in links)
        for link in links:
            response = page.request.get(link)
            assert response.ok, link
            assert response.body().startswith(b"%PDF"), link


def test_screenshots(browser, shipped_site: Path, artifacts: Path):
    page, _ = new_page(browser, viewport={"width": 1280, "height": 900})
    with serve(shipped_site) as base:
        page.goto(base + "index.html", wait_until="networkidle")
        page.screenshot(path=str(artifacts / "site-home.png"), full_page=True)
        page.goto(base + "scenarios/zhuangxiu-qiandan-hou.html", wait_until="networkidle")
        wait_for_charts(page, shipped_site, "scenarios/zhuangxiu-qiandan-hou.html")
        page.screenshot(path=str(artifacts / "site-scenario.png"), full_page=True)
    assert (artifacts / "site-home.png").stat().st_size > 10_000


def test_opening_index_html_from_disk_works_for_reading(browser, hostile_site: Path):
    page, watch = new_page(browser)
    page.goto((hostile_site / "index.html").as_uri())
    assert page.locator("article h1").inner_text()
    page.locator("article a", has_text="忌语速查").first.click()
    page.wait_for_url(re.compile(r"forbidden\.html$"))
    assert "你自己想办法吧" in page.locator("article").inner_text()
    assert watch.outside == []


@pytest.mark.search
def test_search_answers_the_query_set(browser, shipped_site: Path, artifacts: Path):
    page, watch = new_page(browser)
    results = {}
    with serve(shipped_site) as base:
        for q in QUERIES:
            results[q["query"]] = search(page, base, q["query"])
    rates = hit_rates(results, QUERIES)
    misses = {
        q["query"]: results[q["query"]][:3] for q in QUERIES if not set(results[q["query"]][:3]) & set(q["expect"])
    }
    (artifacts / "search-report.json").write_text(
        json.dumps({**rates, "misses": misses}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    for query in MUST:
        expect = next(q["expect"] for q in QUERIES if q["query"] == query)
        assert set(results[query][:3]) & set(expect), (query, results[query][:3])
    assert rates["top3_rate"] >= 0.85, (rates, misses)
    assert watch.outside == []
