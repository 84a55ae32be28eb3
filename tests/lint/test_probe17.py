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
    assert "scripts_src/loop.md:1:1: error check 符号链接无法解析（指向自身或循环）" in result.stdout
