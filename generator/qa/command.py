"""`huifang qa`: judge calls; `huifang qa report`: aggregate the ledger.

Exit 0 when every call was read and passed, 1 when a call failed or could not be read, 2 on bad usage,
3 when judging a call met an internal error (said at that call's file; the other calls are still judged).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

PARALLEL_FROM = 200  # calls from which worker processes pay off
_SESSION: tuple | None = None  # shared with forked workers


def add_arguments(parser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="文件", help="转写文件、目录或清单（.csv/.xlsx）；写 report 则汇总质检记录"
    )
    parser.add_argument("--script", default=None, metavar="标识", help="话术的标识；不写则按相似度自动选择")
    parser.add_argument("--form", default=None, metavar="标识", help="质检评分表的标识，默认 huifang-zhijian")
    parser.add_argument(
        "--format", choices=["text", "json", "html", "xlsx"], default="text", help="输出格式，默认 text"
    )
    parser.add_argument("--out", type=Path, default=None, metavar="文件", help="写到文件（xlsx 必须指定）")
    parser.add_argument("--agent", default=None, metavar="SPEAKER", help="坐席的说话人标签，如 SPEAKER_01")
    parser.add_argument("--agent-channel", type=int, default=None, metavar="N", help="坐席所在声道，如 1")
    parser.add_argument("--db", type=Path, default=None, metavar="文件", help="质检记录库，默认 <项目>/huifang.sqlite")
    parser.add_argument("--no-db", action="store_true", help="不写入质检记录库")
    parser.add_argument(
        "--calibrate", type=Path, default=None, metavar="文件", help="与人工评分表比较：各项一致率、总分相关系数"
    )
    parser.add_argument(
        "--by",
        choices=["agent", "script", "week", "rule"],
        default="agent",
        help="report：按坐席、话术、周汇总，或按问题列出最常见的发现",
    )
    parser.add_argument("--jobs", type=int, default=0, metavar="N", help="并行进程数，默认按 CPU 核数")


def run(args) -> int:
    try:
        if args.paths[:1] == ["report"] and not os.path.exists("report"):
            return _report(args)
        return _judge(args)
    except _Usage as exc:
        print(f"huifang qa: {exc}", file=sys.stderr)
        return 2


class _Usage(Exception):
    pass


def _judge(args) -> int:
    from huifang.qa.inputs import InputError, gather
    from huifang.qa.session import Session, UsageError

    if not args.paths:
        raise _Usage("请给出要质检的转写文件、目录或清单")
    if args.format == "xlsx" and args.out is None:
        raise _Usage("--format xlsx 需要用 --out 指定输出文件")
    try:
        jobs = gather(list(args.paths))
    except InputError as exc:
        raise _Usage(str(exc)) from None
    if not jobs:
        raise _Usage("没有找到转写文件（.json、.srt、.vtt、.txt）")
    project = _load(args.project)
    try:
        session = Session(
            project, script=args.script, form=args.form, agent=args.agent, agent_channel=args.agent_channel
        )
    except UsageError as exc:
        raise _Usage(str(exc)) from None
    if args.script is None:
        _unknown_scripts(jobs, session.project.scripts)
    if session.form_note:
        sys.stderr.write(f"huifang qa: {session.form_note}（可复制到 content/qa/ 按本团队的制度修改）\n")
    human = _human_scores(args, session.form)  # before any call is judged or written to the ledger
    _not_an_input(args, jobs)
    return _run_calls(args, session, jobs, human)


def _not_an_input(args, jobs) -> None:
    """--out naming a file this run reads or writes besides (a transcript, a manifest, the human scores, the
    ledger) would put the report in its place once the run is done: refused before judging."""
    if args.out is None:
        return
    from huifang.atomic import overwrites

    target = os.path.realpath(args.out)
    name = os.path.basename(target)
    inputs = []
    if os.path.exists(target):  # what the run only reads is there already; the ledger may be made by this run
        inputs += [(job.file, "转写文件") for job in jobs if job.file.endswith(name)]  # the name first: cheap
        inputs += [(m, "清单") for m in {job.meta["manifest"] for job in jobs if job.meta and "manifest" in job.meta}]
        if args.calibrate is not None:
            inputs.append((str(args.calibrate), "人工评分表"))
    if not args.no_db:
        from huifang import ledger

        inputs.append((str(args.db or ledger.default_path(args.project)), "质检记录库"))
    what = overwrites(args.out, inputs)
    if what:
        raise _Usage(f"--out {args.out}：这是本次要读写的{what}，写出结果会把它覆盖；请另选一个文件名")


def _human_scores(args, form) -> dict | None:
    """The supervisor's scores `--calibrate` names, read (and refused at their cell) before judging."""
    if args.calibrate is None:
        return None
    from huifang.qa.calibrate import load_human
    from huifang.qa.inputs import InputError

    if form is None:
        raise _Usage("项目里没有质检评分表：无法校准")
    try:
        return load_human(str(args.calibrate), form)[1]
    except InputError as exc:
        raise _Usage(str(exc)) from None


def _run_calls(args, session, jobs, human: dict | None = None) -> int:
    """Judge call by call: text and JSON are written as the calls come, and the ledger is written in
    batches, so memory stays flat however many calls there are; HTML, XLSX and calibration keep them all."""
    from huifang.qa import output

    form = session.form
    streaming = args.format in ("text", "json") and human is None
    records: list[dict] = []
    errors: list[dict] = []
    files: list[str] = []  # with --calibrate: the file of each record, in order
    tally = output.Tally()
    target = _Target(args.out)
    stream = output.JsonStream(target.write) if args.format == "json" and streaming else None
    ledger = None if args.no_db else _Ledger(args, form)
    ok = True
    internal = False
    try:
        reports = args.format != "json" or human is not None
        for job, rec, error in judge_stream(
            session, jobs, turns=args.format == "html", reports=reports, workers=args.jobs
        ):
            if error is not None:
                errors.append({"path": job.display, "error": str(error)})
                ok = False
                internal = internal or isinstance(error, Internal)
                if args.format != "json":  # html, xlsx: in the file too, but said here (JSON has them)
                    print(error, file=sys.stderr)
                continue
            ok = ok and rec["passed"]
            tally.add(rec)
            if human is not None:  # only calibration looks files up again: kept for it alone
                files.append(job.file)
            if streaming:
                if stream is not None:
                    stream.call(rec)
                else:
                    target.write(output.text_of_call(rec))
            else:
                records.append(rec)
            if ledger is not None:
                ledger.add(rec, job.file)
        if ledger is not None:
            ledger.close()
        if stream is not None:
            stream.close(tally.summary(errors, form))
        elif streaming:
            target.write(output.text_total(tally.summary(errors, form), errors))
        else:
            target.write(_whole(args.format, records, errors, form))
        target.done(tally.calls)
    finally:
        target.abandon()
    if human is not None:
        from huifang.qa.calibrate import as_text, calibrate

        sys.stderr.write(as_text(calibrate(records, files, human, form)))
    if ledger is not None and ledger.failed:
        print(
            f"huifang qa: 质检记录库无法写入（{ledger.failed}）：结果已输出，但没有记入 {args.db or 'huifang.sqlite'}",
            file=sys.stderr,
        )
        return INTERNAL if internal else 1
    if internal:
        return INTERNAL
    return 0 if ok else 1


def _whole(fmt: str, records, errors, form):
    from huifang.qa import output

    if fmt == "xlsx":
        return output.as_xlsx(records, errors, form)
    if fmt == "html":
        from huifang.qa.html import as_html

        return as_html(records, errors, form)
    if fmt == "json":
        return output.as_json(records, errors, form)
    return output.as_text(records, [], form)


class _Target:
    """stdout, or a file written beside its final name and moved into place only when complete (a device or
    FIFO such as /dev/stdout: written straight into). A folder of `--out` that is not there is made, as
    `huifang report --out`, `plan --out`, `forms --out` and `build` make theirs, and removed again (if still
    empty) when the run does not finish."""

    def __init__(self, out: Path | None):
        self.out = out
        self.handle = None
        self.temp: Path | None = None
        self.made: list[str] = []  # folders this run created for --out, deepest last
        if out is not None:
            from huifang.atomic import in_place

            if os.path.isdir(out):
                raise _Usage(f"--out {out}：这是一个目录，请给出要写入的文件名")
            self.made = _make_folders(out)
            if not in_place(out):
                self.temp = Path(f"{out}.tmp-{os.getpid()}")
            try:
                self.handle = open(self.temp or out, "wb")
            except OSError as exc:
                self._unmake()
                from huifang.readfile import os_words

                why = "没有写入权限" if isinstance(exc, PermissionError) else os_words(exc)
                raise _Usage(f"--out {out}：无法写入（{why}）") from None

    def write(self, data) -> None:
        data = data.encode("utf-8") if isinstance(data, str) else data
        if self.handle is not None:
            self.handle.write(data)
        else:
            sys.stdout.buffer.write(data)

    def done(self, calls: int) -> None:
        if self.handle is None:
            sys.stdout.flush()
            return
        self.handle.close()
        self.handle = None
        if self.temp is not None:
            os.replace(self.temp, str(self.out))
        print(f"已写入 {self.out}（{calls} 通）", file=sys.stderr)

    def abandon(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None
            if self.temp is not None:
                self.temp.unlink(missing_ok=True)
            self._unmake()

    def _unmake(self) -> None:
        for folder in reversed(self.made):
            try:
                os.rmdir(folder)
            except OSError:  # something else was put there meanwhile: it stays
                return
        self.made = []


def _make_folders(out: Path) -> list[str]:
    """The folders `out` lies in that are not there yet, made; a file in the way or a folder that cannot be made
    is a usage error, said of --out."""
    from huifang.readfile import os_words

    missing: list[str] = []
    folder = os.path.dirname(os.path.abspath(out))
    while not os.path.isdir(folder):
        if os.path.lexists(folder):
            raise _Usage(f"--out {out}：{folder} 已存在，但不是文件夹；请另选保存结果的位置")
        missing.append(folder)
        folder = os.path.dirname(folder)
    made: list[str] = []
    for folder in reversed(missing):
        try:
            os.mkdir(folder)
        except OSError as exc:
            for done in reversed(made):
                try:
                    os.rmdir(done)
                except OSError:
                    break
            raise _Usage(f"--out {out}：无法新建文件夹 {folder}（{os_words(exc)}）") from None
        made.append(folder)
    return made


class _Ledger:
    """Appends to the SQLite ledger 500 calls at a time; remembers the first failure instead of raising."""

    def __init__(self, args, form):
        self.args, self.form_id = args, form.id if form is not None else None
        self.pending: list[dict] = []
        self.failed = ""
        self.connection = None

    def add(self, rec: dict, file: str | None = None) -> None:
        """`file`: the transcript the call was read from (the ledger's key for it: `store.resolved`)."""
        rec["_file"] = file
        self.pending.append(rec)
        if len(self.pending) >= 500:
            self.flush()

    def flush(self) -> None:
        if self.failed or not self.pending:
            self.pending = []
            return
        from huifang import ledger
        from huifang.qa import store

        try:
            if self.connection is None:
                self.connection = ledger.connect(self.args.project, self.args.db)
            store.append(self.connection, self.pending, self.form_id)
        except Exception as exc:  # sqlite3.Error: a locked, corrupt or unwritable ledger
            import sqlite3

            self.failed = ledger.reason(exc) if isinstance(exc, sqlite3.Error) else str(exc)
        self.pending = []

    def close(self) -> None:
        self.flush()
        if self.connection is not None:
            self.connection.close()


def _load(root: Path):
    """The whole project, from the content cache when nothing it was read from has changed (as lint's)."""
    from huifang.contentcache import load_content
    from huifang.readfile import not_a_project

    lost = not_a_project(Path(root))  # the same line and exit as every other command's
    if lost:
        raise _Usage(lost)
    loaded = load_content(Path(root), scripts=True)
    bad = [p for p in loaded.problems if p.severity == "error"]
    if bad:
        for p in bad[:5]:
            print(str(p), file=sys.stderr)
        raise _Usage(f"内容文件有 {len(bad)} 处错误，请先运行 huifang check 修正")
    return loaded.project


def judge_stream(session, jobs, *, turns: bool = False, reports: bool = True, workers: int = 0):
    """(job, record or None, error line or None) for each job, in order; many calls go to worker processes.
    `turns`, `reports`: as `record`'s."""
    global _SESSION
    _SESSION = (session, turns, reports)
    from huifang.workers import count as workers_count

    count = workers_count(len(jobs), PARALLEL_FROM, workers)
    from huifang.lint.chunks import collector_at_rest  # as lint's: a call makes no reference cycles either

    try:
        with collector_at_rest():  # the project and session frozen: never scanned, nor copied in a worker
            if count == 1:
                for at in range(0, len(jobs), 100):
                    yield from _chunk(jobs[at : at + 100])
                return
            from huifang import forkmap  # as lint's workers: no multiprocessing, its threads or pickled tasks

            size = max(20, min(500, len(jobs) // (count * 4)), -(-len(jobs) // 8000))  # at most ≈ 8,000 chunks
            chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
            for part in forkmap.imap(_chunk, chunks, min(count, len(chunks))):
                yield from part
    finally:
        _SESSION = None


def _unknown_scripts(jobs, scripts) -> None:
    """A manifest row naming a script the project lacks is that row's fault, said at its cell, and its call is
    not judged (it was said of the transcript, at its line 1)."""
    from huifang.qa.session import _close

    for job in jobs:
        meta = job.meta
        wanted = meta.get("script") if meta else None
        if wanted and wanted not in scripts and "problem" not in meta:
            at = f"{meta['manifest']}:{meta['manifest_line']}:{meta['script_column']}"
            meta["problem"] = f"{at}: 清单中的话术 {wanted} 不存在{_close(wanted, scripts)}"


def _missing_in_manifest(job) -> str:
    """A manifest's row naming a file that is not there: said at the row, with the folder it was looked up in
    (the row's path is relative to the manifest, not to where huifang runs)."""
    where = (job.meta or {}).get("manifest")
    if where is None:
        return ""
    at = f"{where}:{job.meta['manifest_line']}:{job.meta['manifest_column']}"
    if os.path.isdir(job.file):
        return f"{at}: 「{job.display}」是一个文件夹：清单的每一行写一个转写文件"
    if os.path.lexists(job.file):
        return ""
    return f"{at}: 文件「{job.display}」不存在（在清单所在的文件夹 {os.path.dirname(where) or '.'} 里找）"


def _chunk(jobs) -> list:
    from huifang.qa.call import TranscriptError
    from huifang.qa.readers import read
    from huifang.qa.record import record

    assert _SESSION is not None
    session, turns, reports = _SESSION
    out: list[tuple] = []
    for job in jobs:
        if job.meta and "problem" in job.meta:
            out.append((job, None, job.meta["problem"]))
            continue
        try:
            call = read(job.file, job.display)
            call.meta = dict(job.meta) if job.meta else {}
            out.append((job, record(session.judge(call), turns, reports), None))
        except TranscriptError as exc:
            out.append((job, None, _missing_in_manifest(job) or str(exc)))
        except RecursionError:
            out.append((job, None, f"{job.display}:1:1: 结构嵌套过深：这不是转写结果"))
        except Exception as exc:  # an internal bug met on this call: said at its file, the others still judged
            from huifang.cli import caused_by_ctrl_c

            if caused_by_ctrl_c(exc):
                raise
            if os.environ.get("HUIFANG_DEBUG"):
                traceback.print_exc()
            out.append((job, None, Internal(f"{job.display}:1:1: {internal_message(exc)}")))
    return out


class Internal(str):
    """The error line of a call whose judging met an internal bug (the run then exits with INTERNAL)."""


INTERNAL = 3  # the exit status of an internal error (as huifang.cli's)


def internal_message(exc: BaseException) -> str:
    return f"内部错误：{type(exc).__name__}: {exc}（设置 HUIFANG_DEBUG=1 查看详情，并请报告此问题）"


def _report(args) -> int:
    import sqlite3

    from huifang import ledger
    from huifang.qa import store

    path = args.db or ledger.default_path(args.project)
    if Path(path).is_dir():
        raise _Usage(f"{path}: 这是一个文件夹，不是质检记录库（--db 写记录库文件，如 huifang.sqlite）")
    if not Path(path).is_file():
        raise _Usage(f"{path}: 还没有质检记录（先运行 huifang qa 质检通话）")
    try:
        connection = ledger.connect(args.project, args.db)
        try:
            rows = store.frequent_findings(connection) if args.by == "rule" else store.aggregate(connection, args.by)
            left_out = store.superseded(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise _Usage(f"{path}: 质检记录库无法读取（{ledger.reason(exc)}）") from None
    if args.format == "json":
        data = {"by": args.by, "rows": rows, "superseded": left_out}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    if left_out:  # the same transcript judged again (qa run twice on a folder): counted once, by its latest
        print(f"同一通话质检过多次的只计最近一次：较早的 {left_out} 次质检未计入", file=sys.stderr)
    if not rows:  # a ledger plan made, or one whose calls were all judged with --no-db: a bare header said nothing
        print(f"huifang qa: {path}: 还没有质检记录（先运行 huifang qa 质检通话）", file=sys.stderr)
    if args.by == "rule":
        from huifang.qa.output import RULE_NAMES

        lines = ["问题\t次数\t涉及通数"] + [
            f"{RULE_NAMES.get(r['rule'], r['rule'])}\t{r['findings']}\t{r['calls']}" for r in rows
        ]
        sys.stdout.write("\n".join(lines) + "\n")
        return 0
    names = {"agent": "坐席", "script": "话术", "week": "周"}
    lines = [f"{names[args.by]}\t通数\t平均分\t合格率\t平均时长（秒）\t静音占比\t抢话\t发现"]
    for r in rows:
        lines.append(
            "\t".join(
                str(x)
                for x in (
                    r[args.by],
                    r["calls"],
                    r["mean_score"],
                    f"{r['pass_rate']:.0%}",
                    "—" if r["mean_duration_s"] is None else r["mean_duration_s"],
                    "—" if r["mean_silence_ratio"] is None else f"{r['mean_silence_ratio']:.0%}",
                    r["interruptions"] or 0,
                    r["findings"],
                )
            )
        )
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
