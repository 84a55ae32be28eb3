"""Round 8, change 1 as it was transfer-tested: {通称} with the vocabulary as it stood before set 6 was seen.

Run by first_sight.py in an export of old code: python generic_org.py EXPORT_ROOT. Adds the {通称} token to
lint/standards.py and the one gongsi exclusion to content/standards.yaml (codes without the {占位} token,
before set 4, are left as they are and the exclusion is not added).
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
WORDS = (
    "装饰 装修 家装 物业 保险 快递 电力 通信 汽车 汽贸 汽修 家政 保洁 借贷 贷款 网贷 金融 电商 购物 外卖 中介 教育 培训 "
    "招聘 社区 街道 村 卫生 小区 维修 客服 服务 售后 管理 营业 回访 接待 调度 值班 报修 投诉 受理 "
    "公司 中心 店 店里 门店 本店 平台 机构 站 室 院 处 部 科 台 医院 银行 诊所 门诊 商城 学校 服务站 卫生站 卫生室 卫生院 "
    "居委会 村委会"
).split()
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
anchor = '        if name == "占位":\n'
if anchor not in text:
    sys.exit(0)
token = "(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + ")+"
code.write_text(
    text.replace(anchor, f'        if name == "通称":\n            return "{token}"\n' + anchor, 1), encoding="utf-8"
)
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: gongsi")
at = next(i for i in range(at, len(lines)) if lines[i].strip() == "exclude:")
lines.insert(
    at + 1,
    '        - "(我|我们|这里|这边)是(本|咱们|我们|这个|你们)?{通称}'
    '(的|,|，|。|!|！|、| |工作人员|人员|客服|专员|回访|经理|顾问|代表|护士|医生|啊|呀|呢)"',
)
rules.write_text("\n".join(lines), encoding="utf-8")
