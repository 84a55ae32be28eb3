"""The forms cache: PDFs stored by the hash of everything that decides their bytes.

`<project>/.huifang-cache/forms/` holds `<key>.pdf` files plus one manifest per output directory
(which file there was built from which key). A rebuild renders only documents whose key is new;
a wiped output directory (mkdocs cleans `site/` on every build) is refilled by copying, not by
rendering again. A read-only project keeps them in the user's cache folder instead
(`usercache.project_folder`); with nowhere to write, a run keeps them in memory and renders everything.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from huifang import __version__
from huifang.atomic import write_bytes, write_text
from huifang.usercache import project_folder

FORMAT = 1
KEEP_UNUSED_DAYS = 14


def key_of(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class Cache:
    def __init__(self, root: Path, out_dir: Path):
        folder = project_folder(Path(root).resolve())
        self.dir: Path | None = None if folder is None else folder / "forms"
        self.memory: dict[str, bytes] = {}  # with nowhere to write: this run's PDFs
        out = str(Path(out_dir).resolve())
        self.manifest_path: Path | None = None if self.dir is None else self.dir / f"manifest-{key_of(out)[:16]}.json"
        self.manifest: dict[str, dict] = {}
        try:
            if self.manifest_path is not None:
                data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
                if data.get("format") == FORMAT and data.get("version") == __version__:
                    self.manifest = dict(data.get("files", {}))
        except (OSError, ValueError, AttributeError):
            self.manifest = {}
        self.used: set[str] = set()

    def stored(self, key: str) -> Path | None:
        return None if self.dir is None else self.dir / f"{key}.pdf"

    def has(self, key: str) -> bool:
        stored = self.stored(key)
        return key in self.memory or (stored is not None and stored.is_file())

    def current(self, out: Path, key: str) -> bool:
        """The output file is already the one this key describes."""
        entry = self.manifest.get(out.name)
        if not entry or entry.get("key") != key:
            return False
        try:
            stat = out.stat()
        except OSError:
            return False
        return stat.st_size == entry.get("size") and stat.st_mtime_ns == entry.get("mtime_ns")

    def fetch(self, key: str) -> bytes | None:
        if key in self.memory:
            return self.memory[key]
        stored = self.stored(key)
        if stored is None:
            return None
        try:
            return stored.read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        stored = self.stored(key)
        if stored is None:
            self.memory[key] = data
            return
        write_bytes(stored, data)  # a full disk fails the run here, before any output is touched

    def record(self, out: Path, key: str) -> None:
        stat = out.stat()
        self.manifest[out.name] = {"key": key, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
        self.used.add(key)

    def keep(self, out: Path, key: str) -> None:
        self.used.add(key)

    def save(self, names: set[str]) -> list[str]:
        """Write the manifest; returns names built earlier that are no longer produced (stale)."""
        stale = sorted(set(self.manifest) - names)
        for name in stale:
            self.manifest.pop(name, None)
        if self.manifest_path is None:
            return stale
        text = json.dumps(
            {"format": FORMAT, "version": __version__, "files": dict(sorted(self.manifest.items()))},
            ensure_ascii=False,
            indent=1,
        )
        write_text(self.manifest_path, text + "\n")
        self.prune()
        return stale

    def prune(self) -> None:
        """Forget stored PDFs nobody used for a while (touch the ones in use)."""
        if self.dir is None:
            return
        now = time.time()
        for key in self.used:
            try:
                os.utime(self.dir / f"{key}.pdf")
            except OSError:
                pass
        try:
            entries = list(self.dir.glob("*.pdf"))
        except OSError:
            return
        for path in entries:
            try:
                if path.stem not in self.used and now - path.stat().st_mtime > KEEP_UNUSED_DAYS * 86400:
                    path.unlink()
            except OSError:
                pass
