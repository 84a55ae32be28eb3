"""Nothing lost, nothing injected, same output every time: the writing commands under stress."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import MINIMAL, REPO, huifang
from tests.hostile import HOSTILE, plant
from tests.reliability.conftest import as_from_a_shell, snapshot

pytestmark = pytest.mark.timeout(600)


def leftovers(parent: Path) -> list[str]:
    return sorted(
        p.name
        for p in parent.iterdir()
        if p.name.startswith(".") and (".new." in p.name or ".old." in p.name or p.name.endswith(".tmp"))
    )


def with_file_size_limit(limit: int):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, like a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def run_limited(args, limit: int, cwd: Path = REPO):
    return subprocess.run(
        [sys.executable, "-m", "huifang", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=with_file_size_limit(limit),
    )


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_failed_build_keeps_the_previous_site(project, case):
    before = snapshot(project / "site")
    rel, content, expected = HOSTILE[case]
    plant(project, rel, content)
    result = huifang("build", "--project", project, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert expected in result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_failed_forms_keep_the_previous_pdfs(project):
    before = snapshot(project / "site" / "forms")
    plant(project, *HOSTILE["unknown field type"][:2])
    result = huifang("forms", "--project", project, "--no-progress")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert snapshot(project / "site" / "forms") == before


def test_full_disk_during_build_keeps_the_previous_site(project):
    before = snapshot(project / "site")
    (project / "content/orgs/demo.yaml").write_text(
        (project / "content/orgs/demo.yaml").read_text(encoding="utf-8").replace("示例物业公司", "示例物业服务公司"),
        encoding="utf-8",
    )
    result = run_limited(["build", "--project", project], 200_000)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "文件读写失败" in result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_full_disk_during_forms_keeps_the_previous_pdfs(project):
    before = snapshot(project / "site" / "forms")
    (project / "content/forms/demo-tousu.yaml").write_text(
        (project / "content/forms/demo-tousu.yaml").read_text(encoding="utf-8").replace("客户名称", "客户全称"),
        encoding="utf-8",
    )
    result = run_limited(["forms", "--project", project, "--no-progress", "--jobs", "1"], 20_000)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert snapshot(project / "site" / "forms") == before
    assert not [p for p in (project / "site" / "forms").iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("delay", [0.0, 0.7, 2.5])
def test_interrupted_build_keeps_the_previous_site(project, delay):
    before = snapshot(project / "site")
    process = subprocess.Popen(
        [sys.executable, "-m", "huifang", "build", "--project", str(project)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=as_from_a_shell,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(".new." in p.name for p in project.iterdir()):
        time.sleep(0.02)
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    # 130 with a message when interrupted mid-build; 0 or -SIGINT when the signal came after the swap
    assert process.returncode in (0, -signal.SIGINT) or (process.returncode == 130 and "已中断" in err), err
    assert "Traceback" not in err
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_lint_fix_on_a_full_disk_leaves_the_source(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    script = project / "scripts_src" / "rude.txt"
    text = (
        "客服：您好，我是示例物业公司客服，请问您现在方便接电话吗？\r\n" * 400
        + "客服：你自己想办法吧！\r\n客服：感谢您的支持，祝您生活愉快，再见！\r\n"
    )
    script.write_bytes(text.encode("utf-8"))
    script.chmod(0o640)
    result = run_limited(["lint", "--fix", "--project", project, script], 4096)
    assert "Traceback" not in result.stderr
    assert script.read_bytes() == text.encode("utf-8")
    assert oct(script.stat().st_mode & 0o777) == oct(0o640)
    assert not [p for p in script.parent.iterdir() if p.name.endswith(".tmp")]


INJECTIONS = {
    "script tag": "<script>alert('x')</script>",
    "image handler": "<img src=x onerror=alert(1)>",
    "jinja expression": "{{ 7 * 7 }}",
    "jinja statement": "{% for x in range(3) %}循环{% endfor %}",
    "javascript link": "[点我](javascript:alert(1))",
    "html entity": "&lt;b&gt;粗体&lt;/b&gt;",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(MINIMAL, project)
    org = project / "content/orgs/demo.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace(
            "hotline:", "department: '" + INJECTIONS["script tag"].replace("'", "''") + "'\nhotline:"
        ),
        encoding="utf-8",
    )
    etiquette = "groups:\n  - id: demo-jieting\n    title: '" + INJECTIONS["jinja statement"] + "'\n    rules:\n"
    for i, (_name, text) in enumerate(INJECTIONS.items()):
        quoted = "'" + text.replace("'", "''") + "'"
        etiquette += f"      - {{id: demo-r{i}, text: {quoted}, why: {quoted}}}\n"
    (project / "content/etiquette/demo.yaml").write_text(etiquette, encoding="utf-8")
    form = project / "content/forms/demo-tousu.yaml"
    form.write_text(
        form.read_text(encoding="utf-8").replace("title: 客户投诉单", "title: '客户投诉单 {{ 7 * 7 }} <b>粗</b>'"),
        encoding="utf-8",
    )
    result = huifang("build", "--project", project, "--lint-errors", "warn", timeout=300)
    assert result.returncode == 0, result.stderr
    return project / "site"


class Page(HTMLParser):
    """What a browser would show and run: visible text, scripts, handlers and link targets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.scripts, self.handlers, self.links, self._in = [], [], [], [], None

    def handle_starttag(self, tag, attrs):
        self._in = tag if tag in ("script", "style") else None
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(value or "")
            if name in ("href", "src") and value:
                self.links.append(value)

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        (self.scripts if self._in == "script" else self.text).append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_yaml_text_is_never_markup_on_the_site(hostile_site):
    for path in hostile_site.rglob("*.html"):
        page = parse(path)
        assert not any("alert(" in script for script in page.scripts), path
        assert not any("alert(" in handler for handler in page.handlers), path
        assert not any(link.strip().lower().startswith("javascript:") for link in page.links), path
    pages = [hostile_site / "etiquette.html", *sorted((hostile_site / "etiquette").glob("*.html"))]
    visible = "".join("".join(parse(page).text) for page in pages)  # 电话礼仪 is split by situation
    for name, text in INJECTIONS.items():
        assert text in visible, name
    assert "循环循环循环" not in visible


def test_yaml_text_is_never_markup_in_the_pdfs(hostile_site):
    text = "".join(page.extract_text() for page in PdfReader(hostile_site / "forms" / "demo-tousu.pdf").pages)
    assert "{{ 7 * 7 }}" in text.replace("\n", "") and "<b>粗</b>" in text.replace("\n", "")


def test_same_inputs_give_identical_output_on_different_days_and_places(tmp_path):
    if not shutil.which("faketime"):
        pytest.skip("faketime is installed by ./dev.sh setup")
    first, second = tmp_path / "one" / "project", tmp_path / "elsewhere" / "deeper" / "copy"
    shutil.copytree(MINIMAL, first)
    shutil.copytree(MINIMAL, second)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    for folder, day in ((first, "2024-01-02 03:04:05"), (second, "2031-12-30 23:59:00")):
        result = subprocess.run(
            ["faketime", day, sys.executable, "-m", "huifang", "build", "--project", str(folder)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
        )
        assert result.returncode == 0, result.stderr
    one, two = snapshot(first / "site"), snapshot(second / "site")
    assert sorted(one) == sorted(two)
    different = [name for name in one if one[name] != two[name]]
    assert different == []
    assert any(name.endswith(".pdf") for name in one) and "search/search_index.json" in one


def test_a_ctrl_c_python_wrapped_in_another_error_is_still_an_interrupt():
    """Python 3.11 reports a KeyboardInterrupt raised while a class is created (MkDocs' config classes, at
    import) as RuntimeError; huifang must say 已中断 and exit 130, not report an internal error."""
    from huifang.cli import caused_by_ctrl_c

    class Interrupting:
        def __set_name__(self, owner, name):
            raise KeyboardInterrupt

    try:
        type("Config", (), {"pages": Interrupting()})
    except RuntimeError as exc:
        wrapped = exc
    except KeyboardInterrupt as exc:  # Python 3.12 and later raise it as it is
        wrapped = RuntimeError("wrapped")
        wrapped.__cause__ = exc
    assert caused_by_ctrl_c(wrapped)
    assert not caused_by_ctrl_c(RuntimeError("an internal error"))
