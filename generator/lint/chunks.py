"""Work over many files in chunks, in forked worker processes when there are enough to pay off."""

from __future__ import annotations

import os
from contextlib import contextmanager

from huifang import workers
from huifang.lint.result import Result
from huifang.problems import Problem

# Files from which worker processes pay off (measured on 2 cores): a YAML script costs milliseconds
# to load and lint, a free-form file about a tenth of one.
PARALLEL_FROM = 400
PARALLEL_FROM_FREEFORM = 1000


def in_chunks(
    work,
    gather,
    files,
    result: Result,
    state: dict | None = None,
    *,
    parallel_from: int = PARALLEL_FROM,
    jobs: int = 0,
    send=None,
    receive=None,
) -> list[Problem]:
    """Run `work` over chunks of `files` (in forked workers when there are many, or `jobs` of them when
    asked), in file order (`huifang.forkmap`: no multiprocessing). `send`: what a worker turns its result
    into before it is pickled, `receive`: what the parent turns that back into (cheaper to pickle)."""
    jobs = workers.count(len(files), parallel_from, jobs)
    chunks = split(files, jobs)
    jobs = min(jobs, len(chunks))  # a worker with no chunk to take only costs its start
    if not hasattr(os, "fork"):
        jobs = 1
    found: list[Problem] = []
    state = {} if state is None else state
    with collector_at_rest():
        if jobs <= 1:
            gather(work(files), result, found, state)
            return found
        from huifang import forkmap

        if send is not None:
            done = work

            def work(chunk):
                return send(done(chunk))

        for part in forkmap.imap(work, chunks, jobs):
            gather(part if receive is None else receive(part), result, found, state)
    return found


def split(files: list, jobs: int) -> list[list]:
    """The files in order, in chunks small enough that no worker waits long for the last one: at most
    200 files (more only past 1.6 million files: at most ≈ 8,000 chunks), then the last ones smaller and smaller
    (a quarter of that, halved after every `jobs` chunks, down to an eighth of the quarter): the others are
    finishing theirs, and the slower worker sets the wall."""
    size = max(20, min(200, len(files) // (jobs * 4)), -(-len(files) // 8000))  # at most ≈ 8,000 chunks
    small = max(1, size // 4)
    cut = max(0, len(files) - small * 2 * jobs) // size * size  # whole chunks before the small ones
    out = [files[i : min(i + size, cut)] for i in range(0, cut, size)]
    least = max(1, small // 8)
    at = cut
    while at < len(files):
        for _ in range(jobs):
            out.append(files[at : at + small])
            at += small
            if at >= len(files):
                break
        small = max(least, small // 2)
    return out


@contextmanager
def collector_at_rest():
    """Linting makes many short-lived objects and no reference cycles, so the cycle collector's
    frequent runs only cost time (≈ 8 %): run it rarely, and never over the loaded project, which
    lives to the end (frozen: forked workers then share its pages instead of copying them)."""
    import gc

    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()
