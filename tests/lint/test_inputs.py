"""One bad file never stops the others; legacy encodings are named; CR-only line ends keep their lines;
kinds of contact declared in free-form files."""

from __future__ import annotations

import pytest
from huifang.lint import freeform
from huifang.lint.api import lint_paths

GOOD = "客服：您好，我是安心物业客服小李，您现在方便接电话吗？\n客服：你自己想办法吧\n客服：感谢您的支持，祝您生活愉快，再见！\n"


@pytest.mark.parametrize(
    "name, raw, said",
    [
        ("big5.txt", "客服：您好，請問您對這次維修服務滿意嗎？謝謝您的支持，再見".encode("big5"), "Big5"),
        ("gbk.txt", "客服：您好，请问您对这次维修服务满意吗？谢谢您的支持，再见".encode("gbk"), "GBK"),
        ("u16.txt", "客服：您好，再见".encode("utf-16"), "UTF-16"),
        ("u16be.txt", "客服：您好，再见".encode("utf-16-be"), "UTF-16"),
    ],
)
def test_unreadable_file_is_a_finding_and_the_others_are_linted(proj, name, raw, said):
    folder = proj / "scripts_src"
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / name).write_bytes(raw)
    problems = lint_paths(proj, [folder]).problems
    [bad] = [p for p in problems if p.path.endswith(name)]
    assert said in bad.message and (bad.line, bad.severity) == (1, "error")
    assert [p.line for p in problems if p.path.endswith("good.txt") and p.rule == "forbidden-phrase"] == [2]


def test_cr_only_line_ends_give_the_right_lines(proj):
    path = proj / "scripts_src" / "cr.txt"
    path.write_bytes(GOOD.replace("\n", "\r").encode("utf-8"))
    problems = lint_paths(proj, [path]).problems
    assert [(p.line, p.column) for p in problems if p.rule == "forbidden-phrase"] == [(2, 4)]
    assert path.read_bytes().count(b"\r") == 3


@pytest.mark.parametrize(
    "text, kind",
    [
        ("---\nkind: inbound\n---\n客服：您好\n", "inbound"),
        ("<!-- huifang: kind=face -->\n客服：您好\n", "face"),
        ("类型：来电\n客服：您好\n", "inbound"),
        ("# 短信回访\n类型：短信\n您好\n", "message"),
        ("类型：投诉\n客服：您好\n", "outbound"),
        ("客服：您好\n", "outbound"),
    ],
)
def test_declared_kind(text, kind):
    assert freeform.view(text, "x.md").kind == kind


def test_inbound_file_is_not_asked_for_convenience(proj):
    text = "<!-- huifang: kind=inbound -->\n客服：您好，安心物业客服中心，我是小李，请问有什么可以帮您？\n客服：感谢您的来电，再见！\n"
    path = proj / "scripts_src" / "in.md"
    path.write_text(text, encoding="utf-8")
    problems = lint_paths(proj, [path]).problems
    assert not [p for p in problems if "方便" in p.message]


def test_not_now_branch_of_a_freeform_script_has_its_own_closing(proj):
    opening = "客服：您好，我是安心物业客服小李，您现在方便接电话吗？\n"
    closing = "客服：感谢您的支持，祝您生活愉快，再见！\n"
    branch = "不方便：好的，那我改天再打给您。\n"
    path = proj / "scripts_src" / "b.txt"
    path.write_text(opening + branch + "方便：\n客服：请问您对服务满意吗？\n" + closing, encoding="utf-8")
    [p] = [p for p in lint_paths(proj, [path]).problems if p.rule == "missing-closing"]
    assert "不方便" in p.message and p.line == 2
    inline = (
        "客服：您好，我是安心物业客服小李，您现在方便吗？A.方便――好的 B.不方便――好的，打扰了，谢谢您，祝您愉快，再见\n"
    )
    path.write_text(inline + "客服：请问您对服务满意吗？\n客服：好的。\n", encoding="utf-8")
    [p] = [p for p in lint_paths(proj, [path]).problems if p.rule == "missing-closing"]
    assert "主流程" in p.message and p.line == 3
