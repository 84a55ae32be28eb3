"""A lint run: the content loaded once, then every script linted (YAML scripts loaded one at a time,
free-form files read one at a time, both in worker processes when there are many), findings combined."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from huifang.lint import chunks, formats, textfile
from huifang.lint.result import Result, UsageError
from huifang.problems import Problem, as_rows, from_rows

_WORK: tuple | None = None  # (engine, loaded, composed, default org): what forked workers share with the parent
_OUTPUT = ""  # the format the findings will be printed in ("json": workers write their rows), set by stream()


def run_loaded(loaded, scripts, freeform, *, composed: bool, load_problems: bool = True) -> Result:
    """Lint a project already loaded in full (the site build)."""
    from huifang.lint import calls
    from huifang.lint.engine import combine, finish

    project = loaded.project
    engine, config, result = start(loaded)
    ctx = engine.ctx
    found = [as_check(p) for p in loaded.problems if p.severity == "error" and load_problems]
    found.extend(_switches_of(loaded))
    for script in sorted(scripts, key=lambda s: s.file):
        found.extend(engine.lint_view(calls.view(script, project, composed)))
        result.checked += 1
    if freeform:
        found.extend(_lint_freeform(engine, freeform, result, project))
    ctx.sources.update(result.sources)
    result.problems = combine(finish(found, ctx.sources, config))
    result.sources = ctx.sources
    _fixed_files(loaded, result)
    return result


def start(loaded):
    """An engine for the loaded project, and a result that knows every content file's text."""
    from huifang.lint.config import LintConfig
    from huifang.lint.engine import Engine

    config = LintConfig.from_settings(loaded.project.config.lint)
    engine = Engine(loaded.project, config)
    result = Result([])
    for display, doc in loaded.documents.items():
        engine.ctx.sources[display] = doc.text
    return engine, config, result


def _fixed_files(loaded, result: Result) -> None:
    """The file of each loaded document a fix would rewrite (only those: a fix needs no other)."""
    for display in {p.fix[0] for p in result.problems if p.fix}:
        doc = loaded.documents.get(display)
        if doc is not None and display not in result.files:
            result.files[display] = Path(doc.path)


def _switches_of(loaded) -> list[Problem]:
    """The switches of the loaded files (content; with scripts, theirs too) that name no rule."""
    from huifang.lint.suppress import unknown_rules

    return [
        p
        for display, doc in loaded.documents.items()
        if "huifang" in doc.text
        for p in unknown_rules(display, doc.text)
    ]


def as_check(p: Problem) -> Problem:
    return Problem(p.path, p.line, p.column, p.message, p.severity, "check", p.line, p.column)


def stream(
    root: Path, scripts, freeform, *, composed: bool, full: bool = False, jobs: int = 0, output: str = ""
) -> Result:
    """Load the content once, then lint YAML scripts and free-form files one at a time.
    `full`: these are all the project's scripts, so scenarios' references to scripts are checked.
    `jobs`: worker processes (0: as many as pay off). `output`: the format the caller prints the findings in."""
    from huifang.contentcache import load_content
    from huifang.lint.engine import combine
    from huifang.lint.loader import kind_for

    loaded = load_content(root)
    project = loaded.project
    engine, config, result = start(loaded)
    ctx = engine.ctx
    found = [as_check(p) for p in loaded.problems if p.severity == "error"]
    found.extend(_switches_of(loaded))
    global _WORK, _OUTPUT
    _WORK = (engine, loaded, composed, project.orgs.get(project.config.default_org))
    _OUTPUT = output
    textfile.GUARD = (os.path.abspath(root), os.path.realpath(root), loaded.limits.max_file_bytes)
    state: dict = {"ids": {}, "broken": set()}
    texts: dict = {}  # the free-form chunks' parts (`_gather_text`)
    if scripts:
        found.extend(chunks.in_chunks(_lint_yaml_chunk, _gather_yaml, scripts, result, state, jobs=jobs))
    if full:
        found.extend(_script_references(loaded, state))
    head = len(found)
    if freeform:
        _ = ctx.reader  # build the phrase automaton once, before any fork
        found.extend(
            chunks.in_chunks(
                _lint_text_chunk,
                _gather_text,
                freeform,
                result,
                texts,
                parallel_from=chunks.PARALLEL_FROM_FREEFORM,
                jobs=jobs,
                send=_text_rows,
                receive=_text_problems,
            )
        )
    _WORK, _OUTPUT = None, ""
    ctx.sources.update(result.sources)
    result.problems = combine(finished(found, head, texts.get("parts"), ctx.sources, config))
    result.sources = ctx.sources
    _fixed_files(loaded, result)
    # The kind of each content file a fix would rewrite (the fix is refused if the file would no longer
    # validate); only those: finding every content file's kind costs more than a one-file lint.
    for display in {p.fix[0] for p in result.problems if p.fix}:
        doc = loaded.documents.get(display)
        if doc is not None:
            result.kinds[display] = kind_for(Path(doc.path), root) or "script"
    return result


def finished(found: list[Problem], head: int, parts: list | None, sources: dict, config) -> list[Problem]:
    """`engine.finish(found)`, where the free-form files' findings (`found[head:]`, `parts` of them as `_gather_text`
    lists them) come finished from their chunks: when each chunk's are in order (`_lint_text_chunk`), only the
    findings before them are finished, and the places at the junctions compared (the rest first, then each chunk's
    first after the last before it). Exact: ignored files, switches and duplicates were dealt with in the chunks
    under the same settings (asked again, a finding let through is let through), so finishing everything would
    keep the free-form findings as they are, after the others when every place of theirs comes after."""
    from huifang.lint.engine import PLACE, finish

    if not parts or not all(ordered for ordered, _, _ in parts):
        return finish(found, sources, config)
    rest = finish(found[:head], sources, config)
    last = PLACE(rest[-1]) if rest else None
    for _, first, final in parts:
        if first is None:
            continue
        if last is not None and not last < PLACE(first):
            return finish(found, sources, config)
        last = PLACE(final)
    return rest + found[head:]


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
    return [as_check(p) for p in loaded.problems[mark:]]


def _lint_yaml_chunk(files):
    """Load and lint each YAML script; return per file what the parent needs (findings already switched)."""
    from huifang.lint import calls
    from huifang.lint.engine import finish
    from huifang.lint.loader import load_script
    from huifang.lint.suppress import unknown_rules

    assert _WORK is not None, "lint_yaml sets it before the chunks run"
    engine, loaded, composed, _ = _WORK
    ctx = engine.ctx
    out = []
    for file, display in files:
        loose = load_script(loaded, file, display)
        found = []
        if loose.script is not None and loose.doc is not None:  # a script is only built from a document
            ctx.sources[display] = loose.doc.text
            found = engine.lint_view(calls.view(loose.script, loaded.project, composed))
            if "huifang" in loose.doc.text:
                found.extend(unknown_rules(display, loose.doc.text))
            found = finish(found, ctx.sources, ctx.config)
            del ctx.sources[display]
        text = loose.doc.text if loose.doc is not None and any(p.fix for p in found) else None
        out.append((file, display, loose.ident, loose.anchor, loose.problems, found, text, loose.broken))
    _keep_compiled()
    return out


def _keep_compiled() -> None:
    """Keep the regexes this chunk compiled: a forked worker ends without running exit handlers."""
    from huifang import regexcache
    from huifang.lint import alphabet, standards

    regexcache.KEPT.save()
    alphabet.KEPT.save()
    standards.SOURCES.save()


def _gather_yaml(part, result: Result, found: list, state: dict) -> None:
    from huifang.lint.loader import Loose, duplicate

    seen = state.setdefault("ids", {})
    for file, display, ident, anchor, problems, lint_found, text, broken in part:
        found.extend(as_check(p) for p in problems if p.severity == "error")
        state.setdefault("broken", set()).update(broken)
        if ident is None:
            continue
        if ident in seen:
            loose = Loose(display)
            loose.ident, loose.anchor = ident, anchor
            found.append(as_check(duplicate(loose, seen[ident])))
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
        return chunks.in_chunks(
            _lint_text_chunk,
            _gather_text,
            files,
            result,
            parallel_from=chunks.PARALLEL_FROM_FREEFORM,
            send=_text_rows,
            receive=_text_problems,
        )
    finally:
        _WORK = None


def _lint_text_chunk(files):
    """Lint free-form files a hundred at a time (their new lines are read together): findings with
    inline switches applied, and the texts of files a fix will rewrite (no other text is kept)."""
    from huifang.lint.engine import PLACE, finish
    from huifang.lint.suppress import unknown_rules

    assert _WORK is not None, "lint_text sets it before the chunks run"
    engine, _, _, org = _WORK
    lint, reader, config = engine.lint_view, engine.ctx.reader, engine.ctx.config
    shared = engine.ctx.sources  # what fixes read; holds a file only while it is linted
    found: list = []
    keep: dict[str, tuple] = {}
    ordered = True  # each batch's findings are (`finish`): the chunk's are when the junctions are
    for at in range(0, len(files), 100):
        part = files[at : at + 100]
        problems, sources, paths = [], {}, {}
        texts, unreadable = [], []
        for f, d in part:
            try:
                texts.append((textfile.read(f, d), d))
            except UsageError as exc:
                unreadable.append(textfile.unreadable(str(exc), d))
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
            if view.readings is not None:  # the text as written, where its findings were placed (lint/readings.py)
                sources[display] = view.readings.text
            if "huifang" in view.text:  # a switch (most files have none: no call, no list)
                problems.extend(unknown_rules(display, sources[display]))
            del shared[display]
        problems = finish(problems, sources, config)
        if problems and found and ordered:
            ordered = PLACE(found[-1]) < PLACE(problems[0])
        found.extend(problems)
        keep.update((p.path, (paths[p.path], sources[p.path])) for p in problems if p.fix and p.path in sources)
    _keep_compiled()
    return found, keep, len(files), ordered


def _text_rows(part):
    """What a worker sends back: its findings as rows, and as JSON rows when JSON will be printed (written
    here, in parallel, instead of in the parent once every worker is done; encoded too, when the output
    takes UTF-8: `formats.write_json`)."""
    problems, sources, count, ordered = part
    written = None
    if _OUTPUT == "json":
        errors = formats.utf8(sys.stdout)
        # str rows when they do not encode: left to the parent's write, which raises it as it would have
        written = formats.json_rows(problems) if errors is None else formats.encoded_rows(problems, errors)
    return as_rows(problems), written, sources, count, ordered


def _text_problems(part):
    rows, written, sources, count, ordered = part
    problems = from_rows(rows)
    if written is not None:
        for p, row in zip(problems, written):
            p.__dict__[formats.JSON_ROW] = row
    return problems, sources, count, ordered


def _gather_text(part, result: Result, found: list, state: dict) -> None:
    problems, sources, count, ordered = part
    # whether the chunk's findings are in order, and its first and last (`finished`)
    state.setdefault("parts", []).append((ordered, *((problems[0], problems[-1]) if problems else (None, None))))
    found.extend(problems)
    result.checked += count
    for display, (file, text) in sources.items():
        result.sources[display] = text
        result.files[display] = Path(file)
