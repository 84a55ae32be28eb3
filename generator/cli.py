"""`huifang`: the command line. Each subcommand is a thin shell around one module."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from huifang import __version__, readfile
from huifang.cliparse import Parser

DESCRIPTION = """huifang（回访）：把回访管理规范写成 YAML，
生成培训手册网站和可打印的记录表，并检查话术。

常用命令：
  huifang check            校验全部内容文件（结构、类型、引用）
  huifang lint             检查话术：忌语、开头语、结束语……
  huifang build            生成手册网站和 PDF 表单到 site/
  huifang serve            本地预览手册（修改 YAML 后自动刷新）
  huifang forms            只生成 PDF 表单
  huifang qa 文件...       按话术和质检评分表给通话转写结果打分
  huifang schema           导出 JSON Schema，供编辑器自动补全
  huifang new script 标识  新建一个带注释的模板文件
  huifang init 文件夹      新建一个团队的回访规范项目
  huifang plan 事件表 --from 日期 --to 日期    排出回访名单
  huifang report 名单 --from 日期 --to 日期    统计回访率"""

# subcommand -> (module, help)
COMMANDS = {
    "check": ("huifang.check", "校验全部内容文件：结构、类型、交叉引用"),
    "lint": ("huifang.lint.command", "检查话术：忌语、缺少开头语/结束语、占位符、个人信息……"),
    "build": ("huifang.site.command", "生成手册网站（含 PDF 表单）"),
    "serve": ("huifang.site.command", "本地预览手册，修改后自动刷新"),
    "forms": ("huifang.forms.command", "生成可打印的 A4 PDF 表单"),
    "qa": ("huifang.qa.command", "通话质检：按话术和质检评分表给转写结果打分；qa report 汇总"),
    "schema": ("huifang.schema_export", "导出内容文件的 JSON Schema"),
    "new": ("huifang.scaffold", "新建带注释的场景或话术文件"),
    "init": ("huifang.init", "新建一个团队的回访规范项目（可直接 check、lint、build）"),
    "plan": ("huifang.plan.command", "按规范和法定工作日排出回访名单（事件表 CSV/XLSX）"),
    "report": ("huifang.plan.report", "读回填好的回访名单，统计回访率、满意度、投诉和逾期"),
}
# subcommand -> (a module it needs, the extra that installs it); the base install has check and lint only
NEEDS = {
    "build": [("mkdocs", "site"), ("material", "site"), ("jieba", "site"), ("weasyprint", "forms")],
    "serve": [("mkdocs", "site"), ("material", "site"), ("jieba", "site")],
    "forms": [("weasyprint", "forms"), ("pypdf", "forms")],
    "plan": [
        ("polars", "plan"),
        ("openpyxl", "plan"),
        ("icalendar", "plan"),
        ("chinese_calendar", "plan"),
        ("holidays", "plan"),
    ],
    "report": [("polars", "plan"), ("openpyxl", "plan"), ("chinese_calendar", "plan"), ("holidays", "plan")],
    "qa": [("rapidfuzz", "qa"), ("openpyxl", "qa")],
}


def add_project(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--project",
        type=Path,
        default=None,
        metavar="目录",
        help="项目根目录（含 content/ 和 scripts_src/），默认从当前目录往上找到的第一个含 huifang.yaml 的目录",
    )


def project_root(start: Path = Path(".")) -> Path:
    """The nearest folder at or above `start` holding huifang.yaml (or both content/ and scripts_src/), as
    git finds its repository, so a command run in scripts_src/ works on its project; `start` when none does.
    Returned relative to `start`, so messages keep short paths."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / "huifang.yaml").is_file() or ((folder / "content").is_dir() and (folder / "scripts_src").is_dir()):
            return start if folder == here else Path(os.path.relpath(folder, here))
    return start


# the commands that read a project's content (lint and qa say the same themselves; check reports it as a problem
# of the content, in its own format; init makes a project, schema writes files any editor can use)
ON_A_PROJECT = ("build", "serve", "forms", "new", "plan", "report")


def build_parser(only: str | None = None) -> Parser:
    """The whole command line, or with `only` that one subcommand: building every subcommand's options
    imports the qa and plan modules, and each subcommand's parser costs argparse's message lookups, a
    cost a one-file lint in a pre-commit hook pays on every commit. (`--help` before the subcommand
    gets the whole command line: it lists the others.)"""
    parser = Parser(prog="huifang", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"huifang {__version__}", help="显示版本号后退出")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    subs = parser.commands
    for name, (_, help_text) in COMMANDS.items():
        if only in (None, name):  # the others only matter to the list of commands in --help
            subs[name] = sub.add_parser(name, help=help_text, description=help_text)
            add_project(subs[name])
    if only is not None:
        _add_options(only, subs[only])
        return parser
    for name, cmd in subs.items():
        _add_options(name, cmd)
    return parser


def _add_options(name: str, cmd: argparse.ArgumentParser) -> None:
    """The options of one subcommand (beyond --project)."""
    if name == "check":
        cmd.add_argument("--format", choices=["text", "json"], default="text", help="输出格式，默认 text")
    elif name == "lint":
        cmd.add_argument(
            "paths", nargs="*", type=Path, metavar="文件", help="要检查的文件或目录（.yaml/.md/.txt），默认整个项目"
        )
        cmd.add_argument(
            "--format",
            choices=["text", "json", "github", "sarif"],
            default="text",
            help="输出格式：text（默认）、json、github（PR 行注释）、sarif（代码扫描）",
        )
        cmd.add_argument(
            "--fix", action="store_true", help="把能安全替换的忌语就地改写（忌语单独成句、建议说法是一句完整的话）"
        )
        cmd.add_argument("--diff", action="store_true", help="只显示 --fix 会做的修改，不写文件")
        cmd.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="是否彩色输出")
        cmd.add_argument("--no-compose", action="store_true", help="只检查话术文件本身，不组合机构标准开头和结束语")
        cmd.add_argument(
            "--jobs",
            type=jobs_value,
            default=0,
            metavar="N",
            help="并行进程数：auto（默认）在文件多时按 CPU 核数、文件少时用 1 个进程",
        )
    elif name in ("build", "serve"):
        cmd.add_argument("--site-dir", type=Path, default=None, metavar="目录", help="网站输出目录，默认 <项目>/site")
        cmd.add_argument(
            "--lint-errors",
            choices=["fail", "warn"],
            default=None,
            help="话术有错误时：fail 构建失败（默认），warn 只警告",
        )
        cmd.add_argument("--no-forms", action="store_true", help="不生成 PDF 表单（更快）")
        cmd.add_argument(
            "--db",
            type=Path,
            default=None,
            metavar="文件",
            help="维护者的质检统计、回访统计页读取的台账，默认 huifang.yaml 旁的 huifang.sqlite",
        )
        if name == "serve":
            cmd.add_argument(
                "--dev-addr", default="127.0.0.1:8000", metavar="地址", help="监听地址，默认 127.0.0.1:8000"
            )
            cmd.add_argument("--open", action="store_true", help="启动后用浏览器打开")
    elif name == "forms":
        cmd.add_argument("--out", type=Path, default=None, metavar="目录", help="PDF 输出目录，默认 <项目>/site/forms")
        cmd.add_argument(
            "--fillable",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="加入可在屏幕上填写的 PDF 表单域（默认）；--no-fillable 只生成打印版",
        )
        cmd.add_argument("--jobs", type=int, default=0, metavar="N", help="并行进程数，默认等于 CPU 核数")
        cmd.add_argument(
            "--only",
            nargs="*",
            default=None,
            metavar="标识",
            help="只生成这些表单或话术（写标识或表单标题，如 回访记录表）",
        )
        cmd.add_argument("--no-progress", action="store_true", help="不显示进度条")
    elif name == "qa":
        from huifang.qa.command import add_arguments as qa_arguments

        qa_arguments(cmd)
    elif name == "schema":
        cmd.add_argument("--out", type=Path, default=None, metavar="目录", help="输出目录，默认 <项目>/schemas")
    elif name == "new":
        cmd.add_argument(
            "what", choices=["scenario", "script"], metavar="类型", help="scenario（场景）或 script（话术）"
        )
        cmd.add_argument("name", metavar="标识", help="标识（小写字母、数字、连字符），如 wuye-tousu-huifang")
        cmd.add_argument("--org", default=None, metavar="标识", help="所属机构的标识")
    elif name == "init":
        cmd.add_argument("dir", type=Path, metavar="文件夹", help="新项目的文件夹（不存在时自动创建）")
        cmd.add_argument("--from-example", action="store_true", help="以 huifang 自带的完整示例规范为起点")
        cmd.add_argument("--force", action="store_true", help="文件夹不是空的也继续（不覆盖已有文件）")
        cmd.add_argument(
            "--package",
            default=None,
            metavar="来源",
            help="新项目的 CI 和 README 从这里安装 huifang（.whl 安装包放进新项目的 packages/；"
            "或 pip 认得的地址，如 git+https://…）；不写时用本机 huifang 的安装来源",
        )
    elif name in ("plan", "report"):
        from huifang.plan.cli import add_arguments as add_plan_arguments

        other = argparse.ArgumentParser()  # add_arguments fills both; only this one is kept
        add_plan_arguments(*((cmd, other) if name == "plan" else (other, cmd)))


def jobs_value(text: str) -> int:
    """`--jobs`: a positive number of processes, or auto (0: as many as pay off)."""
    if text.strip().lower() == "auto":
        return 0
    if text.strip().isdecimal() and int(text) > 0:
        return int(text)
    raise argparse.ArgumentTypeError(f"应为正整数或 auto，而不是「{text}」")


def missing_extra(args) -> str | None:
    """One Chinese line naming the extra to install, when a command needs a part the install lacks."""
    import importlib.util

    needs = NEEDS.get(args.command, [])
    if args.command == "build" and getattr(args, "no_forms", False):
        needs = [n for n in needs if n[1] != "forms"]
    extras = sorted({extra for module, extra in needs if importlib.util.find_spec(module) is None})
    if not extras:
        return None
    wanted = "all" if len(extras) > 1 else extras[0]
    from huifang.installed import install_command

    return f"huifang {args.command} 需要附加组件：请运行 {install_command(wanted)}"


def interrupted() -> int:
    from huifang.atomic import changed_output

    done = changed_output()
    if done:
        print(f"已中断：{'、'.join(str(p) for p in done)} 已更新完毕，其余输出保持原样。", file=sys.stderr)
    else:
        print("已中断：输出保持原样。", file=sys.stderr)
    return 130


def caused_by_ctrl_c(exc: BaseException) -> bool:
    """A Ctrl-C that Python wrapped in another error (Python 3.11 turns one raised while a class is being
    created, e.g. while MkDocs is imported, into RuntimeError: Error calling __set_name__)."""
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        if isinstance(link, KeyboardInterrupt):
            return True
        seen.add(id(link))
        link = link.__cause__ or link.__context__
    return False


def leave(code: int) -> None:
    """End the process now that the output is written: exit handlers run and the streams are flushed,
    but the interpreter is not torn down object by object (after a lint of thousands of files that is
    tens of milliseconds of freeing what the exit frees anyway; after a qa run, every turn, utterance and
    answer its memos keep for the run, freed one by one). Only for the process's own command (`main()`
    without arguments), never for a caller that goes on."""
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, OSError, ValueError):
            pass
    os._exit(code)


def _collector_rarely() -> None:
    """A lint or qa process's own command: the cycle collector run every 50,000 net allocations instead of 700,
    from before the subcommand's modules are imported (what lint.chunks.collector_at_rest does around the files).
    Importing, unpickling the content, listing the files and combining the findings make many objects and no
    garbage in cycles; at 700 the collector ran ≈ 60 times before the workers were forked and after they
    were done (≈ 25 M instructions of the 10,000-file bench, all on the path no worker shares). qa judges call
    after call with the content frozen (`contentcache`): at 700 the collector's passes over each call's objects
    were ≈ 48 k instructions a `--vary` call (1.8 % of the per-call loop); a pass every 50,000 still bounds
    what cyclic garbage waits, so memory stays flat in the number of calls."""
    import gc

    gc.set_threshold(50_000, *gc.get_threshold()[1:])


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:  # a Ctrl-C while starting (imports, the kept regexes, parsing): no traceback either
        return interrupted()


def _main(argv: list[str] | None) -> int:
    given = sys.argv[1:] if argv is None else argv
    first = next((a for a in given if not a.startswith("-")), None)  # the subcommand comes before its options
    before = given[: given.index(first)] if first in given else given
    whole = first not in COMMANDS or "-h" in before or "--help" in before
    if not whole and first is not None:  # not whole: first is one of COMMANDS
        from huifang import regexcache

        regexcache.prime(first)  # before the subcommand's modules are imported
        if first in ("lint", "qa") and argv is None:
            _collector_rarely()
    parser = build_parser(None if whole else first)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    if getattr(args, "project", False) is None:
        args.project = project_root()
    missing = missing_extra(args)
    if missing:
        print(missing, file=sys.stderr)
        return 2
    lost = readfile.not_a_project(Path(args.project)) if args.command in ON_A_PROJECT else None
    if lost:
        print(f"huifang {args.command}: {lost}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[args.command][0])
    try:
        code = module.run(args)
        if argv is None and args.command in ("lint", "qa") and sys.getprofile() is None and sys.gettrace() is None:
            leave(code)  # (a profiler or a tracer, such as cProfile or coverage, still gets its report written)
        return code
    except KeyboardInterrupt:
        return interrupted()
    except BrokenPipeError:
        return 0
    except RecursionError:
        print(
            "huifang: 内容嵌套过深，超出了程序能处理的深度：请减少嵌套（huifang.yaml 的 limits.max_depth 不要调得过大）",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:  # full disk, file size limit, permissions: the output was left as it was
        where = f"：{exc.filename}" if exc.filename else ""
        from huifang.readfile import os_words

        print(f"huifang: 文件读写失败（{os_words(exc)}）{where}；已有的输出保持原样", file=sys.stderr)
        return 1
    except Exception as exc:  # an internal bug: say so in one line, show details on request
        if caused_by_ctrl_c(exc):
            return interrupted()
        from huifang.workers import WorkerDied

        if isinstance(exc, WorkerDied):  # killed, out of memory, or unable to start: the run stopped at once
            print(f"huifang {args.command}: {exc}；本次运行未完成，已有的输出保持原样", file=sys.stderr)
            return 1
        if os.environ.get("HUIFANG_DEBUG"):
            raise
        print(
            f"huifang: 内部错误：{type(exc).__name__}: {exc}（设置 HUIFANG_DEBUG=1 查看详情，并请报告此问题）",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    raise SystemExit(main())
