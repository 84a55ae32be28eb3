"""A learned reader of the opening and closing elements, tested leave one set out against the rules at first sight.

    python bench/realworld/learned.py                        # runs first_sight.py -v (about a minute), then the test
    python bench/realworld/learned.py --rules saved.txt      # first_sight.py -v's output saved before
    python bench/realworld/learned.py --reader lr            # a logistic regression instead of naive Bayes

Data: the spent labelled files (labels.yaml, labels-heldout2.yaml … labels-heldout17.yaml; the blind sets 18 and
later are never read), one item per file and element (wenhou … zaijian), null labels skipped. Folds: each spent
set 3…17 is left out once; the first 36 files and set 2 always train (they have no first-sight answers).

The learned reader: one multinomial naive Bayes per element over binary character 1–3-grams of the text only
(NFKC, lower case, digits as 0, runs of blanks as one): the first HEAD characters for an opening element, the
last TAIL characters for a closing one, plus one token for the declared kind of contact (what `huifang lint` is
told too). Never today's linter output: today's rules were tuned on every set, their answers would leak the fold.

Four readers per test set, against its labels:
  (a) rules   the set's first-sight answers (first_sight.py -v: that set's old code, which never saw the set)
  (b) learned score >= t_b
  (c) rules OR learned score >= t_c                  (a recall booster)
  (d) rules AND NOT learned score < t_d              (a precision filter: drop what the reader is sure is absent)
Each threshold, per element, maximises F1 over the inner folds only: for test set k, each other spent set j is
scored by a reader trained without k and j, and the pooled inner scores (with set j's first-sight answers for c
and d) choose t. The test set's labels choose nothing.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
OPENING = ["wenhou", "queren-shenfen", "gongsi", "zuoxi", "fangbian", "xuqiu"]
CLOSING = ["ganxie", "zhufu", "zaijian"]
ELEMENTS = OPENING + CLOSING
BASE = {"labels.yaml": ("dev", "heldout"), "labels-heldout2.yaml": ("heldout2",)}
SETS = [f"heldout{n}" for n in range(3, 18)]  # the spent sets with first-sight answers; 18 and later are blind
HEAD, TAIL = 400, 300
ALPHA = 1.0
VARIANTS = ["rules", "learned", "rules or learned", "rules and not learned-absent"]
INF = math.inf
RANKS = [5, 10, 20, 40, 80, 160]


@dataclass
class Item:
    group: str  # "base" or a spent set
    file: str
    kind: str
    want: dict[str, bool | None]  # element -> label (None = not applicable)
    feats: dict[str, frozenset[str]]  # "opening"/"closing" -> features
    lines: dict[str, list[frozenset[str]]] = field(default_factory=dict)  # the same, line by line


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"\d", "0", text)
    return re.sub(r"[ \t\u3000]+", " ", text)


def grams(text: str, n_max: int = 3) -> set[str]:
    return {text[i : i + n] for n in range(1, n_max + 1) for i in range(len(text) - n + 1)}


def features(text: str, kind: str, head: int = HEAD, tail: int = TAIL) -> dict[str, frozenset[str]]:
    """Binary features for an opening element (the head) and for a closing one (the tail)."""
    text = normalise(text)
    token = "kind=" + kind
    return {
        "opening": frozenset(grams(text[:head]) | {token}),
        "closing": frozenset(grams(text[-tail:] if tail else "") | {token}),
    }


def line_features(text: str, kind: str, head: int = HEAD, tail: int = TAIL) -> dict[str, list[frozenset[str]]]:
    """The head's and the tail's lines, each as its own binary features (for a reader that takes the best line)."""
    text = normalise(text)
    token = "kind=" + kind
    regions = {"opening": text[:head], "closing": text[-tail:] if tail else ""}
    return {
        part: [frozenset(grams(line.strip()) | {token}) for line in region.split("\n") if line.strip()]
        or [frozenset({token})]
        for part, region in regions.items()
    }


def part_of(element: str) -> str:
    return "opening" if element in OPENING else "closing"


def read_text(path: Path) -> str:
    text = path.read_bytes().decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text


def load_items(head: int = HEAD, tail: int = TAIL) -> list[Item]:
    sources = [(name, "base", splits) for name, splits in BASE.items()]
    sources += [(f"labels-{s}.yaml", s, (s,)) for s in SETS]
    items = []
    for name, group, splits in sources:
        for entry in yaml.safe_load((HERE / name).read_text(encoding="utf-8")):
            if entry.get("split") not in splits:
                continue
            want = {e: (entry.get(part_of(e)) or {}).get(e) for e in ELEMENTS}
            kind = entry.get("kind") or "outbound"
            text = read_text(HERE / entry["file"])
            feats, lines = features(text, kind, head, tail), line_features(text, kind, head, tail)
            items.append(Item(group, entry["file"], kind, want, feats, lines))
    return items


WRONG = re.compile(r"([a-z-]+):(FN|FP)$")


def parse_first_sight(output: str, items: Sequence[Item]) -> dict[tuple[str, str], bool]:
    """(file, element) -> the first-sight answer, from first_sight.py -v's per-file lines (what differs from
    the labels is printed, so every labelled item's answer is known)."""
    by_file = {item.file: item for item in items}
    answers: dict[tuple[str, str], bool] = {}
    for line in output.splitlines():
        words = line.split()
        if not words or words[0] not in by_file:
            continue
        item = by_file[words[0]]
        wrong = {m.group(1): m.group(2) for w in words[2:] if (m := WRONG.match(w))}
        for element in ELEMENTS:
            want = item.want[element]
            if want is None:
                continue
            if element in wrong:
                answers[item.file, element] = wrong[element] == "FP"
            else:
                answers[item.file, element] = bool(want)
    return answers


class Counts:
    """Per element and class, how many training files hold each feature; trained on all groups but a few by
    subtracting those groups' counts from the totals."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.total: dict[tuple[str, bool], Counter[str]] = {}
        self.by_group: dict[tuple[str, str, bool], Counter[str]] = {}
        self.docs: Counter[tuple[str, str, bool]] = Counter()
        self.tokens: Counter[tuple[str, str, bool]] = Counter()
        self.vocab: dict[str, Counter[str]] = {"opening": Counter(), "closing": Counter()}
        self.vocab_group: dict[tuple[str, str], Counter[str]] = {}
        for item in items:
            for part, feats in item.feats.items():
                self.vocab[part].update(feats)
                self.vocab_group.setdefault((item.group, part), Counter()).update(feats)
            for element in ELEMENTS:
                want = item.want[element]
                if want is None:
                    continue
                feats = item.feats[part_of(element)]
                key = (element, bool(want))
                self.total.setdefault(key, Counter()).update(feats)
                self.by_group.setdefault((item.group, *key), Counter()).update(feats)
                self.docs[(item.group, *key)] += 1
                self.tokens[(item.group, *key)] += len(feats)

    def scorer(self, element: str, without: Iterable[str]) -> Scorer:
        without = list(without)
        part = part_of(element)
        # The vocabulary: features of any training file (labelled for this element or not).
        vocab_size = len(self.vocab[part])
        gone: set[str] = set()
        for group in without:
            gone.update(self.vocab_group.get((group, part), ()))
        removed = Counter[str]()
        for group in without:
            removed.update(self.vocab_group.get((group, part), Counter()))
        vocab_size -= sum(1 for f in gone if self.vocab[part][f] == removed[f])
        groups = {g for g, _, _ in self.docs}
        docs = {c: sum(self.docs[(g, element, c)] for g in groups if g not in without) for c in (True, False)}
        tokens = {c: sum(self.tokens[(g, element, c)] for g in groups if g not in without) for c in (True, False)}
        less = {c: [self.by_group.get((g, element, c), Counter()) for g in without] for c in (True, False)}
        return Scorer(
            self.total.get((element, True), Counter()),
            self.total.get((element, False), Counter()),
            less,
            self.vocab[part],
            removed,
            docs,
            tokens,
            vocab_size,
        )


@dataclass
class Scorer:
    pos: Counter[str]
    neg: Counter[str]
    less: dict[bool, list[Counter[str]]]
    vocab: Counter[str]
    removed: Counter[str]
    docs: dict[bool, int]
    tokens: dict[bool, int]
    vocab_size: int

    def __call__(self, feats: frozenset[str]) -> float:
        """Log-odds of "present" (multinomial naive Bayes, Laplace ALPHA, binary features)."""
        pos_docs, neg_docs = self.docs[True], self.docs[False]
        if not pos_docs:
            return -INF
        if not neg_docs:
            return INF
        score = math.log(pos_docs / neg_docs)
        den_pos = math.log(self.tokens[True] + ALPHA * self.vocab_size)
        den_neg = math.log(self.tokens[False] + ALPHA * self.vocab_size)
        for f in feats:
            if self.vocab[f] - self.removed[f] <= 0:
                continue  # not seen in training
            n_pos = self.pos[f] - sum(c[f] for c in self.less[True])
            n_neg = self.neg[f] - sum(c[f] for c in self.less[False])
            score += math.log(n_pos + ALPHA) - den_pos - math.log(n_neg + ALPHA) + den_neg
        return score


class Logistic:
    """Per element, an L2-regularised logistic regression over the same binary features, those held by at least
    MIN_DF of all labelled texts (counted without labels), trained by SGD in a fixed order (seeded shuffles); the
    hyper-parameters were fixed before any run, not chosen on a fold."""

    MIN_DF, EPOCHS, RATE, L2 = 3, 12, 0.2, 1e-4

    def __init__(self, items: Sequence[Item]) -> None:
        self.items = items
        self.ids: dict[str, dict[str, int]] = {}
        for part in ("opening", "closing"):
            df = Counter(f for item in items for f in item.feats[part])
            kept = sorted(f for f, n in df.items() if n >= self.MIN_DF)
            self.ids[part] = {f: n for n, f in enumerate(kept)}
        self.rows = {
            (item.file, part): [self.ids[part][f] for f in sorted(item.feats[part]) if f in self.ids[part]]
            for item in items
            for part in ("opening", "closing")
        }

    def scorer(self, element: str, without: Iterable[str]) -> Callable[[frozenset[str]], float]:
        without = set(without)
        part = part_of(element)
        data = [
            (self.rows[item.file, part], 1.0 if item.want[element] else 0.0)
            for item in self.items
            if item.group not in without and item.want[element] is not None
        ]
        weights, bias = train_logistic(data, len(self.ids[part]), self.EPOCHS, self.RATE, self.L2)
        ids = self.ids[part]

        def score(feats: frozenset[str]) -> float:
            return bias + sum(weights[ids[f]] for f in feats if f in ids)

        return score


def on_feats(reader: Counts | Logistic) -> Callable[[str, frozenset[str]], Callable[[Item], float]]:
    """A file-level reader's scorers, taking the item and reading the features of the element's part."""

    def factory(element: str, without: frozenset[str]) -> Callable[[Item], float]:
        score = reader.scorer(element, without)
        part = part_of(element)
        return lambda item: score(item.feats[part])

    return factory


class Lines:
    """Per element, a logistic regression on lines, a file scored by its best line: trained once with every line
    of a file taking the file's label, then again with only each positive file's best line as positive (the
    usual multiple-instance heuristic). Hyper-parameters as Logistic's, fixed before the run."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.items = items
        self.ids: dict[str, dict[str, int]] = {}
        for part in ("opening", "closing"):
            df = Counter(f for item in items for f in set().union(*item.lines[part]))
            kept = sorted(f for f, n in df.items() if n >= Logistic.MIN_DF)
            self.ids[part] = {f: n for n, f in enumerate(kept)}
        self.rows = {
            (item.file, part): [
                [self.ids[part][f] for f in sorted(line) if f in self.ids[part]] for line in item.lines[part]
            ]
            for item in items
            for part in ("opening", "closing")
        }

    def scorer(self, element: str, without: frozenset[str]) -> Callable[[Item], float]:
        part = part_of(element)
        train = [i for i in self.items if i.group not in without and i.want[element] is not None]
        size = len(self.ids[part])
        data = [(row, 1.0 if i.want[element] else 0.0) for i in train for row in self.rows[i.file, part]]
        weights, bias = train_logistic(data, size, Logistic.EPOCHS, Logistic.RATE, Logistic.L2)

        def best(rows: list[list[int]]) -> list[int]:
            return max(rows, key=lambda row: sum(weights[f] for f in row))

        data = [(row, 0.0) for i in train if not i.want[element] for row in self.rows[i.file, part]] + [
            (best(self.rows[i.file, part]), 1.0) for i in train if i.want[element]
        ]
        weights, bias = train_logistic(data, size, Logistic.EPOCHS, Logistic.RATE, Logistic.L2)
        ids = self.ids[part]

        def score(item: Item) -> float:
            return bias + max(sum(weights[ids[f]] for f in line if f in ids) for line in item.lines[part])

        return score


def train_logistic(
    data: Sequence[tuple[list[int], float]], size: int, epochs: int, rate: float, l2: float, seed: int = 0
) -> tuple[list[float], float]:
    """SGD on the log loss of binary feature rows; weights kept as scale * v so L2 decay is one multiplication."""
    v = [0.0] * size
    scale, bias = 1.0, 0.0
    order = list(range(len(data)))
    shuffle = random.Random(seed).shuffle
    step = 0
    for _ in range(epochs):
        shuffle(order)
        for n in order:
            ids, y = data[n]
            step += 1
            eta = rate / (1 + 0.01 * step) ** 0.5
            z = bias + scale * sum(map(v.__getitem__, ids))
            p = 1 / (1 + math.exp(-z)) if z > -30 else 0.0
            g = y - p
            scale *= 1 - eta * l2
            bias += eta * g
            if g:
                c = eta * g / scale
                for f in ids:
                    v[f] += c
    return [scale * x for x in v], bias


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def tally(pairs: Iterable[tuple[bool, bool]]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for want, have in pairs:
        tp += want and have
        fp += have and not want
        fn += want and not have
    return tp, fp, fn


def combine(variant: str, rule: bool, score: float, t: float) -> bool:
    if variant == "rules":
        return rule
    if variant == "learned":
        return score >= t
    if variant == "rules or learned":
        return rule or score >= t
    return rule and score >= t


def choose(variant: str, rows: Sequence[tuple[bool, bool, float]]) -> float:
    """The threshold maximising F1 over (want, rule, score) rows; on a tie the one that changes the rules least
    (c: the highest, d: the lowest), for (b) the lowest."""
    scores = sorted({s for _, _, s in rows})
    if variant == "rules":
        return 0.0
    if variant == "rules or learned":
        candidates = [INF, *reversed(scores)]
    elif variant == "rules and not learned-absent":
        candidates = [-INF, *scores]
    else:
        candidates = [*scores, INF]
    best, best_t = -1.0, candidates[0]
    for t in candidates:
        value = f1(*tally((want, combine(variant, rule, s, t)) for want, rule, s in rows))
        if value > best:
            best, best_t = value, t
    return best_t


@dataclass
class Outcome:
    """Per test set, element and variant: (want, have) pairs; and the thresholds chosen."""

    pairs: dict[tuple[str, str, str], list[tuple[bool, bool]]]
    thresholds: dict[tuple[str, str, str], float]
    scores: dict[tuple[str, str], tuple[bool, bool, float]]  # (file, element) -> label, rule, outer score
    elements: list[str] = field(default_factory=lambda: list(ELEMENTS))


def scored(
    factory: Callable[[str, frozenset[str]], Callable[[Item], float]],
    scorers: dict[frozenset[str], Callable[[Item], float]],
    element: str,
    test: Sequence[Item],
    rules: dict[tuple[str, str], bool],
    without: set[str],
) -> list[tuple[bool, bool, float]]:
    """(label, first-sight answer, score) of each labelled test item, by a reader trained without some groups."""
    key = frozenset(without)
    if key not in scorers:
        scorers[key] = factory(element, key)
    scorer = scorers[key]
    return [(bool(i.want[element]), rules[i.file, element], scorer(i)) for i in test if i.want[element] is not None]


def run(
    items: Sequence[Item],
    rules: dict[tuple[str, str], bool],
    reader: str = "nb",
    sets: Sequence[str] = SETS,
    elements: Sequence[str] = ELEMENTS,
) -> Outcome:
    factory = (
        Lines(items).scorer if reader == "lines" else on_feats(Counts(items) if reader == "nb" else Logistic(items))
    )
    by_set = {s: [i for i in items if i.group == s] for s in sets}
    pairs: dict[tuple[str, str, str], list[tuple[bool, bool]]] = {}
    thresholds: dict[tuple[str, str, str], float] = {}
    outer_scores: dict[tuple[str, str], tuple[bool, bool, float]] = {}
    for element in elements:
        scorers: dict[frozenset[str], Callable[[Item], float]] = {}

        for k in sets:
            inner = [row for j in sets if j != k for row in scored(factory, scorers, element, by_set[j], rules, {j, k})]
            outer = scored(factory, scorers, element, by_set[k], rules, {k})
            for variant in VARIANTS:
                t = choose(variant, inner)
                thresholds[k, element, variant] = t
                pairs[k, element, variant] = [(want, combine(variant, rule, s, t)) for want, rule, s in outer]
            labelled = [i for i in by_set[k] if i.want[element] is not None]
            for i, row in zip(labelled, outer, strict=True):
                outer_scores[i.file, element] = row
    return Outcome(pairs, thresholds, outer_scores, list(elements))


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "—"


def cell(tp: int, fp: int, fn: int) -> str:
    return f"{tp} / {fp} / {fn} ({ratio(tp, tp + fp)} / {ratio(tp, tp + fn)})"


def report(outcome: Outcome, sets: Sequence[str] = SETS) -> str:
    def total(ss: Iterable[str], es: Iterable[str], v: str) -> tuple[int, int, int]:
        return tally(p for s in ss for e in es for p in outcome.pairs[s, e, v])

    lines = ["Per test set, all elements, TP / FP / FN (precision / recall):", ""]
    lines.append("| set | " + " | ".join(f"({'abcd'[n]}) {v}" for n, v in enumerate(VARIANTS)) + " |")
    lines.append("|---" * (len(VARIANTS) + 1) + "|")
    for s in sets:
        lines.append(f"| {s[7:]} | " + " | ".join(cell(*total([s], outcome.elements, v)) for v in VARIANTS) + " |")
    lines.append(
        f"| **pooled ({len(sets)} sets)** | "
        + " | ".join(cell(*total(sets, outcome.elements, v)) for v in VARIANTS)
        + " |"
    )
    lines += ["", "Pooled over the folds, per element, TP / FP / FN (precision / recall):", ""]
    lines.append("| element | " + " | ".join(f"({'abcd'[n]})" for n in range(len(VARIANTS))) + " |")
    lines.append("|---" * (len(VARIANTS) + 1) + "|")
    for e in outcome.elements:
        lines.append(f"| {e} | " + " | ".join(cell(*total(sets, [e], v)) for v in VARIANTS) + " |")
    lines += ["", "What (c) adds to the rules and (d) takes away, pooled: right / wrong:", ""]
    lines.append("| element | (c) adds: missed found / false added | (d) drops: false dropped / true lost |")
    lines.append("|---|---|---|")
    for e in [*outcome.elements, "all"]:
        es = outcome.elements if e == "all" else [e]
        c = d = (0, 0)
        for s in sets:
            for el in es:
                rule = tally(p for p in outcome.pairs[s, el, VARIANTS[0]])
                boost = tally(p for p in outcome.pairs[s, el, VARIANTS[2]])
                cut = tally(p for p in outcome.pairs[s, el, VARIANTS[3]])
                c = (c[0] + boost[0] - rule[0], c[1] + boost[1] - rule[1])
                d = (d[0] + rule[1] - cut[1], d[1] + rule[0] - cut[0])
        lines.append(f"| {e} | {c[0]} / {c[1]} | {d[0]} / {d[1]} |")
    lines += [
        "",
        "Ranked by the outer readers' scores, pooled over folds and elements (no threshold; a ceiling, not "
        "an estimate): of the N rule negatives scored highest, how many the rules had missed; of the N rule "
        "positives scored lowest, how many were false:",
        "",
    ]
    rows = sorted(outcome.scores.values(), key=lambda r: -r[2])
    negatives = [want for want, rule, _ in rows if not rule]
    positives = [not want for want, rule, _ in reversed(rows) if rule]
    lines.append(
        f"(base rates: {sum(negatives)} missed among {len(negatives)} rule negatives, "
        f"{sum(positives)} false among {len(positives)} rule positives)"
    )
    lines.append("")
    lines.append("| N | " + " | ".join(str(n) for n in RANKS) + " |")
    lines.append("|---" * (len(RANKS) + 1) + "|")
    lines.append("| missed among the top N negatives | " + " | ".join(str(sum(negatives[:n])) for n in RANKS) + " |")
    lines.append("| false among the bottom N positives | " + " | ".join(str(sum(positives[:n])) for n in RANKS) + " |")
    lines += [
        "",
        "Thresholds chosen on the inner folds (log-odds; inf = never, -inf = always), min … max over folds:",
        "",
    ]
    lines.append("| element | (b) | (c) | (d) |")
    lines.append("|---|---|---|---|")
    for e in outcome.elements:
        row = []
        for v in VARIANTS[1:]:
            ts = [outcome.thresholds[s, e, v] for s in sets]
            row.append(f"{min(ts):.1f} … {max(ts):.1f}")
        lines.append(f"| {e} | " + " | ".join(row) + " |")
    return "\n".join(lines)


def changes(outcome: Outcome, rules: dict[tuple[str, str], bool], items: Sequence[Item]) -> list[str]:
    """Each item where (c) or (d) answers otherwise than the rules: file, element, variant, right or wrong, score."""
    lines = []
    for item in items:
        if item.group not in SETS:
            continue
        for element in ELEMENTS:
            if (item.file, element) not in outcome.scores:
                continue
            want, rule, score = outcome.scores[item.file, element]
            for variant in VARIANTS[2:]:
                t = outcome.thresholds[item.group, element, variant]
                have = combine(variant, rule, score, t)
                if have != rule:
                    verdict = "right" if have == want else "wrong"
                    lines.append(f"{item.file} {element} ({'abcd'[VARIANTS.index(variant)]}) {verdict} {score:.1f}")
    return lines


def bootstrap(outcome: Outcome, items: Sequence[Item], reps: int = 2000, seed: int = 0) -> list[str]:
    """F1 of (c) and (d) less F1 of (a), pooled, with a 95 % interval from resampling the test files (seeded)."""
    files = []
    for item in items:
        rows = []
        for element in ELEMENTS:
            if item.group not in SETS or (item.file, element) not in outcome.scores:
                continue
            want, rule, score = outcome.scores[item.file, element]
            answers = [
                combine(v, rule, score, outcome.thresholds[item.group, element, v]) for v in (VARIANTS[2], VARIANTS[3])
            ]
            rows.append((want, rule, *answers))
        if rows:
            files.append(rows)

    def gain(sample: Sequence[list[tuple[bool, ...]]], col: int) -> float:
        return f1(*tally((r[0], r[col]) for rows in sample for r in rows)) - f1(
            *tally((r[0], r[1]) for rows in sample for r in rows)
        )

    rng = random.Random(seed)
    lines = []
    for col, name in ((2, "(c)"), (3, "(d)")):
        diffs = sorted(gain([files[rng.randrange(len(files))] for _ in files], col) for _ in range(reps))
        low, high = diffs[int(0.025 * reps)], diffs[int(0.975 * reps) - 1]
        lines.append(
            f"{name} − (a), pooled F1: {gain(files, col):+.4f} (95 % over {len(files)} files: {low:+.4f} … {high:+.4f})"
        )
    return lines


def check_rules(output: str, rules: dict[tuple[str, str], bool], items: Sequence[Item]) -> list[str]:
    """The per-file answers, tallied, must give first_sight.py's own per-set totals."""
    problems = []
    for s in SETS:
        m = re.search(
            rf"\*\*{s} \(\d+ files\).*?\*\*all opening/closing\*\* \| (\d+) \| (\d+) \| (\d+) \|", output, re.S
        )
        if not m:
            problems.append(f"{s}: no table in first_sight.py's output")
            continue
        mine = tally(
            (bool(i.want[e]), rules[i.file, e])
            for i in items
            if i.group == s
            for e in ELEMENTS
            if i.want[e] is not None
        )
        theirs = tuple(int(x) for x in m.groups())
        if mine != theirs:
            problems.append(f"{s}: per-file answers tally {mine}, first_sight.py says {theirs}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=Path, help="first_sight.py -v's output, saved (default: run it)")
    parser.add_argument(
        "--reader",
        choices=["nb", "lr", "lines"],
        default="nb",
        help="naive Bayes, logistic regression, or logistic regression on the best line",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list the items (c) adds and (d) drops")
    parser.add_argument("--element", action="append", choices=ELEMENTS, help="default: all nine")
    parser.add_argument("--head", type=int, default=HEAD)
    parser.add_argument("--tail", type=int, default=TAIL)
    args = parser.parse_args(argv)
    if args.rules:
        output = args.rules.read_text(encoding="utf-8")
    else:
        done = subprocess.run(
            [sys.executable, str(HERE / "first_sight.py"), "-v", *(f"--set={s}" for s in SETS)],
            capture_output=True,
            text=True,
            check=True,
        )
        output = done.stdout
    items = load_items(args.head, args.tail)
    rules = parse_first_sight(output, items)
    problems = check_rules(output, rules, items)
    missing = [(i.file, e) for i in items if i.group in SETS for e in ELEMENTS if i.want[e] is not None]
    missing = [key for key in missing if key not in rules]
    if problems or missing:
        for p in problems:
            print(p)
        if missing:
            print(f"{len(missing)} labelled items without a first-sight answer, e.g. {missing[:3]}")
        return 1
    outcome = run(items, rules, args.reader, elements=args.element or ELEMENTS)
    print(
        f"reader {args.reader}: {len(items)} files ({sum(i.group in SETS for i in items)} in sets 3–17); head {args.head}, tail {args.tail}"
    )
    print()
    print(report(outcome))
    print()
    for line in bootstrap(outcome, items):
        print(line)
    if args.verbose:
        print()
        for line in changes(outcome, rules, items):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
