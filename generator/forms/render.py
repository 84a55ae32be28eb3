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
from fontTools import subset
from fontTools.ttLib import TTFont
from huifang.forms import cff as fast_cff
from huifang.forms.libfind import quick_find_library

with quick_find_library():  # its libraries found from one ldconfig run, not ≈ 54 processes (libfind.py)
    import weasyprint

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
        cff: bytes | None
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
        options = subset.Options(
            retain_gids=False,
            hinting=False,
            desubroutinize=True,
            notdef_outline=True,
            name_IDs=[],
            layout_features=[],
            glyph_names=False,
        )
        options.drop_tables += ["GSUB", "GPOS", "BASE", "VORG", "vhea", "vmtx"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(gids=sorted(gids | {0}))
        subsetter.subset(font)
        return font["CFF "].compile(font)
    except Exception:  # keep WeasyPrint's own (bigger but valid) subset
        return None


FIELD_FONT = "HFSong"
FIELD_SIZE = 10


def field_font(pdf) -> pydyf.Dictionary:
    """STSong-Light, one of the standard Chinese fonts every PDF viewer provides (never embedded)."""
    descriptor = pydyf.Dictionary(
        {
            "Type": "/FontDescriptor",
            "FontName": "/STSong-Light",
            "Flags": 6,
            "ItalicAngle": 0,
            "FontBBox": pydyf.Array([-25, -254, 1000, 880]),
            "Ascent": 880,
            "Descent": -120,
            "CapHeight": 880,
            "StemV": 80,
        }
    )
    pdf.add_object(descriptor)
    cid = pydyf.Dictionary(
        {
            "Type": "/Font",
            "Subtype": "/CIDFontType0",
            "BaseFont": "/STSong-Light",
            "DW": 1000,
            "CIDSystemInfo": pydyf.Dictionary(
                {"Registry": pydyf.String("Adobe"), "Ordering": pydyf.String("GB1"), "Supplement": 4}
            ),
            "FontDescriptor": descriptor.reference,
        }
    )
    pdf.add_object(cid)
    font = pydyf.Dictionary(
        {
            "Type": "/Font",
            "Subtype": "/Type0",
            "BaseFont": "/STSong-Light",
            "Encoding": "/UniGB-UCS2-H",
            "DescendantFonts": pydyf.Array([cid.reference]),
        }
    )
    pdf.add_object(font)
    return font


def chinese_fields(pdf) -> None:
    """Typed text in the fields is drawn in a standard Chinese font the viewer has, not an embedded one."""
    form = pdf.catalog.get("AcroForm")
    if form is None:
        return
    font = field_font(pdf)
    form["DR"] = pydyf.Dictionary({"Font": pydyf.Dictionary({FIELD_FONT: font.reference})})
    appearance = pydyf.String(f"/{FIELD_FONT} {FIELD_SIZE} Tf 0 g")
    form["DA"] = appearance
    for obj in pdf.objects:
        if isinstance(obj, pydyf.Dictionary) and obj.get("FT") == "/Tx":
            obj["DA"] = appearance


def finish(document, pdf) -> None:
    compact_fonts(document, pdf)
    chinese_fields(pdf)


def to_pdf(html: str, *, fillable: bool = False) -> tuple[bytes, int]:
    """The PDF and its page count."""
    document = weasyprint.HTML(string=html, base_url=None).render(pdf_forms=fillable)
    data = document.write_pdf(pdf_identifier=True, pdf_forms=fillable, finisher=finish)
    return data, len(document.pages)


def first_fit(variants: list[str], one_page: bool, fillable: bool) -> tuple[bytes, int]:
    """The first variant that fits (every variant fits unless one_page), with its page count."""
    data, pages = b"", 0
    for source in variants:
        data, pages = to_pdf(source, fillable=fillable)
        if not one_page or pages <= 1:
            break
    return data, pages
