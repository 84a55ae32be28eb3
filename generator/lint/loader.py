"""YAML scripts one at a time, against a project whose content (orgs, questions, standards, phrases)
was loaded once with `load_project(root, scripts=[])`: memory stays flat however many scripts there are.
"""

from __future__ import annotations

import os
from pathlib import Path

from huifang import builders
from huifang import model as m
from huifang.kinds import KINDS, SCRIPT, SCRIPTS
from huifang.problems import ContentError, Problem
from huifang.project import Loaded, References, ensure_inside, loose_ids
from huifang.validate import validate_document
from huifang.yamlload import Document, load_file, mapping


class Loose:
    """One script file after loading: the script (None when it cannot be used) and what went wrong."""

    __slots__ = ("display", "doc", "script", "ident", "anchor", "problems", "broken")

    def __init__(
        self,
        display: str,
        doc: Document | None = None,
        script: m.Script | None = None,
        problems: list[Problem] | None = None,
    ):
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
    found = validate_document(doc, SCRIPT)
    if found:
        out = Loose(display, doc, problems=found)
        out.broken = loose_ids(doc.data)
        return out
    project = loaded.project
    ident = mapping(doc)["id"]
    before = project.scripts.get(ident)
    builders.script(doc, project)
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


def guess_encoding(raw: bytes) -> str:
    """The name of the legacy encoding a non-UTF-8 file is most likely in ("" when none fits).

    GBK text is GB2312 characters almost only; Big5 bytes decoded as GBK give rare characters, and
    the same bytes decoded as Big5 give common Traditional ones. UTF-16 is found by its BOM or by
    NUL bytes in every other position.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    if len(raw) >= 4 and (raw[1::2].count(0) > len(raw) // 4 or raw[0::2].count(0) > len(raw) // 4):
        return "UTF-16"
    candidates = []
    if len(raw) % 2 == 0:
        for name in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(name)
            except UnicodeDecodeError:
                continue
            if text and all(c.isprintable() or c in "\r\n\t" for c in text):
                candidates.append(
                    (sum(1 for c in text if c.isascii() or _common(c, "gbk")) / len(text) - 0.01, "UTF-16")
                )
    for name in ("gbk", "big5", "gb18030"):
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        han = [c for c in text if ord(c) > 0x2E7F]
        if not han:
            return "GBK" if name == "gbk" else name.upper()
        common = sum(1 for c in han if _common(c, name))
        candidates.append((common / len(han), {"gbk": "GBK", "big5": "Big5", "gb18030": "GB18030"}[name]))
    if not candidates:
        return ""
    return max(candidates, key=lambda c: c[0])[1]


def _common(ch: str, encoding: str) -> bool:
    """Whether a character is in the everyday set of its encoding (GB2312 level 1–2, Big5 common)."""
    try:
        if encoding == "big5":
            code = ch.encode("big5")
            return len(code) == 2 and 0xA4 <= code[0] <= 0xC6  # frequently used characters
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def kind_for(path: Path, root: Path) -> str | None:
    """The content kind of a YAML file by where it lies in the project (None: not a content file)."""
    absolute, base = os.path.abspath(path), os.path.abspath(root)
    if not absolute.startswith(base + os.sep):
        absolute, base = os.path.realpath(path), os.path.realpath(root)
        if not absolute.startswith(base + os.sep):
            return None
    rel = Path(absolute[len(base) + 1 :])
    if rel.parts and rel.parts[0] == SCRIPTS:
        return SCRIPT
    for kind in KINDS:
        for pattern in kind.layout:
            if rel.match(pattern) or rel.with_suffix(".yaml").match(pattern):
                return kind.id
    return None
