"""Round 13 (lintacc15), change 5 as it was transfer-tested: goodbye by its family of wordings.

Run by first_sight.py in an export of old code: python bye_family.py EXPORT_ROOT. Adds to zaijian's patterns 掰掰,
a time and 见 (「(明天|后天|…|下午|晚上|到时候|待会儿|改天|下回|点|号)见」: 明天见, 那XX点见) and a shop's leave-taking
「欢迎(您|你)?(下次|下一次|再次|再)(光临|来|惠顾|光顾)」, with the exclusion 「见(解|识|效|闻|证|地|长)」 (一点见解). The landed rule book writes the time family as the
token `{约见}` (见 and lookbehinds, the same matches at a fraction of the cost); old code has no such token, so the edit
writes the words first.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = next(i for i, line in enumerate(lines) if line.startswith("      patterns: [再见, 再会, 拜拜"))
added = (
    ', 掰掰, "(明天|后天|明早|明晚|上午|中午|下午|晚上|下周|周末|到时|到时候|待会|待会儿|一会|一会儿|改天|下回|点|号)见", '
    '"欢迎(您|你)?(下次|下一次|再次|再)(光临|来|惠顾|光顾)"]'
)
lines[at] = lines[at].rstrip()[:-1] + added
lines.insert(at + 1, '      exclude: ["见(解|识|效|闻|证|地|长)"]')
rules.write_text("\n".join(lines), encoding="utf-8")
