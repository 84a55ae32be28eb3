"""`huifang lint`: exit 0 without error findings, 1 with, 2 on bad usage or unreadable input."""

from __future__ import annotations

import os
import sys


def run(args) -> int:
    from huifang.lint.api import UsageError, lint_paths
    from huifang.lint.config import ConfigError

    try:
        result = lint_paths(
            args.project, list(args.paths), composed=not args.no_compose, jobs=args.jobs, output=args.format
        )
        if args.fix or args.diff:
            return _fix(args, result)
    except ConfigError as exc:
        print(f"huifang lint: {_config_problem(args.project) or exc}", file=sys.stderr)
        return 2
    except UsageError as exc:
        print(f"huifang lint: {exc}", file=sys.stderr)
        return 2
    _report(args, result.problems)
    return _exit(result.problems)


def _config_problem(root) -> str:
    """The bad lint setting with its place in huifang.yaml (the loader reports it with line and column)."""
    from pathlib import Path

    from huifang.project import read_config

    problems: list = []
    read_config(Path(root), problems)
    return next((str(p) for p in problems if p.path.endswith("huifang.yaml")), "")


def _report(args, problems) -> None:
    from huifang.lint import formats

    if args.format == "json":
        formats.write_json(problems, sys.stdout)
    elif args.format == "github":
        sys.stdout.write(formats.github(problems))
    elif args.format == "sarif":
        sys.stdout.write(formats.sarif(problems))
    else:
        sys.stdout.write(formats.text(problems, _color(args)))
        errors = sum(p.severity == "error" for p in problems)
        warnings = sum(p.severity == "warning" for p in problems)
        if problems:
            print(f"{errors} 个错误，{warnings} 个警告，{len(problems) - errors - warnings} 个提示", file=sys.stderr)
        else:  # as `huifang check` says it: a supervisor running lint by hand saw nothing at all
            print("全部通过：没有发现问题", file=sys.stderr)
    sys.stdout.flush()


def _color(args) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _exit(problems) -> int:
    return 1 if any(p.severity == "error" for p in problems) else 0


def _unfixed(problems) -> None:
    """Why --fix changed nothing though forbidden phrases have a suggestion: it rewrites only what reads right."""
    if any(p.rule == "forbidden-phrase" and p.suggestion for p in problems):
        print(
            "没有可以自动改写的忌语：只有忌语单独成句、建议说法是一句完整的话时才自动改写；其余请按「建议」手动修改",
            file=sys.stderr,
        )


def _fix(args, result) -> int:
    from huifang.lint import fix
    from huifang.lint.api import lint_paths

    edits = fix.plan(result.problems, result.files, result.sources, result.kinds)
    for edit in edits:
        if edit.refused:
            print(f"huifang lint: {edit.refused}", file=sys.stderr)
    if args.diff:
        for edit in edits:
            if edit.applied:
                sys.stdout.write(fix.diff(edit))
        fixable = sum(e.applied for e in edits)
        print(f"可自动修改 {fixable} 处（--fix 写入）", file=sys.stderr)
        if not fixable:
            _unfixed(result.problems)
        return _exit(result.problems)
    written = 0
    for edit in edits:
        if edit.applied:
            try:
                fix.write(edit)
            except OSError as exc:
                from huifang.readfile import os_words

                print(f"huifang lint: {edit.file}: 无法写入：{os_words(exc)}", file=sys.stderr)
                return 2
            written += edit.applied
    if written:
        print(f"已修改 {written} 处", file=sys.stderr)
        result = lint_paths(
            args.project, list(args.paths), composed=not args.no_compose, jobs=args.jobs, output=args.format
        )
    _report(args, result.problems)
    if not written:
        _unfixed(result.problems)
    return _exit(result.problems)
