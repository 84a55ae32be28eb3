"""`work` over chunks in forked worker processes, results back in chunk order: what
`multiprocessing.Pool(...).imap` gives a lint run, for a fraction of its cost.

A pool imports `multiprocessing` (≈ 8 ms of start-up), starts three threads in the parent that hand out
tasks, watch the workers and read results, and pickles every task. Here the parent writes every chunk's
number into one pipe before forking (the chunks themselves are inherited), each worker takes the next
number when it is free (a pipe read of 4 bytes written whole is never split), and writes each result,
pickled, into a pipe of its own, which the parent reads with `select`. A worker ends with `os._exit` (no
exit handlers, as a pool's workers) and ignores Ctrl-C, which stops the parent: it then ends the workers.
An exception in `work` is raised again in the parent; a worker that dies (killed, out of memory) is a
`workers.WorkerDied` at once, saying how it ended: the others are ended, and nothing waits for them.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import sys

from huifang.workers import WorkerDied, ended, status_code

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

_TASK = struct.Struct("<I")  # a chunk's number
_HEAD = struct.Struct("<IQ")  # a result's chunk number and its length in bytes
_FAILED = 0xFFFFFFFF  # a chunk number that means "work raised": the payload is the exception


__all__ = ["WorkerDied", "imap"]


def imap(work: Callable, chunks: list, jobs: int) -> Iterator:
    """`work(chunk)` for each chunk, in chunk order, computed by `jobs` forked processes."""
    if len(chunks) * _TASK.size > 65536:  # more than a pipe holds before its reader starts
        raise ValueError("too many chunks for one task pipe")
    task_read, task_write = os.pipe()
    os.write(task_write, b"".join(_TASK.pack(i) for i in range(len(chunks))))
    os.close(task_write)
    _flush()  # nothing buffered is written twice
    children: dict[int, int] = {}  # result pipe → pid
    reaped: set[int] = set()  # workers already waited for (their pids may be another process's by now)
    done = False
    try:
        for _ in range(jobs):
            result_read, result_write = os.pipe()
            _widen(result_write)
            pid = os.fork()
            if pid == 0:  # the worker
                os.close(result_read)
                for other in children:
                    os.close(other)
                _serve(work, chunks, task_read, result_write)  # never returns
            os.close(result_write)
            children[result_read] = pid
        os.close(task_read)
        task_read = -1
        yield from _gather(children, len(chunks), reaped)
        done = True
    finally:
        if task_read >= 0:
            os.close(task_read)
        _end(children, reaped, stop=not done)


def _widen(fd: int) -> None:
    """Let a pipe hold a chunk's whole result (Linux: 64 KiB by default, a lint chunk's is ≈ 150 KiB), so that a
    worker writes it and goes on without waiting for the parent, busy with the other worker's, to read it."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):  # not Linux, or over /proc/sys/fs/pipe-max-size
        pass


def _serve(work: Callable, chunks: list, tasks: int, out: int) -> None:
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        while True:
            raw = os.read(tasks, _TASK.size)
            if not raw:
                break
            (index,) = _TASK.unpack(raw)
            try:
                payload = pickle.dumps(work(chunks[index]), pickle.HIGHEST_PROTOCOL)
            except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
                payload = _pickled_error(exc)
                index = _FAILED
            _write_all(out, _HEAD.pack(index, len(payload)) + payload)
            if index == _FAILED:
                break
    except BaseException:  # noqa: BLE001 - a worker never unwinds into its parent's code
        code = 1
    finally:
        _flush()  # what the work printed (a pool's workers flush too)
        os._exit(code)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass


def _pickled_error(exc: BaseException) -> bytes:
    try:
        return pickle.dumps(exc, pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - an exception that does not pickle is sent as its text
        return pickle.dumps(RuntimeError(f"{type(exc).__name__}: {exc}"), pickle.HIGHEST_PROTOCOL)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _gather(children: dict[int, int], total: int, reaped: set[int]) -> Iterator:
    """Results in chunk order, read from every worker's pipe as they arrive; a worker whose pipe closes is waited
    for, and one that did not end well (a signal, an exit code) stops the run at once."""
    buffers = {fd: bytearray() for fd in children}
    ready: dict[int, bytes] = {}
    following = 0
    while following < total:
        if not buffers:
            raise WorkerDied(ended(None))
        readable, _, _ = select.select(list(buffers), [], [])
        for fd in readable:
            data = os.read(fd, 1 << 20)
            if not data:
                del buffers[fd]
                code = _reap(children[fd], reaped)
                if code:
                    raise WorkerDied(ended(code))
                continue
            buffer = buffers[fd]
            buffer += data
            while len(buffer) >= _HEAD.size:
                index, size = _HEAD.unpack_from(buffer)
                if len(buffer) < _HEAD.size + size:
                    break
                payload = bytes(buffer[_HEAD.size : _HEAD.size + size])
                del buffer[: _HEAD.size + size]
                if index == _FAILED:
                    raise pickle.loads(payload)
                ready[index] = payload
        while following in ready:
            yield pickle.loads(ready.pop(following))
            following += 1


def _reap(pid: int, reaped: set[int]) -> int:
    """Wait for a worker whose pipe closed (it is ending): its exit status as a returncode (-N: signal N)."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return 0
    reaped.add(pid)
    return status_code(status)


def _end(children: dict[int, int], reaped: set[int], *, stop: bool) -> None:
    """Close the result pipes and reap every worker; `stop`: end them first (the parent stops early)."""
    for fd, pid in children.items():
        os.close(fd)
        if pid in reaped:
            continue
        try:
            if stop:
                os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass
