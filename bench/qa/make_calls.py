"""Make N synthetic three-minute calls (about 60 turns) in each transcript format `huifang qa` reads.

    python bench/qa/make_calls.py 10000 [--formats whisperx funasr aliyun tencent srt text]

Calls follow the shipped 泰康 新契约回访 script with seeded variation: the agent's questions reworded
slightly or skipped (one in five calls skips the dividend statement), small talk and short customer answers
filling the call to about 60 turns over about three minutes, a silence of 4–15 s in a third of the calls,
the agent cutting in once in a quarter of them, and a forbidden phrase in one call in ten. Files go to
bench/corpus/qa/<N>/<format>/ (ignored by git); the same N and seed give the same files.

The default corpus repeats its texts far more than real calls do: 1,000 calls hold 24 distinct agent turns
and 17 distinct customer turns among about 60,000. `--vary` (files in bench/corpus/qa/<N>-vary/) gives each
call what a real one has of its own: the customer's name, the agent's number, the bank, the ID digits, birth
month, insured person, policy term, premium and address read out differ from call to call; one agent line in
four carries an ASR-like change (a filler word, a homophone, a character dropped, other punctuation); the
customer's answers come from larger pools with their own details. Lines without such details (the
recording notice, the questions without figures, small talk) still repeat from call to call, as script
lines read out do.
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


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
BANKS = ["工商银行", "建设银行", "农业银行", "中国银行", "招商银行", "交通银行", "邮储银行", "浦发银行"]
DIGITS = "零一二三四五六七八九"
CITIES = [
    "广州市天河区体育西路",
    "深圳市福田区深南大道",
    "北京市朝阳区建国路",
    "上海市浦东新区世纪大道",
    "杭州市西湖区文三路",
]
HOMOPHONES = {
    "您": "你",
    "的": "得",
    "在": "再",
    "是": "事",
    "吗": "嘛",
    "那": "哪",
    "做": "作",
    "已": "以",
    "期": "其",
}
FILLERS = ["嗯，", "那个，", "就是，", "呃，", "好，"]
MORE_ANSWERS = [
    "是的是的。",
    "对，没错。",
    "嗯嗯，知道的。",
    "可以的，你说吧。",
    "好的好的。",
    "行。",
    "清楚。",
    "明白。",
]
INSURED = ["是我自己。", "是我爱人。", "我儿子。", "是我女儿。", "我老伴。", "我自己，就是我。"]


def _chinese(digits: str) -> str:
    return "".join(DIGITS[int(d)] for d in digits)


def _details(rng: random.Random) -> dict[str, str]:
    """What one call says of its own customer and policy, in place of the story's."""
    return {  # in this order: 二十年 before 十年
        "王先生": rng.choice(SURNAMES) + rng.choice(["先生", "女士"]),
        "1024": str(rng.randrange(1000, 9999)),
        "工商银行": rng.choice(BANKS),
        "四四零一零六": _chinese(str(rng.randrange(110000, 659999))),
        "二十年": rng.choice(["二十年", "三十年", "终身"]),
        "十年": rng.choice(["五年", "十年", "十五年", "二十年"]),
        "五千元": rng.choice(["三千", "五千", "八千", "一万", "一万二", "两万"]) + "元",
        "广州市天河区体育西路一号": rng.choice(CITIES) + _chinese(str(rng.randrange(1, 300))) + "号",
        "五一零六二零": _chinese(str(rng.randrange(100000, 850000))),
        "五六七八": _chinese(str(rng.randrange(1000, 9999)).zfill(4)),
    }


def _asr(text: str, rng: random.Random) -> str:
    """One ASR-like change: a filler at the start, a homophone, a character dropped, or other punctuation."""
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(FILLERS) + text
    if kind == 1:
        spots = [i for i, ch in enumerate(text) if ch in HOMOPHONES]
        if spots:
            i = rng.choice(spots)
            return text[:i] + HOMOPHONES[text[i]] + text[i + 1 :]
    if kind == 2 and len(text) > 6:
        i = rng.randrange(1, len(text) - 2)
        return text[:i] + text[i + 1 :]
    return text.replace("，", "。", 1) if "，" in text else text.rstrip("。？！") + rng.choice(["。", "", "？"])


def _vary(script: list[tuple[str, str]], rng: random.Random) -> list[tuple[str, str]]:
    details = _details(rng)
    out = []
    for role, text in script:
        if role == "agent":
            for old, new in details.items():
                text = text.replace(old, new)
            if rng.random() < 0.25:
                text = _asr(text, rng)
        elif text == "一九八零年三月。":
            text = f"{_chinese(str(rng.randrange(1950, 2005)))}年{rng.randrange(1, 13)}月。"
        elif text == "是我自己。":
            text = rng.choice(INSURED)
        elif rng.random() < 0.5:
            text = rng.choice(MORE_ANSWERS + ANSWERS)
        out.append((role, text))
    return out


def one_call(rng: random.Random, vary: bool = False) -> list[tuple[str, float, float, str]]:
    """(role, start, end, text) turns of one call, in order; `vary`: with the call's own details and ASR noise."""
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
    if vary:
        script = _vary(script, rng)
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


def make(count: int, formats=FORMATS, seed: int = 15, vary: bool = False) -> Path:
    top = CORPUS / (f"{count}-vary" if vary else str(count))
    for fmt in formats:
        folder = top / fmt
        if folder.is_dir() and sum(1 for _ in folder.iterdir()) == count:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        rng = random.Random(seed)
        for i in range(count):
            (folder / f"call-{i:06d}{SUFFIX[fmt]}").write_text(render(fmt, one_call(rng, vary)), encoding="utf-8")
    return top


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--formats", nargs="*", default=list(FORMATS))
    parser.add_argument("--vary", action="store_true", help="each call its own details and ASR-like noise")
    args = parser.parse_args()
    print(make(args.count, args.formats, vary=args.vary))
