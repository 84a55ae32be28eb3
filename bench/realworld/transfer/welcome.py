"""Round 10, change 1 as it was transfer-tested: a welcome names the organisation after it.

Run by first_sight.py in an export of old code: python welcome.py EXPORT_ROOT. Adds to gongsi the pattern
「欢迎(您|你)?(光临|咨询|…|访问){名称}」 and the exclusion of a welcome to a kind of organisation only
(「欢迎致电客服热线」, 「欢迎光临本店」). Codes older than the {名称} and {通称} tokens get them here, with their
vocabularies as in round 10 (NOT_A_NAME / ORG_NAME, GENERIC_ORG_WORDS), under names of their own.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
anchor = '        if name == "名":\n'
if anchor not in text:
    sys.exit("no _piece() to add the tokens to")
tokens = ""
if 'name == "名称"' not in text:
    tokens += '        if name == "名称":\n            return _WELCOME_NAME\n'
if 'name == "通称"' not in text:
    tokens += '        if name == "通称":\n            return _WELCOME_GENERIC\n'
text = text.replace(anchor, tokens + anchor, 1)
text += r"""

_WELCOME_NOT_A_NAME = (
    "先生|女士|小姐|老师|师傅|阿姨|叔叔|大爷|大姐|大哥|家长|同学|朋友|客户|用户|业主|老板|尊敬|"
    "请|打扰|抱歉|不好意思|对不起|很高兴|高兴|欢迎|谢谢|感谢|麻烦|稍等|再见|您|你|我|是|早|新年|节日|好|"
    "各位|亲|吗|吧|呢|啊|喂|哪|谁|怎|今天|最近|天气|身体|过得|这|那|一下|已经|正在|马上|稍"
)
_WELCOME_NAME = r"(?:(?!" + _WELCOME_NOT_A_NAME + r"|新来|这次|本次|此次|专门|专属|负责)[^\W_]){2,10}"
_WELCOME_GENERIC = "(?:" + "|".join(sorted((
    "装饰 装修 家装 家居 物业 保险 快递 物流 速递 电力 供电 燃气 煤气 自来水 供水 水务 通信 汽车 汽贸 汽修 4s "
    "家政 保洁 借贷 贷款 网贷 金融 理财 电商 购物 外卖 中介 教育 培训 招聘 维修 报修 售后 客服 服务 管理 营业 "
    "回访 接待 调度 值班 投诉 受理 税务 社保 医保 养老 敬老 照料 日间 卫生 医疗 体检 美容 健身 餐饮 疫情 防疫 "
    "防控 网格 销售 市场 业务 客户 技术 人事 财务 行政 社区 街道 小区 村里 村委 村 镇上 乡里 居委 政府 派出所 "
    "公安 法院 城管 公司 集团 中心 平台 机构 门店 本店 店里 店 商城 商场 超市 药店 药房 专卖店 营业厅 网点 银行 "
    "医院 诊所 门诊 学校 幼儿园 驿站 养老院 敬老院 服务站 维修站 卫生站 卫生室 卫生院 居委会 村委会 委员会 办事处 "
    "办公室 售楼处 热线 总机 前台 酒店 餐厅 工厂 站 室 院 处 部 科 台 局 所"
).split(), key=len, reverse=True)) + ")+"
"""
code.write_text(text, encoding="utf-8")

VERBS = "(光临|咨询|来电|致电|拨打|参观|莅临|选择|联系|访问)"
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: gongsi")
patterns = next(i for i in range(at, len(lines)) if lines[i] == "      patterns:")
lines.insert(patterns + 1, f'        - "欢迎(您|你)?{VERBS}{{名称}}"')
exclude = next(i for i in range(at, len(lines)) if lines[i] == "      exclude:")
lines.insert(exclude + 1, f'        - "欢迎(您|你)?{VERBS}(本|我们)?{{通称}}(,|，|。|!|！|”|」|、| |;|；|:|：)"')
rules.write_text("\n".join(lines), encoding="utf-8")
