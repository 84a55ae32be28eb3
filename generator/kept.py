"""Work kept between runs of huifang: a dict per kind (compiled regexes, compiled class methods),
stored with `marshal` in the user's cache directory, one file per Python build, read on first use
and added to when the process ends.

The folder must be one nobody else can write to (`usercache.private_folder`): what is kept decides
what the linter does. `HUIFANG_NO_CACHE=1` turns keeping off. Anything wrong with a file (cut short,
written by another build, not a dict) makes it count as empty.

Every run reads the whole file, and entries nobody asks for any more stay in it (a regex of element
wording since edited, tables of an older huifang): a file is kept under `BUDGET` bytes by dropping its
oldest entries when it is written, so what a run reads stays bounded however long a team edits. An
entry still in use that was dropped is worked out once more and kept again, as the newest.
"""

from __future__ import annotations

import os
import sys

KEEP = 4096  # entries per file; the oldest beyond this are dropped when the file is written
BUDGET = 2 * 1024 * 1024  # bytes per file (reading 2 MB of marshal takes under a millisecond)


class Kept:
    def __init__(self, name: str, keep: int = KEEP, budget: int = BUDGET):
        self.name = name
        self.keep = keep
        self.budget = budget
        self.entries: dict | None = None  # None until first read
        self.new: dict = {}
        self.path: str | None = None

    def get(self, key):
        if self.entries is None:
            self._load()
        return self.entries.get(key)  # type: ignore[union-attr]

    def all(self) -> dict:
        """Every entry kept by earlier runs."""
        if self.entries is None:
            self._load()
        return self.entries  # type: ignore[return-value]

    def put(self, key, value) -> None:
        """Keep `value` (marshal-able) for the next run; nothing is kept without a private folder."""
        if self.entries is None:
            self._load()
        if self.path is None:
            return
        if not self.new:
            import atexit

            atexit.register(self.save)
        self.new[key] = value

    def _load(self) -> None:
        self.entries = {}
        self.path = self._where()
        if self.path is None:
            return
        try:
            import marshal

            with open(self.path, "rb") as handle:
                found = marshal.loads(handle.read())  # load(handle) reads it a few bytes at a time
            if isinstance(found, dict):
                self.entries = found
        except (OSError, EOFError, ValueError, TypeError):
            pass

    def _where(self) -> str | None:
        if os.environ.get("HUIFANG_NO_CACHE") or sys.implementation.name != "cpython":
            return None
        try:
            import zlib

            from huifang.usercache import private_folder

            folder = private_folder(self.name)
            if folder is None:
                return None
            build = zlib.crc32(f"{sys.version}\0{sys.executable}".encode())
            return os.path.join(folder, f"{sys.implementation.cache_tag}-{build:08x}.marshal")
        except Exception:
            return None

    def save(self) -> None:
        """Add this process's new entries to the file (run at exit)."""
        if not self.new or self.path is None:
            return
        try:
            import marshal

            try:
                with open(self.path, "rb") as handle:
                    merged = marshal.loads(handle.read())
                if not isinstance(merged, dict):
                    merged = {}
            except (OSError, EOFError, ValueError, TypeError):
                merged = {}
            merged.update(self.new)
            if len(merged) > self.keep:
                merged = dict(list(merged.items())[-self.keep :])
            data = marshal.dumps(merged)
            if len(data) > self.budget:
                data = marshal.dumps(_newest(merged, self.budget))
            temp = f"{self.path}.{os.getpid()}.tmp"
            with open(temp, "wb") as out:
                out.write(data)
            os.replace(temp, self.path)
        except Exception:  # a full disk or a read-only home: keeping is only a shortcut
            pass
        self.new = {}


def _newest(entries: dict, budget: int) -> dict:
    """The newest entries (the last inserted) whose marshalled size fits `budget` bytes."""
    import marshal

    kept: list = []
    size = 8  # the dict's own marks
    for key, value in reversed(list(entries.items())):
        size += len(marshal.dumps(key)) + len(marshal.dumps(value))
        if size > budget:
            break
        kept.append((key, value))
    return dict(reversed(kept))
