"""Session 20's walk through the tool as a user meets it: the same project check and exit in every command, a
call judged twice counted once, a missing input path exit 2 everywhere, one message prefix style, and the broken
inputs a new team made (real files, the real command line in a subprocess)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, REPO, huifang
from tests.qa.test_cli import write_manifest
from tests.site.test_dashboards import build

SPAN = ("--from", "2026-03-02", "--to", "2026-03-08")


# -- 1. qa says a lost project as every command does ------------------------------------------------------------
def test_qa_outside_a_project_says_what_lint_says(tmp_path):
    """qa's own 「找不到 content/ 目录」 was said for a project root that does not exist too; now the line and
    exit are readfile.not_a_project's, as lint's."""
    call = tmp_path / "call.txt"
    call.write_text("客服：您好，请问是张先生吗？\n客户：是的。\n", encoding="utf-8")
    for project, reason in (
        (tmp_path / "nope", "项目目录不存在"),
        (call, "这是一个文件，不是项目目录"),
        (tmp_path, "找不到 content/ 目录"),
    ):
        qa = huifang("qa", "--project", project, "--no-db", call)
        lint = huifang("lint", "--project", project, call)
        assert qa.returncode == lint.returncode == 2, (qa.stderr, lint.stderr)
        assert qa.stderr.startswith(f"huifang qa: {project}: {reason}") and qa.stderr.count("\n") == 1
        assert qa.stderr.replace("huifang qa: ", "huifang lint: ") == lint.stderr


# -- 2. a call judged twice is counted once, by its latest judgment ---------------------------------------------
def qa_report(db: Path, by: str) -> tuple[dict, str]:
    result = huifang("qa", "report", "--project", REPO, "--db", db, "--by", by, "--format", "json")
    text = huifang("qa", "report", "--project", REPO, "--db", db, "--by", by)
    assert result.returncode == text.returncode == 0, result.stderr
    return json.loads(result.stdout), text.stderr


def test_qa_report_counts_a_call_judged_again_once(tmp_path):
    folder, _ = write_manifest(tmp_path)
    db = tmp_path / "qa.sqlite"
    assert huifang("qa", "--project", REPO, "--db", db, folder / "manifest.csv").returncode == 1
    first_agents, said = qa_report(db, "agent")
    first_rules, _ = qa_report(db, "rule")
    assert [(r["agent"], r["calls"]) for r in first_agents["rows"]] == [("小李", 2), ("小王", 2)] and said == ""
    assert first_agents["superseded"] == 0

    assert huifang("qa", "--project", REPO, "--db", db, folder / "manifest.csv").returncode == 1  # run again
    again, said = qa_report(db, "agent")
    assert again["rows"] == first_agents["rows"] and again["superseded"] == 4
    assert said == "同一通话质检过多次的只计最近一次：较早的 4 次质检未计入\n"
    assert qa_report(db, "rule")[0]["rows"] == first_rules["rows"]  # findings of the latest judgments only

    # the same transcript named another way (its own path, not the manifest's row): the latest judgment has
    # no agent, so the call moves to 未注明
    assert huifang("qa", "--project", REPO, "--db", db, "calls/labelled.txt", cwd=tmp_path).returncode == 1
    latest, _ = qa_report(db, "agent")
    assert [(r["agent"], r["calls"]) for r in latest["rows"]] == [("小李", 2), ("小王", 1), ("（未注明）", 1)]
    assert latest["superseded"] == 5
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT COUNT(*) FROM qa_calls").fetchone()[0] == 9  # every judgment kept

    # the handbook's 质检统计 page, built from the same ledger, agrees
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    site = build(project, tmp_path / "site", db)
    page = (site / "maintainers" / "qa.html").read_text(encoding="utf-8")
    assert "共 <strong>4</strong> 通" in page and "较早的 5 次质检未计入" in page
    cells = re.findall(r"<td[^>]*>(.*?)</td>", page)
    for r in latest["rows"]:
        assert r["agent"] in cells and cells[cells.index(r["agent"]) + 1] == str(r["calls"])


def test_an_old_ledger_without_the_file_column_counts_as_before(tmp_path):
    """Rows of a ledger written before `file` existed: counted one each, in the report (which migrates the
    ledger) and on the handbook page (which reads it as it is)."""
    db = tmp_path / "old.sqlite"
    with closing(sqlite3.connect(db)) as connection:
        connection.executescript(
            "CREATE TABLE qa_calls (id INTEGER PRIMARY KEY, judged_at TEXT NOT NULL, path TEXT NOT NULL, agent TEXT,"
            " date TEXT, week TEXT, script TEXT, form TEXT, score REAL NOT NULL, passed INTEGER NOT NULL,"
            " duration_s REAL, agent_talk_ratio REAL, silence_ratio REAL, longest_silence_s REAL,"
            " interruptions INTEGER, agent_chars_per_min REAL);"
            "CREATE TABLE qa_findings (call_id INTEGER NOT NULL REFERENCES qa_calls(id) ON DELETE CASCADE,"
            " rule TEXT NOT NULL, severity TEXT NOT NULL, time REAL, line INTEGER, speaker TEXT, text TEXT,"
            " message TEXT, question TEXT);"
            "INSERT INTO qa_calls (judged_at, path, agent, score, passed) VALUES ('2026-11-01', 'x.txt', '小王', 80, 1);"
            "INSERT INTO qa_calls (judged_at, path, agent, score, passed) VALUES ('2026-11-02', 'x.txt', '小王', 60, 0);"
        )
    from huifang.project import load_project
    from huifang.site.dashboards import qa_view

    view = qa_view(db, load_project(MINIMAL).project, {})  # before any migration: no `file` column
    assert view["calls"] == 2 and view["superseded"] == 0 and view["rows"]["agent"][0]["calls"] == 2
    report, said = qa_report(db, "agent")
    assert report["rows"][0]["calls"] == 2 and report["superseded"] == 0 and said == ""


# -- 3. a missing input path is exit 2 in every command ---------------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        ["plan", "missing.csv", *SPAN, "--no-db"],
        ["plan", "missing/", *SPAN, "--no-db"],
        ["report", "missing.xlsx", *SPAN, "--db", "ledger.sqlite"],
        ["qa", "missing.json", "--no-db"],
        ["lint", "missing.yaml"],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_a_missing_input_path_is_exit_2(tmp_path, argv):
    """`huifang plan missing.csv` exited 1 where lint and qa exit 2 (README: 2 is a usage error or an input
    that cannot be read); report went on to count the worklists that were there. Nothing is written."""
    result = huifang(*argv, "--project", REPO, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and argv[1].rstrip("/") in result.stderr
    assert result.stdout == "" and list(tmp_path.iterdir()) == []


def test_report_names_every_missing_worklist_and_records_none(tmp_path):
    there = tmp_path / "filled.csv"
    there.write_text("计划编号,实际回访日期,是否接通\n", encoding="utf-8")
    result = huifang(
        "report", "a.csv", "filled.csv", "b.xlsx", *SPAN, "--project", REPO, "--db", "l.sqlite", cwd=tmp_path
    )
    assert result.returncode == 2 and result.stderr == "a.csv:1:1: 文件不存在\nb.xlsx:1:1: 文件不存在\n"
    assert not (tmp_path / "l.sqlite").exists()


@pytest.mark.parametrize("command", ["check", "schema"])
def test_check_and_schema_on_a_project_that_is_not_there(tmp_path, command):
    """check said 「content:1:1: 找不到 content/ 目录」 and exit 1 for a --project that does not exist; schema made
    the mistyped folder and wrote into it. Now both say it as the other commands do, exit 2, nothing made."""
    result = huifang(command, "--project", tmp_path / "nope")
    assert result.returncode == 2 and result.stderr == f"huifang {command}: {tmp_path / 'nope'}: 项目目录不存在\n"
    assert list(tmp_path.iterdir()) == []


# -- 4. one prefix style ------------------------------------------------------------------------------------------
def test_every_command_prefix_is_huifang_command_colon_space():
    """`huifang build：` beside `huifang lint: `: the half-width colon and a space, which 49 of 53 used."""
    mixed = []
    for path in sorted((REPO / "generator").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        mixed += [f"{path.name}: {m}" for m in re.findall(r"huifang(?: [a-z{}.]+)?：", text)]
    assert mixed == []


def test_build_says_a_refused_site_dir_with_the_common_prefix(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    result = huifang("build", "--project", project, "--site-dir", project / "content", "--no-forms")
    assert result.returncode == 1 and result.stderr.startswith(f"huifang build: --site-dir {project / 'content'}")


# -- 6. a new team's broken inputs --------------------------------------------------------------------------------
def team(tmp_path: Path) -> Path:
    project = tmp_path / "team"
    shutil.copytree(MINIMAL, project)
    return project


@pytest.mark.parametrize(
    "setting, line",
    [
        ("theme:\n  palette: 5\n", "mkdocs.yml:2:12: theme.palette 应为映射（键: 值）或映射的列表，实际是整数"),
        ("theme:\n  palette: [5]\n", "mkdocs.yml:2:13: theme.palette 的每一项应为映射（键: 值），实际是整数"),
        ("theme:\n  features: [1]\n", "mkdocs.yml:2:14: theme.features 的每一项应为文字，实际是整数"),
        ("theme:\n  font: true\n", "mkdocs.yml:2:9: theme.font 应为映射（键: 值）或 false，实际是 true"),
        ("theme:\n  logo: [a]\n", "mkdocs.yml:2:9: theme.logo 应为文字，实际是列表"),
    ],
)
def test_a_material_theme_setting_of_a_wrong_type_is_its_line(tmp_path, setting, line):
    """`theme: {palette: 5}` passed MkDocs' checks and failed in Material's page template: 「内部错误：TypeError:
    'int' object is not iterable」, exit 3. Now check and build say it at its place, exit 1."""
    project = team(tmp_path)
    (project / "mkdocs.yml").write_text(setting, encoding="utf-8")
    check = huifang("check", "--project", project)
    assert check.returncode == 1 and line in check.stdout, check.stdout + check.stderr
    build = huifang("build", "--project", project, "--site-dir", tmp_path / "site", "--no-forms")
    assert build.returncode == 1 and build.stderr == f"{line}\n网站未生成（site/ 保持原样）。\n", build.stderr


def test_an_icon_that_does_not_exist_is_said_at_its_line(tmp_path):
    """A mistyped icon name was 「huifang: 文件读写失败（'.icons/….svg' not found in search paths: …）」."""
    project = team(tmp_path)
    (project / "mkdocs.yml").write_text("theme:\n  icon:\n    logo: material/libary\n", encoding="utf-8")
    result = huifang("build", "--project", project, "--site-dir", tmp_path / "site", "--no-forms", timeout=600)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("mkdocs.yml:3:11: 图标「material/libary」不存在：请检查图标名"), result.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    "setting, reason",
    [
        ("theme: 5\n", "设置 theme：应为文字或映射（键: 值），实际是整数"),
        ("site_url: 5\n", "设置 site_url：应为文字，实际是整数"),
        ("extra: 5\n", "设置 extra：应为映射（键: 值），实际是整数"),
        ("watch: 5\n", "设置 watch：应为列表，实际是整数"),
        ("plugins: 5\n", "设置 plugins：应为列表或映射（键: 值）"),
        ("markdown_extensions: 5\n", "设置 markdown_extensions：应为列表"),
        ("hooks: [nosuch.py]\n", "设置 hooks：文件「{project}/nosuch.py」不存在"),
    ],
    ids=lambda v: v.split(":")[0],
)
def test_mkdocs_reasons_for_common_settings_are_chinese(tmp_path, setting, reason):
    project = team(tmp_path)
    (project / "mkdocs.yml").write_text(setting, encoding="utf-8")
    result = huifang("build", "--project", project, "--site-dir", tmp_path / "site", "--no-forms")
    first = result.stderr.splitlines()[0]
    assert result.returncode == 1 and first.startswith("mkdocs.yml:1:"), result.stderr
    assert reason.format(project=project.resolve()) in first, first
    assert "MkDocs 说" not in result.stderr


def test_hooks_watch_and_custom_dir_are_read_from_the_project(tmp_path):
    """MkDocs reads these relative to its configuration file, which huifang writes in a temporary folder:
    `hooks: [hooks.py]` beside the team's mkdocs.yml was 「The path '/tmp/huifang-mkdocs-…/hooks.py' isn't an
    existing file」. Now they are the project's, and the hook runs."""
    project = team(tmp_path)
    (project / "hooks.py").write_text(
        "from pathlib import Path\n\n\ndef on_post_build(config):\n"
        "    (Path(config.site_dir) / 'hooked.txt').write_text('yes')\n",
        encoding="utf-8",
    )
    (project / "overrides").mkdir()
    (project / "mkdocs.yml").write_text(
        "hooks: [hooks.py]\nwatch: [overrides]\ntheme:\n  custom_dir: overrides\n", encoding="utf-8"
    )
    site = tmp_path / "site"
    result = huifang("build", "--project", project, "--site-dir", site, "--no-forms", timeout=600)
    assert result.returncode == 0, result.stderr
    assert (site / "hooked.txt").read_text() == "yes"


def test_report_says_an_empty_worklist_is_empty(tmp_path):
    (tmp_path / "filled.csv").write_text("", encoding="utf-8")
    (tmp_path / "l.sqlite").write_bytes(b"")  # a ledger there: a --db that is not there is a typo (audit21)
    result = huifang("report", "filled.csv", *SPAN, "--project", REPO, "--db", "l.sqlite", cwd=tmp_path)
    assert result.returncode == 1 and "filled.csv:1:1: 文件是空的" in result.stderr, result.stderr


# as a user without root's right to read every folder (tests/reliability/test_unreadable.py's way)
from tests.reliability.test_unreadable import readable_by_all, shared  # noqa: E402, F401
from tests.reliability.test_unreadable import run as as_user  # noqa: E402


@pytest.mark.parametrize("folder", ["content/orgs", "content", "scripts_src", "scripts_src/more"])
def test_a_folder_that_cannot_be_listed_is_one_finding(shared, folder):  # noqa: F811
    """content/orgs without permission was 「huifang: 文件读写失败（没有权限）：content/orgs；已有的输出保持原样」;
    scripts_src was silently empty, so every scenario's script was 「引用了不存在的话术」."""
    project = shared / "project"
    shutil.copytree(MINIMAL, project)
    (project / folder).mkdir(exist_ok=True)
    readable_by_all(shared)
    (project / folder).chmod(0)
    try:
        check = as_user("check", "--project", project, cwd=shared)
    finally:
        (project / folder).chmod(0o755)
    assert check.returncode == 1 and "Traceback" not in check.stderr, check.stderr
    assert check.stdout == f"{folder}:1:1: 无法读取目录：没有权限（检查文件夹权限）\n", check.stdout


def test_unlistable_transcripts_and_read_only_outputs_are_said(shared):  # noqa: F811
    project = shared / "project"
    shutil.copytree(MINIMAL, project)
    calls = shared / "calls"
    calls.mkdir()
    (calls / "a.txt").write_text("客服：您好。\n", encoding="utf-8")
    readable_by_all(shared)
    calls.chmod(0)
    (project / "scripts_src").chmod(0o555)
    try:
        qa = as_user("qa", "--project", project, "--no-db", "calls", cwd=shared)
        new = as_user("new", "script", "abc", "--project", project, cwd=shared)
    finally:
        calls.chmod(0o755)
        (project / "scripts_src").chmod(0o755)
    assert qa.returncode == 2 and qa.stderr == "huifang qa: calls: 无法读取目录：没有权限\n", qa.stderr
    assert new.returncode == 1 and "scripts_src/abc.yaml；" in new.stderr and ".tmp" not in new.stderr, new.stderr
