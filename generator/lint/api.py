"""What the rest of huifang calls: lint a loaded project, or lint paths from the command line.

    from huifang.lint.api import lint_project, lint_paths
    problems = lint_project(loaded)            # every script, composed; site build
    result = lint_paths(root, [Path("x.md")])  # the CLI
"""

from __future__ import annotations

import errno
import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from huifang import workers
from huifang.problems import Problem

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
    from huifang.lint import calls
    from huifang.lint.engine import finish

    engine, config, _ = _start(loaded)
    sources = {d: doc.text for d, doc in loaded.documents.items()}
    return {ident: finish(engine.lint_view(calls.view(script, loaded.project, composed)), sources, config)
            for ident, script in sorted(loaded.project.scripts.items())}


def lint_paths(root: Path, paths: list[Path] | None = None, *, composed: bool = True) -> Result:
    """Lint the given files and directories (.yaml/.yml/.md/.txt), or with none the whole project.

    The content is loaded once; YAML scripts are then loaded and linted one at a time (memory stays
    flat), free-form files read one at a time; both in worker processes when there are many.
    """
    from huifang.lint import loader

    root = Path(root)
    if not root.is_dir():
        raise UsageError(f"{root}: 项目目录不存在")
    if not (root / "content").is_dir():
        raise UsageError(f"{root}: 找不到 content/ 目录：--project 应指向含 content/ 和 scripts_src/ 的项目根目录")
    root_abs = os.path.abspath(root)
    if not paths:
        return _stream(root, _all_scripts(root), _walk_scripts_src(root), composed=composed, full=True)
    yaml_files: list = []
    freeform: list = []
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
    scripts: list = []
    content: list = []
    for file, display in yaml_files:
        kind = loader.kind_for(Path(file), root)
        if kind is None and not _looks_like_script(file):
            continue  # mkdocs.yml, CI files…: not ours
        (content if kind not in (None, "script") else scripts).append((file, display))
    if not content:
        return _stream(root, _unique(scripts), freeform, composed=composed)
    # A content file was named: its findings come from the scripts that use it, so lint them all.
    result = _stream(root, _unique(_all_scripts(root) + scripts), freeform, composed=composed, full=True)
    only = {d for _, d in scripts} | {d for _, d in content} | {d for _, d in freeform}
    result.problems = [p for p in result.problems if p.path in only]
    return result


def _all_scripts(root: Path) -> list[tuple[str, str]]:
    from huifang.problems import display_path
    from huifang.project import discover
    return [(str(p), display_path(p, root)) for p, kind in discover(root) if kind == "script"]


def _unique(files):
    seen, out = set(), []
    for file, display in files:
        key = os.path.realpath(file)
        if key not in seen:
            seen.add(key)
            out.append((file, display))
    return out


def _run(loaded, scripts, freeform, *, composed: bool, load_problems: bool = True) -> Result:
    """Lint a project already loaded in full (the site build)."""
    from huifang.lint import calls
    from huifang.lint.engine import combine, finish

    project = loaded.project
    engine, config, result = _start(loaded)
    ctx = engine.ctx
    found = [_as_check(p) for p in loaded.problems if p.severity == "error" and load_problems]
    for script in sorted(scripts, key=lambda s: s.file):
        found.extend(engine.lint_view(calls.view(script, project, composed)))
        result.checked += 1
    if freeform:
        found.extend(_lint_freeform(engine, freeform, result, project))
    ctx.sources.update(result.sources)
    result.problems = combine(finish(found, ctx.sources, config))
    result.sources = ctx.sources
    return result


def _start(loaded):
    """An engine for the loaded project, and a result that knows every content file's text."""
    from huifang.lint.config import LintConfig
    from huifang.lint.engine import Engine

    config = LintConfig.from_settings(loaded.project.config.lint)
    engine = Engine(loaded.project, config)
    result = Result([])
    for display, doc in loaded.documents.items():
        engine.ctx.sources[display] = doc.text
        result.files[display] = Path(doc.path)
    return engine, config, result


def _as_check(p: Problem) -> Problem:
    return Problem(p.path, p.line, p.column, p.message, p.severity, "check", p.line, p.column)


def _stream(root: Path, scripts, freeform, *, composed: bool, full: bool = False) -> Result:
    """Load the content once, then lint YAML scripts and free-form files one at a time.
    `full`: these are all the project's scripts, so scenarios' references to scripts are checked."""
    from huifang.contentcache import load_content
    from huifang.lint.engine import combine, finish
    from huifang.lint.loader import kind_for

    loaded = load_content(root)
    project = loaded.project
    engine, config, result = _start(loaded)
    ctx = engine.ctx
    found = [_as_check(p) for p in loaded.problems if p.severity == "error"]
    global _WORK, _GUARD
    _WORK = (engine, loaded, composed, project.orgs.get(project.config.default_org))
    _GUARD = (os.path.abspath(root), os.path.realpath(root), loaded.limits.max_file_bytes)
    state: dict = {"ids": {}, "broken": set()}
    if scripts:
        found.extend(_in_chunks(_lint_yaml_chunk, _gather_yaml, scripts, result, state))
    if full:
        found.extend(_script_references(loaded, state))
    if freeform:
        _ = ctx.reader  # build the phrase automaton once, before any fork
        found.extend(_in_chunks(_lint_text_chunk, _gather_text, freeform, result,
                                parallel_from=PARALLEL_FROM_FREEFORM))
    _WORK = None
    ctx.sources.update(result.sources)
    result.problems = combine(finish(found, ctx.sources, config))
    result.sources = ctx.sources
    # The kind of each content file a fix would rewrite (the fix is refused if the file would no longer
    # validate); only those: finding every content file's kind costs more than a one-file lint.
    for display in {p.fix[0] for p in result.problems if p.fix}:
        doc = loaded.documents.get(display)
        if doc is not None:
            result.kinds[display] = kind_for(Path(doc.path), root) or "script"
    return result


# Files from which worker processes pay off (measured on 2 cores): a YAML script costs milliseconds
# to load and lint, a free-form file about a tenth of one.
PARALLEL_FROM = 400
PARALLEL_FROM_FREEFORM = 1000
_WORK: tuple | None = None  # (engine, loaded, composed, default org): what forked workers share with the parent
_GUARD = ("", "", 0)  # (project root, its real path, max file bytes; 0 = the default) for free-form files




def _script_references(loaded, state: dict) -> list[Problem]:
    """Scenarios naming scripts that do not exist (checked once every script has been seen)."""
    from huifang.project import References

    refs = References(loaded)
    loaded.broken_ids |= state["broken"]
    mark = len(loaded.problems)
    for scenario in loaded.project.scenarios.values():
        doc = loaded.documents.get(scenario.file)
        for i, ident in enumerate(scenario.scripts):
            refs.refer(doc, ("scripts", i), "话术", ident, state["ids"])
    return [_as_check(p) for p in loaded.problems[mark:]]


def _in_chunks(work, gather, files, result: Result, state: dict | None = None, *,
               parallel_from: int = PARALLEL_FROM) -> list[Problem]:
    """Run `work` over chunks of `files` (in forked workers when there are many), in file order."""
    jobs = workers.count(len(files), parallel_from)
    context = None
    if jobs > 1:
        import multiprocessing
        try:
            context = multiprocessing.get_context("fork")
        except ValueError:
            context = None
    found: list[Problem] = []
    state = {} if state is None else state
    with _collector_at_rest():
        if context is None:
            gather(work(files), result, found, state)
            return found
        size = max(20, min(500, len(files) // (jobs * 4)))
        chunks = [files[i:i + size] for i in range(0, len(files), size)]
        from huifang.workers import ignore_interrupts
        with context.Pool(jobs, initializer=ignore_interrupts) as pool:
            for part in pool.imap(work, chunks):
                gather(part, result, found, state)
    return found


@contextmanager
def _collector_at_rest():
    """Linting makes many short-lived objects and no reference cycles, so the cycle collector's
    frequent runs only cost time (≈ 8 %): run it rarely, and never over the loaded project, which
    lives to the end (frozen: forked workers then share its pages instead of copying them)."""
    import gc
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _lint_yaml_chunk(files):
    """Load and lint each YAML script; return per file what the parent needs (findings already switched)."""
    from huifang.lint import calls
    from huifang.lint.engine import finish
    from huifang.lint.loader import load_script

    engine, loaded, composed, _ = _WORK
    ctx = engine.ctx
    out = []
    for file, display in files:
        loose = load_script(loaded, file, display)
        found = []
        if loose.script is not None:
            ctx.sources[display] = loose.doc.text
            found = finish(engine.lint_view(calls.view(loose.script, loaded.project, composed)), ctx.sources,
                           ctx.config)
            del ctx.sources[display]
        text = loose.doc.text if loose.doc is not None and any(p.fix for p in found) else None
        out.append((file, display, loose.ident, loose.anchor, loose.problems, found, text, loose.broken))
    return out


def _gather_yaml(part, result: Result, found: list, state: dict) -> None:
    from huifang.lint.loader import Loose, duplicate

    seen = state.setdefault("ids", {})
    for file, display, ident, anchor, problems, lint_found, text, broken in part:
        found.extend(_as_check(p) for p in problems if p.severity == "error")
        state.setdefault("broken", set()).update(broken)
        if ident is None:
            continue
        if ident in seen:
            loose = Loose(display)
            loose.ident, loose.anchor = ident, anchor
            found.append(_as_check(duplicate(loose, seen[ident])))
            continue
        seen[ident] = display
        found.extend(lint_found)
        result.checked += 1
        if text is not None:
            result.sources[display] = text
            result.files[display] = Path(file)
            result.kinds[display] = "script"


def _lint_freeform(engine, files, result: Result, project):
    global _WORK
    _WORK = (engine, None, True, project.orgs.get(project.config.default_org))
    _ = engine.ctx.reader
    try:
        return _in_chunks(_lint_text_chunk, _gather_text, files, result, parallel_from=PARALLEL_FROM_FREEFORM)
    finally:
        _WORK = None


def _lint_text_chunk(files):
    """Lint free-form files a hundred at a time (their new lines are read together): findings with
    inline switches applied, and the texts of files a fix will rewrite (no other text is kept)."""
    from huifang.lint.engine import finish

    engine, _, _, org = _WORK
    lint, reader, config = engine.lint_view, engine.ctx.reader, engine.ctx.config
    shared = engine.ctx.sources  # what fixes read; holds a file only while it is linted
    found, keep = [], {}
    for at in range(0, len(files), 100):
        part = files[at:at + 100]
        problems, sources, paths = [], {}, {}
        texts, unreadable = [], []
        for f, d in part:
            try:
                texts.append((_read(f, d), d))
            except UsageError as exc:
                unreadable.append(_unreadable(str(exc), d))
                texts.append(("", d))
        problems.extend(unreadable)
        bad = {p.path for p in unreadable}
        for (file, _), view in zip(part, reader.views(texts, org)):
            if view.file in bad:
                continue
            display = view.file
            sources[display] = shared[display] = view.text
            paths[display] = file
            problems.extend(lint(view))
            del shared[display]
        problems = finish(problems, sources, config)
        found.extend(problems)
        keep.update((p.path, (paths[p.path], sources[p.path])) for p in problems if p.fix and p.path in sources)
    return found, keep, len(files)


def _unreadable(message: str, display: str) -> Problem:
    """An unreadable free-form file as a finding of that file (the others are still linted)."""
    rest = message[len(display):] if message.startswith(display) else ": " + message
    line = column = 1
    parts = rest.split(":", 3)
    if len(parts) == 4 and parts[1].isdigit() and parts[2].isdigit():
        line, column, text = int(parts[1]), int(parts[2]), parts[3].strip()
    else:
        text = rest.lstrip(": ").strip()
    return Problem(display, line, column, text, "error", "check", line, column)


def _gather_text(part, result: Result, found: list, state: dict) -> None:
    problems, sources, count = part
    found.extend(problems)
    result.checked += count
    for display, (file, text) in sources.items():
        result.sources[display] = text
        result.files[display] = Path(file)


def _read(file: str, display: str) -> str:
    from huifang.yamlload import DEFAULT_MAX_FILE_BYTES, human_size
    root, real_root, limit = _GUARD
    limit = limit or DEFAULT_MAX_FILE_BYTES
    guarded = False
    if root:
        guarded, real = _guard(file, root, real_root)
        if real:
            raise UsageError(f"{display}:1:1: 符号链接指向项目之外（{real}）：出于安全考虑拒绝读取")
    try:
        try:
            # O_NOFOLLOW: a file that is itself a symlink fails with ELOOP and is resolved then
            handle = os.open(file, os.O_RDONLY | _NONBLOCK | (_NOFOLLOW if guarded else 0))
        except OSError as exc:
            if not (guarded and exc.errno == errno.ELOOP):
                raise
            real = os.path.realpath(file)
            if not real.startswith(real_root + os.sep):
                raise UsageError(f"{display}:1:1: 符号链接指向项目之外（{real}）：出于安全考虑拒绝读取") from None
            handle = os.open(file, os.O_RDONLY | _NONBLOCK)
        try:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode):  # a FIFO would block every read: never read one
                raise UsageError(f"{display}:1:1: 不是普通文件（管道、设备或套接字）：huifang 不读取，请删除")
            size = info.st_size
            if size <= limit:
                raw = os.read(handle, size + 1)  # os.read: half the cost of open().read() on small files
                if len(raw) > size:  # grew since fstat: read on to the end (or past the limit)
                    parts, size = [raw], len(raw)
                    while parts[-1] and size <= limit:
                        parts.append(os.read(handle, 65536))
                        size += len(parts[-1])
                    raw = b"".join(parts)
        finally:
            os.close(handle)
        if size > limit:
            raise UsageError(f"{display}:1:1: 文件过大（{human_size(size)}，上限 {human_size(limit)}）："
                             "可在 huifang.yaml 的 limits.max_file_bytes 中调整")
    except OSError as exc:
        raise UsageError(f"{display}: 无法读取：{exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        from huifang.lint.loader import guess_encoding
        name = guess_encoding(raw)
        if name == "UTF-16":
            raise UsageError(f"{display}:1:1: 文件是 UTF-16 编码：话术必须是 UTF-8 文本，请另存为 UTF-8"
                             "（如 iconv -f UTF-16 -t UTF-8 原文件 > 新文件）") from None
        hint = f"看起来是 {name} 编码，" if name else ""
        source = name or "GBK"
        raise UsageError(f"{display}:1:1: 文件不是 UTF-8 编码，{hint}请在编辑器中另存为 UTF-8，"
                         f"或运行 iconv -f {source} -t UTF-8 原文件 > 新文件") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) >= 4 and "\x00" in text
                                                         and raw[1::2].count(0) > len(raw) // 4):
        raise UsageError(f"{display}:1:1: 文件是 UTF-16 编码：话术必须是 UTF-8 文本，请另存为 UTF-8"
                         "（如 iconv -f UTF-16 -t UTF-8 原文件 > 新文件）")
    if "\x00" in text:
        raise UsageError(f"{display}:1:1: 文件含有 NUL 字节（二进制文件？）：话术必须是 UTF-8 文本")
    return text[1:] if text.startswith("\ufeff") else text


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO for reading otherwise waits for a writer
_FOLDERS: dict[str, tuple[bool, str]] = {}  # folder as given → (inside the project?, real path): one realpath per folder


def _guard(file: str, root: str, real_root: str) -> tuple[bool, str]:
    """(whether the file is inside the project, the real path it escapes to or ''). Resolved once
    per folder; a file that is itself a symlink is caught when it is opened (O_NOFOLLOW)."""
    folder, name = os.path.split(file)
    known = _FOLDERS.get(folder)
    if known is None:
        if len(_FOLDERS) > 10_000:
            _FOLDERS.clear()
        absolute = os.path.abspath(folder or ".")
        inside = absolute == root or absolute.startswith(root + os.sep)
        known = _FOLDERS[folder] = (inside, os.path.realpath(folder or ".") if inside else "")
    inside, real = known
    if not inside:
        return False, ""
    if not _NOFOLLOW and os.path.islink(file):
        real = os.path.realpath(file)
        return True, "" if real.startswith(real_root + os.sep) else real
    if real == real_root or real.startswith(real_root + os.sep):
        return True, ""
    return True, os.path.join(real, name)


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
