"""jieba, imported once, quiet, and without `pkg_resources`.

jieba 0.42's `_compat` imports setuptools' `pkg_resources` (≈ 0.2 s of CPU, a third of a failing build) only to
open its own dictionary, and opens the same file from its package folder when that import fails — which it does
where setuptools is not installed, as in a plain wheel install. Hiding it while jieba is imported gives every
install the same path and every build and serve the time back."""

from __future__ import annotations

import logging
import sys
from types import ModuleType


def jieba() -> ModuleType:
    loaded = sys.modules.get("jieba")
    if loaded is not None:
        return loaded
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # `import pkg_resources` raises ImportError
    try:
        import jieba as module
    finally:
        if hidden:
            del sys.modules["pkg_resources"]
    module.setLogLevel(logging.WARNING)
    return module
