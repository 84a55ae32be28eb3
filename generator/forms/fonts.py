"""Find the CJK font the forms are printed in and check it covers every character.

WeasyPrint asks fontconfig for "Noto Sans CJK SC"; fontconfig always answers with *some* font, so
without this check a machine lacking fonts-noto-cjk prints forms full of empty boxes. We ask
fontconfig the same question (`fc-match`), insist the answer really is a CJK font, and read its
cmap with fontTools to list the characters it cannot draw.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FAMILY = "Noto Sans CJK SC"
INSTALL_HINT = "请安装 Noto Sans CJK 字体：apt-get install fonts-noto-cjk（Debian/Ubuntu），然后重试"
# Characters that must be present for a font to count as a Chinese font at all.
PROBE = "回访记录表客户满意"
# Whitespace and controls are laid out, not drawn.
NOT_DRAWN = frozenset("\n\r\t \u00a0\u3000\u200b")


class FontError(Exception):
    """No usable CJK font: printing would give empty boxes."""


@dataclass(frozen=True)
class FontFace:
    path: str
    index: int
    family: str
    size: int
    mtime_ns: int

    @property
    def identity(self) -> str:
        """Changes whenever the font file does: part of every cache key."""
        return f"{self.path}#{self.index}:{self.size}:{self.mtime_ns}"


def fontconfig_env() -> tuple:
    """The environment that decides what fontconfig finds (a cache key for lookups)."""
    return tuple(os.environ.get(k, "") for k in ("FONTCONFIG_FILE", "FONTCONFIG_PATH", "XDG_DATA_HOME", "HOME"))


def find_face(family: str = FAMILY) -> FontFace:
    return _find_face(family, fontconfig_env())


@lru_cache(maxsize=8)
def _find_face(family: str, _env: tuple) -> FontFace:
    exe = shutil.which("fc-match")
    if exe is None:
        raise FontError("找不到 fc-match（fontconfig），无法确认中文字体：apt-get install fontconfig fonts-noto-cjk")
    try:
        out = subprocess.run(
            [exe, "--format=%{file}\n%{index}\n%{family}", family],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise FontError(f"无法运行 fc-match：{exc}；{INSTALL_HINT}") from exc
    parts = out.split("\n")
    path = parts[0].strip() if parts else ""
    if not path or not Path(path).is_file():
        raise FontError(f"找不到中文字体 {family}：{INSTALL_HINT}")
    index = int(parts[1]) if len(parts) > 1 and parts[1].strip().isdigit() else 0
    found_family = parts[2].split(",")[0].strip() if len(parts) > 2 else ""
    stat = Path(path).stat()
    face = FontFace(path, index, found_family, stat.st_size, stat.st_mtime_ns)
    if "CJK" not in found_family:
        raise not_chinese(face)
    return face


def not_chinese(face: FontFace) -> FontError:
    return FontError(
        f"找不到中文字体 {FAMILY}（fontconfig 给出的是「{face.family or face.path}」，"
        f"不含中文字形，打印出来会是空白方框）：{INSTALL_HINT}"
    )


def require_chinese(face: FontFace) -> None:
    """The face really draws Chinese (reads its cmap: done only when something is to be rendered)."""
    if missing(face, PROBE):
        raise not_chinese(face)


@lru_cache(maxsize=4)
def coverage(face: FontFace) -> frozenset[int]:
    """Code points the face can draw (read once per process; the cmap of a CJK face is large)."""
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(face.path, fontNumber=face.index, lazy=True)
        return frozenset(font.getBestCmap() or ())
    except Exception as exc:  # a damaged font file is an environment problem, not a bug
        raise FontError(f"无法读取字体文件 {face.path}：{exc}；{INSTALL_HINT}") from exc


def missing(face: FontFace, text: str) -> list[str]:
    """Characters of `text` the face cannot draw, in first-seen order."""
    covered = coverage(face)
    seen: dict[str, None] = {}
    for ch in text:
        if ch not in NOT_DRAWN and ord(ch) not in covered and ch not in seen:
            seen[ch] = None
    return list(seen)


FIELD_FAMILY = "HuifangField"
FIELD_FONT_VERSION = "field-font-1"  # part of the cache key: change it when field_font_css() changes


@lru_cache(maxsize=1)
def field_font_css() -> str:
    """`@font-face` for the form fields: a two-glyph font in a data URI.

    WeasyPrint embeds the font of a field whole. The fields are empty when printed, and a viewer
    draws typed text with the field's own font (set by the finisher in render.py), so the font
    WeasyPrint sees only has to exist: a few hundred bytes instead of a 16 MB CJK face.
    """
    import base64
    import io

    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "space"])
    builder.setupCharacterMap({0x20: "space"})
    empty = TTGlyphPen(None).glyph()
    builder.setupGlyf({".notdef": empty, "space": empty})
    builder.setupHorizontalMetrics({".notdef": (500, 0), "space": (500, 0)})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": FIELD_FAMILY, "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    builder.updateHead(created=0, modified=0)
    buffer = io.BytesIO()
    builder.save(buffer)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'@font-face {{ font-family: "{FIELD_FAMILY}"; src: url("data:font/ttf;base64,{data}"); }}'
