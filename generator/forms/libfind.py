"""Importing WeasyPrint without the processes its library lookup starts.

cffi's `dlopen(name)` asks `ctypes.util.find_library`, which on Linux runs `/sbin/ldconfig -p` for every name
and, for a name the cache lacks, gcc (with collect2 and ld) and ld besides. WeasyPrint tries two to six
spellings of each of its seven libraries (WeasyPrint issue #1125): ≈ 54 processes and 0.3–0.45 s on every
`huifang build` and `forms`, and again in each worker process.

`quick_find_library()` puts in place, for the import only, a find_library that runs `ldconfig -p` once and
answers from its output with CPython's own regular expression (a name the cache has gets the same answer). A
name the cache lacks is None when no file `lib<name>.*` lies in a folder gcc or ld would search: there they
find nothing either, so the original's answer is None too. Where such a file does lie, the original answers.
The original is put back after the import, even when the import fails. Not on Linux, without an ldconfig that
lists its cache (musl), or when find_library is not CPython's ldconfig one: nothing is changed.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import glob
import os
import re
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator

# CPython's ctypes.util._findSoname_ldconfig: the ABI word ldconfig -p prints for this machine
ABI = {
    "x86_64-64": "libc6,x86-64",
    "ppc64-64": "libc6,64bit",
    "sparc64-64": "libc6,64bit",
    "s390x-64": "libc6,64bit",
    "ia64-64": "libc6,IA-64",
}


def abi() -> str:
    machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
    return ABI.get(machine, "libc6")


def ldconfig_cache() -> bytes | None:
    """`ldconfig -p` as CPython runs it, or None when it cannot be read."""
    try:
        with subprocess.Popen(
            ["/sbin/ldconfig", "-p"],
            stdin=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            env={"LC_ALL": "C", "LANG": "C"},
        ) as process:
            assert process.stdout is not None
            listing = process.stdout.read()
    except OSError:
        return None
    return listing if process.returncode == 0 and listing else None


def linker_folders() -> list[str]:
    """The folders gcc's and ld's `-l` look in (theirs by default, and the environment's)."""
    folders = [d for var in ("LD_LIBRARY_PATH", "LIBRARY_PATH") for d in os.environ.get(var, "").split(":") if d]
    multiarch = getattr(sys.implementation, "_multiarch", "")
    for prefix in ("/", "/usr/", "/usr/local/"):
        for lib in ("lib", "lib32", "lib64", "libx32"):
            folders.append(f"{prefix}{lib}")
            if multiarch:
                folders.append(f"{prefix}{lib}/{multiarch}")
    for pattern in ("/lib/*-linux-*", "/usr/lib/*-linux-*", "/usr/local/lib/*-linux-*", "/usr/lib/gcc*/*/*"):
        folders += glob.glob(pattern)
    folders += glob.glob("/usr/*-linux-*/lib*")
    return folders


class Finder:
    """find_library from one read of the ldconfig cache; each name's answer kept."""

    def __init__(self, listing: bytes, original: Callable[[str], str | None]):
        self.listing, self.original, self.abi = listing, original, abi()
        self.entries: list[str] | None = None
        self.answers: dict[str, str | None] = {}

    def __call__(self, name: str) -> str | None:
        if name not in self.answers:
            self.answers[name] = self.find(name)
        return self.answers[name]

    def find(self, name: str) -> str | None:
        pattern = r"\s+(lib" + re.escape(name) + r"\.[^\s]+)\s+\(" + self.abi  # CPython's, word for word
        found = re.search(os.fsencode(pattern), self.listing)
        if found:
            return os.fsdecode(found.group(1))
        if self.entries is None:
            self.entries = [entry for folder in linker_folders() for entry in listing(folder)]
        stem = f"lib{name}."
        if any(entry.startswith(stem) for entry in self.entries):
            return self.original(name)  # gcc or ld may find it: theirs is the answer
        return None


def listing(folder: str) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


@contextlib.contextmanager
def quick_find_library() -> Iterator[None]:
    """`ctypes.util.find_library` as `Finder` inside the block, the original again after it."""
    original = ctypes.util.find_library
    if (
        not sys.platform.startswith("linux")
        or getattr(original, "__module__", "") != "ctypes.util"  # someone else's find_library: left alone
        or not hasattr(ctypes.util, "_findSoname_ldconfig")
    ):
        yield
        return
    cache = ldconfig_cache()
    if cache is None:
        yield
        return
    ctypes.util.find_library = Finder(cache, original)
    try:
        yield
    finally:
        ctypes.util.find_library = original
