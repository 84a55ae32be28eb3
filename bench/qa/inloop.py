"""The per-call loop of `huifang qa --jobs 1 --no-db --format json` in process, for callgrind (the "in process"
figures of bench/README's qa rounds, Round 38 on): the project from the content cache as the command loads it,
calls 1-20 of FOLDER read and judged uncounted, then calls 21-100 read, judged, recorded and written as JSON (to
nowhere) through `operator.call`, so that `--toggle-collect=_operator_call` counts that loop alone.

    PYTHONHASHSEED=0 XDG_CACHE_HOME=bench/out/cache valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        --toggle-collect=_operator_call .venv/bin/python bench/qa/inloop.py bench/corpus/qa/1000-vary/whisperx

Divide callgrind's "Collected" by 80 for a call's instructions.
- `--stage MODULE:NAME` (e.g. `huifang.qa.rules_bridge:Bridge.findings`, `huifang.qa.texts:prepare`): only that
  function's calls are counted (it is wrapped in `operator.call`, and so are the names other modules imported it
  by); a function that calls itself, or a stage inside another wrapped one, is not counted this way.
- `--no-gc`: the cycle collector off in the counted calls. Where its passes fall moves with any change to what a
  call allocates, and one pass in or out of the 80 calls moved the count by ≈ 20 k a call (Round 38): compare
  two codes with it; quote the command's own figure without it.
- `--again`: each counted call is judged once uncounted first, so the count is of a call whose every turn text the
  run has seen (its memos all answer): the count without `--again` less this one is what the call's new texts cost.
"""

from __future__ import annotations

import argparse
import gc
import operator
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--stage", default=None, help="module:Class.function or module:function to count alone")
    parser.add_argument("--first", type=int, default=20)
    parser.add_argument("--last", type=int, default=100)
    parser.add_argument("--again", action="store_true", help="count each call's second judging (every text known)")
    parser.add_argument(
        "--no-gc", action="store_true", help="no cycle collection from call 21 on (A/B counts: no pass moves in or out)"
    )
    args = parser.parse_args()
    gc.set_threshold(50_000, *gc.get_threshold()[1:])  # as cli._collector_rarely
    from huifang.contentcache import load_content
    from huifang.lint.chunks import collector_at_rest
    from huifang.qa import readers
    from huifang.qa.output import JsonStream, Tally
    from huifang.qa.record import record
    from huifang.qa.session import Session

    session = Session(load_content(REPO, scripts=True).project)
    files = sorted(str(p) for p in args.folder.iterdir())[: args.last]
    stream, tally = JsonStream(lambda data: None), Tally()

    def one(name: str) -> None:
        call = readers.read(name, name)
        call.meta = {}
        r = record(session.judge(call), False, False)
        tally.add(r)
        stream.call(r)

    counted = [False]  # --stage: whether the wrapped function's calls are counted now
    if args.stage:
        module, _, name = args.stage.partition(":")
        owner = __import__(module, fromlist=["x"])
        *path, attr = name.split(".")
        for part in path:
            owner = getattr(owner, part)
        inner = getattr(owner, attr)

        def wrapped(*a, **k):
            return operator.call(inner, *a, **k) if counted[0] else inner(*a, **k)

        setattr(owner, attr, wrapped)
        # a function imported by name into other modules: those names rebound too
        for mod in list(sys.modules.values()):
            if mod is not None and getattr(mod, attr, None) is inner and mod is not owner:
                setattr(mod, attr, wrapped)
    with collector_at_rest():
        for name in files[: args.first]:
            one(name)
        if args.no_gc:
            gc.collect()
            gc.disable()
        if args.stage:
            for name in files[args.first :]:
                if args.again:
                    one(name)
                counted[0] = True
                one(name)
                counted[0] = False
        else:

            def loop() -> None:
                for name in files[args.first :]:
                    one(name)

            if args.again:
                for name in files[args.first :]:
                    one(name)
                    operator.call(one, name)
            else:
                operator.call(loop)


if __name__ == "__main__":
    main()
