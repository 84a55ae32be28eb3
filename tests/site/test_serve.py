"""`huifang serve`: the handbook on 127.0.0.1, rebuilt when a YAML file changes."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.site.conftest import HOSTILE


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


def test_serve_reloads_after_a_script_edit(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(HOSTILE, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--project", str(project),
                               "--dev-addr", f"127.0.0.1:{port}", "--no-forms"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/scenarios/demo-weixiu.html"
        wait_for(url, "维修后回访话术", 120)
        script = project / "scripts_src" / "demo-weixiu.yaml"
        script.write_text(script.read_text(encoding="utf-8").replace("维修后回访话术", "维修完成后的回访话术"),
                          encoding="utf-8")
        wait_for(url, "维修完成后的回访话术", 60)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_serve_refuses_invalid_content(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(HOSTILE, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    (project / "scripts_src" / "demo-weixiu.yaml").write_text("id: demo-weixiu\ntitle: [\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "serve", "--project", str(project),
                             "--dev-addr", f"127.0.0.1:{free_port()}"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith("scripts_src/demo-weixiu.yaml:"), result.stderr
