"""Small user mistakes from issue 17 (items 5, 12, 13) that do not fit the one-file hostile corpus."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import huifang


def test_an_object_tag_in_mkdocs_yml_runs_nothing(minimal, tmp_path):
    marker = tmp_path / "pwned"
    (minimal / "mkdocs.yml").write_text(
        f"extra:\n  boom: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8"
    )
    for command in ("check", "build"):
        result = huifang(command, "--project", minimal, timeout=300)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        lines = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("mkdocs.yml:")]
        assert lines == [
            "mkdocs.yml:2:9: 不允许的 YAML 标签 !!python/object/apply:os.system：huifang 只读取纯数据，"
            "不执行任何对象标签"
        ], (command, result.stdout, result.stderr)
    assert not marker.exists()
    assert not (minimal / "site").exists()


def test_a_port_out_of_range_is_one_line(minimal):
    for address in ("127.0.0.1:99999", "127.0.0.1", "127.0.0.1:http"):
        result = huifang("serve", "--project", minimal, "--dev-addr", address, timeout=60)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and address in lines[0] and "1–65535" in lines[0], lines


def test_a_newline_in_a_file_name_stays_on_its_line(minimal):
    (minimal / "content/orgs/a\nb.yaml").write_text("id: ab\nname: [公司\n", encoding="utf-8")
    result = huifang("check", "--project", minimal)
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if not line.startswith("content/")] == []
    assert any(line.startswith("content/orgs/a\\nb.yaml:3:1: ") for line in result.stdout.splitlines()), result.stdout


def test_thousands_of_unknown_keys_are_capped_and_summarised(minimal):
    keys = "".join(f"key{i}: 1\n" for i in range(20_000))
    (minimal / "content/orgs/many.yaml").write_text("id: many\nname: 公司\n" + keys, encoding="utf-8")
    result = huifang("check", "--project", minimal)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("content/orgs/many.yaml:")]
    assert len(lines) == 51 and "还有 19950 个问题未列出" in lines[-1], lines[-3:]


def test_new_refuses_an_id_another_file_declares(minimal):
    before = sorted(p.name for p in (minimal / "scripts_src").iterdir())
    (minimal / "scripts_src/renamed.yaml").write_text(
        (minimal / "scripts_src/demo-weixiu.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (minimal / "scripts_src/demo-weixiu.yaml").unlink()
    result = huifang("new", "script", "demo-weixiu", "--project", minimal)
    assert result.returncode == 1 and "scripts_src/renamed.yaml" in result.stderr, result.stderr
    assert sorted(p.name for p in (minimal / "scripts_src").iterdir()) == sorted(
        set(before) - {"demo-weixiu.yaml"} | {"renamed.yaml"}
    )
    assert not Path(minimal / "scripts_src/demo-weixiu.yaml").exists()
