"""`huifang check`: every user mistake is one `path:line:col: message` line and a non-zero exit."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, huifang


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
    write(minimal, "content/scenarios/demo-weixiu.yaml",
          (minimal / "content/scenarios/demo-weixiu.yaml").read_text().replace("title:", "titel:"))
    result = huifang("check", "--project", minimal, "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 1 and report["ok"] is False
    assert set(report["counts"]) == {"scenarios", "scripts", "questions", "forbidden_phrases",
                                     "etiquette_rules", "forms", "industries"}
    assert {"path", "line", "column", "message"} == set(report["errors"][0])


BROKEN = {
    "unknown key with did-you-mean": (
        "content/orgs/demo2.yaml", "id: demo2\nname: 公司\ngreting: 您好\n",
        "content/orgs/demo2.yaml:3:1: 未知的键 'greting'"),
    "unknown key suggests the right one": (
        "content/scenarios/x.yaml",
        "id: x\ntitel: 标题\nindustry: 物业\ntrigger: t\ntiming: {text: t}\nresponsible: r\n",
        "是否想写 'title'"),
    "missing required key": (
        "content/scenarios/x.yaml", "id: x\nindustry: 物业\ntrigger: t\ntiming: {text: t}\nresponsible: r\n",
        "缺少必填的键 'title'"),
    "wrong type": (
        "content/scenarios/x.yaml",
        "id: x\ntitle: 标题\nindustry: 物业\ntrigger: t\ntiming: {text: t}\nresponsible: r\ntarget_rate: 很高\n",
        "content/scenarios/x.yaml:7:14: 应为数字"),
    "syntax error": (
        "content/orgs/bad.yaml", "id: bad\nname: [未闭合\nhotline: 1\n", "content/orgs/bad.yaml:3:"),
    "tab indentation": ("content/orgs/bad.yaml", "id: bad\nname:\n\t公司\n", "content/orgs/bad.yaml:3:"),
    "empty file": ("content/orgs/empty.yaml", "", "content/orgs/empty.yaml:1:1: 文件为空"),
    "comment-only file": ("content/orgs/empty.yaml", "# 只有注释\n", "content/orgs/empty.yaml:1:1: 文件为空"),
    "list where a mapping belongs": (
        "content/orgs/list.yaml", "- id: a\n- id: b\n", "content/orgs/list.yaml:1:1: 文件顶层应为映射"),
    "duplicate key": (
        "content/orgs/dup.yaml", "id: dup\nname: 甲\nname: 乙\n", "content/orgs/dup.yaml:3:1: 重复的键 'name'"),
    "python tag": (
        "content/orgs/evil.yaml", "id: evil\nname: !!python/object/apply:os.system ['touch /tmp/huifang-pwned']\n",
        "content/orgs/evil.yaml:2:7: 不允许的 YAML 标签 !!python/object/apply:os.system"),
    "bad id": ("content/orgs/bad.yaml", "id: Bad Id\nname: 公司\n", "content/orgs/bad.yaml:1:5: 标识 'Bad Id'"),
    "time as number": (
        "content/orgs/t.yaml", "id: t\nname: 公司\ncall_windows:\n  - {start: 1030, end: \"11:40\"}\n",
        "content/orgs/t.yaml:4:13: 应为文字，实际是整数 1030（如要写文字，请加引号：\"1030\"）"),
    "two documents": ("content/orgs/two.yaml", "id: two\nname: 公司\n---\nid: three\n", "content/orgs/two.yaml:3:1: 一个文件只能有一个"),
    "dangling script reference": (
        "content/scenarios/demo-weixiu.yaml",
        "id: demo-weixiu\ntitle: 维修后回访\nindustry: 物业\ntrigger: t\ntiming: {text: t}\nresponsible: r\n"
        "org: demo\nscripts: [demo-weixiu, demo-weixu]\n",
        "content/scenarios/demo-weixiu.yaml:8:24: 引用了不存在的话术 'demo-weixu'，是否想写 'demo-weixiu'？"),
    "dangling form reference": (
        "content/scenarios/demo-weixiu.yaml",
        "id: demo-weixiu\ntitle: 维修后回访\nindustry: 物业\ntrigger: t\ntiming: {text: t}\nresponsible: r\n"
        "forms:\n  - nope\n",
        "content/scenarios/demo-weixiu.yaml:8:5: 引用了不存在的表单 'nope'"),
    "dangling org reference": (
        "content/scenarios/demo-weixiu.yaml",
        "id: demo-weixiu\ntitle: 维修后回访\nindustry: 物业\ntrigger: t\ntiming: {text: t}\nresponsible: r\norg: acme\n",
        "content/scenarios/demo-weixiu.yaml:7:6: 引用了不存在的机构 'acme'"),
    "unknown question in a script": (
        "scripts_src/demo-weixiu.yaml", "id: demo-weixiu\ntitle: 话术\norg: demo\nquestions:\n  - demo-q-manyi\n  - demo-q-nope\n",
        "scripts_src/demo-weixiu.yaml:6:5: 引用了不存在的问题 'demo-q-nope'"),
    "unknown question in a step": (
        "scripts_src/demo-weixiu.yaml", "id: demo-weixiu\ntitle: 话术\norg: demo\nsteps:\n  - 您好\n  - ask: demo-q-manyy\n",
        "scripts_src/demo-weixiu.yaml:6:10: 引用了不存在的问题 'demo-q-manyy'，是否想写 'demo-q-manyi'？"),
    "unknown turn key": (
        "scripts_src/demo-weixiu.yaml", "id: demo-weixiu\ntitle: 话术\nsteps:\n  - sya: 您好\n",
        "scripts_src/demo-weixiu.yaml:4:5: 未知的键 'sya'，是否想写 'say'？"),
    "unknown answer type": (
        "content/questions/demo.yaml",
        "id: demo\ntitle: 库\nquestions:\n  - {id: demo-q-manyi, text: 满意吗？, answer: satisfied}\n",
        "content/questions/demo.yaml:4:44: 值 'satisfied' 不是可选值，是否想写 'satisfaction'？"),
    "duplicate question id": (
        "content/questions/more.yaml",
        "id: more\ntitle: 库\nquestions:\n  - {id: demo-q-manyi, text: 满意吗？, answer: satisfaction}\n",
        "content/questions/more.yaml:4:10: 重复的标识 'demo-q-manyi'：已在 content/questions/demo.yaml 中使用"),
    "duplicate scenario id": (
        "content/scenarios/copy.yaml",
        "id: demo-weixiu\ntitle: 复制\nindustry: 物业\ntrigger: t\ntiming: {text: t}\nresponsible: r\n",
        "content/scenarios/demo-weixiu.yaml:1:5: 重复的标识 'demo-weixiu'：已在 content/scenarios/copy.yaml 中使用"),
    "bidi override": ("content/orgs/rtl.yaml", "id: rtl\nname: 公司\u202e司公\n", "content/orgs/rtl.yaml:2:9: 含有会改变文字显示顺序的隐藏字符"),
    "control character": ("content/orgs/ctl.yaml", "id: ctl\nname: 公\x07司\n", "content/orgs/ctl.yaml:2:8: 含有控制字符"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_file_gives_one_clear_line(minimal, case):
    rel, text, expected = BROKEN[case]
    write(minimal, rel, text)
    result = check(minimal)
    assert result.returncode == 1
    assert any(line.startswith(expected) or expected in line for line in lines(result)), (expected, result.stdout)


def test_python_tag_executes_nothing(minimal, tmp_path):
    marker = tmp_path / "pwned"
    write(minimal, "content/orgs/evil.yaml", f"id: evil\nname: !!python/object/apply:os.system ['touch {marker}']\n")
    assert check(minimal).returncode == 1
    assert not marker.exists()


def test_gbk_file_names_the_encoding(minimal):
    write(minimal, "content/orgs/gbk.yaml", "id: gbk\nname: 示例公司\n".encode("gbk"))
    result = check(minimal)
    assert result.returncode == 1
    line, = [x for x in lines(result) if x.startswith("content/orgs/gbk.yaml")]
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


def test_unreadable_file(minimal):
    import os
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = minimal / "content/orgs/demo.yaml"
    path.chmod(0)
    assert "没有读取权限" in check(minimal).stdout


def test_not_a_project(tmp_path):
    result = huifang("check", "--project", tmp_path)
    assert result.returncode == 1 and "找不到 content/ 目录" in result.stdout


def test_config_errors_are_reported(minimal):
    write(minimal, "huifang.yaml", "default_org: nobody\nlint:\n  rulez: {}\n")
    found = lines(check(minimal))
    assert any(x.startswith("huifang.yaml:3:3: 未知的键 'rulez'，是否想写 'rules'？") for x in found)
