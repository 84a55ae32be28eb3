"""A project's loaded content/, kept between `huifang lint` runs.

A lint of a few files (a pre-commit hook, a pull request) would otherwise parse and validate every
content file again, importing PyYAML and jsonschema-rs to do it: most of its start-up. An entry is
used only while every content file, huifang.yaml, the list of content pages and every huifang
module are byte for byte what they were when it was written (compared by SHA-256: a modification
time can miss a quick edit of the same size). The cache lives in the user's own cache directory,
never in the project: loading a pickle runs code, and in CI the project is someone else's pull
request. `HUIFANG_NO_CACHE=1` turns it off. Under CI (`CI` set, as GitHub Actions and most others do)
entries are read but not written: the home directory is thrown away after the job, and writing the
shipped content's entry costs a tenth of a second or more.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

KEEP = 32  # entries (one per project folder); the oldest beyond this are removed
_CODE: list[bytes] = []  # digest of huifang's own modules, computed once per process


def load_content(root: Path):
    """`load_project(root, scripts=[])`, from the cache when nothing it read has changed."""
    from huifang.project import load_project

    folder = None if os.environ.get("HUIFANG_NO_CACHE") else _folder()
    if folder is None:
        return load_project(root, scripts=[])
    try:
        key = _key(root)
    except OSError:
        return load_project(root, scripts=[])  # unreadable content: let the loader say why
    entry = folder / (hashlib.sha256(f"{os.getcwd()}\0{root}\0{os.path.realpath(root)}".encode()).hexdigest()[:32]
                      + ".pickle")
    loaded = _read(entry, key)
    if loaded is None:
        loaded = load_project(root, scripts=[])
        if os.environ.get("CI", "").lower() in ("", "0", "false"):
            _write(folder, entry, key, loaded)
    return loaded


def _folder() -> Path | None:
    """usercache.folder("content"), if only the user can write there and read it."""
    from huifang.usercache import folder as cache_folder

    folder = cache_folder("content")
    if folder is None:
        return None
    top = folder.parent
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        for path, others in ((top, 0o022), (folder, 0o077)):  # nobody else may write; the entries, not even read
            info = path.lstat()
            if info.st_uid != os.getuid() or info.st_mode & others or path.is_symlink():
                return None
    except (OSError, AttributeError):  # AttributeError: no getuid (Windows)
        return None
    return folder


def _key(root: Path) -> bytes:
    from huifang.project import CONFIG_FILE, CONTENT, discover

    digest = hashlib.sha256()
    digest.update(f"{sys.version}\0{os.getcwd()}\0{root}\0{os.path.realpath(root)}\0".encode())
    digest.update(_code())
    config = root / CONFIG_FILE
    files = [config] if config.exists() else []
    files += [path for path, _ in discover(root, scripts=False)]
    for path in files:
        digest.update(f"{path}\0{os.path.realpath(path)}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    pages = root / CONTENT / "pages"
    if pages.is_dir():
        for page in sorted(pages.rglob("*.md")):
            digest.update(f"{page}\0{os.path.realpath(page)}\0".encode())
    return digest.hexdigest().encode()


def _code() -> bytes:
    if not _CODE:
        digest = hashlib.sha256()
        package = Path(__file__).parent
        for path in sorted(package.rglob("*.py")):
            digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
        _CODE.append(digest.digest())
    return _CODE[0]


def _read(entry: Path, key: bytes):
    try:
        with entry.open("rb") as handle:
            if handle.readline().rstrip(b"\n") != key:
                return None
            return pickle.load(handle)
    except Exception:  # missing, cut short, written by another version: load afresh
        return None


def _write(folder: Path, entry: Path, key: bytes, loaded) -> None:
    try:
        handle, temp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(key + b"\n")
                pickle.dump(loaded, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, entry)
        except BaseException:
            os.unlink(temp)
            raise
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except Exception:  # a full disk or a read-only home: the cache is only a shortcut
        return
