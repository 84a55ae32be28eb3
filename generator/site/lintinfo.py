"""Lint results for the site, from the lint area's public API (imported lazily: optional at runtime)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from huifang.problems import Problem

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
    return (exc.name or "").startswith("huifang.lint")


def load_rules() -> tuple[list, str]:
    try:
        from huifang.lint.rules import RULES
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
        from huifang.lint.api import lint_project
    except ImportError as exc:
        if not _missing(exc):
            raise
        return LintReport(False, [], rules, MISSING)
    problems = sorted(lint_project(loaded), key=lambda p: (p.path, p.line, p.column, p.rule, p.message))
    return LintReport(True, problems, rules, message)


def rule_info(module) -> dict:
    """What a rule page shows, from the rule's docstring (the lint area's `describe()` convention)."""
    try:
        from huifang.lint.rules import describe
    except ImportError:
        doc = None
    else:
        doc = describe(module)
    if doc is not None:
        title, description, passes, fails = doc.title, doc.description, doc.passes, doc.fails
    else:
        text = (module.__doc__ or "").strip()
        title, _, description = text.partition("\n")
        passes, fails = (), ()
    paragraphs = ["".join(line.strip() for line in x.splitlines()) for x in description.split("\n\n") if x.strip()]
    return {
        "id": getattr(module, "ID", module.__name__.rsplit(".", 1)[-1]),
        "type": getattr(module, "TYPE", ""),
        "summary": title.strip(),
        "name": rule_name(title.strip()) or getattr(module, "ID", ""),
        "paragraphs": paragraphs,
        "passes": list(passes),
        "fails": list(fails),
        "severity": getattr(module, "SEVERITY", ""),
    }


def rule_name(summary: str) -> str:
    """The Chinese name a reader sees: the summary's words before its first colon (忌语：坐席说了… → 忌语)."""
    return summary.replace(":", "：").partition("：")[0].strip()


def fence(text: str) -> str:
    """A backtick fence longer than any run of backticks inside `text`."""
    longest = max((len(run) for run in text.split("\n") for run in __import__("re").findall("`+", run)), default=0)
    return "`" * max(3, longest + 1)
