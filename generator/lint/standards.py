"""Greeting and closing standards: finding their elements by meaning, and which turns are the opening
or the closing of a call.

An element has several patterns (its phrasing families) and exclusions, in content/standards.yaml.
Pattern syntax: plain text; `*` a gap of up to 12 characters; `(甲|乙)` one of the alternatives, `(甲|乙)?` optional;
`{名}` a name or a written placeholder (XX, ××, ***, 某, [客户姓名], a common surname), `{占位}` a written
placeholder only, `{姓名}` a whole name (it ends where a name ends), `{单位名}` a short name said on its own after a
greeting, `{名称}` a short name (2–10 letters, no pronoun or form of address), `{机构}` one said right before a role, `{通称}` kinds of organisation without a
name, `{职务}` a word for a staff member (客服, 专员, 人员, 民警 …) and `{岗位}` a few letters and one (保洁人员),
`{叙述}` narration outside quotation marks, `{落款}` a message's signature, `{约见}` a goodbye that says when to meet again (明天见), `{小名}` 小 and one character as staff call themselves, `{人名}` a whole name with no placeholder, `{开口}` where words start (a turn's
start or an opening quotation mark, and a 喂 said first) and `{停顿}` the pause after a form of address (，！、（);
`{公司}` and the other placeholders also
match the organisation's value. A match that overlaps an exclusion does not count.
Texts and patterns are compared folded (Simplified, half-width, lower case). None of this syntax
ever reaches a message: messages name an element and show its `examples`.

An element with a `slot` (gongsi, zuoxi) is also found by what fills the self-introduction's slot (lint/caller): a
real organisation's name from a gazetteer, or a staff number.

`find_elements(utterances, elements, org)` is the one detector (lint and call QA use it).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from huifang import model as m
from huifang import regexcache
from huifang.kept import Kept
from huifang.lint import named, story
from huifang.lint.anyline import any_line
from huifang.lint.caller import CUE
from huifang.lint.gratitude import customers_thanks
from huifang.lint.linemarks import CLOSING, OPENINGS
from huifang.lint.normalize import fold
from huifang.lint.story import quotes
from huifang.lint.textmemo import Remembered, found_by
from huifang.lint.utterance import CallView, Part, Utterance

TYPE_CHECKING = False
if TYPE_CHECKING:  # the checker knows dataclasses; records makes the same classes faster
    from dataclasses import dataclass
else:
    from huifang.records import dataclass


WILDCARD = ".{0,12}?"
PLACEHOLDER = regexcache.compile(r"\{([^{}\s]{1,20})\}")
TOKEN = regexcache.compile(r"(\*|\([^()]+\)\??|\{[^{}\s]{1,20}\})")
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    # more common surnames that seldom start an ordinary word or a company's short name (not 欧 of 欧飞)
    "岳乔赖施樊殷聂葛庞倪阎翟伍穆萧祁纪舒屈项祝阮蓝闵季颜梅骆霍虞裴邢甄靳焦牛晏柴瞿耿寇辛鲁岑苗滕鲍"
)
# A person's name or number left as a placeholder in brackets, as templates do: [客户姓名], 【坐席姓名】, [工号]
# ([在线客服链接] is no name).
BRACKETED = r"[\[【][^\[\]【】\n]{0,6}(?:姓名|名字|姓氏|姓|名|工号)[\]】]"
# A template's variable, as scripts kept in code and message platforms write them: {user_name}, ${ctx.advisorName},
# {{name}}, {}, and a numbered slot {1} (尊敬的{2}，…).
VARIABLE = r"\$?\{\{?(?:[a-zA-Z_][\w.]{0,30}|[0-9]{1,2})?\}\}?"
# What a name or a placeholder can start with, asserted first: a pattern that starts with one is then tried
# only where such a character is, not at every character (same matches, a few times faster).
STARTS = r"(?=[x×*….。某〇○□\[【${" + SURNAMES + "])"
PLACEHOLDER_STARTS = r"(?=[x×*….。某〇○□\[【${])"
NAME = (
    STARTS
    + r"(?:x{1,4}|×{1,4}|\*{1,4}|…{1,2}|\.{2,6}|。{2,6}|某{1,2}|[〇○□]{1,4}|"
    + BRACKETED
    + "|"
    + VARIABLE
    + "|["
    + SURNAMES
    + "]"
    r"(?![您你们的对向进和与为在是了给把就也都将从这那]))"
)
# A whole name: a placeholder, or a surname and at most two more characters that end where the name
# does (punctuation, the end, or what follows a name: 为您, 很高兴 …), so a role word before an
# ordinary word (医护人员高责任心) is no name.
PLACEHOLDER_NAME = r"x{1,8}|×{1,8}|\*{1,8}|…{1,2}|\.{2,6}|。{2,6}|某{1,2}|[〇○□]{1,4}|" + BRACKETED + "|" + VARIABLE
# A placeholder ends where a name ends too (「我是XX口腔的客服」 leaves the company's name blank, not the
# agent's): each run of placeholder characters is taken whole before asking what follows it.
WHOLE_PLACEHOLDER = (
    r"x{1,8}(?!x)|×{1,8}(?!×)|\*{1,8}(?!\*)|…{1,2}(?!…)|\.{2,6}(?!\.)|。{2,6}(?!。)|某{1,2}(?!某)|[〇○□]{1,4}(?![〇○□])|"
    + BRACKETED
    + "|"
    + VARIABLE
)
NAME_ENDS = r"(?=[^\w]|$|为|很|向|给|跟|和|在|来|负责|工号|号|请|吗|嘛)"
# Words for the customer or a role that start with a character that is also a surname (顾客, 顾问: 顾 is one) are no
# name: 「尊敬的顾客，」 calls nobody by name, 「我是顾问，」 gives no agent's name.
COMMON_WORDS = (
    "顾客 客户 用户 会员 业主 住户 居民 市民 乘客 旅客 游客 宾客 来宾 嘉宾 贵宾 车主 机主 户主 家长 学员 学生 同学 朋友 "
    "病人 患者 家属 老人 玩家 买家 卖家 商家 租户 网友 读者 观众 听众 储户 股东 亲人 各位 顾问 司机 骑手 房东 领导 同志 "
    "师父 保安 保洁 老板 秘书 会计 出纳 职员 员工"
).split()
NOT_NAMED = (
    "(?!" + "|".join(w for w in COMMON_WORDS if w[0] in SURNAMES) + ")"
    if any(w[0] in SURNAMES for w in COMMON_WORDS)
    else ""
)
# (a surname's name is no name when a placeholder follows it: 我是金朗路××号的客户)
FULL_NAME = (
    STARTS
    + r"(?:(?:"
    + WHOLE_PLACEHOLDER
    + r")"
    + NAME_ENDS
    + r"|"
    + NOT_NAMED
    + r"["
    + SURNAMES
    + r"][\u4e00-\u9fff]{0,2}?(?![×*〇○□]|…+[^\W_])"
    + NAME_ENDS
    + ")"
)
# A whole name that starts with a surname, no placeholder (`{人名}`: 我是大豫供电所徐强; 「我是北京中医医院……」 trails off).
PERSON_NAME = (
    r"(?=[" + SURNAMES + r"])" + NOT_NAMED + "[" + SURNAMES + r"][\u4e00-\u9fff]{0,2}?(?![×*〇○□]|…+[^\W_])" + NAME_ENDS
)
# What staff call themselves on the phone, 小 and one character (`{小名}`: 客服小美, 我是AI助理小远), where it ends as a
# name ends; 小姐, 小区, 小时, 小程序 … are words.
NICKNAME = r"小(?![姐区时组伙朋孩店程助编学型号件事心额费票家宝贝卖吃雨说明])[\u4e00-\u9fff]" + NAME_ENDS


def _led(words) -> str:
    """A lookahead for the first characters of some words, put before their alternation: where the text's next
    character starts none of them, _sre fails the alternation with one set lookup instead of trying each word
    (the same matches: every word starts with one of those characters)."""
    return "(?=[" + re.escape("".join(sorted({w[0] for w in words}))) + "])"


# A short name said on its own after a greeting (您好，欧飞，…, or with its first part left blank: 您好，**澜桥。,
# where a placeholder and a title is a form of address: 您好，××经理): 2–10 letters between punctuation (or before
# 为您服务, with the agent's number left as a placeholder: 您好，水木南山装饰**为您服务) that are no form of
# address, no person's name (小王为您服务), no staff number (1059号为您服务), no pleasantry, no question and no 的
# (「您好！出于安全的考虑，…」 is a clause, not a name).
NOT_A_NAME_WORDS = (
    "先生|女士|小姐|老师|师傅|阿姨|叔叔|大爷|大姐|大哥|家长|同学|朋友|客户|用户|业主|老板|尊敬|"
    "请|打扰|抱歉|不好意思|对不起|很高兴|高兴|欢迎|谢谢|感谢|麻烦|稍等|再见|您|你|我|是|早|新年|节日|好|"
    "各位|亲|吗|吧|呢|啊|喂|哪|谁|怎|今天|最近|天气|身体|过得|这|那|一下|已经|正在|马上|稍"
).split("|")
NOT_A_NAME = _led(NOT_A_NAME_WORDS) + "(?:" + "|".join(NOT_A_NAME_WORDS) + ")"
TITLES = "经理|总|主任|医生|护士|大夫|律师|局长|处长|科长|院长|校长|会长|董事|主管|书记|同志"
UNIT_NAME = (
    # (a staff number or a person named by surname and a blank is the agent, not a name: 您好，工号xx为您服务; 毕姓X)
    r"(?!工号|编号|工作号|坐席号|[\u4e00-\u9fff]姓(?:x+|×+|\*+|某+)?(?:[^\w]|$))"
    r"(?!小?[" + SURNAMES + r"][\u4e00-\u9fff]{0,2}(?:[^\w]|为您|为你))(?!x+[^\w])(?!(?:工号|编号)?[0-9]{1,6}号)"
    r"(?:(?:\*{1,4}|×{1,4})(?!" + TITLES + r"))?"
    r"(?:(?!" + NOT_A_NAME + r"|的)[^\W_]){2,10}(?=[,，。!！”」\s(（]|$|(?:\*{1,4}|x{2,4}|×{1,4})?(?:为您|为你)服务)"
)
# An organisation's own name said before 的 and a role (我是龙湖天琅的置业顾问): 2–10 letters that are no
# pronoun, form of address or pleasantry; a generic noun (装饰公司, 供电局) is an exclusion of the element.
ORG_NAME = r"(?:(?!" + NOT_A_NAME + r"|新来|这次|本次|此次|专门|专属|负责)[^\W_]){2,10}"
# A kind of organisation said without its name (社区卫生站, 街道疫情防控, 电商平台, 燃气公司): one or more of these
# words in a row. The written definition counts an organisation only with its name, so a self-introduction made of
# them alone (我是社区的, 这边是电商平台客服) names none, in any combination.
GENERIC_ORG_WORDS = (
    # trades and services
    # (not 电信, 移动, 联通, 邮政: said alone they name one company each)
    "装饰 装修 家装 家居 物业 保险 快递 物流 速递 电力 供电 燃气 煤气 自来水 供水 水务 通信 汽车 汽贸 汽修 4s "
    "家政 保洁 借贷 贷款 网贷 金融 理财 电商 购物 外卖 中介 教育 培训 招聘 维修 报修 售后 客服 服务 管理 营业 "
    "回访 接待 调度 值班 投诉 受理 税务 社保 医保 养老 敬老 照料 日间 卫生 医疗 体检 美容 健身 餐饮 疫情 防疫 "
    "防控 网格 销售 市场 业务 客户 技术 人事 财务 行政 "
    # what a service is about, which names it by its kind (社情民意调查中心, 疫情咨询热线, 信用卡客服中心, 政务服务热线)
    "社情 民意 舆情 调查 咨询 研究 信息 政务 便民 市民 信用卡 信贷 电话 呼叫 反诈 "
    # qualifiers that say what kind, not which one (上市公司, 儿童医院, 公交公司)
    "上市 国有 国营 民营 私营 公立 私立 儿童 儿科 牙科 公交 铁路 钢铁 化工 "
    # places and public bodies named by their kind
    "社区 街道 小区 村里 村委 村 镇上 乡里 居委 政府 派出所 公安 法院 城管 "
    # a level of government said without its place (市行政服务, 经开区政务服务中心, 县直), which names no unit
    "省 市 州 县 区 镇 乡 经开区 开发区 高新区 新区 市直 县直 州直 市级 县级 区级 "
    # kinds of organisation and of their parts
    "公司 集团 中心 平台 机构 门店 本店 店里 店 商城 商场 超市 药店 药房 专卖店 营业厅 网点 银行 医院 诊所 门诊 "
    "学校 幼儿园 驿站 养老院 敬老院 服务站 维修站 卫生站 卫生室 卫生院 居委会 村委会 委员会 办事处 办公室 售楼处 "
    "热线 总机 前台 酒店 餐厅 工厂 殡仪馆 图书馆 博物馆 体育馆 展览馆 文化馆 宾馆 旅馆 站 室 院 处 部 科 台 局 所 办"
).split()
GENERIC_ORG = _led(GENERIC_ORG_WORDS) + "(?:" + "|".join(sorted(GENERIC_ORG_WORDS, key=len, reverse=True)) + ")+"
KINDS = ("outbound", "inbound", "face", "message")
# A staff member's role (`{岗位}`): a few letters and the word that says what the person is (`{职务}`: 保洁人员,
# 线务员, 售后人员, 社区民警, 理财经理) — one vocabulary of head words instead of a list of whole roles. Before a
# name (客服代表小李, 社区民警张明) the head word is enough and much cheaper to look for: a pattern that starts with
# the letters would be tried at every character.
STAFF_HEADS = (
    "人员 员 客服 专员 代表 顾问 坐席 经理 主管 管家 助理 助手 护士 医生 大夫 药师 技师 师傅 老师 教练 律师 民警 警官 "
    "干部 社工 志愿者 师"
).split()
STAFF_HEAD = _led(STAFF_HEADS) + "(?:" + "|".join(sorted(STAFF_HEADS, key=len, reverse=True)) + ")"
# (the letters before the head word hold no 的 or 是: the role starts after 「我是XX的」)
STAFF = r"(?:(?![的是])[^\W_]){0,4}?" + STAFF_HEAD
# An organisation's own name said right before a role, with no 的 between them (`{机构}`: 我是中国移动工作人员,
# 我是东方电讯线务员××): three to ten letters of ORG_NAME, none of them 的 (a role word alone, 设计师, 话务员, 引导员,
# is never split into a name and a role), that are no person's name before the role (我是王建国经理) or placeholder
# (我是XX老师: a name's), no count or kind of person (一名, 专业, 资深, 实习 …), no errand (上门, 来, 给您 …) and no
# channel (电话回访员, 在线客服). A kind of organisation with no name before the role (社区民警, 售后服务专员) is
# gongsi's exclusion with `{通称}`.
ORG_BEFORE_ROLE = (
    r"(?!(?:小|老)?[" + SURNAMES + r"][^\W_]{0,2}?" + STAFF_HEAD + r"|[x×*…某〇○□])"
    r"(?:(?!" + NOT_A_NAME + r"|新来|这次|本次|此次|专门|专属|负责|的|一|两|几|专业|资深|高级|首席|金牌|值班|实习|临时|"
    r"正式|兼职|全职|特约|见习|新|上门|来|给|帮|为|替|向|电话|网络|在线|线上|人工|智能)[^\W_]){3,10}?"
)
# Words outside quotation marks up to the next one (`{叙述}`): in a line that quotes what was said, what stands
# between a closing and an opening quote is narration (收费员小吴正在值班。一客户打来电话：“…”).
NARRATION = r"[^“”「」\n]*"
# A message's sender signs it in 【】 at its start or its end (【学信网】您在…, …退订回T 【停车宝】): what a caller says
# as 这里是…. In a message the signature is read as a turn of its own, its 【 marked in the folded text by SIGNED (no
# text read from a file holds a NUL), so `{落款}` matches a signature and never a heading in 【】 of a call script; a
# signature made only of kinds of organisation (【快递】) names none.
# Where words start (`{开口}`): a turn's start or just after an opening quotation mark, with a 喂 said first, so a
# pattern can ask for what is said first (「某先生，…」, 「老李，我是…」) and not a name anywhere in a sentence (a
# story's narration 「他叫张明，…」 names people too). Written as two lookbehinds (nothing before it but an opening
# quotation mark or the turn's leading spaces), which fail at once where they fail: an alternation with ^ made the
# queren-shenfen detector twice as slow. `{停顿}` is the pause after a form of address: 「某小姐（先生），」.
# A goodbye that says when to meet again (`{约见}`: 明天见, 下午见, 那XX点见, 到时候见): 见 after a word of when. Written
# as 见 and lookbehinds, so the pattern is tried only where a 见 is (the words first would be tried at every 点, 下, 一 …).
MEET_WHEN = (
    "明天 后天 明早 明晚 上午 中午 下午 晚上 下周 周末 到时 到时候 待会 待会儿 一会 一会儿 改天 下回 点 号"
).split()
MEET_AGAIN = "见(?:" + "|".join(f"(?<={w}见)" for w in MEET_WHEN) + ")"
OPENS = r"(?<![^“「『\"‘\s])(?<!\S\s)(?:喂[\s,，!！。.]*)?"
PAUSE = r"[,，!！、(（]"
SIGNED = "\x00"
SIGNED_NAME = SIGNED + r"(?!\s*" + GENERIC_ORG + r"\s*】)[^【】\n]{1,24}】"
# A signature may be written in half-width brackets too ([停车宝], a template's [{1}]), not one that leaves the
# customer's name or an order's number blank ([客户姓名], [订单号]).
HALF_SIGNED = (
    r"\[(?![^\[\]\n]*(?:姓名|名字|称呼|客户|用户|会员|先生|女士|号|金额|日期|时间|原因|数字|电话))[^\[\]\n]{1,24}\]"
)
SIGNATURES = regexcache.compile(
    r"^[\s“\"「『]*(【[^【】\n]{1,24}】|" + HALF_SIGNED + r")(?=[\s”\"」』]*[^\s【】”\"」』])"
    r"|(?<=[^\s【】\[\]])[\s,，.。]*(【[^【】\n]{1,24}】|" + HALF_SIGNED + r")[\s”\"」』.。]*$"
)


# What each `{…}` token of a pattern stands for (the module docstring says each in words); any other token is the
# organisation's value, e.g. `{公司}`, or its text.
TOKEN_PATTERNS = {
    "名": NAME,
    "姓名": FULL_NAME,
    "单位名": UNIT_NAME,
    "名称": ORG_NAME,
    "通称": GENERIC_ORG,
    "落款": SIGNED_NAME,
    "叙述": NARRATION,
    "开口": OPENS,
    "停顿": PAUSE,
    "岗位": STAFF,
    "机构": ORG_BEFORE_ROLE,
    "约见": MEET_AGAIN,
    "小名": NICKNAME,
    "人名": PERSON_NAME,
    "职务": STAFF_HEAD,
    "占位": PLACEHOLDER_STARTS + "(?:" + PLACEHOLDER_NAME + ")",
}


LED_FROM = 30  # words in a written group from which its first characters are looked ahead for (`_led`)


def _piece(token: str, values: dict) -> str:
    if token == "*":
        return WILDCARD
    if token.startswith("("):
        optional = token.endswith("?")
        inner = token[1:-2] if optional else token[1:-1]
        # an alternative may be a token too: (0|1|…|{占位}) is a digit or a placeholder, not the text 「{占位}」
        words = inner.split("|")
        alternatives = [_piece(a, values) if PLACEHOLDER.fullmatch(a) else re.escape(fold(a)) for a in words]
        group = "(?:" + "|".join(alternatives) + ")"
        if len(words) >= LED_FROM and all(words) and not any(PLACEHOLDER.fullmatch(a) for a in words):
            group = _led([fold(a) for a in words]) + group
            return "(?:" + group + ")?" if optional else group
        return group + ("?" if optional else "")
    if token.startswith("{"):
        name = token[1:-1]
        if name in TOKEN_PATTERNS:
            return TOKEN_PATTERNS[name]
        literal = re.escape(fold(token))
        return f"(?:{literal}|{re.escape(fold(values[name]))})" if values.get(name) else literal
    return re.escape(fold(token))


@lru_cache(maxsize=4096)
def _compile(pattern: str, fills: tuple) -> str:
    kept = _kept_sources()
    if kept is not None:
        found = kept.get((pattern, fills))
        if found is not None:
            return found
    values = dict(fills)
    source = "".join(_piece(t, values) for t in TOKEN.split(pattern) if t)
    if kept is not None:
        kept[(pattern, fills)] = source
        SOURCES.put(_SOURCES[0], kept)
    return source


# A pattern's source depends on the pattern and the org's values (`_compile`'s arguments), huifang's code (this
# module's tables, `normalize.fold`) and what OpenCC's t2s changes: kept between runs for the code and dictionaries
# of this run (the digests the content cache checked, `contentcache.CODE`, and `simplified.DICTIONARIES`), a dict
# of sources per both.
SOURCES = Kept("elements")
_SOURCES: list = [None, None]  # (the key, its sources), or (False, None) when a key is not known


def _kept_sources() -> dict | None:
    if _SOURCES[0] is None:
        import sys

        from huifang.lint import simplified

        cache = sys.modules.get("huifang.contentcache")  # not imported: no content loaded through it
        code = cache.CODE[0] if cache is not None else None
        if code is None or simplified.changing_characters() is None or simplified.DICTIONARIES[0] is None:
            _SOURCES[:] = [False, None]
        else:
            key = (code, simplified.DICTIONARIES[0])
            found = SOURCES.get(key)
            _SOURCES[:] = [key, found if isinstance(found, dict) else {}]
    return _SOURCES[1]


class Detector:
    """One element's patterns and exclusions, compiled for one organisation, and the self-introduction's slot
    when the element is read from it too (`slot`: lint/caller)."""

    __slots__ = ("regex", "exclude", "pattern", "slot", "kind")

    def __init__(self, element: m.Element, fills: tuple = (), own: tuple[str, ...] = ()):
        self.regex = regexcache.compile("|".join(_compile(p, fills) for p in element.patterns))
        self.exclude = (
            regexcache.compile("|".join(_compile(p, fills) for p in element.exclude)) if element.exclude else None
        )
        self.pattern = self.regex.pattern + ("|" + self.exclude.pattern if self.exclude else "")
        self.kind = element.slot
        self.slot = None
        if element.slot:
            from huifang.lint import caller

            self.slot = caller.slot_for(caller.folded_names((*element.names, *own)))

    def search(self, text: str) -> tuple[int, int] | None:
        """(start, end) of the first match in a folded text that no exclusion overlaps, or None; for the
        organisation, the first whose organisation has a name (`lint/named.py`)."""
        found = self.patterns(text)
        if found is None and self.slot is not None:
            found = self.in_slot(text)
        if found is not None and self.kind == "organisation" and not named.names_one(text, *found):
            return named.next_named(self._search_unnamed, text, found)
        return found

    def _search_unnamed(self, text: str) -> tuple[int, int] | None:
        found = self.patterns(text)
        return found if found is not None or self.slot is None else self.in_slot(text)

    def in_slot(self, text: str) -> tuple[int, int] | None:
        """Where the slot says the element (no exclusion overlapping it), or None."""
        if self.slot is None:
            return None
        span = self.slot.find(text, self.kind)
        if span is None or self.exclude is None:
            return span
        start, end = span
        return None if any(a < end and start < b for a, b in (x.span() for x in self.exclude.finditer(text))) else span

    def patterns(self, text: str) -> tuple[int, int] | None:
        """(start, end) of the patterns' first match that no exclusion overlaps, or None."""
        found = self.regex.search(text)
        if found is None or self.exclude is None:
            return found.span() if found else None
        first = self.exclude.search(text)
        if first is None:  # the common case: no exclusion anywhere (one scan, no list)
            return found.span()
        start, end = found.span()
        if end <= first.start():  # the match ends before any exclusion starts: nothing overlaps it
            return start, end
        bad = [x.span() for x in self.exclude.finditer(text)]
        for found in self.regex.finditer(text):
            start, end = found.span()
            if not any(a < end and start < b for a, b in bad):
                return start, end
        return None


def element_regex(element: m.Element, org: m.Org | None) -> Detector:
    if org is None:
        return Detector(element)
    return Detector(element, tuple(sorted(org.fills().items())), (org.name, org.short_name))


@dataclass(frozen=True)
class Found:
    """Where an element was said: the utterance and the character range in its text."""

    element: m.Element
    utterance: Utterance
    start: int
    end: int


def _detector(cache: dict, element: m.Element, org: m.Org | None) -> Detector:
    """An element's detector for an org, from `cache` (made and kept there the first time)."""
    key = (id(element), org.id if org else "")
    detector = cache.get(key)
    if detector is None:
        detector = cache[key] = element_regex(element, org)
    return detector


def find_elements(
    utterances: list[Utterance], elements: list[m.Element], org: m.Org | None = None, detectors: dict | None = None
) -> list[Found]:
    """The first place of each element in the utterances (in element order); an element that is
    never said is absent. `detectors` caches compiled elements between calls."""
    cache = detectors if detectors is not None else {}
    out = []
    for element in elements:
        detector = _detector(cache, element, org)
        for u in utterances:
            span = detector.search(u.folded)
            if span is not None:
                out.append(Found(element, u, *span))
                break
    return out


def kind_of(view: CallView) -> str:
    return view.kind if view.kind in KINDS else "outbound"


def for_view(standard: m.Standard | None, view: CallView) -> m.Standard | None:
    """The standard that applies to this call's kind of contact (four rules ask it of every file: the answer
    `for_kind` keeps is read here first)."""
    if standard is None:
        return None
    kind = view.kind if view.kind in KINDS else "outbound"
    kept = standard.__dict__.get("_kinds")
    found = kept.get(kind) if kept is not None else None
    return found if found is not None else standard.for_kind(kind)


def _text(ctx, utterances: list[Utterance]) -> str:
    # The turns joined by newlines: a `*` (.{0,12}) never crosses into the next turn.
    turns = tuple(utterances)  # the same turns are asked about by several rules: join them once
    if ctx.joined[0] != turns:
        ctx.joined = (turns, "\n".join(u.folded for u in turns))
    return ctx.joined[1]


def missing(ctx, standard: m.Standard, org, utterances: list[Utterance]) -> tuple:
    """The standard's elements that none of the turns has, in the standard's order."""
    if not utterances:
        return tuple(standard.elements)
    if len(utterances) == 1:
        return ctx.missing(standard, org, utterances[0].folded)
    if not ctx.one_line(standard, org):
        return ctx.missing(standard, org, _text(ctx, utterances))
    # No pattern spans a line break, so an element is in the joined turns exactly when it is in one
    # of them: asked per turn, where the answers are remembered (turns recur, combinations less).
    return ctx.missing_from_all(standard, org, [u.folded for u in utterances])


# How far the opening may reach: agent turns before the first element (a title, repeated 喂, a
# wrong party), and turns without an element once it has started (notes, wrong-party handling).
LEAD = 8
QUIET = 8
# What the agent says to someone who is not the customer: part of the opening, not its questions.
WRONG_PARTY = regexcache.compile(r"不是本人|不是他|不是她|打错|不在|转告|留言|联系到|他/她|找错|哪位")
_TO_WRONG_PARTY = found_by(WRONG_PARTY)  # folded turn → whether it is said to a wrong party


def openings(ctx, view: CallView, standard: m.Standard) -> list[tuple[str, list[Utterance]]]:
    """The opening of each path whose opening is its own: when a free-form script's opening is said
    inside branches (alternative calls written side by side: 「1.咨询：您好…」「2.投诉：您好…」), each
    path's opening; else the one opening of the call, with the label ""."""
    found = _openings(ctx, view, standard)
    if view.freeform:
        # each hook only where the whole file has what it looks for, quotes (folding makes no 或 and no quote mark)
        if story.quoted(view):
            if "或" in view.text:
                found = [way for label, turns in found for way in _either(label, turns)]
            found = [way for label, turns in found for way in _side_by_side(label, turns)]
            if story.of_view(view):
                found = [(label, _said(turns)) for label, turns in found]
    if view.kind == "message":
        sign = signature(view)
        if sign is not None:
            return [(label, [sign, *turns]) for label, turns in found]
    return found


# Quoted wordings joined by 或 (「如「城东税务所，您好」或「我是○○○，您好」」): alternatives, each said instead of the other.
EITHER = regexcache.compile(
    r"[“「『\"][^“”「」『』\"\n]{1,80}[”」』\"](?:[ \t]*(?:或者|或是|或)[ \t]*[“「『\"][^“”「」『』\"\n]{1,80}[”」』\"])+"
)
QUOTED = regexcache.compile(r"[“「『\"][^“”「」『』\"\n]{1,80}[”」』\"]")


def _either(label: str, turns: list[Utterance]) -> list[tuple[str, list[Utterance]]]:
    """A path whose opening gives wordings joined by 或 as that many paths, each with one of them (an element
    counts only when every alternative says it); the path itself when none does."""
    for index, u in enumerate(turns):
        if "或" not in u.folded:
            continue
        group = EITHER.search(u.folded)
        if group is None:
            continue
        start, end = group.span()
        out = []
        for n, quote in enumerate(QUOTED.finditer(u.folded, start, end), 1):
            parts = [_part(u, a, b) for a, b in ((0, start), quote.span(), (end, len(u.text))) if a < b]
            out.append((f"{label}（说法{n}）" if label else f"说法{n}", turns[:index] + parts + turns[index + 1 :]))
        return out
    return [(label, turns)]


# A quoted wording that opens a call: it starts with a greeting, or with the customer addressed and a pause
# (「刘阿姨，…」, 「尊敬的车主，…」); what quotes of different calls written side by side each do.
OPENS_CALL = regexcache.compile(
    r"(?:喂[，,!！。.\s]*)?(?:您好|你好|您们好|你们好|尊敬的|"
    r"[^，,。.！!？?\s“”「」\"]{0,6}(?:先生|女士|小姐|阿姨|大爷|大妈|大娘|大姐|大哥|叔叔|叔|婶|姐|哥|同学|朋友|老师|师傅|业主|"
    r"奶奶|爷爷|家长|小朋友|同志)(?:您好|你好)?[，,！!])"
)
OPENING_QUOTE = 8  # shorter, a quote is a reply or a term, not a call's opening wording
# What may stand between wordings side by side: a short situation label (「报修回访：」), a note in brackets,
# a separator (/、或、也可以说); longer narration, or another quote, is a story going on between them.
SIDE_GAP = 12
GAP_NOTE = regexcache.compile(r"[(（][^()（）]{0,30}[)）]|[\s/／、:：;；,，.。…]|或者|或是|或|也可以说|也可以|可以说")
MAX_SIDE = 16
# A line's own label before its quote, naming a situation (「报修回访：」): consecutive lines of quotes without one
# are a story's dialogue (「“您好，…热线，请讲”」「“你好，我家停电了！”」), and a label that says who speaks (他说：) too.
SITUATION = regexcache.compile(r"\s*[^\s“”「」\"说道问答回讲喊叫]{1,12}[:：]\s*")


# What introduces a list of typical lines: 「见面时的问候如“…”“…”」, 「例如：“…”“…”」.
EXAMPLES = regexcache.compile(r"(?:例如|比如|譬如|如|像)[:：]?[ \t]*$")


def _gap(turns: list[Utterance], last: tuple[int, int, int], quote: tuple[int, int, int]) -> str:
    """What stands between two quotes: in one turn, or at the end of one and the start of the next when that
    one starts with a situation label of its own; a quote mark (no gap allowed) otherwise."""
    turn, _, end = last
    if quote[0] == turn:
        return turns[turn].folded[end : quote[1]]
    if quote[0] == turn + 1 and SITUATION.fullmatch(turns[quote[0]].folded[: quote[1]]) is not None:
        return turns[turn].folded[end:] + turns[quote[0]].folded[: quote[1]]
    return "“"


def _quotes_of(turns: list[Utterance]):
    """Each quote of the turns with a text on both sides of it, in order: (turn, start, end) with its marks,
    whether it opens a call, and whether a list of examples starts with it."""
    for index, u in enumerate(turns):
        text = u.folded
        if "“" not in text and "「" not in text and '"' not in text:
            continue
        at = 0
        for a, b in quotes(text):
            if 0 < a and b < len(text):
                opens = b - a >= OPENING_QUOTE and OPENS_CALL.match(text, a) is not None
                yield (index, a - 1, b + 1), opens, EXAMPLES.search(text, at, a - 1) is not None
            at = b + 1


def _gap_ok(gap: str) -> bool:
    if any(c in gap for c in '“”「」『』"'):
        return False
    return len(GAP_NOTE.sub("", gap)) <= SIDE_GAP


def _side_by_side(label: str, turns: list[Utterance]) -> list[tuple[str, list[Utterance]]]:
    """Quoted wordings that each open a call, written one after another with nothing but a short label,
    a note or a separator between them (「“刘阿姨，您家的水管…”（确认结果）/“张姐，您的热水器…”」, one per line under
    situation labels): alternatives of the opening, each a path of its own, so an element counts only when
    every wording says it. Quotes with narration or another quote between them stay one path (a story's
    call goes on between its quotes)."""
    run: list[tuple[int, int, int]] = []  # (turn, start, end) of each quote of the run, marks included
    listed = False  # the run is a list of examples (「问候如“…”“…”」): its quotes need not each open a call
    for quote, opens, marked in _quotes_of(turns):
        if run and (opens or (listed and run[-1][0] == quote[0])) and _gap_ok(_gap(turns, run[-1], quote)):
            run.append(quote)
        elif len(run) >= 2:
            break
        else:
            listed = marked
            run = [quote] if opens or marked else []
    if len(run) < 2:
        return [(label, turns)]
    run = run[:MAX_SIDE]
    by_turn: dict[int, list[tuple[int, int]]] = {}
    for turn, a, b in run:
        by_turn.setdefault(turn, []).append((a, b))
    out = []
    for n, (chosen_turn, chosen_a, _) in enumerate(run, 1):
        path: list[Utterance] = []
        for index, u in enumerate(turns):
            spans = by_turn.get(index)
            if spans is None:
                path.append(u)
                continue
            at = 0
            for a, b in spans:
                if u.folded[at:a].strip():
                    path.append(_part(u, at, a))
                if index == chosen_turn and a == chosen_a:
                    path.append(_part(u, a, b))
                at = b
            if u.folded[at:].strip():
                path.append(_part(u, at, len(u.text)))
        out.append((f"{label}（说法{n}）" if label else f"说法{n}", path))
    return out


SAID = 6  # a quote this long is words said; a shorter one names a term (素有“某某之城”之称)
# Quoted wordings listed with slashes (“您好！青松养老院。”/请问您哪里？/…): the words after the slash are wording too.
LISTED = regexcache.compile(r"[”」』\"][ \t]*[/／]")


def _said(turns: list[Utterance]) -> list[Utterance]:
    """A story's opening turns reduced to what their quotes say: the narration around a quote (「值班员快步走向
    电话机…她接起：」) is nobody's words on the call. A turn without such a quote stays as it is."""
    out: list[Utterance] = []
    for u in turns:
        said = [] if LISTED.search(u.folded) else [(a, b) for a, b in quotes(u.folded) if b - a >= SAID]
        if said:
            out.extend(_part(u, a, b) for a, b in said)
        else:
            out.append(u)
    return out


def _openings(ctx, view: CallView, standard: m.Standard) -> list[tuple[str, list[Utterance]]]:
    whole = opening(ctx, view, standard)
    if view.whole is None or not whole:
        return _alternatives(whole, standard, view) or _greeted_lines(whole, standard, view) or [("", whole)]
    maybe = _any_element(standard, view.org)
    first = next((u for u in whole if maybe.search(u.folded) is not None), None)
    ways = [(label, turns) for label, turns in view.paths if label != "不方便"]
    if first is None or all(any(u.line == first.line for u in turns) for _, turns in ways):
        return _alternatives(whole, standard, view) or _greeted_lines(whole, standard, view) or [("", whole)]
    return [(label, opening(ctx, view, standard, turns)) for label, turns in ways]


def signature(view: CallView) -> Utterance | None:
    """A message's signature, 【…】 at the start of its first line or the end of its last, as a turn of its own
    whose folded text starts with SIGNED (a line that is only 【…】 is a heading, not a signature)."""
    agent = view.agent_turns(_main_path(view))
    for u in (agent[:1] + agent[-1:]) if agent else []:
        found = SIGNATURES.search(u.folded)
        if found is not None:
            start, end = found.span(1) if found.group(1) else found.span(2)
            sign = _part(u, start, end)
            sign.folded = SIGNED + sign.folded[1:-1] + "】"
            return sign
    return None


def numbered_start(line: str) -> bool:
    """Whether a line starts as a numbered alternative opening may (a line mark: `_alternatives` reads
    only the turns of such lines and of those whose words hold a colon)."""
    return line[:1] in NUMBER_START


def labelled_words(words: str) -> bool:
    return "：" in words or ":" in words


def _line_start(view: CallView, u: Utterance) -> str:
    """The start of a free-form utterance's line as written (list marker and label included), without
    its indentation."""
    text = view.text
    begin = u.base - u.col + 1  # col is the 1-based column of the utterance's first character
    if not text or begin < 0 or u.base > len(text):
        return u.text
    head = text[begin : u.base + 8]
    return head.lstrip(" \t\u3000") if head[:1] in (" ", "\t", "\u3000") else head


NUMBER_START = frozenset(
    " \t\u30000123456789０１２３４５６７８９(（一二三四五六七八九十abcdefghABCDEFGHＡＢＣＤＥＦＧＨ"
)


# Numbering at the start of a free-form line (1. 1、 (1) 一、 A.) and the label or quote before its words.
NUMBERED = regexcache.compile(
    r"\s*(?:\d{1,2}[.、．)）]|[(（]\d{1,2}[)）]|[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[a-h][.．、)）])"
)
# A label of its own before an alternative's words (「实习生：」): short, no punctuation; a known speaker's label
# is no part of the utterance's text.
OWN_LABEL = regexcache.compile(r"\s*([^\s:：,，。.!！?？“”\"'‘’()（）「」]{1,8})[:：]")
GREETS_WITHIN = 16  # the greeting opens the numbered wording: within this many characters of its start or quote


def _alternatives(turns: list[Utterance], standard: m.Standard, view: CallView) -> list | None:
    """Alternative openings written as numbered items side by side (「1. 对于来电者说：“您好！这里是…”」
    「2. 节日问候时说：“您好！祝您节日快乐！…”」), or as lines under labels of their own (「正式员工：您好，…工号…」
    「实习生：您好，…」): two or more items of the opening, numbered alike or under different labels, each
    opening with the greeting (the standard's first element) and saying another element too (labelled lines
    one after another, where one of them is enough: 「回访老患者：您好，我是XX口腔的客服…」「二次回访：您好，…」). Each is
    an opening of its own, with the turns around them; None when the opening has no such items."""
    if not view.freeform or len(turns) < 2 or not standard.elements:
        return None
    if view.marks is not None and not view.marks & OPENINGS:
        return None  # no line starts with a number or says a label of its own
    text = view.text
    greeting = standard.elements[0]
    detectors = None
    items: dict[str, list[int]] = {}
    numbered: dict[str, list[int]] = {}  # every item numbered in a style, whether it opens a call or not
    labels: dict[int, str] = {}
    fuller = False  # a labelled item says more than the greeting
    for index, u in enumerate(turns):
        begin = u.base - u.col + 1  # where the line starts (col is 1-based)
        labelled = OWN_LABEL.match(u.folded) if "：" in u.text or ":" in u.text else None
        if labelled is None and text and 0 <= begin < len(text) and text[begin] not in NUMBER_START:
            continue  # the common case, without slicing the line
        head = _line_start(view, u)
        if not head or (labelled is None and head[0] not in NUMBER_START):
            continue
        if detectors is None:
            detectors = _detectors(standard)
        number = NUMBERED.match(fold(head).lower()) or labelled
        if number is None:
            continue
        under_label = labelled is not None and number is labelled
        style = "label" if under_label else _style(number)
        if not under_label:
            numbered.setdefault(style, []).append(index)
        said = find_elements([u], standard.elements, view.org, detectors)
        first = next((f for f in said if f.element is greeting), None)
        if first is None or (len(said) < 2 and not under_label):
            continue
        before = u.folded[: first.start]
        opened = max(before.rfind("“"), before.rfind("「"), before.rfind(":"), before.rfind("："))
        if first.start - (opened + 1) > GREETS_WITHIN:
            continue
        if under_label:
            labels[index] = labelled.group(1)
            fuller = fuller or len(said) > 1
        items.setdefault(style, []).append(index)
    under = items.get("label", [])
    if len({labels[i] for i in under}) < 2 or not fuller or under[-1] - under[0] >= len(under):
        # one label said twice is one speaker; labelled lines apart from each other are sections, not
        # alternatives written side by side
        items.pop("label", None)
    for style, chosen in items.items():
        if style != "label":
            items[style] = _side_by_side_items(chosen, numbered[style])
    chosen = max(items.values(), key=len, default=[])
    return _one_path_each(turns, chosen) if len(chosen) >= 2 else None


def _style(number: re.Match) -> str:
    return re.sub(r"[\d一二三四五六七八九十a-h]", "0", number.group().strip())


def _side_by_side_items(chosen: list[int], numbered: list[int]) -> list[int]:
    """The first of the chosen items and those right after it in their list: an item numbered alike between two
    that open a call, and itself no opening (「(二)对方打错电话，应说：“对不起，您打错了…”」), makes the list one of
    situations, each an entry of the standard (「(三)对方用方言讲…时，应说：“您好，请讲普通话”」 greets, but as a
    courtesy of its moment), not wordings of one opening to choose from."""
    run = chosen[:1]
    for index in chosen[1:]:
        if numbered.index(index) != numbered.index(run[-1]) + 1:
            break
        run.append(index)
    return run


def _one_path_each(turns: list[Utterance], chosen: list[int]) -> list:
    """A path per chosen alternative: that one of them with every turn that is none of them."""
    others = set(chosen)
    return [
        (f"说法{n}", [u for i, u in enumerate(turns) if i == index or i not in others])
        for n, index in enumerate(chosen, 1)
    ]


GREETS_AT = 2  # the greeting starts a line that opens a call of its own (喂，您好 at most before it)
GREETED_LEAST = 16  # shorter, a line that starts with 你好 may be the customer's answer (「对，你好，什么事」)


def _greeted_lines(turns: list[Utterance], standard: m.Standard, view: CallView) -> list | None:
    """Alternative openings written one per line with no marker (an utterance bank: 「您好，请问是…吗？这里是…」
    「您好，我是…的客服，现在说话方便吗？」): two or more lines in a row where the opening starts, each a whole
    line without a speaker's label, each starting with the greeting and saying another element. Each is an
    opening of its own with the turns after them; None otherwise. A call as it was said does not open twice
    in a row: a repeated bare 喂/您好 says no other element, and a transcript's lines carry labels."""
    if not view.freeform or len(turns) < 2 or not standard.elements or not _two_whole_lines(turns[0], turns[1]):
        return None
    opens, full = _line_openings(standard, view.org)

    def greets(u: Utterance) -> bool:
        return opens[u.folded]

    def says_more(index: int) -> bool:
        return full[turns[index].folded]

    items: list[int] = []
    for index, u in enumerate(turns):
        if not _whole_line(u) or (items and u.line - turns[items[-1]].line > 2):
            break
        items.append(index)
        # the second line first: in most files it is where the opening goes on, and the greeting is not there
        if len(items) == 2 and (not greets(turns[items[1]]) or not greets(turns[items[0]])):
            return None
    if len(items) < 2:
        return None
    items = items[:2] + list(itertools.takewhile(lambda i: greets(turns[i]), items[2:]))
    items = list(itertools.takewhile(says_more, items))
    return _one_path_each(turns, items) if len(items) >= 2 else None


def _line_openings(standard: m.Standard, org: m.Org | None) -> tuple[Remembered, Remembered]:
    """Per folded text, for `_greeted_lines`: whether it starts with the standard's greeting (within GREETS_AT
    characters), and whether it says two or more of its elements (`find_elements` of a text alone, remembered:
    the first lines of a team's files recur). Kept with the standard's other answers (`_kept`)."""
    _, detectors, answers = _kept(standard)
    key = ("line openings", org.id if org else "")
    made = answers.get(key)
    if made is None or made[0] is not org:
        said = [_detector(detectors, e, org).search for e in standard.elements]

        def opens(text: str) -> bool:
            first = said[0](text)
            return first is not None and first[0] <= GREETS_AT

        def says_more(text: str) -> bool:
            return sum(search(text) is not None for search in said) >= 2

        made = answers[key] = (org, Remembered(opens), Remembered(says_more))
    return made[1], made[2]


def _whole_line(u: Utterance) -> bool:
    return u.col == 1 and len(u.text) >= GREETED_LEAST


def _two_whole_lines(first: Utterance, second: Utterance) -> bool:
    """Whether a file's first two turns are whole lines next to each other, as alternative openings one a line
    start (the cheap test before any element is looked for: most files fail it)."""
    return _whole_line(first) and _whole_line(second) and second.line - first.line <= 2


def opening(ctx, view: CallView, standard: m.Standard, path: list[Utterance] | None = None) -> list[Utterance]:
    """The agent's turns that make up the opening, found by their place in the call.

    The opening starts at the first agent turn and runs until the call moves on to its questions:
    the first question that carries no opening element and is not said to a wrong party, or QUIET
    turns in a row without an element. Turns before the first element (repeated 喂/您好 answered by
    nobody, a wrong party, a title line) do not end it, up to LEAD of them. A free-form document whose
    start has no element opens where it first greets, if nobody answers before that.
    """
    cache = view.__dict__.get("_openings")
    if cache is None:
        cache = view.__dict__["_openings"] = {}
    key = (id(standard), id(path))
    found = cache.get(key)
    if found is None:
        found = cache[key] = _opening(ctx, view, standard, _main_path(view) if path is None else path)
    return found


def _opening(ctx, view: CallView, standard: m.Standard, path: list[Utterance]) -> list[Utterance]:
    agent = view.agent_turns(path)
    turns, started = _search(ctx, view, standard, agent)
    if started or not view.freeform or not standard.elements:
        return turns
    # A document that says no element where it starts (a title, rules, a story's narration, a question of its
    # own) opens where it says the opening goes (「接通电话时，应说：“…”」), else where the greeting is first said,
    # as long as nobody has answered before it: after an answer the call is under way and had no opening.
    marked = _opening_marked(path)
    if marked is not None:
        found, began = _search(ctx, view, standard, agent[agent.index(marked) :])
        if began:
            return found
    for u in path:
        if not u.agent:
            break
        if ctx.says_any(standard, view.org, u.folded):
            if find_elements([u], standard.elements[:1], view.org):
                turns, _ = _search(ctx, view, standard, agent[agent.index(u) :])
            break
    return turns


# A rule book's line that says where the opening goes (「（一）接通电话时，应说：」, 「开场白：」, 「问候语：」).
OPENING_MARK = regexcache.compile(
    r"接通电话|接听电话|电话接通|接起电话|拿起电话|拿起听筒|接听来电|来电接听|拨通电话|电话拨通|开场白|开场语|开头语|问候语"
)


def _opening_marked(path: list[Utterance]) -> Utterance | None:
    """The first agent turn that starts by saying where the opening goes, before anyone answers."""
    for u in path:
        if not u.agent:
            return None
        if OPENING_MARK.search(u.folded[:30]) is not None:
            return u
    return None


def _search(ctx, view: CallView, standard: m.Standard, agent: list[Utterance]) -> tuple[list[Utterance], bool]:
    """The opening from the first of these agent turns on, and whether it says an element."""
    turns: list[Utterance] = []
    started = False
    quiet = 0
    known = _with_element(ctx, standard, view.org)
    # One regex of every pattern screens turns once many have been seen: compiling it costs more than
    # it saves on the few turns of one file (a pre-commit hook). It never changes the answer: a turn
    # with an element matches one of its patterns.
    maybe = _any_element(standard, view.org) if ctx.screen_openings and len(known) >= SCREEN_FROM else None
    for u in agent:
        has = known.get(u.folded)
        if has is None:
            has = known[u.folded] = (maybe is None or maybe.search(u.folded) is not None) and ctx.says_any(
                standard, view.org, u.folded
            )
        if has:
            started = True
            quiet = 0
        elif started:
            if asks(u) and not _TO_WRONG_PARTY[u.folded]:
                break
            quiet += 1
            if quiet > QUIET:
                break
        elif len(turns) >= LEAD or (turns and asks(u) and _addressed(u)):
            break
        turns.append(u)
    while len(turns) > 1 and not known[turns[-1].folded]:  # a last turn without an element (asked above)
        turns.pop()
    return turns, started


SCREEN_FROM = 50  # distinct turns asked about before the union regex is compiled


def _with_element(ctx, standard: m.Standard, org: m.Org | None) -> dict[str, bool]:
    """Folded turn → whether it has an element of the standard, remembered per run: every script's
    opening is asked about turn by turn, and standard lines recur from script to script."""
    memo = ctx.__dict__.get("_with_element")
    if memo is None:
        memo = ctx.__dict__["_with_element"] = {}
    key = (id(standard), org.id if org else "")
    found = memo.get(key)
    if found is None or len(found) > 100_000:
        found = memo[key] = {}
    return found


QUESTION = regexcache.compile(r"(?:吗|呢|如何|怎么样|怎样|么|是否|满意度|程度)[\s。.!！”」\"]*$")


_ANY: dict[tuple, re.Pattern] = {}


def _any_element(standard: m.Standard, org: m.Org | None) -> re.Pattern:
    """One regex of every pattern of a standard (exclusions ignored): a turn it misses has no element."""
    key = (id(standard), org.id if org else "")
    found = _ANY.get(key)
    if found is None:
        if len(_ANY) > 1000:
            _ANY.clear()
        fills = tuple(sorted(org.fills().items())) if org else ()
        found = _ANY[key] = regexcache.compile(
            "|".join(
                [_compile(p, fills) for e in standard.elements for p in e.patterns]
                + ([CUE.pattern] if any(e.slot for e in standard.elements) else [])
            )
            or "(?!)"
        )
    return found


ADDRESSED = regexcache.compile(r"您|你|请问")


def _addressed(u: Utterance) -> bool:
    """A question put to the customer: marked with ？, or said to 您/你. Before the opening starts, a line
    of prose that only ends like a question (「…提高来电者对接听者回答内容的信赖程度。」 in a handbook) is
    no question of the call."""
    return u.ask or _ADDRESSES[u.folded]


_ADDRESSES = found_by(ADDRESSED)


def asks(u: Utterance) -> bool:
    """A question of the call: one the script marks with ？, or one that ends like a question (remembered
    per folded text: several rules ask it of every agent turn, and a team's lines recur)."""
    if u.ask:
        return True
    text = u.folded
    found = _ASKED.get(text)
    if found is None:
        if len(_ASKED) > 100_000:
            _ASKED.clear()
        found = _ASKED[text] = QUESTION.search(text) is not None
    return found


_ASKED: dict[str, bool] = {}


# A line that says "the closing goes here" in a written script (结束语：, 电话结束时应说：), or a phrase list's
# leave-taking entry (5、道别语：请慢走…, “再见”分别或告辞时使用, 送客时): what follows it closes, not the document's end.
CLOSING_MARK = regexcache.compile(
    r"结束语|结束用语|结束时|结束通话|通话结束|结尾|结束前|道别|挂机前|挂电话前|送别|告别|告辞|送客|(?:离开|离去|离店)时"
)
TAIL = 60  # of a long free-form paragraph, only its end (or what follows its closing marker) is its closing
LONG = 60


def closing(turns: list[Utterance], standard: m.Standard, view: CallView | None = None) -> list[Utterance]:
    """The agent's last turns of a path (at most `max_turns`). In a free-form script, the turns
    after its last closing marker when it has one, and of a long paragraph only its end (what
    follows its own closing marker, else its last TAIL characters)."""
    agent = view.agent_turns(turns) if view is not None else [u for u in turns if u.agent]
    if view is not None and view.kind == "message":
        return _last_sentence(agent)
    if view is None or not view.freeform:
        return agent[-standard.max_turns :]
    cache = view.__dict__.get("_closings")
    if cache is None:
        cache = view.__dict__["_closings"] = {}
    key = (id(turns), standard.max_turns)
    found = cache.get(key)
    if found is None:
        last = _node_ending(agent, view.node_endings) or _marked(agent, standard, view.org, view.marks)
        if last is None:
            last = _ending(agent, standard, view.org)
        if story.quoted(view):  # a customer's thanks is told around a quote
            last = _without_customers_thanks(last)
        found = cache[key] = [
            v
            for u in last
            if "谢" not in (v := _after_question(_tail(u) if len(u.text) > LONG else u)).folded[-THANKED_END:]
            or not _thanked_back(v.folded)
        ]
    return found


# The words of one who was helped, acknowledging it: 「好的，谢谢了！」, 「噢，那好，谢谢啊」, 「好的好的，谢谢老师哈！」.
# A turn whose last sentence is an acknowledgment, then thanks with nothing after it but a particle or a title, and
# no 您: the agent thanks the customer for something (谢谢您的配合, 感谢来电) or with 您, and says more.
THANKED_END = 7  # the last 谢 and what may follow it (谢谢老师哈！)
THANKED_TAIL = regexcache.compile(r"(?:了|啊|哈|呀|哦|嗯|啦|老师|师傅|医生|大夫|姐|哥)*[!！。.~～…”」\"]*")
ACKNOWLEDGED = regexcache.compile(
    r"[ \t“”「」\"]*(?:(?:嗯|噢|哦|喔|哎|哈|啊|好的|好嘞|好|那好|那行|行|可以|知道了|明白了|了解了|ok)[,，、 \t]*)+"
)


def _thanked_back(folded: str) -> bool:
    """The turn ends on thanks said back (THANKED_TAIL, ACKNOWLEDGED): the helped one's words, not a closing."""
    at = folded.rfind("谢")
    if at < max(1, len(folded) - THANKED_END) or folded[at - 1] not in "谢多感":
        return False
    if THANKED_TAIL.fullmatch(folded, at + 1) is None:
        return False
    start = max(folded.rfind(c, 0, at) for c in "。!！?？;；") + 1
    return ACKNOWLEDGED.fullmatch(folded, start, at - 1) is not None


def _node_ending(agent: list[Utterance], nodes: tuple) -> list[Utterance] | None:
    """A bank path's last line alone when it is one of the bank's alternative ending nodes (branches.node_endings)."""
    if nodes and agent and any(agent[-1] is u for u in nodes):
        return agent[-1:]
    return None


# A question or a request for information that goes on with the call (请问有什么可以帮您？ / 请问您家的地址是？ /
# 请你提供银行户口号码), the anything-else question aside; a request runs to its sentence's end.
ASKED = regexcache.compile(
    r"[？?]|吗[。！!，,…]|(?:请|麻烦)(?:您|你)?(?:提供|告诉|输入|出示|报一下|说一下)[^。！!？?]*"
)


def _after_question(u: Utterance) -> Utterance:
    """The part of a closing turn after its last question or request for information: the call goes on after one, so
    a thanks said before it (「您好，感谢致电…，请问有什么可以帮您？」, 「多谢你使用我们的服务，请你提供银行户口号码」) is
    no closing. The anything-else question is the closing's own, and a goodbye or a wish before a question still closes
    (「祝您生活愉快，再……呃，您这不是打过电话吗？」). Only a turn that thanks is read: nothing else is cut."""
    folded = u.folded
    if "谢" not in folded and "感恩" not in folded:
        return u
    if "?" not in folded and "？" not in folded and "吗" not in folded and "请" not in folded and "麻烦" not in folded:
        return u
    stop = 0
    for found in ASKED.finditer(folded):
        start = max(folded.rfind(c, 0, found.start()) for c in "。！!？?，,；;") + 1
        if ANYTHING_ELSE.search(folded, start, found.end()) is None:
            stop = found.end()
    if not stop or ENDS.search(folded, 0, stop) is not None:
        return u
    return _part(u, stop, len(u.text))


def _marked(
    agent: list[Utterance], standard: m.Standard, org: m.Org | None, marks: int | None = None
) -> list[Utterance] | None:
    """The closing of a free-form path that marks where its closing goes (「结束语：」, 「【健康指导与结束通话】」):
    the turns right after the last marker; when those say no closing element, what the section the marker
    opens ends with (a heading, then advice, then the goodbye), else an earlier marker's turns that do (a
    rule about ending the call, 「结束通话时保持礼貌」, after the script's own 「结束语：“…再见”」). None when the
    path has no marker. `marks`: the free-form file's line marks (no CLOSING mark: no line names a marker)."""
    if marks is not None and not marks & CLOSING:
        return None
    if not any_line([u.folded for u in agent], _WHERE, _where):
        return None  # the common case: no marker on the path
    says = None
    first = None
    for index in range(len(agent) - 1, -1, -1):
        if not _says_where(agent[index].folded):
            continue
        if says is None:
            says = _closing_memo(standard, org)
        after = agent[index : index + standard.max_turns + 1]
        if len(after) <= 1 and len(agent[index].text) <= 12:
            if first is None:
                return None  # a bare marker at the path's end: the path's own ending is its closing
            continue
        entry = after[: _entry_end(agent, index) - index]
        if len(entry) < len(after) and any(says(u) for u in entry):
            return entry  # a list's entry that says the closing words: the next entries are other phrases
        if first is None:
            first = after
        if any(says(u) for u in after):
            return after
        rest = _ending(agent[index:], standard, org)
        if any(says(u) for u in rest):
            return rest
    return first


# The numbering of a list's entry at the start of a line, by style: 1. 1、 (1) （一） 一、 ① a.
ENTRY = regexcache.compile(
    r"[ \t　•●·]*(?:(?P<num>\d{1,2}[.、．)）](?!\d))|(?P<pnum>[(（]\d{1,2}[)）])|(?P<pcn>[(（][一二三四五六七八九十]{1,3}[)）])"
    r"|(?P<cn>[一二三四五六七八九十]{1,3}、)|(?P<circled>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])|(?P<letter>[A-Ha-h][.．、)）]))"
)


def _entry_style(u: Utterance) -> str:
    """The numbering style of the list entry a turn starts with ("" for none)."""
    found = ENTRY.match(u.text)
    return (found.lastgroup or "") if found is not None else ""


def _entry_end(agent: list[Utterance], index: int) -> int:
    """Where the entry of a list that a closing marker's turn starts ends (「9、“再见”…告辞时使用」): at the next entry
    of its list or of a list around it (「10、…」, or 「2、…」 after 「⑩、告别语：…」 under 「1、」); the path's end when
    the turn starts no entry."""
    style = _entry_style(agent[index])
    if not style:
        return len(agent)
    outer = {s for s in map(_entry_style, agent[:index]) if s}
    outer.add(style)
    return next((j for j in range(index + 1, len(agent)) if _entry_style(agent[j]) in outer), len(agent))


def _says_where(folded: str) -> bool:
    """Whether a turn starts by saying where the closing goes (its first 30 characters hold a closing
    marker); remembered per text, as every path's turns are asked from its end."""
    found = _WHERE.get(folded)
    if found is None:
        if len(_WHERE) > 100_000:
            _WHERE.clear()
        found = _WHERE[folded] = _where(folded)
    return found


def _where(folded: str) -> bool:
    return CLOSING_MARK.search(folded[:30]) is not None


def names_closing(words: str) -> bool:
    """Whether a closing marker is anywhere in the words (a line's mark: `_where` asks it of a turn's start,
    and a turn is a line's words or a part of them)."""
    return CLOSING_MARK.search(words) is not None


_WHERE: dict[str, bool] = {}


# A written rule of conduct (「第九条 联络员不得与来电人争吵」): not speech, so not what the call ends with.
RULE = regexcache.compile(r"不得|不应|不准|禁止|严禁|应当|必须|第[一二三四五六七八九十百\d]{1,4}条")
QUOTES = regexcache.compile(r"[“”「」\"]")
# Where to turn later, said between the thanks and the goodbye (「如有疑问请拨打热线 400…」).
AFTERCARE = regexcache.compile(r"如有|如果.{0,8}(?:问题|需要|疑问)|拨打|热线|随时|联系我们|再次来电|下次")
SHORT = 20  # a turn this short that asks nothing may stand between closing words (「好的」「请慢走」)
# The question that closes a call, whether anything else is needed (请问还有什么可以帮您的吗): closing talk, though it asks.
ANYTHING_ELSE = regexcache.compile(
    r"还有(?:什么|别的|其他|其它)[^，,。！!？?]{0,8}(?:需要|问题|疑问|事|帮|效劳|服务)|还需要(?:什么|其他|其它|别的)"
)


def _ending(agent: list[Utterance], standard: m.Standard, org: m.Org | None) -> list[Utterance]:
    """The closing of a free-form path without a closing marker: its last turn (past trailing rules of
    conduct, and past narration when the file quotes its speech), and the turns before it as long as
    every turn after them is closing talk (it says a closing element, where to turn later, or is short
    and asks nothing), up to `max_turns`; a goodbye or a wish among those turns is in the closing
    whatever follows it. Thanks said in the middle of a script (a reply to one question, 「感谢致电」 in
    the opening) is not its closing."""
    says = _closing_memo(standard, org)
    end = _end(agent, says)[0]
    start = end - 1
    while start > 0 and end - start < standard.max_turns and _closing_talk(agent[start], says):
        start -= 1
    for index in range(max(0, end - standard.max_turns), start):
        if _ENDING_WORDS[agent[index].folded] and says(agent[index]):
            start = index  # 「…祝您生活愉快，再见！」 then one more remark: the goodbye still closes the call
            break
    return agent[max(start, 0) : end]


def _end(agent: list[Utterance], says) -> tuple[int, bool | None]:
    """Where `_ending`'s closing ends: past trailing rules of conduct, and past narration when the file quotes its
    speech; with whether the speech was found quoted (None: not asked, no unquoted line was reached)."""
    end = len(agent)
    quoted = None
    while end > 1 and not says(agent[end - 1]):
        last = agent[end - 1].folded
        if _RULE_LINE[last]:
            end -= 1
            continue
        if QUOTES.search(last) is None:
            if quoted is None:
                # a file whose speech is quoted (most lines quote words: a story of a call): an unquoted
                # last line is narration
                quoted = 2 * sum(1 for u in agent if QUOTES.search(u.folded)) > len(agent)
            if quoted:
                end -= 1
                continue
        break
    return end, quoted


def ending_read(agent: list[Utterance], standard: m.Standard, org: m.Org | None) -> tuple:
    """All that `closing` reads of a free-form path's agent turns when `_ending` alone finds its closing (no closing
    marker, no bank's ending nodes, not a message, no quotation mark in the file's text): the turns from
    `max_turns` before where the closing ends (`_end`) to the path's end, each as (folded, ask) (`len(text)` is
    `len(folded)`), and whether `_end` found the speech quoted (its one answer from turns before them: a Markdown
    file's &ldquo; is a quotation mark only once rendered). Two paths with the same answer have the same closing
    turns' folded texts, so the same elements missing: `_end` walks back over the same turns to the same place
    (`max_turns` before it, where these turns start unless they are the path's first, whose `end > 1` then stops it
    there as well: `max_turns` ≥ 1), and `_ending` reads nothing before it."""
    end, quoted = _end(agent, _closing_memo(standard, org))
    return quoted, tuple([(u.folded, u.ask) for u in agent[max(0, end - standard.max_turns) :]])


def _rule(text: str) -> bool:
    """A rule of conduct, not words said (a folded text): 「不得…」「第三条…」 without a quote."""
    return RULE.search(text) is not None and QUOTES.search(text) is None


def _closing_talk(u: Utterance, says) -> bool:
    if says(u) or ("还" in u.folded and _ASKS_ANYTHING_ELSE[u.folded]):
        return True
    return (len(u.text) <= SHORT or _AFTERCARE_WORDS[u.folded]) and not asks(u)


# Words that end a call: a goodbye or a wish (thanks alone do not: they are said in the middle of a call too).
ENDS = regexcache.compile(r"再见|再会|拜拜|慢走|走好|祝您|祝你")
# What the closing's place asks of each path's last turns, per distinct folded text (a team's closing lines recur)
_RULE_LINE = Remembered(_rule)
_ENDING_WORDS = found_by(ENDS)
_ASKS_ANYTHING_ELSE = found_by(ANYTHING_ELSE)
_AFTERCARE_WORDS = found_by(AFTERCARE)

_KEPT: dict[int, tuple] = {}


def _kept(standard: m.Standard) -> tuple:
    """Compiled detectors and answers kept for one standard: (standard, detectors, answers). The entry
    holds the standard, so the ids of its elements (the detectors' keys) stay its own."""
    entry = _KEPT.get(id(standard))
    if entry is None or entry[0] is not standard:
        if len(_KEPT) > 64:
            _KEPT.clear()
        entry = _KEPT[id(standard)] = (standard, {}, {})
    return entry


def _detectors(standard: m.Standard) -> dict:
    return _kept(standard)[1]


def _closing_memo(standard: m.Standard, org: m.Org | None):
    """u → whether the (closing part of the) turn says an element of the standard, remembered by its
    text: closing lines recur from script to script."""
    _, detectors, answers = _kept(standard)
    who = org.id if org else ""
    made = answers.get(who)
    if made is None or made[0] is not org:
        made = answers[who] = (org, _says(standard, org, detectors, {}))
    return made[1]


def _says(standard: m.Standard, org: m.Org | None, detectors: dict, answers: dict):
    maybe = _any_element(standard, org)

    def says(u: Utterance) -> bool:
        text = u.folded  # the answer depends on the text alone: its closing part is cut from it
        found = answers.get(text)
        if found is None:
            if len(answers) > 100_000:
                answers.clear()
            part = _tail(u) if len(u.text) > LONG else u
            found = answers[text] = maybe.search(part.folded) is not None and bool(
                find_elements([part], standard.elements, org, detectors)
            )
        return found

    return says


# A message's signature (【停车宝】) and opt-out line (退订回T) after its last sentence.
SIGNATURE = regexcache.compile(
    r"(?:[\s,，.。;；]*(?:【[^【】]{1,20}】|\[[^\[\]]{1,20}\]|退订回?\s?[a-z]{1,2}|回[a-z]退订))+[\s.。!！]*$"
)
# The end of a sentence: 。！？!? and an ASCII full stop between words (楼口.若未收到货), not in a number.
SENTENCE_END = regexcache.compile(r"[。！？!?…]+[”」』\"]?|(?<![0-9])\.(?![0-9])")


def _last_sentence(agent: list[Utterance]) -> list[Utterance]:
    """A message's closing: the last sentence of its last line, before its signature (bench/realworld's
    convention; a thanks or wish in its first or middle sentence does not close it)."""
    for u in reversed(agent):
        folded = u.folded
        sign = SIGNATURE.search(folded)
        end = sign.start() if sign else len(folded)
        body = folded[:end].rstrip()
        if not body:
            continue
        stops = [x.end() for x in SENTENCE_END.finditer(body) if x.end() < len(body)]
        return [_part(u, stops[-1] if stops else 0, len(body))]
    return []


def _tail(u: Utterance) -> Utterance:
    """The closing part of a long free-form paragraph: from its last closing marker on, else its end."""
    marks = list(CLOSING_MARK.finditer(u.folded))
    if marks:
        start = marks[-1].start()
        return _part(u, start, min(len(u.text), start + 2 * TAIL))
    return _part(u, len(u.text) - TAIL, len(u.text))


def _without_customers_thanks(turns: list[Utterance]) -> list[Utterance]:
    """The turns with the customer's thanks that a story tells as such taken out (lint/gratitude)."""
    out = []
    for u in turns:
        cut = customers_thanks(u.folded)
        at = 0
        for start, end in cut:
            if at < start:
                out.append(_part(u, at, start))
            at = max(at, end)
        if not cut:
            out.append(u)
        elif at < len(u.text):
            out.append(_part(u, at, len(u.text)))
    return out


def _part(u: Utterance, start: int, end: int) -> Utterance:
    """text[start:end] of a free-form utterance, keeping its place in the file (its normalised form worked out
    only if read: `Part`)."""
    return Part(
        u.text[start:end],
        u.speaker,
        u.file,
        u.line,
        u.col + start,
        u.base + start,
        None,
        u.ask,
        u.key,
        u.kind,
        u.folded[start:end],
    )


def _main_path(view: CallView) -> list[Utterance]:
    if view.whole is not None:
        return view.whole  # the opening comes before a free-form script's branches
    for label, turns in view.paths:
        if label != "不方便":
            return turns
    return view.paths[0][1] if view.paths else []


def path_name(label: str) -> str:
    return label or "主流程"


def suggestion(standard: m.Standard, view: CallView, part: str, missing=()) -> str:
    """What to say instead, fitted to the script: its org's own opening or closing when the org has
    one for this kind of contact that says the missing elements, else the kind's generic wording
    with the org's values filled in and the rest left as placeholders ({公司} {坐席} {热线}); never
    another org's words."""
    from huifang.compose import fill, known_placeholders

    org = view.org
    if org is not None and (org.kind or "outbound") == kind_of(view):
        turns = org.opening if part == "opening" else next(iter(org.closings.values()), None)
        words = [t.words.value for t in turns or () if t.kind in ("say", "ask") and t.words is not None]
        if words:
            said = fill("".join(words), org)
            heard = find_elements([Utterance(said, "agent", "")], list(missing), org, _detectors(standard))
            found = {f.element.id for f in heard}
            if all(e.id in found for e in missing):
                return said
    filled, agent = known_placeholders(org)
    examples = standard.examples
    for example in examples:
        if all(p.group(1) in filled or p.group(1) in agent for p in PLACEHOLDER.finditer(example)):
            return fill(example, org)
    return fill(examples[0], org) if examples else ""


def shown(elements) -> str:
    """Element names for a message, each with a plain example of its wording."""
    return "、".join(f"{e.name}（如「{e.example}」）" if e.example else e.name for e in elements)
