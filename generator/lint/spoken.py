"""A story of a call: only its quoted words were said on the call — the narration is nobody's words there.

A news report, a feature or a first-person account that quotes a call (「“喂，您好！我是六医院的护士…”」 with the
reporter's 「荆楚网消息(记者李燕 通讯员罗瑶)」 before it, 「大堂经理小王见状，立刻微笑着迎上去询问。」 around it) is
narration with speech inside quotation marks. Read line by line, the narration is taken for the agent's words: a
byline's 通讯员罗瑶 for the agent's name, 「方便患者就医」 for the 方便 question, 「该用户又是道歉又是感谢」 for the closing
thanks, 「这是南方电网广东东莞供电局…」 after the quote for the organisation the agent named. In such a file the
words said on the call are the quoted ones (bench/realworld's labels: reported speech is no utterance, quoted words
are), so the opening and the closing are looked for in the quotes only (`spoken`): every turn is cut to the words
inside its quotation marks, and a turn without any is dropped.

A file is such a story when it is free-form, no line has a speaker label (a script's 「客服：」; a narrated 「他说：」
the reader took for a label does not count), no line says where an opening or a closing goes (「开场白：」, 「结束语：」:
a script or a book of standards quotes its phrases too, and its prose is its rules), and the narration is a
story's: a quote the narration attributes with a verb of speaking (「她微笑着说：“…”」, 「“…”市民质问道」) or a
reporter's word (记者, 通讯员, 笔者, 本报讯, 报道), or a news lede (a line that opens with a quote and goes
straight on to the date, Round 47). Structural, not a wording: what is read is where the speech stands in
the document. Forbidden phrases and every other rule read the file as before (lint/story.py says whose quotes
those are). Kept free of the rest of the linter (asked by the rules missing-greeting and missing-closing and by
bench/realworld/evaluate.py), so bench/realworld/transfer/spoken.py can apply it to older versions.

Whose a quote is (`_side`): the speaker the narration names before or after it; else, after a quote opening the call,
the turns taken (lint/turntaking.py); else the agent's — but a quote alone on its line right after the agent's quote
that the narration tells on its line is the other side's reply (Round 38), and so is a quote in the same sentence right
after the agent's, unless it asks; but thanks for the call (感谢您的来电) is always the side called's (Round 47).

PASS (the traveller's thanks is no closing of the officer's; 回答 after a quote attributes it as 说 does)::

    “您好,这里是出入境窗口,带上身份证就可以了。”窗口的李敏微笑回答。
    李敏核对完材料后,在表上盖了章,“好了,您下周来取证件就行。”
    “原来这么快啊,谢谢。”

FAIL (left the agent's: a quote alone on its line after another alone on its line, nothing tells whose)::

    记者来到青山市政务大厅。
    “护照带上身份证就可以办。”
    “感谢您的耐心,再见!”

The text is read in Simplified characters (`simplified.t2s`, position for position), as the cue words are written:
a Traditional story's 「急忙發問」, 「記者」 and 「旅客」 are the 发问, 记者 and 旅客 the patterns know.
"""

from __future__ import annotations

import re

from huifang.lint.simplified import t2s

# A quote: an opening mark, then its words up to the closing mark or the end of the line (a quote a paragraph
# leaves open goes on in the next one).
QUOTE = r"[“「『\"]([^“”「」『』\"\n]+)(?:[”」』\"]|$)|^[ \t]*([^“”「」『』\"\n]+)[”」』]"
# A verb of speaking, a colon or comma, then a quote (「…说：“」, 「问道，「」, 「接起：“」), or a quote and then a
# speaker and a verb of speaking or answering (「”她说」, 「”市民质问道」, 「”黄瑞云微笑回答」): the narration attributes
# the quote, so the file is a story (表示, 介绍 after a quote are not: 「“…旅行社”对大家的到来表示热烈的欢迎」).
SAYS = (
    r"(?:说|问|道|答|讲|喊|嚷|吼|骂|称|表示|回复|回应|回答|答复|质问|反问|追问|抱怨|解释|提醒|告诉|"
    r"介绍|询问|叮嘱|嘱咐|安慰|道谢|接起|拿起电话|接通|拨通)"
)
ATTRIBUTED = (
    r"(?:" + SAYS + r"(?:着|了|道)?[ \t]*[:：,，][ \t]*[“「『]"
    r"|[”」』][ \t,，]*(?!之)[^“”「」『』\n。！？!?，,]{1,8}?(?:说|问(?!候)|道|回答|答复|答道|回应|回复))"
)
# A news lede: a line that opens with a quote and goes straight on to the date (「“…”3月22日上午,在…」, Round 47).
LEDE = r"^[ \t]*[“「『][^“”「」『』\n]+[”」』][ \t]*(?:\d{4}年)?\d{1,2}月\d{1,2}日"
# Thanks for the call (感谢您的来电, 谢谢您再来电, 感谢致电): the called side's words, never the caller's (Round 47).
THANKS_FOR_CALLING = r"(?:感谢|谢谢)(?:您|你)?(?:的)?(?:再次|再)?(?:来电|致电)"
# The reporter's words: a news item's byline or source.
REPORTER = r"记者|通讯员|笔者|本报讯|报道|通訊員|報道|報導|本報訊"
# A line that says where an opening or a closing goes, or that starts a numbered item or a bracketed heading: a
# script, a guide or a book of standards, whose prose is its rules and whose phrases are the agent's, quoted or not.
SCRIPT_MARK = (
    r"(?:开场白|开头语|开场语|结束语|结束用语|结尾语|问候语|话术|用语|開場白|開頭語|結束語)[ \t]*[:：]"
    r"|^[ \t]*(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}(?:\.\d{1,2})*[、.．)）](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|【)"
)
# The customer or the public, named first in the clause before a quote or right after it: their words, not the
# agent's (「老人…对着工作人员道谢：“…”」, 「客户打来电话感激地说：“…”」, 「“你又有什么事？”屋主喊道」). With `STAFF`,
# the one list of each side's roles: lint/story.py reads whose a story's quotes are for the forbidden-phrase rule
# with these too (Round 49: the two lists the two modules had, joined).
PUBLIC = (
    r"客户|顾客|用户|市民|患者|病人|家属|业主|屋主|户主|主人|住户|来电人|来电者|求助者|居民|村民|乘客|车主|投诉人|群众|"
    r"消费者|老人|大爷|大妈|阿姨|老太|奶奶|爷爷|大姐|大哥|大叔|老伯|网友|旅客|游客|报警人|当事人|"
    r"求救者|测评人员|被执行人|借款人|单亲妈妈|妈妈|母亲|父亲|家长|先生|女士"
)
STAFF = (
    r"客户经理|客服|坐席|座席|接线员|话务员|工作人员|服务员|营业员|柜员|收费员|调度员|接警员|值班员|普查员|网格员|"
    r"店员|导购|售货员|业务员|讲解员|导游|行长|保安|司机|师傅|老师|"
    r"专员|职员|员工|医生|护士|民警|警察|经理|志愿者|社工|干部|书记|主任|"
    r"客服经理|理财经理|接线人员|执行员|催收员|外送员|快递员|送餐员|警官|法官"
)
# A verb of speaking that ends the narration before a quote; someone spoken to (「对着工作人员」, 「向网格员」).
SAYS_BEFORE = SAYS + r"(?:着|了|道)?[ \t]*[:：,，]?[ \t]*$"
ADDRESSED = r"(?:对着|对|向|跟|给|和|与)[^，,。！!？?]{0,8}?(?=" + SAYS + r")"
PERSON = r"(?P<staff>" + STAFF + r")|(?P<public>" + PUBLIC + r")"
# A line's short label and a colon right before a quote: a script's or a phrase list's (a verb of speaking there is a
# story's narration).
LABELLED = (
    r"(?:^|[！!。？?])[ \t#>*\-]*(?:\d{1,2}[.、．)）]?)?[ \t]*([^，,。！!？?“”「」『』:：\s]{1,10})[:：][ \t]*[“「『\"]"
    r"|((?:" + STAFF + r")员?)[:：][ \t]*[“「『\"]"
)
AGENT, OTHER = "agent", "other"
SENTENCE_END = set("。！!\n")
# A person the narration introduces by a role and then a name (「南山社区社工徐燕」, 「座席王文芳」, 「乘客李某」): a common
# surname and one more character right after the role — the key the name is known by where the narration names the
# person alone (「徐燕亲切问道：」). The role says the side (Round 46).
# And the caller the narration introduces by the call (「接到一个女律师打来的电话」): the public's side, known by the last
# two characters said before 打来 (女律师 by 律师).
CALLER = r"(?:一位|一个|一名)[^，,。！!？?“”「」\n]{0,6}?(?P<name>[\u4e00-\u9fff]{2})打来(?:的)?电话"
# A name's key: a surname, not followed by what never follows one in a name (马上, 高们, 王的 …), and one character
# (`standards.SURNAMES` filled in when compiled).
NAME_KEY = r"[{surnames}](?![您你们的对向进和与为在是了给把就也都将从这那上下])[\u4e00-\u9fff]"
INTRODUCED = r"(?:(?P<staff>" + STAFF + r")|(?P<public>" + PUBLIC + r"))(?P<name>" + NAME_KEY + ")"
# A voice as the subject of a verb of speaking, right before it (「一个颤抖的年轻女声说」, 「电话那头的声音说」; not 大声,
# 轻声: how someone says it): nobody's side the narration says (Round 48; lint/story.py reads it from here).
VOICED = r"(?:女|男|人)声[ \t]*$|声音[ \t]*$"
_COMPILED: list = []  # compiled on first use: most files have no quotation mark and never get that far


def spoken(view):
    """The view with each turn cut to its quoted words (a turn with none dropped) when the file is a story of a call,
    else the view itself. Asked first of what the view already says (free-form, a quotation mark in its text), so
    most files cost two tests; the answer for the rest remembered on the view."""
    if not view.freeform or not _quoted(view.text):
        return view
    kept = view.__dict__.get("_spoken")
    if kept is None:
        kept = view.__dict__["_spoken"] = _spoken(view) or False
    return kept or view


def _quoted(text: str) -> bool:
    return "“" in text or "「" in text or "『" in text or '"' in text


def _compile() -> None:
    """Compiles the patterns on first use (`_COMPILED`): most files have no quotation mark and never get that far."""
    if _COMPILED:
        return
    from huifang.lint.standards import SURNAMES

    patterns = (
        QUOTE,
        ATTRIBUTED,
        REPORTER,
        SCRIPT_MARK,
        SAYS + r"[ \t]*[:：]$",
        PERSON,
        SAYS_BEFORE,
        ADDRESSED,
        LABELLED,
        INTRODUCED.replace("{surnames}", SURNAMES),
        r"(?:" + PUBLIC + "|" + STAFF + ")",
        CALLER,
        LEDE,
        THANKS_FOR_CALLING,
        VOICED,
    )
    _COMPILED.extend(re.compile(p, re.M) for p in patterns)


def _spoken(view):
    if getattr(view, "unknown_speakers", None) or getattr(view, "inferred_agent", ""):
        return None
    _compile()
    quote, attributed, reporter, script_mark, narrated, person = _COMPILED[:6]
    text = t2s(view.text)
    if script_mark.search(text) is not None:
        return None  # a script, a guide or a book of standards
    for found in _COMPILED[8].finditer(text):
        label = found.group(1) or found.group(2)
        if narrated.search(label + ":") is None and reporter.search(label) is None:
            return None  # a label before a quote (「拆线/复诊时: “…”」, 「呼叫座席员:“…”」): a script's line
    if (
        attributed.search(text) is None
        and reporter.search(_narration(text, quote)) is None
        and _COMPILED[12].search(text) is None
    ):
        return None
    turns = _in_file_order(view)
    for u in turns:
        taken = text[u.base - u.col + 1 : u.base].strip()
        if taken and narrated.search(taken) is None:
            return None  # a speaker's label: a transcript or a script, not a story
    from huifang.lint.standards import _part
    from huifang.lint.turntaking import side as taking_turns

    named = introduced(text)
    parts: dict[int, list] = {}
    turn, said_to = None, 0  # whose the last quote was, and where it ended in the text
    told = False  # whether the last quote's line had narration besides its quotes
    alone = False  # whether this turn's line is its quotes only
    taking = False  # whether the quotes are taking turns since one that opened the call (Round 36b)
    for u in turns:
        spans: list[list[int]] = []
        simple = t2s(u.text)
        alone = not quote.sub("", simple).strip(" \t\r")
        for found in quote.finditer(simple):
            words = found.group(1) or found.group(2) or ""
            if not words.strip():
                continue
            side = _side(simple, found, person, named)
            gap = text[said_to : u.base + found.start()]
            if side is None:
                # thanks for the call: only the side called says that, whoever's turn it seems (Round 47)
                thanks = _COMPILED[13].search(words) is not None
                side = AGENT if thanks else taking_turns(words, gap, turn, taking)
                taking = side is not None
            else:
                taking = False
            if side is None:
                # a quote nobody is named for, right after the agent's in the same sentence of narration: the reply
                # (「“…身体恢复得怎么样?”“我现在一切正常…谢谢你们的关心!”」), unless it too asks
                answers = turn == AGENT and words.rstrip()[-1:] not in "?？"
                answers = answers and (not SENTENCE_END.intersection(gap) or (told and alone and not gap.strip()))
                side = OTHER if answers else AGENT
            turn, said_to = side, u.base + found.end()
            told = not alone
            if side == OTHER:
                continue
            if spans and not simple[spans[-1][1] : found.start()].strip(" \t…。.、"):
                spans[-1][1] = found.end()  # quotes side by side: one piece, as the reader's alternatives read it
            else:
                spans.append([found.start(), found.end()])
        parts[id(u)] = [_part(u, a, b) for a, b in spans]

    def cut(turns: list) -> list:
        return [p for u in turns for p in parts.get(id(u), (u,))]

    paths = [(label, said) for label, said in ((label, cut(turns)) for label, turns in view.paths) if said]
    if not any(u.agent for _, turns in paths for u in turns):
        return None
    whole = cut(view.whole) if view.whole is not None else None
    return _replaced(view, paths=paths, whole=whole)


def introduced(text: str) -> re.Pattern | None:
    """The people the narration introduces by a role and a name (`INTRODUCED`), as one pattern that finds any of their
    names and says the side in its group (`staff` or `public`); None when there are none, or a name is introduced
    on both sides. A name that is a role's own word (工作人员, 民警马上 …) is no name: its key must not be a role's start."""
    _compile()
    sides: dict[str, str] = {}
    for found in _COMPILED[9].finditer(text):
        name = found.group("name")
        side = "staff" if found.group("staff") else "public"
        if _COMPILED[10].match(name) is not None:
            continue
        if sides.setdefault(name, side) != side:
            return None
    for found in _COMPILED[11].finditer(text):
        name = found.group("name")
        if _COMPILED[10].match(name) is None and sides.setdefault(name, "public") != "public":
            return None
    if not sides:
        return None
    staff = "|".join(n for n, side in sides.items() if side == "staff") or "(?!)"
    public = "|".join(n for n, side in sides.items() if side == "public") or "(?!)"
    return re.compile(r"(?P<staff>" + staff + r")|(?P<public>" + public + r")")


def _side(text: str, found: re.Match, person: re.Pattern, named: re.Pattern | None = None) -> str | None:
    """Whose the narration says the quote is: a verb of speaking right before it whose subject (in its clause, else in
    the clauses of its sentence before it, someone spoken to 对着…/向… left out) is the service side (AGENT) or the
    customer or the public (OTHER) — by a role, or by the name of someone the narration introduced with a role
    (`named`, Round 46) — or one of them named right before a verb of speaking after it; None when the narration
    names nobody."""
    start = found.start()
    cut = max(text.rfind(mark, 0, start) for mark in "。！？!?”」』\n")
    head = text[cut + 1 : start]
    says = _COMPILED[6].search(head)
    if says is not None:
        if _COMPILED[14].search(head, 0, says.start()) is not None:
            last = re.split(r"[，,；;]", head[: says.start()])[-1]
            if person.search(last) is None and (named is None or named.search(last) is None):
                return (
                    None  # 「一个颤抖的年轻女声说：」: a voice speaks, whose side the narration does not say (Round 48)
                )
        for clause in reversed(re.split(r"[，,；;]", _COMPILED[7].sub("", head))):
            first = person.search(clause)
            if first is None and named is not None:
                first = named.search(clause)
            if first is not None:
                return OTHER if first.lastgroup == "public" else AGENT
        return None
    after = text[found.end() : found.end() + 24]
    end = min((at for at in (after.find(m) for m in "。！？!?“「") if at >= 0), default=len(after))
    first = person.search(after, 0, end)
    if first is None and named is not None:
        first = named.search(after, 0, end)
    if first is None or re.search(SAYS + "|感谢|感激", after[first.end() : end]) is None:
        return None
    return OTHER if first.lastgroup == "public" else AGENT


def _narration(text: str, quote: re.Pattern) -> str:
    return quote.sub("", text)


def _replaced(view, **changes):
    """`dataclasses.replace(view, **changes)` without importing dataclasses (and inspect) on the lint path: a new
    view of the same fields, none of the first one's remembered answers (its `_…` entries)."""
    fields = type(view).__dataclass_fields__
    new = object.__new__(type(view))
    new.__dict__.update((name, value) for name, value in view.__dict__.items() if name in fields)
    new.__dict__.update(changes)
    return new


def _in_file_order(view) -> list:
    seen: dict[int, object] = {}
    for _, turns in view.paths:
        for u in turns:
            seen.setdefault(id(u), u)
    for u in view.whole or ():
        seen.setdefault(id(u), u)
    return sorted(seen.values(), key=lambda u: (u.line, u.col))
