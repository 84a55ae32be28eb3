"""Model builders: one function per content kind turns a validated document into model objects
and files them in the project (`huifang.kinds` names the builder of each kind)."""

from __future__ import annotations

from huifang import model as m
from huifang.yamlload import Document, mapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def every(raw: dict | None) -> m.Every | None:
    return m.Every(raw["n"], raw["unit"], raw.get("times", 1)) if raw else None


def timing(t: dict) -> m.Timing:
    before, within = t.get("before"), t.get("within")
    return m.Timing(
        t["text"],
        t.get("after", ""),
        t.get("min_days"),
        t.get("max_days"),
        t.get("recurrence", ""),
        list(t.get("exceptions", [])),
        t.get("days", "calendar"),
        every(t.get("every")),
        t.get("until", ""),
        [
            m.TimingOverride(
                o["text"],
                tuple(o.get("region", ())),
                tuple(o.get("customer_class", ())),
                o.get("min_days"),
                o.get("max_days"),
                every(o.get("every")),
            )
            for o in t.get("overrides", [])
        ],
        m.Deadline(before["event"], before.get("days")) if before else None,
        m.Deadline(within["period"], within.get("days")) if within else None,
        list(t.get("on", [])),
        [m.CallWindow(w["start"], w["end"], w.get("season", ""), w.get("note", "")) for w in t.get("call_windows", [])],
        t.get("max_attempts"),
        t.get("unknown", False),
        t.get("reason", ""),
    )


class Builder:
    """Builds model objects from one validated document."""

    def __init__(self, doc: Document):
        self.doc = doc

    def text(self, path: tuple) -> m.Text:
        return m.Text(self._get(path), self.doc, path)

    def maybe(self, path: tuple) -> m.Text | None:
        return self.text(path) if self._get(path, None) is not None else None

    def _get(self, path: tuple, default=KeyError):
        value: Any = self.doc.data  # a walk down YAML: any value, checked by the except below
        for key in path:
            try:
                value = value[key]
            except (KeyError, IndexError, TypeError):
                if default is KeyError:
                    raise
                return default
        return value

    def question(self, data: dict, path: tuple, bank: str = "", ident: str = "") -> m.Question:
        answer = data.get("answer", "open")
        if isinstance(answer, str):
            answer = {"type": answer}
        follow = data.get("follow_up")
        follow_up = None
        if follow:
            follow_up = m.FollowUp(
                tuple(follow["when"]),
                self.maybe(path + ("follow_up", "ask")),
                self.maybe(path + ("follow_up", "action")),
                follow.get("form"),
            )
        return m.Question(
            ident or data.get("id", ""),
            self.text(path + ("text",)),
            m.Answer(answer["type"], tuple(answer.get("options", ())), answer.get("min"), answer.get("max")),
            follow_up,
            tuple(data.get("tags", ())),
            data.get("source", ""),
            bank,
            tuple(data.get("paraphrases", ())),
            bool(data.get("compliance", False)),
        )

    def turn(self, data, path: tuple) -> m.Turn:
        if isinstance(data, str):
            return m.Turn("say", self.text(path))
        speech = data.get("kind", "")
        ((kind, value),) = ((k, v) for k, v in data.items() if k != "kind")
        if kind == "ask":
            if isinstance(value, str):
                return m.Turn("ask", question_id=value, speech=speech)
            return m.Turn(
                "ask", question=self.question(value, path + ("ask",), ident=f"{self.doc.display}#{path}"), speech=speech
            )
        return m.Turn(kind, self.text(path + (kind,)), speech=speech)

    def turns(self, data, path: tuple) -> list[m.Turn] | None:
        if data is None:
            return None
        return [self.turn(item, path + (i,)) for i, item in enumerate(data)]

    def turn_list(self, data: list, path: tuple) -> list[m.Turn]:
        """`turns` of a list the schema requires."""
        return [self.turn(item, path + (i,)) for i, item in enumerate(data)]

    def step(self, data, path: tuple):
        if isinstance(data, dict) and "branch" in data:
            branch = data["branch"]
            cases = {
                label: [self.step(s, path + ("branch", "cases", label, i)) for i, s in enumerate(steps)]
                for label, steps in branch["cases"].items()
            }
            return m.Branch(cases, branch.get("question"))
        if isinstance(data, dict) and "close" in data:
            return m.Close(self.turn_list(data["close"], path + ("close",)))
        return self.turn(data, path)

    def convenience(self, data, path: tuple):
        if data is None or data is False:
            return data
        return m.Convenience(
            self.text(path + ("ask",)),
            self.turn_list(data["yes"], path + ("yes",)),
            self.turn_list(data["no"], path + ("no",)),
            data.get("kind", ""),
        )

    def closings(self, data, path: tuple):
        if data is None:
            return None
        return {label: self.turns(turns, path + (label,)) for label, turns in data.items()}

    def standard(self, data: dict, path: tuple = ()) -> m.Standard:
        return m.Standard(
            [
                m.Element(
                    e["id"],
                    e["name"],
                    tuple(e["patterns"]),
                    e.get("severity", "error"),
                    e.get("description", ""),
                    tuple(e.get("exclude", ())),
                    tuple(e.get("examples", ())),
                    e.get("slot", ""),
                    tuple(e.get("names", ())),
                )
                for e in data["elements"]
            ],
            data.get("title", ""),
            data.get("max_turns", 3),
            list(data.get("examples", [])),
            data.get("source", ""),
            {
                kind: m.StandardKind(
                    tuple(k["elements"]),
                    list(k.get("examples", [])),
                    k.get("source", ""),
                    tuple(self.text(path + ("kinds", kind, "examples", i)) for i in range(len(k.get("examples", [])))),
                )
                for kind, k in data.get("kinds", {}).items()
            },
        )


def org(doc: Document, project: m.Project) -> None:
    b, d, f = Builder(doc), mapping(doc), doc.display
    minutes = d.get("max_call_minutes")
    project.orgs[d["id"]] = m.Org(
        d["id"],
        d["name"],
        f,
        d.get("short_name", ""),
        d.get("department", ""),
        d.get("hotline", ""),
        d.get("agent_title", ""),
        d.get("industry", ""),
        [m.CallWindow(w["start"], w["end"], w.get("season", ""), w.get("note", "")) for w in d.get("call_windows", [])],
        list(d.get("no_call", [])),
        (minutes.get("min"), minutes["max"]) if minutes else None,
        d.get("speech_rate", 240),
        list(d.get("languages", [])),
        dict(d.get("placeholders", {})),
        tuple(d.get("agent_placeholders", ())),
        b.turns(d.get("opening"), ("opening",)),
        b.convenience(d.get("convenience"), ("convenience",)),
        b.closings(d.get("closings"), ("closings",)) or {},
        b.maybe(("holiday_closing",)),
        d.get("source", ""),
        d.get("kind", ""),
    )


def etiquette(doc: Document, project: m.Project) -> None:
    b, d, f = Builder(doc), mapping(doc), doc.display
    for gi, g in enumerate(d["groups"]):
        rules = [
            m.EtiquetteRule(r["id"], b.text(("groups", gi, "rules", ri, "text")), r.get("why", ""), r.get("source", ""))
            for ri, r in enumerate(g["rules"])
        ]
        project.etiquette.append(m.EtiquetteGroup(g["id"], g["title"], rules, f, g.get("intro", "")))


def forbidden(doc: Document, project: m.Project) -> None:
    b, d, f = Builder(doc), mapping(doc), doc.display
    for i, p in enumerate(d["phrases"]):
        project.forbidden.append(
            m.ForbiddenPhrase(
                p["id"],
                b.text(("phrases", i, "phrase")),
                p["reason"],
                p["instead"],
                f,
                tuple(b.text(("phrases", i, "variants", j)) for j in range(len(p.get("variants", [])))),
                p.get("category", ""),
                p.get("severity", "error"),
                tuple(p.get("exceptions", ())),
                p.get("source", ""),
                tuple(tuple(group) for group in p.get("any_order", ())),
                p.get("situation", ""),
                tuple(p.get("alone", ())),
                tuple(p.get("inserted", ())),
            )
        )


def standards(doc: Document, project: m.Project) -> None:
    b, d = Builder(doc), mapping(doc)
    project.greeting = b.standard(d["greeting"], ("greeting",))
    project.closing = b.standard(d["closing"], ("closing",))


def question_bank(doc: Document, project: m.Project) -> None:
    b, d, f = Builder(doc), mapping(doc), doc.display
    questions = [b.question(q, ("questions", i), d["id"]) for i, q in enumerate(d["questions"])]
    project.banks[d["id"]] = m.QuestionBank(
        d["id"], d["title"], questions, f, d.get("industry", ""), d.get("description", ""), d.get("source", "")
    )


def scenario(doc: Document, project: m.Project) -> None:
    d, f = mapping(doc), doc.display
    project.scenarios[d["id"]] = m.Scenario(
        d["id"],
        d["title"],
        d["industry"],
        d["trigger"],
        timing(d["timing"]),
        d["responsible"],
        f,
        list(d.get("stages", [])),
        d.get("org", ""),
        d.get("purpose", ""),
        d.get("target_rate"),
        d.get("rate_note", ""),
        list(d.get("escalation", [])),
        list(d.get("scripts", [])),
        list(d.get("forms", [])),
        list(d.get("questions", [])),
        list(d.get("notes", [])),
        d.get("source", ""),
        d.get("kind", ""),
    )


def script(doc: Document, project: m.Project) -> None:
    b, d, f = Builder(doc), mapping(doc), doc.display
    steps = [b.step(s, ("steps", i)) for i, s in enumerate(d.get("steps", []))]
    for i, q in enumerate(d.get("questions", [])):
        steps.append(
            b.turn({"ask": q}, ("questions", i))
            if isinstance(q, str)
            else b.turn(q, ("questions", i))
            if "ask" in q
            else m.Turn("ask", question=b.question(q, ("questions", i), ident=f"{f}#questions/{i}"))
        )
    project.scripts[d["id"]] = m.Script(
        d["id"],
        d["title"],
        f,
        doc,
        d.get("org", ""),
        d.get("description", ""),
        b.turns(d.get("opening"), ("opening",)),
        b.convenience(d.get("convenience"), ("convenience",)),
        steps,
        b.closings(d.get("closings"), ("closings",)),
        d.get("source", ""),
        d.get("kind", ""),
    )


def form(doc: Document, project: m.Project) -> None:
    d, f = mapping(doc), doc.display
    sections = []
    for s in d["sections"]:
        table = s.get("table", {})
        columns = [
            m.FormColumn(c)
            if isinstance(c, str)
            else m.FormColumn(c["label"], c.get("width"), c.get("type", "text"), tuple(c.get("options", ())))
            for c in table.get("columns", [])
        ]
        fields = [
            m.FormField(
                x["label"],
                x.get("type", "text"),
                tuple(x.get("options", ())),
                x.get("lines", 1),
                x.get("width", "full"),
            )
            for x in s.get("fields", [])
        ]
        sections.append(m.FormSection(s.get("title", ""), fields, columns, table.get("rows", 0), s.get("note", "")))
    project.forms[d["id"]] = m.Form(
        d["id"],
        d["title"],
        sections,
        f,
        d.get("number", ""),
        str(d.get("version", "")),
        d.get("org", ""),
        d.get("orientation", "portrait"),
        d.get("intro", ""),
        d.get("copies_note", ""),
        d.get("retention", ""),
        list(d.get("notes", [])),
        d.get("source", ""),
        bool(d.get("contact", False)),
    )


def records(doc: Document, project: m.Project) -> None:
    d = mapping(doc)

    def record_fields(key: str) -> list[m.RecordField]:
        return [
            m.RecordField(x["label"], x.get("type", "text"), x.get("width", "third"), tuple(x.get("same_as", ())))
            for x in d.get(key, [])
        ]

    project.records = m.Records(
        doc.display,
        str(d.get("version", "")),
        record_fields("header"),
        record_fields("contact"),
        bool(d.get("signature_date", True)),
        {
            k: m.SheetRecord(v["number"], str(v.get("version", "")), tuple(v.get("channels", ())))
            for k, v in d.get("sheets", {}).items()
        },
    )


def qa_form(doc: Document, project: m.Project) -> None:
    d = mapping(doc)
    limits = d.get("limits", {})
    items = [
        m.QAItem(
            i["id"],
            i["name"],
            i["weight"],
            tuple(i["rules"]),
            i.get("compliance_only", False),
            i.get("deduct"),
            i.get("critical", False),
            tuple(i.get("na_when", ())),
            i.get("description", ""),
            i.get("source", ""),
        )
        for i in d["items"]
    ]
    project.qa_forms[d["id"]] = m.QAForm(
        d["id"],
        d["title"],
        d["pass_mark"],
        items,
        doc.display,
        str(d.get("version", "")),
        d.get("org", ""),
        d.get("intro", ""),
        limits.get("long_silence_s", 10.0),
        limits.get("max_chars_per_min"),
        list(d.get("notes", [])),
        d.get("source", ""),
    )
