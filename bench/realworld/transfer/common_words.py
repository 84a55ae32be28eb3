"""Round 21, change 3 as it was transfer-tested: a word for the customer or a role that starts with a surname's
character (顾客, 顾问) is no name (「尊敬的顾客，」 calls nobody by name), and a staff number may be said in spoken
digits (工号二零零六二: the 顾问 of 「客户客服顾问工号二零零六二」 was the name the old code read there).

Run by first_sight.py in an export of old code: python common_words.py EXPORT_ROOT. Puts (?!顾客|顾问) before the
surname of lint/standards' FULL_NAME (and PERSON_NAME where there is one), and the spoken digits into the zuoxi
pattern 工号…(0|1|…) where it is written so.
"""

import re
import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
start = text.index("FULL_NAME = (")
end = text.index("\n)\n", start)
block = text[start:end]
edited = (
    block.replace('|["', '|(?!顾客|顾问)["', 1) if '|["' in block else block.replace('|[" +', '|(?!顾客|顾问)[" +', 1)
)
if edited == block:
    sys.exit("FULL_NAME not edited")
text = text[:start] + edited + text[end:]
text = text.replace(
    'PERSON_NAME = r"(?=[" + SURNAMES + r"])[" + SURNAMES',
    'PERSON_NAME = r"(?=[" + SURNAMES + r"])(?!顾客|顾问)[" + SURNAMES',
)
code.write_text(text, encoding="utf-8")

rules = root / "content/standards.yaml"
yaml_text = rules.read_text(encoding="utf-8")
yaml_text = re.sub(
    r'("工号\( \)\?\(是\|为\|:\|：\)\?\( \)\?\(0\|1\|2\|3\|4\|5\|6\|7\|8\|9)',
    r"\1|零|一|二|三|四|五|六|七|八|九|幺",
    yaml_text,
    count=1,
)
rules.write_text(yaml_text, encoding="utf-8")
