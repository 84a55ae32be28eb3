"""Who says a line of a free-form script: the label at its start, from a wide default table.

A label is a short word before a colon (half- or full-width), optionally in brackets (【客服】,
[坐席]) or bold (**客服：**), with a name or number in brackets or after a dash (客户（张先生）：, 客服-小王：)
and a recorded call's time stamp before or after it ([00:01] 客服：, 客服 00:00:01：); bracketed labels may
go without the colon. Labels are compared
folded (half-width, lower case). A label that starts with a known label of two or more characters
(客服小王, 客户张先生) is that speaker; Traditional labels are their Simplified ones (客戶, 話務員). A word that is not in the table but is used as a label on
two or more lines of a file is an unknown speaker: never the agent (the file gets one info finding),
except in a file where no known agent label is used and one unknown label opens the call by greeting and
introducing the company or the agent (「医助：您好，我是××诊所的小林」): that side is the agent, as call QA
infers it, and the finding says it was inferred.
Teams add their own labels in huifang.yaml: lint.speakers.agent / lint.speakers.customer.
"""

from __future__ import annotations

import re
import unicodedata

from huifang import regexcache
from huifang.lint.simplified import t2s

AGENT, CUSTOMER, UNKNOWN = "agent", "customer", "unknown"

AGENT_LABELS = (
    "客服",
    "【客服】",
    "客服人员",
    "客服专员",
    "客服代表",
    "客服员",
    "客服中心",
    "客服经理",
    "回访专员",
    "回访员",
    "回访人员",
    "回访客服",
    "坐席",
    "坐席员",
    "坐席人员",
    "座席",
    "座席员",
    "话务员",
    "业务员",
    "工作人员",
    "接线员",
    "服务人员",
    "服务顾问",
    "销售顾问",
    "顾问",
    "专员",
    "客户经理",
    "理财经理",
    "电访员",
    "调查员",
    "访员",
    "访问员",
    "营业员",
    "柜员",
    "导医",
    "护士",
    "医生",
    "信息员",
    "前台",
    "接待员",
    "售后",
    "销售",
    "经理",
    "主管",
    "agent",
    "a",
    "问",
    "甲",
    "我",
    "我方",
    "员工",
    "服务员",
    "机器人",
    # roles that make the call in other trades: a doctor's assistant, a collector, a health manager, a bot
    "医助",
    "药师",
    "健康管理师",
    "咨询师",
    "营养师",
    "催收员",
    "催收",
    "外呼员",
    "销售代表",
    "客户代表",
    "大堂经理",
    "管家",
    "助理",
    "助手",
    "智能客服",
    "assistant",
    "bot",
    "robot",
    "ai",
    "ai客服",
    "智能助手",
    "外呼机器人",
    "语音机器人",
)
CUSTOMER_LABELS = (
    "客户",
    "顾客",
    "用户",
    "市民",
    "业主",
    "患者",
    "病人",
    "病患",
    "患者家属",
    "家属",
    "持卡人",
    "车主",
    "来电人",
    "来电者",
    "来电方",
    "客人",
    "会员",
    "投保人",
    "被保险人",
    "家长",
    "住户",
    "居民",
    "消费者",
    "对方",
    "customer",
    "b",
    "答",
    "乙",
    "客",
    "访客",
    "学员",
    "学生",
    "human",
    "user",
    "被访者",
    "受访者",
    "来访者",
    "游客",
    "乘客",
    "旅客",
    "玩家",
    "买家",
    "借款人",
    "投诉人",
    "租户",
    "商户",
)
# Words written like a label that introduce a branch, an example or a note: never a speaker.
MARKERS = (
    "方便",
    "不方便",
    "满意",
    "不满意",
    "一般",
    "非常满意",
    "比较满意",
    "例如",
    "例",
    "如",
    "若",
    "注",
    "注意",
    "备注",
    "说明",
    "目的",
    "要求",
    "开场",
    "开头",
    "结束",
    "结尾",
    "话术",
    "标准",
    "参考",
    "范例",
    "示例",
    "情况",
    "问题",
    "回答",
    "提示",
    "步骤",
    "第",
    "错误",
    "正确",
    "禁忌",
    "忌语",
    "原因",
    "处理",
    "内容",
    "时间",
    "地点",
    "电话",
    "地址",
    "姓名",
    "日期",
    "场景",
    "流程",
    "分支",
    "结果",
    "类型",
    "通话",
    "致谢",
    "祝福",
    "道别",
    "问候",
    "自我介绍",
    "确认",
    "询问",
    "介绍",
    "要点",
    "原则",
    "技巧",
    "重点",
    "目标",
    "您好",
    "你好",
    "喂",
    "嗯",
    "好的",
    "是的",
    "对",
    "谢谢",
    "再见",
    "请问",
)

_CLASS = r"[^\s:：【】\[\]〔〕［］，,。.！!？?、；;“”\"'‘’（）()*_#>|~`/／\\-]"
# A time stamp of a recorded call before or after the label (「[00:01] 客服：」, 「客服 00:00:01：」), and what a
# label may carry after its word: a name or number in brackets (「客户（张先生）：」, 「回访员（工号1024）：」) or
# after a dash (「客服-小王：」).
STAMP = r"\[?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\]?"
QUALIFIER = r"(?P<qual>[ \t]*[(（][^()（）:：\n]{1,16}[)）]|[-－—·][^\s:：()（）]{1,8})?(?:[ \t]+" + STAMP + ")?"
LABEL = regexcache.compile(
    r"(?:" + STAMP + r"[ \t]+)?"
    r"(?:\*\*|__)?(?:(?P<open>[【\[〔［])[ \t]*)?(?P<label>" + _CLASS + r"{1,10})" + QUALIFIER + r"[ \t]*"
    r"(?(open)[】\]〕］](?:\*\*|__)?[ \t]*(?P<after>[：:])?|(?:\*\*|__)?[ \t]*(?P<colon>[：:]))"
    r"(?:\*\*|__)?[ \t　]*"
)
OPENERS = frozenset("【[〔［*_")
# A diariser's speaker id as an ASR tool writes it (WhisperX's SPEAKER_00, FunASR's spk0, 说话人1, 发言人 2, Speaker 1),
# bracketed or before a colon: a label whose side the words decide (`infer_agent`).
DIARISED_NAME = r"(?:speaker|spk|说话人|发言人|讲话人|角色)[ _-]?\d{1,2}"
DIARISED = regexcache.compile(
    r"(?:\*\*)?(?:(?P<open>[【\[〔［])[ \t]*)?(?P<label>" + DIARISED_NAME + ")"
    r"(?(open)[ \t]*[】\]〕］](?:\*\*)?[ \t]*[：:]?|(?:\*\*)?[ \t]*[：:])(?:\*\*)?[ \t　]*",
    re.IGNORECASE,
)
DIARISED_FIRST = frozenset("【[〔［*sS说发讲角")


def key(label: str) -> str:
    """A label as compared: Simplified (客戶 is 客户), half-width, lower case, brackets and spaces dropped."""
    text = t2s(unicodedata.normalize("NFKC", label)).lower()
    return text.strip(" \t【】[]〔〕").strip()


class Speakers:
    """The label table of a project: the defaults plus huifang.yaml's lint.speakers."""

    def __init__(self, agent=(), customer=()):
        self.table: dict[str, str] = {}
        for labels, who in ((CUSTOMER_LABELS, CUSTOMER), (AGENT_LABELS, AGENT), (customer, CUSTOMER), (agent, AGENT)):
            for label in labels:
                self.table[key(label)] = who
        self.prefixes = sorted((k for k in self.table if len(k) >= 2), key=len, reverse=True)
        self.extra = (tuple(agent), tuple(customer))
        self._who: dict[str, str | None] = {}  # label as written → `who`: a team's labels recur on every line

    def names_digits(self) -> bool:
        """Whether a label of the table holds a digit (then two labels that differ only in it may be two
        speakers: `freeform.Reader` reads no line by its shape)."""
        return any(char.isdigit() for k in self.table for char in k)

    def who(self, label: str) -> str | None:
        """AGENT, CUSTOMER, UNKNOWN (a speaker-like word not in the table) or None (not a speaker)."""
        try:
            return self._who[label]
        except KeyError:
            if len(self._who) > 10_000:
                self._who.clear()
            found = self._who[label] = self._read(label)
            return found

    def _read(self, label: str) -> str | None:
        k = key(label)
        found = self.table.get(k)
        if found:
            return found
        for prefix in self.prefixes:
            if k.startswith(prefix):
                return self.table[prefix]
        said = _said(k)
        if said is not None:
            if said in self.table:
                return self.table[said]
            if said in THIRD_PERSON:
                return CUSTOMER
        if k.isdigit() or k.startswith(MARKERS) or not k or _greets(k):
            return None
        return UNKNOWN

    def split(self, line: str, at: int) -> tuple:
        """(speaker, label as written, offset of the words) of a line whose words start at `at`, or
        (None, None, at) when the line has no label."""
        if len(line) <= at + 1:
            return None, None, at
        first = line[at]
        if first in DIARISED_FIRST:
            m = DIARISED.match(line, at)
            if m is not None:
                label = m.group("label")
                return self.who(label) or UNKNOWN, label, m.end()
        if first not in OPENERS:
            head = line[at : at + 24]
            if "：" not in head and ":" not in head:
                return None, None, at
        m = LABEL.match(line, at)
        if m is None:
            return None, None, at
        label = m.group("label")
        colon = m.group("colon") or m.group("after")
        who = self.who(label)
        if who is None or (who == UNKNOWN and (not colon or m.group("qual"))):
            # a word in neither table with a qualifier (「回复（满意时）：」) names a case, not a speaker
            return None, None, at
        if colon == ":" and line[m.end() : m.end() + 1].isdigit():
            return None, None, at  # a time of day, 10:30
        return who, label, m.end()


# A label that says who speaks with a verb of speaking (「用户说：」, 「我问：」, 「他回答说：」): a speaker of the
# table or a pronoun, perhaps an adverb, then the verb. 我 is the agent, as in the table; he or she is the
# other side, unless the file names the agent in another label (`first_person`).
SAID_ADVERB = r"(?:又|再|也|就|便|还|接着|继续|随即)?"
SAID = regexcache.compile(SAID_ADVERB + r"(?:回答说|回答|回复|回应|追问|反问|说道|问道|答道|说|问|答|讲)$")
THIRD_PERSON = frozenset(("他", "她", "他们", "她们", "那边", "对面", "那头", "电话那头"))
# The writer's own said-label anywhere in a text; a literal first character, so the scan is a quick search.
FIRST_PERSON_SAID = regexcache.compile(
    "我" + SAID_ADVERB + r"(?:回答|回复|回应|追问|反问|说|问|答|讲)[^\n:：]{0,3}[:：]"
)


def _said(label: str) -> str | None:
    """Who a said-label names (「他回答说」 → 他), or None when the label ends in no verb of speaking."""
    if len(label) < 2 or label[-1] not in "说问答讲道复应":
        return None
    m = SAID.search(label)
    return label[: m.start()] if m is not None and m.start() > 0 else None


def _said_in(label: re.Match | None) -> str | None:
    """Who the said-label a LABEL match found names, or None."""
    return _said(key(label.group("label"))) if label is not None else None


def narrator(taken: str) -> bool:
    """Whether what the reader took off a line's start is a pronoun's said-label (「他说：」, 「我问：」): a story's
    narration, never a script's."""
    said = _said_in(LABEL.search(taken))
    return said == "我" or said in THIRD_PERSON


def first_person(turns: list, lines: list[str], text: str) -> int:
    """In a story whose writer labels their own words 「我说：」 and names the agent in another label (「客服：」,
    「客服回答：」), the writer is the customer: their turns become the customer's and those of 「他说：」 the
    agent's (the utterances are changed in place); the number of turns changed."""
    if "我" not in text or FIRST_PERSON_SAID.search(text) is None:
        return 0
    mine, third, named = [], [], False
    for u in turns:
        before = _before(u, lines)
        if not before or (":" not in before and "：" not in before and "】" not in before):
            continue
        label = LABEL.search(before)
        said = _said_in(label)
        if said == "我":
            mine.append(u)
        elif said in THIRD_PERSON:
            third.append(u)
        elif u.speaker == AGENT and label is not None and key(label.group("label")) != "我":
            named = True
    if not (mine and named):
        return 0
    for u in mine:
        u.speaker, u.agent = CUSTOMER, False
    for u in third:
        u.speaker, u.agent = AGENT, True
    return len(mine) + len(third)


def _greets(label: str) -> bool:
    """Whether a word written like a label greets (「尊敬的客户您好：」): a letter's or a message's salutation, not a
    speaker."""
    return "好" in label and ("您好" in label or "你好" in label or "大家好" in label)


DEFAULT = Speakers()

# How the agent opens a call: a greeting, then who is calling (the company, the agent's name or number).
GREETS = regexcache.compile(r"您好|你好|早上好|上午好|下午好|晚上好|欢迎光临|欢迎致电")
INTRODUCES = regexcache.compile(r"我是|这里是|这边是|我们是|工号|欢迎致电|为您服务|很高兴为您")
FIRST_TURNS = 3  # the inferred agent opens the call: its first turn is among the file's first turns

# Whose side is the agent's when no label says (here for a diariser's ids, `_diarised`; call QA's `qa.roles` for
# every unlabelled call): what an agent says and a customer rarely does, each worth one point per turn it occurs in.
AGENT_SIGNS = re.compile(r"您好|你好|我是|这里是|客服|回访|请问|方便|感谢|谢谢您|再见|打扰|祝您")
# Each alternative a literal: _sre then looks only where one of their first characters stands (with `[？?]`
# as one alternative it tried every branch at every character, twice the instructions a character).
QUESTION = re.compile(r"？|\?|吗|是否|呢")


def points(text: str) -> int:
    """A turn's points: the agent signs said, and one for a question."""
    return len(AGENT_SIGNS.findall(text)) + (QUESTION.search(text) is not None)


def infer_agent(turns: list, lines: list[str], unknown: dict) -> tuple[str, tuple[int, ...]]:
    """The unknown label that is the agent's side of a free-form call, or "", and the points it won by (none when
    it opened the call): in a file without a known agent label, the unknown label whose first turn, among the first
    FIRST_TURNS, greets and introduces; else, when every unknown label is a diariser's id (SPEAKER_00, spk1), the one
    call QA would take (`_diarised`). Its turns become the agent's (the utterances are changed in place)."""
    labelled = [u for u in turns if ":" in _before(u, lines) or "：" in _before(u, lines) or "】" in _before(u, lines)]
    if any(u.speaker == AGENT for u in labelled):
        return "", ()
    opening = turns[:FIRST_TURNS]
    won: tuple[int, ...]
    chosen, won = "", ()
    for name in sorted(unknown, key=lambda label: unknown[label].line):
        first = unknown[name]
        if first not in opening:
            continue
        if GREETS.search(first.text) is None or INTRODUCES.search(first.text) is None:
            continue
        chosen = name
        break
    else:
        if len(unknown) >= 2 and all(DIARISED_ID.fullmatch(key(name)) for name in unknown):
            chosen, won = _diarised(turns, lines, unknown)
    if chosen:
        for u in turns:
            if u.speaker == UNKNOWN and _said_by(u, lines, chosen):
                u.speaker, u.agent = AGENT, True
    return chosen, won


DIARISED_ID = regexcache.compile(DIARISED_NAME)


def _diarised(turns: list, lines: list[str], unknown: dict) -> tuple[str, tuple[int, ...]]:
    """The diariser's speaker call QA takes as the agent (qa/roles: the side that greets, introduces and asks the
    questions, a point to each of the first two turns), with its points and the runner-up's; ("", ()) on a tie."""
    scores = dict.fromkeys(unknown, 0)
    seen = 0
    for u in turns:
        if u.speaker != UNKNOWN:
            continue
        name = next((n for n in unknown if _said_by(u, lines, n)), None)
        if name is None:
            continue
        scores[name] += points(u.text) + (seen < 2)
        seen += 1
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] == ranked[1]:
        return "", ()
    return max(scores, key=scores.__getitem__), (ranked[0], ranked[1])


def _said_by(u, lines: list[str], name: str) -> bool:
    """Whether an unknown speaker's line carries the label `name` (not one that only starts with it: spk1, spk10)."""
    before = _before(u, lines)
    at = before.find(name)
    return at >= 0 and not before[at + len(name) : at + len(name) + 1].isdigit()


def _before(u, lines: list[str]) -> str:
    """What a free-form line has before its words (list marker, label)."""
    return lines[u.line - 1][: u.col - 1] if 0 < u.line <= len(lines) else ""
