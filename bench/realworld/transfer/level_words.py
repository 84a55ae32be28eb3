"""Round 22, change 1 as it was transfer-tested: a level of government said without its place (市行政服务工作人员,
经开区政务服务中心…窗口工作人员) names no unit: the level words join the `{通称}` vocabulary (GENERIC_ORG_WORDS).

Run by first_sight.py in an export of old code: python level_words.py EXPORT_ROOT. Code without the vocabulary
(before round 8's generic kinds) is left as it is.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
at = text.find("GENERIC_ORG_WORDS = (")
if at < 0:
    sys.exit(0)
end = text.index(").split()", at)
words = " 省 市 州 县 区 镇 乡 经开区 开发区 高新区 新区 市直 县直 州直 市级 县级 区级"
close = text.rindex('"', at, end)
text = text[:close] + words + text[close:]
code.write_text(text, encoding="utf-8")
