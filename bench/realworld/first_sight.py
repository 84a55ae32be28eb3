"""Each spent blind set on the code it was first measured with, and with a change applied: the transfer test.

    python bench/realworld/first_sight.py                          # sets 3–8 at first sight, one table each
    python bench/realworld/first_sight.py --set heldout7 -v        # set 7's first-sight disagreements, file by file
    python bench/realworld/first_sight.py --patch change.diff -v   # the same, each set's old code with the change
    python bench/realworld/first_sight.py --edit bench/realworld/transfer/endings.py   # a change written as an edit

A figure on a spent set says little about files nobody tuned to: every set was fitted once it was spent. What
each set got wrong while it was still blind, and whether a change would have fixed that, does. For each set this
exports the code of the commit it was first measured on (`git archive`: generator/, content/, schemas/,
templates/, scripts_src/, huifang.yaml and that commit's evaluate.py; no data set) into a temporary directory,
applies the patches there (`git apply`, paths relative to the repository root, e.g. `git diff A B -- content
generator > change.diff`) and the edits (Python scripts run in the export, given its path: a change written as
an edit of the text, for code too old for a diff's context; bench/realworld/transfer/ holds each change as it was transfer-tested), and runs that evaluate.py's judge() on the set's files and labels as they are in this
tree, in a child process whose `huifang` is the export. A patch that does not apply to a commit is reported and
that set is skipped. Blind sets (heldout29 and later) are not accepted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
# The commit each set was first measured on (bench/README.md, "Blind held-out sets").
FIRST_SIGHT = {
    "heldout3": "5d68aff",
    "heldout4": "c4585ed",
    "heldout5": "322a760",
    "heldout6": "d0863eb",
    "heldout7": "17fd0b3",
    "heldout8": "1d87431",
    "heldout9": "5cf8fc1",
    "heldout10": "9abf380",
    "heldout11": "c068d70",
    "heldout12": "869ce36",
    "heldout13": "0176b7b",
    "heldout14": "0176b7b",
    "heldout15": "aadcfb9",
    "heldout16": "c57e17e",
    "heldout17": "c57e17e",
    "heldout18": "6610fb7",
    "heldout19": "5b4f45d",
    "heldout20": "d9e503c",
    "heldout21": "be7004d",
    "heldout22": "0c34baf",
    "heldout23": "190c5af",
    "heldout24": "20183f6",
    "heldout25": "616d636",
    "heldout26": "2dc7d90",
    "heldout27": "3842f01",
    "heldout28": "666c26c3",
}
EXPORTED = [
    "generator",
    "content",
    "schemas",
    "templates",
    "scripts_src",
    "huifang.yaml",
    "bench/realworld/evaluate.py",
]


def export(commit: str, into: Path) -> None:
    archive = subprocess.run(["git", "-C", str(REPO), "archive", commit, *EXPORTED], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    (into / "pythonpath").mkdir()
    (into / "pythonpath" / "huifang").symlink_to(into / "generator")


def run_set(split: str, patches: list[Path], edits: list[Path], verbose: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="first-sight-") as tmp:
        root = Path(tmp)
        export(FIRST_SIGHT[split], root)
        for patch in patches:
            done = subprocess.run(["git", "apply", str(patch.resolve())], cwd=root, capture_output=True, text=True)
            if done.returncode != 0:
                print(f"{split}: {patch} does not apply to {FIRST_SIGHT[split]}: {done.stderr.strip()}")
                return 1
        for edit in edits:
            done = subprocess.run(
                [sys.executable, str(edit.resolve()), str(root)], cwd=root, capture_output=True, text=True
            )
            if done.returncode != 0:
                print(f"{split}: {edit} failed on {FIRST_SIGHT[split]}: {done.stderr.strip()[-300:]}")
                return 1
        command = [sys.executable, __file__, "--child", split, "--root", str(root)] + (["-v"] if verbose else [])
        env = dict(os.environ, PYTHONPATH=str(root / "pythonpath"))
        return subprocess.run(command, env=env).returncode


def child(split: str, root: Path, verbose: bool) -> int:
    """Runs with `huifang` imported from the export: that commit's judge() on this tree's set and labels."""
    import yaml

    sys.path.insert(0, str(root / "bench" / "realworld"))
    import evaluate as ev  # the commit's own

    engine, project = ev.load_engine(root, ("service-taboos",))
    labels = yaml.safe_load((HERE / f"labels-{split}.yaml").read_text(encoding="utf-8"))
    rows = []
    for entry in labels:
        if entry.get("split") != split:
            continue
        got = ev.judge(engine, project, entry, ev.read_text(HERE / entry["file"]))
        rows.append((entry, got))
        if verbose:
            wrong = []
            for part, idents in (("opening", ev.OPENING), ("closing", ev.CLOSING)):
                for ident in idents:
                    want = (entry.get(part) or {}).get(ident)
                    if want is not None and bool(want) != got["elements"][ident]:
                        wrong.append(f"{ident}:{'FN' if want else 'FP'}")
            want_lines = sorted(f["line"] for f in entry.get("forbidden") or [])
            if want_lines != got["forbidden"]:
                wrong.append(f"forbidden want {want_lines} got {got['forbidden']}")
            print(entry["file"], entry.get("kind"), " ".join(wrong) or "ok")
    print(ev.table(ev.score(rows), f"{split} ({len(rows)} files) on {FIRST_SIGHT[split]}"))
    print()
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set", dest="sets", action="append", choices=list(FIRST_SIGHT), help="default: every spent set"
    )
    parser.add_argument("--patch", action="append", type=Path, default=[], help="a diff to apply to each set's code")
    parser.add_argument("--edit", action="append", type=Path, default=[], help="a Python script that edits the export")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each file's disagreements")
    parser.add_argument("--child", choices=list(FIRST_SIGHT), help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.root, args.verbose)
    failed = 0
    for split in args.sets or list(FIRST_SIGHT):
        failed |= run_set(split, args.patch, args.edit, args.verbose)
    return failed


if __name__ == "__main__":
    sys.exit(main())
