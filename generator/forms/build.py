"""`build_forms`: every printable PDF of a project, incrementally and across cores.

Plan (main process): model → documents → HTML → font check → cache keys. Render (worker
processes): HTML → PDF bytes. Write (main process): each PDF atomically, then the print packs
merged from the written PDFs. A failure leaves every PDF either as it was or complete.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC
from pathlib import Path

from huifang import __version__
from huifang.atomic import OutputError, claim, interrupts_deferred, not_ours, note_changed, owned, write_bytes
from huifang.compose import compose, compose_all
from huifang.forms import fonts, html, views
from huifang.forms.cache import Cache, key_of
from huifang.kinds import KINDS
from huifang.problems import ContentError, Problem

DESK_MAX_PHRASES = (None, 12, 8, 5)
ONE_PAGE_KINDS = ("desk", "form", "sheet", "guide")  # tried denser when they spill
MUST_FIT = ("desk", "guide")  # the build says so when one of these cannot fit on one page
GUIDE_MAX_PHRASES = (None, 8, 5)
GUIDE_LAYOUTS = ((False, ""), (False, "dense"), (True, ""), (True, "dense"), (True, "denser"))
PUBLIC = 0o644  # the PDFs are published with the site


class FormsError(ContentError):
    """The forms cannot be built; `problems` lists every reason, each `path:line:col`."""

    def __init__(self, problems: list[Problem]):
        first = problems[0]
        super().__init__(first.path, first.line, first.column, first.message)
        self.problems = problems


@dataclass
class Job:
    doc: views.Doc
    variants: list[str]  # HTML to try in order; the first that fits (desk cards: one page) wins
    key: str = ""
    one_page: bool = False


@dataclass
class Result:
    paths: list[Path] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    too_long: list[tuple[str, int]] = field(default_factory=list)  # (document, pages) that should fit one page


def created_date() -> str:
    """`SOURCE_DATE_EPOCH` as a W3C date for the PDF metadata; no date at all otherwise."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw.isdigit():
        return ""
    from datetime import datetime

    return datetime.fromtimestamp(int(raw), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def doc_json(doc: views.Doc) -> str:
    return json.dumps(asdict(doc), ensure_ascii=False, sort_keys=True, default=str)


def weasyprint_version() -> str:
    from importlib.metadata import version

    return version("weasyprint")


def plan_docs(project) -> list[views.Doc]:
    """One document per item of every kind that declares a printout, then the script sheet and the
    phone guide of every composed call."""
    docs = [
        getattr(views, kind.printout)(item, project)
        for kind in KINDS
        if kind.printout
        for _, item in sorted(getattr(project, kind.collection).items())
    ]
    calls = compose_all(project).values()
    docs += [views.sheet_doc(call, project) for call in calls]
    docs += [views.guide_doc(call, project) for call in calls]
    return docs


def variants_of(doc: views.Doc, project, fillable: bool, created: str, extra_css: str) -> list[str]:
    if doc.kind == "guide":
        call = compose(project.scripts[doc.name.removeprefix("guide-")], project)
        out = []
        for limit in GUIDE_MAX_PHRASES:
            shown = views.guide_doc(call, project, limit) if limit else doc
            for wide, density in GUIDE_LAYOUTS:
                out.append(
                    html.render(replace(shown, wide=wide), created=created, density=density, extra_css=extra_css)
                )
        return list(dict.fromkeys(out))
    if doc.kind != "desk":
        return [
            html.render(doc, fillable=fillable, created=created, density=density, extra_css=extra_css)
            for density in html.DENSITIES[:2]
        ]
    org = project.orgs[doc.name.removeprefix("desk-")]
    out = []
    for limit in DESK_MAX_PHRASES:
        shown = views.desk_doc(org, project, limit) if limit else doc
        for density in html.DENSITIES:
            out.append(html.render(shown, fillable=fillable, created=created, density=density, extra_css=extra_css))
    return list(dict.fromkeys(out))


def locate(ch: str, doc: views.Doc, loaded) -> tuple[str, int, int]:
    """Where in the YAML a character first appears (the first source file if nowhere)."""
    for display in doc.sources:
        source = loaded.documents.get(display)
        if source is not None and ch in source.text:
            index = source.text.index(ch)
            line = source.text.count("\n", 0, index) + 1
            return display, line, index - (source.text.rfind("\n", 0, index) + 1) + 1
    return (doc.sources[0] if doc.sources else "content"), 1, 1


def check_fonts(jobs: list[Job], face: fonts.FontFace, loaded) -> list[Problem]:
    problems = []
    for job in jobs:
        for ch in fonts.missing(face, html.printed_text(job.variants[0])):
            path, line, column = locate(ch, job.doc, loaded)
            problems.append(
                Problem(
                    path,
                    line,
                    column,
                    f"字符「{ch}」（U+{ord(ch):04X}）不在中文字体 {face.family} 中，打印出来会是空白方框："
                    f"请换用常用字符（{job.doc.name}.pdf）",
                )
            )
    return sorted(set(problems))


def render_job(variants: list[str], one_page: bool, fillable: bool) -> tuple[bytes, int]:
    """The first variant that fits (every variant fits unless one_page), rendered here."""
    from huifang.forms.render import first_fit

    return first_fit(variants, one_page, fillable)


def pool_size(jobs: int, work: int) -> int:
    """`jobs` if given, else HUIFANG_JOBS (as every command's workers), else the CPUs; never more than the work."""
    env = os.environ.get("HUIFANG_JOBS", "")
    if jobs <= 0 and env.isdigit() and int(env) > 0:
        jobs = int(env)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(jobs if jobs > 0 else cpus, work))


def progress_bar(enabled: bool, total: int):
    if not enabled or total == 0 or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("生成 PDF 表单"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    bar.start()
    bar.add_task("forms", total=total)
    return bar


class UnknownForms(Exception):
    """`--only` names no form or script: nothing was built, nothing touched."""

    def __init__(self, names: list[str], known: list[str], titles: list[str] | None = None):
        from huifang.validate import did_you_mean

        hints = "".join(did_you_mean(n, known + (titles or [])) for n in names[:3])
        if not hints and titles:  # nothing close: say what there is, by the titles a supervisor knows
            hints = f"（现有：{'、'.join(titles)}）"
        super().__init__(f"没有找到这些表单或话术：{' '.join(names)}{hints}（未生成、未删除任何 PDF）")
        self.names = names


def chosen(docs: list[views.Doc], only: list[str]) -> list[views.Doc]:
    """The documents `--only` names (by file name, id or printed title, 《》 or not); UnknownForms if any name
    matches none."""

    def matches(doc, name):
        return name.strip("《》") in (doc.name, doc.name.split("-", 1)[-1], doc.title)

    unknown = [n for n in only if not any(matches(d, n) for d in docs)]
    if unknown:
        raise UnknownForms(
            unknown,
            sorted({d.name for d in docs} | {d.name.split("-", 1)[-1] for d in docs}),
            [d.title for d in docs],
        )
    return [d for d in docs if any(matches(d, n) for n in only)]


def build(
    loaded,
    out_dir: Path,
    *,
    fillable: bool = True,
    jobs: int = 0,
    progress: bool = False,
    only: list[str] | None = None,
) -> Result:
    """Render what changed into the cache, then write every changed PDF in one uninterrupted step.

    An interrupt or failure before that step leaves `out_dir` exactly as it was. Only PDFs recorded in
    this folder's manifest are ever removed, and none when `only` is given."""
    if not loaded.ok:
        raise FormsError([p for p in loaded.problems if p.severity == "error"])
    project = loaded.project
    out_dir = Path(out_dir)
    if not owned(out_dir):
        raise OutputError(not_ours(out_dir))
    docs = plan_docs(project)
    if only is not None:
        docs = chosen(docs, only)
    try:
        face = fonts.find_face()
    except fonts.FontError as exc:
        raise FormsError([Problem("huifang forms", 1, 1, str(exc))]) from exc
    cache = Cache(project.root, out_dir)
    created = created_date()
    fields = fonts.FIELD_FONT_VERSION if fillable else ""  # the font's CSS is made only when rendering
    work = [Job(d, [], one_page=d.kind in ONE_PAGE_KINDS) for d in docs]
    # The key hashes what the HTML is made of (document data, templates, CSS), so an unchanged
    # document costs no template rendering at all.
    stamp = (
        __version__,
        weasyprint_version(),
        face.identity,
        "fillable" if fillable else "print",
        created,
        fields,
        html.templates_digest(),
    )
    result = Result()
    keys: dict[str, str] = {}
    pending: dict[str, str] = {}  # file name -> cache key of the bytes to write at the end
    todo: list[Job] = []
    for job in work:
        job.key = key_of(*stamp, job.doc.kind, job.doc.name, doc_json(job.doc))
        out = out_dir / f"{job.doc.name}.pdf"
        keys[job.doc.name] = job.key
        result.paths.append(out)
        if cache.current(out, job.key):
            cache.keep(out, job.key)
            result.unchanged.append(job.doc.name)
        elif cache.has(job.key):
            pending[out.name] = job.key
            result.copied.append(job.doc.name)
        else:
            todo.append(job)
    extra_css = fonts.field_font_css() if fillable and todo else ""
    for job in todo:
        job.variants = [html.render(job.doc, fillable=fillable, created=created, extra_css=extra_css)]
    # Only what is rendered is checked: a cached PDF passed with this very font (its key says so).
    if todo:
        try:
            fonts.require_chinese(face)
        except fonts.FontError as exc:
            raise FormsError([Problem("huifang forms", 1, 1, str(exc))]) from exc
    problems = check_fonts(todo, face, loaded)
    if problems:
        raise FormsError(problems)
    for job in todo:
        if job.one_page:
            job.variants = variants_of(job.doc, project, fillable, created, extra_css)

    bar = progress_bar(progress, len(todo))
    try:
        with contextlib.closing(render_all(todo, fillable, jobs, bar)) as rendered:
            for job, data, pages in rendered:
                if job.doc.kind in MUST_FIT and pages > 1:
                    result.too_long.append((job.doc.name, pages))
                cache.put(job.key, data)
                pending[f"{job.doc.name}.pdf"] = job.key
                result.rendered.append(job.doc.name)
    finally:
        if bar is not None:
            bar.stop()
    if only is None:
        build_packs(project, out_dir, keys, cache, result, created, pending)
    commit(out_dir, cache, pending, result, keep_others=only is not None)
    return result


def commit(out_dir: Path, cache: Cache, pending: dict[str, str], result: Result, keep_others: bool) -> None:
    """Write the changed PDFs and remove the stale ones, with Ctrl-C held until all is done."""
    fetched = {name: cache.fetch(key) for name, key in pending.items()}
    missing = sorted(name for name, data in fetched.items() if data is None)
    if missing:
        raise _missing(missing[0])
    blobs = {name: data for name, data in fetched.items() if data is not None}
    with interrupts_deferred():
        claim(out_dir)
        for name, data in sorted(blobs.items()):
            write_bytes(out_dir / name, data, PUBLIC)
            cache.record(out_dir / name, pending[name])
        produced = {p.name for p in result.paths}
        stale = cache.save(produced | set(cache.manifest) if keep_others else produced)
        for name in stale:
            path = out_dir / name
            if path.suffix == ".pdf" and path.is_file() and not path.is_symlink():
                path.unlink()
                result.removed.append(name)
        if blobs or stale:
            note_changed(out_dir)


def render_all(todo: list[Job], fillable: bool, jobs: int, bar):
    """Yield (job, pdf bytes, pages) as renders finish; in-process when one worker is enough. On an
    interrupt, an error or a worker's death the workers are ended at once, not waited for (`forms.pool`)."""
    workers = pool_size(jobs, len(todo))
    if workers == 1 or not sys.executable or os.name != "posix":  # (the pool reads its pipes with select)
        for job in todo:
            data, pages = render_job(job.variants, job.one_page, fillable)
            advance(bar)
            yield job, data, pages
        return
    from huifang.forms import pool

    order = sorted(todo, key=lambda j: -len(j.variants[0]))  # the longest first: no worker left with one at the end
    answers = pool.imap_unordered([(j.variants, j.one_page, fillable) for j in order], workers)
    with contextlib.closing(answers):  # stopped early (an error, Ctrl-C): the workers are ended now, not when collected
        for index, (data, pages) in answers:
            advance(bar)
            yield order[index], data, pages


def advance(bar) -> None:
    if bar is not None:
        bar.advance(bar.task_ids[0])


def _missing(name: str) -> OSError:
    return OSError(f"表单缓存中缺少 {name}（缓存文件夹被改动？请重试）")


def _fetch(cache: Cache, name: str, key: str) -> bytes:
    data = cache.fetch(key)
    if data is None:
        raise _missing(name)
    return data


def pack_members(scenario, project) -> list[str]:
    names = [ident for ident in scenario.forms if ident in project.forms]
    names += [f"script-{ident}" for ident in scenario.scripts if ident in project.scripts]
    return names


def build_packs(
    project, out_dir: Path, keys: dict, cache: Cache, result: Result, created: str, pending: dict[str, str]
) -> None:
    """One PDF per scenario: its forms, then its scripts' record sheets (scenarios with neither get none).
    Members are read from what is about to be written (`pending`) or else from the folder."""
    for ident, scenario in sorted(project.scenarios.items()):
        members = [n for n in pack_members(scenario, project) if n in keys]
        if not members:
            continue
        out = out_dir / f"pack-{ident}.pdf"
        key = key_of("pack", __version__, scenario.title, created, *(keys[n] for n in members))
        result.paths.append(out)
        if cache.current(out, key):
            cache.keep(out, key)
            result.unchanged.append(out.stem)
            continue
        if not cache.has(key):
            parts = [
                _fetch(cache, f"{n}.pdf", pending[f"{n}.pdf"])
                if f"{n}.pdf" in pending
                else (out_dir / f"{n}.pdf").read_bytes()
                for n in members
            ]
            cache.put(key, merge(parts, f"{scenario.title} 打印包", created))
            result.merged.append(out.stem)
        else:
            result.copied.append(out.stem)
        pending[out.name] = key


def merge(parts: list[bytes], title: str, created: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in parts:
        writer.append(PdfReader(io.BytesIO(data)), outline_item=None)
    metadata = {"/Title": title, "/Producer": f"huifang {__version__}"}
    if created:
        stamp = "D:" + created.replace("-", "").replace(":", "").replace("T", "").rstrip("Z") + "Z"
        metadata.update({"/CreationDate": stamp, "/ModDate": stamp})
    writer.add_metadata(metadata)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def build_forms(loaded, out_dir: Path, *, fillable: bool = True, jobs: int = 0, progress: bool = False) -> list[Path]:
    """The contract for `huifang forms` and the site: every PDF written, in a stable order."""
    return build(loaded, out_dir, fillable=fillable, jobs=jobs, progress=progress).paths
