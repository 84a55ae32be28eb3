"""Benchmark of `huifang forms` (issue 5). Run: .venv/bin/python bench/forms/bench_forms.py

Side by side in one run:
  1. per-form time: huifang (template + WeasyPrint + font compaction) against plain WeasyPrint
     rendering the very same finished HTML, on a 12-question A4 record sheet (median of 7);
  2. 200 record sheets built from scratch, serial (--jobs 1) and on 2 cores (--jobs 2);
  3. a no-op rebuild of those 200 (nothing changed);
  4. the size of a one-page form.
A synthetic project (one org, a 60-question bank, 200 scripts of 12 questions) is written to
bench/out/forms/ (gitignored). Figures go to stdout and bench/out/forms/results.json.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from huifang.compose import compose  # noqa: E402
from huifang.forms import html, render, views  # noqa: E402
from huifang.forms.build import build  # noqa: E402
from huifang.project import load_project  # noqa: E402

OUT = ROOT / "bench" / "out" / "forms"
SHEETS = 200
TYPES = ["satisfaction", "yes_no", "score", "open", {"type": "choice", "options": ["电话", "微信", "前台", "上门"]}]


def make_project(root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)
    fixture = ROOT / "tests" / "forms" / "fixtures" / "demo"
    shutil.copytree(fixture / "content", root / "content")
    shutil.copytree(fixture / "scripts_src", root / "scripts_src")
    lines = ["id: bench-wenti", "title: 基准问题", "questions:"]
    for i in range(60):
        answer = TYPES[i % len(TYPES)]
        lines.append(f"  - id: bench-q-{i}")
        lines.append(
            f"    text: 第{i + 1}个问题：请问您对我们{{公司}}这次上门维修的服务态度、维修质量和完工后的清洁情况是否满意？"
        )
        lines.append(f"    answer: {json.dumps(answer, ensure_ascii=False)}")
        if i % 5 == 0:
            lines.append("    follow_up: {when: [不满意], ask: 请问是哪方面让您不满意？, action: 当日填写客户投诉单。}")
    (root / "content" / "questions" / "bench.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for n in range(SHEETS):
        questions = "\n".join(f"  - bench-q-{(n + k) % 60}" for k in range(12))
        (root / "scripts_src" / f"bench-{n:03d}.yaml").write_text(
            f"id: bench-{n:03d}\ntitle: 维修服务回访{n:03d}\norg: demo\nquestions:\n{questions}\n", encoding="utf-8"
        )


def paired(plain, ours, runs: int = 9) -> tuple[float, float, float, float]:
    """Median wall and CPU seconds of two functions, run alternately so load changes hit both alike."""
    plain(), ours()
    walls, cpus = ([], []), ([], [])
    for _ in range(runs):
        for i, fn in enumerate((plain, ours)):
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            walls[i].append(time.perf_counter() - wall)
            cpus[i].append(time.process_time() - cpu)
    med = statistics.median
    return med(walls[0]), med(walls[1]), med(cpus[0]), med(cpus[1])


def main() -> None:
    import weasyprint

    project_root = OUT / "project"
    make_project(project_root)
    loaded = load_project(project_root)
    assert loaded.ok, [str(p) for p in loaded.problems[:5]]
    project = loaded.project
    call = compose(project.scripts["bench-000"], project)
    doc = views.sheet_doc(call, project)
    finished = html.render(doc)

    plain, ours, plain_cpu, ours_cpu = paired(
        lambda: weasyprint.HTML(string=finished).write_pdf(),
        lambda: render.to_pdf(html.render(views.sheet_doc(call, project))),
    )
    plain_size = len(weasyprint.HTML(string=finished).write_pdf())
    data, pages = render.to_pdf(finished)

    results = {
        "weasyprint": weasyprint.__version__,
        "per_form_plain_s": plain,
        "per_form_huifang_s": ours,
        "overhead": ours / plain,
        "per_form_plain_cpu_s": plain_cpu,
        "per_form_huifang_cpu_s": ours_cpu,
        "load_before": os.getloadavg()[0],
        "one_page_bytes": len(data),
        "one_page_pages": pages,
        "plain_weasyprint_bytes": plain_size,
    }
    for jobs in (1, 2):
        shutil.rmtree(project_root / ".huifang-cache", ignore_errors=True)
        out = OUT / f"site-{jobs}"
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        result = build(loaded, out, jobs=jobs)
        results[f"build_{jobs}_jobs_s"] = time.perf_counter() - start
        results[f"build_{jobs}_jobs_rendered"] = len(result.rendered)
    start = time.perf_counter()
    result = build(loaded, OUT / "site-2", jobs=2)
    results["noop_rebuild_s"] = time.perf_counter() - start
    results["noop_rendered"] = len(result.rendered)
    results["parallel_ratio"] = results["build_2_jobs_s"] / results["build_1_jobs_s"]
    results["load_after"] = os.getloadavg()[0]
    (OUT / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"WeasyPrint {weasyprint.__version__}; 12-question record sheet, {pages} page(s)")
    print(f"load average  {results['load_before']:.1f} before, {results['load_after']:.1f} after (2 cores)")
    print(f"per form      plain WeasyPrint {plain:.3f} s   huifang {ours:.3f} s   ratio {ours / plain:.2f}x (wall)")
    print(
        f"              plain WeasyPrint {plain_cpu:.3f} s   huifang {ours_cpu:.3f} s   ratio {ours_cpu / plain_cpu:.2f}x (CPU)"
    )
    print(f"size          plain WeasyPrint {plain_size / 1024:.0f} KB   huifang {len(data) / 1024:.0f} KB")
    print(f"{results['build_1_jobs_rendered']} PDFs ({SHEETS} record sheets + fixture forms, desk card, packs)")
    print(f"  serial      {results['build_1_jobs_s']:.1f} s")
    print(f"  2 cores     {results['build_2_jobs_s']:.1f} s   ratio {results['parallel_ratio']:.2f}")
    print(f"no-op rebuild {results['noop_rebuild_s']:.2f} s ({results['noop_rendered']} rendered)")


if __name__ == "__main__":
    main()
