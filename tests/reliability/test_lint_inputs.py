"""The hostile corpus through `huifang lint`: one clear line per problem, exit 1 or 2, never a traceback."""

from __future__ import annotations

import os

import pytest

from tests.conftest import huifang
from tests.hostile import HOSTILE, NOT_LINTED, plant


def file_lines(result, rel: str) -> list[str]:
    out = (result.stdout + result.stderr).splitlines()
    return [
        line.removeprefix("huifang lint: ") for line in out if line.removeprefix("huifang lint: ").startswith(rel + ":")
    ]


@pytest.mark.parametrize("case", sorted(set(HOSTILE) - NOT_LINTED))
def test_hostile_content_through_lint(minimal, case):
    rel, content, expected = HOSTILE[case]
    plant(minimal, rel, content)
    result = huifang("lint", "--project", minimal)
    assert result.returncode in (1, 2), result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    found = file_lines(result, rel)
    assert len(found) == 1, (case, result.stdout, result.stderr)
    location, message = expected.split(": ", 1)
    assert found[0].startswith(location + ":") and message.split("：")[0] in found[0], (expected, found)


FREEFORM = {
    "GBK text": ("scripts_src/gbk.txt", "客服：您好\n".encode("gbk"), "scripts_src/gbk.txt:1:1: 文件不是 UTF-8 编码"),
    "UTF-16 markdown": (
        "scripts_src/u16.md",
        "客服：您好\n".encode("utf-16"),
        "scripts_src/u16.md:1:1: 文件是 UTF-16 编码",
    ),
    "NUL bytes": ("scripts_src/nul.txt", b"\xe5\xae\xa2\x00", "scripts_src/nul.txt:1:1: 文件含有 NUL 字节"),
    "50 MB file": (
        "scripts_src/huge.txt",
        lambda p: p.write_bytes(b"a" * (50 * 1024 * 1024)),
        "scripts_src/huge.txt:1:1: 文件过大",
    ),
    "symlink out of the project": (
        "scripts_src/evil.txt",
        lambda p: p.symlink_to("/etc/passwd"),
        "scripts_src/evil.txt:1:1: 符号链接指向项目之外",
    ),
    "FIFO as a text script": ("scripts_src/pipe.txt", lambda p: os.mkfifo(p), "scripts_src/pipe.txt:1:1: 不是普通文件"),
    "YAML symlink out of the project": (
        "scripts_src/evil.yaml",
        lambda p: p.symlink_to("/etc/hostname"),
        "scripts_src/evil.yaml:1:1: 符号链接指向项目之外",
    ),
}


@pytest.mark.parametrize("case", sorted(FREEFORM))
def test_hostile_script_files(minimal, case):
    rel, content, expected = FREEFORM[case]
    plant(minimal, rel, content)
    for args in (["lint", "--project", minimal], ["lint", "--project", minimal, minimal / rel]):
        result = huifang(*args)
        assert result.returncode in (1, 2) and "Traceback" not in result.stderr + result.stdout
        location, message = expected.split(": ", 1)
        found = file_lines(result, rel)
        assert len(found) == 1 and found[0].startswith(location + ":") and message in found[0], (args, found)


def test_unknown_input_is_a_usage_error(minimal, tmp_path):
    for args, reason in (
        (["lint", "--project", minimal, tmp_path / "nope.txt"], "文件或目录不存在"),
        (["lint", "--project", minimal, minimal / "content/forms"], None),
        (["lint", "--project", tmp_path], "找不到 content/ 目录"),
        (["lint", "--format", "xml"], "没有「xml」这一项"),
    ):
        result = huifang(*args)
        assert "Traceback" not in result.stderr
        if reason:
            assert result.returncode == 2 and reason in result.stderr, (args, result.stderr)


def test_commands_run_in_a_subfolder_find_their_project(minimal, tmp_path):
    """As git finds its repository: `huifang lint` in scripts_src/ works on the project above it."""
    inner = minimal / "scripts_src"
    (inner / "call.txt").write_text("客服：这不归我管。\n", encoding="utf-8")
    result = huifang("lint", "call.txt", cwd=inner)
    assert result.returncode == 1 and "scripts_src/call.txt:1:4: 错误 missing-greeting" in result.stdout, result
    assert huifang("check", cwd=inner).returncode == 0
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "call.txt").write_text("客服：您好。\n", encoding="utf-8")
    lost = huifang("lint", "call.txt", cwd=outside)
    assert lost.returncode == 2 and "huifang init" in lost.stderr and "Traceback" not in lost.stderr
