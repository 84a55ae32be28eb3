"""Fast `huifang serve` reloads: MkDocs dirty builds that re-render only the pages whose text changed.

MkDocs' dirty build (`serve --dirty`) skips a page when its source file is older than its HTML.
Pages generated in memory always count as changed, so in serve the generated pages are written to
`.huifang-cache/pages/` (only when their text changed, so unchanged pages keep their mtime) and
added as files on disk. A dirty build alone would leave the site wrong in three ways, fixed here:

- skipped pages are never read, so they have no title for the navigation and footer of the pages
  that are rebuilt: their title and front matter are kept from the previous build;
- the tags page lists only the tags of rebuilt pages: it is rebuilt every time, from all pages' tags;
- Material's search index would hold only the rebuilt pages: the entries of skipped pages are kept
  from the previous build and merged in page order, as a full build orders them.

Anything that changes more than page bodies (navigation, set of pages, titles, tags, the search
dictionary, mkdocs.yml) makes the next build a full one, as does a failed build.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from huifang import atomic
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import get_markdown_title
from mkdocs.utils import meta as front

log = logging.getLogger("mkdocs.plugins.huifang")
TAGS_PAGE = "tags.md"
DIRTY_WARNING = "A 'dirty' build is being performed"


def always_modified(file: File) -> None:
    """Make MkDocs' dirty build render this file whatever the mtimes say."""
    file.is_modified = lambda: True  # type: ignore[method-assign]


def page_key(src_uri: str, text: str) -> tuple:
    """What other pages show of a page: its front matter and its first heading."""
    try:
        markdown, meta = front.get_data(text)
    except Exception:  # a broken front matter: let the full build report it
        return (src_uri, text)
    return (src_uri, json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str), get_markdown_title(markdown))


class Incremental:
    """What one serve session remembers between builds."""

    def __init__(self, cache: Path):
        self.cache = cache
        self.signature: str | None = None  # of the last successful build
        self.pages: dict[str, tuple] = {}  # src_uri -> (title, meta) after the last successful build
        self.entries: dict[str, list[dict]] = {}  # page url -> its search entries (Traditional included)
        self.full = True  # is the current build a full one?
        self.skipped: set[str] = set()
        self.written: dict[str, str] = {}  # src_uri -> the HTML file it was written to

    # -- files ---------------------------------------------------------------------------------------
    def page_file(self, config, src_uri: str, content: str) -> File:
        """The generated page as a file on disk, rewritten only when its text changed."""
        path = self.cache / src_uri
        data = content.encode("utf-8")
        try:
            same = path.read_bytes() == data
        except OSError:
            same = False
        if not same:
            atomic.write_bytes(path, data)
        return File.generated(config, src_uri, abs_src_path=str(path))

    def plan(self, files: Files, config, extra: str, partial: bool = True) -> None:
        """Decide between a full and a partial build; `extra` is any other input to the signature.
        `partial=False` (a tags plugin this module does not know how to feed) forces a full one."""
        digest = hashlib.sha256(extra.encode("utf-8"))
        digest.update(json.dumps(config.nav, ensure_ascii=False, default=str).encode("utf-8"))
        pages = files.documentation_pages()
        for file in pages:
            digest.update(repr(page_key(file.src_uri, file.content_string)).encode("utf-8"))
        signature = digest.hexdigest()
        self.full = not partial or signature != self.signature or any(f.src_uri not in self.pages for f in pages)
        self.signature = signature
        current = {f.src_uri for f in pages}
        for src_uri, dest in self.written.items():  # a removed page must not stay reachable
            if src_uri not in current:
                Path(dest).unlink(missing_ok=True)
        for file in pages:
            if self.full or file.src_uri == TAGS_PAGE:
                always_modified(file)

    # -- between reading and writing pages -------------------------------------------------------------
    def restore(self, files: Files, tags_plugin) -> None:
        """Give skipped pages their title and front matter; give the tags plugin their tags."""
        self.skipped = set()
        if self.full:
            return
        order = []
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            order.append(page.url)
            if page.markdown is None:  # not read: unchanged since the last build
                self.skipped.add(page.url)
                title, meta = self.pages[file.src_uri]
                page.title = title
                page.meta = dict(meta)
                if tags_plugin is not None and tags_plugin.filter(file):
                    tags_plugin.mappings.add(page, "")
        if tags_plugin is not None:  # the listing, ordered as a full build would order it
            data = tags_plugin.mappings.data
            ordered = {url: data[url] for url in order if url in data}
            data.clear()
            data.update(ordered)

    # -- after the pages are written -------------------------------------------------------------------
    def merge_search(self, files: Files, entries: list[dict]) -> list[dict]:
        """The full index: fresh entries of rebuilt pages, remembered entries of skipped ones."""
        fresh: dict[str, list[dict]] = {}
        for entry in entries:
            fresh.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
        merged: list[dict] = []
        kept: dict[str, list[dict]] = {}
        for file in files.documentation_pages():
            if file.page is None:
                continue
            url = file.page.url
            group = self.entries.get(url, []) if url in self.skipped else fresh.get(url, [])
            kept[url] = group
            merged += group
        self.entries = kept
        return merged

    def remember(self, files: Files) -> None:
        pages = [f for f in files.documentation_pages() if f.page is not None]
        self.pages = {f.src_uri: (f.page.title, dict(f.page.meta)) for f in pages if f.page is not None}
        self.written = {f.src_uri: f.abs_dest_path for f in pages}

    def forget(self) -> None:
        """After a failed build, start over with a full one."""
        self.signature = None
        self.pages = {}
        self.entries = {}


class CompiledTemplates(BytecodeCache):
    """Compiled theme templates kept in memory across rebuilds (MkDocs makes a new Jinja2
    environment for every build, and compiling Material's templates took a third of a reload)."""

    def __init__(self):
        self.store: dict[str, tuple[str, Any]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self.store.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = (bucket.checksum, bucket.code)

    def attach(self, theme) -> None:
        """Every environment this build's theme makes uses the cache."""
        make = theme.get_env

        def get_env():
            env = make()
            env.bytecode_cache = self
            return env

        theme.get_env = get_env


class DirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that navigation may be wrong; here it is not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)
