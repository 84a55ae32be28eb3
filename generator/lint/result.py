"""What a lint run returns, and the one error that stops it (bad usage or unreadable input)."""

from __future__ import annotations

from pathlib import Path

from huifang.problems import Problem

TYPE_CHECKING = False
if TYPE_CHECKING:  # the checker knows dataclasses; records makes the same classes faster
    from dataclasses import dataclass, field
else:
    from huifang.records import dataclass, field


class UsageError(Exception):
    """Bad usage or unreadable input: one line, exit 2."""


@dataclass
class Result:
    problems: list[Problem]
    sources: dict[str, str] = field(default_factory=dict)  # display path → text as linted
    files: dict[str, Path] = field(default_factory=dict)  # display path → file
    kinds: dict[str, str] = field(default_factory=dict)  # YAML display path → content kind
    checked: int = 0  # scripts and free-form files linted
