"""bench/realworld/learned.py's pure parts on made-up items: features, the first-sight parse, the readers, thresholds."""

from __future__ import annotations

import math

from bench.realworld.learned import (
    ELEMENTS,
    Counts,
    Item,
    Logistic,
    choose,
    combine,
    features,
    grams,
    normalise,
    parse_first_sight,
    tally,
    train_logistic,
)


def item(group: str, name: str, text: str, **want: bool | None) -> Item:
    labels: dict[str, bool | None] = dict.fromkeys(ELEMENTS, False)
    labels.update({k.replace("_", "-"): v for k, v in want.items()})
    return Item(group, name, "outbound", labels, features(text, "outbound", head=12, tail=8))


def test_text_is_normalised_and_cut_into_head_and_tail():
    assert normalise("Ｘ先生，您好！\t\t工号 8801") == "x先生,您好! 工号 0000"
    assert grams("您好") == {"您", "好", "您好"}
    feats = features("您好，我是小王。" + "中" * 30 + "再见", "inbound", head=3, tail=2)
    assert "您好," in feats["opening"] and "我" not in feats["opening"]
    assert "再见" in feats["closing"] and "中" not in feats["closing"]
    assert "kind=inbound" in feats["opening"] and "kind=inbound" in feats["closing"]


def test_first_sight_lines_give_every_labelled_answer():
    items = [
        item("heldout3", "heldout3/201.txt", "您好", gongsi=True, fangbian=None),
        item("heldout3", "heldout3/202.txt", "您好", gongsi=False, zuoxi=True),
    ]
    output = (
        "heldout3/201.txt outbound gongsi:FN\nheldout3/202.txt outbound gongsi:FP zuoxi:FN forbidden want [] got [3]\n"
    )
    rules = parse_first_sight(output, items)
    assert rules["heldout3/201.txt", "gongsi"] is False
    assert rules["heldout3/201.txt", "wenhou"] is False  # no disagreement: the label's answer
    assert ("heldout3/201.txt", "fangbian") not in rules  # not applicable
    assert rules["heldout3/202.txt", "gongsi"] is True
    assert rules["heldout3/202.txt", "zuoxi"] is False


def test_a_reader_trained_by_subtraction_equals_one_trained_without_the_groups():
    texts = ["您好我是安准银行", "你好这里是物业", "喂请问是王先生吗", "您好再见", "谢谢您再见", "我是客服小李"]
    items = [
        item(g, f"{g}/{n}.txt", t, gongsi="银行" in t or "物业" in t, zaijian="再见" in t)
        for n, (g, t) in enumerate(
            (g, t) for g in ("base", "heldout3", "heldout4") for t in texts[: 4 if g == "base" else 3]
        )
    ]
    for element in ("gongsi", "zaijian"):
        part = "opening" if element == "gongsi" else "closing"
        pruned = Counts(items).scorer(element, ["heldout4"])
        alone = Counts([i for i in items if i.group != "heldout4"]).scorer(element, [])
        for i in items:
            assert math.isclose(pruned(i.feats[part]), alone(i.feats[part]), abs_tol=1e-9)


def test_naive_bayes_and_logistic_rank_a_learnable_element():
    present = ["您好我是安准银行客服", "您好这里是安准银行", "安准银行您好", "您好,安准银行为您服务"]
    absent = ["您好请问是王先生吗", "喂你好", "您好,打扰了", "请问方便吗"]
    items = [item("base", f"p{n}", t, gongsi=True) for n, t in enumerate(present)]
    items += [item("base", f"a{n}", t, gongsi=False) for n, t in enumerate(absent)]
    test_yes = features("您好,安准银行客服小李", "outbound", head=12, tail=8)["opening"]
    test_no = features("您好,请问是李女士吗", "outbound", head=12, tail=8)["opening"]
    for reader in (Counts(items), Logistic(items)):
        score = reader.scorer("gongsi", frozenset())
        assert score(test_yes) > 0 > score(test_no)


def test_logistic_training_is_deterministic_and_fits_separable_rows():
    data = [([0, 1], 1.0), ([0, 2], 0.0), ([1, 3], 1.0), ([2, 3], 0.0)]
    weights, bias = train_logistic(data, 4, epochs=50, rate=0.5, l2=0.0)
    assert (weights, bias) == train_logistic(data, 4, epochs=50, rate=0.5, l2=0.0)
    for ids, y in data:
        assert (bias + sum(weights[f] for f in ids) > 0) == (y == 1.0)


def test_thresholds_are_chosen_on_the_rows_given_and_break_ties_towards_the_rules():
    # (want, rule, score): the rules miss the second item, which the reader scores high.
    rows = [(True, True, 5.0), (True, False, 4.0), (False, False, -3.0), (False, True, -4.0)]
    t = choose("rules or learned", rows)
    assert t == 4.0 and tally((w, combine("rules or learned", r, s, t)) for w, r, s in rows) == (2, 1, 0)
    t = choose("rules and not learned-absent", rows)
    assert t == -3.0 and tally((w, combine("rules and not learned-absent", r, s, t)) for w, r, s in rows) == (1, 0, 1)
    assert choose("learned", rows) == 4.0
    # Nothing to gain: the booster stays off and the filter keeps every rule answer.
    right = [(True, True, -1.0), (False, False, 2.0)]
    assert choose("rules or learned", right) == math.inf
    assert choose("rules and not learned-absent", right) == -math.inf


def test_the_bootstrap_reports_the_pooled_gain_and_brackets_it():
    from bench.realworld.learned import VARIANTS, Outcome, bootstrap

    items = [item("heldout3", f"heldout3/{n}.txt", "您好", gongsi=n % 2 == 0) for n in range(6)]
    # The rules call no company; the reader is sure of the first two files (file 0 has one, file 1 has none).
    scores = {(i.file, "gongsi"): (bool(i.want["gongsi"]), False, 5.0 if n < 2 else -5.0) for n, i in enumerate(items)}
    thresholds = {("heldout3", "gongsi", v): 0.0 for v in VARIANTS}
    lines = bootstrap(Outcome({}, thresholds, scores), items, reps=200)
    # (c) finds file 0's company (right) and calls file 1's (wrong): F1 0 -> 2/(2+1+2) = 0.4.
    assert lines[0].startswith("(c) − (a), pooled F1: +0.4000 (95 % over 6 files: ")
    assert lines[1].startswith("(d) − (a), pooled F1: +0.0000 (95 % over 6 files: +0.0000 … +0.0000)")


def test_the_line_reader_scores_a_file_by_its_best_line():
    from bench.realworld.learned import Lines, line_features

    lines = line_features("您好\n我是安准银行客服\n\n" + "中" * 20 + "\n再见", "outbound", head=12, tail=3)
    assert [sorted(x)[:2] for x in lines["opening"]] == [["kind=outbound", "好"], ["kind=outbound", "准"]]
    assert lines["closing"] == [frozenset({"再", "见", "再见", "kind=outbound"})]
    assert line_features("", "face")["opening"] == [frozenset({"kind=face"})]

    def make(name: str, text: str, has: bool) -> Item:
        return Item("base", name, "outbound", {"gongsi": has}, {}, line_features(text, "outbound", head=40, tail=10))

    items = [
        make(f"p{n}", f"您好\n我是{org}客服\n请问", True) for n, org in enumerate(["安准银行", "安准保险", "安准物业"])
    ]
    items += [make(f"a{n}", f"您好\n我是客服{who}\n请问", False) for n, who in enumerate(["小李", "小王", "小张"])]
    score = Lines(items).scorer("gongsi", frozenset())
    assert score(make("t1", "喂\n这里是安准银行", True)) > score(make("t2", "喂\n我是客服小赵", False))
