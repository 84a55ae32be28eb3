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
