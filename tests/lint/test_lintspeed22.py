"""Session 22's lint speed cut: a free-form file's NUL bytes are looked for in its bytes, not its decoded text.

`textfile.read` decides "binary file" (a NUL) and "UTF-16 without a BOM" (NULs at every other byte) from `b"\\x00" in
raw`; in UTF-8 the byte 0 encodes U+0000 and nothing else, so the answer is the decoded text's. Checked here against
the text's own answer on real files: every outcome (text, or the Chinese finding) is the one reading the text gives.
"""

from __future__ import annotations

import pytest
from huifang.lint import textfile
from huifang.lint.result import UsageError
from hypothesis import given, settings
from hypothesis import strategies as st


def _by_text(raw: bytes, display: str) -> str:
    """The reading of the code before the cut, for bytes that decode as UTF-8: NULs looked for in the text."""
    text = raw.decode("utf-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        len(raw) >= 4 and "\x00" in text and raw[1::2].count(0) > len(raw) // 4
    ):
        return "utf-16"
    if "\x00" in text:
        return "nul"
    return text[1:] if text.startswith("\ufeff") else text


def _read(tmp_path, raw: bytes) -> str:
    path = tmp_path / "s.txt"
    path.write_bytes(raw)
    try:
        return textfile.read(str(path), "s.txt")
    except UsageError as exc:
        message = str(exc)
        assert message.startswith("s.txt:1:1: ") and "\n" not in message
        return "utf-16" if "UTF-16" in message else "nul" if "NUL" in message else message


@pytest.mark.parametrize(
    "raw",
    [
        "客服：您好！请问是王先生吗？\n".encode(),
        "客服：您好\x00，再见\n".encode(),
        b"\x00" * 3,
        b"a\x00b\x00c\x00d\x00",  # ASCII written as UTF-16-LE without a BOM
        "您好".encode("utf-16-le"),  # not UTF-8: a finding either way
        b"\xef\xbb\xbf" + "您好\n".encode(),  # UTF-8 BOM dropped
        b"ab",
        b"",
    ],
)
def test_nul_and_utf16_answers_are_the_texts(tmp_path, raw):
    try:
        expected = _by_text(raw, "s.txt")
    except UnicodeDecodeError:
        with pytest.raises(UsageError):
            textfile.read(str(_write(tmp_path, raw)), "s.txt")
        return
    assert _read(tmp_path, raw) == expected


def _write(tmp_path, raw: bytes):
    path = tmp_path / "s.txt"
    path.write_bytes(raw)
    return path


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["\x00", "a", "b", "您", "好", "\n", "\ufeff", "\x01", "Ā"]), max_size=24))
def test_any_text_reads_as_before(tmp_path_factory, text):
    raw = text.encode()
    assert _read(tmp_path_factory.mktemp("t"), raw) == _by_text(raw, "s.txt")
