"""The content model: what a rule book is made of, built from validated YAML.

Every piece of text keeps where it was written (`Text.where`), so the linter can point at the
character in the YAML file even after a script has been composed from several files.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from huifang.yamlload import Document, line_col

TYPE_CHECKING = False
if TYPE_CHECKING:  # the checker knows dataclasses; records makes the same classes faster
    from dataclasses import dataclass, field
    from typing import Literal
else:
    from huifang.records import dataclass, field


@dataclass(frozen=True, eq=False)
class Text:
    """A string as written in a source file."""

    value: str
    doc: Document | None = None
    path: tuple = ()

    def __str__(self) -> str:
        return self.value

    @property
    def file(self) -> str:
        return self.doc.display if self.doc else "<内置>"

    @cached_property
    def _offsets(self) -> list[int]:
        """Source index of each character of the value (aligned greedily through quotes, escapes, folds)."""
        if self.doc is None:
            return []
        span = self.doc.spans.get(self.path)
        if span is None:
            return []
        source = self.doc.text
        pos, end = span.start, max(span.end, span.start)
        if span.style in ("|", ">"):
            pos = source.find("\n", pos, end) + 1 or pos
        elif span.style in ("'", '"'):
            pos += 1
        offsets: list[int] = []
        for ch in self.value:
            found = source.find(ch, pos, end) if ch not in "\n" else -1
            if ch == "\n":
                nl = source.find("\n", pos, end)
                found = nl if nl >= 0 else pos
            if found < 0:
                offsets.append(offsets[-1] if offsets else span.start)
                continue
            offsets.append(found)
            pos = found + 1
        return offsets

    def source_offsets(self) -> list[int]:
        """Index in `doc.text` of each character of the value ([] when it has no source)."""
        return self._offsets

    def where(self, offset: int = 0) -> tuple[int, int]:
        """1-based (line, column) in the source file of the character at `offset` of the value."""
        if self.doc is None:
            return 1, 1
        offsets = self._offsets
        if not offsets:
            span = self.doc.span(self.path)
            return span.line, span.column
        index = offsets[min(max(offset, 0), len(offsets) - 1)]
        if offset >= len(offsets):
            index += 1
        return line_col(self.doc.text, index)


@dataclass(frozen=True)
class Answer:
    type: str
    options: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None

    DEFAULT_OPTIONS = {"yes_no": ("是", "否"), "satisfaction": ("满意", "一般", "不满意")}
    LABELS = {"yes_no": "是/否", "satisfaction": "满意度", "score": "评分", "choice": "选择", "open": "开放回答"}

    @property
    def choices(self) -> tuple[str, ...]:
        if self.options:
            return self.options
        if self.type == "score":
            low, high = self.min or 1, self.max or 10
            return tuple(str(n) for n in range(low, high + 1))
        return self.DEFAULT_OPTIONS.get(self.type, ())

    @property
    def label(self) -> str:
        if self.type == "score":
            return f"评分 {self.min or 1}–{self.max or 10} 分"
        return self.LABELS[self.type]


@dataclass(frozen=True)
class FollowUp:
    when: tuple[str, ...]
    ask: Text | None = None
    action: Text | None = None
    form: str | None = None


@dataclass(eq=False)
class Question:
    id: str
    text: Text
    answer: Answer
    follow_up: FollowUp | None = None
    tags: tuple[str, ...] = ()
    source: str = ""
    bank: str = ""
    paraphrases: tuple[str, ...] = ()  # other wordings QA accepts as the question asked
    compliance: bool = False  # compliance wording: must be read as written (QA)


@dataclass(eq=False)
class Turn:
    """One line of a call: the agent says, the customer says, a stage note, or the agent asks."""

    kind: str  # say | customer | note | ask
    text: Text | None = None
    question_id: str | None = None
    question: Question | None = None
    speech: str = ""  # 原话 | 要点 as the author marked it; "" = not marked (the site guesses)

    @property
    def spoken_by_agent(self) -> bool:
        return self.kind in ("say", "ask")

    @property
    def words(self) -> Text | None:
        return self.question.text if self.kind == "ask" and self.question else self.text


@dataclass(eq=False)
class Branch:
    cases: dict[str, list]  # label -> steps
    question_id: str | None = None


@dataclass(eq=False)
class Close:
    turns: list[Turn]


@dataclass(eq=False)
class Convenience:
    ask: Text
    yes: list[Turn]
    no: list[Turn]
    speech: str = ""  # of the question, as Turn.speech


@dataclass(eq=False)
class CallWindow:
    start: str
    end: str
    season: str = ""
    note: str = ""


@dataclass(eq=False)
class Org:
    id: str
    name: str
    file: str
    short_name: str = ""
    department: str = ""
    hotline: str = ""
    agent_title: str = ""
    industry: str = ""
    call_windows: list[CallWindow] = field(default_factory=list)
    no_call: list[str] = field(default_factory=list)
    max_call_minutes: tuple[float | None, float] | None = None
    speech_rate: int = 240
    languages: list[str] = field(default_factory=list)
    placeholders: dict[str, str] = field(default_factory=dict)
    agent_placeholders: tuple[str, ...] = ()
    opening: list[Turn] | None = None
    convenience: Convenience | None = None
    closings: dict[str, list[Turn]] = field(default_factory=dict)
    holiday_closing: Text | None = None
    source: str = ""
    kind: str = ""  # outbound, inbound, face, message; "" = outbound

    def fills(self) -> dict[str, str]:
        """Placeholder values this organisation provides; the rest are left for the agent."""
        known = {"公司": self.name, "部门": self.department, "热线": self.hotline, "坐席职称": self.agent_title}
        return {k: v for k, v in {**known, **self.placeholders}.items() if v}


@dataclass(eq=False)
class EtiquetteRule:
    id: str
    text: Text
    why: str = ""
    source: str = ""


@dataclass(eq=False)
class EtiquetteGroup:
    id: str
    title: str
    rules: list[EtiquetteRule]
    file: str
    intro: str = ""


@dataclass(eq=False)
class ForbiddenPhrase:
    id: str
    phrase: Text
    reason: str
    instead: str
    file: str
    variants: tuple[Text, ...] = ()
    category: str = ""
    severity: str = "error"
    exceptions: tuple[str, ...] = ()
    source: str = ""
    any_order: tuple[tuple[str, ...], ...] = ()  # word groups found in any order within one clause
    situation: str = ""  # the 忌语速查 groups by it (falls back to category)
    alone: tuple[str, ...] = ()  # said as a whole sentence only (「不知道。」, not 「不知道您方便吗」)
    inserted: tuple[str, ...] = ()  # words said after a leading 我 / 我们 (「我这边还真不太清楚」 of 「我不太清楚」)


@dataclass(eq=False)
class Element:
    id: str
    name: str
    patterns: tuple[str, ...]
    severity: str = "error"
    description: str = ""
    exclude: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    slot: str = ""  # also found by what fills the self-introduction's slot (lint/caller): organisation, agent
    names: tuple[str, ...] = ()  # a team's own organisation names the slot counts, besides the gazetteer

    @property
    def example(self) -> str:
        """A plain wording of the element, for messages (never a pattern)."""
        return self.examples[0] if self.examples else ""


@dataclass(eq=False)
class Standard:
    elements: list[Element]
    title: str = ""
    max_turns: int = 3
    examples: list[str] = field(default_factory=list)
    source: str = ""
    kinds: dict[str, StandardKind] = field(default_factory=dict)

    def for_kind(self, kind: str) -> Standard:
        """The standard of one kind of contact (outbound, inbound, face, message): its elements and
        examples; the whole standard when the kind is not listed."""
        cache = self.__dict__.get("_kinds")
        if cache is None:
            cache = self.__dict__["_kinds"] = {}
        found = cache.get(kind)
        if found is None:
            spec = self.kinds.get(kind)
            if spec is None:
                found = self
            else:
                by_id = {e.id: e for e in self.elements}
                found = Standard(
                    [by_id[i] for i in spec.elements if i in by_id],
                    self.title,
                    self.max_turns,
                    list(spec.examples),
                    spec.source or self.source,
                    {kind: spec},
                )
            cache[kind] = found
        return found


@dataclass(eq=False)
class StandardKind:
    elements: tuple[str, ...]
    examples: list[str] = field(default_factory=list)
    source: str = ""
    texts: tuple[Text, ...] = ()  # the examples as written in standards.yaml (composed into calls)


@dataclass(eq=False)
class QuestionBank:
    id: str
    title: str
    questions: list[Question]
    file: str
    industry: str = ""
    description: str = ""
    source: str = ""


@dataclass(frozen=True)
class Every:
    n: int
    unit: str  # day, week, month, quarter, year
    times: int = 1


@dataclass(frozen=True)
class Deadline:
    event: str  # the event (before) or the period's name (within)
    days: float | None = None  # None: the seed gives no figure


@dataclass(eq=False)
class TimingOverride:
    text: str
    region: tuple[str, ...] = ()
    customer_class: tuple[str, ...] = ()
    min_days: float | None = None
    max_days: float | None = None
    every: Every | None = None


@dataclass(eq=False)
class Timing:
    text: str
    after: str = ""
    min_days: float | None = None
    max_days: float | None = None
    recurrence: str = ""
    exceptions: list[str] = field(default_factory=list)
    days: str = "calendar"  # how min_days/max_days count: calendar or working days
    every: Every | None = None
    until: str = ""
    overrides: list[TimingOverride] = field(default_factory=list)
    before: Deadline | None = None  # call within `days` before an event (a date the events file gives)
    within: Deadline | None = None  # call within a named period after the trigger, e.g. 犹豫期
    on: list[str] = field(default_factory=list)  # festivals or 客户生日
    call_windows: list[CallWindow] = field(default_factory=list)
    max_attempts: int | None = None
    unknown: bool = False
    reason: str = ""

    def sentence(self) -> str:
        from huifang.plan.describe import sentence

        return sentence(self)

    def window(self) -> str:
        from huifang.plan.describe import window

        return window(self)


@dataclass(eq=False)
class Scenario:
    id: str
    title: str
    industry: str
    trigger: str
    timing: Timing
    responsible: str
    file: str
    stages: list[str] = field(default_factory=list)
    org: str = ""
    purpose: str = ""
    target_rate: float | None = None
    rate_note: str = ""
    escalation: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source: str = ""
    kind: str = ""  # as Org.kind; "" = the org's (the generic call of a scenario without a script)


@dataclass(eq=False)
class Script:
    """A call script as its author wrote it; see compose.py for the call a trainee reads."""

    id: str
    title: str
    file: str
    doc: Document | None = None
    org: str = ""
    description: str = ""
    opening: list[Turn] | None = None
    convenience: Convenience | Literal[False] | None = None  # None: use the org's; False: no check
    steps: list = field(default_factory=list)
    closings: dict[str, list[Turn]] | None = None
    source: str = ""
    kind: str = ""  # as Org.kind; "" = the org's


@dataclass(frozen=True)
class FormField:
    label: str
    type: str = "text"
    options: tuple[str, ...] = ()
    lines: int = 1
    width: str = "full"


@dataclass(frozen=True)
class FormColumn:
    label: str
    width: float | None = None
    type: str = "text"
    options: tuple[str, ...] = ()


@dataclass(eq=False)
class FormSection:
    title: str = ""
    fields: list[FormField] = field(default_factory=list)
    columns: list[FormColumn] = field(default_factory=list)
    rows: int | list[str] = 0
    note: str = ""


@dataclass(eq=False)
class Form:
    id: str
    title: str
    sections: list[FormSection]
    file: str
    number: str = ""
    version: str = ""
    org: str = ""
    orientation: str = "portrait"
    intro: str = ""
    copies_note: str = ""
    retention: str = ""
    notes: list[str] = field(default_factory=list)
    source: str = ""
    contact: bool = False


@dataclass
class RecordField:
    label: str
    type: str = "text"
    width: str = "third"
    same_as: tuple[str, ...] = ()


@dataclass
class SheetRecord:
    number: str
    version: str = ""
    channels: tuple[str, ...] = ()  # as records.yaml gives them; none: by the script's kind of contact


@dataclass
class Records:
    """What every filed record carries (content/forms/common/records.yaml), defined once for all forms."""

    file: str
    version: str = ""
    header: list[RecordField] = field(default_factory=list)
    contact: list[RecordField] = field(default_factory=list)
    signature_date: bool = True
    sheets: dict[str, SheetRecord] = field(default_factory=dict)


@dataclass(eq=False)
class QAItem:
    id: str
    name: str
    weight: float
    rules: tuple[str, ...]
    compliance_only: bool = False
    deduct: float | None = None  # per finding; None: the whole weight
    critical: bool = False
    na_when: tuple[str, ...] = ()
    description: str = ""
    source: str = ""


@dataclass(eq=False)
class QAForm:
    """A QA scoring sheet (质检评分表): items with weights, critical items, N/A rules, the pass mark."""

    id: str
    title: str
    pass_mark: float
    items: list[QAItem]
    file: str
    version: str = ""
    org: str = ""
    intro: str = ""
    long_silence_s: float = 10.0
    max_chars_per_min: float | None = None
    notes: list[str] = field(default_factory=list)
    source: str = ""


@dataclass(eq=False)
class Page:
    """A hand-written prose page of the handbook."""

    path: Path
    rel: str


@dataclass
class LintSettings:
    extends: str | list[str] = "default"
    rules: dict[str, str] = field(default_factory=dict)  # rule id -> severity or "off"
    ignore: list[str] = field(default_factory=list)
    speakers: dict[str, list[str]] = field(default_factory=dict)  # "agent"/"customer" → extra labels


@dataclass
class Config:
    default_org: str = ""
    lint: LintSettings = field(default_factory=LintSettings)
    build_lint_errors: str = "fail"
    plan: dict = field(default_factory=dict)  # huifang.yaml `plan:` as validated; read by huifang.plan.config
    lint_document: Document | None = field(default=None, repr=False, compare=False)  # huifang.yaml, for positions


@dataclass(eq=False)
class Project:
    root: Path
    config: Config = field(default_factory=Config)
    orgs: dict[str, Org] = field(default_factory=dict)
    etiquette: list[EtiquetteGroup] = field(default_factory=list)
    forbidden: list[ForbiddenPhrase] = field(default_factory=list)
    greeting: Standard | None = None
    closing: Standard | None = None
    banks: dict[str, QuestionBank] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    scripts: dict[str, Script] = field(default_factory=dict)
    forms: dict[str, Form] = field(default_factory=dict)
    qa_forms: dict[str, QAForm] = field(default_factory=dict)
    records: Records | None = None
    pages: list[Page] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def industries(self) -> list[str]:
        return sorted({s.industry for s in self.scenarios.values()})

    def org_of(self, script: Script) -> Org | None:
        """The organisation whose standards and placeholders a script uses."""
        if script.org:
            return self.orgs.get(script.org)
        for scenario in self.scenarios.values():
            if script.id in scenario.scripts and scenario.org in self.orgs:
                return self.orgs[scenario.org]
        return self.orgs.get(self.config.default_org)

    def counts(self) -> dict[str, int]:
        return {
            "scenarios": len(self.scenarios),
            "scripts": len(self.scripts),
            "questions": len(self.questions),
            "forbidden_phrases": len(self.forbidden),
            "etiquette_rules": sum(len(g.rules) for g in self.etiquette),
            "forms": len(self.forms),
            "industries": len(self.industries),
        }
