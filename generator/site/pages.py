"""Generated pages: the content model rendered through the Jinja2 templates in templates/pages/.

Templates run in a sandbox and every `{{ value }}` is Markdown-escaped unless the template code
made it `Markup` (links, dialogue, charts built by our own code from escaped parts).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from huifang import model as m
from huifang.citations import without_citations
from huifang.compose import Call, compose_all
from huifang.kinds import KINDS
from huifang.project import iter_turns
from huifang.qa.form import not_applicable
from huifang.site import dashboards, practice, situations, speech
from huifang.site.dialogue import render_call
from huifang.site.escape import attr, md, md_marked
from huifang.site.flowchart import render_chart
from huifang.site.lintinfo import LintReport, fence, rule_info
from huifang.templates import PAGES  # templates/, a package mypy does not see: PAGES is Any to it
from jinja2 import ChoiceLoader, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment, is_internal_attribute
from markupsafe import Markup

BUILTIN_TEMPLATES: Path = PAGES
# The supervisors' section of the navigation (lint status, lint rules, statistics). A trainee searches
# for what to say and do on a call; none of these pages answers that, so none of them is indexed.
MAINTAINERS = "维护者"
SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}
PROSE_ORDER = {"index.md": 0, "process.md": 1, "roles.md": 2}
PROSE_REFERENCE = {"content-model.md"}
# What the generic call of a scenario without a script is, by its kind of contact.
GENERIC_CALL = {"outbound": "回访电话", "inbound": "来电接听", "face": "当面接待", "message": "回访短信"}


@dataclass
class GeneratedPage:
    src_uri: str
    content: str


def front_matter(title: str, tags: list[str] | tuple[()] = (), **extra) -> str:
    """YAML front matter (JSON is YAML); HTML-escaped because themes print these values raw."""
    lines = ["---", f"title: {json.dumps(html.escape(title), ensure_ascii=False)}"]
    clean = sorted({t.strip() for t in tags if t and t.strip()})
    if clean:
        lines.append("tags:")
        lines += [f"  - {json.dumps(html.escape(t), ensure_ascii=False)}" for t in clean]
    for key, value in extra.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines + ["---", ""]) + "\n"


def shipped_reference(uri: str) -> str:
    from huifang.init import example_folder

    return (example_folder("content") / "pages" / uri).read_text(encoding="utf-8")


def nav_title(value: str) -> str:
    return html.escape(str(value), quote=True)


IDENT = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def ident(value) -> Markup:
    """An id from the content (already validated by the schema), usable in anchors and paths."""
    text = str(value)
    return Markup(text) if IDENT.match(text) else md(text)


def industry_slug(industry: str) -> str:
    """An industry's name as a file name: its UTF-8 bytes in hex (保险 → e4bf9de999a9). ASCII, one name per
    industry, stable when industries are added, and the same in both editions (OpenCC leaves it alone)."""
    return industry.encode("utf-8").hex() or "0"


def finalize(value):
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return md(value)


class Sandbox(SandboxedEnvironment):
    """The sandbox, with its per-access attribute check remembered per (type, name).

    Jinja2's check (`is_internal_attribute`) depends only on the object's type and the attribute
    name, and it ran for every attribute a template read: about a tenth of page generation.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj, attr, value) -> bool:
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = not (attr.startswith("_") or is_internal_attribute(obj, attr))
        return safe


def compiled_templates() -> FileSystemBytecodeCache | None:
    """Compiled templates kept between builds (compiling them took a third of page generation at
    20 scripts). Jinja2's per-user directory (mode 0700, owner checked) in the temp directory, keyed
    by the template's path and source checksum, under names of our own."""
    try:
        return FileSystemBytecodeCache(pattern="huifang-pages-%s.cache")
    except (OSError, RuntimeError):  # no usable temp directory: compile every time
        return None


def environment(project_root: Path) -> SandboxedEnvironment:
    loaders = []
    local = project_root / "templates" / "pages"
    if local.is_dir() and local.resolve() != BUILTIN_TEMPLATES:
        loaders.append(FileSystemLoader(str(local)))
    loaders.append(FileSystemLoader(str(BUILTIN_TEMPLATES)))
    env = Sandbox(
        loader=ChoiceLoader(loaders),
        autoescape=False,
        finalize=finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=compiled_templates(),
    )
    env.filters.update(
        md=md,
        attr=attr,
        ident=ident,
        severity=lambda s: SEVERITY.get(s, s),
        num=lambda x: Markup(f"{x:g}") if isinstance(x, (int, float)) else md(x),
    )
    return env


def asked(call: Call) -> tuple[list[m.Question], set[str]]:
    """(the questions a call asks aloud, in order, once each; the ids of every question it refers to)"""
    asks, seen, ids = [], set(), set()
    for turn in call.all_turns():
        if turn.question is not None:
            ids.add(turn.question.id)
            if turn.kind == "ask" and id(turn.question) not in seen:
                seen.add(id(turn.question))
                asks.append(turn.question)
    return asks, ids


# an etiquette page with more groups than this shows each group's rules collapsed under its heading (a phone
# read 职责、监督与考核 as 13,000 px of rules); headings and sections stay as they are for search
COLLAPSE_GROUPS = 12


def org_label(org: m.Org | None) -> str:
    """How a page names an org: its name, or 本机构 where the seeds leave it generic (某服务有限公司)."""
    return org.name if org and not speech.GENERIC_ORG.search(org.name) else "本机构"


class Site:
    def __init__(self, project: m.Project, lint: LintReport, prose: list[str], env: SandboxedEnvironment | None = None):
        self.project = project
        self.lint = lint
        self.prose = set(prose)
        self.env = env or environment(project.root)
        self.calls: dict[str, Call] = compose_all(project)
        # the questions each call asks, in order (walking every path of a call is not cheap)
        self.asked: dict[str, tuple[list[m.Question], set[str]]] = {i: asked(call) for i, call in self.calls.items()}
        self.problems_by_file = lint.by_file()
        self.script_home: dict[str, str] = {}
        for scenario in sorted(project.scenarios.values(), key=lambda s: s.id):
            for ident in scenario.scripts:
                self.script_home.setdefault(ident, f"scenarios/{scenario.id}.md")
        self.orphans = [s for i, s in sorted(project.scripts.items()) if i not in self.script_home]
        for script in self.orphans:
            self.script_home[script.id] = f"scripts/{script.id}.md"
        self.rules = [rule_info(r) for r in lint.rules]
        self.situations = situations.split(project.etiquette)
        self.terms: list = []  # the glossary (glossary.py), set by the plugin
        self.ledger: Path | None = None  # the team's SQLite ledger (dashboards.py), set by the plugin

    # -- helpers the templates see ------------------------------------------------------------------
    def helpers(self, here: str) -> dict:
        base = posixpath.dirname(here)

        def href(target: str, anchor: str = "") -> Markup:
            rel = posixpath.relpath(target, base or ".")
            return Markup(html.escape(rel + (f"#{anchor}" if anchor else ""), quote=True))

        def fills(text, org=None) -> Markup:
            return md_marked(speech.fill(str(text), org))

        def download(path: str, label: str) -> Markup:
            return Markup(
                f'<a class="md-button hf-download" href="{href(path)}" download>'
                f'<span class="twemoji">⤓</span> {md(label)}</a>'
            )

        return {
            "href": href,
            "fill": fills,
            "fence": fence,
            "download": download,
            "not_applicable": not_applicable,
            "project": self.project,
            "orgs": self.project.orgs,
            "forms": self.project.forms,
            "questions": self.project.questions,
            "banks": self.project.banks,
            "script_home": self.script_home,
            "lint": self.lint,
            "rules": self.rules,
            "rule_names": {r["id"]: r["name"] for r in self.rules},
            "here": here,
            "plain": lambda text: md_marked(speech.fill(without_citations(str(text)), None)),
            "org_label": org_label,
        }

    def render(self, template: str, here: str, **context) -> str:
        return self.env.get_template(template).render(**self.helpers(here), **context)

    def script_view(self, script: m.Script) -> dict:
        call = self.calls[script.id]
        problems = self.problems_by_file.get(script.file, [])
        asks = self.asked[script.id][0]
        return {
            "script": script,
            "call": call,
            "org": call.org,
            "dialogue": render_call(call, self.project),
            "chart": Markup(render_chart(call)),
            "problems": problems,
            "errors": sum(p.severity == "error" for p in problems),
            "warnings": sum(p.severity == "warning" for p in problems),
            "asks": asks,
            "composed": [p for p in ("opening", "convenience", "closings") if p in call.composed],
            "generic": [p for p in ("opening", "convenience", "closings") if call.composed.get(p) == "generic"],
            "composed_from": {
                p: org_label(self.project.orgs[o]) for p, o in call.composed.items() if o in self.project.orgs
            },
        }

    def generic_view(self, scenario: m.Scenario) -> dict:
        """The call a scenario without a script in the seeds gets: its org's standard words where the
        seeds give them, else the points of the 开头语/结束语 standard, around the scenario's questions."""
        p = self.project
        org = p.orgs.get(scenario.org)
        points: set[int] = set()

        def elements(standard) -> list[m.Turn]:
            turns = [
                m.Turn("say", m.Text(f"{e.name}：{e.description or e.name}"))
                for e in (standard.elements if standard else [])
            ]
            points.update(id(t) for t in turns)
            return turns

        # The kind of contact: the scenario's, else its org's. The org's words only for its own kind
        # (a bank's phone greeting never opens an SMS); else the points of that kind's standard.
        kind = scenario.kind or (org.kind if org else "") or "outbound"
        own = org if org is not None and (org.kind or "outbound") == kind else None
        asks = [m.Turn("ask", question_id=q, question=p.questions[q]) for q in scenario.questions if q in p.questions]
        greeting = p.greeting.for_kind(kind) if p.greeting else None
        closing = p.closing.for_kind(kind) if p.closing else None
        opening = list(own.opening) if own and own.opening else elements(greeting)
        closings = dict(own.closings) if own and own.closings else {"": elements(closing)}
        convenience = own.convenience if own and kind == "outbound" else None
        script = m.Script(id=f"generic-{scenario.id}", title=scenario.title, file=scenario.file, org=scenario.org)
        call = Call(script, org, opening, convenience, asks, closings if any(closings.values()) else {})
        return {
            "call": call,
            "org": org,
            "kind": GENERIC_CALL.get(kind, GENERIC_CALL["outbound"]),
            "empty": not (opening or asks or any(closings.values()) or convenience),
            "dialogue": render_call(call, p, points=frozenset(points)),
            "chart": Markup(render_chart(call)),
            "asks": [t.question for t in asks],
            "standard_words": bool(own and (own.opening or own.closings)),
        }

    def scenario_questions(self, scenario: m.Scenario, scripts: list[dict]) -> list[m.Question]:
        """The scenario's questions and those its scripts ask, once each, in order."""
        p = self.project
        found = {q: p.questions[q] for q in scenario.questions if q in p.questions}
        for view in scripts:
            for question in view["asks"]:
                found.setdefault(question.id, question)
        return list(found.values())

    # -- pages --------------------------------------------------------------------------------------
    def pages(self) -> list[GeneratedPage]:
        p = self.project
        out: list[GeneratedPage] = []

        def add(uri: str, title: str, template: str, tags=(), extra=None, **context):
            if uri in self.prose:
                return
            head = front_matter(title, list(tags), **(extra or {}))
            out.append(GeneratedPage(uri, head + self.render(template, uri, **context)))

        add("index.md", "回访管理手册", "home.md.j2")
        by_industry = self.by_industry()
        core = {"search": {"boost": 2}}  # the reference pages a trainee comes back to
        # One page per industry (a single page of 111 cards was 54,000 px tall on a phone), and an index.
        # Only the index is searched (not boosted): the cards repeat the scenarios' titles and timing, and the
        # scenario's own page answers those; fourteen pages titled "…什么时候回访" would answer every 回访.
        timing = self.timing_pages()
        add("when-to-call.md", "什么时候回访", "when_to_call.md.j2", industries=timing)
        for slug, industry, items in timing:
            add(
                f"when-to-call/{slug}.md",
                f"{industry}：什么时候回访",
                "when_to_call_industry.md.j2",
                extra={"search": {"exclude": True}},
                industry=industry,
                items=items,
            )
        # the index is searched by its introduction only: its links repeat the situation pages' headings,
        # and the situation page answers a question, not the list of them
        add("etiquette.md", "电话礼仪", "etiquette_index.md.j2", situations=self.situations)
        for slug, title, groups in self.situations:
            add(
                f"etiquette/{slug}.md",
                title,
                "etiquette.md.j2",
                extra=core,
                heading=title,
                groups=groups,
                document=situations.document,
                collapse=len(groups) > COLLAPSE_GROUPS,
            )
        add("forbidden.md", "忌语速查", "forbidden.md.j2", extra=core, groups=self.forbidden_groups())
        add(
            "practice.md",
            "练习",
            "practice.md.j2",
            # searched by its introduction (the questions are data in a script, which search skips):
            # 「哪里可以练习」 must find it
            data=Markup(practice.as_script(practice.pools(p, self.calls, self.script_home, self.forbidden_anchors()))),
        )
        if self.terms:
            # not boosted: a term's entry should not outrank the scenario the term is about (犹豫期)
            add("glossary.md", "术语表", "glossary.md.j2", terms=self.terms)
        add(
            "standards.md",
            "开头语与结束语",
            "standards.md.j2",
            extra=core,
            greeting=p.greeting,
            closing=p.closing,
            org_list=[p.orgs[k] for k in sorted(p.orgs)],
        )
        add("scenarios/index.md", "回访场景", "scenarios_index.md.j2", by_industry=by_industry)
        # a trainee who names a kind of call wants its page (the call and its questions) before the
        # question bank the questions are drawn from or the timing table that lists it
        call_page = {"search": {"boost": 1.5}}
        for scenario in sorted(p.scenarios.values(), key=lambda s: s.id):
            scripts = [self.script_view(p.scripts[i]) for i in scenario.scripts if i in p.scripts]
            add(
                f"scenarios/{scenario.id}.md",
                scenario.title,
                "scenario.md.j2",
                extra=call_page,
                tags=[scenario.industry, *scenario.stages],
                scenario=scenario,
                scripts=scripts,
                generic=None if scripts else self.generic_view(scenario),
                scenario_questions=self.scenario_questions(scenario, scripts),
                scenario_forms=[p.forms[f] for f in scenario.forms if f in p.forms],
                org=p.orgs.get(scenario.org),
            )
        if self.orphans:
            add("scripts/index.md", "其他话术", "scripts_index.md.j2", scripts=self.orphans)
        for script in self.orphans:
            view = self.script_view(script)
            add(
                f"scripts/{script.id}.md",
                script.title,
                "script.md.j2",
                tags=[view["org"].industry] if view["org"] and view["org"].industry else [],
                view=view,
            )
        add("banks/index.md", "问题库", "banks_index.md.j2", bank_list=[p.banks[k] for k in sorted(p.banks)])
        for ident in sorted(p.banks):
            bank = p.banks[ident]
            add(
                f"banks/{ident}.md",
                bank.title,
                "bank.md.j2",
                # below the scenario pages that ask its questions: a trainee names the call, not the bank
                extra={"search": {"boost": 0.5}},
                tags=[bank.industry] if bank.industry else [],
                bank=bank,
                used_in=self.bank_usage(bank),
            )
        form_usage: dict[str, list[m.Scenario]] = {}
        for scenario in sorted(p.scenarios.values(), key=lambda s: s.id):
            for form in scenario.forms:
                form_usage.setdefault(form, []).append(scenario)
        add("forms.md", "表单", "forms.md.j2", form_usage=form_usage, by_org=self.forms_by_org())
        for kind in KINDS:
            if kind.listing:
                items = [v for _, v in sorted(getattr(p, kind.collection).items())]
                if items:
                    add(kind.listing.uri, kind.listing.title, kind.listing.template, items=items)
        # every page of the 维护者 section is left out of the search index (plugin.on_page_markdown)
        add(
            "maintainers/index.md",
            MAINTAINERS,
            "maintainers.md.j2",
            statuses=self.lint_statuses(),
            others=self.lint_others(),
            greeting=p.greeting,
            closing=p.closing,
        )
        # its own page, which names scripts by file: a title edit in serve does not re-render this long list
        add("maintainers/speech.md", "原话还是要点", "maintainers_speech.md.j2", guessed=self.guessed_speech())
        add("rules/index.md", "话术检查规则", "rules_index.md.j2")
        for rule in self.rules:
            add(f"rules/{rule['id']}.md", rule["name"], "rule.md.j2", rule=rule)
        if self.ledger is not None:
            for uri, title, template, context in dashboards.pages(self.ledger, p, self.rule_names()):
                add(uri, title, template, **context)
        add("tags.md", "标签", "tags.md.j2", extra={"search": {"exclude": True}})  # repeats every title
        for uri in sorted(PROSE_REFERENCE - self.prose):
            # a team's repository from `huifang init` has no copy of the field reference the 维护者 page links to:
            # the one shipped with this huifang describes the fields this huifang checks
            out.append(GeneratedPage(uri, shipped_reference(uri)))
        return out

    def forms_by_org(self) -> list[tuple[str, str, list[m.Form], list[m.Scenario]]]:
        """表单 on a phone: each org's forms and scenario print packs together, orgs in the order of their industry."""
        p = self.project
        groups: dict[str, tuple[list, list]] = {}
        for key in sorted(p.forms):
            groups.setdefault(p.forms[key].org, ([], []))[0].append(p.forms[key])
        for scenario in sorted(p.scenarios.values(), key=lambda s: s.id):
            groups.setdefault(scenario.org, ([], []))[1].append(scenario)

        def label(org_id: str, forms: list, scenarios: list) -> str:
            """The org's name after its industry; an org the seeds leave unnamed (公司, 医院) by its first item."""
            org = p.orgs.get(org_id)
            industry = org.industry if org and org.industry else "其他"
            if org is not None and not speech.GENERIC_ORG.search(org.name):
                return org.name if industry in org.name else f"{industry} · {org.name}"
            items = forms or scenarios
            if not items:
                return industry
            return f"{industry} · {items[0].title}" + ("等" if len(items) > 1 else "")

        return sorted(
            (
                (label(o, forms, []), label(o, [], scenarios), forms, scenarios)
                for o, (forms, scenarios) in groups.items()
            ),
            key=lambda g: (g[0], g[1]),
        )

    def rule_names(self) -> dict[str, str]:
        return {r["id"]: r["name"] for r in self.rules}

    def forbidden_groups(self) -> list[tuple[str, list[m.ForbiddenPhrase]]]:
        """忌语 by the situation they are said in (else their category), largest group first: the rule book's own
        and those of the phrase packs huifang.yaml enables (lint.extends), which lint checks as well."""
        from huifang.lint.config import ConfigError, LintConfig

        try:
            pack_phrases = LintConfig.from_settings(self.project.config.lint).pack_phrases()
        except ConfigError:  # reported by lint, which the build runs first
            pack_phrases = []
        groups: dict[str, list[m.ForbiddenPhrase]] = {}
        for phrase in [*self.project.forbidden, *pack_phrases]:
            groups.setdefault(phrase.situation or phrase.category or "其他", []).append(phrase)
        return sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))

    def forbidden_anchors(self) -> dict[str, str]:
        """忌语 id → its group on the 忌语速查 page."""
        return {
            phrase.id: f"forbidden.html#g{i}"
            for i, (_, items) in enumerate(self.forbidden_groups(), 1)
            for phrase in items
        }

    def lint_statuses(self) -> list[dict]:
        """Each script's lint result, for the maintainers' page (trainee pages show none of this)."""
        p = self.project
        rows = []
        for script in sorted(p.scripts.values(), key=lambda s: s.file):
            problems = self.problems_by_file.get(script.file, [])
            rows.append(
                {
                    "script": script,
                    "home": self.script_home[script.id],
                    "problems": problems,
                    "errors": sum(x.severity == "error" for x in problems),
                    "warnings": sum(x.severity == "warning" for x in problems),
                }
            )
        return rows

    def lint_others(self) -> list[dict]:
        """Lint findings in files that are no YAML script: free-form scripts (.md, .txt) and the org files whose
        composed opening or closing a finding points at. `huifang build` counts them; the page showed none."""
        scripts = {script.file for script in self.project.scripts.values()}
        return [
            {"file": file, "problems": problems, "id": f"file-{i}"}
            for i, (file, problems) in enumerate(sorted(self.problems_by_file.items()), 1)
            if file not in scripts
        ]

    def guessed_speech(self) -> list[dict]:
        """Each script's agent lines not marked 原话 or 要点, with what the site guessed, for the maintainers."""
        rows = []
        for script in sorted(self.project.scripts.values(), key=lambda s: s.file):
            turns = list(iter_turns(script))
            if isinstance(script.convenience, m.Convenience):
                turns.insert(0, m.Turn("say", script.convenience.ask, speech=script.convenience.speech))
            lines = [
                {
                    "words": speech.fill(str(turn.words), None, mark=lambda name: f"（{name}）"),
                    "guess": speech.POINT if speech.is_point(turn) else speech.VERBATIM,
                }
                for turn in turns
                if speech.guessed(turn) and turn.words is not None
            ]
            if lines:
                rows.append({"script": script, "home": self.script_home[script.id], "lines": lines})
        return rows

    def by_industry(self) -> list[tuple[str, list[m.Scenario]]]:
        groups: dict[str, list[m.Scenario]] = {}
        for scenario in sorted(self.project.scenarios.values(), key=lambda s: (s.industry, s.id)):
            groups.setdefault(scenario.industry, []).append(scenario)
        return sorted(groups.items())

    def timing_pages(self) -> list[tuple[str, str, list[m.Scenario]]]:
        """(slug, industry, scenarios) of the 什么时候回访 sub-pages, in industry order."""
        return [(industry_slug(industry), industry, items) for industry, items in self.by_industry()]

    def bank_usage(self, bank: m.QuestionBank) -> list[m.Scenario]:
        ids = {q.id for q in bank.questions}
        used = []
        for scenario in sorted(self.project.scenarios.values(), key=lambda s: s.id):
            if ids & set(scenario.questions):
                used.append(scenario)
                continue
            for ident in scenario.scripts:
                if ident in self.asked and ids & self.asked[ident][1]:
                    used.append(scenario)
                    break
        return used

    # -- navigation ---------------------------------------------------------------------------------
    def nav(self, prose: list[str]) -> list:
        p = self.project
        generated = {
            "when-to-call.md",
            "etiquette.md",
            "glossary.md",
            "practice.md",
            "forbidden.md",
            "standards.md",
            "forms.md",
            "tags.md",
        }
        prose_extra = sorted(
            x
            for x in prose
            if x not in PROSE_ORDER
            and x not in PROSE_REFERENCE
            and x not in generated
            and not x.startswith(("scenarios/", "scripts/", "banks/", "rules/"))
        )
        start: list = ["index.md"] + [
            x for x in sorted(PROSE_ORDER, key=lambda k: PROSE_ORDER[k])[1:] if x in self.prose
        ]
        start.append(
            {
                "什么时候回访": ["when-to-call.md"]
                + [{nav_title(industry): f"when-to-call/{slug}.md"} for slug, industry, _ in self.timing_pages()]
            }
        )
        etiquette = {
            "电话礼仪": ["etiquette.md"]
            + [{nav_title(title): f"etiquette/{slug}.md"} for slug, title, _ in self.situations]
        }
        nav = [
            {"首页": start[0]},
            {"入门": start[1:] + ["practice.md"]},
            {"规范": [etiquette, "forbidden.md", "standards.md"] + (["glossary.md"] if self.terms else [])},
        ]
        scenarios: list = ["scenarios/index.md"]
        for industry, items in self.by_industry():
            scenarios.append({nav_title(industry): [{nav_title(s.title): f"scenarios/{s.id}.md"} for s in items]})
        if self.orphans:
            scenarios.append(
                {"其他话术": ["scripts/index.md"] + [{nav_title(s.title): f"scripts/{s.id}.md"} for s in self.orphans]}
            )
        nav.append({"回访场景": scenarios})
        nav.append(
            {
                "问题库与表单": ["banks/index.md"]
                + [{nav_title(p.banks[k].title): f"banks/{k}.md"} for k in sorted(p.banks)]
                + ["forms.md"]
            }
        )
        nav.append({"参考": prose_extra + ["tags.md"]})
        for kind in KINDS:
            if kind.listing and getattr(p, kind.collection) and kind.listing.uri not in self.prose:
                section = next((x for x in nav if kind.listing.section in x), None)
                if section is None:
                    section = {kind.listing.section: []}
                    nav.append(section)
                section[kind.listing.section].append(kind.listing.uri)
        maintainers = [
            "maintainers/index.md",
            "maintainers/speech.md",
            {"话术检查规则": ["rules/index.md"] + [{nav_title(r["name"]): f"rules/{r['id']}.md"} for r in self.rules]},
        ]
        if self.ledger is not None:
            maintainers += [x for x in dashboards.NAV if next(iter(x.values())) not in self.prose]
        maintainers += sorted(PROSE_REFERENCE)  # the team's own page, else the shipped one (pages())
        nav.append({MAINTAINERS: maintainers})
        return nav
