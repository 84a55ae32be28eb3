"""What a trainee sees, in Chromium at desktop (1366×900) and phone (390×844) sizes: words to say,
no developer material, Chinese everywhere. Screenshots of every page kind go to tests/artifacts/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.site.browser import OPEN_SHADOW, NoSearchBrowser, charts_in, serve, wait_for_charts, without_search

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api")

SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGE_KINDS = {
    "home": "index.html",
    "scenario-script": "scenarios/zhonghe-neikan.html",
    "scenario-generic": "scenarios/anzhun-kehu-tousu.html",
    "scenarios": "scenarios/index.html",
    "etiquette": "etiquette.html",
    "etiquette-situation": "etiquette/jieting.html",
    "forbidden": "forbidden.html",
    "standards": "standards.html",
    "when-to-call": "when-to-call.html",
    "when-to-call-industry": "when-to-call/e4bf9de999a9.html",
    "bank": "banks/index.html",
    "forms": "forms.html",
    "maintainers": "maintainers/index.html",
    "maintainers-speech": "maintainers/speech.html",
    "rule": "rules/missing-greeting.html",
    "not-found": "404.html",
    "practice": "practice.html",
    "glossary": "glossary.html",
    "traditional": "zh-Hant/scenarios/zhonghe-neikan.html",
    "process": "process.html",
    "bank-detail": "banks/zhonghe-wenti.html",
    "script-without-scenario": "scripts/qiche-shouhou-jiedianhua.html",
    "rules": "rules/index.html",
    "content-model": "content-model.html",
    "tags": "tags.html",
    "etiquette-collapsed": "etiquette/zhize.html",
    "scenario-branches-stacked": "scenarios/ruifeng-laidian.html",
}
TRAINEE = [
    "index.html",
    "scenarios/zhonghe-neikan.html",
    "scenarios/anzhun-kehu-tousu.html",
    "standards.html",
    "forbidden.html",
    "etiquette.html",
    "when-to-call.html",
    "banks/index.html",
]
DEVELOPER = re.compile(
    r"scripts_src/|content/|\.ya?ml\b|第 ?\d+ ?行第 ?\d+ ?列|话术检查：|huifang |[\u4e00-\u9fff]\*[\u4e00-\u9fff]"
)


def settle(page, base: str, path: str, site: Path) -> None:
    """Open `path` and wait until it is laid out as a reader sees it: loaded, its fonts in, its charts drawn.

    Not `networkidle`: that also waited for Material's search worker to fetch and index the 2.7 MB search index
    after every page load (half a second of quiet at least, and its CPU), which no test here looks at; the tests
    that watch every request (test_browser) still wait for it."""
    page.goto(base + path, wait_until="load")
    wait_for_charts(page, site, path)


def open_page(browser, size: str):
    context = without_search(browser.new_context(viewport=SIZES[size]))
    context.add_init_script(OPEN_SHADOW)
    return context.new_page()


@pytest.fixture(scope="module")
def walk(chromium, shipped_site: Path, artifacts: Path):
    """Every page kind of both editions at both sizes, loaded once: photographed as it opens (charts drawn, fonts
    in), then counted by the trainee audit (which opens the folded parts). The screenshots and the audit loaded
    the same 54 Simplified pages each before. Returns {(kind, size): (PNG bytes, page width)} and the audit."""
    from bench.site.trainee_audit import Audit, visit

    kinds = {path: kind for kind, path in PAGE_KINDS.items()}
    shots = {}

    def photograph(path: str, size: str, page) -> None:
        if path in kinds:
            wait_for_charts(page, shipped_site, path)
            target = artifacts / f"site-{kinds[path]}-{size}.png"
            page.screenshot(path=str(target), full_page=True)
            shots[kinds[path], size] = (target.stat().st_size, page.evaluate("document.documentElement.scrollWidth"))

    paths = sorted({*PAGE_KINDS.values(), *("zh-Hant/" + p.removeprefix("zh-Hant/") for p in PAGE_KINDS.values())})
    audit = Audit(shipped_site, show=5)
    with serve(shipped_site) as base:
        visit(NoSearchBrowser(chromium), shipped_site, base, paths, audit, quiet=True, opened=photograph)
    return shots, audit


@pytest.mark.timeout(900)  # the walk (≈ 220 page loads) runs in the setup of whichever of its tests comes first
@pytest.mark.parametrize("size", SIZES)
def test_screenshots_of_every_page_kind(walk, size: str):
    shots, _ = walk
    for kind, path in PAGE_KINDS.items():
        png, width = shots[kind, size]
        assert png > 5_000
        assert width <= SIZES[size]["width"] + 1, (path, width)  # nothing wider than the screen


def test_trainee_pages_hold_no_developer_material(browser, shipped_site: Path):
    page = open_page(browser, "desktop")
    with serve(shipped_site) as base:
        for path in TRAINEE:
            page.goto(base + path, wait_until="load")
            text = page.locator("article").inner_text()
            assert not DEVELOPER.search(text), (path, DEVELOPER.search(text).group())
            assert "标识" not in page.locator("article th").all_inner_texts()
        page.goto(base + "maintainers/index.html")
        statuses = page.locator("article table").first.locator("tbody tr")
        assert statuses.count() == len(list(REPO.glob("scripts_src/**/*.yaml")))  # each script's lint status
        assert "scripts_src/wuye/zhonghe-neikan-huifang.yaml" in page.locator("article").inner_text()


def test_chinese_everywhere_a_reader_looks(browser, shipped_site: Path):
    page = open_page(browser, "desktop")
    with serve(shipped_site) as base:
        page.goto(base + "rules/missing-greeting.html")
        nav = " ".join(page.locator("nav.md-nav").all_inner_texts())
        footer = page.locator("footer").inner_text()
        for text in (nav, footer):
            assert not re.search(r"[a-z]+-[a-z]+", text), text  # no rule ids such as missing-greeting
        assert "Made with" not in footer and "Material for MkDocs" not in footer
        assert "下一页" in footer
        response = page.goto(base + "no-such-page.html")
        assert response.status == 404
        page.goto(base + "404.html")
        assert page.locator("article h1").inner_text() == "找不到这个页面"
        assert "Not found" not in page.locator("body").inner_text()


def test_dialogue_is_words_to_say(browser, shipped_site: Path):
    page = open_page(browser, "phone")
    with serve(shipped_site) as base:
        page.goto(base + "scenarios/zhonghe-neikan.html")
        dialogue = page.locator("article")
        turns = page.locator("p.hf-turn.hf-agent").all_inner_texts()
        asked = [t for t in turns if "请问您对我们此次回访的服务态度的满意吗" in t]
        assert len(asked) == 1, asked  # the branching question is asked once
        closing = "好的，非常感谢，如果您有需要，可随时跟我们取得联系"
        assert sum(closing in t for t in turns) == 1
        assert "（公司名称）" in dialogue.inner_text() and "某服务有限公司客服" not in dialogue.inner_text()
        assert page.locator("p.hf-customer.hf-reply").count() >= 4  # the customer's answers open the branches
        verbatim = page.locator("p.hf-verbatim").first
        point = page.locator("p.hf-point").first
        style = (
            "e => getComputedStyle(e).borderTopStyle + ' ' + getComputedStyle(e.querySelector('.hf-words')).fontStyle"
        )
        assert verbatim.evaluate(style) != point.evaluate(style)
        assert point.inner_text().startswith("坐席 · 要点")
        assert page.locator(".hf-from-seed").count() == 1 and page.locator(".hf-generic").count() == 0
        page.goto(base + "scenarios/anzhun-kehu-tousu.html")
        assert page.locator(".hf-generic").count() == 1 and page.locator(".hf-from-seed").count() == 0
        assert "规范没有给出本场景的话术" in page.locator(".hf-generic").inner_text()
        assert "6.1.2" not in page.locator("article").inner_text()  # no clause citations in the words
        page.goto(base + "standards.html")  # the examples quote the seeds: an unnamed company is a blank to fill
        examples = " ".join(page.locator("article blockquote").all_inner_texts())
        assert "我是（公司名称）客服专员" in examples
        assert not re.search(r"(某|××|[Xx]{2})[^，。！？\s]{0,6}公司", examples), re.findall(r".{8}公司", examples)


def test_every_scenario_page_says_whether_the_seeds_give_a_script(shipped_site: Path):
    for path in sorted((shipped_site / "scenarios").glob("*.html")):
        if path.name == "index.html":
            continue
        html = path.read_text(encoding="utf-8")
        assert ("hf-from-seed" in html) != ("hf-generic" in html), path.name


def test_forbidden_phrases_grouped_one_line_each_on_a_phone(browser, shipped_site: Path):
    page = open_page(browser, "phone")
    with serve(shipped_site) as base:
        page.goto(base + "forbidden.html")
        cards = page.locator("div.hf-forbid")
        assert cards.count() >= 5 and page.locator("article h2").count() >= 2  # after realscripts moved rules out
        assert cards.count() == page.locator("div.hf-forbid p.hf-good").count()  # each says what to say instead
        groups = page.locator("article h2").all_inner_texts()
        for group in ("承诺收益", "推诿", "找的人不在"):  # the enabled pack's groups too
            assert any(g.strip().startswith(group) for g in groups), (group, groups)
        lines = page.eval_on_selector_all(
            "div.hf-forbid p.hf-bad",
            "els => els.map(e => [e.innerText, e.getBoundingClientRect().height, "
            "parseFloat(getComputedStyle(e).lineHeight)])",
        )
        for text, height, line in lines:
            assert not re.search(r"\d+\.\d+", text), text  # no clause citation inside a phrase
            if len(text) <= 16:
                assert height < 1.5 * line, (text, height, line)  # a short phrase is one line on a phone


CHART_TEXT = """() => [...document.querySelectorAll('div.mermaid')].map(m => {
  const svg = m.shadowRoot.querySelector('svg');
  const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width || svg.getBoundingClientRect().width);
  const labels = [...m.shadowRoot.querySelectorAll('.nodeLabel, .edgeLabel, text')].filter(e => e.textContent.trim());
  return {smallest: Math.min(...labels.map(e => parseFloat(getComputedStyle(e).fontSize) * scale)),
          text: m.shadowRoot.textContent, width: svg.getBoundingClientRect().width,
          column: m.parentElement.getBoundingClientRect().width};
})"""
# the widest flows of the shipped content: three branches side by side (瑞风), a long flow with two decisions
# (回访流程), the 装修 calls whose 方便/不方便 cases stood side by side; each had to scroll sideways on a phone
WIDE_FLOWS = (
    "scenarios/ruifeng-laidian.html",
    "scenarios/zhuangxiu-jiaodi-hou.html",
    "scenarios/taikang-xinqiyue.html",
)


@pytest.mark.parametrize("size", SIZES)
def test_flowcharts_are_legible(browser, shipped_site: Path, size: str):
    page = open_page(browser, size)
    with serve(shipped_site) as base:
        for path in ("process.html", "scenarios/zhonghe-neikan.html", "scenarios/anzhun-kehu-tousu.html", *WIDE_FLOWS):
            settle(page, base, path, shipped_site)
            drawn = charts_in(shipped_site / path)
            charts = page.evaluate(CHART_TEXT)
            assert len(charts) == drawn >= 1, path  # every chart of the page is measured (装修 is the 2nd of 3)
            for chart in charts:
                assert chart["smallest"] >= 12, (path, chart["smallest"])  # rendered text size in px
                assert "…" not in chart["text"], path  # nothing cut
                assert chart["width"] <= chart["column"] + 1, (path, chart["width"], chart["column"])  # no sideways
            assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"], path
        chart = page.locator("div.mermaid").first
        chart.click()
        box = chart.bounding_box()
        assert box["width"] >= SIZES[size]["width"] * 0.95  # click to enlarge: full screen
        page.keyboard.press("Escape")
        assert "hf-zoom" not in chart.get_attribute("class")


def test_etiquette_split_by_situation_with_an_index(browser, shipped_site: Path):
    page = open_page(browser, "phone")
    with serve(shipped_site) as base:
        page.goto(base + "etiquette.html")
        links = page.eval_on_selector_all("article h2 a", "els => els.map(e => e.getAttribute('href'))")
        assert len(links) >= 5 and "etiquette/jieting.html" in links
        assert page.evaluate("document.documentElement.scrollHeight") < 6000
        rules = 0
        for link in links:
            page.goto(base + link)
            assert page.evaluate("document.documentElement.scrollHeight") < 8000, link  # was one 39,000 px wall
            groups = page.locator("article h2").count()
            if groups > 1:  # a phone has no table of contents beside the text: the page opens with its own
                jumps = page.eval_on_selector_all("article p.hf-index a", "els => els.map(e => e.hash.slice(1))")
                assert jumps == page.eval_on_selector_all("article h2", "els => els.map(e => e.id)"), link
            rules += page.locator("article li").count()
        assert rules >= 514  # every rule of the shipped content is on one of the pages


def test_tags_and_forms_collapse_to_an_index_on_a_phone(browser, shipped_site: Path):
    page = open_page(browser, "phone")
    with serve(shipped_site) as base:
        for path in ("tags.html", "forms.html", "zh-Hant/tags.html", "zh-Hant/forms.html"):
            page.goto(base + path)
            assert page.evaluate("document.documentElement.scrollHeight") < 6000, path  # were 16,527 and 13,894 px
            assert page.locator("article details").count() >= 5 and page.locator("article details[open]").count() == 0
        page.goto(base + "scenarios/zhonghe-neikan.html")
        chip = page.locator("article a[href*='tags.html#tag:']").first
        target = chip.get_attribute("href").split("#", 1)[1]
        chip.click()  # a page's tag leads to its line on 标签, opened
        page.wait_for_url("**/tags.html#*")
        opened = page.locator("details[open]")
        assert opened.count() == 1 and opened.get_attribute("id") == target
        assert opened.locator("a[href*='zhonghe-neikan']").count() == 1


TABLES = """() => [...document.querySelectorAll('article table')].map(t => {
  const rows = [...t.querySelectorAll('tbody tr')].map(r => [...r.cells].map(c => c.innerText.trim()));
  const columns = t.rows[0].cells.length;
  const empty = [...Array(columns).keys()].filter(i => rows.length && rows.every(r => !r[i] || r[i] === '—'));
  return {columns, empty, head: [...t.rows[0].cells].map(c => c.innerText.trim()),
          width: t.getBoundingClientRect().width};
})"""


CARDS = """() => [...document.querySelectorAll('article .hf-timing')].map(c => ({
  sentence: c.querySelector('.hf-sentence').innerText.trim(),
  window: c.querySelector('.hf-window') ? c.querySelector('.hf-window').innerText.trim() : null,
  facts: [...c.querySelectorAll('dl.hf-facts > dt')].map(dt => [dt.textContent.trim(),
    dt.nextElementSibling && dt.nextElementSibling.tagName === 'DD' ? dt.nextElementSibling.textContent.trim() : '']),
  sentenceTop: c.querySelector('.hf-sentence').getBoundingClientRect().top,
  windowTop: c.querySelector('.hf-window') ? c.querySelector('.hf-window').getBoundingClientRect().top : null,
  width: c.getBoundingClientRect().width,
}))"""


@pytest.mark.parametrize("size", SIZES)
def test_when_to_call_is_an_index_and_a_page_of_cards_per_industry(
    browser, shipped_site: Path, artifacts: Path, size: str
):
    """什么时候回访 was one page of 111 cards, 54,000 px tall on a phone. Now a short index links one page per
    industry; each page is a card per scenario: the timing in one sentence with the structured window beside
    it, then only the facts the scenario has (no empty field, no table column), nothing wider than the screen.
    The Traditional edition has the same pages."""
    page = open_page(browser, size)
    with serve(shipped_site) as base:
        settle(page, base, "when-to-call.html", shipped_site)
        index_height = page.evaluate("document.documentElement.scrollHeight")
        links = page.eval_on_selector_all("article h2 a", "els => els.map(e => e.getAttribute('href'))")
        assert len(links) >= 8 and all(re.fullmatch(r"when-to-call/[0-9a-f]+\.html", x) for x in links), links
        assert index_height < 5000, index_height
        scenarios = len(list((shipped_site / "scenarios").glob("*.html"))) - 1  # less the index
        assert page.locator("article p a[href*='when-to-call/']").count() == scenarios  # each card from the index
        cards, tallest = 0, (0, "")
        for link in links:
            settle(page, base, link, shipped_site)
            found = page.evaluate(CARDS)
            assert found and page.locator("article h2").count() == len(found), link
            assert page.evaluate("document.querySelectorAll('article table').length") == 0, link
            for card in found:
                assert re.search(r"[\u4e00-\u9fff]", card["sentence"]), card
                assert card["window"] is None or card["window"], card  # beside it, or absent: never a bare dash
                if card["window"] and size == "desktop":
                    assert abs(card["windowTop"] - card["sentenceTop"]) < 12, card  # on the sentence's line
                assert all(label and value and value != "—" for label, value in card["facts"]), card
                assert card["width"] <= SIZES[size]["width"], card
            assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"] + 1, link
            height = page.evaluate("document.documentElement.scrollHeight")
            tallest = max(tallest, (height, link))
            cards += len(found)
        assert cards == scenarios
        assert tallest[0] < 12000, tallest  # the longest industry page; the single page was 54,000 px
        settle(page, base, tallest[1], shipped_site)
        page.screenshot(path=str(artifacts / f"site-when-to-call-tallest-industry-{size}.png"), full_page=True)
        (artifacts / f"when-to-call-heights-{size}.txt").write_text(
            f"index {index_height}\ntallest {tallest[1]} {tallest[0]}\n", encoding="utf-8"
        )
        settle(page, base, "zh-Hant/" + links[0], shipped_site)
        assert len(page.evaluate(CARDS)) == page.locator("article h2").count() > 0
        assert page.locator("html").get_attribute("lang") == "zh-Hant"
        settle(page, base, "zh-Hant/when-to-call.html", shipped_site)
        assert page.eval_on_selector_all("article h2 a", "els => els.map(e => e.getAttribute('href'))") == links


@pytest.mark.parametrize("size", SIZES)
def test_no_table_shows_an_empty_column(browser, shipped_site: Path, size: str):
    page = open_page(browser, size)
    with serve(shipped_site) as base:
        for path in ("scenarios/zhonghe-neikan.html", "scenarios/anzhun-kehu-tousu.html", "when-to-call.html"):
            settle(page, base, path, shipped_site)
            tables = page.evaluate(TABLES)
            assert all(t["empty"] == [] for t in tables), path  # columns only where they have values
            heads = [tuple(t["head"]) for t in tables]
            assert len(heads) == len(set(heads)), path  # no table twice (the questions were shown twice)


# What issue 13's opening list counted, on every page kind of both editions at both sizes
# (bench/site/trainee_audit.py counts the same over every page; figures in bench/README.md).
NONE_LEFT = [
    "labels read as speech (原话 without a sign of speech)",
    "clause citation in the dialogue",
    "company placeholder read as a name (words to say)",
    "raw placeholder {…} in the text",
    "raw placeholder {…} in a chart",
    "same agent line twice on one path",
    "scenario: says neither (or both)",
    "developer: path",
    "developer: line",
    "developer: ascii id",
    "developer: pattern",
    "developer: lint",
    "developer: jargon",
    "developer: id column",
    "switch: pages without the 简体/繁體 switch",
    "switch: leads to another page",
    "switch: leads to a missing page",
    "wider than the screen (desktop)",
    "wider than the screen (phone)",
    "empty columns (desktop)",
    "empty columns (phone)",
    "charts with text under 12 px (desktop)",
    "charts with text under 12 px (phone)",
    "charts with text cut by … (desktop)",
    "charts with text cut by … (phone)",
    "charts wider than their column (desktop)",  # the page kinds' charts fit once shrunk to ≥ 12 px text
    "charts wider than their column (phone)",  # a branch's cases stacked top to bottom on a narrow screen
    "忌语速查: phrases that read as rules",
    "忌语速查: citation inside a phrase",
    "忌语速查: cards without 改说",
    "忌语速查: short phrase wrapped on a phone",
]


@pytest.mark.timeout(900)
def test_the_trainee_audit_finds_nothing_on_any_page_kind(walk):
    from bench.site.trainee_audit import OK_LATIN

    _, audit = walk
    found = audit.report()
    left = {name: found["examples"].get(name) for name in NONE_LEFT if found["counts"].get(name)}
    assert left == {}, left
    english = {w for w, _ in found["english words"]} - OK_LATIN - {"HF"}  # HF: the forms' numbers (HF-F047)
    assert english == set(), english
    counts = found["counts"]
    assert counts["scenario: script from the seeds"] >= 2 and counts["scenario: generic call, labelled"] >= 2
    assert counts["charts (phone)"] >= 6 and found["smallest chart text (px)"]["desktop"] >= 12
    assert counts["customer lines (answers opening a branch)"] >= 4
