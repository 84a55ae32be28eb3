"""Traditional → Simplified without loading OpenCC for a text it would not change (huifang.lint.simplified):
the characters read from the installed dictionaries are every one OpenCC changes, and a text without
them is what OpenCC returns for it."""

from __future__ import annotations

import sys
from pathlib import Path

import opencc
import pytest
from huifang.kept import Kept
from huifang.lint import simplified

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def converter():
    return opencc.OpenCC("t2s.json")


def test_every_character_opencc_changes_is_known(converter):
    changing = simplified.changing_characters()
    assert changing is not None  # this install's dictionaries can be read
    every = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF and c != 0x0A]
    converted = converter.convert("\n".join(every)).split("\n")  # no entry spans a line break
    assert len(converted) == len(every)
    changed = [c for c, out in zip(every, converted) if out != c]
    assert len(changed) > 1000
    assert [c for c in changed if changing.search(c) is None] == []


def test_the_screen_holds_every_character_they_find():
    """t2s asks the one-class screen first: whatever the two-branch regex finds, the screen must find too."""
    changing = simplified.changing_characters()
    assert changing is not None
    screen = simplified._screen(changing)
    every = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    assert [c for c in every if changing.search(c) is not None and screen.search(c) is None] == []
    assert screen.search("\U0001f600") is not None  # any character above U+FFFF: then asked of `changing`
    assert screen.search("您们从来没有这种事，谢谢") is None


def test_text_above_the_basic_plane_is_converted_as_opencc_does(converter):
    for text in ("這種事\U0001f600", "\U0001f600这种事", "\U00020000這", "\U00020000这"):
        assert simplified.t2s(text) == converter.convert(text)


def texts() -> list[Path]:
    folders = [
        "content",
        "scripts_src",
        "bench/realworld/scripts",
        "bench/realworld/heldout2",
        "bench/realworld/heldout3",
    ]
    return sorted(p for f in folders for p in (REPO / f).rglob("*") if p.suffix in (".yaml", ".md", ".txt"))


def test_a_text_without_them_is_what_opencc_returns(converter):
    changing = simplified.changing_characters()
    assert changing is not None
    skipped = 0
    for path in texts():
        text = path.read_text(encoding="utf-8", errors="replace")
        for piece in [text, *text.splitlines()]:
            assert simplified.t2s(piece) == converter.convert(piece), path
            if changing.search(piece) is None:
                skipped += 1
    assert skipped > 1000  # most lines never load OpenCC


def test_traditional_text_is_converted():
    assert simplified.t2s("您們從來沒有這種事，謝謝") == "您们从来没有这种事，谢谢"
    assert simplified.t2s("乾隆皇帝") == "乾隆皇帝"  # a phrase entry that keeps a character the table would change


def test_without_readable_dictionaries_every_text_goes_through_opencc(monkeypatch):
    monkeypatch.setattr(simplified, "_share", lambda: None)
    simplified.changing_characters.cache_clear()
    try:
        assert simplified.changing_characters() is None
        assert simplified.t2s("這種事") == "这种事"
        assert simplified.t2s("这种事") == "这种事"
    finally:
        simplified.changing_characters.cache_clear()


def test_the_characters_are_read_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("HUIFANG_NO_CACHE", raising=False)
    monkeypatch.setattr(simplified, "KEPT", Kept("t2s"))
    simplified.changing_characters.cache_clear()
    try:
        first = simplified.changing_characters()
        simplified.KEPT.save()
        assert list((tmp_path / "huifang" / "t2s").glob("*.marshal"))
        monkeypatch.setattr(simplified, "KEPT", Kept("t2s"))
        monkeypatch.setattr(simplified, "_read_dictionaries", lambda share: pytest.fail("read again"))
        simplified.changing_characters.cache_clear()
        assert simplified.changing_characters() == first
    finally:
        simplified.changing_characters.cache_clear()
