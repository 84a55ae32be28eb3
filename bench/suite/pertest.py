"""A pytest plugin for measuring the suite: one line per test with its wall time and the CPU of the whole process
tree it used (pytest itself, the children it reaped, and every live descendant such as Chromium, read from /proc).

    PYTHONPATH=bench/suite PERTEST_OUT=/tmp/tests.tsv .venv/bin/python -m pytest -n 0 -p pertest tests/site

Columns: test id, wall s, pytest's own CPU s, reaped children's CPU s, whole-tree CPU s. The whole-tree figure
counts a session-scoped Chromium's work in the tests that made it; `/usr/bin/time` and os.times() see Chromium's
processes only if their parent reaps them, and most are not (bench/README.md, session 25)."""

from __future__ import annotations

import os
import time

import pytest

OUT = os.environ.get("PERTEST_OUT", "pertest.tsv")
TICK = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    """utime + stime + cutime + cstime of one process, in seconds."""
    with open(f"/proc/{pid}/stat", "rb") as handle:
        fields = handle.read().rsplit(b")", 1)[1].split()
    return sum(int(field) for field in fields[11:15]) / TICK


def children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for thread in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{thread}/children") as handle:
                found += [int(child) for child in handle.read().split()]
    except OSError:
        pass
    return found


def tree_cpu() -> float:
    total, todo = 0.0, [os.getpid()]
    while todo:
        pid = todo.pop()
        try:
            total += process_cpu(pid)
        except OSError:
            continue
        todo += children(pid)
    return total


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    start, before, tree_before = time.perf_counter(), os.times(), tree_cpu()
    yield
    tree_after, after = tree_cpu(), os.times()
    wall = time.perf_counter() - start
    own = after.user - before.user + after.system - before.system
    reaped = after.children_user - before.children_user + after.children_system - before.children_system
    with open(OUT, "a", encoding="utf-8") as handle:
        handle.write(f"{item.nodeid}\t{wall:.3f}\t{own:.3f}\t{reaped:.3f}\t{tree_after - tree_before:.3f}\n")
