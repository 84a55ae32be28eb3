"""Session 20's cuts of a lint's serial path: each gives what the code before it gave."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap

from huifang.lint.config import LintConfig
from huifang.lint.engine import finish
from huifang.problems import Problem


def _finish_before(problems, sources, config):
    """lint.engine.finish as it was (a dict of every finding by place, sorted), the oracle."""
    from huifang.lint.suppress import Switches

    switches: dict = {}
    out = {}
    ignored = config.ignored if config.ignore else None
    for p in problems:
        if ignored is not None and ignored(p.path):
            continue
        if p.path not in switches:
            text = sources.get(p.path, "")
            switches[p.path] = Switches(text) if "huifang:" in text else None
        here = switches[p.path]
        if here is not None and here.off(p.rule, p.line):
            continue
        key = (p.path, p.line, p.column, p.rule, p.message)
        if key not in out:
            out[key] = p
    return [out[key] for key in sorted(out)]


def _findings(seed: int) -> list[Problem]:
    rng = random.Random(seed)
    return [
        Problem(
            f"scripts_src/free/s{rng.randrange(6):02d}.txt",
            rng.randrange(1, 5),
            rng.randrange(1, 3),
            rng.choice(["一", "二"]),
            "error",
            rng.choice(["forbidden-phrase", "missing-greeting"]),
        )
        for _ in range(rng.randrange(0, 30))
    ]


def _same(a: list, b: list) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b))


def test_finish_gives_what_the_dict_and_sort_gave():
    config = LintConfig()
    switched = {"scripts_src/free/s01.txt": "客服：您好\n<!-- huifang: off forbidden-phrase -->\n"}
    for seed in range(300):
        found = _findings(seed)
        ordered = _finish_before(found, {}, config)  # sorted, unique: the fast path's input
        for problems, sources in ((found, {}), (ordered, {}), (ordered, switched), (found, switched)):
            assert _same(finish(problems, sources, config), _finish_before(problems, sources, config))
        again = finish(ordered, {}, config)
        assert again == ordered and again is not ordered  # a list of its own, as before


def test_finish_ignores_files_on_the_fast_path_too():
    config = LintConfig(ignore=["scripts_src/free/s01.txt"])
    ordered = _finish_before(_findings(7) + [Problem("scripts_src/free/s01.txt", 1, 1, "x")], {}, LintConfig())
    assert _same(finish(ordered, {}, config), _finish_before(ordered, {}, config))
    assert all(p.path != "scripts_src/free/s01.txt" for p in finish(ordered, {}, config))


def test_opencc_extension_loaded_without_the_package_converts_as_the_package():
    """The converter made from OpenCC's extension alone (no `typing` import) converts as opencc.OpenCC, and
    the package imported after it works (the extension is not initialised twice)."""
    script = textwrap.dedent(
        """
        import sys
        from huifang.lint import simplified
        converter = simplified._converter()
        assert type(converter).__name__ == "_Direct", converter
        assert "typing" not in sys.modules and "opencc" not in sys.modules
        text = "頭髮與發展，電話號碼；請問您對這次維修服務滿意嗎？\\n我們會盡快處理。"
        direct = converter.convert(text)
        import opencc
        assert direct == opencc.OpenCC("t2s.json").convert(text), direct
        print(direct)
        """
    )
    env = {**os.environ, "HUIFANG_NO_CACHE": "1"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "头发与发展，电话号码；请问您对这次维修服务满意吗？\n我们会尽快处理。\n"


def test_a_lint_imports_neither_shutil_nor_json(tmp_path):
    """A one-file lint's process, content cached: argparse's formatter without the terminal width (shutil, bz2, lzma), the
    JSON rows without the json package."""
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    script = tmp_path / "s.txt"
    script.write_text("客服：您好，我是回访专员。\n客户：好的。\n", encoding="utf-8")
    probe = textwrap.dedent(
        f"""
        import atexit, sys
        atexit.register(lambda: print(sorted(m for m in ("shutil", "json", "lzma") if m in sys.modules),
                                      file=sys.stderr))
        sys.argv = ["huifang", "lint", "--project", {str(repo)!r}, {str(script)!r}, "--format", "json"]
        from huifang import cli
        cli.main()
        """
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for _ in range(2):  # the first run writes the content cache (tempfile imports shutil); the second reads it
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert out.stderr.strip().splitlines()[-1] == "[]", out.stderr
