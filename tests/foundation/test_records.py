"""huifang.records makes what dataclasses.dataclass makes: every class that uses it, next to the
dataclass made from the same annotations and defaults, constructs, prints, compares, hashes, orders,
refuses assignment and pickles alike; and the dataclasses functions work on it."""

from __future__ import annotations

import dataclasses
import importlib
import pickle
import subprocess
import sys

import pytest
from huifang import records

MODULES = [
    "huifang.model",
    "huifang.yamlload",
    "huifang.problems",
    "huifang.kinds",
    "huifang.project",
    "huifang.compose",
    "huifang.lint.result",
    "huifang.lint.utterance",
    "huifang.lint.wordorder",
    "huifang.lint.rules",
    "huifang.lint.branches",
    "huifang.lint.matcher",
    "huifang.lint.standards",
    "huifang.lint.fix",
]


def record_classes() -> list[type]:
    found = []
    for name in MODULES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == name and "__dataclass_fields__" in value.__dict__:
                found.append(value)
    return found


CLASSES = record_classes()


def twin(cls: type) -> type:
    """The dataclass `dataclasses.dataclass` makes from the class's annotations and field specs."""
    specs, params = cls.__record__
    namespace: dict = {"__annotations__": dict(cls.__annotations__), "__module__": cls.__module__}
    for name, spec in specs.items():
        namespace[name] = dataclasses.field(
            default=dataclasses.MISSING if spec.default is records.MISSING else spec.default,
            default_factory=dataclasses.MISSING if spec.default_factory is records.MISSING else spec.default_factory,
            repr=spec.repr,
            hash=spec.hash,
            compare=spec.compare,
        )
    made = type(cls.__name__, (), namespace)
    made.__qualname__ = cls.__qualname__
    return dataclasses.dataclass(made, **params)


def values(cls: type, salt: str) -> dict:
    """A hashable, comparable, printable value for every field."""
    return {name: f"{salt}-{i}" for i, name in enumerate(cls.__record__[0])}


def required(cls: type) -> dict:
    specs = cls.__record__[0]
    return {
        name: f"r-{i}"
        for i, (name, spec) in enumerate(specs.items())
        if spec.default is records.MISSING and spec.default_factory is records.MISSING
    }


def test_every_class_on_the_lint_path_is_a_record():
    assert len(CLASSES) >= 50
    fallen = [c.__qualname__ for c in CLASSES if "__record__" not in c.__dict__]
    assert not fallen, f"handed to dataclasses (a feature records does not make): {fallen}"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_a_record_behaves_as_its_dataclass(cls):
    other = twin(cls)
    specs, params = cls.__record__
    # construction: every field given by keyword, by position, and only the required ones
    for make in (
        lambda k: k(**values(cls, "a")),
        lambda k: k(*values(cls, "a").values()),
        lambda k: k(**required(cls)),
    ):
        ours, theirs = make(cls), make(other)
        assert repr(ours) == repr(theirs)
        assert {n: getattr(ours, n) for n in specs} == {n: getattr(theirs, n) for n in specs}
    a, b = cls(**values(cls, "a")), other(**values(cls, "a"))
    a2, b2 = cls(**values(cls, "a")), other(**values(cls, "a"))
    assert (a == a2) == (b == b2)
    assert a.__eq__(b) is NotImplemented or not params["eq"]
    for name in specs:
        changed = {**values(cls, "a"), name: "changed"}
        assert (a == cls(**changed)) == (b == other(**changed)), name
    assert (cls.__hash__ is None) == (other.__hash__ is None)
    if cls.__hash__ is not None and params["eq"] and (params["frozen"] or params["unsafe_hash"]):
        assert hash(a) == hash(b) == hash(a2)
    if params["order"]:
        low, high = cls(**values(cls, "a")), cls(**values(cls, "b"))
        tlow, thigh = other(**values(cls, "a")), other(**values(cls, "b"))
        assert [low < high, low <= high, low > high, low >= high] == [
            tlow < thigh,
            tlow <= thigh,
            tlow > thigh,
            tlow >= thigh,
        ]
    for name in list(specs)[:1] + ["not_a_field"]:
        refused = []
        for obj in (a, b):
            try:
                setattr(obj, name, "x")
                refused.append(False)
            except AttributeError:
                refused.append(True)
        assert refused[0] == refused[1], name
    # the dataclasses functions, and pickling
    a, b = cls(**values(cls, "a")), other(**values(cls, "a"))
    assert [f.name for f in dataclasses.fields(a)] == [f.name for f in dataclasses.fields(b)]
    assert dataclasses.is_dataclass(a) and dataclasses.is_dataclass(cls)
    assert dataclasses.asdict(a) == dataclasses.asdict(b)
    first = next(iter(specs))
    assert repr(dataclasses.replace(a, **{first: "new"})) == repr(dataclasses.replace(b, **{first: "new"}))
    back = pickle.loads(pickle.dumps(a))
    assert repr(back) == repr(a) and (back == a) == params["eq"]
    assert cls.__match_args__ == other.__match_args__


def test_defaults_are_not_shared_and_mutable_defaults_are_refused():
    @records.dataclass
    class Bag:
        items: list = records.field(default_factory=list)
        count: int = 0

    one, two = Bag(), Bag()
    one.items.append(1)
    assert two.items == [] and Bag.count == 0 and "items" not in Bag.__dict__
    with pytest.raises(ValueError):

        @records.dataclass
        class Bad:
            items: list = []  # noqa: RUF012

    with pytest.raises(TypeError):

        @records.dataclass
        class Order:
            a: int = 0
            b: int  # type: ignore[misc]


def test_a_recursive_repr_stops():
    @records.dataclass(eq=False)
    class Node:
        child: object = None

    node = Node()
    node.child = node
    assert repr(node) == "test_a_recursive_repr_stops.<locals>.Node(child=...)"


def test_what_records_does_not_make_goes_to_dataclasses():
    @records.dataclass
    class Later:
        a: int = 0

        def __post_init__(self):
            self.a += 1

    assert Later().a == 1 and "__record__" not in Later.__dict__


def test_a_one_file_lint_does_not_import_dataclasses():
    """The point of records: a pre-commit hook's lint of one script starts without `dataclasses`."""
    code = (
        "import sys, io, contextlib\n"
        "from huifang.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['lint', 'scripts_src/yiyuan/yiyuan-huizhen-huifang.yaml'])\n"
        "print(sorted(m for m in ('dataclasses', 'inspect') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
