"""Real Chromium (Debian's, via Playwright) against a built site served on 127.0.0.1."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# Material renders Mermaid into a closed shadow root; open it so tests can see the SVG.
OPEN_SHADOW = (
    "const attach = Element.prototype.attachShadow;"
    "Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: 'open'}); };"
)


# Material starts its search worker on every page load, and the worker fetches and indexes the 2.7 MB search index:
# about a third of a page load's Chromium CPU (bench/README.md, "Test suite time (session 26)"). A test that does not
# search gets an empty worker script instead; the tests marked `search` keep the real one.
SEARCH_WORKER = "**/assets/javascripts/workers/search.*.min.js"


def without_search(context):
    context.route(SEARCH_WORKER, lambda route: route.fulfill(body="", content_type="text/javascript"))
    return context


class NoSearchBrowser:
    """The Chromium a test gets unless it is marked `search`: every context it opens has an empty search worker."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **kwargs):
        return without_search(self._browser.new_context(**kwargs))

    def new_page(self, **kwargs):
        return self.new_context(**kwargs).new_page()

    def __getattr__(self, name):
        return getattr(self._browser, name)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    # socketserver's backlog of 5 is less than the connections Chromium opens at once for one page; on a loaded
    # machine the accept loop falls behind and a test failed once on ERR_CONNECTION_RESET.
    request_queue_size = 128


@contextlib.contextmanager
def serve(directory: Path, page=None):
    """Serve a directory on a free port of 127.0.0.1; yields the base URL (ending in /).

    Given the page that reads it, the page leaves for about:blank before the server stops: a request the page still
    makes then (Material's search worker, a late font) would otherwise fail on a reset connection and count as a
    page error (CI failed so on 2e6f584)."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        if page is not None:
            page.goto("about:blank")
        server.shutdown()
        server.server_close()


# Material renders a page's Mermaid charts one after another once the page has loaded: each <pre class="mermaid">
# becomes a <div class="mermaid"> holding the SVG. Under load that takes seconds per chart, so a test waits until
# every chart of the page is drawn (and the fonts are in), never a fixed time or "some chart is there".
CHARTS_DRAWN = """expected => document.fonts.status === 'loaded' && !document.querySelector('pre.mermaid') &&
  [...document.querySelectorAll('div.mermaid')].filter(m => m.shadowRoot && m.shadowRoot.querySelector('svg')).length
  === expected"""
CHART_TIMEOUT_MS = 180_000  # a safety net only: the wait ends as soon as the charts are drawn


def charts_in(html_file: Path) -> int:
    """How many Mermaid charts a built page holds."""
    return html_file.read_text(encoding="utf-8").count('<pre class="mermaid">')


def wait_for_charts(page, site: Path, path: str) -> int:
    """Wait until every Mermaid chart of the built page `path` is drawn in the open page; returns their number."""
    expected = charts_in(site / path)
    # every 100 ms, not at every animation frame (Playwright's default): a frame asked for at 60 a second while
    # Mermaid draws cost ≈ 0.09 s of Chromium's CPU a chart page (bench/README.md, session 29)
    page.wait_for_function(CHARTS_DRAWN, arg=expected, timeout=CHART_TIMEOUT_MS, polling=100)
    return expected


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def answer_all(page) -> None:
    """练习: click the first choice of every question; for an ordering question, every choice in screen order."""
    for box in page.locator("div.hf-q").all():
        buttons = box.locator("button.hf-q-choice")
        if box.get_attribute("data-kind") == "order":
            for i in range(buttons.count()):
                buttons.nth(i).click()
        else:
            buttons.first.click()


RESULTS = "li.md-search-result__item > a.md-search-result__link"


def search(page, base: str, query: str, settle: float = 0.25, timeout: float = 10.0) -> list[str]:
    """Type a query into Material's search box; the result pages in order, as site paths."""
    if not page.url.startswith(base):
        page.goto(base + "index.html")
    box = page.locator("input.md-search__input")
    magnifier = page.locator('label.md-header__button[for="__search"]').first
    if magnifier.is_visible() and not page.locator("#__search").is_checked():
        magnifier.click()  # a phone: the search box opens from the magnifier in the header
    box.click()
    box.fill("")
    box.fill(query)
    box.press("End")  # Material reads the query on keyup; fill() is how an IME commits the text
    deadline = time.monotonic() + timeout
    previous, stable_since = None, time.monotonic()
    while time.monotonic() < deadline:
        meta = page.locator(".md-search-result__meta").inner_text()
        hrefs = page.eval_on_selector_all(RESULTS, "els => els.map(e => e.getAttribute('href'))")
        if "初始化" not in meta and hrefs == previous:
            if time.monotonic() - stable_since >= settle:
                break
        else:
            previous, stable_since = hrefs, time.monotonic()
        time.sleep(0.05)
    pages: list[str] = []
    base_path = urlsplit(base).path
    for href in previous or []:
        path = urlsplit(urljoin(page.url, href)).path
        rel = path[len(base_path) :] if path.startswith(base_path) else path
        if rel not in pages:
            pages.append(rel)
    return pages


def hit_rates(results: dict[str, list[str]], queries: list[dict]) -> dict:
    top1 = sum(1 for q in queries if results[q["query"]][:1] and results[q["query"]][0] in q["expect"])
    top3 = sum(1 for q in queries if set(results[q["query"]][:3]) & set(q["expect"]))
    n = len(queries)
    return {"queries": n, "top1": top1, "top3": top3, "top1_rate": round(top1 / n, 3), "top3_rate": round(top3 / n, 3)}
