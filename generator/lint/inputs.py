"""Which files a lint run reads: the project's scripts, the folders and files named on the command line."""

from __future__ import annotations

import os
from operator import attrgetter, itemgetter
from pathlib import Path

from huifang import readfile
from huifang.lint.result import UsageError
from huifang.problems import printable

YAML_SUFFIXES = (".yaml", ".yml")
FREEFORM_SUFFIXES = (".md", ".txt")
SKIP_DIRS = {"node_modules", "site", "__pycache__"}


def all_scripts(root: Path) -> list[tuple[str, str]]:
    from huifang.problems import display_path
    from huifang.project import discover

    return [(str(p), display_path(p, root)) for p, kind in discover(root) if kind == "script"]


def unique(files):
    seen, out = set(), []
    for file, display in files:
        key = os.path.realpath(file)
        if key not in seen:
            seen.add(key)
            out.append((file, display))
    return out


def looks_like_script(file: str) -> bool:
    try:
        with open(file, "rb") as handle:
            head = handle.read(65536)
    except OSError:
        return True  # let the loader say why it cannot be read
    return any(line.startswith((b"steps:", b"questions:")) for line in head.splitlines())


def display_of(path_abs: str, root_abs: str, given: str) -> str:
    """The name a finding gives the file: relative to the project if inside it, as given if not; on one line
    (a newline in a name written as an escape, as every command writes it)."""
    if path_abs.startswith(root_abs + os.sep):
        given = path_abs[len(root_abs) + 1 :].replace(os.sep, "/")
    return given if given.isprintable() else printable(given)


def walk(top: str, root_abs: str):
    """(file, display) for lintable files under `top`, sorted, hidden folders skipped."""
    prefix = display_of(os.path.abspath(top), root_abs, top.rstrip("/"))
    stack = [(top, prefix)]
    out = []
    seen: set[str] = set()  # folders read, by real path: a symlink back up (loop -> .) is read once, not to ELOOP
    while stack:
        folder, shown = stack.pop()
        real = os.path.realpath(folder)
        if real in seen:
            continue
        seen.add(real)
        try:
            with os.scandir(folder) as scan:
                entries = [entry for entry in scan if entry.name[0] != "."]
        except OSError as exc:
            raise UsageError(f"{shown}: 无法读取目录：{readfile.os_words(exc)}") from None
        entries.sort(key=_NAME)
        lead = f"{shown}/" if shown not in ("", ".") else ""
        # one test of the whole listing: a name that is not printable is written with escapes
        printable_names = "".join(map(_NAME, entries)).isprintable()
        subdirs = []
        for entry in entries:
            name = entry.name
            folder_here = _is_dir(entry)
            shown_name = name if printable_names or name.isprintable() else printable(name)
            if not folder_here:
                if name.endswith(SUFFIXES):
                    out.append((entry.path, lead + shown_name))
            elif name not in SKIP_DIRS:
                subdirs.append((entry.path, lead + shown_name))
        stack.extend(reversed(subdirs))
    out.sort(key=_DISPLAY)
    return out


_NAME = attrgetter("name")
_DISPLAY = itemgetter(1)


SUFFIXES = YAML_SUFFIXES + FREEFORM_SUFFIXES


def _is_dir(entry: os.DirEntry) -> bool:
    """Whether an entry is a folder; a symlink loop is not (it raised ELOOP and stopped the whole run: it is
    listed as a file, and reading it says what is wrong with it)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def walk_scripts_src(root: Path):
    folder = Path(root) / "scripts_src"
    if not folder.is_dir():
        return []
    return [(f, d) for f, d in walk(str(folder), os.path.abspath(root)) if f.endswith(FREEFORM_SUFFIXES)]
