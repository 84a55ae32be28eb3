"""huifang's built-in page and form templates (installed as package data of `huifang.templates`)."""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent
PAGES = FOLDER / "pages"
FORMS = FOLDER / "forms"
