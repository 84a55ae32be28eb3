"""The four output formats of `huifang qa`: text (the terminal), json, html (a dialogue with each finding at
its line), xlsx (one row per call, one per finding). All are byte-reproducible."""

from __future__ import annotations

from huifang.lint.textmemo import Remembered
from huifang.problems import SEVERITY_NAMES
from huifang.qa.jsontext import dumps, encoded
from huifang.qa.record import public

RULE_NAMES = {
    "forbidden-phrase": "忌语",
    "personal-data": "个人信息",
    "missing-greeting": "开头语",
    "greeting-not-first": "问候不在最前",
    "missing-closing": "结束语",
    "question-not-asked": "漏问",
    "long-silence": "冷场",
    "interruption": "抢话",
    "speech-too-fast": "语速过快",
    "call-too-long": "通话过长",
}


def clock(seconds) -> str:
    if seconds is None:
        return "—"
    minutes, rest = divmod(float(seconds), 60)
    return f"{int(minutes):02d}:{rest:04.1f}"


class Tally:
    """What the summary needs, gathered call by call in constant memory."""

    def __init__(self):
        self.calls = self.passed = 0
        self.total = 0.0
        self.counts: dict[str, int] = {}
        self.choices: dict[str, dict[str, int]] = {"script": {}, "roles": {}}

    def add(self, r: dict) -> None:
        self.calls += 1
        self.passed += bool(r["passed"])
        self.total += r["score"]
        for f in r["findings"]:
            self.counts[f["rule"]] = self.counts.get(f["rule"], 0) + 1
        for kind in ("script", "roles"):
            how = HOWS[r["_notes"][kind]]
            self.choices[kind][how] = self.choices[kind].get(how, 0) + 1

    def summary(self, errors: list[dict], form) -> dict:
        return {
            "calls": self.calls,
            "passed": self.passed,
            "failed": self.calls - self.passed,
            "unreadable": errors,
            "mean_score": round(self.total / self.calls, 1) if self.calls else None,
            "form": form.id if form is not None else None,
            "findings": dict(sorted(self.counts.items())),
            "choices": {k: dict(sorted(v.items())) for k, v in self.choices.items()},
        }


HOW = (
    "按相似度选定",
    "按 --script 指定",
    "按清单指定",
    "没有找到相近的话术",
    "项目里没有话术",
    "推断",
    "按指定的说话人",
    "按指定的声道",
    "按说话人标签",
    "只有一个说话人",
)


def _how(note: str) -> str:
    """How a script or the agent was chosen, without the per-call detail."""
    return next((how for how in HOW if how in note), "无")


# remembered per note: the notes a run writes recur (`Session.pick_script`'s and `roles`' made once per distinct one)
HOWS = Remembered(_how, limit=5_000)


def summary(records: list[dict], errors: list[dict], form) -> dict:
    tally = Tally()
    for r in records:
        tally.add(r)
    return tally.summary(errors, form)


def as_json(records: list[dict], errors: list[dict], form) -> str:
    return dumps({"calls": [public(r) for r in records], "summary": summary(records, errors, form)}) + "\n"


class JsonStream:
    """`as_json`, written call by call: the same bytes, without holding every call."""

    def __init__(self, write):
        self.write, self.count = write, 0

    def call(self, r: dict) -> None:
        floats = [r["score"], *r["metrics"].values(), *[f["time"] for f in r["findings"]]]
        body = encoded(public(r), "    ", floats)
        self.write((b'{\n  "calls": [\n    ' if self.count == 0 else b",\n    ") + body)
        self.count += 1

    def close(self, summary_data: dict) -> None:
        head = '{\n  "calls": [],\n' if self.count == 0 else "\n  ],\n"
        body = dumps(summary_data, "  ")
        self.write(head + '  "summary": ' + body + "\n}\n")


def as_text(records: list[dict], errors: list[dict], form) -> str:
    lines = [text_of_call(r) for r in records]
    lines.extend(e["error"] + "\n" for e in errors)
    lines.append(text_total(summary(records, errors, form), errors))
    return "".join(lines)


def text_of_call(r: dict) -> str:
    lines = []
    verdict = "合格" if r["passed"] else "不合格"
    critical = [i["name"] for i in r["_items"] if i["failed"]]
    head = f"{r['path']}: {r['score']:g} 分，{verdict}"
    if critical:
        head += f"（致命项：{'、'.join(critical)}）"
    lines.append(head)
    notes = r["_notes"]
    if notes["script"]:
        lines.append(f"  {notes['script']}")
    if notes["path"]:
        lines.append(f"  通话走向：{notes['path']}")
    if notes["roles"]:
        lines.append(f"  {notes['roles']}")
    for f in r["findings"]:
        where = f"{r['path']}:{f['line']}" if f["line"] else r["path"]
        quote = f" 「{_short(f['text'])}」" if f["text"] else ""
        lines.append(
            f"  {where}: [{clock(f['time'])}] {SEVERITY_NAMES.get(f['severity'], f['severity'])}："
            f"{f['message']}{quote}（{f['rule']}）"
        )
    m = r["metrics"]
    if m["duration_s"] is None:
        lines.append("  指标：没有时间戳，时长、静音、抢话、语速不适用")
    else:
        lines.append(
            f"  指标：时长 {clock(m['duration_s'])}，坐席说话占比 {_share(m['agent_talk_ratio'])}，"
            f"静音占比 {m['silence_ratio']:.0%}，最长静音 {m['longest_silence_s']:.1f} 秒，"
            f"抢话 {m['interruptions']} 次，坐席语速 {_rate(m['agent_chars_per_min'])}"
        )
    return "\n".join(lines) + "\n"


def text_total(s: dict, errors: list[dict]) -> str:
    return (
        f"共 {s['calls']} 通：合格 {s['passed']}，不合格 {s['failed']}"
        + (f"，平均 {s['mean_score']:g} 分" if s["mean_score"] is not None else "")
        + (f"；{len(errors)} 个文件无法读取" if errors else "")
        + "\n"
    )


def _share(value) -> str:
    """A ratio as a percentage; None when nobody spoke for any time (every turn of zero length)."""
    return "—" if value is None else f"{value:.0%}"


def _rate(value) -> str:
    return "—" if value is None else f"{value:.0f} 字/分钟"


def _short(text: str, size: int = 24) -> str:
    return text if len(text) <= size else text[:size] + "…"


def as_xlsx(records: list[dict], errors: list[dict], form) -> bytes:
    import io

    from huifang.sheettext import keep_text
    from openpyxl import Workbook

    book = Workbook()
    calls = book.active
    calls.title = "通话"
    calls.append(
        [
            "文件",
            "坐席",
            "日期",
            "话术",
            "得分",
            "是否合格",
            "致命项",
            "发现数",
            "时长（秒）",
            "坐席说话占比",
            "静音占比",
            "最长静音（秒）",
            "抢话次数",
            "坐席语速（字/分钟）",
        ]
    )
    for r in records:
        m, meta = r["metrics"], r["_meta"]
        _put(
            calls,
            [
                r["path"],
                meta.get("agent", ""),
                meta.get("date", ""),
                r["_title"] or r["script"] or "",
                r["score"],
                "合格" if r["passed"] else "不合格",
                "、".join(i["name"] for i in r["_items"] if i["failed"]),
                len(r["findings"]),
                m["duration_s"],
                m["agent_talk_ratio"],
                m["silence_ratio"],
                m["longest_silence_s"],
                m["interruptions"],
                m["agent_chars_per_min"],
            ],
        )
    found = book.create_sheet("发现")
    found.append(["文件", "坐席", "时间", "行", "说话人", "类别", "严重程度", "说明", "原话", "问题"])
    for r in records:
        for f in r["findings"]:
            _put(
                found,
                [
                    r["path"],
                    r["_meta"].get("agent", ""),
                    clock(f["time"]) if f["time"] is not None else "",
                    f["line"],
                    "坐席" if f["speaker"] == "agent" else "客户",
                    RULE_NAMES.get(f["rule"], f["rule"]),
                    SEVERITY_NAMES.get(f["severity"], f["severity"]),
                    f["message"],
                    f["text"],
                    f["question"] or "",
                ],
            )
    if errors:
        bad = book.create_sheet("无法读取")
        bad.append(["文件", "原因"])
        for e in errors:
            _put(bad, [e["path"], e["error"]])
    keep_text(book)  # a transcript line that starts with "=" is words, not a formula
    for sheet in book.worksheets:
        sheet.freeze_panes = "A2"
    from datetime import datetime

    fixed = datetime(2000, 1, 1)
    book.properties.created = book.properties.modified = fixed
    buffer = io.BytesIO()
    book.save(buffer)
    return _stable_zip(buffer.getvalue())


def _put(sheet, values: list) -> None:
    """A row of a sheet, its text without the control characters a workbook cannot hold (a transcript's
    NUL would make openpyxl refuse the whole workbook)."""
    from huifang.sheettext import printable

    sheet.append([printable(v) for v in values])


def _stable_zip(data: bytes) -> bytes:
    """The same workbook, every member dated 1980-01-01: identical input, identical bytes."""
    import io
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", body)
            target.writestr(fixed, body)
    return out.getvalue()
