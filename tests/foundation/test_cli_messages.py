"""The command line speaks Chinese: argparse's usage errors are one Chinese line with exit 2, `--help` is
titled, worded and wrapped for Chinese readers."""

from __future__ import annotations

import re

import pytest
from huifang.cli import COMMANDS, main
from huifang.cliparse import Parser
from huifang.cliwords import columns

ENGLISH = re.compile(r"usage|error|invalid|argument|required|unrecognized|expected|choose from|options", re.I)

# one broken invocation (at least) of each subcommand -> a piece of the Chinese line it must get
BROKEN = [
    (["lnt"], "huifang: 没有「lnt」这个命令，可选：check、lint、", "是否想写 'lint'？"),
    (["check", "--format", "xml"], "huifang check: --format：没有「xml」这一项，可选：text、json", ""),
    (["check", "extra"], "huifang check: 不认识的参数：extra", ""),
    (["lint", "--formt", "json"], "huifang lint: 不认识的参数：--formt", "是否想写 '--format'？"),
    (["lint", "--jobs", "x"], "huifang lint: --jobs：应为正整数或 auto，而不是「x」", ""),
    (["lint", "--fix=yes"], "huifang lint: --fix：后面不接值（写了「yes」）", ""),
    (["build", "--lint-errors", "never"], "huifang build: --lint-errors：没有「never」这一项，可选：fail、warn", ""),
    (["serve", "--dev-addr"], "huifang serve: --dev-addr：后面应写一个值", ""),
    (["forms", "--jobs", "两个"], "huifang forms: --jobs：应写整数，而不是「两个」", ""),
    (["qa", "--format", "pdf"], "huifang qa: --format：没有「pdf」这一项，可选：text、json、html、xlsx", ""),
    (["qa", "--agent-channel", "左"], "huifang qa: --agent-channel：应写整数，而不是「左」", ""),
    (["schema", "--out"], "huifang schema: --out：后面应写一个值", ""),
    (["new"], "huifang new: 缺少必填的参数：类型、标识", ""),
    (
        ["new", "scirpt", "x"],
        "huifang new: 类型：没有「scirpt」这一项，可选：scenario、script",
        "是否想写 'script'？",
    ),
    (["init"], "huifang init: 缺少必填的参数：文件夹", ""),
    (["plan", "events.csv"], "huifang plan: 缺少必填的参数：--from、--to", ""),
    (["report", "--from", "2026-03-01"], "huifang report: 缺少必填的参数：--to", ""),
    (["report", "--from", "2026-03-01", "--to", "2026-03-08", "--format", "csv"], "huifang report: --format：", ""),
]


@pytest.mark.parametrize(("argv", "start", "hint"), BROKEN, ids=[" ".join(b[0]) for b in BROKEN])
def test_usage_error_is_one_chinese_line(capsys, argv, start, hint):
    with pytest.raises(SystemExit) as exit:
        main(argv)
    out, err = capsys.readouterr()
    assert exit.value.code == 2 and out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith(start) and hint in err, err
    assert err.rstrip().endswith("--help 查看用法）"), err
    assert not ENGLISH.search(re.sub(r"--[\w-]+", "", err)), err  # (--lint-errors is the option's name)


def test_every_subcommand_is_tried_broken():
    assert {argv[0] for argv, _, _ in BROKEN} >= set(COMMANDS)


def test_no_close_spelling_no_guess(capsys):
    with pytest.raises(SystemExit):
        main(["lint", "--bogus"])
    assert "是否想写" not in capsys.readouterr().err


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_chinese_and_fits_the_terminal(capsys, monkeypatch, command):
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit) as exit:
        main([*([command] if command else []), "--help"])
    out = capsys.readouterr().out
    assert exit.value.code == 0 and out.startswith("用法：huifang")
    assert "选项:" in out and "显示这份说明后退出" in out
    assert not re.search(r"usage|show this|positional arguments|^options", out, re.I | re.M), out
    assert max(columns(line) for line in out.splitlines()) <= 80, out


def test_help_columns_line_up_under_chinese_metavars(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit):
        main(["plan", "--help"])
    lines = capsys.readouterr().out.splitlines()
    starts = {
        columns(line[: line.index(text)])
        for line in lines
        for text in ("起始日期", "结束日期", "台账文件")
        if text in line
    }
    assert len(starts) == 1, lines  # `--from 日期` and `--db 文件` pad to the same column
    usage = [line for line in lines[:4] if line.strip()]
    assert columns(usage[1]) - columns(usage[1].lstrip()) == columns("用法：huifang plan "), usage


def test_a_message_argparse_words_otherwise_keeps_its_words():
    """A newer argparse may word a message in a way not known here: the line stays Chinese-led and loses nothing."""
    assert Parser(prog="huifang").chinese("something new: x") == "命令行参数有误：something new: x"


def test_new_with_an_unknown_org_says_so_and_writes_nothing(capsys, minimal):
    for org, hint in (("dem", "，是否想写 'demo'？"), ("nope", "（现有：demo）")):
        assert main(["new", "script", "demo-xin", "--org", org, "--project", str(minimal)]) == 2
        err = capsys.readouterr().err
        assert err == f"huifang new: --org {org}：没有这个机构{hint}\n"
    assert not (minimal / "scripts_src" / "demo-xin.yaml").exists()


def test_qa_with_an_unknown_script_or_form_names_the_ones_there_are(capsys, minimal, tmp_path):
    call = tmp_path / "call.txt"
    call.write_text("客服：您好，请问是张先生吗？\n客户：是的。\n", encoding="utf-8")
    common = [str(call), "--no-db", "--project", str(minimal)]
    assert main(["qa", *common, "--script", "demo-weixu"]) == 2
    assert capsys.readouterr().err == "huifang qa: --script demo-weixu：没有这篇话术，是否想写 'demo-weixiu'？\n"
    assert main(["qa", *common, "--script", "nope"]) == 2
    assert capsys.readouterr().err == "huifang qa: --script nope：没有这篇话术（现有：demo-weixiu）\n"
    assert main(["qa", *common, "--form", "nope"]) == 2
    assert capsys.readouterr().err == "huifang qa: --form nope：没有这张质检评分表（项目里还没有）\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["build"],
        ["serve"],
        ["forms"],
        ["new", "script", "abc"],
        ["plan", "e.csv", "--from", "2026-03-02", "--to", "2026-03-08"],
        ["report", "--from", "2026-03-02", "--to", "2026-03-08"],
    ],
    ids=lambda argv: argv[0],
)
def test_outside_a_project_one_line_and_nothing_written(capsys, tmp_path, argv):
    """As lint and qa say it: no `content:1:1:` for a folder that is not there, no scripts_src/abc.yaml
    written into a folder that is no project."""
    assert main([*argv, "--project", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"huifang {argv[0]}: {tmp_path}: 找不到 content/ 目录：") and "huifang init" in err
    assert err.count("\n") == 1 and list(tmp_path.iterdir()) == []
    assert main([*argv, "--project", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err == f"huifang {argv[0]}: {tmp_path / 'nope'}: 项目目录不存在\n"


def test_the_operating_systems_reason_is_said_in_chinese(capsys, tmp_path):
    """`init` under a plain file: the OS says "Not a directory"; the user reads Chinese."""
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert main(["init", str(tmp_path / "file" / "project")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("huifang: 文件读写失败（路径中有一段不是目录）：") and err.count("\n") == 1, err


def test_an_uncommon_reason_keeps_the_systems_words():
    import errno

    from huifang.readfile import os_words

    assert os_words(OSError(errno.ENOENT, "No such file or directory")) == "文件或目录不存在"
    assert os_words(OSError(errno.ENXIO, "No such device or address")) == "No such device or address"


def test_a_file_given_where_a_folder_belongs(capsys, minimal):
    config = minimal / "content" / "standards.yaml"
    for argv in (["lint"], ["forms"], ["new", "script", "abc"]):
        assert main([*argv, "--project", str(config)]) == 2
        assert capsys.readouterr().err == f"huifang {argv[0]}: {config}: 这是一个文件，不是项目目录\n"
    before = config.read_bytes()
    assert main(["schema", "--project", str(minimal), "--out", str(config)]) == 1
    assert capsys.readouterr().err == f"huifang schema: --out {config}：不是文件夹：请换一个输出文件夹\n"
    assert config.read_bytes() == before
