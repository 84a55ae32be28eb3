"""The one problem type every checker and every output format is drawn from."""

from __future__ import annotations

import os
from operator import attrgetter
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:  # the checker knows dataclasses; records makes the same classes faster
    from dataclasses import dataclass, field
else:
    from huifang.records import dataclass, field


SEVERITIES = ("error", "warning", "info")
SEVERITY_NAMES = {
    "error": "错误",
    "warning": "警告",
    "info": "提示",
}  # what a person reads; machine formats keep the ids


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str
    severity: str = "error"
    rule: str = ""
    end_line: int = 0
    end_column: int = 0
    suggestion: str = ""
    fix: tuple = field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    def as_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column, "message": self.message}


FIELDS = ("path", "line", "column", "message", "severity", "rule", "end_line", "end_column", "suggestion", "fix")


def as_rows(problems: list[Problem]) -> list[tuple]:
    """Problems as plain tuples, to send from a worker process: pickling a tuple of strings and numbers
    costs a tenth of pickling the object (its state dict, rebuilt key by key)."""
    return list(map(_FIELDS_OF, problems))


_FIELDS_OF = attrgetter(*FIELDS)


def from_rows(rows: list[tuple]) -> list[Problem]:
    """The problems `as_rows` gave, rebuilt as unpickling rebuilds them (a new object, its fields set).

    The row is unpacked into the new object's dict key by key, in FIELDS' order (tests/foundation/test_problem_rows
    checks both): `__dict__.update(zip(FIELDS, row))` made a pair for every field and cost ≈ 1.6 times as many
    instructions (9,486 findings of the bench corpus come back through here in the parent)."""
    new = object.__new__
    out: list[Problem] = []
    append = out.append
    for row in rows:
        p = new(Problem)
        d = p.__dict__
        (
            d["path"],
            d["line"],
            d["column"],
            d["message"],
            d["severity"],
            d["rule"],
            d["end_line"],
            d["end_column"],
            d["suggestion"],
            d["fix"],
        ) = row
        append(p)
    return out


class ContentError(Exception):
    """A user mistake that stops one file from loading; carries its position."""

    def __init__(self, path: str | Path, line: int, column: int, message: str):
        super().__init__(message)
        self.problem = Problem(str(path), line, column, message)


def display_path(path: Path, root: Path) -> str:
    """The path as the user knows it: relative to the project, symlinks not followed."""
    absolute, base = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    try:
        return printable(absolute.relative_to(base).as_posix())
    except ValueError:
        return printable(str(path))


def printable(name: str) -> str:
    """A file name on one line: control characters (a newline in a name) written as escapes."""
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in name)
