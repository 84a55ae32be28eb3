"""WeasyPrint imported with one `ldconfig -p` instead of ≈ 54 processes (generator/forms/libfind.py): the same
answer as CPython's find_library for every name WeasyPrint asks, the original put back after the import (also
when it fails), and a library only gcc or ld would find still found by the original."""

from __future__ import annotations

import ctypes.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from huifang.forms import libfind

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or libfind.ldconfig_cache() is None, reason="glibc's ldconfig cache only"
)

ASKED = """
import ctypes.util, json, sys
asked = []
original = ctypes.util.find_library
def spy(name):
    asked.append(name)
    return original(name)
ctypes.util.find_library = spy
import weasyprint
print(json.dumps(asked))
"""

COUNTED = """
import sys
started = []
sys.addaudithook(lambda event, args: started.append(args[1]) if event == "subprocess.Popen" else None)
import huifang.forms.render
import ctypes.util
assert ctypes.util.find_library.__module__ == "ctypes.util"
print(len(started), started)
"""


def python(code: str, **env: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={**os.environ, **env}
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_name_weasyprint_asks_gets_cpythons_answer():
    asked = json.loads(python(ASKED))
    assert len(asked) >= 7  # at least one spelling of each of its seven libraries
    original = ctypes.util.find_library
    with libfind.quick_find_library():
        quick = ctypes.util.find_library
        assert quick is not original
        answers = {name: quick(name) for name in [*asked, "c", "m", "z", "stdc++", "no-such-library-xyz"]}
    assert ctypes.util.find_library is original
    assert answers == {name: original(name) for name in answers}
    assert answers["c"] == "libc.so.6" and answers["no-such-library-xyz"] is None


def test_the_import_starts_one_process_not_dozens():
    """Counted by the interpreter's audit hook: `ldconfig -p` once (CPython's find_library ran ≈ 54)."""
    count, started = python(COUNTED).split(" ", 1)
    assert int(count) == 1 and "ldconfig" in started


def test_the_original_is_put_back_when_the_import_fails():
    original = ctypes.util.find_library
    with pytest.raises(ImportError), libfind.quick_find_library():
        assert ctypes.util.find_library is not original
        import huifang_no_such_module  # noqa: F401
    assert ctypes.util.find_library is original


@pytest.mark.skipif(not (shutil.which("ld") and shutil.which("objdump")), reason="needs binutils")
def test_a_library_only_ld_finds_gets_the_originals_answer(tmp_path, monkeypatch):
    """A library in LD_LIBRARY_PATH, not in the ldconfig cache: CPython's ld step finds it; so must this."""
    real = Path("/lib") / sys.implementation._multiarch / "libz.so.1"
    if not real.exists():
        pytest.skip("no libz.so.1 to copy")
    shutil.copy(real, tmp_path / "libhuifangprobe.so.1")
    (tmp_path / "libhuifangprobe.so").symlink_to("libhuifangprobe.so.1")
    monkeypatch.setenv("LD_LIBRARY_PATH", str(tmp_path))
    original = ctypes.util.find_library
    expected = original("huifangprobe")
    assert expected == "libz.so.1"  # its SONAME
    with libfind.quick_find_library():
        assert ctypes.util.find_library("huifangprobe") == expected


def test_the_folders_cover_where_gcc_and_ld_look():
    """A name the cache lacks is None only when no `lib<name>.*` lies where gcc or ld would find it."""
    ours = {os.path.realpath(f) for f in libfind.linker_folders() if os.path.isdir(f)}
    theirs: set[str] = set()
    if shutil.which("ld"):
        verbose = subprocess.run(["ld", "--verbose"], capture_output=True, text=True).stdout
        theirs |= {d.split('"')[1].lstrip("=") for d in verbose.split("SEARCH_DIR(")[1:]}
    if shutil.which("gcc"):
        dirs = subprocess.run(["gcc", "-print-search-dirs"], capture_output=True, text=True).stdout
        line = next((x for x in dirs.splitlines() if x.startswith("libraries:")), "libraries: =")
        theirs |= set(line.split("=", 1)[1].split(":"))
    missing = {os.path.realpath(d) for d in theirs if d and os.path.isdir(d)} - ours
    assert missing == set()
