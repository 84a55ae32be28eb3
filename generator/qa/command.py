"""`huifang qa`: judge calls; `huifang qa report`: aggregate the ledger.

Exit 0 when every call was read and passed, 1 when a call failed or could not be read, 2 on bad usage.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

PARALLEL_FROM = 200  # calls from which worker processes pay off
_SESSION = None  # shared with forked workers


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", help="转写文件、目录或清单（.csv/.xlsx）；写 report 则汇总质检记录")
    parser.add_argument("--script", default=None, help="话术 id；不写则按相似度自动选择")
    parser.add_argument("--form", default=None, help="质检评分表 id，默认 huifang-zhijian")
    parser.add_argument("--format", choices=["text", "json", "html", "xlsx"], default="text", help="输出格式，默认 text")
    parser.add_argument("--out", type=Path, default=None, help="写到文件（xlsx 必须指定）")
    parser.add_argument("--agent", default=None, metavar="SPEAKER", help="坐席的说话人标签，如 SPEAKER_01")
    parser.add_argument("--agent-channel", type=int, default=None, metavar="N", help="坐席所在声道，如 1")
    parser.add_argument("--db", type=Path, default=None, help="质检记录库，默认 <项目>/huifang.sqlite")
    parser.add_argument("--no-db", action="store_true", help="不写入质检记录库")
    parser.add_argument("--calibrate", type=Path, default=None, metavar="CSV", help="与人工评分表比较：各项一致率、总分相关系数")
    parser.add_argument("--by", choices=["agent", "script", "week"], default="agent", help="report：按坐席、话术或周汇总")
    parser.add_argument("--jobs", type=int, default=0, help="并行进程数，默认按 CPU 核数")


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
        session = Session(project, script=args.script, form=args.form, agent=args.agent,
                          agent_channel=args.agent_channel)
    except UsageError as exc:
        raise _Usage(str(exc)) from None
    records, errors, files = judge_all(session, jobs, turns=args.format == "html", workers=args.jobs)
    _write(args, records, errors, session.form)
    if args.calibrate is not None:
        from huifang.qa.calibrate import as_text, calibrate, load_human
        try:
            _, human = load_human(str(args.calibrate))
        except InputError as exc:
            raise _Usage(str(exc)) from None
        if session.form is None:
            raise _Usage("项目里没有质检评分表：无法校准")
        result = calibrate(records, files, human, session.form)
        sys.stderr.write(as_text(result))
    if not args.no_db and records:
        from huifang import ledger
        from huifang.qa import store
        try:
            connection = ledger.connect(args.project, args.db)
            try:
                store.append(connection, records, session.form.id if session.form else None)
            finally:
                connection.close()
        except Exception as exc:  # sqlite3.Error: a locked, corrupt or unwritable ledger
            print(f"huifang qa: 质检记录库无法写入（{exc}）：结果已输出，但没有记入 {args.db or 'huifang.sqlite'}",
                  file=sys.stderr)
            return 1
    return 0 if not errors and all(r["passed"] for r in records) else 1


def _load(root: Path):
    from huifang.project import load_project

    if not (Path(root) / "content").is_dir():
        raise _Usage(f"{root}: 找不到 content/ 目录：--project 应指向含 content/ 和 scripts_src/ 的项目根目录")
    loaded = load_project(root)
    bad = [p for p in loaded.problems if p.severity == "error"]
    if bad:
        for p in bad[:5]:
            print(str(p), file=sys.stderr)
        raise _Usage(f"内容文件有 {len(bad)} 处错误，请先运行 huifang check 修正")
    return loaded.project


def judge_all(session, jobs, *, turns: bool = False, workers: int = 0) -> tuple:
    """(records, errors, {record path: file}) in the order of `jobs`; many calls go to worker processes."""
    global _SESSION
    _SESSION = (session, turns)
    count = _jobs(len(jobs), workers)
    records, errors, files = [], [], {}
    try:
        if count == 1:
            parts = [_chunk(jobs)]
        else:
            import multiprocessing

            from huifang.workers import ignore_interrupts
            size = max(20, min(500, len(jobs) // (count * 4)))
            chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
            with multiprocessing.get_context("fork").Pool(count, initializer=ignore_interrupts) as pool:
                parts = list(pool.imap(_chunk, chunks))
    finally:
        _SESSION = None
    for part in parts:
        for job, rec, error in part:
            if error is not None:
                errors.append({"path": job.display, "error": error})
            else:
                records.append(rec)
                files[rec["path"]] = job.file
    return records, errors, files


def _jobs(count: int, wanted: int) -> int:
    if wanted > 0:
        return wanted
    env = os.environ.get("HUIFANG_JOBS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    if count < PARALLEL_FROM:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8))


def _chunk(jobs) -> list:
    from huifang.qa.call import TranscriptError
    from huifang.qa.readers import read
    from huifang.qa.record import record

    session, turns = _SESSION
    out = []
    for job in jobs:
        try:
            call = read(job.file, job.display)
            call.meta = dict(job.meta)
            out.append((job, record(session.judge(call), turns), None))
        except TranscriptError as exc:
            out.append((job, None, str(exc)))
        except RecursionError:
            out.append((job, None, f"{job.display}:1:1: 结构嵌套过深：这不是转写结果"))
    return out


def _write(args, records, errors, form) -> None:
    from huifang.qa import output

    if args.format == "xlsx":
        data = output.as_xlsx(records, errors, form)
    elif args.format == "json":
        data = output.as_json(records, errors, form).encode("utf-8")
    elif args.format == "html":
        from huifang.qa.html import as_html
        data = as_html(records, errors, form).encode("utf-8")
    else:
        data = output.as_text(records, errors, form).encode("utf-8")
    if args.out is not None:
        from huifang.atomic import write_bytes
        write_bytes(args.out, data)
        print(f"已写入 {args.out}（{len(records)} 通）", file=sys.stderr)
    else:
        if args.format == "text":
            for e in errors:
                print(e["error"], file=sys.stderr)
            data = output.as_text(records, [], form).encode("utf-8")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def _report(args) -> int:
    import sqlite3

    from huifang import ledger
    from huifang.qa import store

    path = args.db or ledger.default_path(args.project)
    if not Path(path).is_file():
        raise _Usage(f"{path}: 还没有质检记录（先运行 huifang qa 质检通话）")
    try:
        connection = ledger.connect(args.project, args.db)
        try:
            rows = store.aggregate(connection, args.by)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise _Usage(f"{path}: 质检记录库无法读取（{exc}）") from None
    if args.format == "json":
        sys.stdout.write(json.dumps({"by": args.by, "rows": rows}, ensure_ascii=False, indent=2) + "\n")
        return 0
    names = {"agent": "坐席", "script": "话术", "week": "周"}
    lines = [f"{names[args.by]}\t通数\t平均分\t合格率\t平均时长（秒）\t静音占比\t抢话\t发现"]
    for r in rows:
        lines.append("\t".join(str(x) for x in (r[args.by], r["calls"], r["mean_score"], f"{r['pass_rate']:.0%}",
                                                 "—" if r["mean_duration_s"] is None else r["mean_duration_s"],
                                                 "—" if r["mean_silence_ratio"] is None else f"{r['mean_silence_ratio']:.0%}",
                                                 r["interruptions"] or 0, r["findings"])))
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
