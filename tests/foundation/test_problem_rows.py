"""Problems cross from a worker process to its parent as plain rows (huifang.problems.as_rows/from_rows):
what comes back is the same problem, field for field, as pickling would have given."""

from __future__ import annotations

import dataclasses
import pickle

from huifang.problems import FIELDS, Problem, as_rows, from_rows


def test_rows_name_every_field_in_order():
    assert FIELDS == tuple(f.name for f in dataclasses.fields(Problem))


def test_a_problem_comes_back_from_its_row_as_from_pickle():
    problems = [
        Problem(
            "scripts_src/a.md",
            3,
            5,
            "忌语「你自己想办法」",
            "error",
            "forbidden-phrase",
            3,
            11,
            "请您不要着急",
            (("a", 1),),
        ),
        Problem("b.txt", 1, 1, "消息"),
        Problem("c.txt", 2, 1, "", "info", "closing-end-only", 0, 0, "", ()),
    ]
    rows = as_rows(problems)
    assert all(type(row) is tuple for row in rows)
    back = from_rows(pickle.loads(pickle.dumps(rows)))
    pickled = pickle.loads(pickle.dumps(problems))
    for mine, theirs, original in zip(back, pickled, problems):
        assert type(mine) is Problem
        assert mine.__dict__ == theirs.__dict__ == original.__dict__
        assert list(mine.__dict__) == list(theirs.__dict__)
        assert mine == original and hash(mine) == hash(original) and str(mine) == str(original)
    assert sorted(back) == sorted(problems)
