"""Round 11, change 6 as it was transfer-tested: a seat's number is at most five digits, not 「*」.

Run by first_sight.py in an export of old code: python seat_number.py EXPORT_ROOT. gongsi's exclusion for a seat's
number after 这里是 (「这里是271号坐席员」) wrote the digits as 「(0|…|9|{占位})*号」, and 「*」 is the rule book's gap of up
to 12 characters: 「这里是XX家电售后，我是小李，工号1024」 lost its company. The edit writes up to five digits instead;
rule books without the exclusion (before 1d87431) are left as they are.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
rules = root / "content/standards.yaml"
text = rules.read_text(encoding="utf-8")
old = '"(这里|这边)是(工号)?( )?(0|1|2|3|4|5|6|7|8|9|{占位})*号"'
DIGIT = "(0|1|2|3|4|5|6|7|8|9)"
new = '"(这里|这边)是(工号)?( )?(0|1|2|3|4|5|6|7|8|9|{占位})' + (DIGIT + "?") * 4 + '( )?号"'
rules.write_text(text.replace(old, new, 1), encoding="utf-8")
