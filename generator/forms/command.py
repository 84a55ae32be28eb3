"""`huifang forms`: build the PDF forms into site/forms (or --out)."""

from __future__ import annotations

import sys
from pathlib import Path

from huifang.atomic import OutputError, check_output
from huifang.forms.build import FormsError, UnknownForms, build
from huifang.project import load_project


def run(args) -> int:
    root = Path(args.project)
    try:
        out = check_output(
            args.out if args.out is not None else root / "site" / "forms",
            root,
            "--out" if args.out is not None else "输出文件夹",
        )
    except OutputError as exc:
        print(f"huifang forms: {exc}", file=sys.stderr)
        return 1
    loaded = load_project(root)
    try:
        result = build(
            loaded, out, fillable=args.fillable, jobs=args.jobs, progress=not args.no_progress, only=args.only or None
        )
    except FormsError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"未生成表单：{len(exc.problems)} 个问题", file=sys.stderr)
        return 1
    except UnknownForms as exc:  # a mistyped --only is a usage error
        print(f"huifang forms: {exc}", file=sys.stderr)
        return 2
    except OutputError as exc:
        print(f"huifang forms: {exc}", file=sys.stderr)
        return 1
    for name, pages in result.too_long:
        print(f"{name}.pdf 排不进一页（{pages} 页）：请精简话术或忌语", file=sys.stderr)
    print(
        f"{len(result.paths)} 个 PDF → {out}（新生成 {len(result.rendered)}，合并 {len(result.merged)}，"
        f"从缓存复制 {len(result.copied)}，未变 {len(result.unchanged)}）",
        file=sys.stderr,
    )
    return 0
