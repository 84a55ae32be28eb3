"""Round 8, change 3 as it was transfer-tested: 方便 counts only when asked; seconds are time too.

Run by first_sight.py in an export of old code: python fangbian.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

rules = Path(sys.argv[1]) / "content/standards.yaml"
text = rules.read_text(encoding="utf-8")
start = text.index("- id: fangbian")
bare = "        - 方便\n"
at = text.index(bare, start)
asked = (
    '        - "方便*(吗|么|嘛|呢|?|？)"\n'
    '        - "(现在|此刻|这会|目前)*方便"\n'
    '        - "方便(接|通话|说话|聊|讲话|交流|沟通)"\n'
    '        - "方便的话"\n'
    "        - 方不方便\n"
)
text = text[:at] + asked + text[at + len(bare) :]
rules.write_text(text.replace("(分钟|点时间|", "(分钟|秒|点时间|"), encoding="utf-8")
