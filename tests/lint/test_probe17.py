"""Hostile folders found by probing `huifang lint` from the outside (session 17)."""

from __future__ import annotations

import os

from huifang.lint.api import lint_paths

from tests.conftest import huifang

GOOD = "客服：您好，我是安心物业客服小李，您现在方便接电话吗？\n客服：你自己想办法吧\n客服：感谢您的支持，祝您生活愉快，再见！\n"


def test_a_symlink_loop_in_a_folder_is_its_own_finding_and_the_others_are_linted(proj):
    """`loop.md -> loop.md` stopped the whole run: 文件读写失败（Too many levels of symbolic links）, exit 1,
    nothing linted (the folder walk asked the entry whether it is a folder, which raised ELOOP)."""
    folder = proj / "scripts_src"
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("loop.md", folder / "loop.md")
    problems = lint_paths(proj, [folder]).problems
    [bad] = [p for p in problems if p.path.endswith("loop.md")]
    assert (bad.line, bad.column, bad.severity, bad.message) == (1, 1, "error", "符号链接无法解析（指向自身或循环）")
    assert [p.line for p in problems if p.path.endswith("good.txt") and p.rule == "forbidden-phrase"] == [2]
    result = huifang("lint", "--project", proj, folder)
    assert result.returncode == 1 and "文件读写失败" not in result.stderr, result.stderr
    assert "scripts_src/loop.md:1:1: 错误 check 符号链接无法解析（指向自身或循环）" in result.stdout


def test_a_symlink_loop_in_content_is_one_line_for_every_command(minimal, tmp_path):
    """content/scenarios/loop.yaml -> loop.yaml stopped check, lint and qa with 内部错误：RuntimeError: Symlink loop
    (Python 3.11's Path.resolve raises it); so did a --site-dir or forms --out that links to itself."""
    (minimal / "content" / "scenarios").mkdir(exist_ok=True)
    os.symlink("loop.yaml", minimal / "content" / "scenarios" / "loop.yaml")
    expected = "content/scenarios/loop.yaml:1:1: 符号链接无法解析（指向自身或循环）"
    for command, line in (("check", expected), ("lint", expected.replace("1:1: ", "1:1: 错误 check "))):
        result = huifang(command, "--project", minimal)
        assert result.returncode == 1 and "内部错误" not in result.stderr, (command, result.stderr)
        assert line in (result.stdout + result.stderr).splitlines(), command
    call = tmp_path / "call.txt"
    call.write_text("客服：您好\n客户：你好\n", encoding="utf-8")
    result = huifang("qa", "--project", minimal, "--no-db", call)
    assert result.returncode == 2 and result.stderr.startswith(expected), result.stderr
    os.unlink(minimal / "content" / "scenarios" / "loop.yaml")
    os.symlink("loop", tmp_path / "loop")
    result = huifang("forms", "--project", minimal, "--out", tmp_path / "loop")
    assert result.returncode != 0 and "内部错误" not in result.stderr
    assert result.stderr.strip().endswith(
        f"--out {tmp_path / 'loop'}：是无法解析的符号链接（指向自身或循环）；请删除该链接"
    )


def test_a_stray_byte_in_a_utf8_script_is_said_where_it_is(proj):
    """One pasted Latin-1 byte in a UTF-8 script was 「文件不是 UTF-8 编码……iconv -f GBK」 at 1:1."""
    folder = proj / "scripts_src"
    (folder / "stray.txt").write_bytes(
        "客服：您好，我是安心物业客服小李\n客服：请问您对服务满意".encode() + b"\xe9" + "吗？\n".encode()
    )
    (folder / "gbk.txt").write_bytes("客服：您好，请问您对这次维修服务满意吗？谢谢您的支持，再见".encode("gbk"))
    problems = {p.path.rsplit("/", 1)[-1]: p for p in lint_paths(proj, [folder]).problems if p.rule == "check"}
    stray = problems["stray.txt"]
    assert (stray.line, stray.column) == (2, 12) and stray.message.startswith("这里有不是 UTF-8 的字节"), stray
    assert (problems["gbk.txt"].line, problems["gbk.txt"].column) == (1, 1) and "GBK" in problems["gbk.txt"].message
