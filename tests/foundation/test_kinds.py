"""The table of content kinds (`huifang.kinds.KINDS`) drives loading, validation, schema export, model
building and the templates: a kind added half-way fails here."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from huifang import kinds, templates
from huifang import model as m
from huifang.forms.html import TEMPLATE_OF
from huifang.kinds import KINDS, SITE_FORMS, SITE_PAGES
from huifang.lint.loader import kind_for
from huifang.project import discover, load_project
from huifang.site import glossary, synonyms
from huifang.site.lintinfo import LintReport
from huifang.site.pages import Site, environment
from huifang.validate import validate_document
from huifang.yamlload import load_file
from jinja2 import BaseLoader

from tests.conftest import REPO, huifang

IDS = [kind.id for kind in KINDS]


def example_path(pattern: str) -> str:
    return pattern.replace("**/", "team/").replace("*", "example")


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_every_layout_is_found_by_the_loader_and_by_lint(tmp_path, kind):
    for pattern in kind.layout:
        for suffix in (".yaml", ".yml"):
            path = tmp_path / example_path(pattern).replace(".yaml", suffix)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("{}\n", encoding="utf-8")
            assert (path, kind.id) in discover(tmp_path), pattern
            assert kind_for(path, tmp_path) == kind.id, pattern
            path.unlink()


def test_lint_classifies_every_shipped_file_as_the_loader_does():
    for path, kind in discover(REPO):
        assert kind_for(path, REPO) == kind, path


def test_every_shipped_content_file_belongs_to_a_kind():
    """A YAML file in content/ that no kind claims is never validated or built (site data excepted)."""
    claimed = {path for path, _ in discover(REPO)}
    site_data = {REPO / glossary.FILE, REPO / synonyms.FILE}
    for path in sorted((REPO / "content").rglob("*.y*ml")):
        assert path in claimed or path in site_data, f"{path.relative_to(REPO)}: no kind in huifang.kinds lists it"


def test_schema_command_exports_every_kind(tmp_path):
    result = huifang("schema", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    for kind in (*KINDS, kinds.CONFIG):
        exported = json.loads((tmp_path / f"{kind.id}.schema.json").read_text(encoding="utf-8"))
        assert exported["title"] == kind.title and exported["properties"] == json.loads(
            json.dumps(kind.schema["properties"])
        )
        jsonschema.Draft202012Validator.check_schema(exported)


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_id_uniqueness_follows_the_schema(kind):
    """A kind whose files each declare an `id` has it checked for duplicates, and only such a kind."""
    assert kind.has_id == ("id" in kind.schema.get("required", ())), kind.id


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_every_kind_has_shipped_files_that_build_into_the_model(kind):
    shipped = [path for path, ident in discover(REPO) if ident == kind.id]
    assert shipped, f"no shipped file of kind {kind.id}: the example rule book should show it"
    doc = load_file(shipped[0], shipped[0].relative_to(REPO).as_posix())
    assert validate_document(doc, kind.id) == []
    project = m.Project(REPO)
    assert kind.build is not None
    kind.build(doc, project)
    assert project != m.Project(REPO), f"the builder of {kind.id} filed nothing into the project"


class Recording(BaseLoader):
    """Notes every template the site reads, through the site's own loader."""

    def __init__(self, inner: BaseLoader):
        self.inner = inner
        self.used: set[str] = set()

    def get_source(self, environment, template):
        self.used.add(template)
        return self.inner.get_source(environment, template)


def test_page_templates_are_each_claimed_and_used():
    on_disk = {p.name for p in templates.PAGES.glob("*.j2")}
    claimed = {name for kind in KINDS for name in kind.pages}
    assert claimed <= on_disk, f"kinds name page templates that do not exist: {sorted(claimed - on_disk)}"
    assert on_disk <= claimed | set(SITE_PAGES), (
        f"page templates no kind claims (add them to a Kind's pages): {sorted(on_disk - claimed - set(SITE_PAGES))}"
    )
    loaded = load_project(REPO)
    env = environment(REPO)
    recorder = Recording(env.loader)
    env.loader = recorder
    env.cache = {}
    Site(loaded.project, LintReport(True), [], env=env).pages()
    assert claimed <= recorder.used, f"pages the build never renders: {sorted(claimed - recorder.used)}"


def test_form_templates_are_each_claimed_and_printed():
    on_disk = {p.name for p in templates.FORMS.glob("*.j2")}
    claimed = {name for kind in KINDS for name in kind.forms}
    assert claimed <= on_disk and on_disk <= claimed | set(SITE_FORMS)
    assert set(TEMPLATE_OF.values()) == claimed, "every printed template belongs to a kind, and back"


@pytest.mark.parametrize("kind", [k for k in KINDS if k.listing or k.printout], ids=lambda k: k.id)
def test_a_listing_or_printout_is_wired_by_the_table_alone(kind):
    """A kind that declares a page of its own or a printout gets it with no code of its own in the site or
    the forms: the collection it names holds the shipped files, the printout function exists, the page's
    template is one the kind claims and the page is in the navigation."""
    from huifang.forms import views
    from huifang.forms.build import plan_docs

    project = load_project(REPO).project
    items = getattr(project, kind.collection)
    assert items, f"{kind.id}: Project.{kind.collection} is empty"
    if kind.printout:
        made = {doc.name for doc in plan_docs(project)}
        for item in items.values():
            assert getattr(views, kind.printout)(item, project).name in made
    if kind.listing:
        assert kind.listing.template in kind.pages
        site = Site(project, LintReport(True), [])
        assert kind.listing.uri in {page.src_uri for page in site.pages()}
        assert kind.listing.uri in json.dumps(site.nav([]), ensure_ascii=False)


def test_content_model_page_names_every_kind():
    text = (REPO / "content" / "pages" / "content-model.md").read_text(encoding="utf-8")
    for kind in KINDS:
        folder = Path(kind.layout[0]).parent.as_posix().removesuffix("/**")
        assert folder in text or kind.layout[0] in text, f"content-model.md does not say where {kind.id} files go"
