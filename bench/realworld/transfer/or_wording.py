"""Round 23 (lintacc28), second change as it was transfer-tested: after a sentence's end, 或 (或者, 或是) and the words
after it start another wording side by side even without a quote (「谢谢您！再见！或请您慢走！」): the closing is checked
once per wording (generator/lint/branches.py ALTERNATIVE).

Run by first_sight.py in an export of old code: python or_wording.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
path = root / "generator/lint/branches.py"
text = path.read_text(encoding="utf-8")
old = '(?:/|／|(?:或者?|或是|也可以?)说?[:：]?[ \\t　]*(?=[“「\\"]))'
new = '(?:/|／|(?:或者?|或是|也可以?)说?[:：]?[ \\t　]*(?=[“「\\"])|(?:或者?|或是)(?=[^\\s，,。.！!？?“”「」\\"]{2}))'
assert text.count(old) == 1, "no place to apply the change"
path.write_text(text.replace(old, new), encoding="utf-8")
