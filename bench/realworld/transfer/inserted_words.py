"""Round 20 (forbidden lines), change 1 as it was transfer-tested: the pack's not-knowing phrases said with spoken words
between 我 / 我们 and 不知道 / 不清楚 (「这个我这边还真不太清楚」, 「我也确实不知道」), written out as variants of the entries
they belong to (generator/lint/packs/service-taboos.yaml: pack-wo-bu-zhidao, pack-bu-qingchu), and 「规定就这样」 (a spoken
form of the published 「规定就是这样」, pack-zheme-guiding). Variants an older pack already has are not added twice.

Run by first_sight.py in an export of old code: python inserted_words.py EXPORT_ROOT.
"""

import re
import sys
from pathlib import Path

# The words a speaker puts between 我 / 我们 and the not-knowing: where (这边, 这里), how sure (真, 真的, 还真, 确实, 实在), and 也.
MIDDLE = ["这边", "这里", "真", "真的", "还真", "确实", "实在"]
MIDDLE += ["这边也", "这边真", "这边真的", "这边还真", "这边确实", "这边实在"]
MIDDLE += ["也真", "也真的", "也确实", "也实在", "也还真"]
# Main's pack before this round already had 我真不知道, 我真的不知道, 我也真不知道, 我确实不知道, 我也不清楚, 我不太清楚 and
# 我们也不清楚, 我们不太清楚 …: only the variants this round adds are written into the older code (an older pack's own
# gaps are not this round's to fill).
BEFORE = {"我真不知道", "我真的不知道", "我也真不知道", "我确实不知道", "我也不清楚", "我们也不清楚"}
ADDED = {
    "pack-wo-bu-zhidao": ["我" + m + "不知道" for m in MIDDLE],
    "pack-bu-qingchu": [s + m + o for s in ("我", "我们") for m in ["也", *MIDDLE] for o in ("不清楚", "不太清楚")],
    "pack-zheme-guiding": ["规定就这样"],
}


def edit(text: str) -> str:
    for ident, words in ADDED.items():
        entry = re.search(rf"\n  - id: {ident}\n(?:    .*\n|      .*\n|    #.*\n)*?    variants: \[(.*)\]\n", text)
        if entry is None:
            continue  # the pack before this entry: n/a
        have = [w.strip() for w in entry.group(1).split(",")]
        new = have + [w for w in words if w not in have and w not in BEFORE]
        text = text[: entry.start(1)] + ", ".join(new) + text[entry.end(1) :]
    return text


if __name__ == "__main__":
    path = Path(sys.argv[1]) / "generator/lint/packs/service-taboos.yaml"
    if path.exists():
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
