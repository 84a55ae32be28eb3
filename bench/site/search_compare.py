"""Search quality: the query set of tests/site/queries.yaml in real Chromium, on the shipped content
built twice — with huifang's search setup (jieba + our user dictionary + Traditional forms) and
without segmentation (what a team gets from Material by default: no jieba, no dictionary).

    .venv/bin/python bench/site/search_compare.py [--json out.json] [--show-misses]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from tests.site.browser import hit_rates, launch, search, serve  # noqa: E402


@contextlib.contextmanager
def without_segmentation():
    """Material segments with jieba whenever it can import it; the default team has no jieba."""
    import material.plugins.search.plugin as material_search

    saved, os.environ["HUIFANG_SEARCH_EXTRAS"] = material_search.jieba, "0"
    material_search.jieba = None
    try:
        yield
    finally:
        material_search.jieba = saved
        os.environ.pop("HUIFANG_SEARCH_EXTRAS", None)


def build(site: Path, plain: bool) -> None:
    from huifang.site.command import build_site, quiet_logging

    class Args:
        lint_errors, no_forms = "warn", True

    quiet_logging()
    with without_segmentation() if plain else contextlib.nullcontext():
        build_site(REPO, site, Args())


def run_queries(site: Path, queries: list[dict]) -> dict[str, list[str]]:
    from playwright.sync_api import sync_playwright

    results = {}
    with serve(site) as base, sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        for q in queries:
            results[q["query"]] = search(page, base, q["query"])
        browser.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    queries = yaml.safe_load((REPO / "tests/site/queries.yaml").read_text(encoding="utf-8"))
    report = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, plain in (("segmented", False), ("default", True)):
            site = Path(tmp) / name
            build(site, plain)
            results = run_queries(site, queries)
            report[name] = {**hit_rates(results, queries), "results": {k: v[:3] for k, v in results.items()}}
            misses = [q for q in queries if not set(results[q["query"]][:3]) & set(q["expect"])]
            print(
                f"{name:10s} top-1 {report[name]['top1']}/{len(queries)} ({report[name]['top1_rate']:.0%})  "
                f"top-3 {report[name]['top3']}/{len(queries)} ({report[name]['top3_rate']:.0%})"
            )
            if args.show_misses:
                for q in misses:
                    print(f"    miss: {q['query']} → {results[q['query']][:3]}")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
