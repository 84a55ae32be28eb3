"""Shared helpers for the PDF tests: fixture projects copied to tmp, PDFs read back with pypdf."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from huifang.project import load_project

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
ARTIFACTS = HERE.parent / "artifacts" / "forms"
REPO = HERE.parents[1]


@pytest.fixture
def demo(tmp_path) -> Path:
    """A private copy of the demo project (its cache lives in the copy)."""
    root = tmp_path / "demo"
    shutil.copytree(FIXTURES / "demo", root, ignore=shutil.ignore_patterns(".huifang-cache"))
    return root


def loaded(root: Path):
    result = load_project(root)
    assert result.ok, [str(p) for p in result.problems]
    return result


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def version(path: Path) -> tuple[str, int, int, int]:
    """The file as it is now: a PDF written again (another inode, time or size) is read again."""
    stat = Path(path).stat()
    return str(path), stat.st_ino, stat.st_mtime_ns, stat.st_size


# test_all_shipped_content reads each of its 234 PDFs three to five times (text, pages, fonts, in several checks):
# each version of a file is read once
def pdf_text(path: Path) -> str:
    return _pdf_text(version(path))


@functools.lru_cache(maxsize=1024)
def _pdf_text(file: tuple[str, int, int, int]) -> str:
    from pypdf import PdfReader

    return squash("".join(page.extract_text() or "" for page in PdfReader(file[0]).pages))


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return list(_page_sizes(version(path)))


@functools.lru_cache(maxsize=1024)
def _page_sizes(file: tuple[str, int, int, int]) -> tuple[tuple[float, float], ...]:
    from pypdf import PdfReader

    return tuple((float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(file[0]).pages)


def is_a4(size, landscape=False) -> bool:
    w, h = size
    want = (841.89, 595.28) if landscape else (595.28, 841.89)
    return abs(w - want[0]) <= 1 and abs(h - want[1]) <= 1


def fonts_of(path: Path) -> list[tuple[str, bool]]:
    """(BaseFont, embedded) of every font used on any page."""
    return list(_fonts_of(version(path)))


@functools.lru_cache(maxsize=1024)
def _fonts_of(file: tuple[str, int, int, int]) -> tuple[tuple[str, bool], ...]:
    from pypdf import PdfReader

    found = {}
    for page in PdfReader(file[0]).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor") or {}
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return tuple(sorted(found.items()))


def snapshot(path: Path, name: str) -> Path:
    """Page 1 as PNG, kept under tests/artifacts/forms/ for people to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    prefix = ARTIFACTS / name
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(path), str(prefix)],
        check=True,
        timeout=60,
    )
    png = prefix.with_suffix(".png")
    assert png.stat().st_size > 1000
    return png
