"""quickschema answers "valid" only where jsonschema-rs does: on every shipped content file and script,
and on thousands of variants broken one value at a time (a key dropped or added, a value of another
type, too long, off its pattern, with spaces and characters the regex engines treat differently)."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import jsonschema_rs
import pytest
from huifang import quickschema
from huifang.kinds import SCHEMAS
from huifang.project import discover
from huifang.yamlload import load_file

ROOT = Path(__file__).resolve().parents[2]
VALUES = [
    "",
    "x" * 300,
    0,
    -1,
    7,
    1.0,
    2.5,
    2**70,
    True,
    False,
    None,
    [],
    {},
    ["a", "a"],
    [1, 1.0],
    "a b",
    "a\nb",
    "ab\n",
    " ",
    "a\tb",
    "a\u3000b",
    "a\u00a0b",
    "a\ufeffb",
    "a\x1cb",
    "12:60",
    "09:30",
    "13-01",
    "02-29",
    "UPPER",
    "ok-id-1",
    "-bad",
    "{公司}",
    "中文" * 30,
    "\U0001f600" * 3,
    "off",
    "error",
]


def documents() -> list[tuple[str, object]]:
    found = []
    for path, kind in discover(ROOT, scripts=True):
        doc = load_file(path, str(path))
        if isinstance(doc.data, dict):
            found.append((kind, doc.data))
    return found


DOCUMENTS = documents()


def paths(data, at=()):
    yield at
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, at + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from paths(value, at + (i,))


def replaced(data, at, value):
    out = copy.deepcopy(data)
    if not at:
        return value
    parent = out
    for step in at[:-1]:
        parent = parent[step]
    parent[at[-1]] = value
    return out


def dropped(data, at):
    out = copy.deepcopy(data)
    parent = out
    for step in at[:-1]:
        parent = parent[step]
    del parent[at[-1]]
    return out


def agrees(kind: str, data) -> bool | None:
    quick = quickschema.valid(SCHEMAS[kind], data)
    truth = jsonschema_rs.validator_for(SCHEMAS[kind]).is_valid(data)
    assert quick is None or quick == truth, (kind, data)
    return quick


def test_every_shipped_file_is_decided_valid():
    assert len(DOCUMENTS) > 200
    assert {kind for kind, _ in DOCUMENTS} >= {"script", "org", "question-bank", "standards", "forbidden"}
    for kind, data in DOCUMENTS:
        assert agrees(kind, data) is True, kind


@pytest.mark.parametrize("seed", range(4))
def test_broken_variants_are_never_called_valid(seed):
    rng = random.Random(seed)
    decided = invalid = 0
    for kind, data in rng.sample(DOCUMENTS, 40):
        places = list(paths(data))
        for at in rng.sample(places, min(len(places), 12)):
            variants = [replaced(data, at, value) for value in rng.sample(VALUES, 8)]
            if at and not isinstance(at[-1], int):
                variants.append(dropped(data, at))
            if at and isinstance(at[-1], int):
                variants.append(replaced(data, at[:-1], []))
            target = data
            for step in at:
                target = target[step]
            if isinstance(target, dict):
                variants.append(replaced(data, at, {**target, "unknown_key": "x"}))
            for variant in variants:
                verdict = agrees(kind, variant)
                decided += verdict is not None
                invalid += verdict is False
    assert decided > 1000 and invalid > 300  # most variants are decided, and many of them are broken
