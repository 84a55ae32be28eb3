"""Round 40 as it was landed: wording — an organisation by the shape of its name, and questions in other words.

Run by first_sight.py in an export of old code: python wording.py EXPORT_ROOT. Adds to content/standards.yaml
gongsi's exclusions of a field's name for another place or unit (「您在{门店名称}消费」, 「呼叫该单位名称」) and of an
emphatic 是有 (「我们是有在搞…活动的」); queren-shenfen's exclusions of 是在哪 (where the customer is) and of how a
payment was made (「请问是来电号码支付的吗」); fangbian's exclusion of 方便到/去 (going somewhere); xuqiu's 「您遇到什么
问题」. In lint/standards.py: 反诈 a kind of service (`GENERIC_ORG_WORDS`), no 的 in a unit name (`UNIT_NAME`). In
lint/named.py: a written choice of names in brackets after the cue (「这里是(西门子/博世)家电客服中心」) is the name.
Each part is applied only where the export has what it edits. (The first version, run once on sets 17–20 at 7384464,
also read a name before the greeting, `{开口}{单位名}(,|，|!|！| )?(您好|你好)`, with an exclusion of a kind there and
forms of address added to `NOT_A_NAME`; dropped for its cost: bench/README.md, "Round 40".)
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
source = code.read_text(encoding="utf-8")

# --- lint/standards.py vocabularies
source = source.replace(' 信贷 电话 呼叫 "', ' 信贷 电话 呼叫 反诈 "', 1)
unit_old = 'r"(?:(?!" + NOT_A_NAME + r")[^\\W_]){2,10}(?=[,，。!！”」\\s(（]'
unit_new = 'r"(?:(?!" + NOT_A_NAME + r"|的)[^\\W_]){2,10}(?=[,，。!！”」\\s(（]'
source = source.replace(unit_old, unit_new, 1)
code.write_text(source, encoding="utf-8")

# --- lint/named.py: a written choice of names in brackets
named = root / "generator/lint/named.py"
if named.exists():
    text = named.read_text(encoding="utf-8")
    scan_old = (
        "    right = end\n"
        "    while right < len(folded) and right - end < REACH and folded[right] not in STOPS:\n"
        "        right += 1\n"
    )
    scan_new = (
        "    right = end\n"
        "    while right < len(folded) and right - end < REACH:\n"
        "        if folded[right] in STOPS:\n"
        "            choice = _choice(folded, right)\n"
        "            if not choice:\n"
        "                break\n"
        "            right = choice\n"
        "        right += 1\n"
    )
    if scan_old in text:
        text = text.replace(scan_old, scan_new, 1)
        text += (
            "\n\ndef _choice(folded, at):\n"
            '    if folded[at] not in "(（":\n'
            "        return 0\n"
            '    close = folded.find(")" if folded[at] == "(" else "）", at + 1, at + 2 + REACH)\n'
            '    if close < 0 or "/" not in folded[at + 1 : close]:\n'
            "        return 0\n"
            "    return close\n"
        )
        named.write_text(text, encoding="utf-8")

# --- content/standards.yaml
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")


def add(element: str, key: str, entry: str) -> None:
    at = lines.index(f"    - id: {element}")
    end = next((i for i in range(at + 1, len(lines)) if lines[i].startswith("    - id: ")), len(lines))
    quoted = '"' + entry + '"'
    where = next((i for i in range(at, end) if lines[i].strip().startswith(f"{key}:")), None)
    if where is None:  # no such list yet: one before the element's examples
        before = next(i for i in range(at, end) if lines[i].strip().startswith("examples:"))
        lines[before:before] = [f"      {key}:", "        - " + quoted]
        return
    line = lines[where]
    if "[" in line:  # key: [a, b]
        lines[where] = line.replace("[", "[" + quoted + ", ", 1)
    elif lines[where + 1].lstrip().startswith("["):  # key:\n  [a, b]
        nxt = lines[where + 1]
        lines[where + 1] = nxt.replace("[", "[" + quoted + ", ", 1)
    else:
        lines.insert(where + 1, "        - " + quoted)


FIELDS = "(商家|店铺|公司|企业|单位|品牌|机构|门店|商户|平台|银行|医院|学校|酒店|门诊|诊所|物业)名称"
add(
    "gongsi",
    "exclude",
    "(在|到|于|去|前往|该|对方|其他|其它|别的|呼叫|询问|问清|记录|记下|登记|填写|核对)(【|[|{|（)?" + FIELDS,
)
add("gongsi", "exclude", "(我们|这里|这边)是有")
add("queren-shenfen", "exclude", "(请问)?(您|你)?是(在|从|去)(哪|谁|什么|那)")
add(
    "queren-shenfen",
    "exclude",
    "(号码|手机|银行卡|信用卡|账户|账号|微信|支付宝)(支付|付款|扣费|充值|订购|购买)的(吗|么|嘛)",
)
add("fangbian", "exclude", "方便(到|去|前往|出门)")
add("xuqiu", "patterns", "(您|你)(遇到|碰到)(了)?(什么|哪些|啥)(问题|困难|情况|麻烦)")
rules.write_text("\n".join(lines), encoding="utf-8")
