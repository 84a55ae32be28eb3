"""huifang's folders in the user's cache directory: $XDG_CACHE_HOME/huifang/<name>, else ~/.cache/huifang/<name>."""

from __future__ import annotations

import os
from pathlib import Path


def folder(name: str) -> Path | None:
    """Where the cache called `name` lives (not created here), or None without a home directory."""
    configured = os.environ.get("XDG_CACHE_HOME")
    base = Path(configured) if configured else None
    if base is None:
        try:
            home = Path.home()
        except RuntimeError:  # no HOME and no password entry
            return None
        if not home.is_dir():
            return None
        base = home / ".cache"
    return base / "huifang" / name


def private_folder(name: str) -> str | None:
    """`folder(name)`, created, if nobody but the user can write to it or to huifang's cache folder
    (what is kept there decides what the linter reads); None otherwise."""
    found = folder(name)
    if found is None:
        return None
    try:
        found.mkdir(parents=True, exist_ok=True, mode=0o700)
        for path in (found.parent, found):
            info = path.lstat()
            if info.st_uid != os.getuid() or info.st_mode & 0o022 or path.is_symlink():
                return None
    except (OSError, AttributeError):  # AttributeError: no getuid (Windows)
        return None
    return str(found)


def project_folder(root: str | os.PathLike) -> Path | None:
    """Where a project's own cache lives (forms' PDFs, the site's pages): `<root>/.huifang-cache` when it can be
    made and written there; for a read-only checkout (a CI runner's read-only mount, a folder of someone else's),
    `projects/<digest of the project's path>` in the user's private cache folder; None when neither can be
    written, and the caller runs without a cache. Nothing is said: the results are the same either way."""
    local = Path(root) / ".huifang-cache"
    try:
        local.mkdir(exist_ok=True)
        if os.access(local, os.W_OK | os.X_OK):
            return local
    except OSError:
        pass
    base = private_folder("projects")
    if base is None:
        return None
    import hashlib  # here: its import (OpenSSL) is ≈ 12 M instructions of every lint's start, which never gets here

    digest = hashlib.sha256(os.fsencode(Path(root).resolve())).hexdigest()[:16]
    found = Path(base) / digest
    try:
        found.mkdir(exist_ok=True, mode=0o700)
    except OSError:
        return None
    return found
