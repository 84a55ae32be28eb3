"""Make a benchmark corpus: a huifang project with N call scripts of about 1 KB each.

    python bench/lint/make_corpus.py 10000            # → bench/corpus/10000/

Four in five scripts are free-form (.md or .txt, labelled or not), one in five is a YAML script.
About one script in five gets a forbidden phrase planted in an agent line, written plainly, in
Traditional characters, with full-width/half-width punctuation swapped and ideographic spaces, with
spaces inside, or with punctuation inside. `planted.jsonl` records file, line and how it was written;
`phrases.txt` is every phrase and variant of the list, one a line (for grep and prh).
Deterministic: the same N gives the same bytes.

    python bench/lint/make_corpus.py 10000 --unique   # → bench/corpus/10000-unique/

`--unique`: the same scripts, but every free-form line ends in its own run of spaces and tabs, so
no two lines of the corpus are equal (what they say, and every finding, stays the same). huifang
reads each distinct line once; this corpus shows the cost when no line ever recurs.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = REPO / "bench" / "corpus"

AGENT = [
    "您好！请问是{n}先生吗？我是安心物业客服中心的回访专员，工号{k}。",
    "想占用您两分钟做个简单的服务回访，您现在方便接电话吗？",
    "请问您对上周的维修服务满意吗？维修师傅是否按约定时间上门？",
    "请问师傅上门时有没有出示工作证，并穿戴鞋套进入室内？",
    "维修完成后，师傅是否为您清理了现场，并告知了使用注意事项？",
    "请问您对收费标准是否清楚？费用是否与报价单一致？",
    "您提出的问题我已经详细记录，会在两个工作日内转交相关部门处理。",
    "如果后续再出现类似情况，您可以随时拨打我们的服务热线。",
    "请问您对我们的服务还有什么意见或者建议吗？",
    "好的，我这边帮您登记一下，稍后会有专人和您联系确认。",
    "为了提高服务质量，我们会定期对业主进行回访，感谢您的理解。",
    "非常感谢您的支持与配合，祝您生活愉快，再见！",
]
CUSTOMER = [
    "是我，你说吧。",
    "方便，你问吧。",
    "还可以，就是来得有点晚。",
    "没有什么问题。",
    "收费我不太清楚。",
    "好的，谢谢。",
    "师傅挺认真的。",
    "暂时没有了。",
]
FILLER = "我们一直在努力改进服务流程，希望给您带来更好的居住体验，有任何需要请及时告诉我们。"


def phrases() -> list[tuple[str, str, tuple]]:
    """(phrase id, written, exceptions) for every phrase and variant in the shipped list an agent could say."""
    sys.path.insert(0, str(REPO))
    from huifang.project import load_project

    project = load_project(REPO).project
    out = []
    for p in project.forbidden:
        for written in (p.phrase.value, *(v.value for v in p.variants)):
            if 2 <= len(written) <= 16:
                out.append((p.id, written, tuple(p.exceptions)))
    return out


def variant(rng: random.Random, written: str, t2s_inverse) -> tuple[str, str]:
    kind = rng.choice(["plain", "plain", "traditional", "width", "spaced", "punctuated"])
    if kind == "traditional":
        return kind, t2s_inverse(written)
    if kind == "width":
        swapped = written.translate(str.maketrans("！？，。!?,.", "!?,.！？，。"))
        if swapped == written:
            swapped = written[0] + "\u3000" + written[1:]
        return kind, swapped
    if kind == "spaced":
        return kind, " ".join(written)
    if kind == "punctuated":
        cut = rng.randrange(1, len(written))
        return kind, written[:cut] + rng.choice("，、…") + written[cut:]
    return kind, written


def unique_tail(number: int, line: int) -> str:
    """Trailing whitespace that differs for every (file, line): spaces and tabs spelling a number."""
    return " " + format(number * 64 + line, "b").replace("0", " ").replace("1", "\t")


def free_form(rng, number, plant):
    labelled = rng.random() < 0.7
    md = rng.random() < 0.5
    lines = []
    if md:
        lines += [f"# 回访话术 {number}", ""]
    planted = None
    middle = iter(rng.sample(AGENT[2:-1], len(AGENT) - 3))
    turns = (
        [(True, AGENT[0]), (False, rng.choice(CUSTOMER)), (True, AGENT[1])]
        + [(rng.random() < 0.7, None) for _ in range(10)]
        + [(True, AGENT[-1])]
    )
    for i, (agent, text) in enumerate(turns):
        if text is None:
            text = next(middle, None) if agent else rng.choice(CUSTOMER)
            if text is None:
                continue
        text = text.format(n=rng.choice("王李张刘陈"), k=rng.randrange(1000, 9999))
        if agent and plant and planted is None and 3 <= i <= 10 and rng.random() < 0.3:
            kind, written, pid, exceptions = plant
            cut = rng.randrange(0, len(text))
            if any(e in text[:cut] + written + text[cut:] for e in exceptions):
                cut = 0  # not inside a context the phrase list allows
            text = text[:cut] + written + text[cut:]
            planted = (kind, written, pid, len(lines) + 1)
        label = ("客服：" if agent else "客户：") if labelled else ("" if agent else "客户：")
        lines.append(("- " if md and rng.random() < 0.3 else "") + label + text)
    if planted is None and plant:
        kind, written, pid, _ = plant
        lines.insert(len(lines) - 1, ("客服：" if labelled else "") + FILLER[:12] + written + "。")
        planted = (kind, written, pid, len(lines) - 1)
    body = "\n".join(lines) + "\n"
    while len(body.encode()) < 900:
        body += ("客服：" if labelled else "") + FILLER + "\n"
    return body, planted


def yaml_script(rng, number, plant):
    steps = []
    planted = None
    for i, text in enumerate(rng.sample(AGENT[1:-1], len(AGENT) - 2)):
        text = text.format(n="王", k=1000)
        if plant and planted is None and i == 4:
            kind, written, pid, _ = plant
            text = text[:6] + written + text[6:]
            planted = (kind, written, pid, 6 + len(steps))
        steps.append(f"  - {json.dumps(text, ensure_ascii=False)}" if rng.random() < 0.3 else f"  - {text}")
        if rng.random() < 0.3:
            steps.append(f"  - customer: {rng.choice(CUSTOMER)}")
    head = f"id: s{number:06d}\ntitle: 回访话术 {number}\norg: bench\ndescription: 基准测试用话术\nsteps:\n"
    body = head + "\n".join(steps) + "\n"
    return body, planted


def make(n: int, out: Path | None = None, unique: bool = False) -> Path:
    import opencc

    s2t = opencc.OpenCC("s2t").convert
    out = out or HERE / (f"{n}-unique" if unique else str(n))
    if out.exists():
        shutil.rmtree(out)
    (out / "content" / "orgs").mkdir(parents=True)
    (out / "scripts_src" / "free").mkdir(parents=True)
    (out / "scripts_src" / "yaml").mkdir(parents=True)
    shutil.copy(REPO / "content" / "standards.yaml", out / "content" / "standards.yaml")
    shutil.copytree(REPO / "content" / "forbidden", out / "content" / "forbidden")
    (out / "content" / "orgs" / "bench.yaml").write_text(
        "id: bench\nname: 安心物业\nhotline: 400-800-1234\nmax_call_minutes: {max: 8}\n"
        "opening:\n  - 您好！我是{公司}客服中心的回访专员。\n"
        "convenience:\n  ask: 您现在方便接电话吗？\n  yes: [好的，谢谢。]\n  no: [好的，那我改天再打给您，感谢您的接听，祝您生活愉快，再见！]\n"
        "closings:\n  满意: [非常感谢您的支持，祝您生活愉快，再见！]\n",
        encoding="utf-8",
    )
    (out / "huifang.yaml").write_text("default_org: bench\n", encoding="utf-8")
    table = phrases()
    words = sorted({w for _, w, _ in table}, key=lambda w: (len(w), w))
    (out / "phrases.txt").write_text("".join(w + "\n" for w in words), encoding="utf-8")
    rng = random.Random(n)
    with (out / "planted.jsonl").open("w", encoding="utf-8") as record:
        for i in range(n):
            plant = None
            if rng.random() < 0.2:
                pid, written, exceptions = rng.choice(table)
                kind, shown = variant(rng, written, s2t)
                plant = (kind, shown, pid, exceptions)
            if i % 5 == 4:
                name = f"scripts_src/yaml/s{i:06d}.yaml"
                body, planted = yaml_script(rng, i, plant)
            else:
                name = f"scripts_src/free/s{i:06d}.{'md' if i % 2 else 'txt'}"
                body, planted = free_form(rng, i, plant)
                if unique:
                    body = "".join(line + unique_tail(i, k) + "\n" for k, line in enumerate(body.splitlines()))
            (out / name).write_text(body, encoding="utf-8")
            if planted:
                kind, shown, pid, line = planted
                record.write(
                    json.dumps(
                        {"file": name, "line": line, "phrase": pid, "kind": kind, "written": shown}, ensure_ascii=False
                    )
                    + "\n"
                )
    return out


if __name__ == "__main__":
    args = sys.argv[1:]
    unique = "--unique" in args
    for arg in [a for a in args if a != "--unique"] or ["10000"]:
        print(make(int(arg), unique=unique))
