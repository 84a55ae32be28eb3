"""Reading one input file, the same way in every command: its bytes, or a `ContentError` for that file
(`path:1:1: 中文原因`) that the caller reports before going on with the other files.

A FIFO, socket or device is never read (opened non-blocking, refused after `fstat`: reading a FIFO
would wait forever); a folder where a file belongs, a missing file, a broken link, a file without read
permission and one over its size limit each get their own Chinese reason.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from huifang.problems import ContentError

NONBLOCK = getattr(os, "O_NONBLOCK", 0)
NOT_REGULAR = "不是普通文件（管道、设备或套接字）：huifang 不读取，请删除"
FOLDER = "这里应是一个文件，却是一个目录"


# the operating system's reasons a user meets, in Chinese (its own words, strerror, are English)
ERRNO_WORDS = {
    errno.ENOENT: "文件或目录不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许这样操作",
    errno.ENOSPC: "磁盘空间已满",
    errno.EDQUOT: "超出磁盘配额",
    errno.EROFS: "文件系统是只读的",
    errno.EFBIG: "文件超过了大小限制",
    errno.EISDIR: "这是一个目录",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.EEXIST: "已存在",
    errno.ENAMETOOLONG: "文件名太长",
    errno.ELOOP: "符号链接无法解析（指向自身或循环）",
    errno.EMFILE: "打开的文件太多",
    errno.EIO: "读写设备出错",
    errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用",
    errno.EXDEV: "不能跨文件系统移动",
    errno.ENOTEMPTY: "目录不是空的",
}


def os_words(exc: OSError) -> str:
    """The operating system's reason for `exc`, in Chinese when it is a common one."""
    return ERRNO_WORDS.get(exc.errno or 0) or exc.strerror or str(exc)


def not_a_project(root: Path) -> str | None:
    """One line when `root` is no huifang project (a file, missing, or without content/), else None."""
    if root.exists() and not root.is_dir():
        return f"{root}: 这是一个文件，不是项目目录"
    if not root.is_dir():
        return f"{root}: 项目目录不存在"
    if not (root / "content").is_dir():
        return (
            f"{root}: 找不到 content/ 目录：这里和上级目录都不是 huifang 项目；"
            "请用 --project 指定项目根目录（含 content/ 和 scripts_src/），或用 huifang init 新建一个"
        )
    return None


def missing(path: str | os.PathLike) -> bool:
    """Nothing at `path` (or a link to nothing): a path named on the command line that is not there is a usage
    error, exit 2, in every command; a file that is there but cannot be read is that file's finding."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


def printable_path(path: str | os.PathLike) -> str:
    """A path named on the command line, on one line (a newline in it written as an escape)."""
    from huifang.problems import printable

    return printable(os.fspath(path))


def human_size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def reason(exc: OSError, path: str | os.PathLike | None = None) -> str:
    """Why a file could not be opened or read, in Chinese."""
    if isinstance(exc, PermissionError):
        return "没有读取权限（检查文件权限）"
    if isinstance(exc, IsADirectoryError):
        return FOLDER
    if isinstance(exc, FileNotFoundError):
        return "符号链接指向不存在的文件" if path is not None and os.path.islink(path) else "文件不存在"
    if exc.errno == errno.ELOOP:
        return os_words(exc)
    return f"无法读取：{os_words(exc)}"


def too_large(size: int, limit: int, hint: str) -> str:
    return f"文件过大（{human_size(size)}，上限 {human_size(limit)}）{hint}"


def read_handle(handle: int, display: str, limit: int, hint: str = "") -> bytes:
    """The bytes behind an open descriptor, at most `limit` of them (`hint` follows the too-large reason)."""
    info = os.fstat(handle)
    if stat.S_ISDIR(info.st_mode):
        raise ContentError(display, 1, 1, FOLDER)
    if not stat.S_ISREG(info.st_mode):
        raise ContentError(display, 1, 1, NOT_REGULAR)
    size = info.st_size
    if limit < 0:  # only checking
        return b""
    if size > limit:
        raise ContentError(display, 1, 1, too_large(size, limit, hint))
    raw = os.read(handle, size + 1)  # os.read: half the cost of open().read() on small files
    if len(raw) > size:  # grew since fstat: read on to the end (or past the limit)
        parts, size = [raw], len(raw)
        while parts[-1] and size <= limit:
            parts.append(os.read(handle, 65536))
            size += len(parts[-1])
        raw = b"".join(parts)
        if size > limit:
            raise ContentError(display, 1, 1, too_large(size, limit, hint))
    return raw


def check(path: str | os.PathLike, display: str) -> None:
    """ContentError(display, 1, 1, reason) unless the file can be opened and is a regular file; nothing is read."""
    read_bytes(path, display, -1)


def read_bytes(path: str | os.PathLike, display: str, limit: int, hint: str = "", *, flags: int = 0) -> bytes:
    """The bytes of a regular file, or ContentError(display, 1, 1, reason). `flags`: added to os.open's
    (O_NOFOLLOW for a caller that checks links itself: it then gets the OSError ELOOP back)."""
    try:
        handle = os.open(path, os.O_RDONLY | NONBLOCK | flags)
    except OSError as exc:
        if flags and exc.errno == errno.ELOOP:
            raise
        raise ContentError(display, 1, 1, reason(exc, path)) from None
    try:
        return read_handle(handle, display, limit, hint)
    except OSError as exc:
        raise ContentError(display, 1, 1, reason(exc, path)) from None
    finally:
        os.close(handle)
