"""Session 22: what session 21's audit left, and what a supervisor met installing huifang from a wheel into a
team's own folder. `huifang qa --out` makes a missing folder as the other commands do; `huifang forms` from a
read-only checkout (a CI runner's read-only mount) works, its cache kept in the user's cache folder or, with none
writable, in memory. Real files, the real command line in a subprocess, a real read-only mount where the host
allows one."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, REPO, huifang
from tests.reliability.conftest import snapshot

CALL = REPO / "tests" / "qa" / "fixtures" / "calls" / "wanneng.txt"


# -- 1. qa --out makes the folder it is asked to write into -------------------------------------------------------
def test_qa_out_makes_a_missing_folder_as_report_and_plan_do(tmp_path):
    out = tmp_path / "质检结果" / "三月" / "第一周.json"
    result = huifang("qa", "--project", REPO, "--no-db", "--format", "json", "--out", out, CALL)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip().endswith(f"已写入 {out}（1 通）"), result.stderr
    assert '"calls"' in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in out.parent.iterdir()) == ["第一周.json"]  # no temporary file left beside it


def test_qa_out_folder_is_not_made_when_the_run_is_refused_before_judging(tmp_path):
    out = tmp_path / "结果" / "r.txt"
    result = huifang("qa", "--project", REPO, "--no-db", "--script", "no-such-script", "--out", out, CALL)
    assert result.returncode == 2 and result.stderr.startswith("huifang qa: "), result.stderr
    assert os.listdir(tmp_path) == []


def test_qa_out_folder_that_cannot_be_made_is_one_line(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    out = locked / "sub" / "r.txt"
    with read_only_view(locked) as prefix:
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "huifang", "qa", "--project", str(REPO), "--no-db", "--out", str(out)]
            + [str(CALL)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 2, result.stderr
    said = result.stderr.strip()
    assert said.startswith(f"huifang qa: --out {out}：无法新建文件夹 {locked / 'sub'}（") and "\n" not in said, said
    assert os.listdir(locked) == []


# -- 2. forms from a read-only project ------------------------------------------------------------------------------
class read_only_view:
    """The command prefix that runs a command with `folder` read-only: the folder bind-mounted read-only over itself
    in a private mount namespace (as root, as a CI runner's read-only mount is), else, for a user who is not root,
    the folder chmod'ed a-w (root writes through permissions, so chmod alone proves nothing as root)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.chmodded = False

    def __enter__(self) -> list[str]:
        unshare = shutil.which("unshare")
        if os.geteuid() == 0 and unshare and _bind_works(unshare, self.folder):
            script = 'mount --bind -o ro "$0" "$0" && exec "$@"'
            return [unshare, "-m", "sh", "-c", script, str(self.folder)]
        if os.geteuid() != 0:
            for path in [self.folder, *self.folder.rglob("*")]:
                if path.is_dir():
                    path.chmod(0o555)
            self.chmodded = True
            return []
        pytest.skip("running as root where a read-only bind mount is not allowed: a read-only project cannot be made")

    def __exit__(self, *_exc) -> None:
        if self.chmodded:
            for path in [self.folder, *self.folder.rglob("*")]:
                if path.is_dir():
                    path.chmod(0o755)


def _bind_works(unshare: str, folder: Path) -> bool:
    probe = subprocess.run(
        [unshare, "-m", "sh", "-c", 'mount --bind -o ro "$0" "$0" && ! touch "$0/.probe" 2>/dev/null', str(folder)],
        capture_output=True,
        timeout=30,
    )
    (folder / ".probe").unlink(missing_ok=True)
    return probe.returncode == 0


def forms_in(prefix: list[str], project: Path, out: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(home)}
    env.pop("XDG_CACHE_HOME", None)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "huifang", "forms", "--project", str(project), "--out", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_forms_from_a_read_only_project_keeps_its_cache_in_the_users_cache_folder(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    writable = tmp_path / "writable-copy"
    shutil.copytree(project, writable)
    home = tmp_path / "home"
    home.mkdir()
    reference = forms_in([], writable, tmp_path / "reference", tmp_path / "home-of-the-reference")
    assert reference.returncode == 0, reference.stderr
    before = snapshot(project)
    out = tmp_path / "out"
    with read_only_view(project) as prefix:
        first = forms_in(prefix, project, out, home)
        second = forms_in(prefix, project, out, home)
    for result in (first, second):
        assert result.returncode == 0, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"5 个 PDF → {out}（"), result.stderr  # nothing alarming
    assert "新生成 4，合并 1" in first.stderr
    assert "未变 5" in second.stderr  # the cache in the user's cache folder was used
    assert snapshot(out) == snapshot(tmp_path / "reference")  # the same PDFs as from a writable checkout
    assert snapshot(project) == before and not (project / ".huifang-cache").exists()
    assert list((home / ".cache" / "huifang" / "projects").glob("*/forms/*.pdf"))


def test_forms_from_a_read_only_project_with_no_cache_folder_writable_still_works(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    out = tmp_path / "out"
    with read_only_view(project) as prefix:
        result = forms_in(prefix, project, out, tmp_path / "no-such-home")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines() == [f"5 个 PDF → {out}（新生成 4，合并 1，从缓存复制 0，未变 0）"]
    assert sorted(p.name for p in out.glob("*.pdf")) == [
        "demo-tousu.pdf",
        "desk-demo.pdf",
        "guide-demo-weixiu.pdf",
        "pack-demo-weixiu.pdf",
        "script-demo-weixiu.pdf",
    ]


def test_build_from_a_read_only_project_into_another_folder(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    site = tmp_path / "site"
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    env.pop("XDG_CACHE_HOME", None)
    with read_only_view(project) as prefix:
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "huifang", "build", "--project", str(project), "--site-dir", str(site)],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and (site / "forms" / "demo-tousu.pdf").is_file()
    assert not (project / ".huifang-cache").exists()


# -- 3. the supervisor's walk ----------------------------------------------------------------------------------------
def test_serve_says_a_failed_rebuild_in_chinese_and_builds_again_once_fixed(tmp_path):
    """A YAML mistake saved while `huifang serve` runs: the rebuild's problems in Chinese, then MkDocs' closing
    "Aborted with a BuildError!" was printed as it is."""
    from tests.site.test_serve import serve_hostile, stop, wait_for

    project, port, server = serve_hostile(tmp_path)
    try:
        url = f"http://127.0.0.1:{port}/scenarios/demo-weixiu.html"
        wait_for(url, "维修后回访话术", 120)
        script = project / "scripts_src" / "demo-weixiu.yaml"
        good = script.read_text(encoding="utf-8")
        script.write_text(good.replace("id: demo-weixiu", "id demo-weixiu", 1), encoding="utf-8")
        deadline = time.monotonic() + 60
        said = b""
        os.set_blocking(server.stderr.fileno(), False)
        while "重新生成时出错".encode() not in said and time.monotonic() < deadline:
            said += server.stderr.read() or b""
            time.sleep(0.1)
        script.write_text(good.replace("维修后回访话术", "维修完成后的回访话术"), encoding="utf-8")
        wait_for(url, "维修完成后的回访话术", 60)
    finally:
        stop(server)
    said += server.stderr.read() or b""
    text = said.decode("utf-8")
    assert "scripts_src/demo-weixiu.yaml:" in text and "手册未能生成（原因见上）" in text, text
    assert not re.search(r"Aborted|BuildError|Traceback|An error happened", text), text


def test_forms_only_takes_the_printed_title_and_lists_the_titles_when_nothing_is_close(tmp_path):
    """A supervisor knows a form as 《客户投诉单》, not as demo-tousu: --only said 没有找到 and nothing else."""
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    out = tmp_path / "out"
    result = huifang("forms", "--project", project, "--no-progress", "--out", out, "--only", "《客户投诉单》")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.glob("*.pdf")) == ["demo-tousu.pdf"]
    result = huifang("forms", "--project", project, "--no-progress", "--out", out, "--only", "满意度调查")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "huifang forms: 没有找到这些表单或话术：满意度调查（现有：示例物业公司回访坐席桌面卡、客户投诉单、"
        "维修后回访话术记录表、维修后回访话术　话术卡）（未生成、未删除任何 PDF）"
    )


def test_the_pre_commit_hooks_init_writes_check_a_content_only_commit(tmp_path):
    """The starter's .pre-commit-config.yaml said 每次提交前检查话术和内容, but its one hook (huifang-lint) runs only
    when a script is staged: a commit of a broken content/ file alone was Skipped. huifang-check runs on content/
    and huifang.yaml; the starter lists every hook huifang offers."""
    import yaml

    offered = [hook["id"] for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))]
    team = tmp_path / "team"
    assert huifang("init", team).returncode == 0
    config = yaml.safe_load((team / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in config["repos"][0]["hooks"]] == offered == ["huifang-check", "huifang-lint"]
    forbidden = team / "content" / "forbidden" / "benjigou.yaml"
    forbidden.write_text(forbidden.read_text(encoding="utf-8").replace("severity: error", "severity: eror"), "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "HUIFANG_NO_CACHE": "1"}
    for args in (["init", "-q"], ["add", "content/forbidden/benjigou.yaml"]):
        subprocess.run(["git", *args], cwd=team, check=True)
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "huifang-check"],  # the staged files only
        cwd=team,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "content/forbidden/benjigou.yaml:" in output and "'eror'" in output, output


def test_init_in_the_current_folder_says_the_next_step_without_cd(tmp_path):
    (tmp_path / "我们的 规范").mkdir()
    here = huifang("init", ".", cwd=tmp_path / "我们的 规范")
    assert here.stderr.splitlines()[-1] == "下一步：huifang check && huifang lint && huifang serve", here.stderr
    there = huifang("init", "我们的 规范2", cwd=tmp_path)
    assert (
        there.stderr.splitlines()[-1] == "下一步：cd '我们的 规范2' && huifang check && huifang lint && huifang serve"
    )


def test_lint_says_a_clean_run_and_why_fix_changed_nothing(tmp_path):
    team = tmp_path / "team"
    assert huifang("init", team).returncode == 0
    clean = huifang("lint", "--project", team)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "全部通过：没有发现问题\n")
    assert huifang("lint", "--project", team, "--format", "json").stderr == ""  # only the text format says it
    script = team / "scripts_src" / "回访.txt"
    original = "客服：您好，请问是王先生吗？\n客服：这不归我管，您等通知吧。\n"  # not a sentence of its own
    script.write_text(original, encoding="utf-8")
    why = "没有可以自动改写的忌语：只有忌语单独成句、建议说法是一句完整的话时才自动改写；其余请按「建议」手动修改"
    for option in ("--fix", "--diff"):
        result = huifang("lint", "--project", team, option, script)
        assert result.returncode == 1 and result.stderr.splitlines()[-1] == why, result.stderr
    assert script.read_text(encoding="utf-8") == original


def test_sarif_rule_descriptions_join_chinese_lines_without_a_space(tmp_path):
    import json

    team = tmp_path / "team"
    assert huifang("init", team).returncode == 0
    result = huifang("lint", "--project", team, "--format", "sarif")
    rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    texts = {rule["id"]: rule["fullDescription"]["text"] for rule in rules}
    assert "无论繁体还是简体、全角还是半角" in texts["forbidden-phrase"]
    assert "（至多前 max_turns 句，默认 3 句）" in texts["missing-greeting"]  # spaces written inside a line stay
    assert not any(re.search("[、，。；：）] ", text) for text in texts.values()), texts  # 「…，」 ended a wrapped line


def test_plan_names_the_scenario_meant_by_a_row_it_does_not_know(tmp_path):
    events = tmp_path / "事件.csv"
    events.write_text("客户,电话,场景,日期,坐席\n李先生,13800000001,维修回访,2026-03-02,张三\n", encoding="utf-8")
    result = huifang("plan", "--project", MINIMAL, events, "--from", "2026-03-02", "--to", "2026-03-08", "--no-db")
    assert f"{events}:2:17: 不认识的场景「维修回访」，是否想写 '维修后回访'？" in result.stderr.splitlines(), (
        result.stderr
    )


def test_new_in_a_one_org_team_writes_its_org_and_says_how_to_get_the_schemas(tmp_path):
    """`huifang new script` in the repository `huifang init` made: the file had no org:, so lint warned at once that
    {公司} has no value; its first line names ../schemas/, which init does not make."""
    team = tmp_path / "team"
    assert huifang("init", team).returncode == 0
    result = huifang("new", "script", "tousu-huifang", "--project", team)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "编辑器自动补全要用的 schemas/ 还没有：运行 huifang schema 生成"
    assert "\norg: benjigou\n" in (team / "scripts_src" / "tousu-huifang.yaml").read_text(encoding="utf-8")
    lint = huifang("lint", "--project", team, team / "scripts_src" / "tousu-huifang.yaml")
    assert (lint.returncode, lint.stderr) == (0, "全部通过：没有发现问题\n"), lint.stdout + lint.stderr
    assert huifang("schema", "--project", team).returncode == 0
    again = huifang("new", "scenario", "tousu", "--project", team)
    assert again.returncode == 0 and "schemas/" not in again.stderr, again.stderr
    assert huifang("check", "--project", team).returncode == 0


@pytest.mark.parametrize("fmt", ["html", "xlsx"])
def test_qa_into_a_file_names_the_transcript_it_could_not_read(tmp_path, fmt):
    """A folder with one broken transcript, scored into a workbook or a page: the run ended 1 with only 已写入 …
    (2 通) said; the broken file was only inside the output."""
    calls = tmp_path / "录音转写"
    calls.mkdir()
    shutil.copy(CALL, calls / "a.txt")
    (calls / "坏文件.json").write_text('{"segments": [{"start": 0.0 "end": 1.0}]}\n', encoding="utf-8")
    out = tmp_path / f"质检.{fmt}"
    result = huifang("qa", "--project", REPO, "--no-db", "--format", fmt, "--out", out, calls)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert lines[:-1] == [f"{calls}/坏文件.json:1:29: 不是合法的 JSON：此处缺少逗号"], result.stderr
    assert lines[-1] == f"已写入 {out}（1 通）"


def test_maintainers_page_shows_every_recognised_wording_whole(tmp_path):
    """The page listing the wordings lint recognises put each pattern in a Markdown table with HTML escaping only:
    a `|` in 欢迎(您|你)? ended the cell (every later pattern of the element was lost) and 请问*是* became
    emphasis."""
    import html

    import yaml

    team = tmp_path / "team"
    assert huifang("init", team).returncode == 0
    result = huifang("build", "--project", team, "--no-forms", "--site-dir", tmp_path / "site", timeout=300)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "maintainers" / "index.html").read_text(encoding="utf-8")
    shown = [html.unescape(code) for code in re.findall(r"<code>(.*?)</code>", page)]
    standards = yaml.safe_load((team / "content" / "standards.yaml").read_text(encoding="utf-8"))
    patterns = [p for part in ("greeting", "closing") for e in standards[part]["elements"] for p in e["patterns"]]
    assert "欢迎(您|你)?(光临|致电|来电|参观|莅临|咨询|拨打)" in patterns and "请问*是*(吗|么|嘛)" in patterns
    assert [p for p in patterns if p not in shown] == []
    table = page[page.index("开头语与结束语的识别说法") :]
    assert "<em>" not in table


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (  # the colon forgotten: the error is on the next line, where PyYAML stops
            "id fuwu\ntitle: 服务回访\n",
            "content/orgs/bad.yaml:2:6: YAML 语法错误：此处不能出现冒号映射（含冒号的文字请加引号）；"
            "第 1 行「id fuwu」是否少了冒号？",
        ),
        (  # a full-width colon typed with a Chinese input method
            "id：fuwu\ntitle: 服务回访\n",
            "content/orgs/bad.yaml:2:6: YAML 语法错误：此处不能出现冒号映射（含冒号的文字请加引号）；"
            "第 1 行「id：fuwu」的冒号是全角的「：」，键后要用半角冒号 :",
        ),
        (
            "id: fuwu\nname：某公司\nhotline: '1'\n",
            "content/orgs/bad.yaml:3:1: YAML 语法错误：找不到预期的冒号 ':'；"
            "第 2 行「name：某公司」的冒号是全角的「：」，键后要用半角冒号 :",
        ),
        (  # a colon inside a value: no line above to blame
            "id: bad\nname: 公司: 客服部\n",
            "content/orgs/bad.yaml:2:9: YAML 语法错误：此处不能出现冒号映射（含冒号的文字请加引号）",
        ),
    ],
)
def test_a_yaml_key_without_its_colon_names_the_line_to_fix(tmp_path, text, said):
    """huifang check put the error on the line after the one to fix, and said nothing of the colon."""
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    (project / "content" / "orgs" / "bad.yaml").write_text(text, encoding="utf-8")
    result = huifang("check", "--project", project)
    assert result.returncode == 1 and said in result.stdout.splitlines(), result.stdout


def test_maintainers_page_shows_the_findings_of_free_form_scripts(tmp_path):
    """`huifang build` counted a free-form script's findings (and refused to build on its errors), but the 维护者 page
    listed YAML scripts only: with --lint-errors warn the findings were on no page at all."""
    import html

    team = tmp_path / "team"
    assert huifang("init", team).returncode == 0
    (team / "scripts_src" / "自由话术").mkdir()
    (team / "scripts_src" / "自由话术" / "投诉回访.txt").write_text(
        "客服：您好，请问是李先生吗？这里是某某服务有限公司，我是客服专员小张。\n客服：这不归我管。\n"
        "客服：感谢您的支持，祝您生活愉快，再见！\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = huifang("build", "--project", team, "--no-forms", "--lint-errors", "warn", "--site-dir", site, timeout=300)
    assert result.returncode == 0, result.stderr
    page = (site / "maintainers" / "index.html").read_text(encoding="utf-8")
    article = html.unescape(re.sub(r"<[^>]+>", "", page[page.index("<article") :]))
    others = article[article.index("其他文件") : article.index("开头语与结束语的识别说法")]
    assert "scripts_src/自由话术/投诉回访.txt" in others
    assert "第 2 行第 4 列（错误）：忌语「这不归我管」" in others, others
