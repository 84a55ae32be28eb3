"""Worker processes: how many to start, leaving Ctrl-C to their parent, which stops the pool and keeps the
old output, and what the parent says when one died."""

from __future__ import annotations

import os
import signal


def count(items: int, parallel_from: int, wanted: int = 0) -> int:
    """Processes for `items` pieces of work: `wanted` if given, else HUIFANG_JOBS, else one below
    `parallel_from` items (where starting workers costs more than it saves), else the usable CPUs (at most 8)."""
    if wanted > 0:
        return wanted
    env = os.environ.get("HUIFANG_JOBS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    if items < parallel_from:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8))


class WorkerDied(RuntimeError):
    """A worker process ended before its work was done (killed, out of memory, unable to start): the run stops at
    once and writes nothing; the message says how the worker ended, in Chinese."""


def ended(code: int | None, said: str = "") -> str:
    """How a worker ended, from its exit status (`subprocess`'s returncode: -N for signal N) and the last line it
    printed, as the start of a `WorkerDied` message."""
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"信号 {-code}"
        why = "（可能是内存不足，系统结束了它）" if -code == signal.SIGKILL else ""
        text = f"工作进程被 {name} 终止{why}"
    elif code:
        text = f"工作进程意外退出（退出码 {code}）"
    else:
        text = "工作进程未完成工作就退出了"
    return f"{text}：{said}" if said else text


def status_code(status: int) -> int:
    """`os.waitpid`'s status as `subprocess`'s returncode."""
    return os.waitstatus_to_exitcode(status)
