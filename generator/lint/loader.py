"""Load what linting needs: the content (standards, phrases, orgs, questions) and only the scripts asked for.

Mirrors project.load_project but takes a selection of script files, so `huifang lint some.md`
does not parse every script of the project first.
"""

from __future__ import annotations

from pathlib import Path

from generator import model as m
from generator.problems import ContentError, Problem, display_path
from generator.project import (CONTENT, Loaded, References, build, discover, kind_of, read_config,
                               register_ids, register_inner_ids)
from generator.validate import validate_document
from generator.yamlload import load_file


def load(root: Path, scripts: list[Path] | None = None) -> Loaded:
    """The project with all its content files, and either all scripts (None) or just `scripts`."""
    root = Path(root)
    problems: list[Problem] = []
    config, limits = read_config(root, problems)
    project = m.Project(root=root, config=config)
    loaded = Loaded(project, problems)
    if not (root / CONTENT).is_dir():
        problems.append(Problem(display_path(root / CONTENT, root), 1, 1,
                                f"找不到 {CONTENT}/ 目录：--project 应指向含 content/ 和 scripts_src/ 的项目根目录"))
        return loaded
    files = [(p, k) for p, k in discover(root) if scripts is None or k != "script"]
    if scripts is not None:
        chosen = {p.resolve() for p, _ in files}
        for path in scripts:
            if path.resolve() not in chosen:
                chosen.add(path.resolve())
                files.append((path, "script"))
    seen: dict = {}
    for path, kind in files:
        display = display_path(path, root)
        project.files.append(path)
        try:
            doc = load_file(path, display, limits)
        except ContentError as exc:
            problems.append(exc.problem)
            continue
        found = validate_document(doc, kind)
        if found:
            problems.extend(found)
            continue
        loaded.documents[display] = doc
        if not register_ids(loaded, doc, kind, seen):
            continue
        register_inner_ids(loaded, doc, kind, seen)
        build(doc, kind, project)
    for bank in project.banks.values():
        for q in bank.questions:
            project.questions.setdefault(q.id, q)
    before = len(problems)
    References(loaded).run()
    if scripts is not None:
        unknown = _script_references(loaded)
        problems[before:] = [p for p in problems[before:] if (p.path, p.line, p.column) not in unknown]
    loaded.problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.message))
    return loaded


def _script_references(loaded: Loaded) -> set[tuple[str, int, int]]:
    """Where scenarios name their scripts: with only some scripts loaded, those names cannot be checked."""
    places = set()
    for scenario in loaded.project.scenarios.values():
        doc = loaded.documents.get(scenario.file)
        for i in range(len(scenario.scripts)) if doc else ():
            span = doc.span(("scripts", i))
            places.add((doc.display, span.line, span.column))
    return places


def kind_for(path: Path, root: Path) -> str | None:
    try:
        return kind_of(path.resolve(), root.resolve())
    except ValueError:
        return None
