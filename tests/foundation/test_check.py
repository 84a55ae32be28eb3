"""`huifang check`: every user mistake is one `path:line:col: message` line and a non-zero exit."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.conftest import huifang
from tests.hostile import HOSTILE, plant


def write(project: Path, rel: str, text: str | bytes) -> Path:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def check(project: Path):
    result = huifang("check", "--project", project)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def lines(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.strip()]


def test_minimal_project_is_clean(minimal):
    result = check(minimal)
    assert result.returncode == 0, result.stdout
    assert "全部通过" in result.stderr


def test_shipped_content_is_clean_and_complete():
    result = huifang("check", "--format", "json")
    report = json.loads(result.stdout)
    assert report["errors"] == [] and report["ok"] is True and result.returncode == 0
    counts = report["counts"]
    assert counts["scenarios"] >= 15
    assert counts["industries"] >= 8
    assert counts["questions"] >= 100
    assert counts["forbidden_phrases"] >= 6
    assert counts["etiquette_rules"] >= 20
    assert counts["forms"] >= 6


def test_json_format_shape(minimal):
    write(
        minimal,
        "content/scenarios/demo-weixiu.yaml",
        (minimal / "content/scenarios/demo-weixiu.yaml").read_text().replace("title:", "titel:"),
    )
    result = huifang("check", "--project", minimal, "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 1 and report["ok"] is False
    assert set(report["counts"]) == {
        "scenarios",
        "scripts",
        "questions",
        "forbidden_phrases",
        "etiquette_rules",
        "forms",
        "industries",
    }
    assert {"path", "line", "column", "message"} == set(report["errors"][0])


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_broken_file_gives_one_clear_line(minimal, case):
    rel, content, expected = HOSTILE[case]
    plant(minimal, rel, content)
    result = check(minimal)
    assert result.returncode == 1
    file_lines = [line for line in lines(result) if line.startswith(rel + ":")]
    assert len(file_lines) == 1, (case, result.stdout)
    assert file_lines[0].startswith(expected), (expected, result.stdout)


def test_corpus_is_large_enough():
    assert len(HOSTILE) >= 40


def test_python_tag_executes_nothing(minimal, tmp_path):
    marker = tmp_path / "pwned"
    write(minimal, "content/orgs/evil.yaml", f"id: evil\nname: !!python/object/apply:os.system ['touch {marker}']\n")
    assert check(minimal).returncode == 1
    assert not marker.exists()


def test_gbk_file_names_the_encoding(minimal):
    write(minimal, "content/orgs/gbk.yaml", "id: gbk\nname: 示例公司\n".encode("gbk"))
    result = check(minimal)
    assert result.returncode == 1
    (line,) = [x for x in lines(result) if x.startswith("content/orgs/gbk.yaml")]
    assert line.startswith("content/orgs/gbk.yaml:2:7: 文件不是 UTF-8 编码")
    assert "GBK" in line and "iconv" in line


def test_utf16_file_is_named(minimal):
    write(minimal, "content/orgs/u16.yaml", "id: u16\nname: 公司\n".encode("utf-16"))
    result = check(minimal)
    assert "content/orgs/u16.yaml:1:1: 文件是 UTF-16 编码" in result.stdout


def test_bom_and_crlf_are_accepted(minimal):
    path = minimal / "content/orgs/demo.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert check(minimal).returncode == 0


def test_crlf_positions_are_right(minimal):
    write(minimal, "content/orgs/crlf.yaml", "id: crlf\r\nname: 公司\r\nhotlin: 1\r\n")
    result = check(minimal)
    assert "content/orgs/crlf.yaml:3:1: 未知的键 'hotlin'，是否想写 'hotline'？" in result.stdout


def test_alias_bomb_is_rejected_quickly(minimal):
    bomb = "id: bomb\nname: 公司\nplaceholders: {}\na: &a [x,x,x,x,x,x,x,x,x,x]\n"
    for n in "bcdefghi":
        prev = chr(ord(n) - 1)
        bomb += f"{n}: &{n} [" + ",".join([f"*{prev}"] * 10) + "]\n"
    write(minimal, "content/orgs/bomb.yaml", bomb)
    started = time.monotonic()
    result = check(minimal)
    assert time.monotonic() - started < 30
    assert "节点过多" in result.stdout and "content/orgs/bomb.yaml:" in result.stdout


def test_deep_nesting_is_rejected(minimal):
    write(minimal, "content/orgs/deep.yaml", "id: deep\nname: 公司\nx: " + "[" * 5000 + "]" * 5000 + "\n")
    result = check(minimal)
    assert "content/orgs/deep.yaml:3:" in result.stdout and "嵌套过深" in result.stdout


def test_huge_file_is_rejected_without_reading_it(minimal):
    path = minimal / "content/orgs/huge.yaml"
    with path.open("wb") as handle:
        handle.write(b"id: huge\nname: x\nnotes: |\n")
        handle.write((b"  " + "很长的一行".encode() * 200 + b"\n") * 10_000)
    assert path.stat().st_size > 25_000_000
    result = check(minimal)
    assert "content/orgs/huge.yaml:1:1: 文件过大" in result.stdout


def test_limits_are_configurable(minimal):
    write(minimal, "huifang.yaml", "limits: {max_file_bytes: 1024}\n")
    write(minimal, "content/orgs/big.yaml", "id: big\nname: 公司\nsource: " + "长" * 600 + "\n")
    result = check(minimal)
    assert "content/orgs/big.yaml:1:1: 文件过大" in result.stdout


def test_every_problem_is_reported(minimal):
    write(minimal, "content/orgs/a.yaml", "id: a\nname: 甲\nfoo: 1\nbar: 2\n")
    write(minimal, "content/orgs/b.yaml", "id: b\n")
    write(minimal, "content/orgs/c.yaml", "id: [\n")
    result = check(minimal)
    found = lines(result)
    assert any(x.startswith("content/orgs/a.yaml:3:1:") for x in found)
    assert any(x.startswith("content/orgs/a.yaml:4:1:") for x in found)
    assert any(x.startswith("content/orgs/b.yaml:") and "name" in x for x in found)
    assert any(x.startswith("content/orgs/c.yaml:") for x in found)


def test_directory_where_a_file_belongs(minimal):
    (minimal / "content/standards.yaml").unlink()
    (minimal / "content/standards.yaml").mkdir()
    result = check(minimal)
    assert "content/standards.yaml:1:1: 这里应是一个文件，却是一个目录" in result.stdout


def test_not_a_project(tmp_path):
    result = huifang("check", "--project", tmp_path)
    assert result.returncode == 1 and "找不到 content/ 目录" in result.stdout


def test_config_errors_are_reported(minimal):
    write(minimal, "huifang.yaml", "default_org: nobody\nlint:\n  rulez: {}\n")
    found = lines(check(minimal))
    assert any(x.startswith("huifang.yaml:3:3: 未知的键 'rulez'，是否想写 'rules'？") for x in found)
