"""Lint results for the site, from the lint area's public API (imported lazily: optional at runtime)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.problems import Problem

MISSING = "话术检查模块（generator.lint）尚未安装，页面上不显示检查结果"


@dataclass
class LintReport:
    available: bool
    problems: list[Problem] = field(default_factory=list)
    rules: list = field(default_factory=list)
    message: str = ""

    def by_file(self) -> dict[str, list[Problem]]:
        found: dict[str, list[Problem]] = defaultdict(list)
        for problem in self.problems:
            found[problem.path].append(problem)
        return found

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def _missing(exc: ImportError) -> bool:
    return (exc.name or "").startswith("generator.lint")


def load_rules() -> tuple[list, str]:
    try:
        from generator.lint.rules import RULES
    except ImportError as exc:
        if not _missing(exc):
            raise
        return [], MISSING
    return list(RULES), ""


def lint(loaded, enabled: bool = True) -> LintReport:
    rules, message = load_rules()
    if not enabled:
        return LintReport(False, [], rules, "已关闭话术检查")
    try:
        from generator.lint.api import lint_project
    except ImportError as exc:
        if not _missing(exc):
            raise
        return LintReport(False, [], rules, MISSING)
    problems = sorted(lint_project(loaded), key=lambda p: (p.path, p.line, p.column, p.rule, p.message))
    return LintReport(True, problems, rules, message)


def rule_info(module) -> dict:
    """What a rule page shows: id, type, summary and the docstring's body."""
    doc = (module.__doc__ or "").strip()
    summary, _, body = doc.partition("\n")
    return {"id": getattr(module, "ID", module.__name__.rsplit(".", 1)[-1]), "type": getattr(module, "TYPE", ""),
            "summary": summary.strip(), "body": body.strip("\n"),
            "severity": getattr(module, "SEVERITY", getattr(module, "DEFAULT_SEVERITY", "")),
            "name": getattr(module, "NAME", getattr(module, "TITLE", ""))}
