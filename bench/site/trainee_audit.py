"""What a new agent meets on the handbook: issue 13's opening list counted on every page of both editions
(Simplified and zh-Hant/), in Chromium at desktop 1366×900 and phone 390×844.

    .venv/bin/python bench/site/trainee_audit.py [--site DIR] [--only PREFIX …] [--json OUT] [--show N]

Without --site the shipped content is built into a temporary directory first (no PDFs). Each figure is
printed as `name  value` with up to N examples (default 3); --json writes every figure and example.

Trainee pages are every page outside the 维护者 section (maintainers/, rules/, content-model.html).
What is counted (a reader's view: the rendered text, not the Markdown):

- labels: agent lines shown as words to say (原话) that hold no sign of speech (no punctuation, no 您/你/请/
  吗/呢/吧/我/好/谢): a topic label read aloud. Also how many questions are 原话 and 要点, and customer lines.
- company: a placeholder read as a name in the words to say (「这里是公司客服」, 「某服务有限公司」, 「物业项目客服」,
  「制定单位客服」), and raw placeholders 「{期数}」 in any page's text or chart.
- clause: a clause citation (6.1.2(2)) inside the dialogue.
- scenarios: pages that say the seeds give their script and pages that show the generic call.
- repeated: the same agent line twice on one path of a dialogue (tabs of one set are different paths);
  flowchart nodes with the same text twice in one chart (start and end nodes aside).
- charts: smallest rendered text (px, after the SVG's scale), text cut with 「…」, the lowest chart, charts
  wider than their column (they scroll sideways).
- developer: YAML paths, 第N行/第N列, ascii ids (slugs, rule ids), patterns (请问*是*, (甲|乙)), an id column
  (标识) on trainee pages (article, navigation, footer), and words only a maintainer knows (种子, 占位符) in
  the article.
- forbidden: 忌语速查's cards, groups, phrases that read as rules (未…, 应…, 不得…) rather than said on a
  call, cards without 改说, citations inside a phrase, short phrases wrapped on a phone.
- heights: page heights on a phone (电话礼仪 pages, 什么时候回访 pages, the tallest pages).
- empty columns: table columns with no value in any row (every page, both sizes).
- english: Latin words a reader sees on trainee pages (page text, navigation, header, footer, tooltips, window
  title); a seed's masks (XX) aside, and PDF, VIP, APP, Esc and units (mm, cm, mmol) counted apart as words Chinese readers use.
- glossary: terms, pages linking each term, links to a missing anchor, terms used on a page without a link.
- practice: the quiz clicked through (score shown, every wrong answer explained with a working link,
  questions drawn anew on reload).
- switch: pages without the 简体/繁體 switch, or whose switch leads to a missing page or the wrong one.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.site.browser import OPEN_SHADOW, answer_all, launch, serve, wait_for_charts  # noqa: E402

SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
MAINTAINERS = ("maintainers/", "rules/", "content-model.html")

COLLECT = """() => {
  // the page's size as it opens; then every collapsed section opened, so its text is counted as a reader sees it
  const height = document.documentElement.scrollHeight, width = document.documentElement.scrollWidth;
  document.querySelectorAll('article details:not([open])').forEach(d => { d.open = true; });
  const text = e => e ? e.innerText : '';
  const article = document.querySelector('article');
  const tables = [...document.querySelectorAll('article table')].map(t => {
    const rows = [...t.querySelectorAll('tbody tr')].map(r => [...r.cells].map(c => c.innerText.trim()));
    const columns = t.rows.length ? t.rows[0].cells.length : 0;
    const empty = [...Array(columns).keys()].filter(i => rows.length && rows.every(r => !r[i] || r[i] === '—'));
    return {head: t.rows.length ? [...t.rows[0].cells].map(c => c.innerText.trim()) : [], empty};
  });
  // each dialogue line with its path: the (tab set, tab) pairs it sits in
  const sets = [...document.querySelectorAll('.tabbed-set')];
  const heads = [...document.querySelectorAll('article h2, article h3')];
  const turns = [...document.querySelectorAll('article .hf-turn')].map(t => {
    const path = [];
    for (let e = t; e && e !== article; e = e.parentElement) {
      if (e.classList.contains('tabbed-block')) {
        const set = e.closest('.tabbed-set');
        path.unshift([sets.indexOf(set), [...e.parentElement.children].indexOf(e)]);
      }
    }
    const words = t.querySelector('.hf-words');
    const section = heads.filter(h => h.compareDocumentPosition(t) & 4).length;  // one script per heading
    return {cls: t.className, words: words ? words.innerText.trim() : t.innerText.trim(), path, section};
  });
  const tips = [...document.querySelectorAll('[title], [placeholder], [aria-label]')]
    .filter(e => e.getClientRects().length)
    .map(e => [e.getAttribute('title'), e.getAttribute('placeholder')].filter(Boolean).join(' '));
  const edition = document.querySelector('a.hf-edition');
  return {
    lang: document.documentElement.lang, title: document.title,
    height, width: Math.max(width, document.documentElement.scrollWidth),
    article: text(article), header: text(document.querySelector('header')),
    nav: (document.querySelector('nav.md-nav--primary') || {}).textContent || '',
    tabs: (document.querySelector('nav.md-tabs') || {}).textContent || '',
    footer: text(document.querySelector('footer')), tips, tables, turns,
    th: [...document.querySelectorAll('article th')].map(e => e.innerText.trim()),
    quotes: [...document.querySelectorAll('article blockquote')].map(e => e.innerText).join(' '),
    edition: edition ? edition.href : null,
    glossaryLinks: [...document.querySelectorAll('article a[href*="glossary.html#"]')].map(a => a.href),
    seed: document.querySelectorAll('.hf-from-seed').length, generic: document.querySelectorAll('.hf-generic').length,
    ids: [...document.querySelectorAll('[id]')].map(e => e.id),
  };
}"""

CHARTS = """() => [...document.querySelectorAll('div.mermaid')].map(m => {
  const svg = m.shadowRoot.querySelector('svg');
  const box = svg.getBoundingClientRect();
  const scale = box.width / (svg.viewBox.baseVal.width || box.width);
  const labels = [...m.shadowRoot.querySelectorAll('.nodeLabel, .edgeLabel, text')].filter(e => e.textContent.trim());
  const nodes = [...m.shadowRoot.querySelectorAll('g.node')].map(n => n.textContent.trim());
  const column = m.parentElement.getBoundingClientRect().width;
  return {smallest: Math.min(...labels.map(e => parseFloat(getComputedStyle(e).fontSize) * scale)),
          text: m.shadowRoot.textContent, height: box.height, width: box.width, column, nodes};
})"""

SPOKEN = re.compile(r"[，。！？、；：,.!?;:…]|您|你|请|吗|呢|吧|我|好|谢|喂")
COMPANY = re.compile(
    r"(这里是|我是|是)(公司|物业项目|单位|[^，。\s]{0,14}制定单位|某[^，。\s]{0,8})(的)?(客服|回访)"
    r"|某(服务|物业|装饰|科技|实业)?有限公司|某公司|XX公司|xx公司"
)
RAW_PLACEHOLDER = re.compile(r"\{[^{}\s]{1,8}\}")
CLAUSE = re.compile(r"\d+\.\d+\.\d+(?:\(\d+\)|（\d+）)?|第[一二三四五六七八九十\d]+条")
DEVELOPER = {
    "path": re.compile(r"[\w.-]+/[\w./-]+\.(?:ya?ml|md|txt|py|json)\b|\.ya?ml\b"),
    "line": re.compile(r"第\s*\d+\s*[行列]|\d+\s*行\s*\d+\s*列"),
    "ascii id": re.compile(r"(?<![\w/.#-])[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+(?![\w/.-])"),
    "pattern": re.compile(r"[\u4e00-\u9fff]\*|\*[\u4e00-\u9fff]|\([\u4e00-\u9fff]+\|[\u4e00-\u9fff]+\)"),
    "lint": re.compile(r"话术检查：|\blint\b|huifang "),
    "jargon": re.compile(r"种子|占位符|正则"),
}
RULE_LIKE = re.compile(r"^(未|没有|不按|不及时|应|须|必须|禁止|严禁|不得|不准|擅自|对.+不)")
CITATION = re.compile(r"\d+\.\d+|《[^》]+》|第.+条|出处|来源")
LATIN = re.compile(r"[A-Za-z]{2,}")
OK_LATIN = {"PDF", "VIP", "Esc", "APP", "mmol", "mm", "cm"}  # words Chinese readers use as they are


def trainee(path: str) -> bool:
    bare = path.removeprefix("zh-Hant/")
    return not bare.startswith(MAINTAINERS)


def pages_of(site: Path, only: list[str]) -> list[str]:
    found = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    found = [p for p in found if not p.startswith(("assets/", "search/"))]
    return [p for p in found if not only or p.startswith(tuple(only))]


class Audit:
    def __init__(self, site: Path, show: int):
        self.site = site
        self.show = show
        self.counts: Counter = Counter()
        self.examples: dict[str, list] = defaultdict(list)
        self.heights: dict[str, dict[str, int]] = defaultdict(dict)
        self.english: Counter = Counter()
        self.chart_min: dict[str, float] = {}
        self.glossary_use: dict[str, set] = defaultdict(set)

    def add(self, name: str, n: int = 1, example=None) -> None:
        self.counts[name] += n
        if example is not None and n:
            self.examples[name].append(example)

    def page(self, path: str, size: str, data: dict) -> None:
        if path.startswith("zh-Hant/"):  # the same patterns count in both editions
            data = simplified(data)
        self.heights[size][path] = data["height"]
        if data["width"] > SIZES[size]["width"] + 1:
            self.add(f"wider than the screen ({size})", 1, path)
        for table in data["tables"]:
            if table["empty"]:
                self.add(
                    f"empty columns ({size})", len(table["empty"]), (path, [table["head"][i] for i in table["empty"]])
                )
        self.switch(path, size, data)
        if size != "desktop":
            return
        self.add("pages", 1)
        if not trainee(path):
            return
        self.add("trainee pages", 1)
        seen = " ".join([data["article"], data["header"], data["nav"], data["tabs"], data["footer"], *data["tips"]])
        for word in LATIN.findall(seen + " " + data["title"]):
            if re.fullmatch(r"[Xx]+", word):
                continue  # a seed's mask in a document's title (XX资产管理有限公司)
            self.english[word] += 1
            if word in OK_LATIN:
                self.add("latin words Chinese readers use (PDF, VIP, APP, Esc, units)", 1)
            else:
                self.add("english words (trainee pages)", 1, (path, word))
        shown = "\n".join([data["article"], data["nav"], data["tabs"], data["footer"]])
        for name, pattern in DEVELOPER.items():
            for match in pattern.finditer(data["article"] if name == "jargon" else shown):
                self.add(f"developer: {name}", 1, (path, match.group()))
        if any(h in ("标识", "id", "ID") for h in data["th"]):
            self.add("developer: id column", 1, path)
        for match in COMPANY.finditer("\n".join(t["words"] for t in data["turns"])):
            self.add("company placeholder read as a name (words to say)", 1, (path, match.group()))
        for match in RAW_PLACEHOLDER.finditer(data["article"]):
            self.add("raw placeholder {…} in the text", 1, (path, match.group()))
        self.dialogue(path, data)
        if re.search(r"(^|/)scenarios/(?!index)", path):
            self.add("scenario pages", 1)
            self.add("scenario: script from the seeds", 1 if data["seed"] else 0)
            self.add("scenario: generic call, labelled", 1 if data["generic"] else 0)
            if bool(data["seed"]) == bool(data["generic"]):
                self.add("scenario: says neither (or both)", 1, path)
        if path.endswith("forbidden.html"):
            self.forbidden(path)
        for href in data["glossaryLinks"]:
            self.glossary_use[unquote(urlsplit(href).fragment)].add(path)

    def dialogue(self, path: str, data: dict) -> None:
        paths: dict[str, list] = defaultdict(list)
        for turn in data["turns"]:
            cls = set(turn["cls"].split())
            words = turn["words"]
            if "hf-agent" in cls:
                self.add("agent lines", 1)
                if "hf-ask" in cls:
                    self.add("agent questions", 1)
                    self.add("agent questions shown as 要点", 1 if "hf-point" in cls else 0)
                if "hf-verbatim" in cls and not SPOKEN.search(words):
                    self.add("labels read as speech (原话 without a sign of speech)", 1, (path, words))
                if CLAUSE.search(words):
                    self.add("clause citation in the dialogue", 1, (path, words[:40]))
                key = f"{turn['section']}\n{words}"
                for earlier in paths[key]:
                    if not diverge(earlier, turn["path"]):
                        self.add("same agent line twice on one path", 1, (path, words[:30]))
                        break
                paths[key].append(turn["path"])
            elif "hf-customer" in cls:
                self.add("customer lines (answers opening a branch)" if "hf-reply" in cls else "customer lines", 1)
            elif "hf-note" in cls and CLAUSE.search(turn["words"]):
                self.add("clause citation in the dialogue", 1, (path, turn["words"][:40]))

    def forbidden(self, path: str) -> None:
        page = self.browser_page
        cards = page.eval_on_selector_all(
            "div.hf-forbid",
            "els => els.map(e => ({bad: [...e.querySelectorAll('.hf-bad')].map(b => [b.innerText, "
            "b.getBoundingClientRect().height, parseFloat(getComputedStyle(b).lineHeight)]), "
            "good: e.querySelectorAll('.hf-good').length, group: (e.closest('article') && [...e.closest('article')"
            ".querySelectorAll('h2')].filter(h => h.compareDocumentPosition(e) & 4).map(h => h.innerText).pop()) || ''}))",
        )
        groups = {c["group"] for c in cards}
        self.add("忌语速查: cards", len(cards))
        self.add("忌语速查: groups", len(groups), sorted(groups))
        for card in cards:
            if not card["good"]:
                self.add("忌语速查: cards without 改说", 1, card["bad"][0][0] if card["bad"] else "")
            for text, _height, _line in card["bad"]:
                if RULE_LIKE.search(text):
                    self.add("忌语速查: phrases that read as rules", 1, text)
                if CITATION.search(text):
                    self.add("忌语速查: citation inside a phrase", 1, text)

    def forbidden_phone(self, page) -> None:
        lines = page.eval_on_selector_all(
            "div.hf-forbid .hf-bad",
            "els => els.map(b => [b.innerText, b.getBoundingClientRect().height, "
            "parseFloat(getComputedStyle(b).lineHeight)])",
        )
        for text, height, line in lines:
            if len(text) <= 16 and height >= 1.5 * line:
                self.add("忌语速查: short phrase wrapped on a phone", 1, text)

    def switch(self, path: str, size: str, data: dict) -> None:
        if size != "desktop":
            return
        if not data["edition"]:
            self.add("switch: pages without the 简体/繁體 switch", 1, path)
            return
        target = unquote(urlsplit(data["edition"]).path).lstrip("/")
        bare = "index.html" if path.endswith("404.html") else path.removeprefix("zh-Hant/")  # 404: the other home
        expected = bare if path.startswith("zh-Hant/") else "zh-Hant/" + bare
        if target != expected:
            self.add("switch: leads to another page", 1, (path, target))
        elif not (self.site / target).is_file():
            self.add("switch: leads to a missing page", 1, (path, target))

    def charts(self, path: str, size: str, page) -> None:
        drawn = wait_for_charts(page, self.site, path)
        charts = page.evaluate(CHARTS) if drawn else []
        for chart in charts:
            self.add(f"charts ({size})", 1)
            smallest = round(chart["smallest"], 1)
            key = f"{size}:{path}"
            self.chart_min[key] = min(self.chart_min.get(key, 99), smallest)
            if smallest < 12:
                self.add(f"charts with text under 12 px ({size})", 1, (path, smallest))
            if "…" in chart["text"]:
                self.add(f"charts with text cut by … ({size})", 1, path)
            if chart["width"] > chart["column"] + 1:
                self.add(
                    f"charts wider than their column ({size})", 1, (path, round(chart["width"]), round(chart["column"]))
                )
            if chart["height"] < 100:
                self.add(f"charts under 100 px tall ({size})", 1, (path, round(chart["height"])))
            text = chart["text"]
            if path.startswith("zh-Hant/"):
                text = t2s()(text)
                chart["nodes"] = [t2s()(n) for n in chart["nodes"]]
            for raw in RAW_PLACEHOLDER.findall(text):
                self.add("raw placeholder {…} in a chart", 1, (path, raw))
            if size == "desktop":
                names = Counter(n for n in chart["nodes"] if n and not re.search(r"^開?开?始|[结結]束", n))
                for name, count in names.items():
                    if count > 1:
                        self.add("chart nodes repeated (same text twice in one chart)", count - 1, (path, name[:30]))

    def glossary(self, page, base: str) -> None:
        for edition in ("", "zh-Hant/"):
            page.goto(base + edition + "glossary.html")
            terms = page.eval_on_selector_all("article h2", "els => els.map(e => [e.id, e.innerText.trim()])")
            self.add(f"glossary terms ({edition or 'zh-Hans'})", len(terms))
            anchors = {a for a, _ in terms}
            for anchor, users in self.glossary_use.items():
                prefix = edition
                if any(u.startswith("zh-Hant/") == bool(prefix) for u in users) and anchor not in anchors:
                    self.add("glossary: links to a missing term", 1, anchor)
            for anchor, term in terms:
                linked = [u for u in self.glossary_use.get(anchor, ()) if u.startswith("zh-Hant/") == bool(edition)]
                if not linked:
                    self.add("glossary: terms no page links to", 1, term)
                self.add("glossary: page→term links", len(linked))

    def practice(self, page, base: str) -> None:
        for edition in ("", "zh-Hant/"):
            page.goto(base + edition + "practice.html")
            boxes = page.locator("div.hf-q")
            total = boxes.count()
            self.add("practice: questions per visit", total)
            kinds = {b.get_attribute("data-kind") for b in boxes.all()}
            answer_all(page)
            score = page.locator(".hf-q-score").inner_text()
            if not re.match(r"^(得分|得分)：\d+ / \d+", score):
                self.add("practice: no score after the last answer", 1, (edition, score))
            for note in page.locator("p.hf-q-no").all():
                self.add("practice: wrong answers", 1)
                href = note.locator("a").get_attribute("href") or ""
                target = unquote(urlsplit(urljoin(page.url, href)).path).lstrip("/")
                if len(note.inner_text()) < 10:
                    self.add("practice: wrong answer without an explanation", 1, note.inner_text())
                if not href or not (self.site / target).is_file():
                    self.add("practice: explanation link to a missing page", 1, href)
            drawn = {tuple(page.locator(".hf-q-prompt").all_inner_texts())}
            for _ in range(3):
                page.reload()
                drawn.add(tuple(page.locator(".hf-q-prompt").all_inner_texts()))
            self.add("practice: different quizzes in 4 visits", len(drawn))
            self.add("practice: question kinds", len(kinds), sorted(k or "" for k in kinds))

    def report(self) -> dict:
        phone = self.heights.get("phone", {})
        tallest = sorted(phone.items(), key=lambda kv: -kv[1])[:8]
        etiquette = {p: h for p, h in phone.items() if "etiquette" in p and p.startswith("etiquette")}
        when = {p: h for p, h in phone.items() if p.startswith("when-to-call")}
        return {
            "counts": dict(sorted(self.counts.items())),
            "examples": {k: v[: self.show] for k, v in sorted(self.examples.items())},
            "phone heights": {
                "电话礼仪 (etiquette*.html)": max(etiquette.items(), key=lambda kv: kv[1], default=None),
                "什么时候回访 (when-to-call*.html)": max(when.items(), key=lambda kv: kv[1], default=None),
                "tallest pages": tallest,
            },
            "english words": self.english.most_common(40),
            "smallest chart text (px)": {
                size: min((v for k, v in self.chart_min.items() if k.startswith(size)), default=None) for size in SIZES
            },
        }


@functools.cache
def t2s():
    """OpenCC's Traditional → Simplified, loaded once (its dictionaries took ≈ 20 ms a load, once per chart node)."""
    import opencc

    return opencc.OpenCC("t2s").convert


def simplified(data: dict) -> dict:
    """A Traditional page's texts in Simplified characters (OpenCC t2s)."""
    convert = t2s()
    out = dict(data)
    for key in ("article", "nav", "tabs", "footer", "quotes"):
        out[key] = convert(data[key])
    out["turns"] = [{**t, "words": convert(t["words"])} for t in data["turns"]]
    return out


def diverge(a: list, b: list) -> bool:
    """Two lines on different paths: some tab set holds them in different tabs."""
    tabs_a = dict((s, t) for s, t in a)
    return any(s in tabs_a and tabs_a[s] != t for s, t in b)


def visit(browser, site: Path, base: str, paths: list[str], audit: Audit, quiet: bool = False, opened=None) -> None:
    """Every page of `paths` at both sizes, counted into `audit`. `opened(path, size, page)`, if given, is called
    as each page has loaded, before the audit reads it or opens its folded parts (the trainee tests photograph
    the page kinds there, so those pages load once for both)."""
    for size, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport)
        context.add_init_script(OPEN_SHADOW)
        page = context.new_page()
        audit.browser_page = page
        for n, path in enumerate(paths):
            if n % 50 == 0 and not quiet:
                print(f"{size} {n}/{len(paths)}", file=sys.stderr, flush=True)
            page.goto(base + path, wait_until="load")
            if opened is not None:
                opened(path, size, page)
            if 'pre class="mermaid"' in (site / path).read_text(encoding="utf-8"):
                audit.charts(path, size, page)
            audit.page(path, size, page.evaluate(COLLECT))
            if size == "phone" and path.endswith("forbidden.html"):
                audit.forbidden_phone(page)
        context.close()


def run(site: Path, only: list[str], show: int) -> dict:
    from playwright.sync_api import sync_playwright

    audit = Audit(site, show)
    with sync_playwright() as p, serve(site) as base:
        browser = launch(p)
        visit(browser, site, base, pages_of(site, only), audit)
        page = browser.new_context(viewport=SIZES["phone"]).new_page()
        if not only or any("glossary" in o for o in only):
            audit.glossary(page, base)
        if not only or any("practice" in o for o in only):
            audit.practice(page, base)
        browser.close()
    return audit.report()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--only", nargs="*", default=[], help="only pages whose path starts with one of these")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--show", type=int, default=3)
    args = parser.parse_args()
    if args.site is None:
        from huifang.site.command import build_site, quiet_logging

        class Args:
            lint_errors = "warn"
            no_forms = True

        quiet_logging()
        args.site = Path(tempfile.mkdtemp(prefix="huifang-audit-")) / "site"
        build_site(REPO, args.site, Args())
    result = run(args.site.resolve(), args.only, args.show)
    for name, value in result["counts"].items():
        print(f"{value:>7}  {name}")
        for example in result["examples"].get(name, []):
            print(f"         · {example}")
    for key in ("phone heights", "smallest chart text (px)"):
        print(key, json.dumps(result[key], ensure_ascii=False))
    print("english words", ", ".join(f"{w}×{n}" for w, n in result["english words"]))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
