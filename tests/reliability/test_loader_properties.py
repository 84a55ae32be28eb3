"""Properties of the loader: it never crashes, and positions always point at the character written."""

from __future__ import annotations

from pathlib import Path

import yaml
from huifang.model import Text
from huifang.problems import ContentError
from huifang.validate import validate_document
from huifang.yamlload import decode, load_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
YAMLISH = st.text(
    alphabet=st.sampled_from(list("abc:- \n\t[]{}&*!|>'\"#%@`,?~\\") + list("您好客户回访，。！")), max_size=200
)
HAN = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=30)
PUNCT = st.sampled_from(["，", "。", "！", "？", "：", "、", "（", "）"])


@SETTINGS
@given(YAMLISH)
def test_any_text_loads_or_fails_cleanly(text):
    try:
        doc = load_document(text, Path("x.yaml"), "x.yaml")
    except ContentError as exc:
        assert exc.problem.line >= 1 and exc.problem.column >= 1 and "\n" not in exc.problem.message
        return
    for kind in ("org", "script", "scenario", "form"):
        for problem in validate_document(doc, kind):
            assert problem.line >= 1 and "\n" not in problem.message


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_fail_cleanly(raw):
    try:
        decode(raw, "x.yaml")
    except ContentError as exc:
        assert exc.problem.line >= 1 and exc.problem.column >= 1


SENTENCE = st.lists(st.one_of(HAN, PUNCT), min_size=1, max_size=8).map("".join)


def styled(value: str, style: str) -> str:
    if style == "plain":
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    if style == "double":
        return '"' + value + '"'
    return "|-\n" + "".join(f"      {line}\n" for line in value.split("\n"))


@SETTINGS
@given(
    st.lists(SENTENCE, min_size=1, max_size=3),
    st.sampled_from(["plain", "single", "double", "literal"]),
    st.integers(min_value=0, max_value=5),
    st.booleans(),
    st.data(),
)
def test_every_character_maps_back_to_its_source(lines, style, indent_lines, crlf, data):
    value = "\n".join(lines) if style == "literal" else lines[0]
    source = "# 注释\n" * indent_lines + "id: x\nsteps:\n  - say: " + styled(value, style) + "\n"
    if crlf:
        source = source.replace("\n", "\r\n")
    doc = load_document(source, Path("x.yaml"), "x.yaml")
    assert doc.data["steps"][0]["say"] == value
    text = Text(value, doc, ("steps", 0, "say"))
    source_lines = source.split("\r\n" if crlf else "\n")
    offset = data.draw(st.integers(min_value=0, max_value=len(value) - 1))
    if value[offset] == "\n":
        return
    line, column = text.where(offset)
    assert source_lines[line - 1][column - 1] == value[offset]


@SETTINGS
@given(
    st.dictionaries(
        st.text(alphabet="abcxyz_", min_size=1, max_size=6),
        st.one_of(SENTENCE, st.integers(), st.booleans(), st.lists(SENTENCE, max_size=3)),
        min_size=1,
        max_size=6,
    )
)
def test_plain_data_round_trips(data):
    dumped = yaml.safe_dump(data, allow_unicode=True)
    assert load_document(dumped, Path("x.yaml"), "x.yaml").data == data


KEYS = st.sampled_from(
    [
        "id",
        "title",
        "name",
        "steps",
        "say",
        "ask",
        "customer",
        "note",
        "branch",
        "cases",
        "close",
        "questions",
        "text",
        "answer",
        "type",
        "options",
        "opening",
        "closings",
        "convenience",
        "yes",
        "no",
        "timing",
        "sections",
        "fields",
        "label",
        "table",
        "columns",
        "rows",
        "phrases",
        "x",
    ]
)
LEAVES = st.one_of(
    st.sampled_from(["a", "demo-q", "您好", "satisfaction", "open", "text", "10:30", ""]),
    st.integers(-2, 300),
    st.booleans(),
    st.none(),
)
DOCS = st.recursive(
    LEAVES,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=5)),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(["org", "script", "scenario", "form", "question-bank", "forbidden", "etiquette", "standards"]),
    st.dictionaries(KEYS, DOCS, max_size=6),
)
def test_fast_validator_agrees_with_jsonschema(kind, data):
    from huifang.validate import fast_check, validator

    assert fast_check(kind)(data) == (next(validator(kind).iter_errors(data), None) is None)
