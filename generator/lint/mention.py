"""Whether a forbidden phrase found in a line is said to the customer, or only named.

A script or rule book names a phrase without saying it when a prohibition or negation governs it
(「我们绝不会泄露您的信息」, 「不能对客户说我不知道」, 「禁止说…」, 「请勿…」), or when it reports
someone else's words (「对方一般都会问你是谁」). Only the words before the phrase in the same clause
count: a comma or full stop ends the reach of a 不要 (「您不要着急，你自己想办法吧」 is still a violation).

Two written forms reach further than one clause:
- a quoted example introduced by a prohibition, and the examples joined to it (「不可以说：“喂，不可能的
  吧。”或“不可以，完全不可以！”」): everything inside those quotes is named;
- a list introduced by a prohibition or a taboo heading and a colon (「不得使用以下禁忌语言：不知道、不清楚、
  不归我管」, 「服务忌语：少废话…」): everything after the colon, up to the end of the sentence, is named;
- a sentence a talk or handout cites by its count (「第二句，我不知道！」, 「第三句话也是莫名其妙的话：这不归我管。」):
  what follows 「第N句」 in its sentence is named;
- someone else's words in a story of a call, after a third person and a verb of speaking and a colon
  (「这个孙先生拿起电话来：对不起，这个事情不归我管」): named, to the end of the sentence;
- in a line that gives what was said in quotes after a colon, the words outside the quotes: the writer's;
- a quote a story gives as the customer's (「客户说：“…”」, 「“…”市民质问道」): the customer's words, not the agent's;
- advice that puts other words in their place (「少说“没办法”」, 「把“没办法”换成“…”」, 「用“…”代替“我不知道”」);
- words followed by a rule or comment about them (「“我不知道”是服务忌语」, 「像“没办法”这样的话不能说」, 「不知道、
  不清楚，这些话都属于服务禁语」, a comment in brackets: 「“这个不归我管”（违反首问负责制）」), or on a line marked
  as the wrong example (「❌ 我也没办法」, 「错误：…」).
"""

from __future__ import annotations

import re

from huifang import regexcache
from huifang.lint.story import AGENT_ROLE, PUBLIC

REACH = 12  # characters before the phrase, within its clause
CLAUSE_END = regexcache.compile(r"[，,。.！!？?；;、\n]")
PROHIBITION = regexcache.compile(
    r"(?:绝不|绝对不|决不|不会|不得|不能|不可|不准|不许|不应|不宜|不要|别|禁止|严禁|请勿|切勿|切忌|勿|杜绝|避免|防止|忌说|忌讲|"
    r"千万不|不允许|不可以|不该|避讳|不说|不讲|从不|从来不|不存在|"
    # advice that replaces the words: 「少说“没办法”」, 「与其说“…”」, 「用“我帮您查”代替“我不知道”」
    r"少说|少用|与其说|代替|替代|取代|"
    # a wrong example's mark in the line: 「✔ 我帮您查一下 ✘ 我不知道」
    r"[❌❎✗✘✕✖🚫⛔])"
)
REPORTED = regexcache.compile(
    r"(?:对方|客户(?!经理|服务|专员|代表|中心)|用户|顾客|患者|病人|家属|业主|来电人|市民)[^，。！？]{0,6}"
    r"(?:问|说|讲|质问|(?:表示|回答|答复|称|反映)(?![ \t]*[:：“「\"]))|"
    # the agent's words reported without quotes (「客服说没办法，只能等」, 「接线员都说不知道」): a story's narration
    r"(?:客服|坐席|接线员|接线人员|话务员|工作人员|服务员|营业员|他|她|他们|她们|人家)[^，。！？:：“「\"]{0,4}"
    r"(?:说|表示|称|回答|答复|告诉我|回复)(?![ \t]*[:：“「\"])|"
    # words reported without quotes by whoever said them (「对方说了句不知道就挂了」, 「每次都被告知不归我管」): narration
    r"(?:说了|回了|来了|丢下|撂下|甩出|甩下|扔下)一?句(?![ \t]*[:：“「\"])|被告知(?![ \t]*[:：“「\"])|"
    r"(?:得到|收到)的?(?:答复|回复|回答)(?:都|就|也|总|还)?是(?![ \t]*[:：“「\"])"
)
# A promise negated right before it (「我们无法保证收益」, 「这款产品并不保证收益」, 「不承诺保本保收益」): the required
# disclosure, not the promise.
PROMISES = ("保证", "保本", "承诺")
NEGATED_PROMISE = regexcache.compile(
    r"(?:(?<![要对差了])不|无法|没法|难以|并不|不敢|不能|不会|不可以|不可)(?:能|会|可以)?"
    r"(?:向|跟|给|对|为)?(?:您|你|客户|大家)?(?:做|作|做出|作出)?[ \t]*$"
)
# The customer's words asked back (「您是说我们的客服跟您讲没办法，对吗？」, 「您说的没这回事是指哪件事呢？」): in a
# question, after what names them as the customer's.
ASKED_BACK = regexcache.compile(
    r"(?:您|你)(?:刚才|刚刚|之前|方才)(?:说|讲|提到|反映)|(?:您|你)(?:的意思)?是说|(?:您|你)所?(?:说|讲|提)的"
)
# Right before the words, a denial that they are the case (「不是没办法，是需要您提供材料」, 「并不是我不知道，而是…」,
# 「我们没有说过没办法」, 「哪有什么没办法的事」, 「没有什么是没办法解决的」).
DENIED = regexcache.compile(
    # (also right before the quote that holds them: 「我们从来没有说过“不归我管”」)
    r"(?:不是|并不是|并非|哪有什么|哪里是|没有说过|没说过|没有什么是|没什么是)(?:我们?|说)?[ \t]*[“「『\"]?$|"
    # a condition, not the words said: 「如果实在没办法解决，应向客户说明原因」 (实在 / 确实 / 真的 right before them: 「如果
    # 你自己想办法吧」 is no condition of this kind, and a phrase planted after 「如果」 must still be found)
    r"(?:如果|假如|倘若|万一|若是?)(?:实在|确实|真的)$"
)
# The crosses that mark a wrong example (「❌ 我也没办法」, 「我不知道 ✗」), each one character.
CROSSES = "❌❎✗✘✕✖×╳"
CROSS = "|".join(CROSSES)
# A situation the words describe, not said: 「遇到实在没办法解决的问题，请及时上报」, 「碰到客户不清楚的地方」 — met
# (遇到, 碰到 …) right before them, and they qualify a noun after them (…的问题).
MET = regexcache.compile(r"(?:遇到|碰到|遇上|碰上|面对|针对)(?:实在|确实|真的|客户|用户|顾客)?[ \t]*$")
QUALIFIES = regexcache.compile(r"[^，,。！!？?；;、\n]{0,6}?的(?:问题|事情?|情况|地方|业务|诉求|要求|投诉)")
# Someone else's not knowing or having no way, not the speaker's: the subject the words leave out is named right
# before them as another person (「居民们也没办法，只能去外面买水」, 「她也不知道」, 「您也不清楚的话」).
SUBJECTLESS = regexcache.compile(r"没有?办法|不太?知道|不太?清楚|不太?了解")
OTHER_SUBJECT = regexcache.compile(
    r"(?<!我)(?<!我们)(?<!咱们)(?:他|她|它|他们|她们|大家|人家|别人|对方|您|你|你们|您们|"
    r"客户|顾客|用户|市民|居民|村民|群众|业主|住户|患者|病人|家属|家长|老人|老师|孩子|学生|司机|乘客|车主|消费者|网友|"
    r"工作人员|员工|师傅|医生|护士|民警|警察|[\u4e00-\u9fff](?:先生|女士|小姐|某)|[\u4e00-\u9fff]?[\u4e00-\u9fff](?<![我咱])们)"
    r"(?:也|都|还|就|却|可|倒|又|更|并|实在|真的|真|确实|根本|完全|一点|也是|都是|是|已经|同样|仍然|还是|似乎|好像){0,3}[ \t]*$"
)
# The words followed right after them by an arrow to other words: 「没办法 → 我来帮您想办法」 (an arrow inside the
# words hides nothing: 「没⇒办法」 is still the phrase).
ARROWED = regexcache.compile(r"[”」』\"]?[ \t]*(?:→|->|=>|⇒|➡|➜)")
# What introduces a list or a quote of words not to say: a prohibition, or a taboo heading.
NAMING = regexcache.compile(
    PROHIBITION.pattern[:-1] + r"|忌语|禁语|禁用语|忌用语|禁忌|忌讳|错误|反例|反面|不规范用语|忌[ \t]*[:：]?[ \t]*$|"
    # 「新员工常犯的错：…」, 「误区一：…」, 「NG话术：…」, 「最容易说出口的就是“…”」: a habit or a mistake, not a call
    r"犯的错|误区|(?<![A-Za-z])(?:NG|ng)(?![A-Za-z])|(?:说出口|常说|爱说|习惯说|容易说)的(?:话)?(?:就是|是|便是)[ \t]*$|"
    # what customers hate to hear: 「最让客户寒心的一句话就是：」, 「客户最怕听到的回答是：」
    r"(?:寒心|反感|讨厌|生气|恼火|失望|怕听|不想听|不愿意?听|不爱听|刺耳|伤人)[^，,。！!？?]{0,6}?(?:话|回答|答复|说法)(?:就是|是|便是)?[ \t]*$)"
)
OPENERS = '“「『"‘'
CLOSERS = {"“": "”", "「": "」", "『": "』", '"': '"', "‘": "’"}
SENTENCE_END = regexcache.compile(r"[。！!？?\n]")
# Between two quoted examples of one list: 或 / 、/ 和 / 以及 / 及 / 或者 and spaces.
JOINER = regexcache.compile(r"(?:[\s,，、;；]*(?:或者|或是|或|以及|及|和|与|还有)?[\s,，、;；:：]*)$")
INTRO_REACH = 16  # characters before a quote or a colon that may hold what introduces it


# The words named as a saying right after them: 「我们这里没有“不归我管”的说法」, 「您对零风险这种说法怎么看」.
SAYING = regexcache.compile(
    r"[”」』\"’]?[ \t]*(?:的|这种|这个|这样的|这类|之类的|一类的)(?:说法|提法|字眼|措辞|表述|口头禅)|"
    # 「没有“不归我管”这种话」 (not 这样的话 without the quote: 「这样的话」 also says "in that case")
    r"[”」』\"’]?[ \t]*(?:这种|这类|之类的|一类的)话(?![题术])|[”」』\"’][ \t]*这样的话(?![题术])"
)


def named_as_saying(folded: str, end: int) -> bool:
    """Whether the words ending at `end` are followed by what names them as a saying."""
    return SAYING.match(folded, end) is not None


def arrowed(folded: str, end: int) -> bool:
    """Whether the words ending at `end` are followed by an arrow to the words to say instead."""
    return ARROWED.match(folded, end) is not None


def _since_last(end: re.Pattern, text: str) -> str:
    """What follows the last match of `end` in `text` (all of it when there is none)."""
    ends = [m.end() for m in end.finditer(text)]
    return text[ends[-1] :] if ends else text


def mentioned(folded: str, start: int) -> bool:
    """Whether the phrase starting at `start` of a folded line is governed by a prohibition or
    reported as another party's words."""
    before = folded[max(0, start - REACH) : start]
    before = _since_last(CLAUSE_END, before)
    if before and (
        PROHIBITION.search(before) is not None
        or REPORTED.search(before) is not None
        or DENIED.search(before) is not None
        or (folded.startswith(PROMISES, start) and NEGATED_PROMISE.search(before) is not None)
        or _others(folded, start, before)
        or (MET.search(before) is not None and QUALIFIES.match(folded, start) is not None)
    ):
        return True
    if WRONG_MARK.match(folded) is not None or _marked_at_end(folded, start) or _ruled(folded, start):
        return True
    bracket = BRACKETED.match(folded)
    if bracket is not None and bracket.end() <= start and _wrong_label(bracket.group(1)):
        return True  # 「【禁语】没办法、不知道」, 「【错误】没办法，这是规定。」
    if start == 0:
        return False
    if QUOTED_OR_LISTED.search(folded) is None:
        # no quote and no colon in the line: in no quote (_quoted_example, _customers_quote), after no colon (_listed,
        # _narrated), in no line that quotes after a colon (_beside_quotes)
        return (
            _asked_back(folded, start) or _cited(folded, start) or _supposed(folded, start) or _thought(folded, start)
        )
    return (
        _asked_back(folded, start)
        or _quoted_example(folded, start)
        or _listed(folded, start)
        or _cited(folded, start)
        or _narrated(folded, start)
        or _beside_quotes(folded, start)
        or _customers_quote(folded, start)
        or _supposed(folded, start)
        or _thought(folded, start)
    )


# What the checks of a quote or a colon in the line need (`mentioned`): a quote's opening mark or a colon.
QUOTED_OR_LISTED = regexcache.compile("[" + re.escape(OPENERS) + ":：]")


# Words thought, not said: what follows a verb of thinking in its sentence (「她叹了口气，心想实在是没办法了」,
# 「小王心想：“这下没办法了。”」), or a story's inner start (「心里咯噔一下，但也没办法」) — a narrator's, never words
# said on a call. A verb of speaking after the thought gives the words to someone again (「他心想不妙，就对客户说：…」).
THOUGHT = regexcache.compile(
    r"心想|心里想|心中想|心里说|心说|心道|心中暗道|暗想|暗自想|暗忖|心忖|心里嘀咕|心里犯嘀咕|心里盘算|心里默念|"
    r"心里咯噔|心头一紧|心里一紧|心里一沉|心一沉|心凉了半截"
)
SPOKEN_AFTER = regexcache.compile(r"说|讲|答|告诉|回复|道|问|喊|嚷")
THOUGHT_REACH = 40


def _thought(folded: str, start: int) -> bool:
    """After a verb of thinking in the same sentence, with no verb of speaking between them."""
    if "心" not in folded and "暗" not in folded:
        return False  # the screen first
    head = _since_last(SENTENCE_END, folded[max(0, start - THOUGHT_REACH) : start])
    thoughts = list(THOUGHT.finditer(head))
    return bool(thoughts) and SPOKEN_AFTER.search(head, thoughts[-1].end()) is None


def _asked_back(folded: str, start: int) -> bool:
    """In a question that asks the customer back about their own words, after what names them as theirs."""
    sentence = folded[max(0, start - 3 * INTRO_REACH) : start]
    if "您" not in sentence and "你" not in sentence:
        return False  # the screen first
    head = _since_last(SENTENCE_END, sentence)
    if ASKED_BACK.search(head) is None:
        return False
    end = SENTENCE_END.search(folded, start)
    return end is not None and end.group() in "？?"


# Words supposed, not said on a call: a quote a condition introduces (「如果你说“我不知道”，客户会觉得…」, 「假如听到的是
# 一句“不归我管”」), or what customers hate to hear (「最讨厌听到客服说“不知道”」).
SUPPOSED = regexcache.compile(
    # (saying in the condition's own clause: 「如果客户问到价格，就回答：“…”」 is a script's answer, said)
    r"(?:如果|假如|假设|要是|一旦|万一|倘若|试想)(?:[^。！!？?“”「」，,；;]{0,10}?(?:说|讲|回答|答复|回复)|"
    r"[^。！!？?“”「」]{0,14}?(?:听到|听见))|"
    r"(?:讨厌|怕|不想|不愿意?|反感|最烦)(?:听到|听见)|"
    # hearing prevented: 「我们的宗旨就是不让客户听到“没办法”」
    r"(?:不让|不会让|不要让|别让|避免让?|防止)[^。！!？?“”「」]{0,8}?(?:听到|听见)"
)


def _supposed(folded: str, start: int) -> bool:
    """Inside a quote that a condition or a dislike of hearing introduces, in its sentence."""
    if SUPPOSED.search(folded, max(0, start - 3 * INTRO_REACH), start) is None:
        return False  # the screen first: finding the quote walks the line
    quote = _open_quote(folded, start)
    if quote <= 0:
        return False
    head = _since_last(SENTENCE_END, folded[max(0, quote - 2 * INTRO_REACH) : quote])
    return SUPPOSED.search(head) is not None


# An answer option, the customer's possible answer and not the agent's words: 「A.满意 B.一般 C.不满意 D.不知道」,
# 「（了解/不了解/不清楚）」, 「2、不知道」, 「回答“不清楚”：…」 (a case heading its reply) — an item of a list of options (two or more item marks on the line), an item in a
# slash list, or a numbered or lettered line that holds nothing else. A speaker's 「A：」 is no item mark.
ITEM_MARK = r"(?:[（(]?(?:[A-Ha-h]|\d{1,2})[.．、)）](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])"
ITEM_BEFORE = regexcache.compile(r"(?:^|(?<=[\s　/／,，;；]))[ \t#>*\-]*" + ITEM_MARK + r"[ \t]*$")
ITEM_MARKS = regexcache.compile(r"(?:^|(?<=[\s　/／,，;；]))[ \t#>*\-]*" + ITEM_MARK)
ANSWERS = ("知道", "清楚", "了解")
SLASHED = frozenset("/／")  # not a table's |: its cells are said
ITEM_ENDS = frozenset(".．、)）①②③④⑤⑥⑦⑧⑨⑩")
# The customer's answer naming the case a reply is for: 「回答“不清楚”：好的，我给您说明一下。」
CASE_COLON = regexcache.compile(r"[”」』\"]?[ \t]*[:：]")
NOTHING_AFTER = regexcache.compile(r"[\s。.！!？?、,，;；…" + "啊呀吧哦呢嘛啦了哈" + r"]*$")


def answer_option(folded: str, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` of a folded line (its label or list number included) are an answer
    option of a list, not said. Only not knowing is a customer's answer (「1. 你自己想办法吧」 is a script's line)."""
    if not any(word in folded[start:end] for word in ANSWERS):
        return False
    before = folded[max(0, start - 12) : start].rstrip(" \t")
    after = folded[end : end + 4].lstrip(" \t")
    if before[-1:] in SLASHED or after[:1] in SLASHED or CASE_COLON.match(after) is not None:
        return True
    if before[-1:] not in ITEM_ENDS or ITEM_BEFORE.search(folded[: len(before) + max(0, start - 12)]) is None:
        return False
    if NOTHING_AFTER.match(folded, end) is not None and ITEM_MARKS.match(folded) is not None:
        return True  # 「2、不知道」 on a line of its own
    return len(ITEM_MARKS.findall(folded)) >= 2


END_MARKS = frozenset("）)】]" + CROSSES)


def _marked_at_end(folded: str, start: int) -> bool:
    """Whether the line ends, after the words at `start`, with a wrong example's mark."""
    body = folded.rstrip(" \t。.!！")
    if not body or body[-1] not in END_MARKS:
        return False
    return WRONG_END.search(folded, max(start, len(body) - 12)) is not None


def _others(folded: str, start: int, before: str) -> bool:
    """Whether words that leave their subject out (没办法, 不知道 …) have another person named right before them."""
    return SUBJECTLESS.match(folded, start) is not None and OTHER_SUBJECT.search(before) is not None


# A bracketed heading at the start of a line (「【禁语】…」, 「[忌语] …」).
BRACKETED = regexcache.compile(r"[ \t]*[【\[〔]([^】\]〕\n]{1,12})[】\]〕]")
# A bracketed label that marks the line as the wrong example: 「【错误】」, 「【忌】」, 「[反例]」.
WRONG_LABEL = regexcache.compile(
    r"[ \t]*(?:错误|错|反例|不当|不宜|忌|禁|误|✗|×|❌)(?:示范|示例|例子|说法|话术|用语)?[ \t]*$"
)


def _wrong_label(label: str) -> bool:
    return TABOO_HEADING.search(label) is not None or WRONG_LABEL.match(label) is not None


# A line marked as a wrong example (「❌ 我也没办法」 beside 「✅ 我帮您想想办法」), also in brackets (「（×）我不知道」), or
# marked at its end (「我不知道。（×）」, 「“我不知道”（错误）」, 「我不知道 ✗」; a bare × only after a space or a stop, not
# a placeholder's ××).
WRONG_MARK = regexcache.compile(r"[ \t]*[（(【\[]?[ \t]*(?:" + CROSS + r"|🚫|⛔)")
WRONG_END = regexcache.compile(
    r"(?:[（(【\[][ \t]*(?:" + CROSS + r"|错误?|不当|不恰当|不妥|不合适|不规范|不正确|不宜|忌|禁)[ \t]*[)）】\]]|"
    r"(?<=[ \t。！!？?，,”」』\"])(?:" + CROSS + r"))[ \t。.!！]*$"
)
# A rule or comment about the words right after them (「“我不知道”是服务忌语」, 「像“没办法”这样的话不能说」,
# 「“没办法”“不归我管”等推诿用语严禁使用」, 「不知道、不清楚，这些话都属于服务禁语」, 「说“我不知道”会让客户觉得…」):
# named, not said. The words the rule is about come right before what links it to them (是, 属于, 等…用语, 这样的话);
# a remark on a quote a story gives as said (「“没办法。”这样的态度…」) is not one.
LINK = (
    r"(?:是|都是|就是|属于|都属于|均属|算是|为|(?:这些|这|那些)(?:都|也)?(?:是|属于)|"
    r"(?:等|之类的?|这样的|这种|这类|这些|此类|一类的?)[^。！!？?，,]{0,4}?(?:话|话语|用语|语言|说法|字眼|词语|言语|回答|口头禅|忌语|禁语)|"
    r"(?:这[一两二三四五六七八九十几\d]?句话|这些话|这种话|这类话|这话)|(?:这|这样|那)?(?:会让|会使|容易让|只会让)|(?:往往|常常|总是|总会|经常)(?:会)?(?:让|使)|"
    # the words used as an excuse: 「常以“不知道”“没办法”等推托」, 「以“没办法”为由」
    r"(?:等|为)(?=推诿|推脱|推托|搪塞|敷衍|推辞|借口|理由)|(?=为由)|"
    # 「“没办法”三个字，是客户最不想听到的」, 「把“不归我管”挂在嘴边」
    r"(?:这|那)?[一二三四五六七八九十两\d]{1,2}个字[,，]?|(?=挂在嘴边|当成口头禅|成了口头禅)|"
    # a comment in brackets that says they break a rule: 「”这个不归我管”(违反首问负责制)」
    r"[(（][ \t]*(?=违反|违背|违规|不规范|不文明|不礼貌|忌语|禁语|禁用语))"
)
RULE = (
    r"(?:忌语|禁语|禁用语|忌用语|禁忌|推诿|推脱|推托|搪塞|敷衍|推辞|借口|理由|为由|推卸|不文明|不礼貌|不规范|违规|违反|违背|扣分|扣[\d一二三四五六七八九十两半.]{1,3}分|"
    r"冷漠|生硬|不耐烦|说教|"
    r"(?:不能|不要|不得|不可|不宜|不应|严禁|禁止|切忌|避免|杜绝|别)(?:再)?(?:说|讲|使用|用|出现|出口)|客户觉得|客户感到|反感|"
    # what to do with them: 「这三句话坐席一定要戒掉」; what they do to the customer: 「客户听了却很难受」
    r"戒掉|改掉|戒除|难受|心寒|"
    r"失望|不满|不想听|怕听|讨厌听|不愿意?听|不爱听|寒心|刺耳|伤人|挂在嘴边|口头禅|忌讳|生气|恼火|怒火|火大|(?:杜绝|严禁|禁止|避免)(?=[。！!\n]|$))"
)
RULE_ANY = regexcache.compile(RULE)
RULED_AFTER = regexcache.compile(r"[ \t]*(?:[,，]|——|—|--)?[ \t]*" + LINK + r"[^。！!？?\n]{0,16}?" + RULE)
# The link itself names them as taboos: 「出现“我不知道”“没办法”等服务忌语的，扣2分」.
LINKED_AS_TABOO = regexcache.compile(
    r"[ \t]*(?:等|之类的?|这样的|这种|这类|这些|此类|一类的?)[^。！!？?，,]{0,4}?(?:忌语|禁语|禁用语|忌用语)"
)
# Advice to put other words in their place: 「把“没办法”换成“我来想办法”」.
REPLACED = regexcache.compile(
    r"[ \t]*(?:时[ \t]*[,，]?[ \t]*(?:请|就|要|可以)?[ \t]*)?(?:换成|改成|改为|换为|替换为|替换成|改说|换个说法)"
)
REPLACED_BEFORE = regexcache.compile(r"(?:把|将|想说|要说)[ \t]*$")
RULED_LIST = regexcache.compile(r"[,，][ \t]*" + LINK + r"[^。！!？?\n]{0,16}?" + RULE)
RULE_REACH = 40
# Words named by what precedes them (「回答没办法属于推诿」, 「一句我不知道会让客户失望」): a rule may follow them directly.
NAMED_BY = regexcache.compile(r"(?:说|讲|回答|答复|一句|这句|用|把|以|像)[ \t]*$")
RULED_DIRECT = regexcache.compile(LINK + r"[^。！!？?\n]{0,16}?" + RULE)
# A list that names its items as words (「不知道、没办法这类话，坐席要杜绝」): the rule may follow without a comma.
RULED_WORDS = regexcache.compile(
    r"(?:等|之类的?|这样的|这种|这类|这些|此类|一类的?)[^。！!？?，,]{0,4}?(?:话|话语|用语|语言|说法|字眼|词语|言语)(?!题)"
    r"[^。！!？?\n]{0,16}?" + RULE
)


def _ruled(folded: str, start: int) -> bool:
    """Followed, in its sentence, by a rule or comment about these words: right after the quote that holds
    them, or after the list they are in (「不知道、不清楚，这些话…」)."""
    rule = RULE_ANY.search(folded, start) is not None
    if not rule and REPLACED.search(folded, start) is None:
        return False  # no rule word after the phrase at all
    quote = _open_quote(folded, start)
    if quote >= 0:
        end = folded.find(CLOSERS[folded[quote]], start)
        while 0 <= end < len(folded) - 1 and folded[end + 1] in OPENERS:  # 「“没办法”“不归我管”等…」
            end = folded.find(CLOSERS[folded[end + 1]], end + 2)
        if end < 0:
            return False
        if REPLACED.match(folded, end + 1) is not None and REPLACED_BEFORE.search(folded, 0, quote) is not None:
            return True
        if _said(folded, quote):
            return False  # 「接线员说：“我不知道。”这样的回答让人失望」: a remark on words the narration gives as said
        return rule and (
            RULED_AFTER.match(folded, end + 1) is not None or LINKED_AS_TABOO.match(folded, end + 1) is not None
        )
    if not rule:
        return False
    tail = folded[start : start + RULE_REACH]
    stop = SENTENCE_END.search(tail)
    sentence = tail[: stop.start()] if stop else tail
    if RULED_LIST.search(sentence) is not None or RULED_WORDS.search(sentence) is not None:
        return True
    return NAMED_BY.search(folded, max(0, start - 3), start) is not None and RULED_DIRECT.search(sentence) is not None


# Someone's verb of speaking right before a quote (「接线员说：」, 「她冷冷地回答：」): the quote is given as said.
SAID_BEFORE = regexcache.compile(
    # not many of them (「很多坐席一遇到难题就说“…”」, 「有的客服张口就说“…”」): a habit, not one occasion
    r"(?<!很多)(?<!许多)(?<!不少)(?<!有的)(?<!有些)(?<!一些)(?<!部分)(?<!个别)(?<!好多)"
    r"(?:" + AGENT_ROLE + "|" + PUBLIC + r"|他|她|我|[\u4e00-\u9fff]某)"
    # one occasion, not a habit or what should be said: 「坐席习惯说“…”」, 「客服应回答：“…”」
    r"(?:(?!习惯|常|爱|总|容易|往往|会|可能|应|要|该|需|须|不|别|勿)[^，,。！!？?“”「」]){0,8}?"
    r"(?:说|答|回答|回复|答复|称|表示|道|讲|吼|喊|嚷)(?:着|了|道)?[ \t]*[:：,，]?[ \t]*$"
)


def _said(folded: str, quote: int) -> bool:
    """Whether the narration right before the quote opening at `quote` gives it as someone's words, not as words
    to avoid (「不能说：“…”」 names them)."""
    head = _since_last(SENTENCE_END, folded[max(0, quote - INTRO_REACH) : quote])
    return SAID_BEFORE.search(head) is not None and not _intro(head) and PROHIBITION.search(head) is None


# A story of a call that gives the customer's words in quotes, without a speaker label (「客户说：“…”」,
# 「一位市民在电话里抱怨“…”」, 「“…”顾客质问道」): the quote is the customer's. The customer must be the one who
# speaks (「对客户说：“…”」 gives the agent's words).
CUSTOMER = r"(?:客户(?!经理|服务|专员|代表|中心)|顾客|用户|市民|患者|病人|家属|业主|来电人|来电者|居民|乘客|车主|投诉人|来访者|群众)"
SPEAKS = r"(?:说|问|讲|道|质问|抱怨|喊|嚷|吼|骂|反问|追问|回答|答|表示|称)"
CUSTOMER_BEFORE = regexcache.compile(
    r"(?<![对跟向和给与让请帮替为])"
    + CUSTOMER
    + r"[^，。！？!?“”「」]{0,8}"
    + SPEAKS
    + r"[^，。！？!?“”「」]{0,2}[:：,，]?[ \t]*$"
)
CUSTOMER_AFTER = regexcache.compile(
    r"[ \t]*[,，]?[ \t]*(?:一位|一名|这位|那位|该)?" + CUSTOMER + r"[^，。！？!?“”「」]{0,6}" + SPEAKS
)


# A quote after a colon that follows one of the public doing something, in the same clause (「那位大爷摇摇头：“…”」,
# 「一位老人看着门外：“…”」): theirs, with no verb of speaking needed. Not when a service worker is named in the
# sentence before the quote (「大爷问客服，客服摇摇头：“…”」), nor when the public person is the one spoken to
# (「对那位大爷说：“…”」); a title (先生, 女士) may be the agent's (「孙先生拿起电话来：…」) and is no sign.
PUBLIC_ONLY = PUBLIC.replace("|先生|女士", "")
PUBLIC_COLON = regexcache.compile(r"(?:" + PUBLIC_ONLY + r")[^，,。！!？?“”「」:：]{0,8}[:：][ \t]*$")
ADDRESSED = regexcache.compile(r"[对跟向和给与让请帮替为](?:一位|那位|这位|该|这个|那个)?$")
SERVICE_NAMED = regexcache.compile(AGENT_ROLE)


# A quote that opens by calling a service worker by role (「“医生，我实在是没办法了”」, 「“师傅，我也不知道怎么弄”」):
# said to them, so not their words. Not 先生, 小姐 or 女士: the agent calls the customer so.
TO_SERVICE = regexcache.compile(
    r"[ \t]*(?:医生|大夫|护士|师傅|警官|民警|警察|法官|客服|工作人员|营业员|服务员|接线员|话务员|经理|领导|同志)"
    r"(?:同志|您好|你好|啊|呀)?[ \t]*[，,！!]"
)


def _public_colon(head: str) -> bool:
    """Whether `head` (the sentence right before a quote) ends with one of the public acting and a colon."""
    found = PUBLIC_COLON.search(head)
    if found is None or SERVICE_NAMED.search(head) is not None:
        return False
    return ADDRESSED.search(head, 0, found.start()) is None


def _customers_quote(folded: str, start: int) -> bool:
    """Inside a quote that a story introduces, or follows, with the customer speaking."""
    quote = _open_quote(folded, start)
    if quote < 0:
        return False
    head = _since_last(SENTENCE_END, folded[max(0, quote - INTRO_REACH) : quote])
    if CUSTOMER_BEFORE.search(head) is not None or _public_colon(head) or TO_SERVICE.match(folded, quote + 1):
        return True
    end = folded.find(CLOSERS[folded[quote]], start)
    return end >= 0 and CUSTOMER_AFTER.match(folded, end + 1) is not None


# A line that gives what was said in quotes after a colon (「对方依然是标准的回答:“好的，…”」,
# 「阿姨咬牙切齿:“…”我试图安慰…我也不知道」, 「如客户不方便：“那我改天再打给您”」): the quoted words are the
# ones said; the words around them are the writer's (a story, an instruction), not said on the call.
QUOTE_AFTER_COLON = regexcache.compile(r"[:：][ \t]*[“「『\"]")


def _beside_quotes(folded: str, start: int) -> bool:
    """Outside every quote, in a line that quotes what was said after a colon."""
    return QUOTE_AFTER_COLON.search(folded) is not None and _open_quote(folded, start) < 0


# A talk or a handout that counts the bad sentences it cites (「第二句，我不知道！」, 「第三句话…：这不归我管」).
CITED = regexcache.compile(
    r"第[一二三四五六七八九十\d]{1,2}(?:句|种(?:回答|说法|答复|话)?[ \t]*[:：,，]|类(?:回答|说法|答复|话)?[ \t]*[:：,，])"
)
CITE_REACH = 32


def _cited(folded: str, start: int) -> bool:
    """After 「第N句」 in its paragraph: a talk that counts the sentences it cites retells them in the
    same paragraph (「第二句，我不知道！…不知道，电话放下了。第二句话是最莫名其妙的话。」), not said."""
    if "句" not in folded and "种" not in folded and "类" not in folded:
        return False
    return CITED.search(folded, 0, start) is not None


# A story of a call that gives someone else's words after a colon (「这个孙先生拿起电话来：对不起，这个事情不归我管」,
# 「他回答说：我不知道」): a third person and a verb of speaking right before the colon (not what they should
# say: 「服务员应回答：…」 gives the words to say).
NARRATOR = regexcache.compile(
    r"(?:他|她|他们|她们|先生|女士|小姐|同事|员工|职员|接线员|服务员|工作人员|营业员)[^，。！？!?应要须请可]{0,8}"
    r"(?:说|讲|答|回答|回复|道|电话来|电话说|电话就说)[ \t]*$"
)


SERVICE_ROLE = regexcache.compile(r"(?:员工|职员|接线员|服务员|工作人员|营业员)")
QUOTED_AFTER = regexcache.compile(r"[ \t]*[“「『\"]")


def _narrated(folded: str, start: int) -> bool:
    """In the same sentence as, and after, a colon that a third person's verb of speaking introduces."""
    before = folded[:start]
    colon = max(before.rfind(":"), before.rfind("："))
    if colon < 0 or start - colon > CITE_REACH:
        return False
    head = before[max(0, colon - INTRO_REACH) : colon]
    head = _since_last(SENTENCE_END, head)
    if SENTENCE_END.search(before, colon) is not None:
        return False
    found = NARRATOR.search(head)
    if found is None:
        return False
    # a service worker's words in quotes are said (the labels count them): a story's reading decides whose they are
    return not (SERVICE_ROLE.match(found.group()) is not None and QUOTED_AFTER.match(folded, colon + 1) is not None)


# 「比如：」 right before a quote gives an example of what the sentence before it says (「最忌讳的语言就是训斥患者。
# 比如：“…”」): that sentence is the one that may name the words.
EXAMPLE = regexcache.compile(r"(?:比如|例如|譬如)(?:说)?[ \t]*[:：,，]?[ \t]*$")


def _intro(text: str) -> bool:
    """Whether the end of `text` (what comes right before a quote or a colon) names words not to say.
    Spaces are ignored (a copied PDF splits words: 「最忌 讳的语言」)."""
    tail = _since_last(SENTENCE_END, text[-INTRO_REACH:])
    if NAMING.search(tail.replace(" ", "")) is not None:
        return True
    example = EXAMPLE.search(tail)
    if example is None or len(tail) - example.start() > len(text):
        return False
    head = text[: len(text) - len(tail) + example.start()].rstrip(" \t。！!？?；;")
    before = _since_last(SENTENCE_END, head[-2 * INTRO_REACH :])
    return NAMING.search(before.replace(" ", "")) is not None


def _open_quote(folded: str, start: int) -> int:
    """Where the quote that holds position `start` opens, or -1 when it is in no quote."""
    stack: list[int] = []
    for index in range(start):
        char = folded[index]
        if stack and char == CLOSERS[folded[stack[-1]]]:
            stack.pop()
        elif char in OPENERS:
            stack.append(index)
    return stack[0] if stack else -1


def _quoted_example(folded: str, start: int) -> bool:
    """Inside a quote that a prohibition introduces, directly or through the quotes joined before it."""
    if not any(c in folded for c in OPENERS):
        return False
    quote = _open_quote(folded, start)
    for _ in range(8):  # a list of quoted examples: 「不可以说：“…”或“…”、“…”」
        if quote <= 0:
            return False  # in no quote, or a quote that opens the line: nothing introduces it
        before = folded[:quote]
        if _intro(before):
            return True
        joined = JOINER.search(before)
        head = before[: joined.start()] if joined else before
        if not head or head[-1] not in CLOSERS.values():
            return False
        quote = _open_quote(folded, len(head) - 1)
    return False


def _listed(folded: str, start: int) -> bool:
    """After a colon, in the same sentence, where what precedes the colon names words not to say."""
    before = folded[:start]
    ends = [m.end() for m in SENTENCE_END.finditer(before)]
    sentence_start = ends[-1] if ends else 0
    colon = max(before.rfind(":"), before.rfind("："))
    if colon < sentence_start:
        return False
    return _intro(before[sentence_start:colon])


# A section of a free-form file headed as words not to say (「五、禁忌用语和语气」, 「服务忌语：」 on a line of
# its own): its items are named, not said. The section ends at the next heading-like line (a short line
# about phrasing, procedure or rules: 「六、文明用语」, 「第二条 开场白」, 「### 结束语」) or after SECTION_MAX lines.
TABOO_HEADING = regexcache.compile(
    r"忌语|禁语|禁用语|忌用语|禁忌|不规范用语|错误说法|错误示范|反面示例|不能说的话|不该说的话|不要说的话|禁止用语|禁止说|"
    r"错误(?:示例|案例|例子)|反面(?:案例|教材)|误区|(?<![A-Za-z])(?:NG|ng)(?![A-Za-z])|"
    # a prohibition of words: 「禁止出现以下用语」, 「不得使用下列语言」, 「坐席不能说的话」
    r"(?:禁止|严禁|不得|不能|不要|不准|不许|杜绝|避免|切忌|请勿)[^，,。；;]{0,8}(?:用语|说法|话语|语言|字眼|词语|的话)|"
    # 「不当用语示例」, 「错误话术」, 「下面这些话千万别说」
    r"不当(?:用语|言语|说法|话术)|不文明用语|不礼貌用语|错误(?:用语|话术)|"
    r"(?:别|不要|不能|不可以?|不许|不准|切勿|请勿|不得|严禁|禁止)(?:再|对客户|跟客户|和客户)?(?:说|讲)(?=[:：]?[ \t]*(?:\n|$))"
)
HEADING_WORDS = regexcache.compile(
    r"用语|话术|流程|礼仪|规范|要求|标准|服务|接待|结束语|开场白|问候|第.{1,4}[条章节]|^#"
)
RIGHT_HEADING = regexcache.compile(r"(?:正确|推荐|规范)")
HEADING_MAX = 24
SECTION_MAX = 40
_NUMBERING = regexcache.compile(
    r"^[\s#>*\-]*(?:\d{1,2}(?:\.\d{1,2})*[.、．)）]?|[(（]?[一二三四五六七八九十]{1,3}[)）、]|[(（]\d{1,2}[)）])?\s*"
)


# 「服务十不准」, 「四不讲」, 「服务用语十忌」: a numbered set of things not to say or do, as a heading, and other titles
# of such a list (looked for in a short line only: a number or 一 starts too many places of a text for a search over a
# whole file, and the words are common in running text).
NUMBERED_BANS = regexcache.compile(
    r"[一二三四五六七八九十\d]{1,2}(?:不(?:准|讲|许)|忌)|"
    # other titles of a list of words not to say, on a short line of their own: 「禁说用语」, 「服务红线用语」, 「沟通雷区」,
    # 「负面词汇」, 「敏感词」, 「消极用语」, 「推诿用语举例」, 「客户最反感的话」, 「容易引起投诉的话」, 「减分话术」,
    # 「不推荐的说法」, 「低情商回复」, 「Don't say」
    r"禁说|红线|雷区|负面(?:词|用语|话术|表达|语言)|敏感(?:词|用语)|消极(?:用语|语言|表达|话术|词)|否定(?:用语|语言|词)|"
    r"推诿(?:用语|话术|语言|的话)|(?:反感|讨厌|不爱听|不想听)的话|引起投诉的话|(?:扣分|减分)(?:用语|话术|的话)|"
    r"不推荐|低情商|[Dd]on'?t say"
)
# What a title of NUMBERED_BANS holds, to screen a whole file with (one pattern of words: a scan each costs 4×).
TITLE_SCREEN = regexcache.compile(
    r"不准|不讲|不许|忌|禁说|红线|雷区|负面|敏感|消极|否定|推诿|反感|讨厌|不爱听|不想听|引起投诉|扣分|减分|不推荐|低情商|say"
)


def taboo_lines(text: str) -> frozenset[int]:
    """The 1-based numbers of the lines inside sections headed as words not to say."""
    if TABOO_HEADING.search(text) is None and TITLE_SCREEN.search(text) is None:
        return frozenset()
    lines = text.split("\n")
    inside: set[int] = set()
    index = 0
    while index < len(lines):
        if taboo_heading(lines[index]):
            end = index + 1
            while end < len(lines) and end - index <= SECTION_MAX and not _heading(lines[end]):
                inside.add(end + 1)
                end += 1
            index = end
        else:
            index += 1
    return frozenset(inside)


def heads_taboos(text: str) -> bool:
    """Whether a line of `text` heads a section of words not to say (what `taboo_lines` reads sections after): a
    text made of lines none of which does has no taboo lines."""
    return any(map(taboo_heading, text.split("\n")))


def _short(line: str) -> str | None:
    body = _NUMBERING.sub("", line.strip(), count=1).rstrip(":： \t")
    # a line that quotes words is an item of the list, never a heading (「推诿类：”这个不归我管”」)
    return body if 0 < len(body) <= HEADING_MAX and not any(c in body for c in '“”「」『』"。！？!?') else None


def taboo_heading(line: str) -> bool:
    body = _short(line)
    return body is not None and (TABOO_HEADING.search(body) is not None or NUMBERED_BANS.search(body) is not None)


def _heading(line: str) -> bool:
    body = _short(line)
    if body is None or "|" in body or "｜" in body:
        return False  # a table's row is no heading (「没办法 | 客户要求加急 | 我帮您申请一下」)
    if TABOO_HEADING.search(body) is not None or NUMBERED_BANS.search(body) is not None:
        return False
    # 「正确示例：」 ends a section of wrong ones; 「1、我不知道（正确说法：…）」 is an item of it
    return HEADING_WORDS.search(line.strip()) is not None or RIGHT_HEADING.match(body) is not None


# A list of words not to say whose heading was lost (a site's outline of a 文明服务规范 that keeps both lists and drops
# the second one's title): a numbered list of polite phrases (文明用语: 您好, 请您…, 对不起…, 别客气…), and right after
# it a second numbered list whose numbering starts again lower and none of whose entries is polite (「2、谁让你进去的？」,
# 「5、自己看规定」, 「6、不知道」, 「8、着什么急，没看我这儿正忙着呢」). Standards give the two lists side by side, what
# to say and what never to say; a list that starts again without one polite word is the second. A list that goes on
# counting (steps of one script), a first list that is not polite, or a second list with a polite entry is read as said.
LIST_NUMBER = regexcache.compile(r"[ \t]*(\d{1,2})[、.．)）](?!\d)")
POLITE = regexcache.compile(r"您|请|谢谢|多谢|感谢|对不起|抱歉|欢迎|客气|麻烦|不好意思|打扰")
LIST_MIN = 3  # entries of each list


def restarted_lines(text: str) -> frozenset[int]:
    """The 1-based numbers of the lines of a numbered list that starts again, right after a numbered list of polite
    phrases, with no polite entry: the words not to say, beside the words to say, under a heading that was lost."""
    lines = text.split("\n")
    runs: list[list[int]] = []  # runs of consecutive numbered lines whose numbers go up, as line indexes
    last = -1
    for index, line in enumerate(lines):
        found = LIST_NUMBER.match(line)
        if found is None:
            last = -1
            continue
        number = int(found.group(1))
        if last < 0 or number <= last:
            runs.append([index])  # a list starts, or starts again right after the one before (`last` ≥ 0)
        else:
            runs[-1].append(index)
        last = number
    inside: set[int] = set()
    for first, second in zip(runs, runs[1:]):
        if second[0] != first[-1] + 1 or len(first) < LIST_MIN or len(second) < LIST_MIN:
            continue  # not one right after the other, or too short to be lists
        polite = sum(POLITE.search(lines[i]) is not None for i in first)
        if 3 * polite >= 2 * len(first) and not any(POLITE.search(lines[i]) for i in second):
            inside.update(i + 1 for i in second)
    return frozenset(inside)
