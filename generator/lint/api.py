"""What the rest of huifang calls: lint a loaded project, or lint paths from the command line.

from huifang.lint.api import lint_project, lint_paths
problems = lint_project(loaded)            # every script, composed; site build
result = lint_paths(root, [Path("x.md")])  # the CLI
"""

from __future__ import annotations

import os
from pathlib import Path

from huifang.lint import inputs, run
from huifang.lint.result import Result, UsageError
from huifang.problems import Problem, printable
from huifang.readfile import missing, not_a_project

__all__ = ["Result", "UsageError", "lint_by_script", "lint_paths", "lint_project"]


def lint_project(loaded, *, composed: bool = True) -> list[Problem]:
    """Lint findings for every script of a loaded project (composed with its org), plus free-form
    .md/.txt scripts under scripts_src/. Raises lint.config.ConfigError on a bad `lint:` setting."""
    return run.run_loaded(
        loaded,
        list(loaded.project.scripts.values()),
        inputs.walk_scripts_src(loaded.project.root),
        composed=composed,
        load_problems=False,
    ).problems


def lint_by_script(loaded, *, composed: bool = True) -> dict[str, list[Problem]]:
    """Findings per script id (a composed org opening's finding is listed under every script using it)."""
    from huifang.lint import calls
    from huifang.lint.engine import finish

    engine, config, _ = run.start(loaded)
    sources = {d: doc.text for d, doc in loaded.documents.items()}
    return {
        ident: finish(engine.lint_view(calls.view(script, loaded.project, composed)), sources, config)
        for ident, script in sorted(loaded.project.scripts.items())
    }


def lint_paths(
    root: Path, paths: list[Path] | None = None, *, composed: bool = True, jobs: int = 0, output: str = ""
) -> Result:
    """Lint the given files and directories (.yaml/.yml/.md/.txt), or with none the whole project.

    The content is loaded once; YAML scripts are then loaded and linted one at a time (memory stays
    flat), free-form files read one at a time; both in worker processes when there are many (`jobs`: how
    many; 0 = as many as pay off, see lint.chunks). `output`: the format the caller will print the
    findings in, so that worker processes can write their part (only "json" is written there).
    """
    from huifang.lint import loader

    root = Path(root)
    lost = not_a_project(root)
    if lost:
        raise UsageError(lost)
    root_abs = os.path.abspath(root)
    if not paths:
        return run.stream(
            root,
            inputs.all_scripts(root),
            inputs.walk_scripts_src(root),
            composed=composed,
            full=True,
            jobs=jobs,
            output=output,
        )
    yaml_files: list = []
    freeform: list = []
    for path in paths:
        if missing(path):  # (a symlink in a loop is there: reading it says so, as that file's finding)
            raise UsageError(f"{printable(str(path))}: 文件或目录不存在")
        if os.path.isdir(path):
            for file, display in inputs.walk(str(path), root_abs):
                (freeform if file.endswith(inputs.FREEFORM_SUFFIXES) else yaml_files).append((file, display))
        elif str(path).endswith(inputs.FREEFORM_SUFFIXES):
            freeform.append((str(path), inputs.display_of(os.path.abspath(path), root_abs, str(path))))
        elif str(path).endswith(inputs.YAML_SUFFIXES):
            yaml_files.append((str(path), inputs.display_of(os.path.abspath(path), root_abs, str(path))))
        else:
            raise UsageError(f"{path}: 只能检查 .yaml、.yml、.md 或 .txt 文件")
    scripts: list = []
    content: list = []
    for file, display in yaml_files:
        kind = loader.kind_for(Path(file), root)
        if kind is None and not inputs.looks_like_script(file):
            continue  # mkdocs.yml, CI files…: not ours
        (content if kind not in (None, "script") else scripts).append((file, display))
    if not content:
        return run.stream(root, inputs.unique(scripts), freeform, composed=composed, jobs=jobs, output=output)
    # A content file was named: its findings come from the scripts that use it, so lint them all.
    result = run.stream(
        root,
        inputs.unique(inputs.all_scripts(root) + scripts),
        freeform,
        composed=composed,
        full=True,
        jobs=jobs,
        output=output,
    )
    only = {d for _, d in scripts} | {d for _, d in content} | {d for _, d in freeform}
    result.problems = [p for p in result.problems if p.path in only]
    return result
