"""The 术语表 (content/glossary.yaml): terms with the seed's own definition, or, where the seed gives
none, how the seed uses the term. Pages that use a term link to it at their end."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from huifang.yamlload import Limits, load_file

FILE = "content/glossary.yaml"
KEYS = {"term", "definition", "usage", "source"}


@dataclass
class Term:
    term: str
    definition: str | None
    usage: str
    source: str

    @property
    def anchor(self) -> str:
        return "term-" + "-".join(f"{ord(c):x}" for c in self.term)


def load(root: Path) -> list[Term]:
    """The glossary of `root` (empty without the file). Raises ContentError (path:line:col)."""
    path = root / FILE
    if not path.is_file():
        return []
    doc = load_file(path, FILE, Limits(max_file_bytes=512 * 1024))
    if doc.data is None:
        return []
    if not isinstance(doc.data, dict) or set(doc.data) != {"terms"} or not isinstance(doc.data["terms"], list):
        raise doc.error((), "glossary.yaml 的最外层应当只有 terms（术语列表）")
    terms, seen = [], set()
    for i, entry in enumerate(doc.data["terms"]):
        where = ("terms", i)
        if not isinstance(entry, dict) or not {"term", "source"} <= set(entry) or set(entry) - KEYS:
            raise doc.error(where, "每个术语应写 term、source，以及 definition（原文定义）或 usage（原文用法）")
        for key in KEYS & set(entry):
            if entry[key] is not None and not (isinstance(entry[key], str) and entry[key].strip()):
                raise doc.error(where + (key,), f"{key} 应当是文字")
        if not entry.get("definition") and not entry.get("usage"):
            raise doc.error(where, "规范没有给出定义时（definition: null），要在 usage 里照录规范怎么用这个词")
        if entry["term"] in seen:
            raise doc.error(where + ("term",), f"术语 {entry['term']} 重复")
        seen.add(entry["term"])
        terms.append(Term(entry["term"].strip(), entry.get("definition"), entry.get("usage") or "", entry["source"]))
    return terms
