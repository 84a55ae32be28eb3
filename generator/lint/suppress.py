"""Inline switches: `# huifang: disable=RULE[,RULE]` for one line, `# huifang: disable-file` for a file.

In YAML the switch is a comment; in .md/.txt it is `<!-- huifang: disable=… -->` or a trailing
`# huifang: …`. A switch alone on its line also covers the next line (like yamllint's disable-line).
Without `=RULE` it covers every rule.
"""

from __future__ import annotations

import re

from huifang import regexcache

DIRECTIVE = regexcache.compile(
    r"(?:<!--|#)[ \t]*huifang:[ \t]*(disable-file|disable-line|disable)"
    r"(?:[ \t]*=[ \t]*([A-Za-z0-9_,\- \t]+?))?[ \t]*(?:-->|$)",
    re.M,
)
ALL = frozenset({"*"})
# what a switch looks like to its writer: a directive DIRECTIVE does not read (a full-width ＝ or ，, a Chinese
# word for a rule) would switch nothing off, without a word
LOOKS_LIKE = regexcache.compile(r"(?:<!--|#)[ \t]*huifang[:：][ \t]*disable[^\n]*", re.M | re.I)
UNKNOWN_RULE = "unknown-rule"
OTHER_IDS = ("check", "paths-capped", UNKNOWN_RULE)  # what findings may carry besides the rules' ids


class Switches:
    __slots__ = ("file", "lines")

    def __init__(self, text: str):
        self.file: set[str] = set()
        self.lines: dict[int, set[str]] = {}
        if "huifang:" not in text:
            return
        for match in DIRECTIVE.finditer(text):
            rules = set(ALL) if not match.group(2) else {r.strip() for r in match.group(2).split(",") if r.strip()}
            if match.group(1) == "disable-file":
                self.file |= rules
                continue
            line = text.count("\n", 0, match.start()) + 1
            self.lines.setdefault(line, set()).update(rules)
            head = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
            if not head.strip(" \t-"):  # alone on its line: covers the next one too
                self.lines.setdefault(line + 1, set()).update(rules)

    def off(self, rule: str, line: int) -> bool:
        if "*" in self.file or rule in self.file:
            return True
        here = self.lines.get(line) or set()
        return "*" in here or rule in here


def unknown_rules(path: str, text: str) -> list:
    """A finding (`unknown-rule`, a warning) for each rule id a switch names that no finding ever carries, with
    the closest id, and for each switch written so that it is not read: either would leave on what its writer
    meant to switch off, as ruff and flake8 say of an unknown code in `# noqa`."""
    if "huifang" not in text:
        return []
    from huifang.lint.rules import RULES
    from huifang.problems import Problem
    from huifang.validate import did_you_mean

    rules = sorted(rule.ID for rule in RULES)
    known = {*rules, *OTHER_IDS}
    read = {m.start(): m for m in DIRECTIVE.finditer(text)}
    found = []
    for seen in LOOKS_LIKE.finditer(text):
        line = text.count("\n", 0, seen.start()) + 1
        line_start = text.rfind("\n", 0, seen.start()) + 1
        match = read.get(seen.start())
        if match is None:
            column = seen.start() - line_start + 1
            found.append(
                Problem(
                    path,
                    line,
                    column,
                    "看不懂这个开关，它不会关闭任何检查：应写成 # huifang: disable=规则id（多个用半角逗号隔开），"
                    "或 # huifang: disable-file；Markdown 里写在 <!-- --> 之中",
                    "warning",
                    UNKNOWN_RULE,
                    line,
                    column + len(seen.group().rstrip()),
                )
            )
            continue
        if not match.group(2):
            continue
        at = match.start(2)
        for name in match.group(2).split(","):
            ident = name.strip()
            if ident and ident not in known:
                column = at + name.index(ident) - line_start + 1
                hint = did_you_mean(ident, rules) or f"（规则 id：{'、'.join(rules)}）"
                found.append(
                    Problem(
                        path,
                        line,
                        column,
                        f"开关里的规则 '{ident}' 不存在，这个开关不会关闭它{hint}",
                        "warning",
                        UNKNOWN_RULE,
                        line,
                        column + len(ident),
                    )
                )
            at += len(name) + 1
    return found
