"""The embedded SQLite ledger that `huifang qa` and `huifang plan` / `report` share.

One file per team (default `huifang.sqlite` beside `huifang.yaml`, gitignored). Each user of the
ledger declares its tables as `SCHEMA[name] = [statements]`; `connect` creates what is missing, so a
ledger written by an older huifang gains the newer tables on first use. A statement may also be a function of
the connection, for a change that SQL's IF NOT EXISTS cannot say (a table of an older huifang becoming a view).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from huifang.atomic import left_by_dead_runs, public_mode

DEFAULT_NAME = "huifang.sqlite"
# the page size of a new ledger: a day of planned calls is one text of ≈ 16 KB (plan_days), which 4 KB pages (SQLite's
# default) split over a chain of five; a million calls were written in 0.105 s and read back in 0.032-0.075 s, in
# 16 KB pages 0.06 s and 0.025 s (the file 97 -> 106 MB). An older ledger keeps its pages (SQLite changes them only
# by a VACUUM).
PAGE_SIZE = 16384
# name -> CREATE statements (idempotent: IF NOT EXISTS). Filled by the modules that own the tables.
Statement = str | Callable[[sqlite3.Connection], None]
SCHEMA: dict[str, list[Statement]] = {}


# SQLite's own words for what went wrong (its messages are English) → the user's. Looked for in the message.
_REASONS = (
    ("file is not a database", "不是 SQLite 数据库，或已损坏"),
    ("malformed", "文件已损坏"),
    ("database is locked", "正被另一个程序使用（已锁定），请稍后再试"),
    ("readonly database", "文件只读，无法写入"),
    ("unable to open database file", "无法打开：所在文件夹不存在、没有权限，或这是一个文件夹"),
    ("disk i/o error", "磁盘读写出错"),
    ("database or disk is full", "磁盘已满"),
    ("out of memory", "内存不足"),
)


def reason(exc: BaseException) -> str:
    """What a sqlite3 error says, in Chinese (an error SQLite words otherwise: 「SQLite 报错：…」 with its words)."""
    said = str(exc)
    lowered = said.lower()
    for words, meaning in _REASONS:
        if words in lowered:
            return meaning
    return f"SQLite 报错：{said}"


def default_path(root: Path) -> Path:
    return Path(root) / DEFAULT_NAME


def named_but_missing(path: str | Path | None) -> str:
    """Why a ledger the user named with --db for reading (report, build, serve) is refused: it is not there, most
    likely a typo; nothing is made in its place (a new ledger would only print zeros). "" when it is there or
    not named (the default ledger beside huifang.yaml may be missing: the report and the pages say it is empty)."""
    from huifang.readfile import missing, printable_path

    if not path:
        return ""
    if not missing(path):
        if os.path.islink(path) and not os.path.exists(path):  # a link in a loop
            return f"{printable_path(path)}: 符号链接无法解析（指向自身或循环）：请检查 --db 的文件名"
        return ""
    return f"{printable_path(path)}: 回访台账不存在：请检查 --db 的文件名（台账在 huifang plan 或 huifang qa 第一次记入时建立）"


def register(name: str, statements: list[Statement]) -> None:
    SCHEMA[name] = statements


def connect(root: Path, path: Path | None = None) -> sqlite3.Connection:
    """Open (creating if needed) the ledger, with every registered table present."""
    target = Path(path) if path else default_path(root)
    connection = sqlite3.connect(target)
    connection.execute(f"PRAGMA page_size={PAGE_SIZE}")  # before WAL, which fixes it; nothing in a ledger that exists
    connection.execute("PRAGMA journal_mode=WAL")
    return create(connection)


def create(connection: sqlite3.Connection) -> sqlite3.Connection:
    """Every registered table made where missing."""
    connection.execute("PRAGMA foreign_keys=ON")
    with connection:
        for statements in SCHEMA.values():
            for statement in statements:
                if isinstance(statement, str):
                    connection.execute(statement)
                else:
                    statement(connection)
    return connection


def building(target: Path) -> tuple[sqlite3.Connection, Path]:
    """A new ledger for `target`, which does not exist yet, made in a file of its own beside it (the connection
    and that file); `publish` puts it in place once it is complete. Nobody else reads or writes that file, so it
    is written without a journal and without waiting for the disk: WAL writes every page twice (a first plan of
    a million events: 0.3 s of its 0.7 s in the ledger). The caller removes the file if it is not published; a
    run killed meanwhile leaves it (`.huifang.sqlite.new.<pid>.<random>`), and the next first run removes it."""
    sweep(target)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.new.{os.getpid()}.", dir=target.parent)
    except OSError as exc:  # said of the ledger the user named, not of a file of ours
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    os.close(fd)
    os.chmod(name, public_mode(directory=False) & 0o644)  # as SQLite makes a ledger: 0644 less the umask
    connection = sqlite3.connect(name)
    connection.execute(f"PRAGMA page_size={PAGE_SIZE}")
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    return create(connection), Path(name)


def sweep(target: Path) -> None:
    """Remove the new ledgers (and their WAL files) that runs killed before they could put them in place left
    beside `target`."""
    for path in left_by_dead_runs(target, ("new",)):
        if path.is_file():
            path.unlink(missing_ok=True)


def publish(connection: sqlite3.Connection, built: Path, target: Path) -> bool:
    """The ledger `building` made, closed, on disk and in place as `target` (under that name only), whole or not
    at all; False (and `target` as it was) when a ledger is there by now: another run made one meanwhile (or
    this file system has no hard links). A hard link, not a rename: a rename would put this ledger over that
    one and lose what the other run wrote."""
    connection.execute("PRAGMA journal_mode=WAL")  # kept in the file: the ledger as `connect` leaves one
    connection.close()
    with open(built, "rb+") as handle:
        os.fsync(handle.fileno())  # its pages on disk before it can be seen (written with synchronous=OFF)
    try:
        os.link(built, target)
    except OSError:
        return False
    os.unlink(built)
    if os.name == "posix":  # the new name on disk too
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    return True
