"""Reading one free-form script (.md, .txt) safely: inside the project, a regular file, within the size
limit, UTF-8; anything else is a finding of that file (`unreadable`), never an abort of the run."""

from __future__ import annotations

import os

from huifang.lint.result import UsageError
from huifang.problems import ContentError, Problem
from huifang.readfile import read_bytes

# Names are imported here, not in read(): a function-level `from module import name` costs an AttributeError
# (the module's missing __path__) on every call, and read() runs once per file.

GUARD = ("", "", 0)  # (project root, its real path, max file bytes; 0 = the default), set by the run before forking

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_FOLDERS: dict[
    str, tuple[bool, str]
] = {}  # folder as given → (inside the project?, real path): one realpath per folder


def read(file: str, display: str) -> str:
    root, real_root, limit = GUARD
    if not limit:
        from huifang.yamlload import DEFAULT_MAX_FILE_BYTES

        limit = DEFAULT_MAX_FILE_BYTES
    guarded = False
    if root:
        guarded, real = guard(file, root, real_root)
        if real:
            raise UsageError(f"{display}:1:1: 符号链接指向项目之外（{real}）：出于安全考虑拒绝读取")
    hint = "：可在 huifang.yaml 的 limits.max_file_bytes 中调整"
    try:
        try:
            # O_NOFOLLOW: a file that is itself a symlink fails with ELOOP and is resolved then
            raw = read_bytes(file, display, limit, hint, flags=_NOFOLLOW if guarded else 0)
        except OSError:  # ELOOP under O_NOFOLLOW: a symlink, to be followed only inside the project
            real = os.path.realpath(file)
            if not real.startswith(real_root + os.sep):
                raise UsageError(f"{display}:1:1: 符号链接指向项目之外（{real}）：出于安全考虑拒绝读取") from None
            raw = read_bytes(file, display, limit, hint)
    except ContentError as exc:
        raise UsageError(str(exc.problem)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        from huifang.lint.loader import guess_encoding

        stray = stray_bytes(raw, exc.start)
        if stray:
            raise UsageError(
                f"{display}:{stray}: 这里有不是 UTF-8 的字节（文件其余部分是 UTF-8，可能粘贴进了其他编码的文字）："
                "请在编辑器中改正这几个字，再另存为 UTF-8"
            ) from None
        name = guess_encoding(raw)
        if name == "UTF-16":
            raise UsageError(
                f"{display}:1:1: 文件是 UTF-16 编码：话术必须是 UTF-8 文本，请另存为 UTF-8"
                "（如 iconv -f UTF-16 -t UTF-8 原文件 > 新文件）"
            ) from None
        hint = f"看起来是 {name} 编码，" if name else ""
        source = name or "GBK"
        raise UsageError(
            f"{display}:1:1: 文件不是 UTF-8 编码，{hint}请在编辑器中另存为 UTF-8，"
            f"或运行 iconv -f {source} -t UTF-8 原文件 > 新文件"
        ) from None
    # NUL is looked for in the bytes: in UTF-8 the byte 0 is U+0000 and nothing else (found by memchr there, where
    # the decoded text, two bytes a character, is searched character by character)
    nul = b"\x00" in raw
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) >= 4 and nul and raw[1::2].count(0) > len(raw) // 4):
        raise UsageError(
            f"{display}:1:1: 文件是 UTF-16 编码：话术必须是 UTF-8 文本，请另存为 UTF-8"
            "（如 iconv -f UTF-16 -t UTF-8 原文件 > 新文件）"
        )
    if nul:
        raise UsageError(f"{display}:1:1: 文件含有 NUL 字节（二进制文件？）：话术必须是 UTF-8 文本")
    return text[1:] if text.startswith("\ufeff") else text


def stray_bytes(raw: bytes, start: int) -> str:
    """ "line:column" of the first byte that is not UTF-8 in a file that is otherwise UTF-8 (its other non-ASCII
    characters decode, nine in ten at least: a few pasted characters of another encoding, a cut-off character),
    or "" for a file in another encoding (named by `guess_encoding` instead, at 1:1)."""
    text = raw.decode("utf-8", errors="replace")
    wide = sum(1 for c in text if c > "\x7f")
    bad = text.count("\ufffd")
    if wide - bad < 9 * bad:
        return ""
    line, column = byte_position(raw, start)
    return f"{line}:{column}"


def byte_position(raw: bytes, start: int) -> tuple[int, int]:
    """(line, column) of a byte offset, the column in characters as the line decodes."""
    line_start = raw.rfind(b"\n", 0, start) + 1
    return raw.count(b"\n", 0, start) + 1, len(raw[line_start:start].decode("utf-8", errors="replace")) + 1


def guard(file: str, root: str, real_root: str) -> tuple[bool, str]:
    """(whether the file is inside the project, the real path it escapes to or ''). Resolved once
    per folder; a file that is itself a symlink is caught when it is opened (O_NOFOLLOW)."""
    folder, name = os.path.split(file)
    known = _FOLDERS.get(folder)
    if known is None:
        if len(_FOLDERS) > 10_000:
            _FOLDERS.clear()
        absolute = os.path.abspath(folder or ".")
        inside = absolute == root or absolute.startswith(root + os.sep)
        known = _FOLDERS[folder] = (inside, os.path.realpath(folder or ".") if inside else "")
    inside, real = known
    if not inside:
        return False, ""
    if not _NOFOLLOW and os.path.islink(file):
        real = os.path.realpath(file)
        return True, "" if real.startswith(real_root + os.sep) else real
    if real == real_root or real.startswith(real_root + os.sep):
        return True, ""
    return True, os.path.join(real, name)


def unreadable(message: str, display: str) -> Problem:
    """An unreadable free-form file as a finding of that file (the others are still linted)."""
    rest = message[len(display) :] if message.startswith(display) else ": " + message
    line = column = 1
    parts = rest.split(":", 3)
    if len(parts) == 4 and parts[1].isdigit() and parts[2].isdigit():
        line, column, text = int(parts[1]), int(parts[2]), parts[3].strip()
    else:
        text = rest.lstrip(": ").strip()
    return Problem(display, line, column, text, "error", "check", line, column)
