"""Writes that either complete or leave the previous file exactly as it was, and output folders that
huifang replaces or removes only when it made them itself.

An output folder huifang made holds the marker file `.huifang-output`. A folder without it is the
user's: huifang writes into it only while it is empty, and never replaces or deletes it.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path


def in_place(path: str | os.PathLike) -> bool:
    """Whether an output is written straight into `path`, not beside it and renamed over it: a device, a FIFO,
    anything under /dev or /proc (`--out /dev/stdout`). Renaming over them replaced the device node or the
    /dev/stdout link with a plain file (run as root, as in many containers)."""
    absolute = os.path.abspath(path)
    if absolute.startswith(("/dev/", "/proc/")):
        return True
    try:
        mode = os.stat(absolute).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def temporary_beside(path: Path) -> tuple[int, str]:
    """A new temporary file in `path`'s folder; an OSError (a folder without write permission) names `path`,
    the file the user asked for, not the temporary name nobody knows."""
    try:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(path)) from None


def write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    path = Path(path)
    if in_place(path):
        with open(path, "wb") as handle:
            handle.write(data)
        return
    if path.is_dir():  # said of the path given, not of the temporary file beside it that the rename would name
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode is None and path.exists():
        mode = path.stat().st_mode & 0o7777
    fd, tmp = temporary_beside(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str, mode: int | None = None) -> None:
    write_bytes(path, text.encode("utf-8"), mode)


def create_exclusive(path: Path, text: str) -> bool:
    """Create a new file; False (and nothing written) if it already exists."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = temporary_beside(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
        os.link(tmp, path)  # fails if path exists: no race, no overwrite
        return True
    except FileExistsError:
        return False
    finally:
        Path(tmp).unlink(missing_ok=True)


@contextmanager
def interrupts_deferred():
    """Hold Ctrl-C and SIGTERM until the block is done (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


MARKER = ".huifang-output"
MARKER_TEXT = "huifang output folder: huifang may replace or delete this folder and the files it recorded here.\n"
SOURCES = ("content", "scripts_src", "templates", ".git")
_changed: list[Path] = []  # output replaced by this process: an interrupt after it is not "left as it was"


class OutputError(Exception):
    """An output folder huifang must not write to: one line saying why and what to do."""


def changed_output() -> list[Path]:
    return list(_changed)


def note_changed(path: Path) -> None:
    _changed.append(Path(path))


def public_mode(directory: bool = True) -> int:
    """The mode a new folder (or file) gets from the user's umask, as `mkdir` would give it."""
    mask = os.umask(0o022)
    os.umask(mask)
    return (0o777 if directory else 0o666) & ~mask


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def owned(folder: Path) -> bool:
    """Huifang made this folder (its marker is there), or it is a new or empty folder."""
    folder = Path(folder)
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        return False
    if not folder.exists() or (folder / MARKER).is_file():
        return True
    with os.scandir(folder) as entries:
        return next(entries, None) is None


def claim(folder: Path) -> None:
    """Make `folder` (if needed) and mark it as huifang's; refuses a folder that is someone else's."""
    folder = Path(folder)
    if not owned(folder):
        raise OutputError(not_ours(folder))
    folder.mkdir(parents=True, exist_ok=True, mode=public_mode())
    if not (folder / MARKER).is_file():
        write_text(folder / MARKER, MARKER_TEXT, public_mode(directory=False))


def not_ours(folder: Path) -> str:
    if folder.is_symlink():
        return f"{folder} 是符号链接：huifang 不替换、不删除链接指向的文件夹；请删除该链接或换一个输出文件夹"
    if folder.exists() and not folder.is_dir():
        return f"{folder} 不是文件夹：请换一个输出文件夹"
    return (
        f"文件夹 {folder} 已有内容，但不是 huifang 生成的（没有 {MARKER} 标记）：为免误删，huifang 不会覆盖或删除它；"
        f"请换一个新的或空的文件夹，或确认其中文件无用后自行删除"
    )


def overwrites(out: str | os.PathLike, inputs) -> str | None:
    """Which of `inputs` ((path, what) pairs: the files a run reads or writes besides) `out` names once links are
    followed — a report written there would replace it — as its `what`; None when it names none of them."""
    target = os.path.realpath(out)
    return next((what for path, what in inputs if os.path.realpath(path) == target), None)


def check_output(target: Path, root: Path, option: str) -> Path:
    """The real folder `target` names, if huifang may replace it; OutputError otherwise.

    Refused: the project itself or a folder holding it; a folder that is, holds or sits in the
    project's sources (content/, scripts_src/, templates/, .git); a symlink out of the project;
    a folder with other people's files in it (no marker)."""
    root_real = Path(root).resolve()
    given = Path(os.path.abspath(target))
    try:
        real = given.resolve()
    except RuntimeError:  # a symlink loop (Python 3.11's resolve raises RuntimeError for it)
        raise OutputError(f"{option} {target}：是无法解析的符号链接（指向自身或循环）；请删除该链接") from None
    root_given = Path(os.path.abspath(root))
    links = [p for p in (given, *given.parents) if root_given in p.parents and p.is_symlink()]
    if any(not _within(p.resolve(), root_real) for p in links):
        raise OutputError(
            f"{option} {target}：是（或位于）指向项目之外的符号链接（{real}）；huifang 不替换、不删除链接指向的文件夹，"
            "请删除该链接，或指定一个普通文件夹"
        )
    if _within(root_real, real):
        raise OutputError(
            f"{option} {target}：不能是项目文件夹本身或包含项目的文件夹（生成时会整个替换输出文件夹）；"
            "请指定一个单独的文件夹，如 site"
        )
    for name in SOURCES:
        source = root_real / name
        if _within(real, source) or _within(source, real):
            raise OutputError(
                f"{option} {target}：与项目的源文件夹 {name}/ 重叠（生成时会整个替换输出文件夹）；"
                "请指定一个单独的文件夹，如 site"
            )
    if not owned(real):
        raise OutputError(f"{option} {target}：{not_ours(real)}")
    return real


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def left_by_dead_runs(target: Path, kinds: tuple[str, ...]) -> list[Path]:
    """What runs killed before they could tidy up left beside `target`: `.<name>.<kind>.<pid>.<random>…`
    (a symlink never), whose pid is no longer running."""
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return []
    prefixes = tuple(f".{target.name}.{kind}." for kind in kinds)
    found = []
    for path in entries:
        if not path.name.startswith(prefixes):
            continue
        parts = path.name.split(".")  # "", name…, kind, pid, random
        if len(parts) >= 5 and parts[-2].isdigit() and not path.is_symlink() and not alive(int(parts[-2])):
            found.append(path)
    return found


def _ours_to_sweep(path: Path) -> bool:
    """A staging folder (not a file of the same name) that huifang made."""
    if not path.is_dir():
        return False
    inner = path / "previous" if path.name.split(".")[-3] == "old" else path
    return (inner / MARKER).is_file() or not any(path.iterdir())


def sweep(target: Path) -> None:
    """Remove staging folders a killed run left beside `target` (`.site.new.<pid>.*`, `.site.old.<pid>.*`)."""
    for path in left_by_dead_runs(target, ("new", "old")):
        if _ours_to_sweep(path):
            shutil.rmtree(path, ignore_errors=True)


def _beside(target: Path, role: str) -> Path:
    """A staging folder beside `target`; an OSError (a parent folder without write permission) names `target`,
    the folder the user asked for, not the staging name nobody knows."""
    try:
        return Path(tempfile.mkdtemp(prefix=f".{target.name}.{role}.{os.getpid()}.", dir=target.parent))
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(target)) from None


@contextmanager
def replaced_dir(target: Path):
    """Yield a fresh staging directory; on success it replaces `target`, on failure it vanishes.

    `target` must be a folder huifang made (or new, or empty); a symlink is never followed."""
    target = Path(os.path.abspath(target))
    if not owned(target):
        raise OutputError(not_ours(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep(target)
    staging = _beside(target, "new")
    try:
        os.chmod(staging, public_mode())
        write_text(staging / MARKER, MARKER_TEXT, public_mode(directory=False))
        yield staging
        if not (staging / MARKER).is_file():
            write_text(staging / MARKER, MARKER_TEXT, public_mode(directory=False))
    except BaseException:
        with interrupts_deferred():
            shutil.rmtree(staging, ignore_errors=True)
        raise
    with interrupts_deferred():  # two renames: never leave the target missing in between
        old = None
        if target.exists():
            old = _beside(target, "old")
            os.replace(target, old / "previous")
        try:
            os.replace(staging, target)
        except BaseException:
            if old is not None:
                os.replace(old / "previous", target)
            shutil.rmtree(staging, ignore_errors=True)
            raise
        note_changed(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)  # if interrupted here, the next run sweeps it
