"""Where this huifang was installed from, as what `pip install` needs to install the same huifang again: the wheel
file, the URL or repository pip fetched, the source folder, or a package index (PEP 610's `direct_url.json`, which
pip and uv write into the dist-info; none when an index gave it). huifang is not on PyPI: a command that tells a user
to `pip install 'huifang[site]'` must name where this huifang came from, or it fails."""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlparse

from huifang import __version__

HERE = Path(__file__).resolve().parent
ARCHIVES = (".whl", ".tar.gz", ".zip")


class Source(NamedTuple):
    kind: str  # "file": a wheel or sdist on this machine; "url": a URL or a VCS reference; "folder"; "index"
    where: str  # the file's or folder's path, the URL (with `git+`), "" for an index
    editable: bool = False

    def argument(self, extras: str = "") -> str:
        """What `pip install` takes for this huifang (with `extras`, e.g. "all"), quoted for a shell."""
        tail = f"[{extras}]" if extras else ""
        if self.kind in ("file", "folder"):
            return ("-e " if self.editable else "") + shlex.quote(self.where + tail)
        if self.kind == "url":
            return shlex.quote(f"huifang{tail} @ {self.where}")
        return shlex.quote(f"huifang{tail}=={__version__}")


def source() -> Source:
    """How this huifang was installed."""
    import importlib.metadata as metadata

    for dist in metadata.distributions(name="huifang"):
        try:
            text = dist.read_text("direct_url.json")
        except OSError:
            text = None
        if text:
            found = from_direct_url(text)
            if found is not None:
                return found
    if "site-packages" in HERE.parts or "dist-packages" in HERE.parts:
        return Source("index", "")
    return Source("folder", str(HERE.parent))  # run from a checkout (generator/ is the package)


def from_direct_url(text: str) -> Source | None:
    try:
        data = json.loads(text)
        url = str(data["url"])
    except (ValueError, KeyError, TypeError):
        return None
    vcs = data.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs"):
        commit = vcs.get("commit_id") or vcs.get("requested_revision")
        return Source("url", f"{vcs['vcs']}+{url}" + (f"@{commit}" if commit else ""))
    parsed = urlparse(url)
    if parsed.scheme != "file":
        return Source("url", url)
    path = unquote(parsed.path)
    if os.name == "nt" and path.startswith("/") and path[2:3] == ":":
        path = path[1:]
    dir_info = data.get("dir_info")
    if isinstance(dir_info, dict):
        return Source("folder", path, bool(dir_info.get("editable")))
    return Source("file", path)


def usable(found: Source) -> bool:
    """Whether `found` can still be installed from: its file or folder is still there."""
    return found.kind not in ("file", "folder") or os.path.exists(found.where)


def install_command(extras: str = "") -> str:
    """`pip install …` for this huifang with `extras`, from where it came (a package index: by name and version)."""
    found = source()
    if not usable(found):  # the wheel moved or deleted since: its name, for the copy the user still has
        found = Source("file", os.path.basename(found.where)) if found.kind == "file" else Source("index", "")
    return f"pip install {found.argument(extras)}"
