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


def search_table(root: Path, project) -> list[Problem]:
    """content/search.yaml, with its pages checked against the pages `huifang build` would write."""
    from huifang.site import glossary, synonyms
    from huifang.site.config import OWNED_BY_HUIFANG

    try:
        from huifang.site.lintinfo import LintReport
        from huifang.site.pages import Site
    except ImportError:  # a light install has no site extra: the table is checked without its pages
        _, problem = synonyms.check(root, None)
        return [problem.problem] if problem is not None else []

    docs = root / OWNED_BY_HUIFANG["docs_dir"]
    prose = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) if docs.is_dir() else []
    site = Site(project, LintReport(available=False), prose)
    try:
        site.terms = glossary.load(root)
    except ContentError as broken:
        return [broken.problem]
    pages = {page.src_uri for page in site.pages()} | set(prose)
    _, problem = synonyms.check(root, pages)
    return [problem.problem] if problem is not None else []


def run(args) -> int:
    if not Path(args.project).is_dir():  # not there, or a file: as every command says it (a folder without
        from huifang.readfile import not_a_project  # content/ is a finding of the content, below)

        print(f"huifang check: {not_a_project(Path(args.project))}", file=sys.stderr)
        return 2
    loaded = load_project(args.project)
    problems = loaded.problems + site_settings(Path(args.project))
    if not any(p.severity == "error" for p in problems):  # the pages can only be listed from valid content
        problems += search_table(Path(args.project), loaded.project)
    errors = [p for p in problems if p.severity == "error"]
    if args.format == "json":
        json.dump(
            {"ok": not errors, "errors": [p.as_dict() for p in errors], "counts": loaded.project.counts()},
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        for problem in errors:
            print(problem)
        counts = loaded.project.counts()
        summary = (
            f"{counts['scenarios']} 个场景，{counts['scripts']} 篇话术，{counts['questions']} 个问题，"
            f"{counts['forbidden_phrases']} 条忌语，{counts['etiquette_rules']} 条礼仪规范，"
            f"{counts['forms']} 张表单，{counts['industries']} 个行业"
        )
        if errors:
            print(f"发现 {len(errors)} 个问题（{summary}）", file=sys.stderr)
        else:
            print(f"全部通过：{summary}", file=sys.stderr)
    return 1 if errors else 0
