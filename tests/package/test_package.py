"""huifang as a team installs it: the wheel in a fresh virtualenv, used in a folder outside this repository;
the light install (check and lint only); the pre-commit hook run for real; the lock in step with pyproject."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
UV = Path(sys.executable).parent / "uv"
LOCK = REPO / "requirements.lock"
BAD_SCRIPT = """id: bad
title: 坏话术
org: benjigou
opening:
  - 喂，你自己想办法吧，这不归我管。
questions: [fuwu-manyi]
"""


def run(*args, cwd=None, env=None, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def clean_env() -> dict:
    """No trace of this checkout: the installed huifang must stand on its own."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "HUIFANG_PROJECT")}
    env["HUIFANG_NO_CACHE"] = "1"
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from the files git tracks (what a release is built from), not from this working tree."""
    source = tmp_path_factory.mktemp("source")
    tracked = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO).stdout.split("\0")
    for rel in filter(None, tracked):
        if (REPO / rel).is_file():
            (source / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / rel, source / rel)
    out = tmp_path_factory.mktemp("dist")
    result = run(UV, "build", "--wheel", "--out-dir", out, source)
    assert result.returncode == 0, result.stderr
    (found,) = out.glob("huifang-*.whl")
    return found


def venv_with(tmp_path_factory, name: str, requirement: str) -> Path:
    folder = tmp_path_factory.mktemp(name)
    assert run(UV, "venv", "-q", "--python", sys.executable, folder / "venv").returncode == 0
    python = folder / "venv" / "bin" / "python"
    result = run(UV, "pip", "install", "-q", "--python", python, requirement, "-c", LOCK)
    assert result.returncode == 0, result.stderr
    return folder / "venv"


@pytest.fixture(scope="module")
def full_venv(tmp_path_factory, wheel) -> Path:
    return venv_with(tmp_path_factory, "full", f"huifang[all] @ {wheel.as_uri()}")


def test_wheel_installs_the_package_huifang_and_nothing_named_generator(full_venv):
    site = next((full_venv / "lib").glob("python*/site-packages"))
    assert (site / "huifang" / "templates" / "pages" / "home.md.j2").is_file()
    assert (site / "huifang" / "site" / "mkdocs.yml").is_file()
    assert (site / "huifang" / "site" / "assets" / "mermaid" / "mermaid.min.js").stat().st_size > 1_000_000
    assert not (site / "generator").exists()
    result = run(full_venv / "bin" / "python", "-m", "huifang", "--version", env=clean_env())
    assert result.returncode == 0 and result.stdout.strip() == f"huifang {pyproject_version()}"


def pyproject_version() -> str:
    import tomllib

    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_the_version_huifang_reports_is_the_version_it_is_released_as():
    """`huifang --version`, SARIF's tool version and the pins `huifang init` writes into a new team's CI and
    pre-commit config all read `huifang.__version__`: it said 0.1.0 in the 0.2.0 wheel, so a new team's CI
    installed an older huifang than the one that made the repository."""
    from huifang import __version__

    assert __version__ == pyproject_version()


def test_init_then_check_lint_build_forms_outside_the_repository(full_venv, tmp_path):
    huifang = full_venv / "bin" / "huifang"
    team = tmp_path / "team"
    env = clean_env()
    result = run(huifang, "init", team, cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    version = pyproject_version()
    workflow = (team / ".github" / "workflows" / "huifang.yml").read_text(encoding="utf-8")
    assert f'python -m pip install "./packages/huifang-{version}-py3-none-any.whl"' in workflow
    for command in (["check"], ["lint"], ["build"], ["forms", "--out", tmp_path / "printed"]):
        result = run(huifang, *command, cwd=team, env=env)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
    assert (team / "site" / "index.html").is_file()
    assert (team / "site" / "scenarios" / "fuwu-wancheng.html").is_file()
    assert (team / "site" / "forms" / "huifang-jilu.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "printed" / "huifang-jilu.pdf").is_file()
    assert (team / "site" / "forms" / "qa-huifang-zhijian.pdf").read_bytes().startswith(b"%PDF")  # the QA sheet
    # a second init refuses the now non-empty folder
    again = run(huifang, "init", team, env=env)
    assert again.returncode == 2 and "不是空的" in again.stderr


def test_shipped_rule_book_in_a_folder_of_its_own(full_venv, tmp_path):
    """A team folder holding only content/, scripts_src/ and huifang.yaml: the README's promise of --project."""
    team = tmp_path / "copy"
    for name in ("content", "scripts_src"):
        shutil.copytree(REPO / name, team / name)
    shutil.copy(REPO / "huifang.yaml", team / "huifang.yaml")
    huifang = full_venv / "bin" / "huifang"
    env = clean_env()
    for command in (["check"], ["lint"], ["build", "--no-forms"], ["forms", "--only", "anzhun-huifang-jilu"]):
        result = run(huifang, *command, "--project", team, cwd=tmp_path, env=env)
        assert result.returncode == 0, (command, result.stdout[-2000:], result.stderr[-2000:])
    assert (team / "site" / "scenarios" / "anzhun-kehu-tousu.html").is_file()
    assert (team / "site" / "forms" / "anzhun-huifang-jilu.pdf").is_file()


def test_from_example_starts_from_the_shipped_rule_book(full_venv, tmp_path):
    huifang = full_venv / "bin" / "huifang"
    team = tmp_path / "example"
    assert run(huifang, "init", team, "--from-example", env=clean_env()).returncode == 0
    assert len(list((team / "content" / "scenarios").glob("*.yaml"))) == len(
        list((REPO / "content" / "scenarios").glob("*.yaml"))
    )
    result = run(huifang, "check", "--project", team, env=clean_env())
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_new_teams_ci_installs_huifang_with_real_pip_offline(full_venv, wheel, tmp_path):
    """The workflow `huifang init` writes ran `pip install "huifang==0.2.0"`, and huifang is not on PyPI: every new
    team's first pull request failed. Its steps are run here as the runner would, in the new repository's root:
    the install line by real pip in a fresh virtualenv with no index (the dependencies put there first, as PyPI
    would give them; huifang itself only from what the repository holds), then check and lint."""
    import yaml

    team = tmp_path / "team"
    made = run(full_venv / "bin" / "huifang", "init", team, env=clean_env())
    assert made.returncode == 0, made.stderr
    assert (team / "packages" / wheel.name).read_bytes() == wheel.read_bytes()
    steps = yaml.safe_load((team / ".github" / "workflows" / "huifang.yml").read_text(encoding="utf-8"))["jobs"]
    commands = [step["run"] for step in steps["check"]["steps"] if "run" in step]
    assert commands[0].startswith("python -m pip install "), commands
    fresh = tmp_path / "runner"
    assert run(sys.executable, "-m", "venv", fresh).returncode == 0  # with pip, as setup-python gives it
    python = fresh / "bin" / "python"
    assert (
        run(UV, "pip", "install", "-q", "--python", python, f"huifang @ {wheel.as_uri()}", "-c", LOCK).returncode == 0
    )
    assert run(UV, "pip", "uninstall", "-q", "--python", python, "huifang").returncode == 0
    env = clean_env() | {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": "", "PIP_CONFIG_FILE": os.devnull}
    env["PATH"] = f"{fresh / 'bin'}{os.pathsep}{env['PATH']}"
    for command in commands:
        result = run("bash", "-c", command, cwd=team, env=env)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
    site = next((fresh / "lib").glob("python*/site-packages"))
    (record,) = site.glob("huifang-*.dist-info/direct_url.json")
    assert json.loads(record.read_text(encoding="utf-8"))["url"].endswith(f"/team/packages/{wheel.name}")
    readme = (team / "README.md").read_text(encoding="utf-8")
    assert f'pip install "./packages/{wheel.name}[all]"' in readme and "pip install huifang" not in readme


def test_light_install_checks_and_lints_and_names_the_extra_it_lacks(tmp_path_factory, wheel, tmp_path):
    light = venv_with(tmp_path_factory, "light", f"huifang @ {wheel.as_uri()}")
    site = next((light / "lib").glob("python*/site-packages"))
    for heavy in ("weasyprint", "mkdocs", "jieba", "polars"):
        assert not (site / heavy).exists(), heavy
    huifang = light / "bin" / "huifang"
    team = tmp_path / "team"
    env = clean_env()
    assert run(huifang, "init", team, env=env).returncode == 0
    assert run(huifang, "check", cwd=team, env=env).returncode == 0
    assert run(huifang, "lint", cwd=team, env=env).returncode == 0
    result = run(huifang, "build", cwd=team, env=env)
    assert result.returncode == 2
    # huifang is not on PyPI: the command names the wheel this huifang was installed from
    assert result.stderr.strip() == f"huifang build 需要附加组件：请运行 pip install '{wheel}[all]'"
    result = run(huifang, "forms", cwd=team, env=env)
    assert result.stderr.strip() == f"huifang forms 需要附加组件：请运行 pip install '{wheel}[forms]'"


def test_pre_commit_hook_runs_from_this_repository_and_fails_on_a_bad_script(tmp_path):
    team = tmp_path / "team"
    env = {**clean_env(), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    python = Path(sys.executable)
    assert run(python, "-m", "huifang", "init", team, env=env).returncode == 0
    (team / "scripts_src" / "bad.yaml").write_text(BAD_SCRIPT, encoding="utf-8")
    run("git", "init", "-q", cwd=team)
    run("git", "add", "-A", cwd=team)
    result = run(
        python, "-m", "pre_commit", "try-repo", REPO, "huifang-lint", "--all-files", cwd=team, env=env, timeout=900
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "scripts_src/bad.yaml:" in output and "这不归我管" in output
    # (the hook's environment is `pip install .`, the base install: test_light_install checks what that holds)


def test_lock_agrees_with_pyproject(tmp_path):
    """`./dev.sh lock` would change nothing: every pin still satisfies pyproject.toml and nothing is missing."""
    out = tmp_path / "requirements.lock"
    shutil.copy(LOCK, out)
    result = run(
        UV,
        "pip",
        "compile",
        "-q",
        REPO / "pyproject.toml",
        "--extra",
        "test",
        "--generate-hashes",
        "--universal",
        "--python-version",
        "3.11",
        "-o",
        out,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    strip = lambda text: [line for line in text.splitlines() if not line.strip().startswith("#")]  # noqa: E731
    assert strip(out.read_text()) == strip(LOCK.read_text()), "requirements.lock is stale: run ./dev.sh lock"


def test_every_folder_of_code_is_in_the_package_list():
    """pyproject.toml lists the packages by hand (generator/ installs as huifang): a new folder must be added."""
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        "huifang" + "".join("." + part for part in init.parent.relative_to(REPO / "generator").parts)
        for init in (REPO / "generator").rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(found - listed)}"
