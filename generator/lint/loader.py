"""YAML scripts one at a time, against a project whose content (orgs, questions, standards, phrases)
was loaded once with `load_project(root, scripts=[])`: memory stays flat however many scripts there are.
"""

from __future__ import annotations

import os
from pathlib import Path

from huifang import model as m
from huifang.problems import ContentError, Problem
from huifang.project import LAYOUT, SCRIPTS, Loaded, References, build, ensure_inside, loose_ids
from huifang.validate import validate_document
from huifang.yamlload import Document, load_file


class Loose:
    """One script file after loading: the script (None when it cannot be used) and what went wrong."""

    __slots__ = ("display", "doc", "script", "ident", "anchor", "problems", "broken")

    def __init__(self, display: str, doc: Document | None = None, script: m.Script | None = None,
                 problems: list[Problem] | None = None):
        self.display = display
        self.doc = doc
        self.script = script
        self.ident = script.id if script else None
        self.anchor = (1, 1)
        self.problems = problems or []
        self.broken: set[str] = set()  # ids a file that could not be used probably declares


def load_script(loaded: Loaded, path: Path | str, display: str) -> Loose:
    """Load, validate, build and reference-check one script file, without keeping it in the project.

    Duplicate ids across files are the caller's to detect (`Loose.ident`, `Loose.anchor`).
    """
    try:
        ensure_inside(Path(path), loaded.project.root, display)
        doc = load_file(Path(path), display, loaded.limits)
    except ContentError as exc:
        out = Loose(display, problems=[exc.problem])
        out.broken = {Path(path).stem}
        return out
    found = validate_document(doc, "script")
    if found:
        out = Loose(display, doc, problems=found)
        out.broken = loose_ids(doc.data)
        return out
    project = loaded.project
    ident = doc.data["id"]
    before = project.scripts.get(ident)
    build(doc, "script", project)
    script = project.scripts.pop(ident)
    if before is not None:
        project.scripts[ident] = before
    mark = len(loaded.problems)
    References(loaded).check_script(script)
    problems = loaded.problems[mark:]
    del loaded.problems[mark:]
    out = Loose(display, doc, script, problems)
    span = doc.span(("id",))
    out.anchor = (span.line, span.column)
    return out


def duplicate(loose: Loose, first: str) -> Problem:
    return Problem(loose.display, loose.anchor[0], loose.anchor[1], f"重复的标识 '{loose.ident}'：已在 {first} 中使用")


def kind_for(path: Path, root: Path) -> str | None:
    """The content kind of a YAML file by where it lies in the project (None: not a content file)."""
    absolute, base = os.path.abspath(path), os.path.abspath(root)
    if not absolute.startswith(base + os.sep):
        absolute, base = os.path.realpath(path), os.path.realpath(root)
        if not absolute.startswith(base + os.sep):
            return None
    rel = Path(absolute[len(base) + 1:])
    if rel.parts and rel.parts[0] == SCRIPTS:
        return "script"
    for pattern, kind in LAYOUT:
        if rel.match(pattern) or rel.with_suffix(".yaml").match(pattern):
            return kind
    return None
