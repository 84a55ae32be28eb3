"""`huifang serve`: the handbook on 127.0.0.1, rebuilt when a YAML file changes."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.site.conftest import HOSTILE


def stop(server: subprocess.Popen) -> None:
    """Ctrl-C the server's process group; kill it if it does not stop in 20 s."""
    os.killpg(server.pid, signal.SIGINT)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if text in fetch(url):
            return time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"{text!r} did not appear at {url} within {timeout}s")


def serve_hostile(tmp_path: Path, *options: str) -> tuple[Path, int, subprocess.Popen]:
    """`huifang serve` (no forms) on a copy of the hostile fixture, on a free port, in a session of its own."""
    project = tmp_path / "project"
    shutil.copytree(HOSTILE, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    port = free_port()
    command = [sys.executable, "-m", "huifang", "serve", "--project", str(project), "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*command, "--no-forms", *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    return project, port, server


def test_serve_reloads_after_a_script_edit(tmp_path: Path):
    project, port, server = serve_hostile(tmp_path)
    try:
        url = f"http://127.0.0.1:{port}/scenarios/demo-weixiu.html"
        wait_for(url, "维修后回访话术", 120)
        script = project / "scripts_src" / "demo-weixiu.yaml"
        script.write_text(
            script.read_text(encoding="utf-8").replace("维修后回访话术", "维修完成后的回访话术"), encoding="utf-8"
        )
        wait_for(url, "维修完成后的回访话术", 60)
    finally:
        stop(server)
    said = server.stderr.read().decode("utf-8") if server.stderr else ""
    assert f"手册预览：http://127.0.0.1:{port}/（按 Ctrl+C 停止）" in said and "发现文件有修改" in said, said
    assert not re.search(r"Serving on|Building documentation|Detected file|Traceback", said), said


def test_serve_links_the_forms_again_over_the_last_rebuilds(tmp_path: Path):
    """serve's rebuilds keep the site folder: the PDF linked by the last rebuild is there (a traceback, and the
    server stuck, before), and a PDF rendered anew replaces it."""
    from huifang.site.plugin import HuifangPlugin

    cache, out = tmp_path / "cache", tmp_path / "site" / "forms"
    cache.mkdir()
    (cache / "a.pdf").write_bytes(b"%PDF-1 first")
    HuifangPlugin.copy_forms(cache, out)
    HuifangPlugin.copy_forms(cache, out)
    assert (out / "a.pdf").read_bytes() == b"%PDF-1 first"
    (cache / "a.pdf.new").write_bytes(b"%PDF-1 second")
    os.replace(cache / "a.pdf.new", cache / "a.pdf")  # as the forms cache writes a PDF: a new file
    HuifangPlugin.copy_forms(cache, out)
    assert (out / "a.pdf").read_bytes() == b"%PDF-1 second"


def test_serve_refuses_invalid_content(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(HOSTILE, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    (project / "scripts_src" / "demo-weixiu.yaml").write_text("id: demo-weixiu\ntitle: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "huifang", "serve", "--project", str(project), "--dev-addr", f"127.0.0.1:{free_port()}"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("scripts_src/demo-weixiu.yaml:"), result.stderr


def served(port: int, path: str) -> bytes:
    """A served file, without the live-reload script the server adds to every page it sends."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=5) as response:
        return re.sub(rb"<script>[^<]*livereload\([^<]*</script>", b"", response.read())


def test_serve_rebuilds_only_changed_pages_and_keeps_the_site_whole(tmp_path: Path):
    """serve re-renders only pages whose text changed (dirty builds); what it serves must still be what
    a full build makes: every page in the search index, every title in the navigation."""
    project, port, server = serve_hostile(tmp_path, "--lint-errors", "warn")
    try:
        scenario = f"http://127.0.0.1:{port}/scenarios/demo-weixiu.html"
        wait_for(scenario, "维修后回访话术", 120)
        untouched = served(port, "etiquette.html")
        script = project / "scripts_src" / "demo-weixiu.yaml"
        script.write_text(
            script.read_text(encoding="utf-8").replace("维修后回访话术", "维修完成后的回访话术"), encoding="utf-8"
        )
        wait_for(scenario, "维修完成后的回访话术", 60)
        time.sleep(0.5)  # the search index is written at the end of the build
        assert served(port, "etiquette.html") == untouched  # not rebuilt
        page = served(port, "scenarios/demo-weixiu.html").decode("utf-8")
        for title in ("什么时候回访", "电话礼仪", "忌语速查", "话术检查规则"):  # pages that were not rebuilt
            assert re.search(rf'<span class="md-ellipsis">\s*{title}\s*</span>', page), title
        assert 'href="../tags.html#' in page  # tag chips still link to the tags page
        index = json.loads(served(port, "search/search_index.json"))

        site = tmp_path / "site"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "huifang",
                "build",
                "--project",
                str(project),
                "--no-forms",
                "--lint-errors",
                "warn",
                "--site-dir",
                str(site),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        full = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index == full

        # a removed scenario: its page goes, and the navigation of every page says so (a full rebuild)
        (project / "content" / "scenarios" / "demo-tousu.yaml").unlink()
        home = f"http://127.0.0.1:{port}/etiquette.html"
        deadline = time.monotonic() + 60
        while "scenarios/demo-tousu.html" in fetch(home):
            assert time.monotonic() < deadline, "navigation still lists the removed scenario"
            time.sleep(0.1)
        assert fetch(f"http://127.0.0.1:{port}/scenarios/demo-tousu.html") == ""
    finally:
        stop(server)


def test_a_port_in_use_is_said_before_building(tmp_path: Path, capsys):
    from huifang.cli import main

    project = tmp_path / "project"
    shutil.copytree(HOSTILE, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--project", str(project), "--dev-addr", f"127.0.0.1:{port}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"huifang serve: --dev-addr 127.0.0.1:{port}：端口 {port} 已被占用") and err.count("\n") == 1
    assert not (project / "site").exists()
