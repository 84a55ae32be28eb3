"""Site build speed: full builds at 20, 200 and 1,000 scripts, the generator's overhead over a plain
`mkdocs build` of the same pages written out as Markdown, and `serve` reload latency (one script's
title edited, time until the served page shows it; serve re-renders only changed pages).

    .venv/bin/python bench/site/bench_build.py [--sizes 20 200 1000] [--repeat 3] [--serve-size 200]

Both builds run `python -m mkdocs build` in a fresh process with the same theme, Markdown extensions
and search settings (jieba with the same user dictionary); the plain build reads the generated pages
from disk and has no huifang plugin. PDFs are left out (the forms benchmark measures those).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import make  # noqa: E402

OUT = REPO / "bench" / "out" / "site"
ENV = {**os.environ, "HUIFANG_NO_FORMS": "1", "HUIFANG_LINT_ERRORS": "warn", "NO_MKDOCS_2_WARNING": "1"}


def timed(cmd: list[str], cwd: Path, **env: str) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, env={**ENV, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def plain_copy(project: Path, target: Path) -> Path:
    """The same site as Markdown files on disk, with a mkdocs.yml that has no huifang plugin."""
    from huifang.project import load_project
    from huifang.site import search
    from huifang.site.lintinfo import lint
    from huifang.site.pages import Site
    from huifang.site.plugin import MERMAID, TAG_BOOST
    from huifang.site.worker import patched_worker
    from mkdocs.config import load_config

    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    loaded = load_project(project)
    prose = sorted(
        p.relative_to(project / "content" / "pages").as_posix() for p in (project / "content" / "pages").rglob("*.md")
    )
    shutil.copytree(project / "content" / "pages", docs)
    site = Site(loaded.project, lint(loaded), prose)
    for page in site.pages():
        path = docs / page.src_uri
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.content, encoding="utf-8")
    assets = docs / "assets" / "huifang"
    assets.mkdir(parents=True, exist_ok=True)
    shutil.copy(MERMAID, assets / "mermaid.min.js")
    for name in ("huifang.css", "huifang.js", "practice.js"):
        shutil.copy(REPO / "generator" / "site" / "assets" / name, assets / name)
    uri, source = patched_worker()
    (docs / uri).parent.mkdir(parents=True, exist_ok=True)
    (docs / uri).write_text(source, encoding="utf-8")
    (target / "dict.txt").write_text(search.user_dictionary(loaded.project), encoding="utf-8")
    config = yaml.safe_load(
        (REPO / "generator" / "site" / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("!!python/name:pymdownx.superfences.fence_code_format", "FENCE")
    )
    config["docs_dir"] = "docs"
    config["nav"] = site.nav(prose)
    config["plugins"] = [
        {"search": {"lang": "zh", "jieba_dict_user": "dict.txt", "fields": {"tags": {"boost": TAG_BOOST}}}},
        "tags",
    ]
    config["extra_css"] = ["assets/huifang/huifang.css"]
    config["extra_javascript"] = [
        "assets/huifang/mermaid.min.js",
        "assets/huifang/huifang.js",
        "assets/huifang/practice.js",
    ]
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False).replace(
        "FENCE", "!!python/name:pymdownx.superfences.fence_code_format"
    )
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
    load_config(str(target / "mkdocs.yml"))  # fail early if the copy is not a valid config
    return target


def serve_latency(project: Path, edits: int = 5) -> list[float]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "huifang",
            "serve",
            "--project",
            str(project),
            "--no-forms",
            "--lint-errors",
            "warn",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/scenarios/c0001.html"

    def wait(text: str, timeout: float) -> float:
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    if text in r.read().decode("utf-8"):
                        return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.02)
        raise RuntimeError(f"{text} not served within {timeout}s")

    try:
        wait("第5号回访话术", 300)
        script = project / "scripts_src" / "s0005.yaml"
        original = script.read_text(encoding="utf-8")
        times = []
        for n in range(edits):
            time.sleep(1.0)
            marker = f"第5号回访话术（修改{n}）"
            script.write_text(original.replace("第5号回访话术", marker), encoding="utf-8")
            times.append(wait(marker, 60))
        script.write_text(original, encoding="utf-8")
        return times
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[20, 200, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--serve-size", type=int, default=200)
    parser.add_argument("--edits", type=int, default=10, help="script edits timed in serve")
    args = parser.parse_args()
    print(
        "| scripts | pages (one edition) | huifang, 简体 only (s) | huifang, 简体 + 繁體 (s) | plain mkdocs build (s) "
        "| overhead 简体 | overhead both | load avg before |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        project = make(OUT / f"p{size}", size)
        plain = plain_copy(project, OUT / f"plain{size}")
        one, both, ref = [], [], []
        load = os.getloadavg()[0]
        build = [
            sys.executable,
            "-m",
            "huifang",
            "build",
            "--project",
            str(project),
            "--site-dir",
            str(OUT / f"site{size}"),
            "--no-forms",
            "--lint-errors",
            "warn",
        ]
        for _ in range(args.repeat):
            one.append(timed(build, project, HUIFANG_NO_ZH_HANT="1"))
            both.append(timed(build, project))
            ref.append(timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(OUT / f"sitep{size}")], plain))
        pages = sum(1 for p in (OUT / f"site{size}").rglob("*.html") if "zh-Hant" not in p.parts)
        g1, g2, r = min(one), min(both), min(ref)
        print(
            f"| {size} | {pages} | {g1:.1f} | {g2:.1f} | {r:.1f} | {100 * (g1 - r) / r:+.1f}% "
            f"| {100 * (g2 - r) / r:+.1f}% | {load:.1f} |",
            flush=True,
        )
    if args.serve_size:
        project = make(OUT / f"serve{args.serve_size}", args.serve_size)
        load = os.getloadavg()[0]
        times = serve_latency(project, args.edits)
        print(
            f"\nserve reload, {args.serve_size} scripts: median {statistics.median(times):.2f} s, "
            f"max {max(times):.2f} s over {len(times)} edits ({', '.join(f'{t:.2f}' for t in times)}); "
            f"load avg before {load:.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
