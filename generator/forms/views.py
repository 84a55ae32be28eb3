"""What goes on each printed page: plain data built from the model, ready for the templates.

Everything here is data (strings, lists, dicts); the templates escape it all. Field names for the
fillable variant are made here so they are unique within a document and readable in a PDF viewer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from huifang import model as m
from huifang.citations import without_citations
from huifang.compose import GENERIC, Call, fill, generic_words, kind_of
from huifang.qa.form import not_applicable

UNITS = {"full": 6, "half": 3, "third": 2}
WIDE_COLUMNS = 7  # a table with more columns than this is printed landscape
SHEET_HEADER = (
    ("客户", "text", "half"),
    ("电话", "phone", "half"),
    ("回访日期", "date", "third"),
    ("回访员", "text", "third"),
    ("项目/服务", "text", "third"),
)
CALLBACK = "不方便时约定的回电时间"
FACE_TO_FACE = "面访"
# How a script's record sheet says the contact was made when records.yaml names no channels: by its kind of contact
# (a face-to-face script's sheet keeps the customer's signature).
CHANNELS = {"outbound": ("电话",), "inbound": ("电话",), "face": (FACE_TO_FACE,), "message": ("短信",)}
NAMED_ONLY = "原制度只给出了本表的表名，没有规定栏目；本表不另设栏目，请按本单位实际情况填写。"
MARK = "\x00"


@dataclass
class Doc:
    """One printable document: its name, template and the data the template shows."""

    name: str  # output file stem: form id, script-<id>, desk-<id>
    kind: str  # form | sheet | desk
    title: str
    org: str = ""
    number: str = ""
    footer: str = ""
    wide: bool = False
    data: dict = field(default_factory=dict)
    sources: tuple[str, ...] = ()  # display paths of the YAML files the text comes from


class Namer:
    """Unique, readable PDF field names: `<doc>·<label>`, numbered on repeats."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.seen: dict[str, int] = {}

    def __call__(self, *parts: str) -> str:
        base = "·".join([self.prefix, *[p.replace(".", "·") for p in parts if p]])
        n = self.seen.get(base, 0) + 1
        self.seen[base] = n
        return base if n == 1 else f"{base}·{n}"


def option_list(labels, namer: Namer | None, *prefix: str) -> list[dict]:
    return [{"label": o, "name": namer(*prefix, o) if namer else ""} for o in labels]


def field_view(f: m.FormField, namer: Namer, dated: bool = False) -> dict:
    kind = f.type
    options = list(f.options)
    if kind == "checkbox" and not options:
        options = [""]
    if kind == "score" and not options:
        options = [str(n) for n in range(1, 11)]
    view: dict[str, Any] = {
        "label": f.label,
        "type": kind,
        "lines": f.lines if kind == "lines" else 1,
        "span": UNITS.get(f.width, 6),
        "name": "",
    }
    if kind in ("checkbox", "choice"):
        view["options"] = option_list(options, namer, f.label)
    elif kind == "score":
        view["options"] = [{"label": o, "name": ""} for o in options]
        view["options"][0]["name"] = namer(f.label)
    else:
        view["name"] = namer(f.label)
    if kind == "signature" and dated:
        view["date_name"] = namer(f.label, "日期")
    if kind == "lines":
        view["span"] = 6 if f.width == "full" else view["span"]
    return view


def pack_grid(fields: list[dict]) -> list[list[dict]]:
    """Lay fields into rows of six units; the last field of a short row takes the rest."""
    rows: list[list[dict]] = []
    row: list[dict] = []
    used = 0
    for f in fields:
        if used + f["span"] > 6 and row:
            row[-1]["span"] += 6 - used
            rows.append(row)
            row, used = [], 0
        row.append(f)
        used += f["span"]
    if row:
        row[-1]["span"] += 6 - used
        rows.append(row)
    return rows


def column_widths(columns: list[m.FormColumn]) -> list[float]:
    given = sum(c.width or 0 for c in columns)
    free = [c for c in columns if not c.width]
    rest = max(100 - given, 0)
    each = rest / len(free) if free else 0
    widths = [c.width if c.width else each for c in columns]
    total = sum(widths) or 1
    return [round(w * 100 / total, 3) for w in widths]


def table_rows(section: m.FormSection, namer: Namer, title: str) -> list[list[dict]]:
    labels = section.rows if isinstance(section.rows, list) else [None] * int(section.rows)
    rows = []
    for r, label in enumerate(labels, 1):
        row = []
        for c, column in enumerate(section.columns):
            key = label or str(r)
            if c == 0 and label is not None:
                row.append({"text": label, "type": "text", "name": ""})
                continue
            cell: dict[str, Any] = {"text": None, "type": column.type, "name": "", "options": []}
            if column.type in ("checkbox", "choice"):
                cell["options"] = option_list(list(column.options) or [""], namer, title, key, column.label)
            elif column.type == "score" and column.options:
                cell["options"] = [{"label": o, "name": ""} for o in column.options]
            else:
                cell["name"] = namer(title, key, column.label)
            row.append(cell)
        rows.append(row)
    return rows


def header_number(number: str, version: str) -> str:
    parts = [f"编号：{number}" if number else "", f"版本：{version}" if version else ""]
    return "　".join(p for p in parts if p)


def org_name(project: m.Project, ident: str) -> str:
    org = project.orgs.get(ident) if ident else None
    return org.name if org else ""


def form_labels(form: m.Form) -> set[str]:
    return {x.label for s in form.sections for x in s.fields} | {x.label for s in form.sections for x in s.columns}


def missing_fields(wanted: list[m.RecordField], present: set[str]) -> list[m.FormField]:
    """The record fields a form lacks (a field it already has under a `same_as` name counts)."""
    return [
        m.FormField(f.label, f.type, width=f.width)
        for f in wanted
        if f.label not in present and not present.intersection(f.same_as)
    ]


def record_fields(form: m.Form, records: m.Records | None) -> list[m.FormField]:
    if records is None:
        return []
    wanted = records.header + (records.contact if form.contact else [])
    return missing_fields(wanted, form_labels(form))


def is_named_only(form: m.Form) -> bool:
    return not any(s.fields or s.columns for s in form.sections)


def rate_targets(form: m.Form, project: m.Project) -> list[str]:
    """Each scenario's target call-back rate, for forms that count a 回访率."""
    if not any("回访率" in label for label in form_labels(form)):
        return []
    out = []
    for _, sc in sorted(project.scenarios.items()):
        if form.id not in sc.forms:
            continue
        if sc.target_rate is not None:
            out.append(f"{sc.title}：{sc.target_rate:g}%")
        elif sc.rate_note:
            out.append(f"{sc.title}：{sc.rate_note.rstrip('。')}")
    return out


def form_doc(form: m.Form, project: m.Project, shared_header: bool = True) -> Doc:
    """A record form; `shared_header=False` leaves out the records' shared header (a sheet that records no call)."""
    namer = Namer(form.id)
    records = project.records if shared_header else None
    dated = bool(records and records.signature_date)
    sections = []
    wide = form.orientation == "landscape"
    head = [field_view(f, namer, dated) for f in record_fields(form, records)]
    if head:
        sections.append({"title": "", "note": "", "grid": pack_grid(head), "columns": [], "rows": [], "blank": 0})
    named_only = is_named_only(form)
    for i, s in enumerate(form.sections):
        title = s.title or f"第{i + 1}部分"
        fields = [field_view(f, namer, dated) for f in s.fields]
        view = {"title": s.title, "note": s.note, "grid": pack_grid(fields), "columns": [], "rows": [], "blank": 0}
        if named_only:
            view["blank"] = max(4, 12 // len(form.sections))
            view["blank_name"] = namer(title)
        if s.columns:
            wide = wide or len(s.columns) > WIDE_COLUMNS
            view["columns"] = [{"label": c.label, "width": w} for c, w in zip(s.columns, column_widths(s.columns))]
            view["rows"] = table_rows(s, namer, title)
        sections.append(view)
    footer = f"保存期限：{form.retention}" if form.retention else ""
    version = form.version or (records.version if records else "")
    return Doc(
        form.id,
        "form",
        form.title,
        org_name(project, form.org),
        header_number(form.number, version),
        footer,
        wide,
        {
            "intro": form.intro,
            "copies_note": form.copies_note,
            "sections": sections,
            "notes": form.notes,
            "subtitle": "",
            "named_only": NAMED_ONLY if named_only else "",
            "targets": rate_targets(form, project),
        },
        (form.file,) + ((records.file,) if records else ()),
    )


def qa_item_label(item: m.QAItem) -> str:
    marks = [f"{item.weight:g} 分"]
    if item.critical:
        marks.append("致命项")
    if item.na_when:
        marks.append("不适用：" + not_applicable(item))
    return f"{item.name}（{'；'.join(marks)}）"


def qa_form_doc(qa: m.QAForm, project: m.Project) -> Doc:
    """The human QA sheet (质检评分表): one row per item to score by hand, the total and the verdict."""
    rules = [f"满分 100 分，{qa.pass_mark:g} 分合格。"]
    if any(i.critical for i in qa.items):
        rules.append("致命项有一条不合格，整通电话即不合格。")
    if any(i.na_when for i in qa.items):
        rules.append("不适用的项不计分，总分按适用项折算为 100 分。")
    form = m.Form(
        f"qa-{qa.id}",
        qa.title,
        [
            m.FormSection(
                "",
                [
                    m.FormField("坐席", width="third"),
                    m.FormField("通话日期", "date", width="third"),
                    m.FormField("录音编号", width="third"),
                    m.FormField("客户", width="third"),
                    m.FormField("质检员", width="third"),
                    m.FormField("质检日期", "date", width="third"),
                ],
            ),
            m.FormSection(
                "评分",
                columns=[
                    m.FormColumn("评分项", 46),
                    m.FormColumn("得分", 10),
                    m.FormColumn("不适用", 9, "checkbox"),
                    m.FormColumn("扣分原因（时间、原话）", 35),
                ],
                rows=[qa_item_label(item) for item in qa.items],
            ),
            m.FormSection(
                "结论",
                [
                    m.FormField("总分", width="third"),
                    m.FormField("结论", "choice", ("合格", "不合格"), width="third"),
                    m.FormField("质检员签名", "signature", width="third"),
                ],
            ),
        ],
        qa.file,
        version=qa.version,
        org=qa.org,
        intro=" ".join(filter(None, [qa.intro, *rules])),
        notes=list(qa.notes),
    )
    return form_doc(form, project, shared_header=False)


def split_placeholders(text: str, org: m.Org | None) -> list[tuple[str, str]]:
    """Text with the org's placeholders filled; the agent's own ones marked for a dotted underline."""
    filled = fill(text, org, mark=lambda name: f"{MARK}{name}{MARK}")
    parts = filled.split(MARK)
    return [("ph" if i % 2 else "text", p) for i, p in enumerate(parts) if p]


def asked_questions(call: Call) -> list[m.Question]:
    """Each question of the call once, in the order a call meets them."""
    seen, found = set(), []
    for turn in call.all_turns():
        q = turn.question if turn.kind == "ask" else None
        if q is not None and id(q) not in seen:
            seen.add(id(q))
            found.append(q)
    return found


def agent_blanks(call: Call) -> list[str]:
    """Placeholders the org does not fill, in the order the call meets them: the agent writes them down."""
    names: list[str] = []

    def note(name: str) -> str:
        names.append(name)
        return name

    def collect(text: str) -> None:
        fill(text, call.org, mark=note)

    for turn in call.all_turns():
        if turn.words is not None:
            collect(turn.words.value)
        q = turn.question if turn.kind == "ask" else None
        if q is not None and q.follow_up and q.follow_up.ask:
            collect(q.follow_up.ask.value)
    return list(dict.fromkeys(names))


def sheet_doc(call: Call, project: m.Project) -> Doc:
    script, org = call.script, call.org
    namer = Namer(f"script-{script.id}")
    records = project.records
    record = records.sheets.get(script.id) if records else None
    channels = (record.channels if record else ()) or CHANNELS.get(kind_of(script, org), ("电话",))
    header = [m.FormField(label, kind, width=width) for label, kind, width in SHEET_HEADER]
    taken = {label for label, _, _ in SHEET_HEADER} | {"客户姓名", "回访员姓名", "电话号码"}
    blanks = [m.FormField(name, "text", width="third") for name in agent_blanks(call) if name not in taken]
    if call.convenience:
        blanks.append(m.FormField(CALLBACK, "callback", width="full"))
    grid = pack_grid([field_view(f, namer) for f in header])
    call_grid = pack_grid([field_view(f, namer) for f in blanks])
    questions = []
    sources = {script.file}
    for n, q in enumerate(asked_questions(call), 1):
        answer = q.answer
        view: dict[str, Any] = {
            "n": n,
            "parts": split_placeholders(q.text.value, org),
            "type": answer.type,
            "kind": answer.label,
            "lines": 3,
            "options": [],
            "name": "",
            "follow_up": None,
        }
        label = f"{n:02d}"
        if answer.type == "open":
            view["name"] = namer(label)
        elif answer.type == "score":
            view["options"] = [{"label": c, "name": ""} for c in answer.choices]
            view["options"][0]["name"] = namer(label)
        else:
            view["options"] = option_list(answer.choices, namer, label)
        if q.follow_up:
            fu = q.follow_up
            form = project.forms.get(fu.form) if fu.form else None
            view["follow_up"] = {
                "when": "若回答" + "、".join(f"「{w}」" for w in fu.when),
                "ask": split_placeholders(fu.ask.value, org) if fu.ask else None,
                "action": fu.action.value if fu.action else "",
                "form": form.title if form else (fu.form or ""),
                "name": namer(label, "跟进"),
            }
        if q.text.doc is not None:
            sources.add(q.text.doc.display)
        questions.append(view)
    signers = ("客户", "回访员") if FACE_TO_FACE in channels else ("回访员",)
    parties = [
        {
            "who": who if who == "回访员" or len(channels) == 1 else f"{who}（{FACE_TO_FACE}时）",
            "sign": namer(who, "签字"),
            "date": namer(who, "日期"),
        }
        for who in signers
    ]
    title = f"{script.title}记录表" if not script.title.endswith("表") else script.title
    number = header_number(record.number, record.version or records.version) if record and records else ""
    if records is not None:
        sources.add(records.file)
    return Doc(
        f"script-{script.id}",
        "sheet",
        title,
        org.name if org else "",
        number,
        "",
        False,
        {
            "grid": grid,
            "call_grid": call_grid,
            "questions": questions,
            "parties": parties,
            "remarks_name": namer("回访情况记录"),
            "subtitle": "回访方式：" + "、".join(channels),
        },
        tuple(sorted(sources)),
    )


def turns_parts(turns: list[m.Turn], org: m.Org | None) -> list[tuple[str, str]]:
    said = "".join(t.words.value for t in turns if t.spoken_by_agent and t.words is not None)
    return split_placeholders(said, org)


def industry_phrases(org: m.Org, project: m.Project) -> list[m.ForbiddenPhrase]:
    """The forbidden phrases written for orgs of this org's industry (its own first); none from other trades."""
    kin = {o.id for o in project.orgs.values() if org.industry and o.industry == org.industry} | {org.id}
    related = [p for p in project.forbidden if phrase_org(p, project) in kin]
    return sorted(related, key=lambda p: phrase_org(p, project) != org.id)


def phrase_org(phrase: m.ForbiddenPhrase, project: m.Project) -> str:
    """The org a phrase file belongs to: its name is the org id, or starts with it (wuye-kefu-laidian…)."""
    stem = phrase.file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    owners = [ident for ident in project.orgs if stem == ident or stem.startswith(ident + "-")]
    return max(owners, key=len, default="")


def display_name(org: m.Org) -> str:
    """The org's full name; a bare generic word (「公司」) is told apart by the rule book it comes from."""
    if len(org.name) > 2 or not org.source:
        return org.name
    return f"{org.name}（{org.source.split()[0]}）"


def call_windows(org: m.Org) -> list[str]:
    windows = []
    for w in org.call_windows:
        text = f"{w.start}–{w.end}"
        if w.season:
            text = f"{w.season} {text}"
        if w.note:
            text += f"（{w.note}）"
        windows.append(text)
    return windows


def phrase_rows(phrases: list[m.ForbiddenPhrase], org: m.Org) -> list[dict]:
    return [
        {"phrase": p.phrase.value, "instead": split_placeholders(without_citations(p.instead), org)} for p in phrases
    ]


def standard_lines(standard: m.Standard | None, kind: str, org: m.Org, part: str) -> list[dict]:
    """A desk card's opening or closing for an org without its own: the generic wording of the org's
    kind of contact, said to be generic; else the elements that kind's standard asks for."""
    if standard is None:
        return []
    turns = generic_words(standard, kind, org)
    if turns:
        return [
            {"tag": f"本机构未规定标准{part}，下面是通用写法（按规范的要素拼成）", "parts": turns_parts(turns, org)}
        ]
    names = "、".join(e.name for e in standard.for_kind(kind).elements)
    if names:
        return [{"tag": f"本机构未规定标准{part}，{part}须包含", "parts": [("text", names)]}]
    return [{"tag": f"本机构未规定标准{part}", "parts": [("text", "规范对这种联系方式没有规定。")]}]


def desk_doc(org: m.Org, project: m.Project, limit: int | None = None) -> Doc:
    opening = [{"tag": "", "parts": turns_parts([t], org)} for t in org.opening or [] if t.spoken_by_agent]
    kind = org.kind or "outbound"
    if not opening:
        opening = standard_lines(project.greeting, kind, org, "开头语")
    closing = [
        {"tag": label if len(org.closings) > 1 else "", "parts": turns_parts(turns, org)}
        for label, turns in org.closings.items()
    ]
    closing = [c for c in closing if c["parts"]]
    if org.holiday_closing:
        closing.append({"tag": "节假日", "parts": split_placeholders(org.holiday_closing.value, org)})
    if not closing:
        closing = standard_lines(project.closing, kind, org, "结束语")
    windows = call_windows(org)
    minutes = ""
    if org.max_call_minutes:
        low, high = org.max_call_minutes
        minutes = f"{low:g}–{high:g} 分钟" if low else f"不超过 {high:g} 分钟"
    phrases = industry_phrases(org, project)
    shown = phrases if limit is None else phrases[:limit]
    rows = phrase_rows(shown, org)
    convenience = split_placeholders(org.convenience.ask.value, org) if org.convenience else []
    details = [x for x in (org.department, f"热线 {org.hotline}" if org.hotline else "") if x]
    return Doc(
        f"desk-{org.id}",
        "desk",
        f"{display_name(org)}回访坐席桌面卡",
        display_name(org),
        "坐席桌面卡",
        "",
        False,
        {
            "opening": opening,
            "closing": closing,
            "convenience": convenience,
            "windows": windows,
            "no_call": org.no_call,
            "minutes": minutes,
            "phrases": rows,
            "more_phrases": len(phrases) - len(shown),
            "subtitle": "　".join(details),
        },
        (org.file, *sorted({p.file for p in shown})),
    )


def step_items(steps: list, org: m.Org | None, level: int = 0) -> list[dict]:
    """A call's body as a flat list for the script card: what the agent says and asks, branch by branch."""
    items: list[dict] = []
    for step in steps:
        if isinstance(step, m.Branch):
            for label, case in step.cases.items():
                items.append({"kind": "case", "label": label, "level": level})
                items += step_items(case, org, level + 1)
        elif isinstance(step, m.Close):
            items.append({"kind": "end", "level": level, "parts": turns_parts(step.turns, org)})
        elif step.kind == "ask" and step.question is not None:
            q = step.question
            item = {
                "kind": "ask",
                "level": level,
                "parts": split_placeholders(q.text.value, org),
                "choices": list(q.answer.choices) if q.answer.type != "open" else [],
                "follow_up": None,
            }
            if q.follow_up and q.follow_up.ask:
                item["follow_up"] = {
                    "when": "、".join(q.follow_up.when),
                    "parts": split_placeholders(q.follow_up.ask.value, org),
                }
            items.append(item)
        elif step.words is not None:
            kind = "say" if step.spoken_by_agent else ("customer" if step.kind == "customer" else "note")
            items.append({"kind": kind, "level": level, "parts": split_placeholders(step.words.value, org)})
    return items


def composed_notes(call: Call, project: m.Project) -> dict[str, str]:
    """Whose words a script card prints where the script has none of its own: the generic standard
    of its kind of contact, or another org's standard (a rule book's default org)."""
    notes = {}
    for part, name in (("opening", "开头语"), ("convenience", "确认是否方便"), ("closings", "结束语")):
        source = call.composed.get(part)
        if source == GENERIC:
            notes[part] = f"本机构没有自己的标准{name}，下面是通用写法（按规范的要素拼成），空处由坐席现场填写。"
        elif source and (call.org is None or source != call.org.id) and source in project.orgs:
            notes[part] = f"本话术没有自己的{name}，下面是{display_name(project.orgs[source])}的标准说法。"
    return notes


def guide_doc(call: Call, project: m.Project, limit: int | None = None) -> Doc:
    """The one-page script card an agent keeps beside the phone."""
    script, org = call.script, call.org
    convenience = None
    if call.convenience:
        c = call.convenience
        convenience = {
            "ask": split_placeholders(c.ask.value, org),
            "yes": turns_parts(c.yes, org),
            "no": turns_parts(c.no, org),
        }
    closings = [{"label": label, "parts": turns_parts(turns, org)} for label, turns in call.closings.items()]
    closings = [c for c in closings if c["parts"]]
    phrases = industry_phrases(org, project) if org else []
    shown = phrases if limit is None else phrases[:limit]
    sources = {script.file, *(p.file for p in shown)}
    if org is not None:
        sources.add(org.file)
    return Doc(
        f"guide-{script.id}",
        "guide",
        f"{script.title}　话术卡",
        display_name(org) if org else "",
        "",
        "",
        False,
        {
            "opening": turns_parts(call.opening, org),
            "convenience": convenience,
            "composed": composed_notes(call, project),
            "steps": step_items(call.body, org),
            "closings": closings,
            "hotline": org.hotline if org else "",
            "windows": call_windows(org) if org else [],
            "no_call": org.no_call if org else [],
            "phrases": phrase_rows(shown, org) if org else [],
            "more_phrases": len(phrases) - len(shown),
            "industry": org.industry if org else "",
            "subtitle": "",
        },
        tuple(sorted(sources)),
    )
