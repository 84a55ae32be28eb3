"""Worker processes: how many to start, and leaving Ctrl-C to their parent, which stops the pool and keeps the
old output."""

from __future__ import annotations

import os
import signal


def ignore_interrupts() -> None:
    """Pool initializer: a worker must not print its own KeyboardInterrupt traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
