"""What the rest of huifang calls: lint a loaded project, or lint paths from the command line.

    from generator.lint.api import lint_project, lint_paths
    problems = lint_project(loaded)            # every script, composed; site build
    result = lint_paths(root, [Path("x.md")])  # the CLI
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.problems import Problem

YAML_SUFFIXES = (".yaml", ".yml")
FREEFORM_SUFFIXES = (".md", ".txt")
SKIP_DIRS = {"node_modules", "site", "__pycache__"}


class UsageError(Exception):
    """Bad usage or unreadable input: one line, exit 2."""


@dataclass
class Result:
    problems: list[Problem]
    sources: dict[str, str] = field(default_factory=dict)  # display path → text as linted
    files: dict[str, Path] = field(default_factory=dict)  # display path → file
    kinds: dict[str, str] = field(default_factory=dict)  # YAML display path → content kind
    checked: int = 0  # scripts and free-form files linted


def lint_project(loaded, *, composed: bool = True) -> list[Problem]:
    """Lint findings for every script of a loaded project (composed with its org), plus free-form
    .md/.txt scripts under scripts_src/. Raises lint.config.ConfigError on a bad `lint:` setting."""
    return _run(loaded, list(loaded.project.scripts.values()), _walk_scripts_src(loaded.project.root),
                composed=composed, load_problems=False).problems


def lint_by_script(loaded, *, composed: bool = True) -> dict[str, list[Problem]]:
    """Findings per script id (a composed org opening's finding is listed under every script using it)."""
    from generator.lint import calls
    from generator.lint.config import LintConfig
    from generator.lint.engine import Engine, finish

    config = LintConfig.from_settings(loaded.project.config.lint)
    engine = Engine(loaded.project, config)
    sources = {d: doc.text for d, doc in loaded.documents.items()}
    return {ident: finish(engine.lint_view(calls.view(script, loaded.project, composed)), sources, config)
            for ident, script in sorted(loaded.project.scripts.items())}


def lint_paths(root: Path, paths: list[Path] | None = None, *, composed: bool = True) -> Result:
    """Lint the given files and directories (.yaml/.yml/.md/.txt), or with none the whole project."""
    from generator.lint import loader

    root = Path(root)
    if not root.is_dir():
        raise UsageError(f"{root}: 项目目录不存在")
    if not (root / "content").is_dir():
        raise UsageError(f"{root}: 找不到 content/ 目录：--project 应指向含 content/ 的项目根目录")
    if not paths:
        loaded = loader.load(root)
        return _run(loaded, list(loaded.project.scripts.values()), _walk_scripts_src(root), composed=composed)
    yaml_files, freeform, only = [], [], set()
    root_abs = os.path.abspath(root)
    for path in paths:
        if not os.path.exists(path):
            raise UsageError(f"{path}: 文件或目录不存在")
        if os.path.isdir(path):
            for file, display in _walk(str(path), root_abs):
                (freeform if file.endswith(FREEFORM_SUFFIXES) else yaml_files).append((file, display))
        elif str(path).endswith(FREEFORM_SUFFIXES):
            freeform.append((str(path), _display(os.path.abspath(path), root_abs, str(path))))
        elif str(path).endswith(YAML_SUFFIXES):
            yaml_files.append((str(path), _display(os.path.abspath(path), root_abs, str(path))))
        else:
            raise UsageError(f"{path}: 只能检查 .yaml、.yml、.md 或 .txt 文件")
    scripts, content = [], []
    for file, display in yaml_files:
        kind = loader.kind_for(Path(file), root)
        if kind is None and not _looks_like_script(file):
            continue  # mkdocs.yml, CI files…: not ours
        (content if kind not in (None, "script") else scripts).append((Path(file), display))
    everything = bool(content)
    loaded = loader.load(root, None if everything else [p for p, _ in scripts])
    wanted = {p.resolve() for p, _ in scripts}
    chosen = [s for s in loaded.project.scripts.values()
              if everything or (s.doc is not None and Path(s.doc.path).resolve() in wanted)]
    result = _run(loaded, chosen, freeform, composed=composed)
    if everything:
        only = {d for _, d in scripts} | {d for _, d in content} | {d for _, d in freeform}
        result.problems = [p for p in result.problems if p.path in only]
    return result


def _run(loaded, scripts, freeform, *, composed: bool, load_problems: bool = True) -> Result:
    from generator.lint import calls
    from generator.lint.config import LintConfig
    from generator.lint.engine import Engine, finish

    project = loaded.project
    config = LintConfig.from_settings(project.config.lint)
    engine = Engine(project, config)
    result = Result([])
    ctx = engine.ctx
    for display, doc in loaded.documents.items():
        ctx.sources[display] = doc.text
        result.files[display] = Path(doc.path)
    from generator.lint.loader import kind_for
    for display, doc in loaded.documents.items():
        kind = kind_for(Path(doc.path), project.root) or "script"
        result.kinds[display] = kind
    found = [Problem(p.path, p.line, p.column, p.message, p.severity, "check", p.line, p.column)
             for p in loaded.problems if p.severity == "error" and load_problems]
    for script in sorted(scripts, key=lambda s: s.file):
        found.extend(engine.lint_view(calls.view(script, project, composed)))
        result.checked += 1
    if freeform:
        found.extend(_lint_freeform(engine, freeform, result, project))
    result.problems = finish(found, ctx.sources, config)
    result.sources = ctx.sources
    return result


PARALLEL_FROM = 400  # free-form files; below this, starting workers costs more than it saves
_WORK = None  # (engine, org) handed to forked workers


def _jobs(count: int) -> int:
    wanted = os.environ.get("HUIFANG_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    if count < PARALLEL_FROM:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8))


def _lint_freeform(engine, files, result: Result, project):
    global _WORK
    org = project.orgs.get(project.config.default_org)
    engine.ctx.matcher  # build the automaton once, before any fork
    jobs = _jobs(len(files))
    if jobs > 1:
        import multiprocessing
        try:
            context = multiprocessing.get_context("fork")
        except ValueError:
            jobs = 1
    if jobs == 1:
        found, sources = _lint_files(engine, files, org)
        _keep(result, engine, files, sources)
        result.checked += len(files)
        return found
    _WORK = (engine, org)
    size = max(50, len(files) // (jobs * 4))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    found = []
    with context.Pool(jobs) as pool:
        for problems, sources in pool.imap(_lint_chunk, chunks):
            found.extend(problems)
            _keep(result, engine, [f for f in files if f[1] in sources], sources)
    result.checked += len(files)
    return found


def _keep(result: Result, engine, files, sources: dict) -> None:
    engine.ctx.sources.update(sources)
    for file, display in files:
        if display in sources:
            result.files[display] = Path(file)


def _lint_chunk(files):
    """In a worker: lint, apply inline switches; send back findings and the texts fixes need."""
    from generator.lint.engine import finish
    engine, org = _WORK
    found, sources = _lint_files(engine, files, org)
    found = finish(found, sources, engine.ctx.config)
    return found, {p.path: sources[p.path] for p in found if p.fix and p.path in sources}


def _lint_files(engine, files, org):
    from generator.lint import freeform as ff
    from generator.lint.normalize import drop, fold

    ctx = engine.ctx
    matcher = ctx.matcher
    found = []
    sources = {}
    for file, display in files:
        text = _read(file, display)
        sources[display] = text
        ctx.sources[display] = text
        folded = fold(text)
        view = ff.view(text, display, org, folded)
        view.no_phrases = not matcher.any(drop(folded))
        found.extend(engine.lint_view(view))
    return found, sources


def _read(file: str, display: str) -> str:
    try:
        with open(file, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise UsageError(f"{display}: 无法读取：{exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        from generator.problems import ContentError
        from generator.yamlload import decode
        try:
            decode(raw, display)
        except ContentError as exc:
            raise UsageError(str(exc.problem)) from None
        raise
    if "\x00" in text:
        raise UsageError(f"{display}:1:1: 文件含有 NUL 字节（二进制文件？）：话术必须是 UTF-8 文本")
    return text[1:] if text.startswith("\ufeff") else text


def _looks_like_script(file: str) -> bool:
    try:
        with open(file, "rb") as handle:
            head = handle.read(65536)
    except OSError:
        return True  # let the loader say why it cannot be read
    return any(line.startswith((b"steps:", b"questions:")) for line in head.splitlines())


def _display(path_abs: str, root_abs: str, given: str) -> str:
    if path_abs.startswith(root_abs + os.sep):
        return path_abs[len(root_abs) + 1:].replace(os.sep, "/")
    return given


def _walk(top: str, root_abs: str):
    """(file, display) for lintable files under `top`, sorted, hidden folders skipped."""
    prefix = _display(os.path.abspath(top), root_abs, top.rstrip("/"))
    stack = [(top, prefix)]
    out = []
    while stack:
        folder, shown = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            raise UsageError(f"{shown}: 无法读取目录：{exc.strerror or exc}") from None
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            name = f"{shown}/{entry.name}" if shown not in ("", ".") else entry.name
            if entry.is_dir():
                if entry.name not in SKIP_DIRS:
                    subdirs.append((entry.path, name))
            elif entry.name.endswith(YAML_SUFFIXES + FREEFORM_SUFFIXES):
                out.append((entry.path, name))
        stack.extend(reversed(subdirs))
    return sorted(out, key=lambda x: x[1])


def _walk_scripts_src(root: Path):
    folder = Path(root) / "scripts_src"
    if not folder.is_dir():
        return []
    return [(f, d) for f, d in _walk(str(folder), os.path.abspath(root)) if f.endswith(FREEFORM_SUFFIXES)]
