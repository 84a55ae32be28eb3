"""Round 20 (forbidden lines), the change as it was transfer-tested: the pack's not-knowing phrases said with one or two
spoken words after their leading 我 / 我们 (the pack's new `inserted` field on pack-wo-bu-zhidao and pack-bu-qingchu:
这边, 这里, 也, 真, 真的, 还真, 确实, 实在 — 「这个我这边还真不太清楚」 of 「我不太清楚」), and 「规定就这样」 (a spoken form of the
published 「规定就是这样」, pack-zheme-guiding). Older code has no `inserted` field: the forms the matcher makes of it
(lint.matcher.spoken on the phrases as main's pack wrote them before this round) are written into the old pack as
variants, leaving out those main's pack already had as variants (我真不知道, 我也不清楚 …: an older pack's own gaps are
not this round's to fill). Variants an older pack already has are not added twice; entries it lacks are left alone.

Run by first_sight.py in an export of old code: python inserted_words.py EXPORT_ROOT.
"""

import re
import sys
from pathlib import Path

INSERTED = ["这边", "这里", "也", "真", "真的", "还真", "确实", "实在"]
SUBJECTS = ("我们", "我")
# The phrase and variants of each entry in main's pack before this round (cf82c44).
BEFORE = {
    "pack-wo-bu-zhidao": [
        "我不知道",
        "这个我不知道",
        "我也不知道",
        "不知道，问别人去",
        "我真不知道",
        "我真的不知道",
        "我也真不知道",
        "我确实不知道",
    ],
    "pack-bu-qingchu": ["我不清楚", "我也不清楚", "我们不清楚", "我们也不清楚", "我不太清楚", "我们不太清楚"],
}


def spoken(written: str) -> list[str]:
    """As lint.matcher.spoken: one inserted word, or two in the order listed, right after the leading 我 / 我们."""
    subject = next((s for s in SUBJECTS if written.startswith(s)), None)
    if subject is None:
        return []
    rest = written[len(subject) :]
    pairs = [a + b for i, a in enumerate(INSERTED) for b in INSERTED[i + 1 :]]
    return [subject + words + rest for words in (*INSERTED, *pairs)]


ADDED = {ident: [f for w in words for f in spoken(w) if f not in words] for ident, words in BEFORE.items()}
ADDED["pack-zheme-guiding"] = ["规定就这样"]


def edit(text: str) -> str:
    for ident, words in ADDED.items():
        entry = re.search(rf"\n  - id: {ident}\n(?:    .*\n|      .*\n)*?    variants: \[(.*)\]\n", text)
        if entry is None:
            continue  # the pack before this entry: n/a
        have = [w.strip() for w in entry.group(1).split(",")]
        new = have + [w for w in dict.fromkeys(words) if w not in have]
        text = text[: entry.start(1)] + ", ".join(new) + text[entry.end(1) :]
    return text


if __name__ == "__main__":
    path = Path(sys.argv[1]) / "generator/lint/packs/service-taboos.yaml"
    if path.exists():
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
