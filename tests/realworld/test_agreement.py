"""bench/realworld/agreement.py on a tiny handmade pair of label files, with the kappa worked out by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bench.realworld.agreement import compare, kappa, load

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "bench" / "realworld" / "agreement.py"

OUTBOUND = ["wenhou", "queren-shenfen", "gongsi", "zuoxi", "fangbian"]
CLOSING = ["ganxie", "zhufu", "zaijian"]


def entry(name: str, opening: str, closing: str, forbidden: list[int], kind: str = "outbound") -> dict:
    """`opening`/`closing` spell the elements' values as T/F in the order of OUTBOUND/CLOSING."""
    return {
        "file": name,
        "kind": kind,
        "opening": {**{k: c == "T" for k, c in zip(OUTBOUND, opening, strict=True)}, "xuqiu": None},
        "closing": {k: c == "T" for k, c in zip(CLOSING, closing, strict=True)},
        "forbidden": [{"line": n, "text": "…"} for n in forbidden],
    }


# Two outbound files, 8 applicable elements each = 16 items; A and B disagree on x's queren-shenfen and y's gongsi.
A = [entry("x.txt", "TTTFF", "TFT", [3]), entry("y.txt", "TFFFT", "FFF", [2])]
B = [entry("x.txt", "TFTFF", "TFT", [3]), entry("y.txt", "TFTFT", "FFF", [])]

X = "您好,我是安准银行客服,请问是王先生吗?\n王先生,我们对您上周的来电做个回访。\n你自己去查,别问我。\n感谢您的配合,再见。\n"
Y = "您好,现在方便接听电话吗?\n我不知道,你打别的电话吧。\n"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "x.txt").write_text(X, encoding="utf-8")
    (tmp_path / "y.txt").write_text(Y, encoding="utf-8")
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(yaml.safe_dump(A, allow_unicode=True), encoding="utf-8")
    b.write_text(yaml.safe_dump(B, allow_unicode=True), encoding="utf-8")
    return a, b


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, timeout=120, cwd=REPO
    )


def test_kappa_by_hand(pair: tuple[Path, Path]) -> None:
    # Observed 14/16. A says true 7 times in 16 (x: wenhou queren gongsi ganxie zaijian; y: wenhou fangbian),
    # B 7 times too (x: wenhou gongsi ganxie zaijian; y: wenhou gongsi fangbian).
    # Chance = (7/16)(7/16) + (9/16)(9/16) = 130/256; kappa = (224/256 - 130/256) / (1 - 130/256) = 94/126 = 47/63.
    result = compare(load(pair[0]), load(pair[1]))
    every = [p for pairs in result.pairs.values() for p in pairs]
    assert len(every) == 16
    assert kappa(every) == pytest.approx(47 / 63)
    # gongsi alone: (T,T) and (F,T): observed 1/2, chance (1/2)(2/2) + (1/2)(0/2) = 1/2, so kappa 0.
    assert kappa(result.pairs["gongsi"]) == pytest.approx(0)
    # wenhou: both always true, chance agreement is total and kappa undefined.
    assert kappa(result.pairs["wenhou"]) is None
    assert result.forbidden == {"both": 1, "only_a": 1, "only_b": 0}


def test_kappa_of_a_known_table() -> None:
    # The textbook 2x2 table: yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> observed 0.7, chance 0.5, kappa 0.4.
    pairs = [(True, True)] * 20 + [(True, False)] * 5 + [(False, True)] * 10 + [(False, False)] * 15
    assert kappa(pairs) == pytest.approx(0.4)


def test_report_with_the_linter(pair: tuple[Path, Path]) -> None:
    done = run("--a", pair[0], "--b", pair[1], "-v")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "| **all opening/closing** | 16 | 14 | 0.88 | 7 | 7 | 0.75 |" in out
    assert "| gongsi | 2 | 1 | 0.50 | 1 | 2 | 0.00 |" in out
    assert "| wenhou | 2 | 2 | 1.00 | 2 | 2 | — |" in out
    assert "B read as if it were the linter, against A: precision 0.86, recall 0.86 (TP 6, FP 1, FN 1)" in out
    assert "x.txt queren-shenfen A=True B=False" in out
    assert "y.txt forbidden A=[2] B=[]" in out

    def totals(title: str) -> list[int]:
        table = out[out.index(title) :]
        line = next(t for t in table.splitlines() if t.startswith("| **all opening/closing**"))
        return [int(c) for c in line.split("|")[2:6]]

    def forbidden(title: str) -> list[int]:
        table = out[out.index(title) :]
        line = next(t for t in table.splitlines() if t.startswith("| forbidden |"))
        return [int(c) for c in line.split("|")[2:5]]

    # The linter is scored on all 16 items against A and against B, on the 14 agreed items against the consensus.
    assert sum(totals("linter vs A")) == 16
    assert sum(totals("linter vs B")) == 16
    assert sum(totals("linter vs consensus")) == 14
    # Forbidden: A lists lines 3 (x) and 2 (y), B only x's line 3, so the consensus has one line to find;
    # y's line 2 is disputed and is scored neither as found nor as a false error.
    tp, fp, fn = forbidden("linter vs consensus")
    assert (tp + fn, fp) == (1, 0)
    tp, _, fn = forbidden("linter vs A")
    assert tp + fn == 2


def test_kind_disagreement_is_counted_apart(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    inbound = entry("x.txt", "TTTFF", "TFT", [])
    inbound["kind"], inbound["opening"]["fangbian"], inbound["opening"]["xuqiu"] = "inbound", None, True
    a.write_text(yaml.safe_dump([inbound], allow_unicode=True), encoding="utf-8")
    b.write_text(yaml.safe_dump([entry("x.txt", "TTTFF", "TFT", [])], allow_unicode=True), encoding="utf-8")
    result = compare(load(a), load(b))
    assert result.not_applicable == 2  # fangbian and xuqiu: null for one annotator only
    assert sum(len(p) for p in result.pairs.values()) == 7
    assert result.kinds == [("inbound", "outbound")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- file: x.txt\n  opening: [unclosed\n", ":3:1: not valid YAML"),
        ("file: x.txt\n", ":1:1: expected a list of entries, one per file"),
        ("- kind: outbound\n", ":1:1: entry 1 has no `file`"),
        ("- file: x.txt\n  opening: yes\n", ":1:1: x.txt: `opening` is not a mapping"),
    ],
)
def test_broken_label_file(tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(yaml.safe_dump(A, allow_unicode=True), encoding="utf-8")
    done = run("--a", good, "--b", bad, "--no-tool")
    assert done.returncode == 2
    assert done.stderr.startswith(f"{bad}{message}")
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_missing_label_file(tmp_path: Path) -> None:
    done = run("--a", tmp_path / "nowhere.yaml", "--b", tmp_path / "nowhere.yaml", "--no-tool")
    assert done.returncode == 2
    assert done.stderr.strip() == f"{tmp_path / 'nowhere.yaml'}:1:1: cannot read: No such file or directory"


def test_help() -> None:
    done = run("--help")
    assert done.returncode == 0
    assert "Cohen's kappa" in done.stdout
