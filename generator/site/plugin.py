"""The `huifang` MkDocs plugin: handbook pages generated in memory from the project's YAML.

Declared as the `huifang` entry point, so `mkdocs build`/`mkdocs serve` work as well as
`huifang build`/`huifang serve`. Events, in build order:

- on_config: load and validate the project, lint it, set the navigation, point Material's search at
  our jieba user dictionary and add our CSS and the bundled Mermaid (no CDN; on_post_page leaves it out of
  the pages without a chart);
- on_files: add the generated pages and assets as in-memory files;
- on_serve: watch content/, scripts_src/, templates/ and huifang.yaml;
- on_post_build: index Traditional spellings, write the PDF forms, drop the dated sitemap.

`huifang serve` runs dirty builds that re-render only changed pages (incremental.py); builds are
always full.
"""

from __future__ import annotations

import hashlib
import logging
import os
import posixpath
import re
import shutil
import threading
from pathlib import Path

from huifang import atomic
from huifang.problems import ContentError
from huifang.project import CONFIG_FILE, CONTENT, SCRIPTS, load_project
from huifang.site import glossary, search, synonyms, taglist
from huifang.site.escape import md
from huifang.site.incremental import CompiledTemplates, Incremental
from huifang.site.lintinfo import lint
from huifang.site.pages import BUILTIN_TEMPLATES, MAINTAINERS, Site, environment
from huifang.site.worker import patched_worker
from huifang.templates import FORMS  # templates/, a package mypy does not see: FORMS is Any to it
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.plugins.huifang")
ASSETS = Path(__file__).resolve().parent / "assets"
MERMAID = ASSETS / "mermaid" / "mermaid.min.js"
OVERRIDES = Path(__file__).resolve().parent / "overrides"  # Chinese 404 page
ASSET_DIR = "assets/huifang"
MAX_SHOWN = 30
TAG_BOOST = 50
KEYWORD_BOOST = 500  # the intent table's words, hidden in a page's first section
MERMAID_SCRIPT = re.compile(r'<script src="[^"]*assets/huifang/mermaid\.min\.js"></script>\n?')
MERMAID_CHART = re.compile(r'class="(?:[^"]*\s)?mermaid[\s"]')
# `huifang build` has already loaded and linted the project to report problems; it hands the result
# over here (keyed by project root) so the first build does not do that work twice.
PRELOADED: dict[Path, tuple] = {}
# `huifang serve`: parsed and validated files by project root, so a rebuild parses only changed files
PARSED: dict[Path, dict] = {}


def without_idle_mermaid(html: str, features) -> str:
    """The page without the 2.7 MB Mermaid script when it has no chart to draw: a phone then neither fetches nor
    runs it (≈ 0.2 s of a page load's CPU in Chromium, bench/README.md "Test suite time (session 29)"). With
    Material's instant navigation a page is swapped in without loading the scripts again, so every page keeps it."""
    if "navigation.instant" in features or MERMAID_CHART.search(html):
        return html
    return MERMAID_SCRIPT.sub("", html, count=1)


class HuifangConfig(Config):
    project = c.Optional(c.Type(str))  # project root; default: the directory of mkdocs.yml
    forms = c.Type(bool, default=True)  # write the PDF forms into site/forms
    lint = c.Type(bool, default=True)  # run the script linter, show its status per script
    lint_errors = c.Optional(c.Choice(["fail", "warn"]))  # default: huifang.yaml build.lint_errors
    user_dictionary = c.Type(bool, default=True)  # jieba user dictionary from our own terms
    traditional = c.Type(bool, default=True)  # index Traditional spellings as well
    query_segmentation = c.Type(bool, default=True)  # look up a query's last word whole (worker.py)
    traditional_edition = c.Type(bool, default=True)  # the whole site again at zh-Hant/ (traditional.py)
    ledger = c.Optional(c.Type(str))  # the SQLite ledger of the 维护者 dashboards; default huifang.sqlite


def problem_lines(problems, limit: int = MAX_SHOWN) -> str:
    lines = [str(p) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"……另有 {len(problems) - limit} 个问题未列出（运行 huifang check / huifang lint 查看全部）")
    return "\n".join(lines)


class HuifangPlugin(BasePlugin[HuifangConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.serving = False
        self.loaded = None
        self.site: Site | None = None
        self.root: Path | None = None
        self._forms_thread: threading.Thread | None = None
        self._forms_key = None
        self._forms_lock = threading.Lock()
        self.dirty = False
        self.incremental: Incremental | None = None
        self._env = None  # the page templates' environment, kept across serve rebuilds
        self._files: Files | None = None
        self._compiled = CompiledTemplates()
        self._dictionary: str | None = None  # the user dictionary loaded into jieba (serve)
        self.intents = synonyms.Table()
        self._pages: list = []
        self._temporary: Path | None = None  # cache_dir() with no cache folder writable

    # -- configuration --------------------------------------------------------------------------
    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        self.dirty = dirty and self.serving

    def project_root(self, config) -> Path:
        explicit = os.environ.get("HUIFANG_PROJECT") or self.config.project
        base = Path(config.config_file_path or ".").resolve().parent
        return (base / explicit).resolve() if explicit else base

    def lint_mode(self) -> str:
        mode = os.environ.get("HUIFANG_LINT_ERRORS") or self.config.lint_errors
        return mode or self.loaded.project.config.build_lint_errors

    @event_priority(100)  # before Material's search plugin reads the jieba dictionary
    def on_config(self, config):
        self.root = self.project_root(config)
        if self.dirty:
            self._compiled.attach(config.theme)
        preloaded = PRELOADED.pop(self.root, None)
        self.loaded = (
            preloaded[0]
            if preloaded
            else load_project(self.root, reuse=PARSED.setdefault(self.root, {}) if self.dirty else None)
        )
        errors = [p for p in self.loaded.problems if p.severity == "error"]
        if errors:
            raise PluginError(f"内容有 {len(errors)} 个问题，未生成网站：\n{problem_lines(errors)}")
        report = preloaded[1] if preloaded and self.config.lint else lint(self.loaded, self.config.lint)
        if report.message and self.config.lint:
            log.warning(report.message)
        if report.errors and self.lint_mode() == "fail" and not self.serving:
            raise PluginError(
                f"话术检查发现 {len(report.errors)} 个错误，未生成网站"
                f"（--lint-errors warn 可只警告）：\n{problem_lines(report.errors)}"
            )
        for problem in report.errors if not preloaded and (self.lint_mode() == "warn" or self.serving) else ():
            log.warning(str(problem))
        docs = Path(config.docs_dir)
        prose = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) if docs.is_dir() else []
        if self._env is None or self._env[0] != self.root:
            self._env = (self.root, environment(self.root))
        self.site = Site(self.loaded.project, report, prose, env=self._env[1])
        try:
            self.site.terms = glossary.load(self.root)
        except ContentError as error:
            raise PluginError(f"术语表有问题，未生成网站：\n{error.problem}") from None
        from huifang.site.dashboards import ledger_file

        self.site.ledger = ledger_file(self.root, self.config.ledger)
        self._pages = self.site.pages()
        self.intents, problem = synonyms.check(self.root, {p.src_uri for p in self._pages} | set(prose))
        if problem is not None:
            raise PluginError(f"搜索同义词表有问题，未生成网站：\n{problem.problem}")
        if self.intents.intents and any(p.src_uri == "forbidden.md" for p in self._pages):
            said = [str(t) for f in self.loaded.project.forbidden for t in (f.phrase, *f.variants)]
            self.intents = synonyms.with_phrases(self.intents, said, "forbidden.md")
        config.nav = self.site.nav(prose) + list(config.nav or [])  # the team's own nav entries follow ours
        self.configure_search(config)
        dirs = config.theme.dirs
        if str(OVERRIDES) not in dirs:  # after a team's own custom_dir, before the theme's
            dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))
        config.extra_css.append(f"{ASSET_DIR}/huifang.css")
        config.extra_javascript.append(f"{ASSET_DIR}/mermaid.min.js")
        config.extra_javascript.append(f"{ASSET_DIR}/huifang.js")
        config.extra_javascript.append(f"{ASSET_DIR}/practice.js")
        return config

    def configure_search(self, config) -> None:
        plugin = self.search_plugin(config)
        if plugin is None or not self.search_extras():
            return
        # Material boosts tags a million times; our stage tags include words like 回访 that nearly every
        # query contains, which would rank pages by their tags alone.
        plugin.config.fields.setdefault("tags", {"boost": TAG_BOOST})
        if self.intents.intents:
            plugin.config.fields.setdefault("keywords", {"boost": KEYWORD_BOOST})
            plugin.config.fields.setdefault("keywords_also", {"boost": KEYWORD_BOOST / 5})
            # a folder's pages count only when the query names them (worker.py): no weight of their own
            plugin.config.fields.setdefault("keywords_each", {"boost": 1})
        if not self.config.user_dictionary:
            return
        path = self.cache_dir() / "jieba-user-dict.txt"
        text = search.user_dictionary(self.loaded.project, [t.term for t in self.site.terms] if self.site else [])
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            atomic.write_text(path, text)
        if not self.dirty:
            plugin.config.jieba_dict_user = str(path)
        elif text != self._dictionary:  # serve: loaded once per change, not added again per rebuild
            search.load_user_dictionary(str(path))
            self._dictionary = text

    @staticmethod
    def search_extras() -> bool:
        """HUIFANG_SEARCH_EXTRAS=0 builds the search a team gets by default (for the comparison bench)."""
        return os.environ.get("HUIFANG_SEARCH_EXTRAS", "1") != "0"

    @staticmethod
    def search_plugin(config):
        from material.plugins.search.plugin import SearchPlugin

        for plugin in config.plugins.values():
            if isinstance(plugin, SearchPlugin):
                return plugin
        return None

    def cache_dir(self) -> Path:
        """The project's cache (`usercache.project_folder`: `.huifang-cache`, or the user's cache folder for a
        read-only project); with neither writable, a private temporary folder kept for this plugin's life."""
        assert self.root is not None, "on_config sets the root first"
        from huifang.usercache import project_folder

        path = project_folder(self.root)
        if path is not None:
            return path
        if self._temporary is None:
            import tempfile

            self._temporary = Path(tempfile.mkdtemp(prefix="huifang-cache-"))
        return self._temporary

    # -- files ----------------------------------------------------------------------------------
    def on_files(self, files: Files, *, config):
        incremental = self.dirty_state()
        for page in self._pages:
            if files.get_file_from_path(page.src_uri) is None:
                files.append(
                    incremental.page_file(config, page.src_uri, page.content)
                    if incremental
                    else File.generated(config, page.src_uri, content=page.content)
                )
        if self.search_extras() and self.config.query_segmentation:
            stop, keep = None, []
            means: dict[str, list[list[str]]] = {}
            if self.intents.stop or self.intents.intents:
                stop = sorted({form for word in self.intents.stop for form in (word, *search.traditional(word))})
                keep = sorted(
                    {
                        form
                        for intent in self.intents.intents
                        if not intent.means
                        for word in intent.words
                        for form in (word, *search.traditional(word))
                    }
                )
                for word, meant in self.intents.meanings().items():
                    for form in (word, *search.traditional(word)):
                        means.setdefault(form, [[w, *search.traditional(w)] for w in meant])
            worker = patched_worker(stop, keep, means)
            if worker is not None:
                stock = files.get_file_from_path(worker[0])
                if stock is not None:
                    files.remove(stock)
                files.append(File.generated(config, worker[0], content=worker[1]))
        files.append(File.generated(config, f"{ASSET_DIR}/mermaid.min.js", abs_src_path=str(MERMAID)))
        files.append(File.generated(config, f"{ASSET_DIR}/huifang.css", abs_src_path=str(ASSETS / "huifang.css")))
        for name in ("huifang.js", "practice.js"):
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", abs_src_path=str(ASSETS / name)))
        if incremental:
            tags = self.tags_plugin(config)
            known = tags is None or (hasattr(tags, "mappings") and hasattr(tags, "filter"))
            incremental.plan(files, config, self.signature_extra(config), partial=known)
        return files

    def dirty_state(self) -> Incremental | None:
        if not self.dirty:
            return None
        if self.incremental is None or self.incremental.cache.parent != self.cache_dir():
            self.incremental = Incremental(self.cache_dir() / "pages")
        return self.incremental

    def signature_extra(self, config) -> str:
        """Inputs besides the pages that every page shows: settings, search dictionary, mkdocs.yml."""
        parts = [repr(sorted(self.config.items())), os.environ.get("HUIFANG_SEARCH_EXTRAS", ""), self._dictionary or ""]
        if config.config_file_path and Path(config.config_file_path).is_file():
            parts.append(Path(config.config_file_path).read_text(encoding="utf-8"))
        return "\n".join(parts)

    def on_page_markdown(self, markdown, *, page, config, files):
        """Pages of the 维护者 section stay out of search; a page that uses glossary terms ends with links to them."""
        if any(section.title == MAINTAINERS for section in page.ancestors):
            search_meta = page.meta.get("search")
            page.meta["search"] = {**(search_meta if isinstance(search_meta, dict) else {}), "exclude": True}
        if not self.site.terms or page.file.src_uri == "glossary.md":
            return markdown
        body = markdown.split("\n---\n", 1)[-1] if markdown.startswith("---") else markdown
        used = [t for t in self.site.terms if t.term in body]
        if not used:
            return markdown
        target = posixpath.relpath("glossary.md", posixpath.dirname(page.file.src_uri) or ".")
        links = "、".join(f"[{md(t.term)}]({target}#{t.anchor})" for t in used)
        return markdown.rstrip("\n") + f"\n\n本页术语：{links}（见术语表）\n{{: .hf-terms }}\n"

    @event_priority(-100)  # after the tags plugin has written its listing
    def on_post_page(self, output, *, page, config):
        """标签: each tag a collapsed line that opens to its pages (taglist.py); Mermaid only where a chart is."""
        if page.file.src_uri == "tags.md":
            output = taglist.collapse(output)
        return without_idle_mermaid(output, config.theme.get("features") or [])

    def on_post_template(self, output_content, *, template_name, config):
        """The pages written from a template alone (404.html): no chart there either."""
        if not template_name.endswith(".html"):
            return output_content
        return without_idle_mermaid(output_content, config.theme.get("features") or [])

    @event_priority(150)  # before the tags plugin builds its listing
    def on_env(self, env, *, config, files):
        self._files = files
        if self.incremental is not None and self.dirty:
            self.incremental.restore(files, self.tags_plugin(config))
        return env

    @staticmethod
    def tags_plugin(config):
        try:
            from material.plugins.tags.plugin import TagsPlugin
        except ImportError:
            return None
        for plugin in config.plugins.values():
            if isinstance(plugin, TagsPlugin) and plugin.config.enabled:
                return plugin
        return None

    def on_build_error(self, *, error):
        if self.incremental is not None:
            self.incremental.forget()

    def on_serve(self, server, *, config, builder):
        watched = [
            self.root / CONTENT,
            self.root / SCRIPTS,
            self.root / "templates",
            self.root / CONFIG_FILE,
            BUILTIN_TEMPLATES,
        ]
        if self.site is not None and self.site.ledger is not None:
            watched.append(self.site.ledger)  # the 维护者 dashboards follow new qa and report results
        for path in dict.fromkeys(watched):
            if path.exists():
                server.watch(str(path))
        return server

    # -- after the pages are written ---------------------------------------------------------------
    @event_priority(50)  # before Material's search plugin writes its index
    def _on_post_build_index(self, *, config):
        plugin = self.search_plugin(config)
        index = getattr(plugin, "search_index", None) if plugin is not None else None
        if index is not None and self.config.traditional and self.search_extras():
            search.add_traditional(index.entries, index.config["fields"])
        if index is not None and self.search_extras():
            search.add_title_parts(index.entries, index.config["fields"])
        if index is not None and self.search_extras() and self._files is not None:
            self.add_keywords(index.entries)
        if self.incremental is not None and self.dirty:
            if index is not None:
                index.entries = self.incremental.merge_search(self._files, index.entries)
                plugin.search_index_prev = None  # Material's own merge handles one page only
            self.incremental.remember(self._files)
        for name in ("sitemap.xml", "sitemap.xml.gz"):  # dated by build time; an intranet handbook needs none
            Path(config.site_dir, name).unlink(missing_ok=True)
        if self.config.forms and not os.environ.get("HUIFANG_NO_FORMS"):
            self.write_forms(Path(config.site_dir) / "forms")

    def add_keywords(self, entries: list[dict]) -> None:
        """The intent table's words (and their Traditional forms) in each target page's first section:
        `keywords` for the pages that answer them, `keywords_also` for those that answer less directly,
        `keywords_each` for the pages of a folder target (counted only when the query names the page)."""
        if self._files is None:
            return
        for kind in ("pages", "also", "each"):
            name = "keywords" if kind == "pages" else f"keywords_{kind}"
            urls = {}
            for page, words in self.intents.keywords(kind).items():
                file = self._files.get_file_from_path(page)
                if file is not None:
                    urls[file.url] = "\u200b".join(
                        dict.fromkeys(form for word in words for form in (word, *search.traditional(word)))
                    )
            for entry in entries:
                if entry.get("location") in urls:
                    entry[name] = urls.pop(entry["location"])

    @event_priority(-100)  # after every other plugin has written its files
    def _on_post_build_edition(self, *, config):
        if self.serving or not self.config.traditional_edition or os.environ.get("HUIFANG_NO_ZH_HANT"):
            return
        from huifang.site.traditional import mirror

        mirror(Path(config.site_dir))

    on_post_build = CombinedEvent(_on_post_build_index, _on_post_build_edition)

    def write_forms(self, out: Path) -> None:
        try:
            from huifang.forms.build import build_forms
        except ImportError as exc:
            if not (exc.name or "").startswith("huifang.forms"):
                raise
            log.warning("表单模块（generator.forms）尚未安装：网站中的 PDF 下载链接暂时无效")
            return
        if not self.serving:
            try:
                self.check_forms(build_forms(self.loaded, out))
            except ContentError as exc:
                problems = getattr(exc, "problems", None) or [exc.problem]
                raise PluginError(f"表单有 {len(problems)} 个问题：\n{problem_lines(problems)}") from None
            return
        # serve: rendering PDFs would delay every reload; render them beside the server into a cache
        # directory (build_forms is incremental) and copy them into the served site when ready.
        cache = self.cache_dir() / "serve-forms"
        key = self.forms_key()
        if key != self._forms_key:
            self._forms_key = key
            loaded = self.loaded

            def work():
                with self._forms_lock:
                    try:
                        self.check_forms(build_forms(loaded, cache))
                    except Exception as exc:  # keep serving pages; say why the PDFs are missing
                        log.warning(f"PDF 表单未能生成：{exc}")
                        return
                    self.copy_forms(cache, out)

            self._forms_thread = threading.Thread(target=work, name="huifang-forms", daemon=True)
            self._forms_thread.start()
        if cache.is_dir():
            self.copy_forms(cache, out)

    @staticmethod
    def check_forms(result) -> None:
        from huifang.problems import Problem

        problems = [p for p in (result or []) if isinstance(p, Problem)]
        if problems:
            raise PluginError(f"表单有 {len(problems)} 个问题：\n{problem_lines(problems)}")

    @staticmethod
    def copy_forms(source: Path, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        for pdf in source.glob("*.pdf"):
            target = out / pdf.name
            if target.exists():  # serve's rebuilds keep the site folder: the link of the last rebuild is there
                if os.path.samefile(pdf, target):
                    continue
                target.unlink()
            try:
                os.link(pdf, target)
            except OSError:
                shutil.copy2(pdf, target)

    def forms_key(self) -> str:
        digest = hashlib.sha256()
        for path in sorted(self.loaded.project.files):
            digest.update(path.as_posix().encode())
            digest.update(path.read_bytes() if path.is_file() else b"")
        assert self.root is not None, "on_config sets the root first"
        for folder in (self.root / "templates" / "forms", FORMS):
            for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
                if path.is_file():
                    digest.update(path.read_bytes())
        return digest.hexdigest()
