"""`dataclass` and `field` for the classes a lint loads, at a fraction of the start-up cost.

Python 3.11's `dataclasses` imports `inspect` (and with it `ast`, `dis`, `tokenize`), compiles each
generated method with its own `exec`, and works out a signature for every class without a docstring:
about 20 ms of a one-file lint, which runs once per commit in a pre-commit hook. This decorator makes
the same `__init__`, `__repr__`, `__eq__`, ordering, `__hash__` and frozen `__setattr__`/`__delattr__`
as `dataclasses.dataclass` (same rules: tests/foundation/test_records.py compares the two on every
class that uses it), without `inspect`, and with the methods' code compiled once and kept (marshal,
as `huifang.regexcache` keeps compiled regexes).

The classes are dataclasses to the rest of Python: `dataclasses.fields`, `replace`, `asdict` and
`is_dataclass` work on them. Their `__dataclass_fields__` and `__dataclass_params__` are made by
`dataclasses` itself the first time something asks (importing it only then).

Only what the classes here use is supported (`init`, `repr`, `eq`, `order`, `unsafe_hash`, `frozen`;
fields with `default`, `default_factory`, `repr`, `compare`; no `__post_init__`, `ClassVar`,
`InitVar`, `slots`, `kw_only` or inheritance between dataclasses); anything else is handed to
`dataclasses.dataclass` unchanged.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from huifang.kept import Kept


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
_FACTORY: Any = type("_HAS_DEFAULT_FACTORY", (), {"__repr__": lambda self: "<factory>"})()


class Field:
    """What `field(...)` gave, until the class is made."""

    __slots__ = ("default", "default_factory", "repr", "compare", "hash", "rest")

    def __init__(self, default, default_factory, repr, hash, compare, rest):  # noqa: A002 - dataclasses' names
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.rest = rest


def _field(
    *,
    default: Any = MISSING,
    default_factory: Any = MISSING,
    repr: bool = True,  # noqa: A002
    hash: bool | None = None,  # noqa: A002
    compare: bool = True,
    **rest: Any,
) -> Any:
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, repr, hash, compare, rest)


class FrozenInstanceError(AttributeError):
    pass


def _dataclass(
    cls: Any = None,
    /,
    *,
    init: bool = True,
    repr: bool = True,  # noqa: A002
    eq: bool = True,
    order: bool = False,
    unsafe_hash: bool = False,
    frozen: bool = False,
    **rest: Any,
) -> Any:
    params = {"init": init, "repr": repr, "eq": eq, "order": order, "unsafe_hash": unsafe_hash, "frozen": frozen}

    def wrap(cls):
        return _make(cls, params, rest)

    return wrap if cls is None else wrap(cls)


def _fallback(cls, params: dict, rest: dict):
    import dataclasses

    for name, value in list(cls.__dict__.items()):
        if isinstance(value, Field):
            setattr(
                cls,
                name,
                dataclasses.field(
                    default=value.default if value.default is not MISSING else dataclasses.MISSING,
                    default_factory=(
                        value.default_factory if value.default_factory is not MISSING else dataclasses.MISSING
                    ),
                    repr=value.repr,
                    hash=value.hash,
                    compare=value.compare,
                    **value.rest,
                ),
            )
    return dataclasses.dataclass(cls, **params, **rest)


def _supported(cls, params: dict, rest: dict, annotations: dict) -> bool:
    if rest or "__post_init__" in cls.__dict__ or "__slots__" in cls.__dict__:
        return False
    if params["order"] and not params["eq"]:
        raise ValueError("eq must be true if order is true")
    if any(hasattr(base, "__dataclass_fields__") for base in cls.__mro__[1:]):
        return False
    for name, kind in annotations.items():
        if not isinstance(kind, str) or "ClassVar" in kind or "InitVar" in kind or "KW_ONLY" in kind:
            return False
        spec = cls.__dict__.get(name)
        if isinstance(spec, Field) and spec.rest:
            return False
    return True


def _make(cls, params: dict, rest: dict):
    annotations = cls.__dict__.get("__annotations__", {})
    if not _supported(cls, params, rest, annotations):
        return _fallback(cls, params, rest)
    specs = {}
    for name in annotations:
        given = cls.__dict__.get(name, MISSING)
        spec = given if isinstance(given, Field) else Field(given, MISSING, True, None, True, {})
        if isinstance(spec.default, (list, dict, set)):
            raise ValueError(
                f"mutable default {type(spec.default)} for field {name} is not allowed: use default_factory"
            )
        specs[name] = spec
        if isinstance(given, Field):  # as dataclasses leaves it: the default on the class, or nothing
            if spec.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, spec.default)
    names = list(specs)
    source, env = [], {"MISSING": MISSING, "_FACTORY": _FACTORY, "_object": object, "_cls": cls}
    frozen, eq = params["frozen"], params["eq"]
    if params["init"] and "__init__" not in cls.__dict__:
        args, body, seen_default = ["self"], [], False
        # a frozen class's fields go straight into the instance's __dict__ unless a data descriptor holds a name
        plain = frozen and not any(hasattr(type(getattr(cls, name, None)), "__set__") for name in specs)
        for name, spec in specs.items():
            if spec.default_factory is not MISSING:
                env[f"_factory_{name}"] = spec.default_factory
                args.append(f"{name}=_FACTORY")
                value = f"_factory_{name}() if {name} is _FACTORY else {name}"
                seen_default = True
            elif spec.default is not MISSING:
                env[f"_default_{name}"] = spec.default
                args.append(f"{name}=_default_{name}")
                value = name
                seen_default = True
            else:
                if seen_default:
                    raise TypeError(f"non-default argument {name!r} follows default argument")
                args.append(name)
                value = name
            if not frozen:
                body.append(f"self.{name} = {value}")
            elif plain:
                body.append(f"__record_dict__[{name!r}] = {value}")
            else:
                body.append(f"_object.__setattr__(self, {name!r}, {value})")
        if frozen and plain and body:
            # what object.__setattr__ does for a name no data descriptor holds, a third of its cost per field
            body.insert(0, "__record_dict__ = self.__dict__")
        source.append(f"def __init__({', '.join(args)}):\n    " + ("\n    ".join(body) or "pass"))
    if params["repr"] and "__repr__" not in cls.__dict__:
        shown = ", ".join(f"{name}={{self.{name}!r}}" for name, spec in specs.items() if spec.repr)
        source.append(
            "def __repr__(self):\n"
            "    key = (id(self), _get_ident())\n"
            "    if key in _running:\n"
            "        return '...'\n"
            "    _running.add(key)\n"
            "    try:\n"
            f"        return f'{{self.__class__.__qualname__}}({shown})'\n"
            "    finally:\n"
            "        _running.discard(key)"
        )
        from _thread import get_ident

        env["_get_ident"], env["_running"] = get_ident, set()
    compared = [name for name, spec in specs.items() if spec.compare]
    mine = "(" + "".join(f"self.{name}," for name in compared) + ")"
    theirs = "(" + "".join(f"other.{name}," for name in compared) + ")"
    if eq and "__eq__" not in cls.__dict__:
        source.append(
            f"def __eq__(self, other):\n    if other.__class__ is self.__class__:\n        return {mine} == {theirs}\n"
            "    return NotImplemented"
        )
    if params["order"]:
        for method, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            if method in cls.__dict__:
                raise TypeError(
                    f"Cannot overwrite attribute {method} in class {cls.__name__}. Consider using functools.total_ordering"
                )
            source.append(
                f"def {method}(self, other):\n    if other.__class__ is self.__class__:\n"
                f"        return {mine} {op} {theirs}\n    return NotImplemented"
            )
    if frozen:
        for method in ("__setattr__", "__delattr__"):
            if method in cls.__dict__:
                raise TypeError(f"Cannot overwrite attribute {method} in class {cls.__name__}")
        env["FrozenInstanceError"], env["_fields"] = FrozenInstanceError, frozenset(names)
        source.append(
            "def __setattr__(self, name, value):\n"
            "    if type(self) is _cls or name in _fields:\n"
            "        raise FrozenInstanceError(f'cannot assign to field {name!r}')\n"
            "    super(_cls, self).__setattr__(name, value)"
        )
        source.append(
            "def __delattr__(self, name):\n"
            "    if type(self) is _cls or name in _fields:\n"
            "        raise FrozenInstanceError(f'cannot delete field {name!r}')\n"
            "    super(_cls, self).__delattr__(name)"
        )
    explicit = cls.__dict__.get("__hash__", MISSING)
    has_hash = not (explicit is MISSING or (explicit is None and "__eq__" in cls.__dict__))
    hashed = [name for name, spec in specs.items() if (spec.compare if spec.hash is None else spec.hash)]
    make_hash = params["unsafe_hash"] or (eq and frozen and not has_hash)
    if params["unsafe_hash"] and has_hash:
        raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")
    if make_hash:
        source.append("def __hash__(self):\n    return hash((" + "".join(f"self.{name}," for name in hashed) + "))")
    namespace: dict = {}
    if source:
        exec(_compiled("\n".join(source)), env, namespace)
    for name, function in namespace.items():
        function.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, function)
    if eq and not frozen and not params["unsafe_hash"] and not has_hash:
        cls.__hash__ = None
    if "__match_args__" not in cls.__dict__:
        cls.__match_args__ = tuple(names)  # type: ignore[misc]
    if cls.__doc__ is None:
        cls.__doc__ = f"{cls.__name__}({', '.join(names)})"
    cls.__record__ = (specs, params)
    cls.__dataclass_fields__ = _Lazy("__dataclass_fields__")
    cls.__dataclass_params__ = _Lazy("__dataclass_params__")
    return cls


def _compiled(source: str):
    """The class's methods compiled, once per Python build: compiling them was most of what making
    the classes cost (`huifang.kept`, as the regexes are)."""
    from huifang.kept import Kept

    global _CODE
    if _CODE is None:
        _CODE = Kept("records")
    code = _CODE.get(source)
    if type(code) is not type(_compiled.__code__):
        code = compile(source, "<huifang.records>", "exec")
        _CODE.put(source, code)
    return code


_CODE: Kept | None = None


class _Lazy:
    """`__dataclass_fields__`/`__dataclass_params__`, made by `dataclasses` on a stand-in class
    the first time they are read (then kept on the class)."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, obj, cls):
        made = _stand_in(cls)
        cls.__dataclass_fields__ = made.__dataclass_fields__
        cls.__dataclass_params__ = made.__dataclass_params__
        return getattr(made, self.name)


def _stand_in(cls):
    import dataclasses

    specs, params = cls.__record__
    namespace: dict = {"__annotations__": dict(cls.__dict__["__annotations__"]), "__module__": cls.__module__}
    for name, spec in specs.items():
        namespace[name] = dataclasses.field(
            default=dataclasses.MISSING if spec.default is MISSING else spec.default,
            default_factory=dataclasses.MISSING if spec.default_factory is MISSING else spec.default_factory,
            repr=spec.repr,
            hash=spec.hash,
            compare=spec.compare,
        )
    return dataclasses.dataclass(type(cls.__name__, (), namespace), **params)


if TYPE_CHECKING:  # type checkers know these by name
    from dataclasses import dataclass, field
else:
    dataclass, field = _dataclass, _field
