"""A project's loaded content/, kept between `huifang lint` runs (and, with its scripts, between `huifang qa`
runs, in an entry of its own: qa judges calls against every script).

A lint of a few files (a pre-commit hook, a pull request) would otherwise parse and validate every
content file again, importing PyYAML and jsonschema-rs to do it: most of its start-up. An entry is
used only while every content file, huifang.yaml, the list of content pages and every huifang
module are byte for byte what they were when it was written. That is checked the way git checks its
index: a file whose size, times, inode and device are what they were is unchanged; any other file,
and one written so shortly before the entry that a second edit could leave the same times ("racy"),
is read and compared by SHA-256 — a modification time alone misses a quick edit of the same size,
the change time does not (`os.utime` cannot set it). A folder whose stat changed is listed again, so
an added or removed file is seen. The cache lives in the user's own cache directory, never in the
project: loading a pickle runs code, and in CI the project is someone else's pull request.
`HUIFANG_NO_CACHE=1` turns it off. Under CI (`CI` set, as GitHub Actions and most others do)
entries are read but not written: the home directory is thrown away after the job, and writing the
shipped content's entry costs a tenth of a second or more.

An entry holds what linting needs: the forbidden phrases of the packs huifang.yaml enables, built (a
pack's checking and building was 12-16 ms of every run; its file is one of huifang's own, compared like
its modules); each content file's text and the spans of its values (unpacked
when first read, see `_CachedDocument`), but not its parsed data or the places of its keys, which a
lint never reads again. Unpickling the whole documents took 25 ms of a 0.2 s one-file lint.
"""

from __future__ import annotations

import os
import pickle
import sys
import time
import zlib
from pathlib import Path

from huifang.yamlload import Document, Span

KEEP = 32  # entries (one per project folder and copy of huifang); the oldest beyond this are removed
FORMAT = "huifang-content-6"
RACY_NS = 3_000_000_000  # a file changed this shortly before its entry was written is always compared by content
PACKAGE = os.path.dirname(os.path.abspath(__file__))
# huifang's modules and packs as the manifest of the content loaded holds them: their SHA-256 digests joined (None
# until an entry is read or written), a key for work kept between runs that depends on huifang's code alone
CODE: list[bytes | None] = [None]


def load_content(root: Path, scripts: bool = False):
    """`load_project(root, scripts=[])`, from the cache when nothing it read has changed; `scripts`: the
    whole project, `load_project(root)`, scripts_src/ included (what `huifang qa` judges calls against)."""
    from huifang.project import load_project

    chosen: list | None = None if scripts else []
    folder = None if os.environ.get("HUIFANG_NO_CACHE") else _folder()
    if folder is None:
        return load_project(root, scripts=chosen)
    place = f"{os.getcwd()}\0{root}\0{os.path.realpath(root)}" + ("\0scripts" if scripts else "")
    # The entry's name only spreads projects (and copies of huifang: a benchmark runs two versions on one
    # project in turn, which would otherwise replace each other's entry every run) over files; its header
    # (one line: repr escapes line breaks) says whose it is. Both without hashlib, whose import (OpenSSL) is
    # 2 ms of a one-file lint.
    named = f"{place}\0{PACKAGE}".encode("utf-8", "surrogateescape")
    entry = folder / f"{zlib.crc32(named):08x}{zlib.adler32(named):08x}.pickle"
    header = repr((FORMAT, sys.version, PACKAGE, place)).encode("utf-8", "surrogateescape")
    loaded = _read(entry, header, root, scripts)
    if loaded is not None:
        return _with_packs(*loaded)
    try:
        manifest = _manifest(root, scripts)
    except OSError:
        return load_project(root, scripts=chosen)  # unreadable content: let the loader say why
    CODE[0] = _code(manifest)
    loaded = load_project(root, scripts=chosen)
    if os.environ.get("CI", "").lower() in ("", "0", "false"):
        built = _packs(loaded)
        manifest["time"] = time.time_ns()  # after every read: what changed since is newer, so racy
        _write(folder, entry, header, manifest, (loaded, built))
    return loaded


def _packs(loaded) -> dict[str, tuple]:
    """The phrase packs the project's huifang.yaml enables, built (a pack that fails to build is left to
    the lint, which says why)."""
    from huifang.lint import packs

    extends = getattr(getattr(loaded.project.config, "lint", None), "extends", None)
    wanted = [extends] if isinstance(extends, str) else list(extends or ())
    built = {}
    for name in wanted:
        if name in packs.names():
            try:
                built[name] = packs.phrases(name)
            except Exception:
                continue
    return built


def _with_packs(loaded, built: dict[str, tuple]):
    from huifang.lint import packs

    packs.remember(built)
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


def _listing(root: Path, scripts: bool = False) -> tuple[list[str], list[str], list[str], list[str]]:
    """(files read by content: huifang.yaml and content files, `scripts`: and scripts; content pages, by name;
    huifang's modules; the content folders that cannot be listed or are no folder, which the loader reports)."""
    from huifang.project import CONFIG_FILE, CONTENT, discover, not_a_folder

    config = root / CONFIG_FILE
    files = [str(config)] if config.exists() else []
    refused: dict[Path, str] = {}
    files += [str(path) for path, _ in discover(root, scripts=scripts, locked=refused)]
    pages = root / CONTENT / "pages"
    named = [str(page) for page in sorted(pages.rglob("*.md"))] if pages.is_dir() else []
    odd = sorted(str(folder) for folder in [*refused, pages] if folder in refused or not_a_folder(folder))
    code = sorted(
        os.path.join(folder, name) for folder, _, names in os.walk(PACKAGE) for name in names if name.endswith(".py")
    )
    from huifang.lint import packs

    code += sorted(str(path) for path in packs.HERE.glob("*.yaml"))
    return files, named, code, odd


def _folders(root: Path, files: list[str], code: list[str], scripts: bool = False) -> list[str]:
    """Every folder whose listing decides what `_listing` finds."""
    from huifang.project import SCRIPTS

    found = {str(root), str(root / "content")}
    for top in ("content", SCRIPTS) if scripts else ("content",):
        found.add(str(root / top))
        for folder, dirs, _ in os.walk(root / top):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.add(folder)
    found.update(os.path.dirname(path) or os.curdir for path in files + code)
    return sorted(found)


def _stat(path: str) -> tuple:
    info = os.stat(path)
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _digest(path: str) -> bytes:
    import hashlib

    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).digest()


def _links(root: Path) -> list[tuple[str, str | None]]:
    """Where content/ and scripts_src/ lead when they are symlinks: the loader refuses a link out of the
    project (a finding of the project, not of a file), and a link replaced by a folder, or pointed
    elsewhere, leaves every file's stat as it was."""
    from huifang.project import CONTENT, SCRIPTS

    return [
        (name, os.path.realpath(root / name) if os.path.islink(root / name) else None) for name in (CONTENT, SCRIPTS)
    ]


def _manifest(root: Path, scripts: bool = False) -> dict:
    listing = _listing(root, scripts)
    files, _, code, _ = listing
    return {
        "links": _links(root),
        "files": [(path, _stat(path), _digest(path)) for path in files + code],
        "listing": listing,
        "folders": [(folder, _stat(folder)) for folder in _folders(root, files, code, scripts)],
    }


def _code(manifest: dict) -> bytes:
    """The digests of huifang's modules and packs (`_listing`'s third part, the manifest's last files), joined."""
    files, code = manifest["files"], manifest["listing"][2]
    return b"".join(digest for _, _, digest in files[len(files) - len(code) :])


def _racy(stat: tuple, written: int) -> bool:
    return max(stat[3], stat[4]) >= written - RACY_NS


def _fresh(manifest: dict, root: Path, scripts: bool = False) -> dict | None:
    """The manifest if every file and folder the entry was made from is as it was, else None.

    When some had to be read again to be sure (their stat changed, or they were racy) and none of them
    is racy any longer, a manifest with their present stats and a new time: written back, the next run
    trusts them on stat data alone. (An entry written just after an install or a checkout would
    otherwise have every later run list the folders and hash the files again.)"""
    written = manifest["time"]
    if _links(root) != manifest.get("links"):
        return None
    folders = manifest["folders"]
    folder_stats = None
    if any(_stat(folder) != stat or _racy(stat, written) for folder, stat in folders):
        folder_stats = [(folder, _stat(folder)) for folder, _ in folders]  # before the listing they vouch for
        if _listing(root, scripts) != manifest["listing"]:
            return None
    again = {}
    for i, (path, stat, digest) in enumerate(manifest["files"]):
        now = _stat(path)
        if now != stat or _racy(stat, written):
            if os.path.islink(path) or _digest(path) != digest:  # a link: the loader decides if it may be read
                return None
            again[i] = now  # taken before the read that matched
    if folder_stats is None and not again:
        return manifest
    moment = time.time_ns()
    files = [(path, again.get(i, stat), digest) for i, (path, stat, digest) in enumerate(manifest["files"])]
    stats = [stat for _, stat, _ in files] + [stat for _, stat in folder_stats or folders]
    if any(_racy(stat, moment) for stat in stats):
        return manifest  # still too fresh to trust by stat: checked again next time
    return {**manifest, "files": files, "folders": folder_stats or folders, "time": moment}


def _read(entry: Path, header: bytes, root: Path, scripts: bool = False):
    import gc

    enabled = gc.isenabled()
    gc.disable()  # unpickling makes many objects and no garbage: the collector's passes would only cost time
    try:
        with entry.open("rb") as handle:
            if handle.readline().rstrip(b"\n") != header:
                return None
            manifest = pickle.load(handle)
            fresh = _fresh(manifest, root, scripts)
            if fresh is None:
                return None
            CODE[0] = _code(fresh)
            start = handle.tell()
            loaded, built = pickle.load(handle)
            if not isinstance(built, dict):
                return None
            if fresh is not manifest and os.environ.get("CI", "").lower() in ("", "0", "false"):
                handle.seek(start)
                _rewrite(entry, header, fresh, handle.read())
        gc.freeze()  # the content lives to the end of the run: never walk it again (the next pass would)
        return loaded, built
    except Exception:  # missing, cut short, written by another version, a file gone: load afresh
        return None
    finally:
        if enabled:
            gc.enable()


def _rewrite(entry: Path, header: bytes, manifest: dict, content: bytes) -> None:
    """The entry with a new manifest and the same content (as pickled)."""
    import tempfile

    try:
        handle, temp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(header + b"\n")
                pickle.dump(manifest, out, protocol=pickle.HIGHEST_PROTOCOL)
                out.write(content)
            os.replace(temp, entry)
        except BaseException:
            os.unlink(temp)
            raise
    except Exception:  # a full disk or a read-only home: the cache is only a shortcut
        return


class _Slim(pickle.Pickler):
    """Pickles documents without their parsed data and key places, and with their value spans packed
    (see `_CachedDocument`)."""

    def reducer_override(self, obj):
        if type(obj) is Document:
            return _cached_document, (str(obj.path), obj.display, obj.text, _pack(obj.spans))
        return NotImplemented


def _pack(spans: dict) -> bytes:
    rows = [
        (path, span.line, span.column, span.end_line, span.end_column, span.start, span.end, span.style)
        for path, span in spans.items()
    ]
    return pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(packed: bytes) -> dict[tuple, Span]:
    return {row[0]: Span(*row[1:]) for row in pickle.loads(packed)}


class _CachedDocument(Document):
    """A content file's document read from a cache entry. Its spans (where each value is written) are
    unpacked when first read: a one-file lint reads those of a few files, and unpickling every file's
    Span objects (ten thousand for the shipped content) was most of the time an entry took to load.
    Its path is made a `Path` when first read, too (a Path of each of 266 files cost 1.5 ms)."""

    @property  # type: ignore[override]
    def path(self) -> Path:
        found = self.__dict__["_path"]
        if not isinstance(found, Path):
            found = self.__dict__["_path"] = Path(found)
        return found

    @path.setter
    def path(self, value: Path) -> None:
        self.__dict__["_path"] = value

    @property  # type: ignore[override]
    def spans(self) -> dict[tuple, Span]:
        found = self.__dict__.get("_spans")
        if found is None:
            found = self.__dict__["_spans"] = _unpack(self.__dict__["_packed"])
        return found

    @spans.setter
    def spans(self, value: dict[tuple, Span]) -> None:
        self.__dict__["_spans"] = value


def _cached_document(path: str, display: str, text: str, packed: bytes) -> _CachedDocument:
    document = _CachedDocument.__new__(_CachedDocument)
    document.__dict__.update(_path=path, display=display, text=text, data=None, key_spans={}, _packed=packed)
    return document


def _write(folder: Path, entry: Path, header: bytes, manifest: dict, loaded) -> None:
    import tempfile

    try:
        handle, temp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(header + b"\n")
                pickle.dump(manifest, out, protocol=pickle.HIGHEST_PROTOCOL)
                _Slim(out, protocol=pickle.HIGHEST_PROTOCOL).dump(loaded)
            os.replace(temp, entry)
        except BaseException:
            os.unlink(temp)
            raise
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except Exception:  # a full disk or a read-only home: the cache is only a shortcut
        return
