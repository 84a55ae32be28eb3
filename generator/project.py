"""Load a whole project: find its files, validate each, build the model, check references.

Every problem is collected (never only the first) so one `huifang check` run shows them all.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from huifang import model as m
from huifang import readfile
from huifang.compose import written
from huifang.kinds import BY_ID, CONFIG_FILE, CONTENT, KINDS, SCRIPT, SCRIPTS, Kind
from huifang.problems import ContentError, Problem, display_path
from huifang.validate import did_you_mean, validate_document
from huifang.yamlload import SAFE_MAX_DEPTH, Document, Limits, load_document, load_file, mapping, read_text

TYPE_CHECKING = False
if TYPE_CHECKING:  # the checker knows dataclasses; records makes the same classes faster
    from dataclasses import dataclass, field
    from typing import Any
else:
    from huifang.records import dataclass, field

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Loaded:
    project: m.Project
    problems: list[Problem] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    broken_ids: set[str] = field(default_factory=set)  # ids in files that failed validation
    limits: Limits = field(default_factory=Limits)  # huifang.yaml's limits, for loading more files later
    unreadable: set[str] = field(default_factory=set)  # kinds whose folder cannot be read: not referred to

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


# how References names each kind that is referred to by id
REFERRED_AS = {"org": "机构", SCRIPT: "话术", "form": "表单", "question-bank": "问题"}


def discover(root: Path, scripts: bool = True, locked: dict[Path, str] | None = None) -> list[tuple[Path, str]]:
    """Content files in a stable order, `.yml` included; stray files elsewhere are left alone.
    `scripts=False`: the content only, without walking scripts_src/. `locked`: filled with the folders that
    could not be listed (no permission: their files were silently missing) and the kind found there."""
    found: dict[Path, str] = {}
    for kind in KINDS:
        if kind.id == SCRIPT and not scripts:
            continue
        for pattern in kind.layout:
            deep = "/**/" in pattern
            if locked is not None:
                folder = root / (pattern.split("/**/")[0] if deep else pattern.rsplit("/", 1)[0])
                chain = []  # the folders from the root down to this one's
                while folder not in (root, folder.parent):
                    chain.append(folder)
                    folder = folder.parent
                refused = next((f for f in reversed(chain) if cannot_list(f) or not_a_folder(f)), None)
                if refused is not None:
                    locked[refused] = locked.get(refused) or kind.id
                    continue
            if deep:
                found.update((path, kind.id) for path in _yaml_under(root / pattern.split("/**/")[0], kind.id, locked))
                continue
            for suffix in YAML_SUFFIXES:
                for path in root.glob(pattern.replace(".yaml", suffix)):
                    if not any(part.startswith(".") for part in path.relative_to(root).parts) and regular(path):
                        found[path] = kind.id
    return sorted(found.items(), key=lambda item: item[0].relative_to(root).as_posix())


def not_a_folder(path: Path) -> bool:
    """Something is there, but no folder: a file, or a link to one or to nowhere (its files were silently none)."""
    return os.path.lexists(path) and not os.path.isdir(path)


def folder_problem(folder: Path, root: Path, what: str) -> Problem:
    """Why a content folder's files cannot be read: no permission, or no folder there at all."""
    shown = display_path(folder, root)
    if not not_a_folder(folder):
        return Problem(shown, 1, 1, "无法读取目录：没有权限（检查文件夹权限）")
    if os.path.islink(folder) and not os.path.exists(folder):
        return Problem(shown, 1, 1, f"{shown} 是无法解析的符号链接（指向自身、循环或不存在的位置）：请改为普通文件夹")
    return Problem(shown, 1, 1, f"这里应是一个文件夹，却是一个文件：{what}放在 {shown}/ 文件夹里")


def cannot_list(folder: Path) -> bool:
    """A folder that is there but cannot be listed (no permission)."""
    try:
        with os.scandir(folder):
            return False
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return True


def _yaml_under(top: Path, kind: str = "", locked: dict[Path, str] | None = None) -> list[Path]:
    """YAML files under a folder, hidden files and folders skipped, symlinked folders not entered
    (as `glob("**/*.yaml")` does, with one scandir per folder instead of pattern matching per file)."""
    out: list[Path] = []

    def refused(exc: OSError) -> None:
        if locked is not None and not isinstance(exc, (FileNotFoundError, NotADirectoryError)) and exc.filename:
            locked[Path(exc.filename)] = kind

    for folder, dirs, files in os.walk(top, onerror=refused):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(folder)
        out.extend(
            base / name
            for name in files
            if name.endswith(YAML_SUFFIXES) and not name.startswith(".") and regular(base / name)
        )
    return out


def regular(path: Path) -> bool:
    """Not a FIFO, socket or device, which are never opened (reading a FIFO waits forever); folders,
    broken and looping links count, to be reported when read."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    return stat.S_ISREG(mode) or stat.S_ISDIR(mode)


def irregular(root: Path) -> list[Problem]:
    """Content files that are FIFOs, sockets or devices: reported, never opened."""
    found = []
    for pattern in (pattern for kind in KINDS for pattern in kind.layout):
        if "*" not in pattern:
            folder = (root / pattern).parent
            walker: Iterable[tuple[str, list[str], list[str]]] = [
                (
                    str(folder),
                    [],
                    [
                        Path(pattern).stem + suffix
                        for suffix in YAML_SUFFIXES
                        if os.path.lexists(folder / (Path(pattern).stem + suffix))
                    ],
                )
            ]
        else:
            folder = root / pattern.split("/*")[0]
            if not os.path.isdir(folder) or cannot_list(folder):  # a folder that cannot be read: said by discover
                continue
            walker = os.walk(folder) if "/**/" in pattern else [(str(folder), [], os.listdir(folder))]
        for base, dirs, files in walker:
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                path = Path(base) / name
                if name.endswith(YAML_SUFFIXES) and not name.startswith(".") and not regular(path):
                    found.append(Problem(display_path(path, root), 1, 1, readfile.NOT_REGULAR))
    return found


def folder_link(root: Path, name: str) -> Problem | None:
    """A top folder (content/, scripts_src/) that is a symlink out of the project, or one that leads nowhere."""
    path = root / name
    if not path.is_symlink():
        return None
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return Problem(name, 1, 1, f"{name} 是无法解析的符号链接（指向自身、循环或不存在的位置）：请改为普通文件夹")
    try:
        real.relative_to(root.resolve())
    except ValueError:
        return Problem(name, 1, 1, f"{name} 是指向项目之外的符号链接（{real}）：出于安全考虑拒绝读取")
    return None


def ensure_inside(path: Path, root: Path, display: str) -> None:
    """A file reached through a symlink must still live inside the project."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        raise ContentError(display, 1, 1, f"符号链接指向项目之外（{path.resolve()}）：出于安全考虑拒绝读取") from None
    except (OSError, RuntimeError):  # a symlink loop (Python 3.11's resolve raises RuntimeError for it)
        raise ContentError(display, 1, 1, "符号链接无法解析（指向自身或循环）") from None


def read_config(root: Path, problems: list[Problem]) -> tuple[m.Config, Limits]:
    config, limits = m.Config(), Limits()
    path = root / CONFIG_FILE
    if not path.exists() and not path.is_symlink():
        return config, limits
    try:
        ensure_inside(path, root, CONFIG_FILE)
        doc = load_file(path, display_path(path, root))
    except ContentError as exc:
        problems.append(exc.problem)
        return config, limits
    found = validate_document(doc, "project")
    if found:
        problems.extend(found)
        return config, limits
    data = mapping(doc)
    lint = data.get("lint", {})
    rules = {k: (v["severity"] if isinstance(v, dict) else v) for k, v in lint.get("rules", {}).items()}
    config = m.Config(
        default_org=data.get("default_org", ""),
        lint=m.LintSettings(
            lint.get("extends", "default"),
            rules,
            list(lint.get("ignore", [])),
            {k: list(v) for k, v in lint.get("speakers", {}).items()},
        ),
        build_lint_errors=data.get("build", {}).get("lint_errors", "fail"),
        plan=dict(data.get("plan", {})),
    )
    raw = data.get("limits", {})
    limits = Limits(
        raw.get("max_file_bytes", limits.max_file_bytes),
        raw.get("max_nodes", limits.max_nodes),
        min(raw.get("max_depth", limits.max_depth), SAFE_MAX_DEPTH),
    )
    problems.extend(config_choices(doc))  # lint's own settings check still says so when lint starts
    config.lint_document = doc
    return config, limits


def pages_of(root: Path, pages_dir: Path) -> tuple[list[Path], list[Problem]]:
    """The `.md` pages under content/pages, and a problem for every entry MkDocs must not read or
    publish: a symlink (file or folder, at any depth) out of the project, a link that leads nowhere,
    a FIFO, socket or device. MkDocs copies every file there into the site."""
    real_root = root.resolve()
    pages: list[Path] = []
    refused: list[Problem] = []
    seen: set[Path] = set()
    stack = [pages_dir]
    while stack:
        folder = stack.pop()
        try:
            real = folder.resolve(strict=True)
        except (OSError, RuntimeError):
            continue
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            refused.append(Problem(display_path(folder, root), 1, 1, f"无法读取目录：{readfile.os_words(exc)}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            shown = display_path(path, root)
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    refused.append(Problem(shown, 1, 1, "符号链接无法解析（指向自身、循环或不存在的位置）：请删除"))
                    continue
                try:
                    target.relative_to(real_root)
                except ValueError:
                    refused.append(
                        Problem(shown, 1, 1, f"符号链接指向项目之外（{target}）：出于安全考虑拒绝读取和发布")
                    )
                    continue
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                refused.append(Problem(shown, 1, 1, f"无法读取：{readfile.os_words(exc)}"))
                continue
            if stat.S_ISDIR(mode):
                stack.append(path)
            elif not stat.S_ISREG(mode):
                refused.append(Problem(shown, 1, 1, readfile.NOT_REGULAR))
            elif not os.access(path, os.R_OK):  # MkDocs would stop the whole build on it
                refused.append(Problem(shown, 1, 1, readfile.reason(PermissionError())))
            elif entry.name.endswith(".md"):
                try:
                    read_text(path, shown)  # MkDocs stops the whole build on a page it cannot decode
                except ContentError as exc:
                    refused.append(exc.problem)
                    continue
                pages.append(path)
    return sorted(pages), refused


def config_choices(doc: Document) -> list[Problem]:
    """Settings the schema cannot know: lint presets and rule ids, and a depth Python can walk."""
    from huifang.lint.config import PRESETS
    from huifang.lint.rules import RULES

    found = []
    lint = mapping(doc).get("lint", {})
    extends = lint.get("extends")
    from huifang.lint import packs

    choices = [*PRESETS, *packs.names()]
    for i, value in enumerate([extends] if isinstance(extends, str) else extends or []):
        if value not in choices:
            span = doc.span(("lint", "extends") if isinstance(extends, str) else ("lint", "extends", i))
            found.append(
                Problem(
                    doc.display,
                    span.line,
                    span.column,
                    f"lint.extends 的值 '{value}' 不存在"
                    f"{did_you_mean(str(value), choices)}（可选：{'、'.join(choices)}）",
                )
            )
    known = sorted(rule.ID for rule in RULES)
    for rule in lint.get("rules", {}):
        if rule not in known:
            span = doc.key_span(("lint", "rules", rule))
            found.append(
                Problem(
                    doc.display,
                    span.line,
                    span.column,
                    f"lint.rules 中的规则 '{rule}' 不存在{did_you_mean(rule, known)}（可选：{'、'.join(known)}）",
                )
            )
    for i, pattern in enumerate(lint.get("ignore", [])):  # ruff's `ignore` takes rule codes; this one takes files
        named = str(pattern).strip().lstrip("!")
        if not named or any(c in named for c in "/.*?["):
            continue
        import difflib  # here: a path pattern (what lint.ignore holds) needs none, and a lint imports this module

        rule = named if named in known else next(iter(difflib.get_close_matches(named, known, n=1, cutoff=0.6)), "")
        if rule:
            span = doc.span(("lint", "ignore", i))
            said = "是规则 id" if rule == named else f"像是规则 '{rule}'"
            found.append(
                Problem(
                    doc.display,
                    span.line,
                    span.column,
                    f"lint.ignore 写的是不检查的文件（写法同 .gitignore），'{named}' {said}："
                    f"要关闭这条规则，请在 lint.rules 里写 {rule}: off",
                )
            )
    depth = mapping(doc).get("limits", {}).get("max_depth")
    if isinstance(depth, int) and depth > SAFE_MAX_DEPTH:
        span = doc.span(("limits", "max_depth"))
        found.append(
            Problem(
                doc.display,
                span.line,
                span.column,
                f"limits.max_depth 最大为 {SAFE_MAX_DEPTH}（更深的嵌套会耗尽程序的递归深度），可选 4–{SAFE_MAX_DEPTH}",
            )
        )
    return found


class References:
    """Cross-file checks: duplicate ids, dangling references, unusable scripts."""

    def __init__(self, loaded: Loaded, scripts_known: bool = True):
        self.loaded = loaded
        self.scripts_known = scripts_known  # False when only some scripts were loaded
        self.project = loaded.project
        self.problems = loaded.problems

    def report(self, doc: Document | None, path: tuple, message: str, key: bool = False) -> None:
        if doc is None:
            return
        span = doc.key_span(path) if key else doc.span(path)
        self.problems.append(Problem(doc.display, span.line, span.column, message))

    def doc(self, display: str) -> Document | None:
        return self.loaded.documents.get(display)

    def check_standards(self) -> None:
        """Each kind of contact in standards.yaml lists elements the standard defines."""
        doc = self.doc("content/standards.yaml")
        for part, standard in (("greeting", self.project.greeting), ("closing", self.project.closing)):
            if standard is None:
                continue
            known = {e.id: e for e in standard.elements}
            for kind, spec in standard.kinds.items():
                for i, ident in enumerate(spec.elements):
                    self.refer(doc, (part, "kinds", kind, "elements", i), "要素", ident, known)

    def refer(self, doc, path, kind_name: str, ident: str, table: dict) -> None:
        if kind_name in self.loaded.unreadable:
            return
        if ident and ident not in table and ident not in self.loaded.broken_ids:
            self.report(doc, path, f"引用了不存在的{kind_name} '{ident}'{did_you_mean(ident, table)}")

    def run(self) -> None:
        p = self.project
        self.check_standards()
        for sc in p.scenarios.values():
            doc = self.doc(sc.file)
            self.refer(doc, ("org",), "机构", sc.org, p.orgs)
            for i, ident in enumerate(sc.scripts if self.scripts_known else ()):
                self.refer(doc, ("scripts", i), "话术", ident, p.scripts)
            for i, ident in enumerate(sc.forms):
                self.refer(doc, ("forms", i), "表单", ident, p.forms)
            for i, ident in enumerate(sc.questions):
                self.refer(doc, ("questions", i), "问题", ident, p.questions)
        for form in p.forms.values():
            self.refer(self.doc(form.file), ("org",), "机构", form.org, p.orgs)
        if p.records is not None and self.scripts_known:
            for ident in p.records.sheets:
                if ident not in p.scripts and ident not in self.loaded.broken_ids:
                    self.report(
                        self.doc(p.records.file),
                        ("sheets", ident),
                        f"引用了不存在的话术 '{ident}'{did_you_mean(ident, p.scripts)}",
                        key=True,
                    )
        for bank in p.banks.values():
            doc = self.doc(bank.file)
            for i, q in enumerate(bank.questions):
                if q.follow_up and q.follow_up.form:
                    self.refer(doc, ("questions", i, "follow_up", "form"), "表单", q.follow_up.form, p.forms)
        for org in p.orgs.values():
            self.check_turns(self.doc(org.file), org)
        for script in p.scripts.values():
            self.check_script(script)
        cfg_doc = p.config.lint_document
        if p.config.default_org and cfg_doc is not None:
            self.refer(cfg_doc, ("default_org",), "机构", p.config.default_org, p.orgs)

    def check_turns(self, doc, owner) -> None:
        """Resolve `ask: <id>` turns everywhere they occur."""
        turns = []
        if isinstance(owner, m.Org):
            turns = list(owner.opening or []) + [t for ts in owner.closings.values() for t in ts]
            if owner.convenience:
                turns += owner.convenience.yes + owner.convenience.no
        for turn in turns:
            self.resolve_turn(doc, turn)

    def resolve_turn(self, doc, turn: m.Turn) -> None:
        ident = turn.question_id  # an ask turn always has one (builders.turn)
        if turn.kind != "ask" or turn.question is not None or ident is None:
            return
        turn.question = self.project.questions.get(ident)
        if (
            turn.question is None
            and doc is not None
            and ident not in self.loaded.broken_ids
            and "问题" not in self.loaded.unreadable
        ):
            where = self.find_value(doc, ident)
            self.report(doc, where, f"引用了不存在的问题 '{ident}'{did_you_mean(ident, self.project.questions)}")

    @staticmethod
    def find_value(doc: Document, value: str) -> tuple:
        for path, _span in doc.spans.items():
            if path and path[-1] in ("ask",) or (len(path) >= 2 and path[-2] == "questions"):
                got: Any = doc.data  # a walk down YAML: any value, checked by the except below
                try:
                    for key in path:
                        got = got[key]
                except (KeyError, IndexError, TypeError):
                    continue
                if got == value:
                    return path
        return ()

    def check_script(self, script: m.Script) -> None:
        doc = script.doc
        p = self.project
        if script.org:
            self.refer(doc, ("org",), "机构", script.org, p.orgs)
        for turn in iter_turns(script):
            self.resolve_turn(doc, turn)
        for _label, branch_path, question_id in iter_branches(script):
            if question_id:
                self.refer(doc, branch_path + ("question",), "问题", question_id, p.questions)


def iter_turns(script: m.Script):
    yield from script.opening or []
    if isinstance(script.convenience, m.Convenience):
        yield from script.convenience.yes + script.convenience.no
    yield from written(script.steps)
    for turns in (script.closings or {}).values():
        yield from turns


def iter_branches(script: m.Script):
    def walk(steps, path):
        for i, step in enumerate(steps):
            if isinstance(step, m.Branch):
                yield None, path + (i, "branch"), step.question_id
                for label, case in step.cases.items():
                    yield from walk(case, path + (i, "branch", "cases", label))

    yield from walk(script.steps, ("steps",))


def register_ids(loaded: Loaded, doc: Document, kind: Kind, seen: dict) -> bool:
    """Reject a document whose id is already taken; returns False if it must not be built."""
    if not kind.has_id:
        return True
    ident = mapping(doc)["id"]
    key = (kind.id, ident)
    if key in seen:
        span = doc.span(("id",))
        loaded.problems.append(
            Problem(doc.display, span.line, span.column, f"重复的标识 '{ident}'：已在 {seen[key]} 中使用")
        )
        return False
    seen[key] = doc.display
    return True


def inner_lists(data: Any, path: tuple[str, ...], at: tuple = ()) -> list[tuple[tuple, list]]:
    """(path, list) of every list a kind's `inner_ids` path names; "*" stands for each item of a list."""
    if not path:
        return [(at, data)]
    head, rest = path[0], path[1:]
    if head == "*":
        return [found for i, item in enumerate(data) for found in inner_lists(item, rest, at + (i,))]
    return inner_lists(data[head], rest, at + (head,))


def register_inner_ids(loaded: Loaded, doc: Document, kind: Kind, seen: dict) -> None:
    """Ids inside files (questions, rules, phrases) are project-wide too."""
    for label, pattern in kind.inner_ids:
        for path, items in inner_lists(doc.data, pattern):
            for i, item in enumerate(items):
                key = (label, item["id"])
                if key in seen:
                    span = doc.span(path + (i, "id"))
                    loaded.problems.append(
                        Problem(
                            doc.display, span.line, span.column, f"重复的标识 '{item['id']}'：已在 {seen[key]} 中使用"
                        )
                    )
                else:
                    seen[key] = doc.display


def loose_ids(data) -> set[str]:
    """Ids a file that failed validation still declares, so references to them are not reported twice."""
    found: set[str] = set()
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("id"), str):
                found.add(item["id"])
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(v for v in item if isinstance(v, (dict, list)))
    return found


MAX_PER_FILE = 50


def capped(found: list[Problem]) -> list[Problem]:
    """At most MAX_PER_FILE problems of one file, then one line saying how many more there are."""
    if len(found) <= MAX_PER_FILE:
        return found
    found = sorted(found, key=lambda p: (p.line, p.column, p.message))
    last = found[MAX_PER_FILE]
    return found[:MAX_PER_FILE] + [
        Problem(
            last.path,
            last.line,
            last.column,
            f"此文件还有 {len(found) - MAX_PER_FILE} 个问题未列出（先改正上面的问题再检查）",
        )
    ]


def build(loaded: Loaded, doc: Document, kind: Kind, seen: dict) -> None:
    """File a valid document into the project unless its id is taken."""
    if not register_ids(loaded, doc, kind, seen):
        return
    register_inner_ids(loaded, doc, kind, seen)
    assert kind.build is not None
    kind.build(doc, loaded.project)


def load_checked(path: Path, display: str, limits: Limits, kind: str, reuse: dict | None):
    """load_file + validate_document; with `reuse` (kept by the caller between loads, e.g. by
    `huifang serve`), a file whose text is unchanged is neither parsed nor validated again."""
    if reuse is None:
        doc = load_file(path, display, limits)
        return doc, validate_document(doc, kind)
    text = read_text(path, display, limits)
    key = (text, display, kind, limits)
    hit = reuse.get(path)
    if hit is not None and hit[0] == key:
        return hit[1], hit[2]
    doc = load_document(text, path, display, limits)
    found = validate_document(doc, kind)
    reuse[path] = (key, doc, found)
    return doc, found


def load_project(root: Path | str, scripts: Iterable[Path] | None = None, *, reuse: dict | None = None) -> Loaded:
    """Load and check every content file. `scripts`: load only these script files (any path, inside the
    project) instead of every one under scripts_src/; scenarios' references to scripts are then not checked.
    `reuse`: a dict to keep between calls so that unchanged files are not parsed again (see load_checked)."""
    root = Path(root)
    problems: list[Problem] = []
    config, limits = read_config(root, problems)
    project = m.Project(root=root, config=config)
    loaded = Loaded(project, problems, limits=limits)
    for required in (CONTENT,):
        if not (root / required).is_dir():
            problems.append(
                Problem(
                    display_path(root / required, root),
                    1,
                    1,
                    f"找不到 {required}/ 目录：--project 应指向含 content/ 和 scripts_src/ 的项目根目录",
                )
            )
            return loaded
    bad_links = [p for p in (folder_link(root, CONTENT), folder_link(root, SCRIPTS)) if p]
    problems.extend(bad_links)
    if any(p.path == CONTENT for p in bad_links):
        return loaded
    scripts_unreadable = any(p.path == SCRIPTS for p in bad_links)
    if scripts_unreadable:
        loaded.unreadable.add("话术")
    problems.extend(irregular(root))
    locked: dict[Path, str] = {}
    files = discover(root, scripts=scripts is None and not scripts_unreadable, locked=locked)
    for folder, kind_id in locked.items():  # its files' ids are unknown: not said to be missing where referred to
        problems.append(folder_problem(folder, root, BY_ID[kind_id].title))
        if folder == root / CONTENT:
            loaded.unreadable.update(REFERRED_AS.values())
        elif kind_id in REFERRED_AS:
            loaded.unreadable.add(REFERRED_AS[kind_id])
        scripts_unreadable = scripts_unreadable or kind_id == SCRIPT
    named: set[Path] = set()  # script files the caller named: read wherever they are
    if scripts is not None:
        files = [(p, k) for p, k in files if k != "script"]
        chosen = {os.path.realpath(p) for p, _ in files}  # realpath: Path.resolve raises on a symlink loop
        for path in map(Path, scripts):
            real = os.path.realpath(path)
            if real not in chosen:
                chosen.add(real)
                named.add(path)
                files.append((path, "script"))
    seen: dict = {}
    for path, kind in files:
        display = display_path(path, root)
        project.files.append(path)
        try:
            if path not in named:
                ensure_inside(path, root, display)
            doc, found = load_checked(path, display, limits, kind, reuse)
        except ContentError as exc:
            problems.append(exc.problem)
            loaded.broken_ids.add(path.stem)  # most likely the id it declares: no cascade of dangling refs
            continue
        if found:
            problems.extend(capped(found))
            loaded.broken_ids |= loose_ids(doc.data)
            continue
        loaded.documents[display] = doc
        build(loaded, doc, BY_ID[kind], seen)
    for bank in project.banks.values():
        for q in bank.questions:
            project.questions.setdefault(q.id, q)
    content_locked = root / CONTENT in locked  # then nothing in it can be looked at (stat says EACCES)
    if project.greeting is None and not content_locked and not (root / CONTENT / "standards.yaml").exists():
        problems.append(Problem(f"{CONTENT}/standards.yaml", 1, 1, "缺少开头语与结束语标准文件 content/standards.yaml"))
    pages_dir = root / CONTENT / "pages"
    if not content_locked and not_a_folder(pages_dir):
        problems.append(folder_problem(pages_dir, root, "说明页（Markdown）"))
    if not content_locked and pages_dir.is_dir():
        found, refused = pages_of(root, pages_dir)
        problems.extend(refused)
        project.pages.extend(m.Page(page, page.relative_to(pages_dir).as_posix()) for page in found)
    if (root / "templates").is_dir():  # the team's own page templates, read by the site
        problems.extend(pages_of(root, root / "templates")[1])
    References(loaded, scripts_known=scripts is None and not scripts_unreadable).run()
    loaded.problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.message))
    return loaded
