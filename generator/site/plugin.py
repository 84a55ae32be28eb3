"""The `huifang` MkDocs plugin: handbook pages generated in memory from the project's YAML.

Declared as the `huifang` entry point, so `mkdocs build`/`mkdocs serve` work as well as
`huifang build`/`huifang serve`. Events, in build order:

- on_config: load and validate the project, lint it, set the navigation, point Material's search at
  our jieba user dictionary and add our CSS and the bundled Mermaid (no CDN);
- on_files: add the generated pages and assets as in-memory files;
- on_serve: watch content/, scripts_src/, templates/ and huifang.yaml;
- on_post_build: index Traditional spellings, write the PDF forms, drop the dated sitemap.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from generator import atomic
from generator.problems import ContentError
from generator.project import CONFIG_FILE, CONTENT, SCRIPTS, load_project
from generator.site import search
from generator.site.lintinfo import lint
from generator.site.pages import BUILTIN_TEMPLATES, Site
from generator.site.worker import patched_worker

log = logging.getLogger("mkdocs.plugins.huifang")
REPO = Path(__file__).resolve().parents[2]
ASSETS = Path(__file__).resolve().parent / "assets"
MERMAID = Path("vendor") / "mermaid" / "mermaid.min.js"
ASSET_DIR = "assets/huifang"
MAX_SHOWN = 30
TAG_BOOST = 50
# `huifang build` has already loaded and linted the project to report problems; it hands the result
# over here (keyed by project root) so the first build does not do that work twice.
PRELOADED: dict[Path, tuple] = {}


class HuifangConfig(Config):
    project = c.Optional(c.Type(str))           # project root; default: the directory of mkdocs.yml
    forms = c.Type(bool, default=True)          # write the PDF forms into site/forms
    lint = c.Type(bool, default=True)           # run the script linter, show its status per script
    lint_errors = c.Optional(c.Choice(["fail", "warn"]))  # default: huifang.yaml build.lint_errors
    user_dictionary = c.Type(bool, default=True)  # jieba user dictionary from our own terms
    traditional = c.Type(bool, default=True)      # index Traditional spellings as well
    query_segmentation = c.Type(bool, default=True)  # look up a query's last word whole (worker.py)


def problem_lines(problems, limit: int = MAX_SHOWN) -> str:
    lines = [str(p) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"……另有 {len(problems) - limit} 个问题未列出（运行 huifang check / huifang lint 查看全部）")
    return "\n".join(lines)


def find_mermaid(root: Path) -> Path | None:
    for base in (root, REPO):
        path = base / MERMAID
        if path.is_file() and path.stat().st_size > 0:
            return path
    return None


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

    # -- configuration --------------------------------------------------------------------------
    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

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
        preloaded = PRELOADED.pop(self.root, None)
        self.loaded = preloaded[0] if preloaded else load_project(self.root)
        errors = [p for p in self.loaded.problems if p.severity == "error"]
        if errors:
            raise PluginError(f"内容有 {len(errors)} 个问题，未生成网站：\n{problem_lines(errors)}")
        report = preloaded[1] if preloaded and self.config.lint else lint(self.loaded, self.config.lint)
        if report.message and self.config.lint:
            log.warning(report.message)
        if report.errors and self.lint_mode() == "fail" and not self.serving:
            raise PluginError(f"话术检查发现 {len(report.errors)} 个错误，未生成网站"
                              f"（--lint-errors warn 可只警告）：\n{problem_lines(report.errors)}")
        for problem in report.errors if not preloaded and (self.lint_mode() == "warn" or self.serving) else ():
            log.warning(str(problem))
        docs = Path(config.docs_dir)
        prose = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) if docs.is_dir() else []
        self.site = Site(self.loaded.project, report, prose)
        if not config.nav:
            config.nav = self.site.nav(prose)
        self.configure_search(config)
        config.extra_css.append(f"{ASSET_DIR}/huifang.css")
        config.extra_javascript.append(f"{ASSET_DIR}/mermaid.min.js")
        return config

    def configure_search(self, config) -> None:
        plugin = self.search_plugin(config)
        if plugin is None or not self.search_extras():
            return
        # Material boosts tags a million times; our stage tags include words like 回访 that nearly every
        # query contains, which would rank pages by their tags alone.
        plugin.config.fields.setdefault("tags", {"boost": TAG_BOOST})
        if not self.config.user_dictionary:
            return
        path = self.cache_dir() / "jieba-user-dict.txt"
        text = search.user_dictionary(self.loaded.project)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            atomic.write_text(path, text)
        plugin.config.jieba_dict_user = str(path)

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
        path = self.root / ".huifang-cache"
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError:  # a read-only project still builds
            import tempfile
            path = Path(tempfile.gettempdir()) / f"huifang-cache-{hashlib.sha1(str(self.root).encode()).hexdigest()[:12]}"
            path.mkdir(parents=True, exist_ok=True)
        return path

    # -- files ----------------------------------------------------------------------------------
    def on_files(self, files: Files, *, config):
        for page in self.site.pages():
            if files.get_file_from_path(page.src_uri) is None:
                files.append(File.generated(config, page.src_uri, content=page.content))
        if self.search_extras() and self.config.query_segmentation:
            worker = patched_worker()
            if worker is not None:
                stock = files.get_file_from_path(worker[0])
                if stock is not None:
                    files.remove(stock)
                files.append(File.generated(config, worker[0], content=worker[1]))
        mermaid = find_mermaid(self.root)
        if mermaid is None:
            raise PluginError(f"找不到 {MERMAID.as_posix()}（离线使用的 Mermaid）：请先运行 ./dev.sh setup")
        files.append(File.generated(config, f"{ASSET_DIR}/mermaid.min.js", abs_src_path=str(mermaid)))
        files.append(File.generated(config, f"{ASSET_DIR}/huifang.css", abs_src_path=str(ASSETS / "huifang.css")))
        return files

    def on_serve(self, server, *, config, builder):
        watched = [self.root / CONTENT, self.root / SCRIPTS, self.root / "templates", self.root / CONFIG_FILE,
                   BUILTIN_TEMPLATES]
        for path in dict.fromkeys(watched):
            if path.exists():
                server.watch(str(path))
        return server

    # -- after the pages are written ---------------------------------------------------------------
    @event_priority(50)  # before Material's search plugin writes its index
    def on_post_build(self, *, config):
        plugin = self.search_plugin(config)
        if plugin is not None and self.config.traditional and self.search_extras() and getattr(plugin, "search_index", None):
            search.add_traditional(plugin.search_index.entries, plugin.search_index.config["fields"])
        for name in ("sitemap.xml", "sitemap.xml.gz"):  # dated by build time; an intranet handbook needs none
            Path(config.site_dir, name).unlink(missing_ok=True)
        if self.config.forms and not os.environ.get("HUIFANG_NO_FORMS"):
            self.write_forms(Path(config.site_dir) / "forms")

    def write_forms(self, out: Path) -> None:
        try:
            from generator.forms.build import build_forms
        except ImportError as exc:
            if not (exc.name or "").startswith("generator.forms"):
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
        from generator.problems import Problem
        problems = [p for p in (result or []) if isinstance(p, Problem)]
        if problems:
            raise PluginError(f"表单有 {len(problems)} 个问题：\n{problem_lines(problems)}")

    @staticmethod
    def copy_forms(source: Path, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        for pdf in source.glob("*.pdf"):
            try:
                os.link(pdf, out / pdf.name)
            except OSError:
                shutil.copy2(pdf, out / pdf.name)

    def forms_key(self) -> str:
        digest = hashlib.sha256()
        for path in sorted(self.loaded.project.files):
            digest.update(path.as_posix().encode())
            digest.update(path.read_bytes() if path.is_file() else b"")
        for folder in (self.root / "templates" / "forms", REPO / "templates" / "forms"):
            for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
                if path.is_file():
                    digest.update(path.read_bytes())
        return digest.hexdigest()
