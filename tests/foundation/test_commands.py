"""`huifang new`, `huifang schema`, `--help`: the small commands around the content model."""

from __future__ import annotations

import json

import jsonschema
import pytest
from huifang.cli import COMMANDS
from huifang.kinds import SCHEMAS
from huifang.schema_export import render

from tests.conftest import REPO, huifang


@pytest.mark.parametrize("what", ["scenario", "script"])
def test_new_scaffold_passes_check(minimal, what):
    result = huifang("new", what, "demo-xinjian", "--org", "demo", "--project", minimal)
    assert result.returncode == 0, result.stderr
    folder = "content/scenarios" if what == "scenario" else "scripts_src"
    text = (minimal / folder / "demo-xinjian.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "#" in text.split("\n", 2)[1]  # commented for the supervisor
    check = huifang("check", "--project", minimal)
    assert check.returncode == 0, check.stdout


def test_new_never_overwrites(minimal):
    path = minimal / "scripts_src" / "demo-weixiu.yaml"
    before = path.read_bytes()
    result = huifang("new", "script", "demo-weixiu", "--project", minimal)
    assert result.returncode == 1 and "已存在" in result.stderr
    assert path.read_bytes() == before


def test_new_rejects_a_bad_name(minimal):
    result = huifang("new", "script", "../escape", "--project", minimal)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (minimal.parent / "escape.yaml").exists()


def test_exported_schemas_are_in_sync_and_valid():
    for kind in SCHEMAS:
        path = REPO / "schemas" / f"{kind}.schema.json"
        assert path.read_text(encoding="utf-8") == render(kind), f"run `huifang schema` ({kind})"
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_schema_command_writes_every_kind(tmp_path):
    result = huifang("schema", "--out", tmp_path / "out")
    assert result.returncode == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{k}.schema.json" for k in SCHEMAS)


def test_shipped_files_point_editors_at_their_schema():
    from huifang.project import discover

    for path, kind in discover(REPO):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1].strip()).resolve()
        assert target == REPO / "schemas" / f"{kind}.schema.json", path


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_fits_one_screen(command):
    result = huifang(*([command] if command else []), "--help")
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) <= 40
    assert "--project" in result.stdout or command is None
