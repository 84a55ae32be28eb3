"""Session 23: what session 22's audit left, walked as a supervisor and a team would. `huifang lint` speaks Chinese
to people (错误/警告/提示, the rule id kept) and says so when a switch names a rule that does not exist; a bad row of
an events table or a filled worklist is `path:line:col` at its field (an XLSX's cell named); the starter names its
org as default_org; `huifang init` writes an install line a new team's CI can run while huifang is not on PyPI. Real
files, the real command line in a subprocess."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml

from tests.conftest import REPO, huifang

STARTER_ORG = "content/orgs/benjigou.yaml"
RUDE = "客服：喂。\n客户：你好。\n客服：这不归我管，你自己想办法吧。\n"


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A new team's repository, as `huifang init` writes it."""
    folder = tmp_path / "team"
    result = huifang("init", folder)
    assert result.returncode == 0, result.stderr
    return folder


def settings(team: Path, text: str) -> None:
    (team / "huifang.yaml").write_text(text, encoding="utf-8")


# -- 1. the text format people read is Chinese; the machine formats are not touched ----------------------------------
def test_lint_text_says_the_severity_in_chinese_and_keeps_the_rule_id(team):
    settings(team, "default_org: benjigou\nlint:\n  rules:\n    missing-greeting: info\n    missing-closing: warning\n")
    (team / "scripts_src" / "call.txt").write_text(RUDE, encoding="utf-8")
    result = huifang("lint", "--project", team)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(" ", 3)[1:3] for line in lines] == [
        ["提示", "missing-greeting"],
        ["错误", "forbidden-phrase"],
        ["警告", "missing-closing"],
    ], lines
    assert lines[1].startswith("scripts_src/call.txt:3:4: 错误 forbidden-phrase 忌语「这不归我管」：")
    assert lines[1].endswith("（建议：这个问题我帮您联系负责的同事，稍后给您回复。）"), lines[1]  # no "(建议: …)"
    assert not re.search(r"\b(error|warning|info)\b", result.stdout + result.stderr)
    assert result.stderr == "1 个错误，1 个警告，1 个提示\n"
    colored = huifang("lint", "--project", team, "--color", "always")
    assert "\033[31m错误\033[0m" in colored.stdout and "\033[33m警告\033[0m" in colored.stdout
    # what scripts and code scanning read keeps its words
    rows = json.loads(huifang("lint", "--project", team, "--format", "json").stdout)
    assert [row["severity"] for row in rows] == ["info", "error", "warning"]
    assert rows[1]["suggestion"] == "这个问题我帮您联系负责的同事，稍后给您回复。"
    github = huifang("lint", "--project", team, "--format", "github").stdout
    assert github.startswith("::notice file=scripts_src/call.txt,line=1,") and "::error " in github
    sarif = json.loads(huifang("lint", "--project", team, "--format", "sarif").stdout)
    assert [r["level"] for r in sarif["runs"][0]["results"]] == ["note", "error", "warning"]


# -- 2. a switch naming no rule is said, once, at the rule's place, with the closest id -------------------------------
def test_a_misspelt_rule_in_a_switch_is_said_with_the_closest_id(team):
    scripts = team / "scripts_src"
    (scripts / "call.txt").write_text(
        RUDE.replace("想办法吧。", "想办法吧。  # huifang: disable=forbiden-phrase, missing-closing"), encoding="utf-8"
    )
    (scripts / "notes.md").write_text(
        "客服：您好！这里是某某服务有限公司，我是客服专员小李，请问是王先生吗？您现在方便接电话吗？\n\n"
        "<!-- huifang: disable-file=call-to-long -->\n\n客服：感谢您的支持，祝您生活愉快，再见！\n",
        encoding="utf-8",
    )
    script = scripts / "fuwu-wancheng-huifang.yaml"
    script.write_text("# huifang: disable-file=missing-greting\n" + script.read_text(encoding="utf-8"), "utf-8")
    org = team / STARTER_ORG
    org.write_text(
        org.read_text(encoding="utf-8").replace(
            "agent_title: 客服专员", "agent_title: 客服专员  # huifang: disable＝personal-data"
        ),
        "utf-8",
    )
    result = huifang("lint", "--project", team)
    warnings = [line for line in result.stdout.splitlines() if " unknown-rule " in line]
    assert warnings == [
        f"{STARTER_ORG}:6:20: 警告 unknown-rule 看不懂这个开关，它不会关闭任何检查：应写成 # huifang: disable=规则id"
        "（多个用半角逗号隔开），或 # huifang: disable-file；Markdown 里写在 <!-- --> 之中",
        "scripts_src/call.txt:3:39: 警告 unknown-rule 开关里的规则 'forbiden-phrase' 不存在，这个开关不会关闭它，"
        "是否想写 'forbidden-phrase'？",
        "scripts_src/fuwu-wancheng-huifang.yaml:1:25: 警告 unknown-rule 开关里的规则 'missing-greting' 不存在，"
        "这个开关不会关闭它，是否想写 'missing-greeting'？",
        "scripts_src/notes.md:3:28: 警告 unknown-rule 开关里的规则 'call-to-long' 不存在，这个开关不会关闭它，"
        "是否想写 'call-too-long'？",
    ], result.stdout
    # the misspelt switch switched nothing off; its correctly spelt neighbour still does
    assert "scripts_src/call.txt:3:4: 错误 forbidden-phrase" in result.stdout
    assert "missing-closing" not in result.stdout.replace("'missing-closing'", "")
    # one file linted alone says it too, and the lines the switches mark are where an editor goes
    alone = huifang("lint", "--project", team, scripts / "call.txt")
    assert alone.stdout.count(" unknown-rule ") == 2  # the file's own switch and the org's (content is loaded)
    line = (scripts / "call.txt").read_text(encoding="utf-8").splitlines()[2]
    assert line[39 - 1 :].startswith("forbiden-phrase")


def test_the_maintainers_page_names_a_finding_of_no_rule_page_without_a_dead_link(team):
    """The 维护者 page linked every finding to its rule's page: `unknown-rule` (and `paths-capped`) have none, and
    MkDocs said so in English on every build."""
    (team / "scripts_src" / "call.txt").write_text(
        RUDE.replace("想办法吧。", "想办法吧。  # huifang: disable=forbiden-phrase"), encoding="utf-8"
    )
    result = huifang("build", "--project", team, "--no-forms", "--lint-errors", "warn", timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Doc file" not in result.stderr and "rules/unknown-rule" not in result.stderr, result.stderr
    page = (team / "site" / "maintainers" / "index.html").read_text(encoding="utf-8")
    assert "不存在，这个开关不会关闭它" in page and "（<code>unknown&#45;rule</code>）" in page
    assert 'href="../rules/forbidden-phrase.html"' in page  # a rule with a page is still linked


def test_a_rule_id_in_lint_ignore_is_said_to_belong_in_lint_rules(team):
    settings(team, "lint:\n  ignore:\n    - scripts_src/草稿/\n    - forbidden-phrase\n    - personal-dat\n")
    expected = [
        "huifang.yaml:4:7: lint.ignore 写的是不检查的文件（写法同 .gitignore），'forbidden-phrase' 是规则 id："
        "要关闭这条规则，请在 lint.rules 里写 forbidden-phrase: off",
        "huifang.yaml:5:7: lint.ignore 写的是不检查的文件（写法同 .gitignore），'personal-dat' 像是规则 "
        "'personal-data'：要关闭这条规则，请在 lint.rules 里写 personal-data: off",
    ]
    check = huifang("check", "--project", team)
    assert check.returncode == 1 and check.stdout.splitlines() == expected, check.stdout
    settings(team, "lint:\n  ignore: [scripts_src/草稿/, '*.md', '!forbidden-phrase/']\n")  # paths stay paths
    assert huifang("check", "--project", team).returncode == 0


# -- 3. plan and report: the field at fault ---------------------------------------------------------------------------
EVENTS = (
    "客户,电话,场景,日期,坐席\n"
    "张三,13800000000,fuwu-wancheng,2026-03-02,小王\n"
    "李四,,fuwu-wancheng,2026-03-02,小王\n"
    '"王五,备注",13900000000,没有这个,2026-03-02,小王\n'
    '赵六,13700000000,"fuwu-\nwancheng",2026-13-02,小王\n'
    "钱七,13600000000,fuwu-wancheng,,小王\n"
)
SPAN = ("--from", "2026-03-02", "--to", "2026-03-08")


def test_plan_says_a_bad_rows_field_by_line_and_column(team):
    events = team.parent / "事件.csv"
    events.write_text(EVENTS, encoding="utf-8")
    result = huifang("plan", events, *SPAN, "--project", team, "--no-db")
    assert result.returncode == 1, result.stderr
    said = [line for line in result.stderr.splitlines() if line.startswith(str(events))]
    assert said == [
        f"{events}:3:4: 缺少电话",
        f"{events}:4:21: 不认识的场景「没有这个」（现有：服务完成后回访）",
        f"{events}:6:11: 日期「2026-13-02」不存在",  # the row runs over two lines: the date is on the second
        f"{events}:7:30: 缺少日期",
    ], result.stderr
    lines = events.read_text(encoding="utf-8").splitlines()
    assert lines[3][21 - 1 :].startswith("没有这个") and lines[5][11 - 1 :].startswith("2026-13-02")
    rows = json.loads(huifang("plan", events, *SPAN, "--project", team, "--no-db", "--format", "json").stdout)
    assert [e["line"] for e in rows["errors"]] == [3, 4, 6, 7]  # the machine format is as it was


def test_plan_names_the_cell_of_an_xlsx(team):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        ["客户", "电话", "场景", "日期", "坐席"],
        ["张三", "13800000000", "fuwu-wancheng", "2026-03-02", "小王"],
        ["李四", "13900000000", "fuwu-wancheng", "2026-02-30", "小王"],
        ["王五", None, "fuwu-wancheng", "2026-03-02", "小王"],
    ):
        sheet.append(row)
    events = team.parent / "事件.xlsx"
    book.save(events)
    result = huifang("plan", events, *SPAN, "--project", team, "--no-db")
    said = [line for line in result.stderr.splitlines() if line.startswith(str(events))]
    assert said == [f"{events}:3:4: 单元格 D3：日期「2026-02-30」不存在", f"{events}:4:2: 单元格 B4：缺少电话"]


def test_report_says_the_cell_a_filled_worklist_is_wrong_in(team):
    events = team.parent / "事件.csv"
    events.write_text(EVENTS.split("李四")[0], encoding="utf-8")
    out = team.parent / "名单"
    planned = huifang("plan", events, *SPAN, "--project", team, "--out", out)
    assert planned.returncode == 0, planned.stderr
    (xlsx,) = out.glob("*.xlsx")
    book = openpyxl.load_workbook(xlsx)
    sheet = book.worksheets[0]
    head = [c.value for c in sheet[1]]
    sheet.cell(2, head.index("实际回访日期") + 1).value = "3月33日"
    book.save(xlsx)
    result = huifang("report", xlsx, *SPAN, "--project", team)
    assert result.returncode == 1
    column = head.index("实际回访日期") + 1
    letter = openpyxl.utils.get_column_letter(column)
    assert result.stderr.splitlines() == [
        f"{xlsx}:2:{column}: 工作表「{sheet.title}」单元格 {letter}2：实际回访日期「3月33日」看不懂，请写成 2026-03-01"
    ]
    (csv,) = out.glob("*.csv")
    text = csv.read_text(encoding="utf-8-sig").splitlines()
    cells = text[1].split(",")
    cells[head.index("是否接通")] = "也许"
    filled = team.parent / "交回.csv"
    filled.write_text("\n".join([text[0], ",".join(cells)]) + "\n", encoding="utf-8")
    result = huifang("report", filled, *SPAN, "--project", team)
    at = len(",".join(cells[: head.index("是否接通")])) + 2
    assert result.stderr.splitlines() == [f"{filled}:2:{at}: 「是否接通」应填 是 或 否，不是「也许」"]


# -- 4. the starter's org is the team's own ---------------------------------------------------------------------------
def test_the_starter_names_its_org_so_a_free_form_script_gets_its_words(team):
    config = yaml.safe_load((team / "huifang.yaml").read_text(encoding="utf-8"))
    org = yaml.safe_load((team / STARTER_ORG).read_text(encoding="utf-8"))
    assert config["default_org"] == org["id"] == "benjigou"
    (team / "scripts_src" / "call.txt").write_text(RUDE, encoding="utf-8")
    rows = json.loads(huifang("lint", "--project", team, "--format", "json").stdout)
    suggestions = {row["rule"]: row["suggestion"] for row in rows}
    assert "这里是某某服务有限公司" in suggestions["missing-greeting"]  # the org's name, not {公司}
    assert "400-000-0000" in suggestions["missing-closing"]  # the org's hotline, not {热线}


def test_from_example_leaves_default_org_for_the_team_to_fill(tmp_path):
    folder = tmp_path / "team"
    assert huifang("init", folder, "--from-example").returncode == 0
    text = (folder / "huifang.yaml").read_text(encoding="utf-8")
    assert "default_org" not in yaml.safe_load(text) and "# default_org: 机构id" in text
    assert huifang("check", "--project", folder).returncode == 0


# -- 5. where a new team installs huifang from -------------------------------------------------------------------------
def test_init_with_a_wheel_puts_it_in_the_repository_and_installs_from_there(tmp_path):
    wheel = tmp_path / "下载" / "huifang-0.2.0-py3-none-any.whl"
    wheel.parent.mkdir()
    wheel.write_bytes(b"PK\x03\x04 a wheel's bytes")
    folder = tmp_path / "team"
    result = huifang("init", folder, "--package", wheel)
    assert result.returncode == 0, result.stderr
    assert "它的安装包已放进 packages/，CI 和 README 都从那里安装，请一起提交" in result.stderr
    assert (folder / "packages" / wheel.name).read_bytes() == wheel.read_bytes()
    steps = workflow_steps(folder)
    assert steps[2] == {"run": f'python -m pip install "./packages/{wheel.name}"'}
    workflow = (folder / ".github" / "workflows" / "huifang.yml").read_text(encoding="utf-8")
    assert (
        '# huifang 发布到 PyPI 以后，可以改成 python -m pip install "huifang==0.2.0"，再删掉 packages/ 文件夹'
        in workflow
    )
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert f'pip install "./packages/{wheel.name}[all]"' in readme and "pypi.org" not in readme
    assert "pip install huifang" not in readme and 'pip install "huifang[all]"' not in readme


def test_init_with_a_url_writes_it_as_the_requirement(tmp_path):
    folder = tmp_path / "team"
    url = "git+https://gitee.com/ourteam/huifang@v0.2.0"
    assert huifang("init", folder, "--package", url).returncode == 0
    assert workflow_steps(folder)[2] == {"run": f'python -m pip install "huifang @ {url}"'}
    assert f'pip install "huifang[all] @ {url}"' in (folder / "README.md").read_text(encoding="utf-8")
    assert not (folder / "packages").exists()


def test_init_with_a_wheel_that_is_not_there_is_one_line(tmp_path):
    result = huifang("init", tmp_path / "team", "--package", tmp_path / "huifang-9.9.9-py3-none-any.whl")
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "文件不存在" in result.stderr
    assert not (tmp_path / "team").exists()


def test_init_from_a_source_folder_says_ci_cannot_install_from_there(tmp_path):
    """These tests run an editable install of this checkout: nothing a CI runner could install from."""
    result = huifang("init", tmp_path / "team")
    assert f"注意：这个 huifang 是从源码文件夹 {REPO} 安装的，新项目的 CI 无法从那里安装，" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("下一步：")
    workflow = (tmp_path / "team" / ".github" / "workflows" / "huifang.yml").read_text(encoding="utf-8")
    assert "# 注意：huifang 尚未发布到 PyPI，这一行现在还装不上。" in workflow


def workflow_steps(folder: Path) -> list[dict]:
    workflow = yaml.safe_load((folder / ".github" / "workflows" / "huifang.yml").read_text(encoding="utf-8"))
    return workflow["jobs"]["check"]["steps"]


def test_the_source_of_an_install_from_its_direct_url_record():
    from huifang.installed import Source, from_direct_url

    wheel = '{"url": "file:///home/me/%E4%B8%8B%E8%BD%BD/huifang-0.2.0-py3-none-any.whl", "archive_info": {}}'
    assert from_direct_url(wheel) == Source("file", "/home/me/下载/huifang-0.2.0-py3-none-any.whl")
    assert from_direct_url('{"url": "file:///src/huifang", "dir_info": {"editable": true}}') == Source(
        "folder", "/src/huifang", True
    )
    git = '{"url": "https://gitee.com/t/huifang.git", "vcs_info": {"vcs": "git", "commit_id": "abc123"}}'
    assert from_direct_url(git) == Source("url", "git+https://gitee.com/t/huifang.git@abc123")
    assert Source("url", "git+https://gitee.com/t/huifang.git@abc123").argument("site") == (
        "'huifang[site] @ git+https://gitee.com/t/huifang.git@abc123'"
    )
    assert Source("file", "/home/me/下载/huifang-0.2.0-py3-none-any.whl").argument("all") == (
        "'/home/me/下载/huifang-0.2.0-py3-none-any.whl[all]'"
    )
    assert from_direct_url("not json") is None


def test_a_missing_extra_names_a_command_that_installs_this_huifang(tmp_path):
    """`pip install 'huifang[site]'` fails while huifang is not on PyPI: the message names this huifang's source."""
    from huifang.installed import install_command

    assert install_command("site") == f"pip install -e '{REPO}[site]'"  # these tests run an editable install


def test_the_starters_pre_commit_hooks_run_the_installed_huifang(team, tmp_path):
    """The starter pointed pre-commit at a GitHub repository that may not exist: its hooks now run the huifang the
    team installed (`repo: local`), and still stop a commit of a broken content file."""
    import os
    import subprocess
    import sys

    config = yaml.safe_load((team / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    forbidden = team / "content" / "forbidden" / "benjigou.yaml"
    forbidden.write_text(forbidden.read_text(encoding="utf-8").replace("severity: error", "severity: eror"), "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "HUIFANG_NO_CACHE": "1"}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    for args in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", *args], cwd=team, check=True, capture_output=True)
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run"], cwd=team, env=env, capture_output=True, text=True, timeout=600
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "content/forbidden/benjigou.yaml:" in output and "'eror'" in output, output
    shutil.copy(REPO / "generator" / "starter" / "content" / "forbidden" / "benjigou.yaml", forbidden)
    subprocess.run(["git", "add", "-A"], cwd=team, check=True)
    again = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run"], cwd=team, env=env, capture_output=True, text=True, timeout=600
    )
    assert again.returncode == 0, again.stdout + again.stderr
