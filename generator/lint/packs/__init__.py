"""Optional phrase packs shipped with huifang, enabled with huifang.yaml's lint.extends.

    lint:
      extends: [default, service-taboos]

A pack is a forbidden-phrase file (the schema of content/forbidden/*.yaml) in this folder; each
entry names the public source that published it.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def names() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.yaml"))


_BUILT: dict[str, tuple] = {}


def phrases(name: str) -> tuple:
    """The ForbiddenPhrase entries of a pack (its file already checked by the tests); built once a
    process, or given by the content cache (`remember`), which keeps them while the pack is unchanged."""
    found = _BUILT.get(name)
    if found is None:
        found = _BUILT[name] = _build(name)
    return found


def remember(built: dict[str, tuple]) -> None:
    """Packs built by an earlier run (read from the content cache)."""
    for name, found in built.items():
        _BUILT.setdefault(name, found)


def _build(name: str) -> tuple:
    from huifang import builders
    from huifang import model as m
    from huifang.validate import validate_document
    from huifang.yamlload import load_file

    doc = load_file(HERE / f"{name}.yaml", f"huifang:{name}")
    problems = validate_document(doc, "forbidden")
    if problems:
        raise ValueError(str(problems[0]))
    project = m.Project(HERE)
    builders.forbidden(doc, project)
    return tuple(project.forbidden)
