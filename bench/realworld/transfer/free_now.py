"""Round 13 (lintacc15), change 7 as it was transfer-tested: convenience asked as 有没有空/有没有时间, and a placeholder
alone after 这边是 names the organisation.

Run by first_sight.py in an export of old code: python free_now.py EXPORT_ROOT. Adds fangbian's pattern
「(有没有|有没)(空|时间)(呢|吗|…|聊|说|…)」 (the A-not-A question; 有没有空房间 asks another thing) after 有时间吗, and
gongsi's 「这边是{占位}(,|，|。|!|！|、| )」 (我这边是XXXXX，…) after 「这边是{公司}」.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("        - 有时间吗")
lines.insert(at + 1, '        - "(有没有|有没)(空|时间)(呢|吗|啊|呀|,|，|?|？|。|接|听|聊|说|讲|跟|和|做|回答|配合)"')
at = lines.index('        - "这边是{公司}"')
lines.insert(at + 1, '        - "这边是{占位}(,|，|。|!|！|、| )"')
rules.write_text("\n".join(lines), encoding="utf-8")
