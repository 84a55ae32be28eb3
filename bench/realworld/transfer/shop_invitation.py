"""Round 19, change 3 as it was transfer-tested: a shop's 「欢迎下次光临」 / 「欢迎您再来」 is an invitation, not a goodbye.

Run by first_sight.py in an export of old code: python shop_invitation.py EXPORT_ROOT. Removes zaijian's pattern
「欢迎(您|你)?(下次|下一次|再次|再)(光临|来|惠顾|光顾)」 (round 13's bye_family.py) where the export has it; the labels of sets 6
and 16 (both annotators) read it as an invitation.
"""

import sys
from pathlib import Path

rules = Path(sys.argv[1]) / "content/standards.yaml"
text = rules.read_text(encoding="utf-8")
for old in (
    ',\n                 "欢迎(您|你)?(下次|下一次|再次|再)(光临|来|惠顾|光顾)"]',
    ', "欢迎(您|你)?(下次|下一次|再次|再)(光临|来|惠顾|光顾)"',
):
    text = text.replace(old, "]" if old.endswith("]") else "", 1)
rules.write_text(text, encoding="utf-8")
