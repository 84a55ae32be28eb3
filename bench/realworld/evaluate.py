"""Measure the linter on real published call scripts and transcripts (bench/realworld/).

    python bench/realworld/evaluate.py --split all -v     # all 705 development files (scripts/ 36 and the spent sets
                                                          # heldout2/ to heldout28/)
    python bench/realworld/evaluate.py --split dev        # the first labelling's dev half only
    python bench/realworld/evaluate.py --split heldout    # the first labelling's held-out half (since looked at)
    python bench/realworld/evaluate.py --split heldout2   # set 2 (labels-heldout2.yaml, heldout2/): blind once, measured
                                                          # once, then spent and a development set like the others
    python bench/realworld/evaluate.py --split heldout3   # set 3 (labels-heldout3.yaml, heldout3/): blind once, measured
                                                          # once, then spent and a development set like the others
    python bench/realworld/evaluate.py --split heldout4   # set 4 (labels-heldout4.yaml, heldout4/): blind once, measured
                                                          # once (session 6), then spent and a development set too
    python bench/realworld/evaluate.py --split heldout5   # set 5 (labels-heldout5.yaml, heldout5/): blind once, measured
                                                          # once (session 7), then spent and a development set too
    python bench/realworld/evaluate.py --split heldout6   # set 6 (labels-heldout6.yaml, heldout6/): blind once, measured
                                                          # once (session 8), then spent and a development set too
    python bench/realworld/evaluate.py --split heldout7   # set 7 (labels-heldout7.yaml, heldout7/): blind once, measured
                                                          # once (session 9, before and after), then spent and a development set too
    python bench/realworld/evaluate.py --split heldout8   # set 8 (labels-heldout8.yaml, heldout8/): blind once, measured
                                                          # once (session 10, before and after), then spent and a development set too
    python bench/realworld/evaluate.py --split heldout9   # set 9 (labels-heldout9.yaml, heldout9/): blind once, measured
                                                          # once (session 11, before and after), then spent and a development set too
    python bench/realworld/evaluate.py --split heldout10  # set 10 (labels-heldout10.yaml, heldout10/): blind once, measured
                                                          # in session 11 (first sight 9abf380), then spent
    python bench/realworld/evaluate.py --split heldout11  # set 11 (labels-heldout11.yaml, heldout11/): blind once, measured
                                                          # in session 12 (first sight c068d70), then spent
    python bench/realworld/evaluate.py --split heldout12  # set 12 (labels-heldout12.yaml, heldout12/): blind once, measured
                                                          # in session 12 (before 869ce36, after e657d97), then spent
    python bench/realworld/evaluate.py --split heldout13  # set 13 (labels-heldout13.yaml, heldout13/): blind once, measured
                                                          # in session 13 (before 0176b7b, after dc3b116), then spent
    python bench/realworld/evaluate.py --split heldout14  # set 14 (labels-heldout14.yaml, heldout14/): blind once, measured
                                                          # in sessions 13 and 14 (before 0176b7b, after a22c5de), then spent
    python bench/realworld/evaluate.py --split heldout15  # set 15 (labels-heldout15.yaml, heldout15/): blind once, measured
                                                          # in sessions 14 and 15 (before aadcfb9, after a22c5de and c57e17e), then spent
    python bench/realworld/evaluate.py --split heldout16  # set 16 (labels-heldout16.yaml, heldout16/): blind once, measured
                                                          # in session 15 (before c57e17e, after 55b4f60), then spent
    python bench/realworld/evaluate.py --split heldout17  # set 17 (labels-heldout17.yaml, heldout17/): blind once, measured
                                                          # in sessions 15 and 16 (c57e17e, fbf1519, 6610fb7, 52f32d9), then spent
    python bench/realworld/evaluate.py --split heldout18  # set 18 (labels-heldout18.yaml, heldout18/): blind once, measured
                                                          # in sessions 16 and 17 (6610fb7, 52f32d9, 687f743, 8884380), then spent
    python bench/realworld/evaluate.py --split heldout19  # set 19 (labels-heldout19.yaml, heldout19/): blind once, measured
                                                          # in sessions 17 and 18 (5b4f45d, 8884380, 297a513, d9e503c, 2169471), then spent
    python bench/realworld/evaluate.py --split heldout20  # set 20 (labels-heldout20.yaml, heldout20/): blind once, measured
                                                          # in sessions 18 and 19 (d9e503c, 2169471, bb6d9e4), then spent
    python bench/realworld/evaluate.py --split heldout21  # set 21 (labels-heldout21.yaml, heldout21/): blind once, measured
                                                          # in sessions 19 and 20 (be7004d, da6468a, 4502bb2), then spent
    python bench/realworld/evaluate.py --split heldout22  # set 22 (labels-heldout22.yaml, heldout22/): blind once, measured
                                                          # in sessions 20 and 21 (0c34baf, 4502bb2, 3d5483f), then spent
    python bench/realworld/evaluate.py --split heldout23  # set 23 (labels-heldout23.yaml, heldout23/): blind once, measured
                                                          # in sessions 21 and 22 (190c5af, 3d5483f, b0beb57), then spent
    python bench/realworld/evaluate.py --split heldout24  # set 24 (labels-heldout24.yaml, heldout24/): blind once, measured
                                                          # in sessions 22 and 23 (20183f6, b9acce8, e6d7a10), then spent
    python bench/realworld/evaluate.py --split heldout25  # set 25 (labels-heldout25.yaml, heldout25/): blind once, measured
                                                          # in sessions 23 and 24 (616d636, 2a5560f, cd092df), then spent
    python bench/realworld/evaluate.py --split heldout26  # set 26 (labels-heldout26.yaml, heldout26/): blind once, measured
                                                          # in sessions 24 and 25 (2dc7d90, 1f91695, ec87ab0), then spent
    python bench/realworld/evaluate.py --split heldout27  # set 27 (labels-heldout27.yaml, heldout27/): blind once, measured
                                                          # in sessions 25 and 29 (3842f01, a65d662c, d7ac7030), then spent
    python bench/realworld/evaluate.py --split heldout28  # set 28 (labels-heldout28.yaml, heldout28/): blind once, measured
                                                          # in session 29 (666c26c3, a65d662c) and 30 (d7ac7030), then spent
    python bench/realworld/evaluate.py --split heldout29  # set 29 (labels-heldout29.yaml, heldout29/): blind, written in session 30;
                                                          # totals only until it is spent (not part of `all`)

Each file is read exactly as `huifang lint` reads a free-form script (lint.freeform.Reader with the
project's speaker table), with the kind of contact from labels.yaml (what a team would declare).
Opening elements are looked for in the opening the linter finds (standards.openings: each path's when the
opening is said inside branches), closing elements
in each path's closing as the rule missing-closing reads it (standards.closing, and a phrase list's goodbye entry
where the goodbye is missing, with the thanks and wishes next to it: leavetaking.read_closing), both in the file's own kind's part (ownkind.own_kind: a
book of standards' section for another kind of contact is not the call) and, in a story of a call, its quoted
words only (spoken.spoken: the narration is nobody's words on the call), with the one detector
(standards.find_elements); an
element counts as present only when every path has it, as labels.yaml decides. Forbidden phrases are
the linter's own forbidden-phrase findings (engine.lint_view), with the optional service pack
enabled as `extends` would; a finding on a line the labels do not list is a false error.

Positive class for elements = "the element is present". Precision = present-and-found / found,
recall = present-and-found / present. Labels null (not applicable) are skipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OPENING = ["wenhou", "queren-shenfen", "gongsi", "zuoxi", "fangbian", "xuqiu"]
CLOSING = ["ganxie", "zhufu", "zaijian"]
LABELS = {
    "dev": "labels.yaml",
    "heldout": "labels.yaml",
    "heldout2": "labels-heldout2.yaml",
    "heldout3": "labels-heldout3.yaml",
    "heldout4": "labels-heldout4.yaml",
    "heldout5": "labels-heldout5.yaml",
    "heldout6": "labels-heldout6.yaml",
    "heldout7": "labels-heldout7.yaml",
    "heldout8": "labels-heldout8.yaml",
    "heldout9": "labels-heldout9.yaml",
    "heldout10": "labels-heldout10.yaml",
    "heldout11": "labels-heldout11.yaml",
    "heldout12": "labels-heldout12.yaml",
    "heldout13": "labels-heldout13.yaml",
    "heldout14": "labels-heldout14.yaml",
    "heldout15": "labels-heldout15.yaml",
    "heldout16": "labels-heldout16.yaml",
    "heldout17": "labels-heldout17.yaml",
    "heldout18": "labels-heldout18.yaml",
    "heldout19": "labels-heldout19.yaml",
    "heldout20": "labels-heldout20.yaml",
    "heldout21": "labels-heldout21.yaml",
    "heldout22": "labels-heldout22.yaml",
    "heldout23": "labels-heldout23.yaml",
    "heldout24": "labels-heldout24.yaml",
    "heldout25": "labels-heldout25.yaml",
    "heldout26": "labels-heldout26.yaml",
    "heldout27": "labels-heldout27.yaml",
    "heldout28": "labels-heldout28.yaml",
    "heldout29": "labels-heldout29.yaml",
}


def load_engine(root: Path, packs: tuple[str, ...]):
    from huifang.lint.config import LintConfig
    from huifang.lint.engine import Engine
    from huifang.project import load_project

    loaded = load_project(root, scripts=[])
    project = loaded.project
    settings = project.config.lint
    base = [settings.extends] if isinstance(settings.extends, str) else list(settings.extends)
    config = LintConfig(
        [*base, *(p for p in packs if p not in base)],
        dict(settings.rules),
        list(settings.ignore),
        speakers=dict(settings.speakers),
    )
    return Engine(project, config), project


def read_text(path: Path) -> str:
    text = path.read_bytes().decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text


def judge(engine, project, entry: dict, text: str) -> dict:
    from huifang.lint import standards
    from huifang.lint.engine import finish
    from huifang.lint.leavetaking import read_closing
    from huifang.lint.ownkind import own_kind
    from huifang.lint.spoken import spoken

    reader = engine.ctx.reader
    view = reader.view(text, entry["file"], None)
    view.kind = entry.get("kind") or "outbound"
    ctx = engine.ctx
    ctx.view = view
    found: dict[str, bool] = {}
    greeting, closing = project.greeting, project.closing
    by_id = {e.id: e for e in greeting.elements + closing.elements}
    own = own_kind(view)  # the opening and closing in the file's own kind's part (Round 32b)
    own = spoken(own)  # a story of a call: its quoted words only, the narration is nobody's (Round 34)
    heres = [
        {f.element.id for f in standards.find_elements(turns, greeting.elements, view.org)}
        for _, turns in standards.openings(ctx, own, greeting)
    ]
    for ident in OPENING:
        found[ident] = all(ident in here for here in heres)
    # each path's closing as the rule missing-closing reads it (a phrase list's leave-taking entries included,
    # Rounds 32a and 33a)
    closings = [read_closing(ctx, own, t, closing)[0] for _, t in own.paths]
    for ident in CLOSING:
        element = by_id[ident]
        found[ident] = all(standards.find_elements(last, [element], view.org) for last in closings)
    ctx.sources[view.file] = text
    problems = finish(engine.lint_view(view), ctx.sources, ctx.config)
    del ctx.sources[view.file]
    forbidden = sorted({p.line for p in problems if p.rule == "forbidden-phrase" and p.severity == "error"})
    return {"elements": found, "forbidden": forbidden, "problems": problems}


def score(rows: list[tuple[dict, dict]]) -> dict:
    out = {}
    for ident in OPENING + CLOSING:
        tp = fp = fn = tn = 0
        part = "opening" if ident in OPENING else "closing"
        for entry, got in rows:
            want = (entry.get(part) or {}).get(ident)
            if want is None:
                continue
            have = got["elements"][ident]
            tp += want and have
            fp += (not want) and have
            fn += want and not have
            tn += (not want) and not have
        out[ident] = (tp, fp, fn, tn)
    tp = fp = fn = 0
    for entry, got in rows:
        want = {f["line"] for f in entry.get("forbidden") or []}
        have = set(got["forbidden"])
        tp += len(want & have)
        fp += len(have - want)
        fn += len(want - have)
    out["forbidden"] = (tp, fp, fn, 0)
    return out


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "—"


def table(scores: dict, title: str) -> str:
    lines = [
        f"**{title}**",
        "",
        "| element | TP | FP | FN | TN | precision | recall |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    totals = [0, 0, 0, 0]
    for ident, (tp, fp, fn, tn) in scores.items():
        if ident != "forbidden":
            totals = [a + b for a, b in zip(totals, (tp, fp, fn, tn))]
        lines.append(f"| {ident} | {tp} | {fp} | {fn} | {tn} | {ratio(tp, tp + fp)} | {ratio(tp, tp + fn)} |")
    tp, fp, fn, tn = totals
    lines.append(
        f"| **all opening/closing** | {tp} | {fp} | {fn} | {tn} | **{ratio(tp, tp + fp)}** | **{ratio(tp, tp + fn)}** |"
    )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=[*LABELS, "all"],
        default="dev",
        help="all = the development files (dev, heldout and the spent heldout2 to heldout28)",
    )
    parser.add_argument("--project", type=Path, default=REPO)
    parser.add_argument(
        "--pack",
        action="append",
        default=["service-taboos"],
        help="phrase packs enabled as huifang.yaml's lint.extends would (default: service-taboos)",
    )
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each file's disagreements")
    args = parser.parse_args(argv)
    engine, project = load_engine(args.project, tuple(args.pack))
    spent = ["dev", "heldout", *(f"heldout{n}" for n in range(2, 29))]
    splits = spent if args.split == "all" else [args.split]
    everything = []
    for split in splits:
        labels = yaml.safe_load((HERE / LABELS[split]).read_text(encoding="utf-8"))
        rows = []
        for entry in labels:
            if entry.get("split") != split:
                continue
            text = read_text(HERE / entry["file"])
            got = judge(engine, project, entry, text)
            rows.append((entry, got))
            if args.verbose:
                wrong = []
                for part, idents in (("opening", OPENING), ("closing", CLOSING)):
                    for ident in idents:
                        want = (entry.get(part) or {}).get(ident)
                        if want is not None and bool(want) != got["elements"][ident]:
                            wrong.append(f"{ident}:{'FN' if want else 'FP'}")
                want = sorted(f["line"] for f in entry.get("forbidden") or [])
                if want != got["forbidden"]:
                    wrong.append(f"forbidden want {want} got {got['forbidden']}")
                print(entry["file"], entry.get("kind"), " ".join(wrong) or "ok")
        print(table(score(rows), f"{split} ({len(rows)} files)"))
        print()
        everything += rows
    if len(splits) > 1:
        print(table(score(everything), f"all ({len(everything)} files)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
