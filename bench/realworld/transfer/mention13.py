"""Round 11 (forbidden lines), changes 2 and 5 to 7 as they were transfer-tested: generator/lint/mention.py copied
from this tree — quoted items of a taboo section (change 2), training material that names the words it advises
against (change 5: 少说, 与其说, 把…换成, 用…代替; 这会让…, 等服务忌语的, ——这些都是… after the quote; 【错误】, ✘, 误区,
NG, 常犯的错; headings 千万别说, 不当用语, 错误示例, 反面案例 over a list or a table), a denial right before the words
(change 6: 不是没办法，是…), a service worker's quoted words after a colon left to the story's reading (change 7).
On code older than round 9 (before 9abf380) the copy carries round 9's mention changes too: compare it with
ruled.py there.

Run by first_sight.py in an export of old code: python mention13.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
source = (Path(__file__).resolve().parents[3] / "generator/lint/mention.py").read_text(encoding="utf-8")
if not (root / "generator/regexcache.py").exists():
    source = source.replace("from huifang import regexcache", "import re as regexcache")
(root / "generator/lint/mention.py").write_text(source, encoding="utf-8")
