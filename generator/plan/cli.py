"""The arguments of `huifang plan` and `huifang report` (registered by huifang.cli)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(plan: argparse.ArgumentParser, report: argparse.ArgumentParser) -> None:
    plan.add_argument("events", metavar="事件表", help="事件表：CRM 导出的 .csv 或 .xlsx，每行一个客户事件")
    report.add_argument(
        "results", metavar="名单", nargs="*", help="坐席填好的回访名单：.xlsx 或 .csv；不写则只汇总台账里已有的结果"
    )
    for cmd in (plan, report):
        cmd.add_argument("--from", dest="date_from", required=True, metavar="日期", help="起始日期，如 2026-03-01")
        cmd.add_argument("--to", dest="date_to", required=True, metavar="日期", help="结束日期（含）")
        cmd.add_argument(
            "--db", type=Path, default=None, metavar="文件", help="台账文件，默认 huifang.yaml 旁的 huifang.sqlite"
        )
    plan.add_argument("--format", choices=["text", "json"], default="text", help="输出格式，默认 text")
    plan.add_argument(
        "--no-db",
        action="store_true",
        help="只看名单，不记入台账：台账里已排的仍不重复，这次排出的下次还会再排（先看一眼，再加 --out 写出）",
    )
    plan.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="目录",
        help="把名单写到目录：Excel、CSV、每位坐席的日历 .ics 和可打印的每日名单 PDF",
    )
    report.add_argument("--format", choices=["text", "json", "xlsx"], default="text", help="输出格式，默认 text")
    report.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="文件",
        help="把统计写到这个文件（--format xlsx 时必填）；不写则打印出来",
    )
