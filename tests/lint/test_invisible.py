"""A character a reader does not see as a letter or number never hides a forbidden phrase.

The cases are generated from the Unicode database per general category (every category that is not a
letter or number, and the letters that are blank fillers), not listed by hand: each test takes every
code point of its category (through the normaliser; an even 20,000 of the unassigned and private-use
ones) or an even sample of it (through `huifang lint`
in .txt, .md and YAML), planted inside 你自己想办法. Surrogates (Cs) are left out: no decoded file can
hold one.
"""

from __future__ import annotations

import shutil
import sys
import unicodedata
from functools import lru_cache

import pytest
import yaml
from huifang.lint.api import lint_paths
from huifang.lint.normalize import drop_in_lines, fold, kept
from huifang.yamlload import CONTROL_CHARS, HIDDEN_CHARS

from tests.lint.conftest import PROJ

PHRASE = "你自己想办法"
FILLER = "Lo (named … FILLER)"


@lru_cache(maxsize=1)
def by_category() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        category = unicodedata.category(ch)
        if category[0] in "LN":
            if category == "Lo" and unicodedata.name(ch, "").endswith(" FILLER"):
                out.setdefault(FILLER, []).append(ch)
            continue
        shape = unicodedata.normalize("NFKC", ch)
        if len(shape) == 1 and unicodedata.category(shape)[0] in "LN":
            continue  # a letter or number in another shape (Ⓐ, ｱ): folded to it, not dropped
        if category != "Cs":
            out.setdefault(category, []).append(ch)
    return out


CATEGORIES = sorted(by_category())


def test_every_category_but_letters_and_numbers_is_covered():
    assert {"Cc", "Cf", "Cn", "Co", "Mn", "Mc", "Me", "Zs", "Zl", "Zp", "So", "Sk", "Po", FILLER} <= set(CATEGORIES)
    assert len(by_category()[FILLER]) >= 4  # U+115F, U+1160, U+3164, U+FFA0 in Unicode 14


@pytest.mark.parametrize("category", CATEGORIES)
def test_whole_category_is_dropped_inside_a_phrase_and_positions_stay(category):
    chars = [c for c in by_category()[category] if c != "\n"]
    chars = chars[:: max(1, len(chars) // 20_000)]  # Cn and Co: 825,000 and 137,000 code points
    lines = [PHRASE[:3] + c + PHRASE[3:] for c in chars]
    text = "\n".join(lines)
    found = drop_in_lines(fold(text)).split("\n")
    wrong = [f"U+{ord(c):04X}" for c, got in zip(chars, found) if got != PHRASE]
    assert not wrong, (category, wrong[:20], len(wrong))
    # Each line's phrase characters keep their own index in the original text; the planted one and
    # the newline are gone.
    expected = [at + i for n in range(len(lines)) for at in (n * 8,) for i in (0, 1, 2, 4, 5, 6)]
    assert kept(text) == expected


def sample(chars: list[str], most: int = 120) -> list[str]:
    chars = [
        c for c in chars if len(f"a{c}b".splitlines()) == 1
    ]  # line breaks: how lines are counted is another matter
    step = max(1, len(chars) // most)
    return chars[::step]


def yaml_accepts(ch: str) -> bool:
    """Whether `huifang check` takes the character in a YAML text at all (it refuses control and
    bidirectional-override characters with one clear line: tests/hostile.py)."""
    return not (
        yaml.reader.Reader.NON_PRINTABLE.search(ch)
        or HIDDEN_CHARS.search(ch)
        or CONTROL_CHARS.search(ch)
        or ch == "\ufeff"
    )


def _yaml_quoted(ch: str) -> str:
    return "\\" + ch if ch in '"\\' else ch


@pytest.fixture(scope="module")
def linted(tmp_path_factory):
    """One project with, per category, a .txt, a .md and a YAML script (one planted character a line),
    linted in one run: {file: {line: [(column, end column)]}} of forbidden-phrase findings."""
    root = tmp_path_factory.mktemp("invisible") / "proj"
    shutil.copytree(PROJ, root)
    planted: dict[str, list[str]] = {}
    for n, category in enumerate(CATEGORIES):
        every = sample(by_category()[category])
        chars = [c for c in every if c != "\0"]  # a file with NUL is refused as binary, with one line
        body = "".join(f"客服：{PHRASE[:3]}{c}{PHRASE[3:]}\n" for c in chars)
        for suffix in ("txt", "md"):
            (root / "scripts_src" / f"c{n}.{suffix}").write_text(body, encoding="utf-8")
            planted[f"scripts_src/c{n}.{suffix}"] = chars
        ok = [c for c in every if yaml_accepts(c)]
        steps = "".join(f'  - say: "{PHRASE[:3]}{_yaml_quoted(c)}{PHRASE[3:]}"\n' for c in ok)
        if ok:
            (root / "scripts_src" / f"c{n}.yaml").write_text(
                f"id: c{n}\ntitle: 话术\nsteps:\n{steps}", encoding="utf-8"
            )
            planted[f"scripts_src/c{n}.yaml"] = ok
    found: dict[str, dict[int, list]] = {}
    for p in lint_paths(root, [root / "scripts_src"]).problems:
        if p.rule == "forbidden-phrase":
            found.setdefault(p.path, {}).setdefault(p.line, []).append((p.column, p.end_column))
    return planted, found


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("suffix", ["txt", "md", "yaml"])
def test_whole_category_inside_a_phrase_is_linted(linted, category, suffix):
    planted, found = linted
    name = f"scripts_src/c{CATEGORIES.index(category)}.{suffix}"
    chars = planted.get(name, [])
    if suffix == "yaml":
        first, column = 4, 11  # after the three header lines; after `  - say: "`
    else:
        first, column = 1, 4  # after 客服：
    missed = [
        f"U+{ord(c):04X}" for i, c in enumerate(chars) if found.get(name, {}).get(first + i) != [(column, column + 7)]
    ]
    assert not missed, (name, category, missed[:20], len(missed))


def test_a_character_and_its_folded_form_are_dropped_alike():
    # kept() finds dropped characters in the original text: folding (NFKC, lower case, t2s) must never
    # turn a dropped character into a kept one or the other way round.
    from huifang.lint.normalize import FOLD, t2s

    def dropped(text: str) -> list[bool]:
        keep = set(kept(text))
        return [i not in keep for i in range(len(text))]

    sources = "".join(chr(c) for c in FOLD)
    assert dropped(sources) == dropped("".join(FOLD.values()))
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    converted = t2s(every)
    assert len(converted) == len(every) and dropped(converted) == dropped(every)


def test_tables_are_kept_only_where_nobody_else_writes(tmp_path, monkeypatch):
    import marshal
    import os

    from huifang.kept import Kept
    from huifang.lint import normalize

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("HUIFANG_NO_CACHE", raising=False)
    fold, full = normalize._tables()
    dropped = normalize._dropped()
    classes = (
        normalize._char_class(chr(c) for c in fold),
        normalize._class(dropped, high=0xFFFF),
        normalize._class(dropped, high=0xFFFF, without="\n"),
    )
    expected = (fold, full, dropped, classes)
    assert expected == (normalize.FOLD, normalize.TABLE, normalize.DROPPED, normalize._CLASSES)
    assert normalize._DROP.pattern == classes[1] + "+"
    monkeypatch.setattr(normalize, "KEPT", Kept("normalize"))
    assert normalize.tables() == expected
    normalize.KEPT.save()
    [kept] = (tmp_path / "huifang" / "normalize").glob("*.marshal")
    [(key, value)] = marshal.loads(kept.read_bytes()).items()
    assert value == expected
    monkeypatch.setattr(normalize, "KEPT", Kept("normalize"))
    assert normalize.tables() == expected and not normalize.KEPT.new  # read back, not worked out again
    wrong = ({}, {}, [(0, 0x10FFFF)], ("[x]", "[x]", "[x]"))  # well-formed: drop everything
    for bad in (
        b"",
        b"\x00garbage",
        marshal.dumps({key: "x"}),
        marshal.dumps({key: ({}, {}, [(5, 1)], classes)}),
        marshal.dumps({key: ({}, {}, [], ("x", 1, None))}),
    ):
        kept.write_bytes(bad)
        monkeypatch.setattr(normalize, "KEPT", Kept("normalize"))
        assert normalize.tables() == expected
    kept.write_bytes(marshal.dumps({key: wrong}))
    os.chmod(kept.parent, 0o777)
    monkeypatch.setattr(normalize, "KEPT", Kept("normalize"))
    assert normalize.tables() == expected  # a folder others may write to is not read
