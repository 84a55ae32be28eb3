"""How often `huifang qa` finds what was planted in synthetic calls, and only that.

    python bench/qa/accuracy.py [--calls 2000] [--noise 0.08]

Calls come from make_calls.one_call with their truth: the dividend statement skipped, a forbidden phrase
said, a silence of 10 s or more, the agent cutting in. `--noise` imitates ASR errors in the agent's words
(that share of characters replaced by a similar-looking or -sounding wrong one, or dropped). Two seeds:
15 (the corpus the matching thresholds were looked at with) and 99 (held out: never tuned to). Expected
before running: every planted silence, interruption and forbidden phrase found with no false alarm (they
are exact measures or exact phrases); the skipped statement found every time; with noise, some questions
said with errors reported as not asked (false alarms), more for compliance wording (threshold 0.9).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
import make_calls  # noqa: E402

WRONG = "的地得在再做作座坐是事式市试那哪拿他她它保报宝包险显现线分份纷粉红洪宏"


def noisy(text: str, rate: float, rng: random.Random) -> str:
    out = []
    for ch in text:
        roll = rng.random()
        if roll < rate / 2 and "\u4e00" <= ch <= "\u9fff":
            out.append(rng.choice(WRONG))
        elif roll < rate and "\u4e00" <= ch <= "\u9fff":
            continue
        else:
            out.append(ch)
    return "".join(out)


def truth_of(turns) -> dict:
    said = "".join(t for r, _, _, t in turns if r == "agent")
    silence = any(b[1] - max(x[2] for x in turns[:i]) >= 10.0 for i, b in enumerate(turns) if i)
    cut = any(
        r == "agent" and i and turns[i - 1][0] == "customer" and turns[i - 1][1] < a < turns[i - 1][2] - 0.3
        for i, (r, a, _, _) in enumerate(turns)
    )
    return {
        "skipped": "红利多少是不确定的" not in said,
        "forbidden": make_calls.FORBIDDEN in said,
        "silence": silence,
        "interruption": cut,
    }


def run(seed: int, calls: int, noise: float, session) -> dict:
    from huifang.qa.call import Call, Turn
    from huifang.qa.readers import finish

    rng = random.Random(seed)
    noise_rng = random.Random(seed + 1)
    tally = {
        k: {"tp": 0, "fn": 0, "fp": 0} for k in ("skipped", "forbidden", "silence", "interruption", "other-questions")
    }
    for n in range(calls):
        turns = make_calls.one_call(rng)
        truth = truth_of(turns)
        if noise:
            turns = [
                (r, a, b, noisy(t, noise, noise_rng) if r == "agent" and not t.startswith("不可能") else t)
                for r, a, b, t in turns
            ]
        speaker = {"agent": "SPEAKER_01", "customer": "SPEAKER_00"}
        call = finish(Call(f"call-{n}", "whisperx", [Turn(speaker[r], t, a, b) for r, a, b, t in turns]), "x")
        verdict = session.judge(call)
        rules = [(f.rule, f.question) for f in verdict.findings]
        found = {
            "skipped": ("question-not-asked", "taikang-q-fenhong") in rules,
            "forbidden": any(r == "forbidden-phrase" for r, _ in rules),
            "silence": any(r == "long-silence" for r, _ in rules),
            "interruption": any(r == "interruption" for r, _ in rules),
        }
        for key, value in found.items():
            if truth[key] and value:
                tally[key]["tp"] += 1
            elif truth[key]:
                tally[key]["fn"] += 1
            elif value:
                tally[key]["fp"] += 1
        tally["other-questions"]["fp"] += sum(
            1 for r, q in rules if r == "question-not-asked" and q != "taikang-q-fenhong"
        )
    return tally


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--noise", type=float, nargs="*", default=[0.0, 0.08])
    args = parser.parse_args()
    from huifang.project import load_project
    from huifang.qa.session import Session

    session = Session(load_project(REPO).project, script="taikang-xinqiyue-huifang")
    results = {}
    print(
        "| seed | ASR noise | skipped statement found (tp/fn/fp) | forbidden phrase | silence ≥ 10 s | "
        "interruption | other questions wrongly reported not asked |"
    )
    print("|---|---:|---|---|---|---|---:|")
    for noise in args.noise:
        for seed, label in ((15, "15 (looked at)"), (99, "99 (held out)")):
            t = run(seed, args.calls, noise, session)
            results[f"{seed}-{noise}"] = t

            def cell(k, t=t):
                return f"{t[k]['tp']}/{t[k]['fn']}/{t[k]['fp']}"

            print(
                f"| {label} | {noise:.0%} | {cell('skipped')} | {cell('forbidden')} | {cell('silence')} | "
                f"{cell('interruption')} | {t['other-questions']['fp']} in {args.calls} calls |"
            )
    (REPO / "bench" / "out").mkdir(parents=True, exist_ok=True)
    (REPO / "bench" / "out" / "qa-accuracy.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
