"""`huifang plan --format json`: the same bytes as `json.dump(plan.as_dict(), indent=2, ensure_ascii=False)`, whose
indenting encoder is pure Python and builds a dict per call first (a million calls). The calls' text is put together
on the plan's columns (polars), a few hundred thousand calls at a time."""

from __future__ import annotations

from json.encoder import encode_basestring  # type: ignore[attr-defined]  # the C one when available
from typing import TYPE_CHECKING, TextIO

from huifang.plan.core import Plan

if TYPE_CHECKING:
    import polars as pl

BATCH = 20_000  # calls per write (small pieces: fresh memory for large ones costs more than the writes)
NEEDS_ESCAPE = r'["\\\x00-\x1f]'  # what encode_basestring escapes (ensure_ascii=False)


def strings(values, indent: str) -> str:
    if not values:
        return "[]"
    inner = ",\n".join(f"{indent}  {encode_basestring(v)}" for v in values)
    return f"[\n{inner}\n{indent}]"


def encoded(column: pl.Series) -> pl.Expr:
    """The column's texts as JSON strings: quoted, and the few that need it escaped by encode_basestring."""
    import polars as pl

    name = column.name
    quoted = pl.concat_str(pl.lit('"'), pl.col(name), pl.lit('"'))
    odd = column.filter(column.str.contains(NEEDS_ESCAPE)).unique().to_list()
    if not odd:
        return quoted
    return (
        pl.when(pl.col(name).is_in(odd))
        .then(pl.col(name).replace_strict({v: encode_basestring(v) for v in odd}, default=None))
        .otherwise(quoted)
    )


def call_texts(frame: pl.DataFrame, warning_lists: list) -> pl.Series:
    """Each call as indented JSON, as json.dump(indent=2) writes it."""
    import polars as pl

    iso = "%Y-%m-%d"
    warnings = {i: strings(w, "      ") for i, w in enumerate(warning_lists)}
    return frame.select(
        pl.concat_str(
            pl.lit('    {\n      "line": '),
            pl.col("line").cast(pl.String),
            pl.lit(',\n      "customer": '),
            encoded(frame["customer"]),
            pl.lit(',\n      "phone": '),
            encoded(frame["phone"]),
            pl.lit(',\n      "scenario": '),
            encoded(frame["scenario"]),
            pl.lit(',\n      "agent": '),
            encoded(frame["agent"]),
            pl.lit(',\n      "date": "'),
            pl.col("date").dt.to_string(iso),
            pl.lit('",\n      "time": '),
            encoded(frame["time"]),
            pl.lit(',\n      "window": [\n        "'),
            pl.col("start").dt.to_string(iso),
            pl.lit('",\n        '),
            pl.when(pl.col("end").is_null())
            .then(pl.lit("null"))
            .otherwise(pl.concat_str(pl.lit('"'), pl.col("end").dt.to_string(iso), pl.lit('"'))),
            pl.lit('\n      ],\n      "warnings": '),
            pl.col("wid").replace_strict(warnings, return_dtype=pl.String),
            pl.lit("\n    }"),
        )
    ).to_series()


def pairs(items: list[tuple[int, str]], name: str) -> str:
    if not items:
        return "[]"
    inner = ",\n".join(
        f'    {{\n      "line": {n},\n      "{name}": {encode_basestring(text)}\n    }}' for n, text in items
    )
    return f"[\n{inner}\n  ]"


def unscheduled_texts(frame: pl.DataFrame) -> pl.Series:
    """Each unscheduled row as indented JSON, as `pairs` writes it."""
    import polars as pl

    return frame.select(
        pl.concat_str(
            pl.lit('    {\n      "line": '),
            pl.col("line").cast(pl.String),
            pl.lit(',\n      "reason": '),
            encoded(frame["reason"]),
            pl.lit("\n    }"),
        )
    ).to_series()


def write_pieces(frame: pl.DataFrame, texts, out: TextIO, binary) -> None:
    """The frame's rows as `texts` makes them, joined by ",\n", a batch at a time."""
    import polars as pl

    for start in range(0, frame.height, BATCH):
        if start:
            out.write(",\n")
        piece = texts(frame.slice(start, BATCH)).str.join(",\n")
        if binary is not None:  # the UTF-8 bytes polars holds, not decoded into a str and encoded again
            out.flush()
            binary.write(piece.cast(pl.Binary).item())
        else:
            out.write(piece.item())


def write_json(plan: Plan, out: TextIO) -> None:
    """The plan as indented JSON (no newline after the closing brace, as json.dump)."""
    frame, warning_lists = plan.columns()
    binary = getattr(out, "buffer", None) if (getattr(out, "encoding", "") or "").lower() in ("utf-8", "utf8") else None
    if frame.height:
        out.write('{\n  "calls": [\n')
        write_pieces(frame, lambda f: call_texts(f, warning_lists), out, binary)
        out.write("\n  ],\n")
    else:
        out.write('{\n  "calls": [],\n')
    left = plan.unscheduled_columns()
    if left.height:
        out.write('  "unscheduled": [\n')
        write_pieces(left, unscheduled_texts, out, binary)
        out.write("\n  ],\n")
    else:
        out.write('  "unscheduled": [],\n')
    out.write(f'  "errors": {pairs(plan.errors, "message")}\n}}')
