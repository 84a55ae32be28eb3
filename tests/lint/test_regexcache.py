"""Compiled regexes kept between runs (huifang.regexcache): what comes back from the cache is the
regex `re.compile` makes, a damaged or foreign file is never trusted, and a shared folder is not used."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from huifang import regexcache
from huifang.kept import Kept
from huifang.lint.normalize import _DROP, _NEEDS_FOLD

PATTERNS = [
    (r"(?P<who>客服|坐席)[:：]\s*(.*)$", re.M),
    (r"您好.{0,12}?(?:请问|是)(?P<name>[王李张]\w{0,2})", 0),
    (r"[^\W_]+", 0),
    (r"(?i)hello|ＨＥＬＬＯ", 0),
    (_NEEDS_FOLD.pattern, 0),  # the normaliser's big character classes
    (_DROP.pattern, 0),
    ((rb"^(~|null|Null|NULL|)$"), 0),  # bytes: compiled by re, never kept
]
TEXTS = ["客服：您好，请问是王先生吗？\n坐席: 好的", "HELLO， ｗｏｒｌｄ 再见！", "", "x" * 50 + "您好，是李华"]


def fresh_state(monkeypatch, cache) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("HUIFANG_NO_CACHE", raising=False)
    monkeypatch.setattr(regexcache, "KEPT", Kept(regexcache.KEPT.name))
    monkeypatch.setattr(regexcache, "_MADE", {})


def same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, dict(a.groupindex)) == (b.pattern, b.flags, b.groups, dict(b.groupindex))
    for text in TEXTS:
        mark = "#"
        if isinstance(a.pattern, bytes):
            text, mark = text.encode(), b"#"
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
        assert [m.groups() for m in a.finditer(text)] == [m.groups() for m in b.finditer(text)]
        assert a.sub(mark, text) == b.sub(mark, text)


def test_a_kept_regex_is_the_one_re_compiles(tmp_path, monkeypatch):
    fresh_state(monkeypatch, tmp_path)
    first = [regexcache.compile(p, f) for p, f in PATTERNS]
    regexcache.KEPT.save()
    [kept] = (tmp_path / "huifang" / regexcache.KEPT.name).glob("*.marshal")
    fresh_state(monkeypatch, tmp_path)
    again = [regexcache.compile(p, f) for p, f in PATTERNS]
    assert len(regexcache.KEPT.entries) == len(PATTERNS) - 1 and not regexcache.KEPT.new  # all from the file
    for (pattern, flags), a, b in zip(PATTERNS, first, again):
        same(a, re.compile(pattern, flags))
        same(b, re.compile(pattern, flags))
    assert kept.stat().st_size > 0


@pytest.mark.parametrize(
    "damage",
    [b"", b"\x00garbage", b"not marshal at all" * 10, None],
    ids=["empty", "garbage", "text", "wrong code"],
)
def test_a_damaged_file_is_compiled_past(tmp_path, monkeypatch, damage):
    import marshal

    fresh_state(monkeypatch, tmp_path)
    regexcache.compile(*PATTERNS[0])
    regexcache.KEPT.save()
    [kept] = (tmp_path / "huifang" / regexcache.KEPT.name).glob("*.marshal")
    if damage is None:  # well-formed, but the engine code is wrong: _sre refuses it, re compiles
        entries = marshal.loads(kept.read_bytes())
        for key, (flags, code, *rest) in entries.items():
            entries[key] = (flags, [99999] * len(code), *rest)
        kept.write_bytes(marshal.dumps(entries))
    else:
        kept.write_bytes(damage)
    fresh_state(monkeypatch, tmp_path)
    same(regexcache.compile(*PATTERNS[0]), re.compile(*PATTERNS[0]))


def test_a_folder_others_can_write_is_not_used(tmp_path, monkeypatch):
    fresh_state(monkeypatch, tmp_path)
    regexcache.compile(*PATTERNS[1])
    regexcache.KEPT.save()
    folder = tmp_path / "huifang" / regexcache.KEPT.name
    os.chmod(folder, 0o777)
    fresh_state(monkeypatch, tmp_path)
    same(regexcache.compile(*PATTERNS[1]), re.compile(*PATTERNS[1]))
    assert regexcache.KEPT.path is None and regexcache.KEPT.entries == {}


def test_no_cache_means_no_file(tmp_path, monkeypatch):
    fresh_state(monkeypatch, tmp_path)
    monkeypatch.setenv("HUIFANG_NO_CACHE", "1")
    same(regexcache.compile(*PATTERNS[2]), re.compile(*PATTERNS[2]))
    regexcache.KEPT.save()
    assert not (tmp_path / "huifang" / regexcache.KEPT.name).exists()


def test_a_bad_pattern_raises_as_re_does(tmp_path, monkeypatch):
    fresh_state(monkeypatch, tmp_path)
    with pytest.raises(re.error):
        regexcache.compile("(unclosed")


def test_a_process_keeps_what_it_compiled_when_it_ends(tmp_path):
    """Written at exit: the next process finds every pattern the first compiled."""
    code = "from huifang import regexcache as r; r.compile('a+b', 0); print(len(r.KEPT.new), len(r.KEPT.entries))"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("HUIFANG_NO_CACHE", None)
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.split() == ["1", "0"]
    assert second.stdout.split() == ["0", "1"]


def test_a_subcommand_finds_the_regexes_its_last_run_compiled_through_re(tmp_path):
    """`prime`: PyYAML's module-level regexes, compiled by `re` in the first run, come from the kept
    compiled form in the next (already in re's cache when yaml is imported), and are the same regexes."""
    code = (
        "import re, sys\n"
        "from huifang import regexcache\n"
        "regexcache.prime('lint')\n"
        "before = len(re._cache)\n"
        "import yaml.reader, yaml.resolver\n"
        "from huifang.regexcache import _engine_args\n"
        "p = yaml.reader.Reader.NON_PRINTABLE\n"
        "print(before, _engine_args(p.pattern, p.flags)[0] == p.flags, p.search('ok\\x07') is not None)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("HUIFANG_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)]
    runs.append(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True))
    first, second = (run.stdout.split() for run in runs)
    assert first[1:] == second[1:] == ["True", "True"]
    assert int(second[0]) > int(first[0])  # yaml's regexes were in re's cache before yaml was imported
    [kept] = (tmp_path / "huifang").glob("re-lint-*/*.marshal")
    assert kept.stat().st_size > 0


def test_primed_regexes_match_as_re_compiles_them(tmp_path, monkeypatch):
    import marshal

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("HUIFANG_NO_CACHE", raising=False)
    strings = [(p, int(f)) for p, f in PATTERNS if isinstance(p, str)]
    folder = tmp_path / "huifang" / f"re-test-{regexcache._sre.MAGIC}-{regexcache._sre.CODESIZE}"
    folder.mkdir(parents=True, mode=0o700)
    (tmp_path / "huifang").chmod(0o700)
    name = Kept(folder.name)._where()
    assert name is not None
    with open(name, "wb") as out:
        marshal.dump({key: regexcache._engine_args(*key) for key in strings}, out)
    monkeypatch.setattr(re, "_cache", {})
    regexcache.prime("test")
    primed = [re._cache[(str, pattern, flags)] for pattern, flags in strings]  # type: ignore[attr-defined]
    assert all(re.compile(p, f) is regex for (p, f), regex in zip(strings, primed))  # from the cache
    re.purge()
    for (pattern, flags), regex in zip(strings, primed):
        same(regex, re.compile(pattern, flags))


def test_a_kept_file_stays_within_its_budget(tmp_path, monkeypatch):
    """Entries nobody asks for any more must not make every later run read more: the oldest go."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("HUIFANG_NO_CACHE", raising=False)
    for run in range(5):
        kept = Kept("budget-test", budget=50_000)
        kept.put(("run", run), b"x" * 20_000)
        kept.save()
    [file] = (tmp_path / "huifang" / "budget-test").glob("*.marshal")
    assert file.stat().st_size <= 50_000
    assert list(Kept("budget-test").all()) == [("run", 3), ("run", 4)]  # the newest that fit


# Shapes the first-character screen must get right (or leave alone): optional words, groups, lookarounds,
# repeats, alternatives that can be empty, anchors, negated classes, characters above U+FFFF.
SHAPES = [
    r"(?:请问)?(?:您|你)是(?:哪|谁|什么|那)|是否|找哪位|本人(?:支付|交易)",
    r"(?=[王李x×])(?:王|李|x{1,4}|×{1,4})(?![您你])先生",
    r"(?<=[，,])您好|你好",
    r"a*b|c",
    r"(?:a|)b",
    r"x?",
    r"^您好|再见",
    r"(?m:^#{1,6}[ \t])|方便",
    r"[^您]好|好的",
    r"\w+是|请问",
    r"(?:客服|专员)(?:是)?(?:小)?(?=[王李])[王李][\u4e00-\u9fff]{0,2}?(?=[^\w]|$)",
    r"[a-c]|(?=[\U00010000-\U0010ffff])[\U0001f600\U0001f601]",
    r"(?:(?!先生|女士)[^\W_]){2,10}(?=[，。]|$)",
]
SHAPE_TEXT = (
    "请问您是王先生吗？你好，李先生您好。是否方便？找哪位。本人支付。a b ab c x ×先生 😀# 标题\n客服是小王，好的再见"
)


def element_patterns() -> list[str]:
    from pathlib import Path

    from huifang.lint import standards
    from huifang.project import load_project

    project = load_project(Path(__file__).resolve().parents[2], scripts=[]).project
    out = []
    for standard in (project.greeting, project.closing):
        for kind in standards.KINDS:
            for element in standard.for_kind(kind).elements:
                out.append("|".join(standards._compile(p, ()) for p in element.patterns))
                if element.exclude:
                    out.append("|".join(standards._compile(p, ()) for p in element.exclude))
    return sorted(set(out))


def test_a_screened_regex_finds_what_re_finds(tmp_path, monkeypatch):
    """The first-character screen (regexcache._screened_code) skips only places where no match can start:
    every element pattern of the shipped standards and the shapes above find the same spans and groups,
    and substitute the same, on random texts of their own characters."""
    import random

    fresh_state(monkeypatch, tmp_path)
    elements = element_patterns()
    patterns = elements + SHAPES
    alphabet = sorted(set("".join(patterns) + SHAPE_TEXT) - set("\\()[]{}?*+|^$"))
    pick = random.Random(12).choice
    texts = [SHAPE_TEXT, ""] + ["".join(pick(alphabet) for _ in range(n % 60)) for n in range(300)]
    screened = 0
    for pattern in patterns:
        ours, theirs = regexcache.compile(pattern), re.compile(pattern)
        screened += pattern in elements and regexcache._engine_args(pattern, 0)[1] != stock_code(pattern)
        for text in texts:
            assert [(m.span(), m.groups()) for m in ours.finditer(text)] == [
                (m.span(), m.groups()) for m in theirs.finditer(text)
            ], (pattern, text)
            assert ours.sub("#", text) == theirs.sub("#", text)
    assert screened >= len(elements) // 2  # most element patterns are screened


def stock_code(pattern: str):
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, 0)
    return regexcache._words(_compiler._code(parsed, parsed.state.flags))
