"""Exit codes and one-line reasons, through the real command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO, huifang


def lint(proj, *args):
    return huifang("lint", "--project", proj, *args)


def test_exit_0_without_errors(proj):
    run = lint(proj, proj / "scripts_src" / "good.yaml")
    assert (run.returncode, run.stdout) == (0, "")


def test_exit_0_with_only_warnings(proj):
    (proj / "scripts_src" / "w.txt").write_text(
        "客服：您好，我是安心物业客服。\n客服：请问您满意吗？\n客服：感谢您，祝您愉快，再见！\n", encoding="utf-8"
    )
    run = lint(proj, proj / "scripts_src" / "w.txt")
    assert run.returncode == 0 and "警告 missing-greeting" in run.stdout


def test_exit_1_with_errors(proj):
    assert lint(proj).returncode == 1


def test_exit_2_bad_usage(proj, tmp_path):
    for args, needle in [((proj / "nope.md",), "不存在"), ((proj / "huifang.yaml.bak",), "不存在")]:
        run = lint(proj, *args)
        assert run.returncode == 2 and needle in run.stderr and len(run.stderr.splitlines()) == 1
    (proj / "x.pdf").write_bytes(b"%PDF")
    run = lint(proj, proj / "x.pdf")
    assert run.returncode == 2 and "只能检查" in run.stderr
    run = huifang("lint", "--project", tmp_path / "missing")
    assert run.returncode == 2 and "Traceback" not in run.stderr and len(run.stderr.splitlines()) == 1
    run = huifang("lint", "--format", "xml")
    assert run.returncode == 2


def test_unreadable_input_is_a_finding_with_exit_1(proj):
    (proj / "scripts_src" / "gbk.txt").write_bytes("客服：您好".encode("gbk"))
    run = lint(proj, proj / "scripts_src" / "gbk.txt")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    [line] = [x for x in run.stdout.splitlines() if x.startswith("scripts_src/gbk.txt:1:1:")]
    assert "UTF-8" in line and "GBK" in line


def test_exit_2_bad_config(proj):
    (proj / "huifang.yaml").write_text("lint:\n  rules:\n    forbiden-phrase: off\n", encoding="utf-8")
    run = lint(proj)
    assert run.returncode == 2 and "forbidden-phrase" in run.stderr and len(run.stderr.splitlines()) == 1
    (proj / "huifang.yaml").write_text("lint:\n  extends: loose\n", encoding="utf-8")
    assert lint(proj).returncode == 2


def test_severity_config_and_presets(proj):
    (proj / "huifang.yaml").write_text(
        "default_org: anxin\nlint:\n  rules:\n    forbidden-phrase: warning\n    unknown-placeholder: 'off'\n",
        encoding="utf-8",
    )
    rows = json.loads(lint(proj, "--format", "json").stdout)
    assert {r["severity"] for r in rows if r["rule"] == "forbidden-phrase"} == {"warning"}
    assert not [r for r in rows if r["rule"] == "unknown-placeholder"]
    (proj / "huifang.yaml").write_text("default_org: anxin\nlint:\n  extends: strict\n", encoding="utf-8")
    rows = json.loads(lint(proj, "--format", "json").stdout)
    assert {r["severity"] for r in rows} == {"error"}


def test_ignore_globs(proj):
    (proj / "huifang.yaml").write_text(
        "default_org: anxin\nlint:\n  ignore: [scripts_src/phrases.yaml]\n", encoding="utf-8"
    )
    rows = json.loads(lint(proj, "--format", "json").stdout)
    assert rows and not [r for r in rows if r["path"] == "scripts_src/phrases.yaml"]


def test_ignore_is_gitignore_syntax(proj):
    """A folder pattern, `**`, and `!` to keep one file back, as in .gitignore."""
    drafts = proj / "scripts_src" / "草稿"
    (drafts / "深").mkdir(parents=True)
    for path in (drafts / "a.txt", drafts / "深" / "b.txt", drafts / "保留.txt", proj / "scripts_src" / "c-旧版.txt"):
        path.write_text("客服：你自己想办法吧\n", encoding="utf-8")
    (proj / "huifang.yaml").write_text(
        "default_org: anxin\nlint:\n  ignore: [scripts_src/草稿/, '!scripts_src/草稿/保留.txt', '**/*-旧版.txt']\n",
        encoding="utf-8",
    )
    rows = json.loads(lint(proj, "--format", "json").stdout)
    paths = {r["path"] for r in rows if r["rule"] == "forbidden-phrase"}
    assert "scripts_src/草稿/保留.txt" in paths
    assert not paths & {"scripts_src/草稿/a.txt", "scripts_src/草稿/深/b.txt", "scripts_src/c-旧版.txt"}


def test_inline_disable(proj):
    src = proj / "scripts_src"
    (src / "d.txt").write_text(
        "客服：你自己想办法吧 # huifang: disable=forbidden-phrase\n"
        "<!-- huifang: disable -->\n客服：你自己想办法吧\n客服：你自己想办法吧\n",
        encoding="utf-8",
    )
    rows = json.loads(lint(proj, "--format", "json", src / "d.txt").stdout)
    assert [r["line"] for r in rows if r["rule"] == "forbidden-phrase"] == [4]
    (src / "f.md").write_text("<!-- huifang: disable-file -->\n客服：你自己想办法吧\n", encoding="utf-8")
    assert json.loads(lint(proj, "--format", "json", src / "f.md").stdout) == []
    (src / "y.yaml").write_text(
        "# huifang: disable-file=missing-greeting,forbidden-phrase\nid: y\ntitle: y\n"
        "org: anxin\nopening:\n  - 你自己想办法吧\nsteps:\n  - 你自己想办法吧  # huifang: disable\n"
        "  - ask: anxin-manyi\n",
        encoding="utf-8",
    )
    assert json.loads(lint(proj, "--format", "json", src / "y.yaml").stdout) == []


def test_no_compose(proj):
    rows = json.loads(lint(proj, "--format", "json", "--no-compose", proj / "scripts_src" / "good.yaml").stdout)
    assert {r["rule"] for r in rows} == {"missing-greeting", "missing-closing"}


def test_directory_argument_and_unrelated_yaml_skipped(proj):
    (proj / "scripts_src" / "sub").mkdir()
    (proj / "scripts_src" / "sub" / "a.md").write_text("客服：你自己想办法吧\n", encoding="utf-8")
    (proj / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    rows = json.loads(lint(proj, "--format", "json", proj / "scripts_src" / "sub", proj / "mkdocs.yml").stdout)
    assert {r["path"] for r in rows} == {"scripts_src/sub/a.md"}


def test_content_file_argument_lints_scripts_using_it(proj):
    org = proj / "content" / "orgs" / "anxin.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace("    - 好的，谢谢。", "    - 好的，你自己想办法吧。"), encoding="utf-8"
    )
    rows = json.loads(lint(proj, "--format", "json", org).stdout)
    assert rows and {r["path"] for r in rows} == {"content/orgs/anxin.yaml"}


def test_lint_project_api(proj):
    from huifang.lint.api import lint_by_script, lint_project
    from huifang.project import load_project

    loaded = load_project(proj)
    problems = lint_project(loaded)
    assert {p.rule for p in problems} >= {"forbidden-phrase", "unknown-placeholder", "missing-closing"}
    per_script = lint_by_script(loaded)
    assert per_script["good"] == [] and per_script["phrases"]


def test_shipped_content_lints_without_crashing():
    run = huifang("lint", "--format", "json", cwd=REPO)
    assert run.returncode in (0, 1), run.stderr
    json.loads(run.stdout)


def test_parallel_workers_give_the_same_findings(proj):
    folder = proj / "scripts_src" / "many"
    folder.mkdir()
    for i in range(60):
        body = (
            "客服：您好，我是安心物业客服，方便吗？\n"
            + ("客服：你自己想办法吧！\n" if i % 3 == 0 else "")
            + ("客服：这不可能。 # huifang: disable=forbidden-phrase\n" if i % 5 == 0 else "")
            + "客服：感谢您，祝您愉快，再见！\n"
        )
        (folder / f"s{i:03d}.{'md' if i % 2 else 'txt'}").write_text(body, encoding="utf-8")
    (folder / "s030.txt").write_bytes("客服：您好".encode("gbk"))  # one bad file among them, in a worker's chunk
    runs = []
    for jobs, env_jobs in (("1", ""), ("2", ""), ("auto", "2"), ("3", "1")):
        env = {**os.environ, "HUIFANG_JOBS": env_jobs}
        runs.append(
            subprocess.run(
                [sys.executable, "-m", "huifang", "lint", "--project", str(proj), str(folder)]
                + ["--format", "json", "--jobs", jobs],
                capture_output=True,
                text=True,
                env=env,
                cwd=REPO,
            )
        )
    assert all((r.stdout, r.returncode) == (runs[0].stdout, 1) for r in runs[1:])
    rows = json.loads(runs[0].stdout)
    assert len(rows) == 20 and [r["path"] for r in rows if r["line"] == 1 and "GBK" in r["message"]] == [
        "scripts_src/many/s030.txt"
    ]
    env = {**os.environ, "HUIFANG_JOBS": "2"}
    subprocess.run(
        [sys.executable, "-m", "huifang", "lint", "--project", str(proj), str(folder), "--fix"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
    )
    assert "请您不要着急" in (folder / "s000.txt").read_text(encoding="utf-8")


def test_workers_start_only_when_asked_or_when_they_pay_off(proj):
    # One file (a pre-commit hook): the worker module is not even imported; --jobs 2 on a folder starts workers,
    # forked without multiprocessing (huifang.forkmap).
    folder = proj / "scripts_src" / "few"
    folder.mkdir()
    for i in range(50):
        (folder / f"s{i:02d}.txt").write_text(
            "客服：您好，我是安心物业客服，方便吗？\n客服：再见！\n", encoding="utf-8"
        )
    probe = (
        "import sys\nfrom huifang.cli import main\ncode = main(sys.argv[1:])\n"
        "print('huifang.forkmap' in sys.modules, 'multiprocessing' in sys.modules, file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "HUIFANG_JOBS"}

    def imported(*args) -> str:
        run = subprocess.run(
            [sys.executable, "-c", probe, "lint", "--project", str(proj), *map(str, args)],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
        )
        return run.stderr.splitlines()[-1]

    assert imported(folder / "s00.txt") == "False False"
    assert imported(folder) == "False False"  # 50 files: fewer than pay for a worker's start
    assert imported(folder, "--jobs", "1") == "False False"
    assert imported(folder, "--jobs", "2") == "True False"


def test_bad_jobs_value_is_a_usage_error(proj):
    for value in ("0", "-1", "two", ""):
        run = lint(proj, "--jobs", value)
        assert run.returncode == 2 and "Traceback" not in run.stderr
        assert "--jobs" in run.stderr and "正整数或 auto" in run.stderr


def test_one_script_of_many_no_dangling_references(proj):
    # The scenario names scripts that are not loaded when linting one file: not an error.
    rows = json.loads(lint(proj, "--format", "json", proj / "scripts_src" / "good.yaml").stdout)
    assert rows == []
    (proj / "content" / "scenarios" / "weixiu.yaml").write_text(
        (proj / "content" / "scenarios" / "weixiu.yaml").read_text(encoding="utf-8").replace("branches", "gone"),
        encoding="utf-8",
    )
    rows = json.loads(lint(proj, "--format", "json").stdout)
    assert [r["line"] for r in rows if r["rule"] == "check"] == [8]


def test_the_command_ends_at_once_yet_writes_everything_and_its_exit_handlers_run(proj, tmp_path):
    """`huifang lint` run as a command ends with os._exit once its output is written (no interpreter
    teardown): the whole output arrives, exit handlers run (the regexes it compiled are kept), and under a
    profiler the profile is still written."""
    cache = tmp_path / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("HUIFANG_NO_CACHE", None)
    command = [sys.executable, "-m", "huifang", "lint", "--project", str(proj), "--format", "json"]
    run = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=env)
    assert run.returncode == 1 and json.loads(run.stdout)  # complete JSON: nothing cut off
    assert list((cache / "huifang").glob("regex-*/*.marshal"))  # written by an exit handler
    profile = tmp_path / "lint.prof"
    profiled = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(profile), *command[1:]], capture_output=True, cwd=REPO, env=env
    )
    assert json.loads(profiled.stdout) and profile.stat().st_size > 0  # (cProfile itself exits 0)
