"""`huifang plan --out DIR`: the worklist as XLSX (a sheet per agent and day, ready to fill in) and CSV,
an iCalendar file per agent, and printable daily call lists (PDF)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import io
import re
import zipfile
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from huifang import model as m
from huifang.atomic import interrupts_deferred, note_changed, write_bytes
from huifang.plan.core import Call, Plan
from huifang.problems import ContentError

# the record sheet: what the planner fills, then what the agent fills in
PLANNED = ["计划编号", "序号", "坐席", "计划日期", "计划时间", "客户", "电话", "场景", "时间窗起", "时间窗止", "注意"]
FILLED = ["实际回访日期", "是否接通", "满意度", "改约时间", "客户意见", "备注"]
COLUMNS = PLANNED + FILLED
WIDTHS = {
    "计划编号": 12,
    "序号": 5,
    "坐席": 8,
    "计划日期": 11,
    "计划时间": 8,
    "客户": 10,
    "电话": 14,
    "场景": 24,
    "时间窗起": 11,
    "时间窗止": 11,
    "注意": 24,
    "实际回访日期": 12,
    "是否接通": 8,
    "满意度": 8,
    "改约时间": 16,
    "客户意见": 28,
    "备注": 16,
}
ZONE = "Asia/Shanghai"
CALL_MINUTES = 10
FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # zip entry times, so the same plan gives the same bytes


def ref(key: str) -> str:
    """The 计划编号 printed on the worklist: short, stable, and the way back to the ledger's key."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def call_id(call: Call) -> str:
    return ref(call.key)


def row(call: Call, number: int) -> list[str]:
    end = call.window[1].isoformat() if call.window[1] else ""
    return [
        call_id(call),
        str(number),
        call.agent,
        call.date.isoformat(),
        call.time,
        call.customer,
        call.phone,
        call.title,
        call.window[0].isoformat(),
        end,
        "；".join(call.warnings),
    ] + [""] * len(FILLED)


def by_agent_day(plan: Plan) -> dict[tuple[str, dt.date], list[Call]]:
    groups: dict[tuple[str, dt.date], list[Call]] = defaultdict(list)
    for call in plan.calls:
        groups[(call.agent, call.date)].append(call)
    return dict(sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0])))


def sheet_name(agent: str, day: dt.date, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\'\x00-\x1f]", "_", agent)[:20] + " " + day.strftime("%m-%d")
    name, n = base, 2
    while name.lower() in used:
        name = f"{base} {n}"
        n += 1
    used.add(name.lower())
    return name


def reproducible_zip(data: bytes) -> bytes:
    """Rewrite a zip (XLSX) with fixed entry times."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time as "modified"
                created = re.search(rb"<dcterms:created[^>]*>([^<]*)<", data)
                if created:
                    data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(<)", rb"\g<1>" + created.group(1) + rb"\g<2>", data)
            dst.writestr(fixed, data)
    return out.getvalue()


def new_sheet(book, title: str):
    """A sheet added without openpyxl comparing its title with every sheet's so far (twice), which made a
    worklist of 4,000 agent-day sheets quadratic; `sheet_name` has made the titles unique already."""
    sheets, book._sheets = book._sheets, []
    try:
        sheet = book.create_sheet(title)
    finally:
        sheets += book._sheets
        book._sheets = sheets
    return sheet


def worklist_xlsx(plan: Plan, first: dt.date) -> bytes:
    """Write-only mode (rows streamed out): a quarter faster when there are hundreds of agent-day sheets."""
    from huifang.sheettext import printable, text_cell
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook(write_only=True)
    stamp = dt.datetime(first.year, first.month, first.day)
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = "huifang"
    used: set[str] = set()
    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDE3F5")
    fill_fill = PatternFill("solid", fgColor="FFF7D6")
    wrap = Alignment(wrap_text=True, vertical="top")
    text_columns = {COLUMNS.index(n) for n in ("计划编号", "电话", "实际回访日期", "改约时间")}
    note_column = COLUMNS.index("注意")
    groups = by_agent_day(plan) or {("", first): []}
    for (agent, day), calls in groups.items():
        sheet = new_sheet(book, sheet_name(agent, day, used) if calls else "没有回访")
        for i, name in enumerate(COLUMNS, 1):
            sheet.column_dimensions[get_column_letter(i)].width = WIDTHS[name]
        sheet.freeze_panes = "C2"
        last = len(calls) + 1
        for name, options in (("是否接通", "是,否"), ("满意度", "满意,一般,不满意,不方便")):
            col = get_column_letter(COLUMNS.index(name) + 1)
            rule = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
            rule.add(f"{col}2:{col}{max(last, 2)}")
            sheet.data_validations.append(rule)
        header = []
        for name in COLUMNS:
            cell = WriteOnlyCell(sheet, name)
            cell.font, cell.fill = head_font, (fill_fill if name in FILLED else head_fill)
            header.append(cell)
        sheet.append(header)
        for n, call in enumerate(calls, 1):
            cells = []
            for i, value in enumerate(row(call, n)):
                if i in text_columns or (i == note_column and value):
                    cell = text_cell(sheet, value)
                    if i in text_columns:
                        cell.number_format = "@"  # text: leading zeros kept, dates as typed
                    else:
                        cell.alignment = wrap
                    cells.append(cell)
                elif type(value) is str and value.startswith("="):  # a CRM's text, never a formula
                    cells.append(text_cell(sheet, value))
                else:
                    cells.append(printable(value) or None)
            sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return reproducible_zip(buffer.getvalue())


def worklist_csv(plan: Plan) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for (_, _), calls in by_agent_day(plan).items():
        for n, call in enumerate(calls, 1):
            writer.writerow(row(call, n))
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 CSV correctly


@lru_cache(maxsize=1)
def shanghai_ical() -> bytes:
    from icalendar import Timezone

    return Timezone.from_tzid(ZONE).to_ical()


def shanghai():
    from icalendar import Timezone

    return Timezone.from_ical(shanghai_ical())


def handbook_url(root: Path) -> str:
    """The handbook's address when the team's mkdocs.yml gives its `site_url` (ending in /), else "": a calendar
    event can then link the script card, not only name its page."""
    from huifang.site.config import own_settings

    try:
        url = own_settings(root, importing=False).get("site_url")
    except ContentError:  # a broken mkdocs.yml is `huifang check`'s and `build`'s to report
        return ""
    if not isinstance(url, str) or not url.strip().startswith(("http://", "https://")):
        return ""
    return url.strip().rstrip("/") + "/"


def agent_calendar(agent: str, calls: list[Call], stamp: dt.date, handbook: str = "") -> bytes:
    from icalendar import Calendar, Event

    zone = ZoneInfo(ZONE)
    cal = Calendar()
    cal.add("prodid", "-//huifang//回访名单//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"回访名单 {agent}")
    cal.add("x-wr-timezone", ZONE)
    cal.add_component(shanghai())
    for call in calls:
        hh, mm = (int(x) for x in (call.time or "09:00").split(":"))
        start = dt.datetime(call.date.year, call.date.month, call.date.day, hh, mm, tzinfo=zone)
        event = Event()
        event.add("uid", f"{call_id(call)}@huifang")
        event.add("dtstamp", dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.UTC))
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=CALL_MINUTES))
        event.add("summary", f"回访 {call.customer} {call.phone}".strip())
        end = call.window[1].isoformat() if call.window[1] else "不限"
        lines = [
            f"客户：{call.customer}",
            f"电话：{call.phone}",
            f"场景：{call.title}",
            f"时间窗：{call.window[0].isoformat()} 至 {end}",
            f"话术卡：{handbook}scenarios/{call.scenario}.html"
            if handbook
            else f"话术卡：手册 scenarios/{call.scenario}.html",
        ]
        if handbook:
            event.add("url", f"{handbook}scenarios/{call.scenario}.html")
        lines += [f"注意：{w}" for w in call.warnings]
        event.add("description", "\n".join(lines))
        event.add("categories", ["回访"])
        cal.add_component(event)
    return cal.to_ical()


PAGE_CSS = """@page { size: A4 landscape; margin: 12mm; @bottom-right { content: counter(page) " / " counter(pages);
font-size: 8pt; } }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
font-size: 9.5pt; }
h1 { font-size: 14pt; margin: 0 0 4mm; } section { page-break-after: always; }
table { width: 100%; border-collapse: collapse; } th, td { border: 0.6pt solid #555; padding: 1.6mm 1.2mm;
vertical-align: top; } th { background: #e8ebf5; } td.fill { width: 16mm; } .note { font-size: 8pt; color: #444; }"""


def daily_pdf(day: dt.date, groups: list[tuple[str, list[Call]]]) -> bytes:
    from huifang.forms.libfind import quick_find_library

    with quick_find_library():  # as the forms' (generator/forms/libfind.py)
        from weasyprint import HTML

    esc = html.escape
    stamp = f"{day.isoformat()}T00:00:00+08:00"  # fixed dates in the PDF's metadata: reproducible bytes
    parts = [
        f"<html><head><meta charset='utf-8'><title>{esc(day.isoformat())} 回访名单</title>"
        f"<meta name='dcterms.created' content='{stamp}'><meta name='dcterms.modified' content='{stamp}'>"
        f"<style>{PAGE_CSS}</style></head><body>"
    ]
    for agent, calls in groups:
        parts.append(
            f"<section><h1>{esc(day.isoformat())} 回访名单 · {esc(agent)}（{len(calls)} 个）</h1><table>"
            "<tr><th>序号</th><th>时间</th><th>客户</th><th>电话</th><th>场景</th><th>最晚</th>"
            "<th>接通</th><th>满意度</th><th>改约时间</th><th>客户意见</th></tr>"
        )
        for n, call in enumerate(calls, 1):
            end = call.window[1].isoformat() if call.window[1] else "不限"
            note = "".join(f"<div class='note'>注意：{esc(w)}</div>" for w in call.warnings)
            parts.append(
                f"<tr><td>{n}</td><td>{esc(call.time)}</td><td>{esc(call.customer)}</td>"
                f"<td>{esc(call.phone)}</td><td>{esc(call.title)}{note}</td><td>{esc(end)}</td>"
                "<td class='fill'>□是 □否</td><td class='fill'></td><td class='fill'></td><td></td></tr>"
            )
        parts.append("</table></section>")
    parts.append("</body></html>")
    return HTML(string="".join(parts)).write_pdf()


def write_all(plan: Plan, project: m.Project, first: dt.date, last: dt.date, out: Path, pdf: bool = True) -> list[Path]:
    """Every file of the worklist, all made first and then written together with Ctrl-C held: an interrupt while
    they are made (the PDFs take seconds) leaves none of them, not a folder of this week's workbook beside last
    week's PDFs (nor a new empty folder)."""
    stem = f"回访名单-{first.isoformat()}至{last.isoformat()}"
    made: list[tuple[str, bytes]] = []

    def put(name: str, data: bytes) -> None:
        made.append((name, data))

    put(f"{stem}.xlsx", worklist_xlsx(plan, first))
    put(f"{stem}.csv", worklist_csv(plan))
    agents: dict[str, list[Call]] = defaultdict(list)
    for call in plan.calls:
        agents[call.agent].append(call)
    handbook = handbook_url(project.root) if agents else ""
    for agent, calls in sorted(agents.items()):
        put(f"{safe(agent)}.ics", agent_calendar(agent, calls, first, handbook))
    if pdf:
        days: dict[dt.date, list[tuple[str, list[Call]]]] = defaultdict(list)
        for (agent, day), calls in by_agent_day(plan).items():
            days[day].append((agent, calls))
        for day, groups in sorted(days.items()):
            put(f"每日名单-{day.isoformat()}.pdf", daily_pdf(day, groups))
    written = []
    with interrupts_deferred():
        out.mkdir(parents=True, exist_ok=True)
        for name, data in made:
            write_bytes(out / name, data)
            written.append(out / name)
        note_changed(out)
    return written


def safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(". ") or "agent"
