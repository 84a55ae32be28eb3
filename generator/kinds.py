"""The kinds of content file: the one table that loading, validation, schema export, model building
and the checks of the site's and the forms' templates read.

Adding a kind = one `Kind(...)` entry below, its JSON Schema in `schema.py`, its builder in
`builders.py` (and the model class it builds) and its template; ARCHITECTURE.md lists the steps.
"""

from __future__ import annotations

from collections.abc import Callable

from huifang import builders
from huifang import model as m
from huifang import schema as s
from huifang.yamlload import Document

TYPE_CHECKING = False
if TYPE_CHECKING:  # the checker knows dataclasses; records makes the same classes faster
    from dataclasses import dataclass
else:
    from huifang.records import dataclass

CONTENT = "content"
SCRIPTS = "scripts_src"
CONFIG_FILE = "huifang.yaml"


@dataclass(frozen=True)
class Listing:
    """A handbook page that lists every document of a kind through one template (`items`, sorted by id)."""

    uri: str
    title: str
    section: str  # the navigation section it is filed under
    template: str


@dataclass(frozen=True)
class Kind:
    id: str  # the schema's name (`schemas/<id>.schema.json`) and the kind `validate_document` takes
    layout: tuple[str, ...]  # globs under the project root (`.yml` found too); `**` walks a folder tree
    schema: dict
    title: str  # the schema's title, in Chinese
    build: Callable[[Document, m.Project], None] | None  # files a valid document into the project
    has_id: bool = False  # its top-level `id` is unique among files of this kind
    inner_ids: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (label, path; "*" = every item) of project-wide ids
    pages: tuple[str, ...] = ()  # templates in templates/pages/ that show it on the site
    forms: tuple[str, ...] = ()  # templates in templates/forms/ that print it
    collection: str = ""  # the `Project` attribute (id → model object) the documents are filed in
    listing: Listing | None = None  # a page of its own, added to the handbook with no code of its own
    printout: str = ""  # the function in forms/views.py that makes one printable document of one item


KINDS: tuple[Kind, ...] = (
    Kind(
        "org",
        (f"{CONTENT}/orgs/*.yaml",),
        s.ORG,
        "机构档案",
        builders.org,
        has_id=True,
        pages=("standards.md.j2",),
        forms=("desk.html.j2",),
        collection="orgs",
        printout="desk_doc",
    ),
    Kind(
        "etiquette",
        (f"{CONTENT}/etiquette/*.yaml",),
        s.ETIQUETTE,
        "电话礼仪规范",
        builders.etiquette,
        inner_ids=(("group", ("groups",)), ("rule", ("groups", "*", "rules"))),
        pages=("etiquette_index.md.j2", "etiquette.md.j2"),
    ),
    Kind(
        "forbidden",
        (f"{CONTENT}/forbidden/*.yaml",),
        s.FORBIDDEN,
        "电话忌语",
        builders.forbidden,
        inner_ids=(("phrase", ("phrases",)),),
        pages=("forbidden.md.j2",),
    ),
    Kind(
        "standards",
        (f"{CONTENT}/standards.yaml",),
        s.STANDARDS,
        "开头语与结束语标准",
        builders.standards,
        pages=("standards.md.j2",),
    ),
    Kind(
        "question-bank",
        (f"{CONTENT}/questions/*.yaml",),
        s.QUESTION_BANK,
        "问题库",
        builders.question_bank,
        has_id=True,
        inner_ids=(("question", ("questions",)),),
        pages=("banks_index.md.j2", "bank.md.j2"),
    ),
    Kind(
        "scenario",
        (f"{CONTENT}/scenarios/*.yaml",),
        s.SCENARIO,
        "回访场景",
        builders.scenario,
        has_id=True,
        pages=("scenarios_index.md.j2", "scenario.md.j2", "when_to_call.md.j2", "when_to_call_industry.md.j2"),
    ),
    Kind(
        "script",
        (f"{SCRIPTS}/**/*.yaml",),
        s.SCRIPT,
        "回访话术",
        builders.script,
        has_id=True,
        pages=("scenario.md.j2", "scripts_index.md.j2", "script.md.j2", "_script.md.j2", "practice.md.j2"),
        forms=("sheet.html.j2", "guide.html.j2"),
    ),
    Kind(
        "form",
        (f"{CONTENT}/forms/*.yaml",),
        s.FORM,
        "记录表单",
        builders.form,
        has_id=True,
        pages=("forms.md.j2",),
        forms=("form.html.j2",),
        collection="forms",
        printout="form_doc",
    ),
    Kind(
        "qa-form",
        (f"{CONTENT}/qa/*.yaml",),
        s.QA_FORM,
        "质检评分表",
        builders.qa_form,
        has_id=True,
        pages=("qa_forms.md.j2",),
        forms=("form.html.j2",),
        collection="qa_forms",
        listing=Listing("qa-forms.md", "质检评分表", "问题库与表单", "qa_forms.md.j2"),
        printout="qa_form_doc",
    ),
    Kind(
        "records",
        (f"{CONTENT}/forms/common/records.yaml",),
        s.RECORDS,
        "记录表通用表头",
        builders.records,
        forms=("form.html.j2", "sheet.html.j2"),
    ),
)
CONFIG = Kind("project", (CONFIG_FILE,), s.PROJECT, "项目配置 huifang.yaml", None)  # read by project.read_config

BY_ID: dict[str, Kind] = {kind.id: kind for kind in (*KINDS, CONFIG)}
SCHEMAS: dict[str, dict] = {ident: kind.schema for ident, kind in BY_ID.items()}
SCRIPT = "script"  # the kind `huifang lint` reads one file at a time

# Templates that show no one kind: whole-site pages, pages drawn from the SQLite ledger, and shared parts.
SITE_PAGES = (
    "home.md.j2",
    "glossary.md.j2",
    "maintainers.md.j2",
    "maintainers_speech.md.j2",
    "rules_index.md.j2",
    "rule.md.j2",
    "tags.md.j2",
    "qa_dashboard.md.j2",
    "visits.md.j2",
    "_legend.md.j2",
)
SITE_FORMS = ("base.html.j2", "macros.html.j2")


def schema_document(ident: str) -> dict:
    """The exported, self-describing JSON Schema of one kind of file."""
    kind = BY_ID[ident]
    return {"$schema": s.DIALECT, "$id": f"{s.BASE_URI}{ident}.schema.json", "title": kind.title, **kind.schema}
