"""What `huifang build` imports: jieba without setuptools' `pkg_resources`, and nothing of MkDocs or jieba when
the content is broken (the problems are printed before either is imported)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = (
    "import sys\nfrom huifang.cli import main\ncode = main(sys.argv[1:])\n"
    "print('imported:', *sorted(m for m in ('mkdocs', 'jieba', 'pkg_resources') if m in sys.modules))\n"
    "raise SystemExit(code)\n"
)
NEEDS_SETUPTOOLS = pytest.mark.skipif(
    importlib.util.find_spec("pkg_resources") is None, reason="without setuptools jieba opens its files directly anyway"
)


def huifang(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=300
    )


@NEEDS_SETUPTOOLS
def test_jieba_is_imported_without_pkg_resources_and_still_reads_its_dictionary():
    probe = (
        "import sys\nfrom huifang.site import segmenter\njieba = segmenter.jieba()\n"
        "print('pkg_resources' in sys.modules, segmenter.jieba() is jieba, '/'.join(jieba.cut('我们明天回访客户', HMM=False)))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, encoding="utf-8", check=True)
    assert out.stdout.split() == ["False", "True", "我们/明天/回访/客户"]


@NEEDS_SETUPTOOLS
def test_a_build_imports_no_pkg_resources_and_a_broken_one_neither_mkdocs_nor_jieba(tmp_path):
    subprocess.run([sys.executable, "-m", "huifang", "init", "team"], cwd=tmp_path, check=True, capture_output=True)
    project = tmp_path / "team"
    built = huifang("build", "--no-forms", cwd=project)
    assert built.returncode == 0, built.stderr
    assert built.stdout.split() == ["imported:", "jieba", "mkdocs"]
    index = (project / "site" / "index.html").read_bytes()

    broken = sorted((project / "content").rglob("*.yaml"))[0]
    broken.write_text(broken.read_text(encoding="utf-8") + "x: [\n", encoding="utf-8")
    failed = huifang("build", "--no-forms", cwd=project)
    assert failed.returncode == 1
    assert f"{broken.relative_to(project).as_posix()}:" in failed.stderr
    assert "未生成网站（site/ 保持原样）" in failed.stderr
    assert failed.stdout.split() == ["imported:"]
    assert (project / "site" / "index.html").read_bytes() == index
