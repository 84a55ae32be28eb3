"""`huifang plan --format json`: the same bytes as `json.dump(plan.as_dict(), indent=2, ensure_ascii=False)`, whose
indenting encoder is pure Python and builds a dict per call first (a million calls). The calls' text is put together
on the plan's columns (polars), one expression for the whole plan run over BATCH calls at a time."""

from __future__ import annotations

from collections.abc import Callable
from json.encoder import encode_basestring  # type: ignore[attr-defined]  # the C one when available
from typing import TYPE_CHECKING, Any, TextIO

from huifang.plan.core import Plan

if TYPE_CHECKING:
    import polars as pl

BATCH = 5_000  # calls per write (small pieces: the same memory again, where fresh pages for large ones cost more than the writes)
# what encode_basestring escapes (ensure_ascii=False): looked for as single characters (contains_any, memchr and
# Aho-Corasick), a third of the time of a regular expression's character class
NEEDS_ESCAPE = ['"', "\\", *map(chr, range(0x20))]


def strings(values, indent: str) -> str:
    if not values:
        return "[]"
    inner = ",\n".join(f"{indent}  {encode_basestring(v)}" for v in values)
    return f"[\n{inner}\n{indent}]"


def looked(plan: Plan) -> dict:
    """What `inner` and `iso_days` found in the columns of the plan's frame, kept with the plan while the frame is
    the same: the ledger and the JSON then look through a column once (0.045 s at a million calls)."""
    if plan.frame is None:
        return {}
    if plan.looked is None or plan.looked[0] is not plan.frame:
        plan.looked = (plan.frame, {})
    return plan.looked[1]


def inner(column: pl.Series, few: bool = False, seen: dict | None = None) -> pl.Expr:
    """The column's texts as they stand between a JSON string's quotes (the quotes are the caller's literals): as
    they are, and the few that need it escaped by encode_basestring. One flat concat_str of columns and literals
    costs a tenth of one whose pieces are each a concat_str of their own (polars makes every piece a column).
    `few`: a column of few distinct texts (scenario ids, agents, times, reasons), whose distinct texts are looked
    at rather than every row (hashing 513,513 reasons: 0.01 s; looking through them: 0.09 s). `seen`: what was
    found in the column before (`looked`; the column is then the plan's whole column, never a part of it)."""
    import polars as pl

    name = column.name
    odd = seen.get(("odd", name)) if seen is not None else None
    if odd is None:
        texts = column.unique() if few else column
        odd = texts.filter(texts.str.contains_any(NEEDS_ESCAPE)).unique().to_list()
        if seen is not None:
            seen[("odd", name)] = odd
    if not odd:
        return pl.col(name)
    return pl.col(name).replace({v: encode_basestring(v)[1:-1] for v in odd})


def iso_days(column: pl.Series, quoted: bool = False, seen: dict | None = None) -> pl.Expr:
    """The column's dates as ISO texts (with quotes, and a null as `null`, when `quoted`): a lookup of the few
    hundred distinct days a million calls fall on, not a date formatted per row. `seen` as for `inner`."""
    import polars as pl

    name = column.name
    days = seen.get(("days", name)) if seen is not None else None
    if days is None:
        days = column.unique().drop_nulls().to_list()
        if seen is not None:
            seen[("days", name)] = days
    if not days:
        text = pl.col(name).dt.to_string("%Y-%m-%d")
    else:
        text = pl.col(name).replace_strict(
            {d: f'"{d.isoformat()}"' if quoted else d.isoformat() for d in days}, return_dtype=pl.String
        )
    return text.fill_null("null") if quoted else text


def call_text(
    frame: pl.DataFrame, warning_lists: list, shared: pl.Series | None = None, seen: dict | None = None
) -> tuple[pl.DataFrame, pl.Expr]:
    """Each call of the frame as indented JSON, as json.dump(indent=2) writes it: the frame to take it from (a
    slice at a time) and the expression. `shared` (`Plan.shared`): what follows the agent is made once per window
    and time. `seen`: `looked` of the plan whose frame this is."""
    import polars as pl

    warnings = {i: strings(w, "      ") for i, w in enumerate(warning_lists)}
    tail = pl.concat_str(
        pl.lit('",\n      "date": "'),
        iso_days(frame["date"], seen=seen),
        pl.lit('",\n      "time": "'),
        inner(frame["time"], few=True, seen=seen),
        pl.lit('",\n      "window": [\n        "'),
        iso_days(frame["start"], seen=seen),
        pl.lit('",\n        '),
        iso_days(frame["end"], quoted=True, seen=seen),
        pl.lit('\n      ],\n      "warnings": '),
        pl.col("wid").replace_strict(warnings, return_dtype=pl.String),
        pl.lit("\n    }"),
    )
    if shared is not None and shared.len() == frame.height:  # gathered a slice at a time, as the slice is written
        tails = frame[shared.arg_unique().sort()].select(tail).to_series()
        frame, tail = frame.with_columns(shared.alias("shared_")), pl.lit(tails).gather(pl.col("shared_"))
    return frame, pl.concat_str(
        pl.lit('    {\n      "line": '),
        pl.col("line").cast(pl.String),
        pl.lit(',\n      "customer": "'),
        inner(frame["customer"], seen=seen),
        pl.lit('",\n      "phone": "'),
        inner(frame["phone"], seen=seen),
        pl.lit('",\n      "scenario": "'),
        inner(frame["scenario"], few=True, seen=seen),
        pl.lit('",\n      "agent": "'),
        inner(frame["agent"], few=True, seen=seen),
        tail,
    )


def pairs(items: list[tuple[int, str]], name: str) -> str:
    if not items:
        return "[]"
    inner = ",\n".join(
        f'    {{\n      "line": {n},\n      "{name}": {encode_basestring(text)}\n    }}' for n, text in items
    )
    return f"[\n{inner}\n  ]"


def unscheduled_text(frame: pl.DataFrame) -> pl.Expr:
    """Each unscheduled row as indented JSON, as `pairs` writes it."""
    import polars as pl

    return pl.concat_str(
        pl.lit('    {\n      "line": '),
        pl.col("line").cast(pl.String),
        pl.lit(',\n      "reason": "'),
        inner(frame["reason"], few=True),
        pl.lit('"\n    }'),
    )


def write_pieces(frame: pl.DataFrame, text: pl.Expr, out: TextIO, binary) -> None:
    """The frame's rows as `text` makes them, joined by ",\n", a batch at a time."""
    import polars as pl

    joined = text.str.join(",\n")
    write: Callable[[Any], object] = out.write
    comma: str | bytes = ",\n"
    if binary is not None:  # the UTF-8 bytes polars holds, not decoded into a str and encoded again
        out.flush()
        joined, write, comma = joined.cast(pl.Binary), binary.write, b",\n"
    for start in range(0, frame.height, BATCH):
        if start:
            write(comma)
        write(frame.slice(start, BATCH).select(joined).item())


def write_json(plan: Plan, out: TextIO) -> None:
    """The plan as indented JSON (no newline after the closing brace, as json.dump)."""
    frame, warning_lists = plan.columns()
    binary = getattr(out, "buffer", None) if (getattr(out, "encoding", "") or "").lower() in ("utf-8", "utf8") else None
    if frame.height:
        out.write('{\n  "calls": [\n')
        write_pieces(*call_text(frame, warning_lists, plan.shared, looked(plan)), out, binary)
        out.write("\n  ],\n")
    else:
        out.write('{\n  "calls": [],\n')
    left = plan.unscheduled_columns()
    if left.height:
        out.write('  "unscheduled": [\n')
        write_pieces(left, unscheduled_text(left), out, binary)
        out.write("\n  ],\n")
    else:
        out.write('  "unscheduled": [],\n')
    out.write(f'  "errors": {pairs(plan.errors, "message")}\n}}')
