"""Search answers questions: bench/site/questions.yaml typed into the search box in Chromium, top-1 and
top-3 for the dev half (odd entries) and the held-out half (even entries).

    .venv/bin/python bench/site/questions.py [--site DIR] [--half dev|held-out|both] [--show-misses]
    .venv/bin/python bench/site/questions.py --questions bench/site/questions-blind.yaml --half all

--questions reads another file of the same format, split the same way (odd entries dev, even entries
held out); --half all scores every entry as one set. --show-misses prints, for the questions missed in the
top 3 and those missed only at top 1, the expected pages and the first three results.

Without --site the shipped content is built into a temporary directory first (no PDFs).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from tests.site.browser import launch, search, serve  # noqa: E402

QUESTIONS = Path(__file__).with_name("questions.yaml")
COUNTS: dict[str, int] = {}  # query → number of results Material reports


def halves(path: Path = QUESTIONS) -> dict[str, list[dict]]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {"dev": entries[0::2], "held-out": entries[1::2], "all": entries}


def answers(page: str, expect: list[str]) -> bool:
    """An expected page, or one of its sub-pages if it was split (etiquette.html → etiquette/…)."""
    return any(page == e or page.startswith(e.removesuffix(".html") + "/") for e in expect)


def score(results: dict[str, list[str]], entries: list[dict]) -> dict:
    top1 = sum(1 for e in entries if any(answers(p, e["expect"]) for p in results[e["q"]][:1]))
    top3 = sum(1 for e in entries if any(answers(p, e["expect"]) for p in results[e["q"]][:3]))
    n = len(entries)
    shown = sorted(COUNTS.get(e["q"], len(results[e["q"]])) for e in entries)
    return {
        "n": n,
        "top1": top1,
        "top3": top3,
        "top1_rate": round(top1 / n, 3),
        "top3_rate": round(top3 / n, 3),
        "median_results": shown[n // 2],
        "max_results": shown[-1],
        "misses": {
            e["q"]: {"expect": e["expect"], "got": results[e["q"]][:3]}
            for e in entries
            if not any(answers(p, e["expect"]) for p in results[e["q"]][:3])
        },
        "top1_misses": {
            e["q"]: {"expect": e["expect"], "got": results[e["q"]][:3]}
            for e in entries
            if not any(answers(p, e["expect"]) for p in results[e["q"]][:1])
            and any(answers(p, e["expect"]) for p in results[e["q"]][:3])
        },
    }


def run(site: Path, entries: list[dict]) -> dict[str, list[str]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        results = ask(browser, site, entries)
        browser.close()
    return results


def ask(browser, site: Path, entries: list[dict]) -> dict[str, list[str]]:
    """Each entry's question typed into the site's search in a page of `browser` (a running Chromium)."""
    results = {}
    page = browser.new_page()
    with serve(site) as base:
        for entry in entries:
            results[entry["q"]] = search(page, base, entry["q"])
            meta = page.locator(".md-search-result__meta").inner_text()
            COUNTS[entry["q"]] = int(re.sub(r"\D", "", meta) or 0) if "没有" not in meta else 0
    page.close()
    return results


def build(site: Path) -> None:
    from huifang.site.command import build_site, quiet_logging

    class Args:
        lint_errors = "warn"
        no_forms = True

    quiet_logging()
    build_site(REPO, site, Args())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path)
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="questions file (default: questions.yaml)")
    parser.add_argument("--half", choices=["dev", "held-out", "both", "all"], default="dev")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    sets = halves(args.questions)
    chosen = {k: sets[k] for k in ("dev", "held-out")} if args.half == "both" else {args.half: sets[args.half]}
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build(site)
        report = {}
        for name, entries in chosen.items():
            rates = score(run(site, entries), entries)
            report[name] = rates if args.show_misses else {k: v for k, v in rates.items() if "misses" not in k}
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
