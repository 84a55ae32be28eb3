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
    stubs = _stub_scripts(root, project) if scripts is not None else []
    References(loaded).run()
    for ident in stubs:
        del project.scripts[ident]
    loaded.problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.message))
    return loaded


def _stub_scripts(root: Path, project: m.Project) -> list[str]:
    """Ids of the scripts not loaded, so scenarios naming them are not reported as dangling."""
    import re
    added = []
    ident = re.compile(rb"^id:[ \t]*['\"]?([a-z0-9][a-z0-9-]*)", re.M)
    for path, kind in discover(root):
        if kind != "script":
            continue
        try:
            found = ident.search(path.read_bytes()[:4096])
        except OSError:
            continue
        name = found.group(1).decode() if found else None
        if name and name not in project.scripts:
            project.scripts[name] = m.Script(name, "", display_path(path, root))
            added.append(name)
    return added


def kind_for(path: Path, root: Path) -> str | None:
    try:
        return kind_of(path.resolve(), root.resolve())
    except ValueError:
        return None
