"""The search intent table (content/search.yaml): the words trainees type for what the handbook calls
something else (不能说 → 忌语速查, 几点 → 什么时候回访, 牙科 → 口腔 scenarios), and the question words
that carry no meaning in a query (怎么办, 什么, 吗).

An entry with `pages` has its words indexed in a hidden `keywords` field of those pages' first section,
so the browser finds them as index words and ranks those pages first. Its optional `also` lists pages
that answer the words too, but less directly (the 开头语 page for 不方便, after the 回访流程 page whose
section says what to do): their words go into a `keywords_also` field and they rank after `pages`. A
target ending in `/` is a folder: each of its pages but the index gets the words in `keywords_each`, which
count only when the query also names that page (医院回访几点打: the 医院 scenarios' own call times). 忌语
phrases are added as words of 忌语速查 (`with_phrases`). An entry with `means` makes the
search worker (worker.py) search for the handbook's own word instead (装潢 → 装修, 唔方便 → 不方便), so
the pages rank as they would for that word. Stop words are dropped from queries by the worker.
Every entry says why it is there: `source` (where trainees were seen to say it) or `note` (the team's
own choice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from huifang.problems import ContentError
from huifang.yamlload import Limits, load_file

FILE = "content/search.yaml"
WORD = re.compile(r"^[\w\u3400-\u9fff]{1,12}$")


@dataclass
class Intent:
    words: list[str]
    pages: list[str]  # source paths of pages, e.g. forbidden.md, scenarios/kouqiang-baya-huifang.md
    line: int = 0
    column: int = 0
    means: list[str] = field(default_factory=list)  # the handbook's words searched instead of `words`
    also: list[str] = field(default_factory=list)  # pages that answer less directly, ranked after `pages`
    each: list[str] = field(default_factory=list)  # pages of a folder target: count only when the query names them


@dataclass
class Table:
    stop: list[str] = field(default_factory=list)
    intents: list[Intent] = field(default_factory=list)

    def keywords(self, kind: str = "pages") -> dict[str, list[str]]:
        """page source path → its extra index words of one kind (`pages`, `also` or `each`), in file order,
        once each; a word a page has among `pages` is not repeated among its `also` or `each` words, nor an
        `also` word among its `each` words."""
        found: dict[str, dict[str, None]] = {}
        for intent in self.intents:
            for page in getattr(intent, kind):
                found.setdefault(page, {}).update(dict.fromkeys(intent.words))
        before = ("pages", "also", "each")[: ("pages", "also", "each").index(kind)]
        taken = [self.keywords(k) for k in before]
        found = {
            page: {w: None for w in words if not any(w in t.get(page, ()) for t in taken)}
            for page, words in found.items()
        }
        return {page: list(words) for page, words in found.items() if words}

    def meanings(self) -> dict[str, list[str]]:
        """typed word → the handbook's words searched instead (first entry wins)."""
        found: dict[str, list[str]] = {}
        for intent in self.intents:
            for word in intent.words if intent.means else ():
                found.setdefault(word, intent.means)
        return found


def with_phrases(table: Table, phrases: list[str], page: str) -> Table:
    """The table with every 忌语 phrase and variant (Han text only, 2 to 12 characters) as a word of `page`:
    a trainee who quotes what was said (「客户说产品有问题我说不可能」) asks whether it may be said, and the
    query cut then takes the phrase whole. A phrase the table already lists keeps its own pages."""
    taken = {w for intent in table.intents for w in intent.words}
    found = []
    for text in phrases:
        word = "".join(re.findall(r"[\u3400-\u9fff]+", text))
        if 2 <= len(word) <= 12 and word not in taken:
            found.append(word)
            taken.add(word)
    if not found:
        return table
    return Table(table.stop, [*table.intents, Intent(found, [page])])


def words(doc, value, path: tuple) -> list[str]:
    if not isinstance(value, list) or not value:
        raise doc.error(path, "应当是词语的列表，例如 [不方便, 没空]")
    out = []
    for i, word in enumerate(value):
        if not isinstance(word, str) or not WORD.match(word.strip()):
            raise doc.error(path + (i,), "每个词语应是 1 到 12 个汉字、字母或数字，不含空格和标点")
        out.append(word.strip())
    return out


def load(root: Path, pages: set[str] | None) -> Table:
    """The table of `root`, checked against the site's pages (None: not checked). Raises ContentError."""
    path = root / FILE
    if not path.is_file():
        return Table()
    doc = load_file(path, FILE, Limits(max_file_bytes=512 * 1024))
    data = doc.data
    if data is None:
        return Table()
    if not isinstance(data, dict):
        raise doc.error((), "search.yaml 的最外层应当是映射，包含 stop 和 synonyms")
    unknown = sorted(set(data) - {"stop", "synonyms"})
    if unknown:
        raise doc.error(
            (unknown[0],), f"未知的键 {unknown[0]}：只能写 stop（无意义的提问词）和 synonyms（同义词）", key=True
        )
    table = Table(stop=words(doc, data["stop"], ("stop",)) if "stop" in data else [])
    entries = data.get("synonyms") or []
    if not isinstance(entries, list):
        raise doc.error(("synonyms",), "synonyms 应当是列表，每项写 words 和 pages")
    for i, entry in enumerate(entries):
        where = ("synonyms", i)
        if (
            not isinstance(entry, dict)
            or set(entry) - {"words", "pages", "also", "means", "source", "note"}
            or "words" not in entry
            or ("pages" in entry) == ("means" in entry)
            or ("also" in entry and "pages" not in entry)
        ):
            raise doc.error(
                where,
                "每项应当有 words（读者会输入的词），以及 pages（回答它的页面，可另写 also：也相关、排在后面的页面）"
                "或 means（手册里的说法）之一，另写 source（出处）或 note（说明）",
            )
        why = [key for key in ("source", "note") if isinstance(entry.get(key), str) and entry[key].strip()]
        if not why:
            raise doc.error(where, "请写 source（读者这样说的出处）或 note（为什么这样对应，团队自定的说明）")
        span = doc.span(where)
        if "means" in entry:
            table.intents.append(
                Intent(
                    words(doc, entry["words"], where + ("words",)),
                    [],
                    span.line,
                    span.column,
                    means=words(doc, entry["means"], where + ("means",)),
                )
            )
            continue
        lists: dict[str, list[str]] = {}
        for key in ("pages", "also"):
            if key not in entry:
                continue
            targets = entry[key]
            if not isinstance(targets, list) or not targets or not all(isinstance(t, str) for t in targets):
                raise doc.error(where + (key,), f"{key} 应当是页面路径的列表，例如 [forbidden.md]")
            found: list[str] = []
            for j, target in enumerate(targets):
                if target.endswith("/"):
                    inside = sorted(p for p in pages or () if p.startswith(target) and p != target + "index.md")
                    if pages is not None and not inside:
                        raise doc.error(
                            where + (key, j), f"文件夹 {target} 里没有页面：请写网站中的文件夹，例如 scenarios/"
                        )
                    lists.setdefault("each", []).extend(inside)
                    continue
                if pages is not None and target not in pages:
                    raise doc.error(
                        where + (key, j),
                        f"找不到页面 {target}：请写网站中页面的路径，例如 forbidden.md、scenarios/场景标识.md",
                    )
                found.append(target)
            lists[key] = list(dict.fromkeys(found))
        table.intents.append(
            Intent(
                words(doc, entry["words"], where + ("words",)),
                lists["pages"],
                span.line,
                span.column,
                also=[t for t in lists.get("also", []) if t not in lists["pages"]],
                each=[
                    t for t in dict.fromkeys(lists.get("each", [])) if t not in lists["pages"] + lists.get("also", [])
                ],
            )
        )
    return table


def check(root: Path, pages: set[str] | None) -> tuple[Table, ContentError | None]:
    try:
        return load(root, pages), None
    except ContentError as error:
        return Table(), error
