"""Who is calling: the self-introduction read as a slot, and what fills it classified.

A cue opens the slot (这边是, 我是, 您好，, 欢迎致电 …, the table CUES); after a hesitation (那个, 就是) comes the
filler, read from its start:
- an *organisation* when it starts with a name of the gazetteer (organisations.txt: real organisations and brands,
  from sourced lists), a place name then a name or a word said after a place (广州联通, 北京移动), a team's own names
  (gongsi's `names` in standards.yaml) or the org's name (huifang.yaml); or when a name-shaped run with no punctuation
  ends in a word for a kind of organisation (六医院, 大豫供电, xx保险; right after a greeting only where the run ends);
- the *agent* when it then gives a staff number (客服代表316号, 28号, 工号 1024, 编号××), with or without the
  organisation before it (「中国移动客服代表316号」 gives both), or a name right after the organisation (的高老师,
  市场部的小陈, 社区民警薛诚锟);
- nothing when the organisation is the customer's (我是中国移动的用户), for a kind of organisation without a name
  (客服中心, 本公司) and for an errand (我们是想…); other fillers stay with the element's patterns and exclusions.
The slot is read only where a cue is, so a turn without one costs one regex search.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from huifang import regexcache

ORGANISATION = "organisation"
AGENT = "agent"
SLOTS = (ORGANISATION, AGENT)

# Where a self-introduction's slot starts (folded text). A greeting cue takes the filler only right after it and a
# pause (您好，中国联通请问…); the others after a hesitation too (这边是那个招行的…).
CUES = {
    "这边是": "says",
    "这里是": "says",
    "这是": "says",
    "我这边是": "says",
    "我们这边是": "says",
    "我们这里是": "says",
    # 咱们 is 我们 said with the listener (咱们这边是联通给您来电的)
    "咱们这边是": "says",
    "咱们这里是": "says",
    "咱们是": "says",
    "咱这边是": "says",
    "我是": "says",
    "我们是": "says",
    "欢迎致电": "says",
    "欢迎来电": "says",
    "感谢致电": "says",
    "感谢您致电": "says",
    "谢谢致电": "says",
    "谢谢您致电": "says",
    # thanks that name the organisation thanked for (a message's or a closing's sender: 感谢您申请华夏银行信用卡,
    # 感谢您对中国移动的支持); a kind of organisation alone (感谢您对本店的支持) names none
    "感谢您选择": "says",
    "感谢您使用": "says",
    "感谢您信任": "says",
    "感谢您申请": "says",
    "感谢您办理": "says",
    "感谢您关注": "says",
    "感谢您对": "says",
    "谢谢您对": "says",
    "您好": "greets",
    "你好": "greets",
}
# A particle may stand before a cue's 是 in speech (我这边呢是…, 我们这里啊是…).
PARTICLE = "呢|啊|呀|嘛"
PAUSE = r"[\s,，!！。.、:：]*"
HESITATION = r"(?:那个|这个|就是|呃|嗯|啊)?[\s,，]*"
# A staff number after the organisation (or alone): a role (lint/standards' STAFF_HEAD), then digits and 号 (客服代表316号,
# 话务员28号), or 工号 and digits; it ends where a number of a thing would go on (3号楼 is an address).
# 编号 is said for 工号 (我是编号××的业务人员) and a template leaves the number as a placeholder (××号话务员, 某某号).
NUMBER = r"(?:[0-9]{{1,6}}|x{{1,6}}|×{{1,6}}|\*{{1,6}}|某{{1,2}})"
AGENT_NUMBER = (
    r"(?:(?:客服代表|话务代表|{role})[\s]?)?(?:(?:工号|编号)[\s:：]?)?" + NUMBER + r"[\s]?号(?=[^\w]|$|为|很|请|{role})"
    r"|(?:工号|编号)[\s:：]?" + NUMBER
)
# The agent's name after the organisation the slot read, with no pause between (「这边是招行，王先生您好」 names the
# customer): a surname and a title after a few letters (信贷业务陈经理, 的高老师); or, after a part of the organisation
# (市场部, 执行局, 所) and 的, 小 and one character (市场部的小陈), or a role then a whole name or a placeholder (社区民警薛诚锟,
# 的保洁人员xxx); or a whole name right after the organisation or its part (大豫供电所徐强). A role or a title word is
# never read as a name (的王总监, 的高级顾问).
AGENT_TITLES = (
    "老师|经理|总(?!部|店|公司|监|裁|经理)|主任|医生|护士|大夫|律师|顾问|助理|教练|管家|师傅|警官|科长|处长|主管"
)
AGENT_NAME = (
    r"(?:(?!{not_a_name})[^\W_]){{0,6}}?(?:的)?(?:小|老)?[{surnames}](?:{titles})"
    r"|(?:(?:(?!{not_a_name})[^\W_]){{0,6}}?(?:{suffix}))?"
    r"(?:(?:的)?\s?(?:{staff})\s?(?:{person}|(?:{placeholder})(?=[^\w]|$|为|很|请))|(?:的)?\s?{nickname}|{person})"
)
# What may follow an organisation's name in a caller's own words: a pause, its people (a role, 线务员) or parts, an
# errand.
AFTER_NAME = (
    r"(?=[^\w]|$|的|给|为|请|来电|打来|这边|那边|工号|客户经理|理财|大堂|信用卡|工作人员|话务|回访|热线|公司|集团|营业厅|中心|"
    r"银行|保险|分行|支行|[0-9]|{role})"
)
# The organisation is the customer's: 我是中国移动的用户, 我们是招行的老客户.
CUSTOMERS = regexcache.compile(
    r"(?:的)?(?:老|忠实|长期)?(?:用户|客户(?!经理|服务|专员|代表|中心|部)|会员|业主|车主|家属|患者|病人|住户|顾客|机主|持卡人|"
    r"学员|家长|股东|乘客|旅客)"
)


# A name-shaped run and the word that says what kind of organisation it is (六医院, 大豫供电, xx保险, 链驿速递市场部): the
# run holds no punctuation, pronoun, form of address or pleasantry (lint/standards' NOT_A_NAME) and starts with no
# errand (想, 要, 来 …: 我是想问一下你们公司) or count (这是一家五星级酒店 describes one); a kind word that is the start
# of a title names a person (我是李科长); 网 is a website's or a grid's name (惠顺维修网, 南方电网), not 网格, 网点, 上网.
ORG_SUFFIXES = (
    "公司 中心 医院 银行 店 站 局 部 集团 物业 所 院 厅 热线 平台 商城 诊所 门诊 保险 电力 供电 科 处 社区 街道 学校 "
    "证券 基金 通信 移动 联通 电信 航空 快递 速递 物流 地产 置业 装饰 家居 汽车 教育 健身 外卖 俱乐部 科技 馆 景区 乐园 公园 影城 "
    "大厦 商场 超市 会所 驾校 (?<!上)网(?!格|点|络|友|上|购|费|页)"
)
NAMED = (
    r"(?!想|要|来|去|打|给|跟|和|在|做|问|说|为|对|把|让|就|也|都|还|一(?:家|个|所|款|种|位|项|份|座|间|条))"
    r"(?:(?!{not_a_name})[^\W_]|[*×…\[【〇○□ ]){{1,12}}?(?:{suffix})(?!长)"
)

# Right after a greeting a name-shaped run is the caller's only when it ends there (您好，六医院，请问…; not the place a
# message is about: 您好，韩通站937线…), or a second greeting follows it (你好，赛里木湖景区你好).
GREETED_ENDS = regexcache.compile(r"[\s,，。.!！?？、:：;；”」『「]|$|请问|为您|为你|很高兴|我是|我叫|您好|你好")

# The answer of a line that is called (inbound): the organisation said *first*, then the greeting or the service
# offer, with no cue before it (「赛里木湖景区你好」「台中市政府卫生局『您好！…』」「海底捞某某店，小李很高兴为您服务」).
# It is read where words start (the text's start or an opening quotation mark, a 喂 first), from the same names and
# name-shaped runs as a cue's filler, and only when the greeting or the offer follows at once; an agent named between
# the pause and the offer (小李很高兴为您服务) is the agent.
ANSWER_START = regexcache.compile(r"(?:^|(?<=[“「『\"‘]))\s*(?:喂[\s,，!！。.]*)?(?=[^\W_]|[*×…\[【〇○□])")
ANSWER_PAUSE = r"[\s,，!！。.、:：“”「」『』\"]*"
ANSWERED = regexcache.compile(
    ANSWER_PAUSE
    + r"(?:您好|你好|(?:很高兴|竭诚|将)?(?:能)?(?:为您|为你)服务|(?:欢迎|提醒|祝|感谢|谢谢|通知)(?:您|你)|温馨提示)"
)
# A run read with no cue before it is no story's sentence (他说青岚山景区您好, 我们去了…景区): no third person, no verb
# of saying or going, no aspect particle.
NARRATED = regexcache.compile(r"[他她它说道讲问告诉了过着在去到从]")
ANSWER_AGENT = ANSWER_PAUSE + r"({nickname}|{person})(?:很高兴|竭诚)(?:能)?(?:为您|为你)服务"
# A short name said first and greeted after at once, with neither a gazetteer's name nor a kind word (「魅力晶都，您好！」,
# a property's or a shop's own name as the phone is answered): read only where the answer starts and only before
# 您好/你好 (the greeting is the cue here, said after its filler). Two to ten letters (lint/standards' UNIT_NAME: no
# person's name, no placeholder alone, no staff number, no pleasantry, no 的), none of them a form of address
# (FORMS_OF_ADDRESS: 「张雯睿妈妈，你好」 greets the customer), no title (「李科长您好」: lint/standards' TITLES) and not kinds
# alone (「秘书室，您好」: GENERIC, KIND_FIRST).
FORMS_OF_ADDRESS = (
    "妈妈|爸爸|爷爷|奶奶|姥姥|姥爷|外婆|外公|伯伯|婶婶|大妈|大叔|大娘|老乡|姑娘|小伙|美女|帅哥|领导|乘客|旅客|游客|顾客|"
    "患者|病人|家属|宝宝|宝贝|大家|同志|居民|市民|村民|群众|老人家|会员|车主|住户|学员|学生|朋友|亲们"
)
KIND_FIRST = "政府热线|服务热线|客服热线|热线|客服中心|服务中心|客服|总机|前台|秘书室|办公室"
GREETED_NAME = r"{unit_start}(?:(?!{not_a_name}|{forms}|{titles}|的)[^\W_]){{2,10}}?(?=[\s,，!！]?(?:您好|你好))"

# The caller's frame: what stands between a cue and the words that say it is the side calling (「…是东方雨虹这边的师傅」,
# 「咱们这边是XX给您来电的」, 「您好，东方雨虹这边师傅」) is the organisation, whatever the name: its place in the frame
# says so, not the gazetteer or a kind word. The frame closes with 这边/那边 (the speaker's side: then a pause, a role,
# or the call) or with the call itself (给您来电, 给您打电话, 给您做个回访). The name is a run of two to twelve letters
# with no punctuation, pronoun, form of address or pleasantry (NOT_A_NAME), no errand first (NAMED's list), and not
# kinds alone (我是社区这边的, 售后这边给您来电: GENERIC).
FRAME_CLOSE = (
    r"(?:这边|那边)(?:的)?(?=[\s,，。.!！]|$|{staff}|给(?:您|你)|来电|打来)"
    r"|(?:的)?给(?:您|你)(?:来电|致电|回电|去电|打(?:个|一个)?电话|做(?:个|一个)?(?:电话)?回访)"
)
FRAMED = (
    r"(?!想|要|来|去|打|给|跟|和|在|做|问|说|为|对|把|让|就|也|都|还|他|她|它|负责|专门|一(?:家|个|所|款|种|位|项|份|座|间|条))"
    r"(?:(?!{not_a_name})[^\W_]|[*×…\[【〇○□]){{2,12}}?(?={close})"
)

# Kinds of organisation without a name (客服中心, 本公司, 社区卫生站: lint/standards' GENERIC_ORG), which name nobody.
GENERIC = r"(?:本|咱们|我们|这个|你们|贵)?(?:{kinds})"


@lru_cache(maxsize=1)
def _shapes():
    """The slot's shapes compiled with the names and roles of lint/standards (imported here: it imports this)."""
    from huifang.lint.standards import (
        GENERIC_ORG,
        NICKNAME,
        NOT_A_NAME,
        PERSON_NAME,
        STAFF,
        STAFF_HEAD,
        SURNAMES,
        WHOLE_PLACEHOLDER,
    )

    suffix = "|".join(sorted(ORG_SUFFIXES.split(), key=len, reverse=True))
    return (
        regexcache.compile(AGENT_NUMBER.format(role=STAFF_HEAD)),
        regexcache.compile(AFTER_NAME.format(role=STAFF)),
        regexcache.compile(NAMED.format(not_a_name=NOT_A_NAME, suffix=suffix)),
        regexcache.compile(GENERIC.format(kinds=GENERIC_ORG)),
        regexcache.compile(
            AGENT_NAME.format(
                not_a_name=NOT_A_NAME,
                surnames=SURNAMES,
                titles=AGENT_TITLES,
                staff=STAFF,
                nickname=NICKNAME,
                person=PERSON_NAME,
                suffix=suffix,
                placeholder=WHOLE_PLACEHOLDER,
            )
        ),
        regexcache.compile(ANSWER_AGENT.format(nickname=NICKNAME, person=PERSON_NAME)),
        regexcache.compile(FRAMED.format(not_a_name=NOT_A_NAME, close=FRAME_CLOSE.format(staff=STAFF))),
    )


def _greeted_name(text: str, start: int) -> re.Match | None:
    """A short name at `start` that the greeting follows at once (GREETED_NAME), or None; not kinds alone."""
    named = _greeted()[0].match(text, start)
    if named is None or _greeted()[1].fullmatch(named.group()) is not None:
        return None
    return named


@lru_cache(maxsize=1)
def _greeted():
    from huifang.lint.standards import GENERIC_ORG, NOT_A_NAME, TITLES, UNIT_NAME

    unit_start = UNIT_NAME[: UNIT_NAME.index("(?:(?!")]  # its tests of a person's name, a placeholder, a number
    return (
        regexcache.compile(
            GREETED_NAME.format(unit_start=unit_start, not_a_name=NOT_A_NAME, forms=FORMS_OF_ADDRESS, titles=TITLES)
        ),
        regexcache.compile("(?:" + KIND_FIRST + "|" + GENERIC_ORG + ")+"),
    )


DATA = Path(__file__).with_name("organisations.txt")
NAME, AFTER_PLACE = 1, 2  # a trie word's section
LONGEST = 24  # characters of a name looked at from the slot's start
PLACE_LONGEST = 8
PLACE_ENDS = frozenset("省市区县")  # may stand between a place and the name after it (北京市移动)


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, frozenset[str]]:
    """The shipped names by section, [name], [after-place] and [place] (read once per process)."""
    text = DATA.read_text(encoding="utf-8")
    sections = {}
    for block in text.split("\n[")[1:]:
        head, _, body = block.partition("]\n")
        sections[head] = frozenset(body.split())
    return sections


@lru_cache(maxsize=64)
def _trie(own: tuple[str, ...]):
    """The gazetteer's names and words said after a place, and a team's own names (folded), in a pyahocorasick trie:
    word → its section. Places are a set: they are asked only of a filler's first characters."""
    import ahocorasick

    trie = ahocorasick.Automaton()
    gazetteer = _gazetteer()
    for word in gazetteer["after-place"]:
        trie.add_word(word, AFTER_PLACE)
    for name in (*gazetteer["name"], *own):
        trie.add_word(name, NAME)
    return trie


CUE = regexcache.compile(
    "|".join(
        f"{cue[:-1]}(?:{PARTICLE})?是" if cue.endswith("是") else cue for cue in sorted(CUES, key=len, reverse=True)
    )
)
SAID_PARTICLE = regexcache.compile(f"(?:{PARTICLE})(?=是$)")
FILLER_START = {
    "says": regexcache.compile(PAUSE + HESITATION),
    "greets": regexcache.compile(PAUSE),
}


class Slot:
    """Reads the slots of folded texts for one set of own names: `find(text, kind)` → (start, end) or None."""

    __slots__ = ("own", "first", "_read")

    def __init__(self, own: tuple[str, ...] = ()):
        self.own = tuple(sorted({n for n in own if n}))
        gazetteer = _gazetteer()
        self.first = frozenset(name[0] for name in (*gazetteer["name"], *gazetteer["place"], *self.own))
        self._read: dict[str, tuple] = {}  # text → (organisation's span, agent's span): both elements ask

    def find(self, text: str, kind: str) -> tuple[int, int] | None:
        found = self._read.get(text)
        if found is None:
            if len(self._read) > 10_000:
                self._read.clear()
            found = self._read[text] = self.read(text)
        return found[0] if kind == ORGANISATION else found[1]

    def read(self, text: str) -> tuple:
        """(the organisation's span, the agent's span) of the first slot that names each, or None."""
        organisation = agent = None
        for cue in CUE.finditer(text):
            said = CUES[SAID_PARTICLE.sub("", cue.group())]
            start = FILLER_START[said].match(text, cue.end()).end()
            name_end = self._organisation(text, start) if text[start : start + 1] in self.first else None
            if name_end is None:
                named = _shapes()[2].match(text, start)
                if (
                    named is not None
                    and (said == "says" or GREETED_ENDS.match(text, named.end()))
                    and _shapes()[3].fullmatch(named.group().replace(" ", "")) is None
                ):
                    name_end = named.end()
            if name_end is None:
                name_end = self._framed(text, start)
            if name_end is not None:
                if CUSTOMERS.match(text, name_end) is not None:
                    continue  # the customer's organisation
                if organisation is None:
                    organisation = (start, name_end)
            if agent is None:
                number = _shapes()[0].match(text, start if name_end is None else name_end)
                if number is None and name_end is not None:
                    number = _shapes()[4].match(text, name_end)
                agent = number.span() if number is not None else None
            if organisation is not None and agent is not None:
                break
        if organisation is None and ("您" in text or "你" in text or "服务" in text or "温馨" in text):
            organisation, agent = self._answer(text, agent)
        return organisation, agent

    @staticmethod
    def _framed(text: str, start: int) -> int | None:
        """Where a name the caller's frame closes ends (东方雨虹这边的师傅, XX给您来电), or None."""
        framed = _shapes()[6].match(text, start)
        if framed is None or _shapes()[3].fullmatch(framed.group().replace(" ", "")) is not None:
            return None
        return framed.end()

    def _answer(self, text: str, agent: tuple | None) -> tuple:
        """(the organisation's span, the agent's span) of an answer that says the organisation first, or (None,
        agent)."""
        for at in ANSWER_START.finditer(text):
            start = at.end()
            name_end = self._organisation(text, start) if text[start : start + 1] in self.first else None
            if name_end is None:
                named = _shapes()[2].match(text, start)
                if named is None and ("您好" in text or "你好" in text):
                    named = _greeted_name(text, start)
                if (
                    named is None
                    or NARRATED.search(named.group()) is not None
                    or _shapes()[3].fullmatch(named.group().replace(" ", "")) is not None
                ):
                    continue
                name_end = named.end()
            if ANSWERED.match(text, name_end) is not None:
                return (start, name_end), agent
            said = _shapes()[5].match(text, name_end)
            if said is not None:
                return (start, name_end), agent or said.span(1)
        return None, agent

    def _organisation(self, text: str, start: int) -> int | None:
        """Where the organisation's name that starts the filler ends, or None."""
        window = text[start : start + LONGEST]
        best = max((length for length, section in self._words(window) if section == NAME), default=0)
        places = _gazetteer()["place"]
        for length in range(min(PLACE_LONGEST, len(window)), 1, -1):
            if window[:length] in places:
                at = length + (window[length : length + 1] in PLACE_ENDS)
                after = self._words(window[at:])
                if after:
                    best = max(best, at + after[0][0])
        if not best:
            return None
        end = start + best
        return end if _shapes()[1].match(text, end) is not None else None

    def _words(self, window: str) -> list[tuple[int, int]]:
        """(length, section) of each name the window starts with, longest first (a walk down the trie)."""
        trie = _trie(self.own)
        return [
            (length, section)
            for length in range(trie.longest_prefix(window), 1, -1)
            if (section := trie.get(window[:length], 0))
        ]


@lru_cache(maxsize=64)
def slot_for(own: tuple[str, ...]) -> Slot:
    return Slot(own)


def folded_names(names) -> tuple[str, ...]:
    from huifang.lint.normalize import fold

    return tuple(fold(n) for n in names if n)
