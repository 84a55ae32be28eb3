"""Documents to HTML: a sandboxed, autoescaping Jinja2 environment over templates/forms/.

Every string from YAML is data. Autoescape turns `<script>` into text and the sandbox means
nothing in a template can reach into Python; `{{ }}` inside YAML is never evaluated because YAML
values are passed as context, not compiled as templates.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import re
from functools import lru_cache
from pathlib import Path

from huifang import __version__
from huifang.forms.views import Doc
from huifang.templates import FORMS  # templates/, a package mypy does not see: FORMS is Any to it
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

TEMPLATES: Path = FORMS
CSS_FILE = "print.css"
TEMPLATE_OF = {"form": "form.html.j2", "sheet": "sheet.html.j2", "desk": "desk.html.j2", "guide": "guide.html.j2"}
DENSITIES = ("", "dense", "denser")


@lru_cache(maxsize=2)
def environment(root: Path = TEMPLATES) -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=FileSystemLoader(str(root)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@lru_cache(maxsize=2)
def stylesheet(root: Path = TEMPLATES) -> str:
    return (root / CSS_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=2)
def templates_digest(root: Path = TEMPLATES) -> str:
    """Changes when any template or the CSS does (part of the cache key of every PDF)."""
    digest = hashlib.sha256()
    for path in sorted(root.iterdir()):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def render(doc: Doc, *, fillable: bool = False, created: str = "", density: str = "", extra_css: str = "") -> str:
    env = environment()
    context = {
        "kind": doc.kind,
        "title": doc.title,
        "org": doc.org,
        "number": doc.number,
        "footer": doc.footer,
        "wide": doc.wide,
        **doc.data,
    }
    return env.get_template(TEMPLATE_OF[doc.kind]).render(
        doc=context,
        fillable=fillable,
        created=created,
        density=density,
        css=stylesheet() + extra_css,
        version=__version__,
    )


_STYLE = re.compile(r"<style>.*?</style>|<title>.*?</title>", re.S)
_TAG = re.compile(r"<[^>]*>")


def printed_text(html: str) -> str:
    """The characters a reader will see on paper (everything outside tags, entities decoded)."""
    return htmllib.unescape(_TAG.sub(" ", _STYLE.sub(" ", html)))
