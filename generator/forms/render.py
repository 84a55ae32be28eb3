"""HTML to PDF bytes with WeasyPrint, made small and reproducible.

WeasyPrint subsets fonts but keeps every glyph id up to the highest one used, so a page with
forty Chinese characters of Noto Sans CJK still embeds ~150 KB of empty glyph slots per face.
Noto Sans CJK is a CID-keyed CFF font whose CIDs are what the page content refers to, so the
finisher re-subsets each embedded face down to the glyphs used and embeds the bare CFF
(`/CIDFontType0C`): the CFF charset keeps each glyph's CID, the content stream stays valid, and a
one-page form drops from ~230 KB to ~20 KB. `cff.py` does the cut in a few milliseconds.
"""

from __future__ import annotations

import io
import logging
import struct

import pydyf
import weasyprint
from fontTools import subset
from fontTools.ttLib import TTFont
from huifang.forms import cff as fast_cff

# WeasyPrint logs CSS it ignores at WARNING; the forms' CSS is ours and checked by tests.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def compact_fonts(document, pdf) -> None:
    """WeasyPrint finisher: shrink each embedded CID-keyed CFF face to the glyphs the PDF uses."""
    used: dict[int, set[int]] = {}
    skip: set[int] = set()
    for font in document.fonts.values():
        key = id(font.file_content)
        if font.used_in_forms:  # form fields need every glyph for typing
            skip.add(key)
        used.setdefault(key, set()).update(font.widths, font.to_unicode)
    for obj in pdf.objects:
        if not (isinstance(obj, pydyf.Stream) and obj.extra.get("Subtype") == "/OpenType" and len(obj.stream) == 1):
            continue
        key = id(obj.stream[0])
        if key in skip or key not in used:
            continue
        try:
            cff = fast_cff.subset(obj.stream[0], used[key])
        except (fast_cff.Unsupported, struct.error, IndexError, ValueError):
            cff = bare_cff(obj.stream[0], used[key])
        if cff is not None:
            obj.stream = [cff]
            obj.extra["Subtype"] = "/CIDFontType0C"


def bare_cff(data: bytes, gids: set[int]) -> bytes | None:
    """The same with fontTools (slower; for fonts the fast path is unsure about)."""
    try:
        font = TTFont(io.BytesIO(data), lazy=False)
        if "CFF " not in font or not hasattr(font["CFF "].cff.topDictIndex[0], "ROS"):
            return None
        options = subset.Options(retain_gids=False, hinting=False, desubroutinize=True, notdef_outline=True,
                                 name_IDs=[], layout_features=[], glyph_names=False)
        options.drop_tables += ["GSUB", "GPOS", "BASE", "VORG", "vhea", "vmtx"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(gids=sorted(gids | {0}))
        subsetter.subset(font)
        return font["CFF "].compile(font)
    except Exception:  # keep WeasyPrint's own (bigger but valid) subset
        return None


def to_pdf(html: str, *, fillable: bool = False) -> tuple[bytes, int]:
    """The PDF and its page count."""
    document = weasyprint.HTML(string=html, base_url=None).render(pdf_forms=fillable)
    data = document.write_pdf(pdf_identifier=True, pdf_forms=fillable, finisher=compact_fonts)
    return data, len(document.pages)
