"""The columnar planner (polars) gives byte for byte what the planner before it gave (tests/plan/oracle.py): the JSON,
the text report and the ledger's rows, on generated export files of every kind of row — good and bad, repeated,
blank, quoted, with extra columns — under capacities that bind or not, over published and unpublished years, on a
first run and on a re-run that finds calls already planned."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from huifang.model import CallWindow
from huifang.plan import command
from huifang.plan.calendar import Calendar
from huifang.plan.config import PlanConfig
from huifang.plan.core import Planner, group_ids, one_key, packed_key, rank_of, sort_order
from huifang.plan.events import Event, read_events
from huifang.plan.jsonout import looked, write_json
from huifang.plan.store import packed
from huifang.plan.table import is_utf8
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.plan import oracle

HEADER = ["客户", "电话", "场景", "日期", "坐席", "区域", "客户类别", "截止日期", "生日", "编号"]
DAYS = [dt.date(2026, 9, 1) + dt.timedelta(days=i) for i in range(0, 170, 3)]


def outputs(plan_of, read, write, pack, path: Path, config: PlanConfig, first, last, known=None, booked=None):
    cal = Calendar()
    planner = plan_of(None, config, cal, first, last, booked or {}, known or set())
    plan = planner.plan(read(path, config.columns))
    frame_rows = pack(plan)
    js, tx = io.StringIO(), io.StringIO()
    write(plan, js)
    command.text_report(plan, first, last, tx)
    keys = {c.key for c in plan.calls}
    load: dict = {}
    for c in plan.calls:
        load[(c.agent, c.date)] = load.get((c.agent, c.date), 0) + 1
    return (js.getvalue(), tx.getvalue(), frame_rows, sorted(cal.unpublished)), keys, load


def as_text(rows: tuple[list[tuple], list[tuple]]) -> tuple[list[tuple], list[tuple]]:
    """packed's day rows with the calls as the text SQLite stores (they are handed over as UTF-8 bytes)."""
    days, more = rows
    return [(*day[:-1], day[-1].decode("utf-8")) for day in days], more


def both(shipped, path: Path, config: PlanConfig, first: dt.date, last: dt.date) -> None:
    """Old and new on the file, a first run and a re-run that knows the first run's calls: the same bytes."""

    def old(_, *args):
        return oracle.Planner(shipped, *args)

    def new(_, *args):
        return Planner(shipped, *args)

    runs = []
    for make, read, write, pack in (
        (old, oracle.read_events_old, oracle.write_json_old, lambda p: oracle.packed_old(p.calls, "r", set())),
        # two calls (to the end of a day) at a time: the days made in many pieces; what the ledger looked up in
        # the columns is what the JSON then takes (`outputs` packs first)
        (
            new,
            read_events,
            write_json,
            lambda p: as_text(packed(p.columns()[0], "r", set(), p.shared, piece=2, seen=looked(p))),
        ),
    ):
        found, keys, load = outputs(make, read, write, pack, path, config, first, last)
        again, _, _ = outputs(make, read, write, pack, path, config, first, last, set(list(keys)[::2]), load)
        runs.append((found, again))
    (old_first, old_again), (new_first, new_again) = runs
    for name, a, b in zip(("json", "text", "ledger rows", "unpublished"), old_first, new_first):
        assert a == b, name
    for name, a, b in zip(("json", "text", "ledger rows", "unpublished"), old_again, new_again):
        assert a == b, f"re-run: {name}"


def rows(shipped):
    ids = sorted(shipped.scenarios)
    names = ids + [shipped.scenarios[i].title for i in ids[::9]] + ["没有这个场景", "维修工程的回访"]
    day = st.sampled_from(DAYS)
    date_text = st.one_of(
        day.map(dt.date.isoformat),
        day.map(lambda d: d.strftime("%Y年%m月%d日")),
        day.map(lambda d: f"{d.year}/{d.month}/{d.day}"),
        st.sampled_from(["", "2026-02-30", "明天", " 2026-10-08 "]),
    )
    row = st.tuples(
        st.sampled_from(["王先生", "李女士", "张 三", "", "赵六"]),
        st.sampled_from(["13800000001", "013800000002", " 13800000003 ", ""]),
        st.sampled_from(names),
        date_text,
        st.sampled_from(["张三", "李四", "", "王五"]),
        st.sampled_from(["", "广州", "中山", "肇庆"]),
        st.sampled_from(["", "A", "C", "重点客户"]),
        st.one_of(st.just(""), date_text),
        st.sampled_from(["", "03-01", "2-29", "13-40", "10月1日"]),
        st.sampled_from(["", "", "C1", "C2"]),
    ).map(list)
    blank = st.sampled_from([[], [""] * 10, [" "] * 3, [""] * 11 + ["尾巴"]])
    return st.lists(st.one_of(row, row, row, blank), min_size=1, max_size=40)


CONFIGS = [
    (PlanConfig(capacity=10000), "2026-10-01", "2026-10-31"),
    (PlanConfig(capacity=1, agents={"李四": 2}), "2026-09-20", "2026-10-20"),
    (PlanConfig(capacity=2), "2026-12-15", "2027-02-15"),
    (
        PlanConfig(
            capacity=3,
            seasons={"夏季": ("05-01", "09-30"), "冬季": ("10-01", "04-30")},
            call_windows=[CallWindow("10:30", "11:40"), CallWindow("15:00", "18:00")],
        ),
        "2026-09-25",
        "2026-11-05",
    ),
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_columnar_planner_gives_what_the_old_one_gave(shipped, data):
    body = data.draw(rows(shipped))
    config, first, last = data.draw(st.sampled_from(CONFIGS))
    crlf = data.draw(st.booleans())
    doubled = data.draw(st.booleans())  # every row twice: repeated calls
    if data.draw(st.booleans()):  # a quoted cell: the file is read by `csv`, not split by polars
        body = [
            *body,
            ['客户"甲"', "13800000009", sorted(shipped.scenarios)[0], "2026-10-09", "张三", "", "", "", "", "a,b"],
        ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\r\n" if crlf else "\n").writerows(
                [HEADER, *body, *(body if doubled else [])]
            )
        both(shipped, path, config, dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def test_an_xlsx_export_with_dates_as_dates_plans_alike(shipped, tmp_path: Path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    ids = sorted(shipped.scenarios)
    for i in range(300):
        day = DAYS[i % len(DAYS)]
        sheet.append(
            [
                f"客户{i}", f"1380000{i:04d}" if i % 17 else None, ids[i % len(ids)],
                dt.datetime(day.year, day.month, day.day) if i % 3 else day.isoformat(), ["张三", "李四"][i % 2],
                "中山" if i % 5 == 0 else "", "A", day + dt.timedelta(days=30) if i % 4 else None, "03-01", i % 7 or None,
            ]
        )  # fmt: skip
    book.save(tmp_path / "events.xlsx")
    both(shipped, tmp_path / "events.xlsx", PlanConfig(capacity=2), dt.date(2026, 10, 1), dt.date(2026, 11, 30))


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(st.text(max_size=6).map(str.encode) | st.binary(max_size=3), max_size=12).map(b"".join),
    chunk=st.integers(4, 9),
)
@example(pieces="王先生".encode()[:-1], chunk=4)  # a character cut short at the end
@example(pieces=b"ab" + "王".encode() + b"\x80" * 4, chunk=4)  # four bytes that go on a character, at a piece's end
def test_utf8_is_told_as_python_decodes_it_whatever_the_pieces(pieces: bytes, chunk: int):
    try:
        pieces.decode("utf-8")
    except UnicodeDecodeError:
        assert not is_utf8(pieces, chunk)
    else:
        assert is_utf8(pieces, chunk)


def test_an_export_in_gb18030_reads_as_in_utf8(shipped, tmp_path: Path):
    sid = sorted(shipped.scenarios)[0]
    text = "\r\n".join(
        [",".join(HEADER), f"王先生,13800000001,{sid},2026-10-09,张三", f"李女士,13800000002,{sid},2026-10-10"]
    )
    (tmp_path / "utf8.csv").write_bytes(text.encode("utf-8"))
    (tmp_path / "gb.csv").write_bytes(text.encode("gb18030"))
    assert list(read_events(tmp_path / "gb.csv", {})) == list(read_events(tmp_path / "utf8.csv", {}))


@settings(max_examples=40, deadline=None)
@given(
    columns=st.lists(
        st.tuples(st.integers(-3, 3), st.integers(-3, 3), st.integers(-3, 3))  # many ties
        | st.tuples(st.integers(0, 400), st.integers(-(1 << 20), 1 << 20), st.integers(0, 1 << 21)),
        min_size=1,
        max_size=30,
    )
)
def test_one_integer_key_sorts_as_the_columns_do(columns):
    frame = pl.DataFrame([list(r) for r in columns], schema=["a", "b", "c"], orient="row")
    by = one_key(frame, ["a", "b", "c"])
    assert by is not None
    assert frame.sort(by, maintain_order=True).rows() == frame.sort("a", "b", "c", maintain_order=True).rows()


def test_one_integer_key_gives_way_to_wide_or_missing_values():
    wide = pl.DataFrame({"a": [0, 1 << 40], "b": [0, 1 << 30]})
    assert one_key(wide, ["a", "b"]) is None  # 41 + 31 bits
    assert one_key(pl.DataFrame({"a": [1, None]}), ["a"]) is None
    assert one_key(pl.DataFrame({"a": []}, schema={"a": pl.Int64}), ["a"]) is None


def test_texts_rank_as_python_sorts_them():
    texts = ["王五", "张三", "", "Z", "a", "张三", "15:00", "09:30", "é", None]
    ranks = rank_of(pl.Series(texts, dtype=pl.String)).to_list()
    order = sorted({t for t in texts if t is not None})
    assert ranks == [order.index(t) if t is not None else None for t in texts]


def test_events_given_out_of_line_order_plan_alike(shipped):
    """Events handed over in no particular order (not a file's rows): the tasks are ordered column by column."""
    ids = sorted(shipped.scenarios)
    events = [
        Event(line, f"客户{line % 7}", f"1380000{line % 7:04d}", ids[line % len(ids)], DAYS[line % len(DAYS)],
              ["张三", "李四"][line % 2], "", "", "", None, None, "")
        for line in range(40, 1, -1)
    ]  # fmt: skip
    config, first, last = PlanConfig(capacity=2), dt.date(2026, 10, 1), dt.date(2026, 11, 30)
    found = []
    for planner in (
        oracle.Planner(shipped, config, Calendar(), first, last),
        Planner(shipped, config, Calendar(), first, last),
    ):
        out = io.StringIO()
        oracle.write_json_old(planner.plan(list(events)), out)
        found.append(out.getvalue())
    assert found[0] == found[1]


@pytest.mark.parametrize(
    "inside", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\r", "\x00", "“王”", "·"]
)
def test_a_cell_with_a_line_break_of_str_splitlines_reads_as_csv_reads_it(shipped, tmp_path: Path, inside):
    """Python's csv splits rows at every line break str.splitlines() knows: a file holding one is read by csv,
    one holding only look-alike bytes (“ ” and · share a first byte with two of them) by polars, alike."""
    sid = sorted(shipped.scenarios)[0]
    path = tmp_path / "events.csv"
    path.write_bytes(
        "\r\n".join(
            [
                ",".join(HEADER),
                f"王{inside}先生,13800000001,{sid},2026-10-09,张三",
                f"李女士,13800000002,{sid},2026-10-10,李四",
            ]
        ).encode("utf-8")
    )
    assert list(read_events(path, {})) == list(oracle.read_events_old(path, {}))


@settings(max_examples=40, deadline=None)
@given(
    columns=st.lists(
        st.tuples(st.integers(-3, 3), st.integers(-3, 3), st.integers(-3, 3))  # many ties
        | st.tuples(st.integers(0, 400), st.integers(-(1 << 20), 1 << 20), st.integers(0, 1 << 21))
        | st.tuples(st.integers(0, 1 << 40), st.integers(-(1 << 40), 1 << 40), st.integers(0, 3)),  # too wide to pack
        min_size=1,
        max_size=30,
    )
)
def test_the_sort_order_sorts_as_the_columns_do_ties_in_row_order(columns):
    frame = pl.DataFrame([list(r) for r in columns], schema=["a", "b", "c"], orient="row")
    order = sort_order(frame.get_columns()).to_list()
    assert order == sorted(range(len(columns)), key=lambda i: (*columns[i], i))


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(0, 5),
            st.sampled_from([None, dt.date(1, 1, 1), dt.date(2026, 4, 1), dt.date(9999, 12, 31)]),
            st.none() | st.integers(-(1 << 40), 1 << 40),  # wide: the key no longer packs into one integer
            st.sampled_from(["甲", "乙"]),
        ),
        min_size=1,
        max_size=30,
    )
)
# 63 bits exactly, the first column of one value (its multiplier would have been 1 << 63, which is no Int64)
@example(rows=[(0, dt.date(1, 1, 1), 0, "甲"), (0, dt.date(9999, 12, 31), 1 << 40, "甲")])
def test_rows_alike_share_a_group_and_only_they(rows):
    frame = pl.DataFrame(
        [list(r) for r in rows],
        schema={"s": pl.Int64, "day": pl.Date, "n": pl.Int64, "other": pl.String},
        orient="row",
    )
    ids, groups = group_ids(frame, ["s", "day", "n"])
    ids_ = ids.to_list()
    assert groups.height == len({r[:3] for r in rows})
    for i, r in enumerate(rows):
        assert groups.row(ids_[i])[:3] == r[:3]  # each row's group holds its values
        assert groups.row(ids_[i])[3] in {x[3] for x in rows if x[:3] == r[:3]}


def test_packing_gives_way_to_columns_too_wide_for_one_integer():
    assert packed_key([pl.Series([0, 1 << 40]), pl.Series([0, 1 << 30])]) is None  # 41 + 31 bits
    key = packed_key([pl.Series([2, 1, None]), pl.Series([0, 5, 5])])
    assert key is not None and sorted(range(3), key=key.to_list().__getitem__) == [1, 0, 2]  # a missing value last
