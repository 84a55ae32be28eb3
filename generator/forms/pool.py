"""PDF renders in spawned worker processes, answers in the order they finish; without `multiprocessing`.

`concurrent.futures.ProcessPoolExecutor` did this until a worker died (killed by the out-of-memory killer or a
signal, or unable to start): it said BrokenProcessPool and then hung the parent for good on Python 3.11.2, Debian
12's, whose pool joins a queue feeder blocked writing into a pipe no process reads (CPython gh-94777, fixed in
3.11.4+), and its resource tracker, unable to start too, printed English warnings and tracebacks.

Here each worker is `python -P -c BOOT`, started with `subprocess` (a Python that cannot be run is an OSError in
the parent, at once), fresh (spawned, never forked: the parent may hold fontconfig's locks), in a process group of
its own (a Ctrl-C at the terminal reaches the parent only, which then ends the workers), with the parent's
`sys.path`. The parent hands one job at a time to a worker that asked for one (so it never blocks writing to a busy
worker) and reads the answers with `select`; a worker whose pipe closes before it answered died, and the parent
says so at once (`WorkerDied`: how it ended, the last line it printed), ends the others and writes nothing.
What a worker prints goes to a file the parent copies to its stderr when all went well.
"""

from __future__ import annotations

import json
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import tempfile

from huifang.workers import WorkerDied, ended

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Generator, Iterator

_SIZE = struct.Struct("<Q")  # a message's length in bytes; the message is a pickled tuple
BOOT = "import sys, json; sys.path[:] = json.loads(sys.argv[1]); from huifang.forms.pool import serve; serve()"


def imap_unordered(jobs: list[tuple], workers: int) -> Generator[tuple[int, tuple[bytes, int]], None, None]:
    """(index, `render.first_fit(*jobs[index])`) for every job, as the `workers` processes finish them."""
    log = tempfile.TemporaryFile()
    started: list[subprocess.Popen] = []
    ok = False
    try:
        for _ in range(min(workers, len(jobs))):
            started.append(_start(log))
        yield from _hand_out(jobs, started, log)
        ok = True
    finally:
        _end(started)
        if ok:
            _relay(log)
        log.close()


def _start(log) -> subprocess.Popen:
    command = [sys.executable, "-P", *_flags(), "-c", BOOT, json.dumps(sys.path)]
    try:
        return subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, process_group=0, close_fds=True
        )
    except OSError as exc:
        from huifang.readfile import os_words

        raise WorkerDied(
            f"无法启动工作进程（{os_words(exc)}：{sys.executable}；加 --jobs 1 或设环境变量 HUIFANG_JOBS=1 可不用工作进程）"
        ) from exc


def _flags() -> list[str]:
    """The interpreter options the parent runs with (-X, -W, -O …), as multiprocessing passes them on."""
    try:
        return list(subprocess._args_from_interpreter_flags())  # type: ignore[attr-defined]
    except (AttributeError, TypeError, ValueError):
        return []


def _hand_out(jobs: list[tuple], started: list[subprocess.Popen], log) -> Iterator:
    waiting = iter(range(len(jobs)))
    busy: dict[int, int | None] = {}  # a worker's stdout fd → the job it works on (None: starting)
    by_fd = {}
    buffers: dict[int, bytearray] = {}
    for process in started:
        assert process.stdout is not None
        fd = process.stdout.fileno()
        by_fd[fd] = process
        busy[fd] = None
        buffers[fd] = bytearray()
    left = len(jobs)
    while left:
        readable, _, _ = select.select(list(buffers), [], [])
        for fd in readable:
            data = os.read(fd, 1 << 20)
            process = by_fd[fd]
            if not data:  # the worker ended: only after its stdin was closed, with nothing to do, is that fine
                del buffers[fd]
                if fd in busy:
                    raise WorkerDied(_how_it_ended(process, log))
                continue
            buffer = buffers[fd]
            buffer += data
            while len(buffer) >= _SIZE.size:
                (size,) = _SIZE.unpack_from(buffer)
                if len(buffer) < _SIZE.size + size:
                    break
                kind, index, value = pickle.loads(bytes(buffer[_SIZE.size : _SIZE.size + size]))
                del buffer[: _SIZE.size + size]
                if kind == "error":
                    raise value
                following = next(waiting, None)  # handed out before the answer is used: no worker waits on it
                if following is None:
                    del busy[fd]
                    _close(process)  # no more work: the worker reads the end of its input and exits
                else:
                    busy[fd] = following
                    try:
                        _send(process, jobs[following], following)
                    except OSError:  # it died while being handed the job
                        raise WorkerDied(_how_it_ended(process, log)) from None
                if kind == "done":
                    left -= 1
                    yield index, value


def _send(process: subprocess.Popen, job: tuple, index: int) -> None:
    assert process.stdin is not None
    payload = pickle.dumps((index, job), pickle.HIGHEST_PROTOCOL)
    process.stdin.write(_SIZE.pack(len(payload)) + payload)
    process.stdin.flush()


def _close(process: subprocess.Popen) -> None:
    try:
        if process.stdin is not None:
            process.stdin.close()
    except OSError:
        pass


def _how_it_ended(process: subprocess.Popen, log) -> str:
    try:
        code = process.wait(timeout=5)
    except subprocess.TimeoutExpired:  # its pipe closed but it lives on: end it
        process.kill()
        code = process.wait()
    return ended(code, _last_line(log))


def _last_line(log) -> str:
    try:
        log.flush()
        size = os.fstat(log.fileno()).st_size
        log.seek(max(0, size - 4096))
        lines = [line.strip() for line in log.read().decode("utf-8", "replace").splitlines() if line.strip()]
    except OSError:
        return ""
    return lines[-1][:200] if lines else ""


def _relay(log) -> None:
    try:
        log.seek(0)
        text = log.read()
    except OSError:
        return
    if text:
        sys.stderr.flush()
        sys.stderr.buffer.write(text) if hasattr(sys.stderr, "buffer") else sys.stderr.write(text.decode())
        sys.stderr.flush()


def _end(started: list[subprocess.Popen]) -> None:
    """Every worker ended and reaped: those still working are killed (the run stopped early or failed)."""
    for process in started:
        _close(process)
        if process.poll() is None:
            try:
                process.kill()
            except OSError:
                pass
    for process in started:
        try:
            process.wait()
        except OSError:
            pass
        if process.stdout is not None:
            process.stdout.close()


# -- the worker --------------------------------------------------------------------------------------------------
def serve() -> None:
    """A worker's life: say it is ready, then render each job it is handed until its input ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # its parent stops it
    jobs = os.fdopen(os.dup(0), "rb")
    answers = os.dup(1)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(2, 1)  # whatever the libraries print goes to the log, never into the answers
    try:
        from huifang.forms.render import first_fit
    except BaseException as exc:  # noqa: BLE001 - said in the parent, as the same error rendering in-process
        _answer(answers, "error", -1, _picklable(exc))
        return
    _answer(answers, "ready", -1, None)
    while True:
        head = jobs.read(_SIZE.size)
        if len(head) < _SIZE.size:
            return
        (size,) = _SIZE.unpack(head)
        index, job = pickle.loads(jobs.read(size))
        try:
            value = first_fit(*job)
        except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
            _answer(answers, "error", index, _picklable(exc))
            return
        _answer(answers, "done", index, value)


def _answer(fd: int, kind: str, index: int, value) -> None:
    payload = pickle.dumps((kind, index, value), pickle.HIGHEST_PROTOCOL)
    view = memoryview(_SIZE.pack(len(payload)) + payload)
    while view:
        view = view[os.write(fd, view) :]


def _picklable(exc: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc, pickle.HIGHEST_PROTOCOL))
        return exc
    except Exception:  # noqa: BLE001 - an exception that does not pickle is sent as its text
        return RuntimeError(f"{type(exc).__name__}: {exc}")
