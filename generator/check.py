"""`huifang check`: validate every content file and report every problem."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from huifang.problems import ContentError, Problem
from huifang.project import load_project


def site_settings(root: Path) -> list[Problem]:
    """mkdocs.yml, read the way `huifang build` reads it (a pull request can change it too)."""
    from huifang.site import config

    try:
        config.own_settings(root, importing=False)
    except ContentError as exc:
        return [exc.problem]
    return []


def run(args) -> int:
    loaded = load_project(args.project)
    problems = loaded.problems + site_settings(Path(args.project))
    errors = [p for p in problems if p.severity == "error"]
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
