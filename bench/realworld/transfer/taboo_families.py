"""Round 22 (forbidden lines), the change as it was transfer-tested: published service-taboo families said in other
words, in the service-taboos pack (generator/lint/packs/service-taboos.yaml), sources unchanged or already in the pack:

- pack-ai-zane-zade (爱咋咋地): its spoken spellings 爱咋咋滴, 爱咋咋的, 爱咋地咋地, 爱咋滴咋滴, 爱咋的咋的;
- pack-xiang-zenmeyang (你想怎么样 / 你说怎么办): 你还想怎么样, 还想怎么样, 还要怎么样, 还要怎么解决？ (a variant with its own
  end mark, found only where the words end);
- pack-zheme-jiandan (这么简单都不知道): 这都不知道, 这个都不知道, 连这个都不知道, 都不知道吗, with the exceptions
  他 / 她 / 人 / 们 / 谁都不知道吗 (asking whether someone else knows);
- a new entry pack-bu-shi-zi (你不识字呀 / 没有文化呀, 优质服务语言标准要求 3.3.1, a source the pack already cites), with
  the word-order group [[你又不是, 你又不], [不识字]] (「你又不是睁眼瞎不识字」).

Each edit is applied where the pack has the entry it joins (the new entry where the pack already uses `any_order`);
older code is left as it is for the rest (n/a). Variants an older pack already has are not added twice.

Run by first_sight.py in an export of old code: python taboo_families.py EXPORT_ROOT.
"""

import re
import sys
from pathlib import Path

VARIANTS = {
    "pack-ai-zane-zade": ["爱咋咋滴", "爱咋咋的", "爱咋地咋地", "爱咋滴咋滴", "爱咋的咋的"],
    "pack-xiang-zenmeyang": ["你还想怎么样", "还想怎么样", "还要怎么样", "还要怎么解决？"],
    "pack-zheme-jiandan": ["这都不知道", "这个都不知道", "连这个都不知道", "都不知道吗"],
}
EXCEPTIONS = {"pack-zheme-jiandan": ["他都不知道吗", "她都不知道吗", "人都不知道吗", "们都不知道吗", "谁都不知道吗"]}
NEW = """  - id: pack-bu-shi-zi
    phrase: 你不识字呀
    variants: [你不识字啊, 你不识字吗, 你不识字, 你没有文化呀, 没有文化呀, 你又不是不识字]
    any_order: [[你又不是, 你又不], [不识字]]
    category: 服务忌语
    situation: 讽刺、训斥
    severity: error
    reason: 公开发布的服务禁语：侮辱、挖苦客户。
    instead: 我给您念一下，您看哪里需要我再解释。
    source: 优质服务语言标准要求 3.3.1 服务禁语“你不识字呀（或：没有文化呀）！”（https://m.777doc.com/doc-3805662.html）
"""


def edit(text: str) -> str:
    for ident, words in VARIANTS.items():
        entry = re.search(rf"\n  - id: {ident}\n(?:    .*\n|      .*\n)*?    variants: \[(.*)\]\n", text)
        if entry is None:
            continue  # the pack before this entry: n/a
        have = [w.strip() for w in entry.group(1).split(",")]
        new = have + [w for w in words if w not in have]
        line = ", ".join(new)
        text = text[: entry.start(1)] + line + text[entry.end(1) :]
        if ident in EXCEPTIONS:
            at = entry.start(1) + len(line) + 2  # after "]\n"
            text = text[:at] + f"    exceptions: [{', '.join(EXCEPTIONS[ident])}]\n" + text[at:]
    if "any_order:" in text and "pack-bu-shi-zi" not in text:
        text = text.rstrip("\n") + "\n" + NEW
    return text


if __name__ == "__main__":
    path = Path(sys.argv[1]) / "generator/lint/packs/service-taboos.yaml"
    if path.exists():
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
