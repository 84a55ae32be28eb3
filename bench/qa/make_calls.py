"""Make N synthetic three-minute calls (about 60 turns) in each transcript format `huifang qa` reads.

    python bench/qa/make_calls.py 10000 [--formats whisperx funasr aliyun tencent srt text]

Calls follow the shipped 泰康 新契约回访 script with seeded variation: the agent's questions reworded
slightly or skipped (one in five calls skips the dividend statement), small talk and short customer answers
filling the call to about 60 turns over about three minutes, a silence of 4–15 s in a third of the calls,
the agent cutting in once in a quarter of them, and a forbidden phrase in one call in ten. Files go to
bench/corpus/qa/<N>/<format>/ (ignored by git); the same N and seed give the same files.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CORPUS = REPO / "bench" / "corpus" / "qa"
sys.path.insert(0, str(REPO))
from tests.qa.fixtures import story  # noqa: E402

FORMATS = ("whisperx", "funasr", "aliyun", "tencent", "srt", "text")
SUFFIX = {"whisperx": ".json", "funasr": ".json", "aliyun": ".json", "tencent": ".json", "srt": ".srt", "text": ".txt"}
SMALL_TALK = [
    "嗯，好的。",
    "您稍等一下。",
    "好的，我记一下。",
    "明白了。",
    "对对对。",
    "这个我清楚。",
    "是吗？",
    "嗯。",
]
ANSWERS = ["是的。", "知道。", "对。", "嗯，是我。", "可以。", "理解了。", "没问题。", "好。"]
FORBIDDEN = "不可能！我们从没这种事！"


def one_call(rng: random.Random) -> list[tuple[str, float, float, str]]:
    """(role, start, end, text) turns of one call, in order."""
    script = [(role, text) for role, _, _, text in story.TURNS]
    if rng.random() < 0.2:  # skip the dividend statement: the story call already does; add it back in 80 %
        pass
    else:
        script.insert(
            24,
            (
                "agent",
                "您购买的是一款分红险，我公司宣传材料上的利益演示是基于我公司的精算假设，每年的红利要取决于"
                "公司的经营状况，实际分配给您的红利多少是不确定的，这个您知道吧？",
            ),
        )
        script.insert(25, ("customer", "知道。"))
    script = [(r, t) for r, t in script if not t.startswith("不可能")]
    if rng.random() < 0.1:
        at = rng.randrange(6, len(script) - 4)
        script.insert(at, ("agent", FORBIDDEN + "您再看看合同吧。"))
    while len(script) < 60:  # small talk and repeated answers up to about 60 turns
        at = rng.randrange(4, len(script) - 2)
        script.insert(at, ("customer", rng.choice(ANSWERS)))
        script.insert(at + 1, ("agent", rng.choice(SMALL_TALK)))
    silence_at = rng.randrange(10, 50) if rng.random() < 0.33 else -1
    cut_at = rng.randrange(10, 50) if rng.random() < 0.25 else -1
    turns, now = [], 0.4
    for i, (role, text) in enumerate(script):
        length = max(0.6, len(text) / rng.uniform(3.6, 4.6))  # about 240 characters a minute
        gap = rng.uniform(0.2, 0.7)
        if i == silence_at:
            gap = rng.uniform(4, 15)
        start = now + gap
        if i == cut_at and role == "agent" and turns and turns[-1][0] == "customer":
            start = turns[-1][1] + (turns[-1][2] - turns[-1][1]) / 2
        turns.append((role, round(start, 3), round(start + length, 3), text))
        now = max(now, start + length)
    return turns


def render(fmt: str, turns) -> str:
    saved = story.TURNS
    story.TURNS = turns
    try:
        if fmt == "whisperx":
            data = story.whisperx()
            for seg in data["segments"]:
                del seg["words"]  # WhisperX without word alignment; with it files are 20× larger
            del data["word_segments"]
            return json.dumps(data, ensure_ascii=False)
        if fmt == "funasr":
            return json.dumps(story.funasr(False), ensure_ascii=False)
        if fmt == "aliyun":
            return json.dumps(story.aliyun(False), ensure_ascii=False)
        if fmt == "tencent":
            return json.dumps(story.tencent(), ensure_ascii=False)
        if fmt == "srt":
            return story.subtitles(False)
        return story.labelled()
    finally:
        story.TURNS = saved


def make(count: int, formats=FORMATS, seed: int = 15) -> Path:
    top = CORPUS / str(count)
    for fmt in formats:
        folder = top / fmt
        if folder.is_dir() and sum(1 for _ in folder.iterdir()) == count:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        rng = random.Random(seed)
        for i in range(count):
            (folder / f"call-{i:06d}{SUFFIX[fmt]}").write_text(render(fmt, one_call(rng)), encoding="utf-8")
    return top


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--formats", nargs="*", default=list(FORMATS))
    args = parser.parse_args()
    print(make(args.count, args.formats))
