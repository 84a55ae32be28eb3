"""Round 11 (forbidden lines), the pack's new entries as they were transfer-tested: 有完没完, 快讲话, 你找我也没有用,
我有什么办法 (a variant of 我也没办法, with its exceptions), 去别处问 (generator/lint/packs/service-taboos.yaml).
Applied where the pack has the entries they join (5cf8fc1 on); older code is left as it is (n/a).

Run by first_sight.py in an export of old code: python pack13.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

path = Path(sys.argv[1]) / "generator/lint/packs/service-taboos.yaml"
if not path.exists():
    sys.exit(0)
text = path.read_text(encoding="utf-8")
edits = [
    (
        "    variants: [我也没有办法, 没办法, 没有办法]\n",
        "    variants: [我也没有办法, 没办法, 没有办法, 我有什么办法]\n",
    ),
    (
        "    exceptions: [想办法, 有没有办法, 没办法联系, 没有办法联系]\n",
        "    exceptions: [想办法, 有没有办法, 没办法联系, 没有办法联系, 看我有什么办法, 我有什么办法可以, 我有什么办法能]\n",
    ),
    ("    variants: [找别人去, 你问别人去]\n", "    variants: [找别人去, 你问别人去, 去别处问]\n"),
]
if not all(old in text for old, _ in edits) or "\n  - id: pack-huo-gai\n" not in text:
    sys.exit(0)  # the pack before the entries these join: n/a
for old, new in edits:
    text = text.replace(old, new, 1)
entries = [
    ("pack-you-wan-mei-wan", "有完没完", "[你有完没完]", "不耐烦"),
    ("pack-kuai-jiang-hua", "快讲话", "[快说话]", "不耐烦"),
    ("pack-zhao-wo-mei-yong", "你找我也没有用", "[找我也没有用, 找我也没用, 你找我没用]", "推诿"),
]
added = "".join(
    f"  - id: {ident}\n    phrase: {phrase}\n    variants: {variants}\n    category: 服务忌语\n    situation: {situation}\n"
    "    severity: error\n    reason: 公开发布的服务忌语。\n    instead: 您请讲，我在听。\n"
    "    source: 物业服务规范用语 服务忌语（https://360docs.net/doc/a215893304.html）\n"
    for ident, phrase, variants, situation in entries
)
text = text.replace("\n  - id: pack-huo-gai\n", "\n" + added + "  - id: pack-huo-gai\n", 1)
path.write_text(text, encoding="utf-8")
