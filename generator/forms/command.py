"""`huifang forms`: build the PDF forms into site/forms (or --out)."""

from __future__ import annotations

import sys
from pathlib import Path

from huifang.forms.build import FormsError, build
from huifang.project import load_project


def run(args) -> int:
    loaded = load_project(args.project)
    out = args.out if args.out is not None else Path(args.project) / "site" / "forms"
    try:
        result = build(loaded, out, fillable=args.fillable, jobs=args.jobs, progress=not args.no_progress,
                       only=args.only or None)
    except FormsError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"未生成表单：{len(exc.problems)} 个问题", file=sys.stderr)
        return 1
    if args.only and not result.paths:
        print(f"没有找到这些表单或话术：{' '.join(args.only)}", file=sys.stderr)
        return 1
    for name, pages in result.too_long:
        print(f"{name}.pdf 排不进一页（{pages} 页）：请精简话术或忌语", file=sys.stderr)
    print(f"{len(result.paths)} 个 PDF → {out}（新生成 {len(result.rendered)}，合并 {len(result.merged)}，"
          f"从缓存复制 {len(result.copied)}，未变 {len(result.unchanged)}）", file=sys.stderr)
    return 0
