"""Compare two hand labellings of the same files (issue 12): agreement and Cohen's kappa per element, then the
linter against annotator A, against annotator B and against their consensus.

    .venv/bin/python bench/realworld/agreement.py                        # sets 5 and 6: labels-heldoutN.yaml (A)
                                                                         # against labels2-heldoutN.yaml (B)
    .venv/bin/python bench/realworld/agreement.py --a A.yaml --b B.yaml  # any two files of the labels.yaml schema
    .venv/bin/python bench/realworld/agreement.py --no-tool -v           # agreement only; list every disagreement

An item is one opening or closing element of one file that both annotators label (null = not applicable is
skipped; an element one calls null and the other does not is counted apart, as a kind disagreement). Kappa is
Cohen's: (observed - chance) / (1 - chance), chance from each annotator's own rate of true.

The consensus keeps only what A and B agree on: elements with the same value, in files of the same kind (the
linter's answer depends on the declared kind), and forbidden lines both list; a line only one lists is left out
of the forbidden score whether or not the linter reports it. The linter's answers come from evaluate.py's
judge(), with A's kind for A and the consensus and B's kind for B.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))

from bench.realworld import evaluate  # noqa: E402

ELEMENTS = [("opening", e) for e in evaluate.OPENING] + [("closing", e) for e in evaluate.CLOSING]
SETS = ["heldout5", "heldout6"]


class LabelError(Exception):
    """A label file that cannot be compared; the message is one line, path first."""


def kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa of two raters over the same items; None when chance agreement is already total."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    rate_a = Counter(a for a, _ in pairs)
    rate_b = Counter(b for _, b in pairs)
    chance = sum(rate_a[c] * rate_b[c] for c in rate_a) / (n * n)
    if chance == 1:
        return None
    return (observed - chance) / (1 - chance)


def load(path: Path) -> dict[str, dict]:
    """Entries of one label file by their `file`."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise LabelError(f"{path}:1:1: cannot read: {err.strerror}") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise LabelError(f"{path}:{where}: not valid YAML: {getattr(err, 'problem', None) or err}") from None
    if not isinstance(data, list):
        raise LabelError(f"{path}:1:1: expected a list of entries, one per file")
    out: dict[str, dict] = {}
    for i, entry in enumerate(data, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise LabelError(f"{path}:1:1: entry {i} has no `file`")
        for part in ("opening", "closing"):
            if not isinstance(entry.get(part) or {}, dict):
                raise LabelError(f"{path}:1:1: {entry['file']}: `{part}` is not a mapping")
        out[entry["file"]] = entry
    return out


def value(entry: dict, part: str, ident: str) -> bool | None:
    got = (entry.get(part) or {}).get(ident)
    return None if got is None else bool(got)


def lines(entry: dict) -> set[int]:
    return {int(f["line"]) for f in entry.get("forbidden") or []}


@dataclass
class Agreement:
    """Items both annotators label, per element, and what did not pair up."""

    pairs: dict[str, list[tuple[bool, bool]]] = field(default_factory=dict)
    kinds: list[tuple[str, str]] = field(default_factory=list)
    branches: list[tuple[bool, bool]] = field(default_factory=list)
    forbidden: Counter[str] = field(default_factory=Counter)
    not_applicable: int = 0
    unsure: Counter[str] = field(default_factory=Counter)
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)


def compare(a: dict[str, dict], b: dict[str, dict]) -> Agreement:
    out = Agreement(pairs={ident: [] for _, ident in ELEMENTS})
    out.only_a = sorted(set(a) - set(b))
    out.only_b = sorted(set(b) - set(a))
    for name in sorted(set(a) & set(b)):
        ea, eb = a[name], b[name]
        unsure = set(eb.get("unsure") or [])
        out.kinds.append((str(ea.get("kind")), str(eb.get("kind"))))
        out.branches.append((bool(ea.get("branches")), bool(eb.get("branches"))))
        if ea.get("kind") != eb.get("kind"):
            out.differences.append(f"{name} kind A={ea.get('kind')} B={eb.get('kind')}")
        if bool(ea.get("branches")) != bool(eb.get("branches")):
            mark = " (B unsure)" if "branches" in unsure else ""
            out.differences.append(f"{name} branches A={bool(ea.get('branches'))} B={bool(eb.get('branches'))}{mark}")
        for part, ident in ELEMENTS:
            va, vb = value(ea, part, ident), value(eb, part, ident)
            if va is None and vb is None:
                continue
            if va is None or vb is None:
                out.not_applicable += 1
                continue
            out.pairs[ident].append((va, vb))
            out.unsure.update(items=ident in unsure, disagree=va != vb, both=ident in unsure and va != vb)
            if va != vb:
                mark = " (B unsure)" if ident in unsure else ""
                out.differences.append(f"{name} {ident} A={va} B={vb}{mark}")
        la, lb = lines(ea), lines(eb)
        out.forbidden.update(both=len(la & lb), only_a=len(la - lb), only_b=len(lb - la))
        if la != lb:
            out.differences.append(f"{name} forbidden A={sorted(la)} B={sorted(lb)}")
    return out


def show(k: float | None) -> str:
    return "—" if k is None else f"{k:.2f}"


def row(name: str, pairs: Sequence[tuple[Hashable, Hashable]], positive: Hashable = True) -> str:
    agree = sum(x == y for x, y in pairs)
    n = len(pairs)
    share = evaluate.ratio(agree, n)
    yes_a = sum(x == positive for x, _ in pairs)
    yes_b = sum(y == positive for _, y in pairs)
    return f"| {name} | {n} | {agree} | {share} | {yes_a} | {yes_b} | {show(kappa(pairs))} |"


def agreement_table(result: Agreement, title: str) -> str:
    out = [
        f"**{title}**",
        "",
        "| element | items | agree | raw agreement | A true | B true | kappa |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    out += [row(ident, result.pairs[ident]) for _, ident in ELEMENTS]
    opening = [p for part, ident in ELEMENTS if part == "opening" for p in result.pairs[ident]]
    closing = [p for part, ident in ELEMENTS if part == "closing" for p in result.pairs[ident]]
    out.append(row("all opening", opening))
    out.append(row("all closing", closing))
    out.append(row("**all opening/closing**", opening + closing))
    out.append(row("branches", result.branches))
    out.append(row("kind (A/B true = outbound)", result.kinds, positive="outbound"))
    every = opening + closing
    tp = sum(x and y for x, y in every)
    fp = sum(y and not x for x, y in every)
    fn = sum(x and not y for x, y in every)
    f, u = result.forbidden, result.unsure
    out += [
        "",
        f"B read as if it were the linter, against A: precision {evaluate.ratio(tp, tp + fp)}, "
        f"recall {evaluate.ratio(tp, tp + fn)} (TP {tp}, FP {fp}, FN {fn}). "
        f"B marked {u['items']} element items unsure; {u['both']} of the {u['disagree']} element disagreements "
        "are among them.",
        f"Forbidden lines: both {f['both']}, only A {f['only_a']}, only B {f['only_b']}. "
        f"Elements null for one annotator only (kind differs): {result.not_applicable}.",
    ]
    if result.only_a or result.only_b:
        out.append(f"Files labelled by one annotator only: A {result.only_a}, B {result.only_b}.")
    return "\n".join(out)


def consensus(ea: dict, eb: dict, got: dict) -> tuple[dict, dict]:
    """A's entry reduced to what B agrees with, and the linter's answer without the disputed lines."""
    entry = {"file": ea["file"], "kind": ea.get("kind"), "opening": {}, "closing": {}}
    for part, ident in ELEMENTS:
        va, vb = value(ea, part, ident), value(eb, part, ident)
        entry[part][ident] = va if va == vb else None
    la, lb = lines(ea), lines(eb)
    entry["forbidden"] = [{"line": n} for n in sorted(la & lb)]
    return entry, {**got, "forbidden": [n for n in got["forbidden"] if n not in la ^ lb]}


def tool_tables(a: dict[str, dict], b: dict[str, dict], base: Path, packs: tuple[str, ...], title: str) -> str:
    engine, project = evaluate.load_engine(REPO, packs)
    answers: dict[tuple[str, str], dict] = {}

    def answer(entry: dict) -> dict:
        key = (entry["file"], str(entry.get("kind")))
        if key not in answers:
            text = evaluate.read_text(base / entry["file"])
            answers[key] = evaluate.judge(engine, project, entry, text)
        return answers[key]

    names = sorted(set(a) & set(b))
    vs_a = [(a[n], answer(a[n])) for n in names]
    vs_b = [(b[n], answer(b[n])) for n in names]
    agreed = [n for n in names if a[n].get("kind") == b[n].get("kind")]
    vs_both = [consensus(a[n], b[n], answer(a[n])) for n in agreed]
    return "\n\n".join(
        [
            evaluate.table(evaluate.score(vs_a), f"linter vs A, {title} ({len(vs_a)} files)"),
            evaluate.table(evaluate.score(vs_b), f"linter vs B, {title} ({len(vs_b)} files)"),
            evaluate.table(
                evaluate.score(vs_both),
                f"linter vs consensus, {title} ({len(vs_both)} files of the same kind; agreed items only)",
            ),
        ]
    )


def merged(paths: Iterable[Path]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for path in paths:
        out.update(load(path))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--a", type=Path, action="append", help="annotator A's label file (repeatable)")
    parser.add_argument("--b", type=Path, action="append", help="annotator B's label file (repeatable)")
    parser.add_argument(
        "--pack",
        action="append",
        default=["service-taboos"],
        help="phrase packs enabled as in evaluate.py (default: service-taboos)",
    )
    parser.add_argument("--no-tool", action="store_true", help="agreement only; do not run the linter")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    if bool(args.a) != bool(args.b):
        parser.error("give both --a and --b, or neither (sets 5 and 6)")
    paths_a = args.a or [HERE / f"labels-{s}.yaml" for s in SETS]
    paths_b = args.b or [HERE / f"labels2-{s}.yaml" for s in SETS]
    title = (
        "sets 5 and 6"
        if not args.a
        else f"{' + '.join(p.name for p in paths_a)} vs {' + '.join(p.name for p in paths_b)}"
    )
    try:
        a, b = merged(paths_a), merged(paths_b)
    except LabelError as err:
        print(err, file=sys.stderr)
        return 2
    result = compare(a, b)
    print(agreement_table(result, f"A vs B, {title} ({len(result.kinds)} files)"))
    if args.verbose:
        print()
        print("\n".join(result.differences) or "no disagreement")
    if not args.no_tool:
        print()
        print(tool_tables(a, b, paths_a[0].parent, tuple(args.pack), title))
    return 0


if __name__ == "__main__":
    sys.exit(main())
