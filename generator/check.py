"""`huifang check`: validate every content file and report every problem."""

from __future__ import annotations

import json
import sys

from huifang.project import load_project


def run(args) -> int:
    loaded = load_project(args.project)
    errors = [p for p in loaded.problems if p.severity == "error"]
    if args.format == "json":
        json.dump({"ok": not errors, "errors": [p.as_dict() for p in errors],
                   "counts": loaded.project.counts()}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for problem in errors:
            print(problem)
        counts = loaded.project.counts()
        summary = (f"{counts['scenarios']} 个场景，{counts['scripts']} 篇话术，{counts['questions']} 个问题，"
                   f"{counts['forbidden_phrases']} 条忌语，{counts['etiquette_rules']} 条礼仪规范，"
                   f"{counts['forms']} 张表单，{counts['industries']} 个行业")
        if errors:
            print(f"发现 {len(errors)} 个问题（{summary}）", file=sys.stderr)
        else:
            print(f"全部通过：{summary}", file=sys.stderr)
    return 1 if errors else 0
