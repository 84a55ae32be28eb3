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
