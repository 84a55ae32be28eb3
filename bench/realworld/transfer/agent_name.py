"""Round 13 (lintacc15), change 10 as it was transfer-tested: the agent's name in three more shapes.

Run by first_sight.py in an export of old code: python agent_name.py EXPORT_ROOT.
(a) a name followed by an ellipsis is a name (「我是…执行局的小潘……」: … after a surname's name ends it unless a letter
    follows, which makes it a placeholder run, 王…先生);
(b) 小 and one character as staff call themselves (`{小名}`: 「…的 AI 助理小远」, 「我是小美」), zuoxi's 「{职务}( )?{小名}」 and
    「我是{小名}」, with the exclusion of a role named as whom to contact (「请联系专属客服小美」);
(c) the organisation then the agent's whole name with no 的 (`{人名}`, no placeholder: 「我是大豫供电所徐强」).
The tokens are this tree's regexes written into the export as literals; code older than `{姓名}`'s name ending (sets
3–6's) gets (b) and (c) with this tree's NAME_ENDS.
"""

import sys
from pathlib import Path

from huifang.lint import standards as here

root = Path(sys.argv[1])
heads = [h for h in here.STAFF_HEADS if h != "师"]
head = "(?:" + "|".join(sorted(heads, key=len, reverse=True)) + ")"
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
text = text.replace("(?![×*…〇○□])", r"(?![×*〇○□]|…+[^\W_])", 1)  # (a), where the guard exists
anchor = '        if name == "名":\n'
if text.count(anchor) != 1:
    sys.exit("no _piece() to edit")
text = text.replace(
    anchor,
    '        if name == "小名13":\n            return _R13_NICK\n'
    '        if name == "职务13":\n            return _R13_HEAD\n'
    '        if name == "人名13":\n            return _R13_PERSON\n' + anchor,
    1,
)
text += f"\n_R13_NICK = {here.NICKNAME!r}\n_R13_HEAD = {head!r}\n_R13_PERSON = {here.PERSON_NAME!r}\n"
code.write_text(text, encoding="utf-8")

rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: zuoxi")
patterns = next(i for i in range(at, len(lines)) if lines[i].strip() == "patterns:")
suffixes = (
    "公司|中心|医院|银行|店|站|局|部|集团|物业|院|所|科|平台|团队|诊所|门诊|校|保险|证券|基金|通信|移动|联通|电信|航空|"
    "快递|速递|物流|地产|置业|装饰|家居|汽车|教育|健身|商城|外卖|俱乐部|科技"
)
lines[patterns + 1 : patterns + 1] = [
    '        - "{职务13}( )?{小名13}"',
    '        - "我是{小名13}"',
    f'        - "我是*({suffixes})(小|老)?{{人名13}}"',
]
exclude = next(i for i in range(at, len(lines)) if lines[i].strip() == "exclude:")
lines.insert(
    exclude + 1, '        - "(联系|找|咨询|呼叫|转接|转给|交给)(我们|我们的|您的|你的|专属|值班|当班)?{职务13}"'
)
rules.write_text("\n".join(lines), encoding="utf-8")
