"""Whose words the quotes of a story are, for the forbidden-phrase rule.

A news story, a memoir or a report of a call (a free-form file without speaker labels that gives speech in
quotes) is narration around what people said. Read line by line, every line is the agent's, so a member of the
public's 「“你找谁啊?”」 or a debtor's 「“法官,实在是没办法……”」 becomes a forbidden phrase. In such a file the
agent speaks only inside a quote the story gives to the service side:

- a quote with a verb of speaking right before it (「接线员竟称:“…”」, 「张奇说,“…”」) or a speaker after it
  (「“…”张奇的声音变得很赖」, 「“…”市民质问道」), or a quote that ends its line with the next line saying whose
  words they were (「说出这些话的是…政府办的工作人员」): the agent's, unless the one speaking is the customer or
  the public (客户, 市民, 老人 …), the narrator (我: a first-person story is told by either side) or a voice
  (「一个颤抖的年轻女声说：」: nobody's side the story says, Round 48);
- a line that is one quote opening the call as the agent does (「“你好,开封市120,请讲……”」, 「“喂,您是王先生吗?”」;
  not a caller saying 「我是…村民」);
- the whole-quote lines right after such a quote, taking turns (the next is the other side's);
- 对方 speaks for the other side from the narrator: the customer when the narrator is on the service side (says so, or
  opens the call as the agent in their own quote), else the agent;
- any other quote (nobody named) and everything outside the quotes (narration, the writer's comment): nobody's
  words on the call.

A file is a story when some quote is attributed by the narration or two or more lines are each one quote; a file
that puts a script's label before a quote (「开场白：“…”」) is a script, and its lines are the agent's as in any
script. A role with a verb of speaking before a quote (「客服说：“…”」) is narration, though the reader takes it for
a label: it does not make the file a script.
"""

from __future__ import annotations

from huifang import regexcache
from huifang.lint import speakers
from huifang.lint import spoken as _spoken
from huifang.lint.normalize import fold
from huifang.lint.whose import has_label, lead

AGENT, OTHER = "agent", "other"
PARTY = "party"  # 对方: the other side from the narrator's
EITHER = "either"  # the narration gives the quote to someone, by a pronoun only: a story, its speaker unknown

OPENERS = {"“": "”", "「": "」", "『": "』"}
CLOSERS = {"”", "」", "』"}
QUOTE_CHARS = '“「『"'
SENTENCE_END = regexcache.compile(r"[。！!？?；;…]")
# A verb of speaking that introduces the quote after it: 「竟称:」, 「冷漠地说:」, 「还吼道:」, 「出言威胁「」.
SAYS = (
    r"(?:说|问|道|答|讲|喊|叫|嚷|吼|骂|称|表示|回复|回应|回答|答复|指责|斥责|训斥|质问|反问|追问|抱怨|威胁|恐吓|"
    r"要求|安慰|嘟囔|念叨|强调|解释|提醒|告诉[他她我你]?|吩咐|呵斥|咆哮|怒斥|嘲讽|讽刺|挖苦|嘲笑|"
    # picking up or dialling the phone and then the quote: the one who picks it up speaks (「她只能又一次拿起电话,“…”」)
    r"(?:拿起|接起|抓起|接通|拨通|打通)了?电话(?:来|后)?)"
)
BEFORE = regexcache.compile(SAYS + r"(?:着|了|道)?[ \t]*[:：,，]?[ \t]*$")
# A speaker named right after the quote: 「”张奇的声音…」, 「”市民质问道」, 「”这是蒋林平每天要重复的话」.
AFTER = regexcache.compile(r"[ \t,，]*([^“「『\"。！!？?]{0,12}?)(?:" + SAYS[3:-1] + r"|的声音|的话)")
# The next line telling whose words the quote before it were: 「说出这些话的是…的工作人员」.
WHOSE = regexcache.compile(
    r"(?:说出?|讲出?)(?:这些|这番|这句|这段|这)话的(?:人)?(?:是|竟是|正是)([^，,。！!？?]{0,30})"
)
# The customer, the public or the narrator: never the agent's side; the service side named by its role (「接线员张某」:
# the role, not the name made anonymous, says which side). One list of each side's roles, lint/spoken.py's (Round 49);
# the reporter is this module's own: the one who tells a news story is never the agent.
PUBLIC = _spoken.PUBLIC + "|记者"
AGENT_ROLE = _spoken.STAFF
# Who a clause names first: the service side, or the customer, the public (张某: a name made anonymous) or the narrator.
PERSON = regexcache.compile(
    r"(?P<agent>" + AGENT_ROLE + r")|(?P<other>" + PUBLIC + r"|[\u4e00-\u9fff]某|^[ \t]*我|[，,。][ \t]*我|我们)"
    r"|(?P<party>对方)"
)
# A narrator on the service side: says so (「我是一名接线员」, 「作为客服…」 with 我), or opens the call as the agent in
# their own quote (「我拿起电话：“您好，请问是张先生吗？”」). Then 对方 is the customer.
NARRATOR_AGENT = regexcache.compile(
    r"我(?:们)?(?:是|作为|当了?|做了?|成为)(?:一名|一个|一位)?[^，,。！!？?“”「」]{0,10}?(?:" + AGENT_ROLE + r")|"
    r"我[^，,。！!？?“「]{0,10}[:：,，]?[ \t]*[“「](?:您好|你好|喂)[^”」]{0,16}?(?:这里是|我是|请问(?:您)?是)"
)
# A caller who greets and says who they are (「“喂,韩站长吗?我是朱楼村村民…”」) does not open the call as the agent.
CALLER_INTRO = regexcache.compile(r"我是[^”」』\"，,。！!？?]{0,10}(?:" + PUBLIC + ")")
CLAUSE = regexcache.compile(r"[，,、；;：:]")
# Someone spoken to, not the speaker: 「老师跟他奶奶说」, 「对客户说」.
ADDRESSEE = regexcache.compile(r"(?:对|跟|向|给|和|与|让|请|帮|替|为)[^，,。！!？?]{0,8}$")


# A script's own label before a quote (「开场白：“…”」, 「如客户不方便：“…”」): the file is a script, not a story.
SCRIPT_LABEL = regexcache.compile(
    r"^[ \t#>*\-]*(?:\d{1,2}[.、．)）]?)?[ \t]*([^，,。！!？?“”「」『』:：\s]{1,10})[:：][ \t]*[“「『\"]"
)


# A report's words before the colon, not a script's label: 「张女士告诉记者：“…”」, 「他接受采访时：“…”」.
REPORTING = regexcache.compile(r"记者|笔者|本报|采访")


def quotes(line: str) -> list[tuple[int, int]]:
    """The quotes of one line as (start, end) of their words; a closer with no opener before it ends a quote
    that began before the line (an excerpt that starts inside a quote), an opener never closed runs to the end."""
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(line):
        if char == '"':
            if stack and stack[-1][0] == '"':
                _, start = stack.pop()
                if not stack:
                    out.append((start, index))
            else:
                stack.append(('"', index + 1))
        elif char in OPENERS:
            stack.append((OPENERS[char], index + 1))
        elif char in CLOSERS:
            if stack and stack[-1][0] == char:
                _, start = stack.pop()
                if not stack:
                    out.append((start, index))
            elif not stack and not out:
                out.append((0, index))
    if stack:
        out.append((stack[0][1], len(line)))
    return out


# A speaker named only by a pronoun (「他喘着气说」): either side.
PRONOUN = regexcache.compile(r"[ \t]*(?:他|她)们?(?![^，,。！!？?]*(?:员|客服|坐席|医生|护士|警))")


def _speaker(clause: str, public: tuple[str, ...] = (), introduced=None) -> str | None:
    """Who the narration before a verb of speaking names: the first person it names that is not spoken to (a
    role of the service side, or the customer, the public or the narrator), else someone the narration introduced
    by a role and a name or by the call (`introduced`: lint/spoken.py's reading, Round 49); a name alone is the
    agent's side unless the story introduces that name as the public's (`public`), a bare pronoun either side
    (None)."""
    named = _named_speaker(clause)
    if named is not None:
        return named
    if introduced is not None:
        found = introduced.search(clause)
        if found is not None and ADDRESSEE.search(clause, 0, found.start()) is None:
            return OTHER if found.lastgroup == "public" else AGENT
    if PRONOUN.match(clause) is not None:
        return None
    name = clause.strip(" \t,，")
    if public and 2 <= len(name) <= 3 and any(name in known for known in public):
        return OTHER
    return AGENT


# A name the story introduces as the public's (「市民李明家的水管坏了」, 「李明先生」, 「业主王芳」): when it later speaks
# by its name alone (「李明说：“…”」), it is not the service side.
PUBLIC_NAME = regexcache.compile(
    r"(?:"
    + PUBLIC
    + r")(?!经理|服务|专员|代表|中心)([\u4e00-\u9fff]{2,3})|([\u4e00-\u9fff]{2,3}?)(?:先生|女士|小姐|阿姨|大爷|大妈|老人)"
)


def public_names(text: str) -> tuple[str, ...]:
    """The names a story introduces as the public's (with a character or two around them: a name inside one counts)."""
    return tuple({m.group(1) or m.group(2) for m in PUBLIC_NAME.finditer(text)})


def _side(found) -> str:
    return AGENT if found.group("agent") else PARTY if found.group("party") else OTHER


# A clause that goes on with the subject of the one before it (a topic chain): it starts with a verb in 着 or an
# adverb, or is empty (「老大爷满脸感激,拉着小李的手说:」, 「李女士很生气,说:」), so whoever it names is acted on, not the speaker.
GOES_ON = regexcache.compile(
    r"[ \t]*(?:[\u4e00-\u9fff]{0,2}?[拉握扶搀牵抓拍指看望盯冲朝笑哭喘陪]着|连忙|赶忙|赶紧|急忙|随即|接着|于是|便|又|还|也|就|才|只好|只得|[ \t]*$|"
    # an adverb of manner alone: 「王阿姨来到窗口，着急地问」
    r"[\u4e00-\u9fff]{1,4}地[ \t]*$)"
)


COLON_INTRO = regexcache.compile(r"[:：][ \t]*$")


def _named_speaker(clause: str) -> str | None:
    """The side of the first person a clause names by role, the public or the narrator (not a bare name)."""
    for found in PERSON.finditer(clause):
        if ADDRESSEE.search(clause, 0, found.start()) is None:
            return _side(found)
    return None


def _clause_speaker(head: str, public: tuple[str, ...] = (), introduced=None) -> str | None:
    """Who the narration before a verb of speaking names: its last clause's speaker, or when that clause goes on
    with the subject of the one before it and names nobody, the speaker an earlier clause names."""
    clauses = CLAUSE.split(head)
    index = len(clauses) - 1
    while index > 0 and PERSON.search(clauses[index]) is None and GOES_ON.match(clauses[index]) is not None:
        index -= 1
    return _speaker(clauses[index], public, introduced)


def _attributed(
    line: str, start: int, end: int, following: str, public: tuple[str, ...] = (), introduced=None
) -> str | None:
    """Who the narration around one quote says speaks it, or None when it names nobody."""
    head = line[: max(0, start - 1)]
    ends = [m.end() for m in SENTENCE_END.finditer(head)]
    head = head[ends[-1] if ends else 0 :]
    for closer in CLOSERS | {'"'}:
        head = head[head.rfind(closer) + 1 :]
    says = BEFORE.search(head)
    if says is not None:
        if (
            VOICED.search(head, 0, says.start()) is not None
            and _named_speaker(CLAUSE.split(head[: says.start()])[-1]) is None
        ):
            return EITHER  # 「一个颤抖的年轻女声说：“…”」: a voice speaks, whose side the story does not say (Round 48)
        return _clause_speaker(head[: says.start()], public, introduced) or EITHER
    colon = COLON_INTRO.search(head)
    if colon is not None:  # 「电话那头的大姐情绪激动：“…”」: a person named before the colon says it
        named = _named_speaker(CLAUSE.split(head[: colon.start()])[-1])
        if named is not None:
            return named
        if VOICE.search(head, 0, colon.start()) is not None:
            return EITHER  # 「电话那头传来一个虚弱的声音：“…”」: a voice, whose side the story does not say
    after = AFTER.match(line, min(len(line), end + 1))
    if after is not None:
        return _speaker(after.group(1), public, introduced) or EITHER
    if line[end + 1 :].strip() == "" and following:
        whose = WHOSE.search(SENTENCE_END.split(following, 1)[0])
        if whose is not None:
            return _speaker(whose.group(1)) or EITHER
    return _actor_after(line, end)


# A voice named before a colon, nobody's side said: 「电话那头传来一个虚弱的声音：」, 「听筒里传出：」.
VOICE = regexcache.compile(r"声音|传来|传出|响起")
# A voice as the subject of a verb of speaking, right before it: 「一个颤抖的年轻女声说」, 「电话那头的声音说」 (not 大声, 轻声:
# how someone says it): lint/spoken.py's reading, which reads it too (Round 49).
VOICED = regexcache.compile(_spoken.VOICED)
ACTOR_REACH = 24  # characters of the sentence right after a quote in which the one acting is named


def _actor_after(line: str, end: int) -> str | None:
    """EITHER when the sentence right after a quote names the customer, the public or the narrator first (「“我真的
    不知道该怎么办了。”电话那头，一位老人哭了起来。」: the one who acts right after the words may have said them, or
    may be the one they were said to), else None. Only ever a reason not to check the quote: it starts no
    alternation of turns."""
    tail = line[end + 1 : end + 1 + ACTOR_REACH].lstrip('”」』" \t')
    stop = SENTENCE_END.search(tail)
    if stop is None or not tail or tail[0] in QUOTE_CHARS:
        return None  # no sentence of its own right after the quote (or another quote)
    return EITHER if _named_speaker(tail[: stop.start()]) == OTHER else None


# A quote that opens a call as the agent does, greeting and saying who answers or asking for the customer
# (「“你好,开封市120,28号,请讲……”」, 「“阿姨您好!我是…社区民警…”」, 「“喂,您是王家叔吗?”」): the agent's, and
# the whole-quote lines after it take turns.
OPENS_CALL = regexcache.compile(
    r"^[ \t“「『\"]*[^”」』\"，,。！!？?]{0,6}(?:(?:您好|你好|早上好|上午好|下午好|晚上好|喂)[^”」』\"]{0,16}?"
    r"(?:这里是|这是|我是|我们是|为您服务|请讲|(?:请问)?(?:您|你)是[^”」』\"，,。]{1,8}(?:吗|么|嘛))|欢迎(?:您)?致电)"
)


def of_view(view) -> list[tuple[int, int]] | None:
    """The agent's quotes of a free-form file that is a story (None when it is none: it has speaker labels or no
    quotes), worked out once per file."""
    spans = view.__dict__.get("_story_spans", False)
    if spans is False:
        spans = view.__dict__["_story_spans"] = _of_view(view)
    return spans


def quoted(view) -> bool:
    """Whether a free-form file has a quotation mark at all (most have none, and every hook about quotes can
    stop there), worked out once per file: `in` scans a text faster than a character class, and than `any`."""
    found = view.__dict__.get("_quoted")
    if found is None:
        text = view.text
        found = view.__dict__["_quoted"] = (
            "“" in text or "”" in text or "「" in text or "」" in text or "『" in text or "』" in text or '"' in text
        )
    return found


def _of_view(view) -> list[tuple[int, int]] | None:
    text = view.text
    if not view.freeform or not text or view.unknown_speakers or view.inferred_agent:
        return None
    if not quoted(view) or not any(c in text for c in QUOTE_CHARS):
        return None
    for u in view.utterances():
        taken = lead(text, u)
        if has_label(taken) and not narrated_label(taken, u.text):
            return None  # a label said who speaks
    return agent_spans(text.split("\n"))


def narrated_label(taken: str, words: str) -> bool:
    """Whether what the reader took for a label is a story's narration before a quote: a role and a verb of speaking
    (「客服说：“…”」, 「接线员回答：“…”」), not a script's 「客服：」; a pronoun and a verb of speaking (「他说：没有」,
    「我问：」) is narration with or without a quote."""
    if BEFORE.search(fold(taken)) is None:
        return False
    return words[:1] in QUOTE_CHARS or speakers.narrator(taken)


def agent_spans(lines: list[str]) -> list[tuple[int, int]] | None:
    """The agent's quotes of a story as (start, end) offsets in the text (lines joined by newlines); None when
    the file is no story: no quote, a script's label before a quote, or no quote that the narration attributes
    and fewer than two lines that are each one quote."""
    out: list[tuple[int, int]] = []
    offset = 0
    turn = None  # who spoke the last quote of a run of whole-quote lines
    last = -1  # the line number of that quote
    attributed = wholes = 0
    lines = [fold(line) for line in lines]  # Simplified, half-width; positions unchanged
    party = None  # the side of 对方: the customer's when the narrator is the agent, else the agent's
    public: tuple[str, ...] | None = None  # the names the story introduces as the public's, read once when needed
    introduced = None  # the people the narration introduces by a role and a name (lint/spoken.py), read with `public`
    for number, line in enumerate(lines):
        found = quotes(line)
        if found:
            label = SCRIPT_LABEL.match(line)
            if label is not None and BEFORE.search(label.group(1)) is None and REPORTING.search(label.group(1)) is None:
                return None
            following = next((s for s in lines[number + 1 : number + 4] if s.strip()), "")
            start, end = found[0]
            whole = len(found) == 1 and not line[:start].strip(' \t“「『"') and not line[end:].strip(' \t”」』"')
            wholes += whole
            who = None
            for start, end in found:
                if public is None:
                    public = public_names("\n".join(lines))
                    introduced = _spoken.introduced("\n".join(lines))
                who = _attributed(line, start, end, following, public, introduced)
                if who == PARTY:
                    if party is None:
                        party = OTHER if any(NARRATOR_AGENT.search(s) for s in lines) else AGENT
                    who = party
                if who is not None:
                    attributed += 1
                elif whole and OPENS_CALL.match(line) is not None and CALLER_INTRO.search(line) is None:
                    who = AGENT
                elif whole and turn in (AGENT, OTHER) and _blank_between(lines, last, number):
                    who = OTHER if turn == AGENT else AGENT
                if who == AGENT:
                    out.append((offset + start, offset + end))
            turn, last = who, number
        elif line.strip():
            turn = None
        offset += len(line) + 1
    return out if attributed or wholes >= 2 else None


def _blank_between(lines: list[str], previous: int, number: int) -> bool:
    return 0 <= previous < number and all(not lines[i].strip() for i in range(previous + 1, number))


def said_by_agent(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether offset `at` of the text is inside one of the agent's quotes."""
    return any(start <= at < end for start, end in spans)
