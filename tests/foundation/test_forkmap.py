"""huifang.forkmap: work over chunks in forked processes, results in chunk order, as a pool's imap gives them;
a failing chunk's exception comes back to the parent; a worker that dies is an error, not a hang."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from huifang import forkmap


def _square_with_pid(chunk):
    if chunk[0] % 3 == 0:
        time.sleep(0.01)  # later chunks overtake this one: the parent still hands them back in order
    return [(n * n, os.getpid()) for n in chunk]


def _fails_on_seven(chunk):
    if 7 in chunk:
        raise ValueError(f"无法处理 {chunk}")
    return chunk


def _dies_on_seven(chunk):
    if 7 in chunk:
        os._exit(3)
    return chunk


def _large(chunk):
    return "话" * 300_000 * len(chunk)  # more than a pipe holds at once


@pytest.mark.parametrize("jobs", [2, 3])
def test_results_come_back_in_chunk_order_from_several_workers(jobs):
    chunks = [[n, n + 1] for n in range(0, 60, 2)]
    results = list(forkmap.imap(_square_with_pid, chunks, jobs))
    assert [[v for v, _ in part] for part in results] == [[n * n for n in chunk] for chunk in chunks]
    pids = {pid for part in results for _, pid in part}
    assert os.getpid() not in pids and 1 < len(pids) <= jobs
    assert not _children_left()


def test_large_results_pass_whole():
    assert list(forkmap.imap(_large, [[1], [2], [3]], 2)) == ["话" * 300_000 * n for n in (1, 1, 1)]


def test_an_exception_in_a_chunk_is_raised_in_the_parent_and_the_workers_end():
    with pytest.raises(ValueError, match="无法处理"):
        list(forkmap.imap(_fails_on_seven, [[n] for n in range(20)], 2))
    assert not _children_left()


def test_a_worker_that_dies_is_an_error_not_a_hang():
    with pytest.raises(forkmap.WorkerDied):
        list(forkmap.imap(_dies_on_seven, [[n] for n in range(20)], 2))
    assert not _children_left()


def test_what_a_worker_prints_is_written_once(tmp_path):
    program = (
        "import sys\n"
        "from huifang import forkmap\n"
        "print('before', end=' ')\n"  # buffered in the parent when the workers are forked
        "def loud(chunk):\n"
        "    print(f'chunk{chunk[0]}', end=' ')\n"  # buffered in a worker until it ends
        "    return chunk\n"
        "list(forkmap.imap(loud, [[n] for n in range(6)], 2))\n"
        "print('after')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # the case is buffered output
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, env=env)
    words = run.stdout.split()
    assert run.returncode == 0 and words[0] == "before" and words[-1] == "after"
    assert sorted(words[1:-1]) == [f"chunk{n}" for n in range(6)]


def test_stopping_early_ends_the_workers():
    results = forkmap.imap(_square_with_pid, [[n] for n in range(200)], 2)
    next(results)
    results.close()  # what a KeyboardInterrupt in the parent's loop does to the generator
    assert not _children_left()


def test_ctrl_c_stops_the_parent_only_once_with_no_worker_traceback(tmp_path):
    program = (
        "import time\n"
        "from huifang import forkmap\n"
        "def slow(chunk):\n"
        "    time.sleep(0.2)\n"
        "    return chunk\n"
        "print('started', flush=True)\n"
        "try:\n"
        "    list(forkmap.imap(slow, [[n] for n in range(100)], 2))\n"
        "except KeyboardInterrupt:\n"
        "    print('stopped', flush=True)\n"
    )
    run = subprocess.Popen([sys.executable, "-c", program], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert run.stdout is not None
    assert run.stdout.readline().strip() == "started"
    time.sleep(0.5)
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=30)
    assert out.strip() == "stopped" and "Traceback" not in err


def _children() -> set[int]:
    """This process's living children. Under pytest-xdist a worker may have others of its own (a browser, a
    server another test started), so the tests compare before and after instead of asking for none."""
    found: set[int] = set()
    for task in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{task}/children") as handle:
            found.update(int(pid) for pid in handle.read().split())
    return found


BEFORE: set[int] = set()


@pytest.fixture(autouse=True)
def _children_before():
    BEFORE.clear()
    BEFORE.update(_children())


def _children_left() -> bool:
    """Whether a worker this test started is still a process (running, or a zombie nobody waited for)."""
    return bool(_children() - BEFORE)
