"""The forms cache: PDFs stored by the hash of everything that decides their bytes.

`<project>/.huifang-cache/forms/` holds `<key>.pdf` files plus one manifest per output directory
(which file there was built from which key). A rebuild renders only documents whose key is new;
a wiped output directory (mkdocs cleans `site/` on every build) is refilled by copying, not by
rendering again.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from huifang import __version__
from huifang.atomic import write_bytes, write_text

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
        self.dir = Path(root).resolve() / ".huifang-cache" / "forms"
        out = str(Path(out_dir).resolve())
        self.manifest_path = self.dir / f"manifest-{key_of(out)[:16]}.json"
        self.manifest: dict[str, dict] = {}
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT and data.get("version") == __version__:
                self.manifest = dict(data.get("files", {}))
        except (OSError, ValueError, AttributeError):
            self.manifest = {}
        self.used: set[str] = set()

    def stored(self, key: str) -> Path:
        return self.dir / f"{key}.pdf"

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
        try:
            return self.stored(key).read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        write_bytes(self.stored(key), data)

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
        write_text(
            self.manifest_path,
            json.dumps(
                {"format": FORMAT, "version": __version__, "files": dict(sorted(self.manifest.items()))},
                ensure_ascii=False,
                indent=1,
            )
            + "\n",
        )
        self.prune()
        return stale

    def prune(self) -> None:
        """Forget stored PDFs nobody used for a while (touch the ones in use)."""
        now = time.time()
        for key in self.used:
            try:
                os.utime(self.stored(key))
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
