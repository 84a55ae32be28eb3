"""YAML text is data, never markup.

Everything a supervisor writes reaches the page through `md()` (for Markdown contexts: headings,
tables, list items, paragraphs) or Jinja2 autoescaping (for HTML). `md()` HTML-escapes and then
turns every character Markdown or its extensions could read as syntax into a numeric character
reference, so `*强调*`, `[链接](javascript:…)`, `<script>` and `{{ }}` all reach the reader literally.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# Characters with a meaning somewhere in Python-Markdown or the pymdownx extensions we enable.
SPECIAL = set("\\`*_{}[]()#+-.!|~^=:<>&\"'$%@")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
PH_OPEN, PH_CLOSE = "\ue000", "\ue001"  # private-use marks around an agent placeholder


TABLE: dict[int, str | None] = {ord(ch): f"&#{ord(ch)};" for ch in SPECIAL}
TABLE.update({ord("\r"): " ", ord("\t"): " ", ord(PH_OPEN): None, ord(PH_CLOSE): None})


def md(value, *, newlines: str = "<br>") -> Markup:
    """Escape a value for any inline Markdown context (one line; newlines become `<br>`)."""
    text = CONTROL.sub("", "" if value is None else str(value))
    return Markup(text.translate(TABLE).replace("\n", newlines).strip())


def md_marked(value) -> Markup:
    """Like `md`, keeping placeholder marks made by `compose.fill(mark=…)` as highlighted spans."""
    text = CONTROL.sub("", "" if value is None else str(value))
    parts = re.split(f"{PH_OPEN}(.*?){PH_CLOSE}", text)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f'<span class="hf-ph" title="由坐席现场填写">（{md(part)}）</span>')
        else:
            out.append(str(md(part)))
    return Markup("".join(out))


def mark_placeholder(name: str) -> str:
    return f"{PH_OPEN}{name}{PH_CLOSE}"


def attr(value) -> Markup:
    """Escape for a double-quoted HTML attribute or a pymdownx.tabbed title."""
    return md(value, newlines=" ")


# every character outside letters, digits, CJK and common punctuation, and the full-width brackets and colons
MERMAID_RISKY = re.compile(
    r"[^\w\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e\u2018-\u201d …·、，。？！：；（）]|[（）：；]"
)


def _entity(match: re.Match) -> str:
    return f"#{ord(match.group())};"


def mermaid(value, limit: int = 28) -> str:
    """A Mermaid node label: bounded, with every risky character as a Mermaid entity code (#NN;)."""
    text = re.sub(r"\s+", " ", CONTROL.sub("", "" if value is None else str(value))).strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return MERMAID_RISKY.sub(_entity, text) or " "
