"""`huifang build` and `huifang serve`: MkDocs, driven programmatically, with clear failures.

`build` renders into a staging directory and swaps it into place only when everything succeeded,
so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from huifang.atomic import MARKER, OutputError, check_output, owned, replaced_dir
from huifang.problems import ContentError
from huifang.project import CONTENT, load_project
from huifang.readfile import os_words
from huifang.site import config as site_config
from huifang.site import segmenter
from huifang.site.lintinfo import lint
from huifang.site.mkdocs_messages import aborted, said_in_chinese, serve_in_chinese


def written_config(stack: contextlib.ExitStack, settings: dict) -> str:
    """The merged settings in a private file for MkDocs: they were read by huifang's safe loader
    (site/config.py), so MkDocs' own YAML loader never sees the team's mkdocs.yml."""
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="huifang-mkdocs-")))
    path = folder / "mkdocs.yml"
    path.write_text(site_config.dump(settings), encoding="utf-8")
    return str(path)


@contextlib.contextmanager
def environment(args, root: Path):
    """Settings for the plugin, which MkDocs may load again on every serve rebuild."""
    saved = dict(os.environ)
    os.environ["HUIFANG_PROJECT"] = str(root)
    if getattr(args, "lint_errors", None):
        os.environ["HUIFANG_LINT_ERRORS"] = args.lint_errors
    if getattr(args, "no_forms", False):
        os.environ["HUIFANG_NO_FORMS"] = "1"
    if getattr(args, "db", None):
        os.environ["HUIFANG_DB"] = os.path.realpath(args.db)  # Path.resolve raised on a symlink loop
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def docs_dir(root: Path, stack: contextlib.ExitStack) -> Path:
    pages = root / CONTENT / "pages"
    if pages.is_dir():
        return pages
    return Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="huifang-pages-")))


def precheck(root: Path, args) -> int:
    """Content and lint problems as `path:line:col: message` lines, before MkDocs starts (or is imported:
    a build that fails here answers without MkDocs', jinja2's and jieba's start-up)."""
    reuse = None
    if args.command == "serve":
        from huifang.site import plugin

        reuse = plugin.PARSED.setdefault(root, {})
    loaded = load_project(root, reuse=reuse)
    errors = [p for p in loaded.problems if p.severity == "error"]
    if errors:
        for problem in errors:
            print(problem, file=sys.stderr)
        print(f"内容有 {len(errors)} 个问题，未生成网站（site/ 保持原样）。", file=sys.stderr)
        return 1
    mode = args.lint_errors or loaded.project.config.build_lint_errors
    report = lint(loaded)
    if report.errors:
        for problem in report.errors:
            print(f"{problem}{f' [{problem.rule}]' if problem.rule else ''}", file=sys.stderr)
        if mode == "fail" and args.command == "build":
            print(
                f"话术检查发现 {len(report.errors)} 个错误，未生成网站（site/ 保持原样；"
                f"--lint-errors warn 可只警告）。",
                file=sys.stderr,
            )
            return 1
        print(f"话术检查发现 {len(report.errors)} 个错误（仅警告）。", file=sys.stderr)
    from huifang.site import plugin

    plugin.PRELOADED[root] = (loaded, report)
    return 0


def quiet_logging(verbose: bool = False) -> None:
    logging.basicConfig(format="%(message)s", level=logging.INFO if verbose else logging.WARNING)
    for name in ("mkdocs", "jieba"):
        logging.getLogger(name).setLevel(logging.INFO if verbose else logging.WARNING)


def build_site(root: Path, site_dir: Path, args=None, settings: dict | None = None) -> None:
    """Build into a staging directory, then swap it into `site_dir`. Raises on failure."""
    import jinja2
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    settings = site_config.settings(root) if settings is None else settings
    segmenter.jieba()  # before MkDocs loads Material's search plugin, which imports it
    with contextlib.ExitStack() as stack:
        stack.enter_context(environment(args, root))
        docs = docs_dir(root, stack)
        written = written_config(stack, settings)
        with replaced_dir(site_dir) as staging:
            with said_in_chinese(root):
                config = load_config(config_file=written, docs_dir=str(docs), site_dir=str(staging))
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            except jinja2.TemplateNotFound as exc:  # a theme icon named in mkdocs.yml that Material does not have
                if not str(exc.name).startswith(".icons/"):
                    raise
                raise site_config.icon_problem(root, str(exc.name)) from None
            finally:
                config.plugins.on_shutdown()
            if getattr(args, "no_forms", False):
                keep_forms(site_dir / "forms", staging / "forms")


def keep_forms(published: Path, staging: Path) -> None:
    """`--no-forms`: the new site keeps the PDFs already published, so the forms page links nothing missing."""
    if not published.is_dir() or published.is_symlink() or not owned(published.parent):
        return
    staging.mkdir(exist_ok=True)
    for pdf in sorted(published.glob("*.pdf")) + [published / MARKER]:
        if pdf.is_file() and not pdf.is_symlink() and not (staging / pdf.name).exists():
            try:
                os.link(pdf, staging / pdf.name)
            except OSError:
                shutil.copy2(pdf, staging / pdf.name)


def dev_addr(value: str) -> str | None:
    """Why `--dev-addr` is not a usable address, or None."""
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit() or not 1 <= int(port) <= 65535:
        return f"--dev-addr {value}：应写成 地址:端口，端口为 1–65535 之间的整数，如 127.0.0.1:8000"
    return taken(value, host.strip("[]"), int(port))


def taken(value: str, host: str, port: int) -> str | None:
    """Why the server could not listen there, said before the site is built rather than after."""
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return f"--dev-addr {value}：找不到这个地址"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds it
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"--dev-addr {value}：端口 {port} 已被占用（也许另一个预览还在运行）：请换一个端口，如 {host}:{port + 1 if port < 65535 else 8000}"
            if exc.errno == errno.EADDRNOTAVAIL:
                return f"--dev-addr {value}：本机没有这个地址"
            return f"--dev-addr {value}：无法在这里监听（{os_words(exc)}）"
    return None


def run(args) -> int:
    root = Path(args.project).resolve()
    quiet_logging(os.environ.get("HUIFANG_VERBOSE") == "1")
    try:
        settings = site_config.settings(root)
    except ContentError as exc:
        print(exc.problem, file=sys.stderr)
        print("网站未生成（site/ 保持原样）。", file=sys.stderr)
        return 1
    from huifang.ledger import named_but_missing

    missing = named_but_missing(getattr(args, "db", None))
    if missing:
        print(f"huifang {args.command}: {missing}", file=sys.stderr)
        return 2
    if args.command == "serve":
        wrong = dev_addr(args.dev_addr)
        if wrong:
            print(f"huifang serve: {wrong}", file=sys.stderr)
            return 2
    else:
        try:
            site_dir = check_output(
                args.site_dir or root / "site", root, "--site-dir" if args.site_dir else "输出文件夹"
            )
        except OutputError as exc:
            print(f"huifang build: {exc}", file=sys.stderr)
            print("网站未生成，没有改动任何文件。", file=sys.stderr)
            return 1
    code = precheck(root, args)
    if code:
        return code
    if args.command == "serve":
        return serve(root, args, settings)
    from mkdocs.exceptions import MkDocsException

    try:
        build_site(root, site_dir, args, settings)
    except ContentError as exc:  # a setting MkDocs passed on that failed while rendering (icon_problem)
        print(exc.problem, file=sys.stderr)
        print("网站未生成（site/ 保持原样）。", file=sys.stderr)
        return 1
    except (MkDocsException, OutputError) as exc:
        print(f"huifang build: {aborted(str(exc)) or exc}", file=sys.stderr)
        print("网站未生成（site/ 保持原样）。", file=sys.stderr)
        return 1
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    forms = sum(1 for _ in (site_dir / "forms").glob("*.pdf")) if (site_dir / "forms").is_dir() else 0
    print(f"已生成 {site_dir}：{pages} 个页面，{forms} 个 PDF 表单", file=sys.stderr)
    return 0


def serve(root: Path, args, settings: dict) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    logging.getLogger("mkdocs").setLevel(logging.INFO)
    segmenter.jieba()
    # dirty builds re-render only the pages whose text changed; the plugin keeps navigation, tags and
    # search complete (generator/site/incremental.py), so MkDocs' warning about them does not apply
    from huifang.site.incremental import DirtyWarning

    logging.getLogger("mkdocs.commands.build").addFilter(DirtyWarning())
    with contextlib.ExitStack() as stack:
        stack.enter_context(environment(args, root))
        docs = docs_dir(root, stack)
        stack.enter_context(said_in_chinese(root))
        stack.enter_context(serve_in_chinese())
        try:
            mkdocs_serve(
                config_file=written_config(stack, settings),
                docs_dir=str(docs),
                dev_addr=args.dev_addr,
                open_in_browser=getattr(args, "open", False),
                livereload=True,
                build_type="dirty",
            )
        except MkDocsException as exc:
            print(f"huifang serve: {aborted(str(exc)) or exc}", file=sys.stderr)
            return 1
    return 0
