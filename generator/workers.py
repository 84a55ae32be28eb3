"""Worker processes leave Ctrl-C to their parent, which stops the pool and keeps the old output."""

from __future__ import annotations

import signal


def ignore_interrupts() -> None:
    """Pool initializer: a worker must not print its own KeyboardInterrupt traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
