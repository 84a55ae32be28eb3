"""Issue 12's promises tried as a user meets them (session 18 acceptance audit): the gaps it found."""

from __future__ import annotations

import pytest

from tests.conftest import huifang

OPENING = "客服：喂。\n客服：您好，请问是王先生吗？这里是安心物业，我是客服小李，您现在方便接电话吗？\n"
CLOSING = "客服：感谢您的支持，祝您生活愉快，再见！\n"


@pytest.mark.parametrize(
    "name, declaration",
    [
        ("a.txt", "kind: outbound\n"),
        ("b.txt", "# kind: outbound\n"),
        ("c.txt", "类型：去电回访\n"),
        ("d.txt", "kind: banana\n"),
        ("e.md", "<!-- huifang: kind=outbound -->\n"),
    ],
)
def test_a_kind_declaration_line_is_nobodys_words(proj, name, declaration):
    """A free-form file's 「kind: …」 line declares the kind of contact; it is not the agent's first sentence, so the
    greeting is the agent's first line's business and findings point at the call, not at the declaration."""
    path = proj / "scripts_src" / name
    path.write_text(declaration + OPENING + CLOSING, encoding="utf-8")
    run = huifang("lint", "--project", proj, "--format", "text", path)
    assert "Traceback" not in run.stderr
    [line] = [line for line in run.stdout.splitlines() if "greeting-not-first" in line]
    # the agent's 「喂。」 (line 2) is the first sentence; its greeting comes in the second
    assert line.startswith(f"scripts_src/{name}:2:") and "第 2 句才问候" in line, line
    # an inbound declaration's own line never counts as the opening either
    path.write_text("类型：来电\n客服：顺丰速运，请问有什么可以帮您？\n客服：感谢您的来电，再见！\n", encoding="utf-8")
    run = huifang("lint", "--project", proj, "--format", "text", path)
    [line] = [line for line in run.stdout.splitlines() if "missing-greeting" in line]
    assert line.startswith(f"scripts_src/{name}:2:"), line


def test_a_phrase_in_the_rule_book_and_in_a_pack_is_one_finding(proj):
    """A team that writes 「这不归我管」 in its own list (the starter does) and enables the service-taboos pack, which
    has it too, gets one finding for one thing said, with the team's own reason and wording, and one fix."""
    (proj / "huifang.yaml").write_text("default_org: anxin\nlint:\n  extends: [default, service-taboos]\n", "utf-8")
    (proj / "content" / "forbidden" / "tuiwei.yaml").write_text(
        "phrases:\n  - id: tuiwei-bu-guiwo-guan\n    phrase: 这不归我管\n    severity: error\n"
        "    reason: 推诿，违反首问负责制\n    instead: 这个问题我帮您联系负责的同事，稍后给您回复。\n",
        encoding="utf-8",
    )
    path = proj / "scripts_src" / "t.txt"
    path.write_text(OPENING + "客服：这不归我管。\n客服：我不知道。\n" + CLOSING, encoding="utf-8")
    run = huifang("lint", "--project", proj, path)
    assert "Traceback" not in run.stderr and run.returncode == 1
    found = [line for line in run.stdout.splitlines() if "forbidden-phrase" in line]
    [ours] = [line for line in found if ":3:4:" in line]
    assert "推诿，违反首问负责制" in ours and "稍后给您回复" in ours
    assert [line for line in found if ":4:4:" in line]  # the pack's own phrases are still found
    run = huifang("lint", "--project", proj, "--fix", path)
    assert path.read_text("utf-8").splitlines()[2] == "客服：这个问题我帮您联系负责的同事，稍后给您回复。"


def test_a_folder_symlinked_back_up_is_read_once(proj):
    """A team folder holding a link to itself or its parent (loop -> ., back -> ../../free) is walked once: each file's findings are
    reported once, not once per trip round the loop until the path is too long."""
    folder = proj / "scripts_src" / "free"
    folder.mkdir()
    (folder / "a.txt").write_text(OPENING + "客服：你自己想办法吧。\n" + CLOSING, encoding="utf-8")
    (folder / "loop").symlink_to(".")
    (folder / "sub").mkdir()
    (folder / "sub" / "back").symlink_to("../../free")
    run = huifang("lint", "--project", proj, folder)
    assert "Traceback" not in run.stderr and run.returncode == 1
    found = [line for line in run.stdout.splitlines() if "forbidden-phrase" in line]
    assert found == [line for line in found if line.startswith("scripts_src/free/a.txt:3:4:")] and len(found) == 1


def test_a_markdown_table_that_writes_the_call_is_the_call(proj):
    """A script written as a table with a speaker column (「| 客服 | 您好… |」「| 客户 | … |」) is checked as the call:
    its opening and closing are found in the rows, a missing closing points at the agent's last row, and the
    customer's rows are not the agent's. A table without both sides' labels stays a table."""
    rows = (
        "| 角色 | 话术 |\n|---|---|\n"
        "| 客服 | 您好，请问是王先生吗？这里是安心物业，我是客服小李，您现在方便接电话吗？ |\n"
        "| 客户 | 方便，你自己想办法吧。 |\n"
    )
    path = proj / "scripts_src" / "table.md"
    path.write_text(rows + "| 客服 | 感谢您的支持，祝您生活愉快，再见！ |\n", encoding="utf-8")
    run = huifang("lint", "--project", proj, path)
    assert "Traceback" not in run.stderr
    assert (run.returncode, run.stdout) == (0, ""), run.stdout
    path.write_text(rows + "| 客服 | 好的，我们会尽快处理。 |\n", encoding="utf-8")
    run = huifang("lint", "--project", proj, path)
    found = run.stdout.splitlines()
    assert [line.split(" ")[2] for line in found] == ["missing-closing"], found
    assert found[0].startswith("scripts_src/table.md:5:7:"), found
