"""--fix and --diff: only where the replacement reads correctly, every other byte left as it was."""

from __future__ import annotations

import os
import stat

from tests.conftest import huifang

SAFE = "请您不要着急，我们一定给您解决好。"


def lint(proj, *args):
    return huifang("lint", "--project", proj, *args)


def test_fix_yaml_keeps_every_other_byte(proj):
    path = proj / "scripts_src" / "fixme.yaml"
    before = (
        "# 注释：保留\r\nid: fixme\r\ntitle: 修复\r\norg: anxin\r\nsteps:\r\n"
        "  - '你自己想办法吧！'   # 行尾注释\r\n"
        '  - "好的。你自己想办法吧。"\r\n'
        "  - 这件事你自己想办法吧，我们不管。\r\n"
        "  - ask: anxin-manyi\r\n"
    ).encode()
    path.write_bytes(before)
    os.chmod(path, 0o640)
    run = lint(proj, "--fix", path)
    after = path.read_bytes()
    expected = before.replace("'你自己想办法吧！'".encode(), f"'{SAFE}'".encode()).replace(
        '"好的。你自己想办法吧。"'.encode(), f'"好的。{SAFE}"'.encode()
    )
    assert after == expected, after.decode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    # the mid-sentence one is only suggested, and still reported
    assert "fixme.yaml:8:" in run.stdout and run.returncode == 1
    assert huifang("check", "--project", proj).returncode == 0


def test_fix_freeform(proj):
    path = proj / "scripts_src" / "f.md"
    path.write_bytes("# 标题\n\n- 客服：不可能！我们从没这种事！\n- 客服：这不可能是我们的系统故障。\n".encode())
    lint(proj, "--fix", path)
    assert path.read_text(encoding="utf-8") == (
        "# 标题\n\n- 客服：很抱歉给您带来不便，您能描述一下当时的具体情况吗？\n- 客服：这不可能是我们的系统故障。\n"
    )


def test_no_fix_when_instead_is_not_a_sentence(proj):
    path = proj / "scripts_src" / "n.txt"
    original = "客服：她很忙！\n客服：喂喂喂\n".encode()  # instead has quotes / a placeholder: suggest only
    path.write_bytes(original)
    run = lint(proj, "--fix", path)
    assert path.read_bytes() == original and "建议" in run.stdout


def test_diff_does_not_write(proj):
    path = proj / "scripts_src" / "d.txt"
    path.write_bytes("客服：你自己想办法吧！\n".encode())
    run = lint(proj, "--diff", path)
    assert path.read_bytes() == "客服：你自己想办法吧！\n".encode()
    assert f"+客服：{SAFE}" in run.stdout and "-客服：你自己想办法吧！" in run.stdout
    assert run.stdout.startswith("--- a/scripts_src/d.txt\n+++ b/scripts_src/d.txt\n")


def test_fix_refuses_to_break_the_yaml(proj):
    path = proj / "scripts_src" / "plain.yaml"
    # A plain scalar: the replacement must still parse to exactly the intended text.
    (proj / "content" / "forbidden" / "basic.yaml").write_text(
        (proj / "content" / "forbidden" / "basic.yaml")
        .read_text(encoding="utf-8")
        .replace("instead: 请您不要着急，我们一定给您解决好。", 'instead: "请您稍等 #1 号窗口处理。"'),
        encoding="utf-8",
    )
    original = "id: plain\ntitle: 裸\norg: anxin\nsteps:\n  - 你自己想办法吧！\n".encode()
    path.write_bytes(original)
    run = lint(proj, "--fix", path)
    assert path.read_bytes() == original
    assert "未修改" in run.stderr


def test_fix_in_org_file_keeps_check_passing(proj):
    org = proj / "content" / "orgs" / "anxin.yaml"
    text = org.read_text(encoding="utf-8").replace("    - 好的，谢谢。", "    - 好的，谢谢。你自己想办法吧！")
    org.write_text(text, encoding="utf-8")
    lint(proj, "--fix", proj / "scripts_src" / "good.yaml")
    assert f"    - 好的，谢谢。{SAFE}" in org.read_text(encoding="utf-8")
    assert huifang("check", "--project", proj).returncode == 0


def test_fix_works_on_the_starter_rule_book(tmp_path):
    """`huifang init`'s one forbidden phrase said what to say instead without ending the sentence, so `--fix`
    offered nothing for it: a team trying --fix on its new repository saw 「可自动修改 0 处」."""
    team = tmp_path / "team"
    assert huifang("init", team).returncode == 0
    script = team / "scripts_src" / "回访.txt"
    script.write_text("客服：您好，请问是王先生吗？\n客服：这不归我管。\n", encoding="utf-8")
    result = huifang("lint", "--fix", str(script), "--project", str(team))
    assert "Traceback" not in result.stderr
    assert script.read_text(encoding="utf-8") == (
        "客服：您好，请问是王先生吗？\n客服：这个问题我帮您联系负责的同事，稍后给您回复。\n"
    ), result.stdout + result.stderr
