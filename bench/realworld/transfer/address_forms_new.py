"""Round 23b (lintacc29): one vocabulary of the forms of address said after a customer's surname (kinship and respect
terms: 王姐, 李叔, 张老师, 刘总, 赵同学, 陈太太 …) in every queren-shenfen pattern that lists them: the round's
increment alone, as transfer-tested.

Run by first_sight.py in an export of old code: python address_forms_new.py EXPORT_ROOT. Adds the `{开口}` and `{停顿}`
tokens to code older than 0176b7b (as round 11's vocative.py did) and appends the eight patterns with the whole list
to queren-shenfen, each with only the forms that main's pattern did not list before this round (address_forms.py
appends the whole lists, so on code older than round 20 it also brings back earlier rounds' forms).
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
anchor = '        if name == "名":\n'
for name, value in (("开口", r"(?<![^“「『\"‘\s])(?<!\S\s)(?:喂[\s,，!！。.]*)?"), ("停顿", r"[,，!！、(（]")):
    if f'"{name}"' not in text:
        if anchor not in text:
            sys.exit("no _piece() to edit")
        token = f'        if name == "{name}":\n            return {value!r}\n'
        text = text.replace(anchor, token + anchor, 1)
code.write_text(text, encoding="utf-8")

# Only the forms main's patterns did not list before this round, pattern by pattern: on old code this measures the
# round's own increment, not main's earlier readings that old code lacks (round 20's 「孙女士。」, for one).
NEW = {
    1: "太太|夫人|伯母|姨妈|婶|舅舅|舅妈|舅|姑姑|姑|大娘|大婶|大叔|外婆|外公|婆婆|阿婆|姐姐|哥哥|嫂子|同学",
    2: "太太|夫人|总|叔|伯母|伯|姨妈|姨|婶|舅舅|舅妈|舅|姑姑|姑|大娘|大婶|大叔|外婆|外公|婆婆|阿婆|姐姐|姐|哥哥|哥|嫂子|妈妈|爸爸|家长|同学",
    3: "太太|夫人|老师|师傅|总|叔|伯母|伯|姨妈|姨|婶|舅舅|舅妈|舅|姑姑|姑|大娘|大婶|大叔|外婆|外公|婆婆|阿婆|姐姐|姐|哥哥|哥|嫂子|同学",
    4: "太太|夫人|老师|师傅|总|叔|伯母|伯|姨妈|姨|婶|舅舅|舅妈|舅|姑姑|姑|大娘|大婶|大叔|外婆|外公|婆婆|阿婆|姐姐|姐|哥哥|哥|嫂子|同学",
    5: "太太|夫人|总|阿姨|叔叔|叔|伯伯|伯母|伯|姨妈|姨|婶婶|婶|舅舅|舅妈|舅|姑姑|姑|大爷|大妈|大娘|大婶|大叔|爷爷|奶奶|姥姥|姥爷|外婆|外公|婆婆|阿婆|大姐|姐姐|姐|大哥|哥哥|哥|嫂子|妈妈|爸爸|家长|同学",
    6: "太太|夫人|总|叔|伯伯|伯母|伯|姨妈|姨|婶婶|婶|舅舅|舅妈|舅|姑姑|姑|大娘|大婶|大叔|爷爷|奶奶|姥姥|姥爷|外婆|外公|婆婆|阿婆|大姐|姐姐|姐|大哥|哥哥|哥|嫂子|妈妈|爸爸|家长|同学",
    7: "太太|夫人|总|叔|伯伯|伯母|伯|姨妈|姨|婶婶|婶|舅舅|舅妈|舅|姑姑|姑|大爷|大妈|大娘|大婶|大叔|爷爷|奶奶|姥姥|姥爷|外婆|外公|婆婆|阿婆|大姐|姐姐|姐|大哥|哥哥|哥|嫂子|同学",
    8: "太太|夫人|总|阿姨|叔叔|叔|伯伯|伯母|伯|姨妈|姨|婶婶|婶|舅舅|舅妈|舅|姑姑|姑|大爷|大妈|大娘|大婶|大叔|爷爷|奶奶|姥姥|姥爷|外婆|外公|婆婆|阿婆|大姐|姐姐|姐|大哥|哥哥|哥|嫂子|妈妈|爸爸|家长|同学",
}
PATTERNS = [
    f"{{名}}({NEW[1]})*(您好|你好|早上好|上午好|中午好|下午好|晚上好)",
    f"喂(,|，| )?{{名}}({NEW[2]})",
    f"{{开口}}{{名}}({NEW[3]}){{停顿}}",
    f"{{开口}}{{名}}({NEW[4]})(。|？|?)",
    f"是{{名}}({NEW[5]})(对吧|对吗|是吧|是吗|没错吧)",
    f"{{名}}({NEW[6]})(,|，)?(是吧|对吧|是吗|对吗|没错吧|吗|么|嘛)",
    f"(尊敬的|亲爱的){{名}}({NEW[7]})",
    f"找(一下)?{{名}}({NEW[8]})",
]
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: queren-shenfen")
head = next(i for i in range(at, len(lines)) if lines[i].startswith("      patterns:"))
if lines[head].rstrip().endswith("patterns:"):
    for p in reversed(PATTERNS):
        lines.insert(head + 1, f'        - "{p}"')
else:
    lines[head] = lines[head].replace("patterns: [", "patterns: [" + "".join(f'"{p}", ' for p in PATTERNS), 1)
rules.write_text("\n".join(lines), encoding="utf-8")
