"""Lines of a free-form file that are not the agent's although the reader gives them to the agent, for the
forbidden-phrase rule.

- In a file whose lines carry both the agent's and the customer's labels, a line without a label right after the
  customer's line (no blank line between) goes on with the customer's turn (「客户：我的快递三天没到了，你们这边」 /
  「也没办法吗？」), as a line after the agent's goes on with the agent's.
- A line that starts with a customer's or a member of the public's label the reader left in the text (used once:
  「群众：…」, 「王女士：…」, 「他：…」, 「小王（客户）：…」) is theirs; so is a speaker known only by a number
  (「说话人2：」), and 「我：」 in a file whose agent has a label of their own (「客服：」): a customer writing down a call.
- A short heading that names a situation (「场景三：没办法满足客户要求时」, 「5.不归我管的问题怎么处理」) is no one's words.
- A numbered question that asks about the company (「6. 你们是不是没办法退款？」) heads a reply library's answer: it
  is the customer's question, not said by the agent.
- In a file without labels, not knowing said first thing right after a line that asks the customer a question
  (「请问您对这次维修满意吗？」 / 「不清楚，我当时不在家。」) is the customer's answer.
- In a file without labels, a line without quotation marks in which the narrator calls the service and the service
  acts on the narrator (「我打了客服电话…客服让我等通知。我也没办法，只能等着。」) is the customer's account.
"""

from __future__ import annotations

from huifang import regexcache
from huifang.lint.normalize import fold
from huifang.lint.speakers import CUSTOMER_LABELS

# A numbered heading that is a customer's question to the company: numbering, at most 30 characters, 你们/贵公司…,
# a question mark at the end.
# A customer's or a member of the public's label that the reader left in the text because the file uses it once
# (「群众：我也没办法了」, 「王女士：…」, 「他：…」): the words after it are not the agent's.
_WORDS = "|".join(sorted((w for w in CUSTOMER_LABELS if len(w) > 1 and not w.isascii()), key=len, reverse=True))
CUSTOMER_LEAD = regexcache.compile(
    r"[ \t]*[【\[(（*]*(?:" + _WORDS + r"|群众|老人|大爷|大妈|阿姨|村民|网友|记者|他|她|他们|她们|"
    r"[\u4e00-\u9fff]{1,2}(?:先生|女士|小姐|阿姨|大爷|大妈|奶奶|爷爷)|"
    # a name with the customer's role after it: 「小王（客户）：」
    r"[\u4e00-\u9fff]{1,4}[(（](?:" + _WORDS + r"))[】\]）)*]*[ \t]*[:：]"
)
QUESTION_HEADING = regexcache.compile(
    r"^[ \t#>*\-]*(?:\d{1,2}[.、．)）]|[(（]?[一二三四五六七八九十]{1,3}[)）、])[ \t]*"
    r"(?=[^\n]{0,30}[?？][ \t]*$)[^\n]*(?:你们|您们|贵公司|贵店|你家|你们家|贵单位)"
)


LABEL_MARKS = frozenset(":：】]")
# A speaker known only by a number (「说话人2：」, 「SPEAKER_01:」), left in the text because the file uses it once:
# like any unknown label, never the agent's.
NUMBERED_SPEAKER = regexcache.compile(
    r"[ \t]*[【\[(（]?(?:说话人|发言人|讲话人|角色|[Ss][Pp][Ee][Aa][Kk][Ee][Rr]|[Ss][Pp][Kk])[ _\-]?\d{1,2}[】\]）)]?[ \t]*[:：]"
)
# A person's label the reader left in the text because the file uses it once, in a file whose agent has a label of
# their own (「客服：」): someone who is not the agent (issue 12: a line with an unknown label is never the agent's).
# Person-shaped only — one who does something (寄件人, 求助人, 受访者; not one who answers or serves: 接听人, 应答人,
# 受理人), a gender (男, 女士), 小/老 and a surname (小王, 老李), a kind of customer (来电用户), a caller in English (C, Client, Caller, Guest) or a question (Q) — since a
# script's own words before a colon (回复：, 安抚：, 建议：) introduce what the agent says.
PERSON_LABEL = regexcache.compile(
    r"[ \t]*[【\[(（*]*(?:(?![^:：\n]{0,6}(?:接|应答|受理|回访|服务|经办|负责|办理|处理|工作|答))[\u4e00-\u9fff]{1,4}[人者]|"
    r"[\u4e00-\u9fff]{1,3}(?:用户|客户|顾客|买家)|买方|男|女|男士|女士|男性|女性|男声|女声|[小老][\u4e00-\u9fff]|"
    r"[Cc]|[Qq]|[Cc]lient|[Cc]aller|[Gg]uest)"
    r"[】\]）)*]*[ \t]*[:：](?![ \t]*\d)"
)
# 「我：」 beside the agent's own label (「客服：」) is the other side: a customer writing down a call.
ME = regexcache.compile(r"[ \t【\[(（*]*我[】\]）)*]*[ \t]*[:：]?[ \t]*$")


# A heading that names a situation, not words said in it (「场景三：没办法满足客户要求时」, 「5.不归我管的问题怎么处理」):
# at most 32 characters, a situation's label before it or a "when / what to do" at its end.
SITUATION_HEADING = regexcache.compile(
    r"^[ \t#>*\-]*(?:\d{1,2}[.、．)）]|[(（]?[一二三四五六七八九十]{1,3}[)）、])?[ \t]*(?=[^\n。！!]{1,32}$)"
    r"(?:(?:场景|情景|情形|情况|案例|问题)[\d一二三四五六七八九十]{0,3}[ \t]*[:：、.．]"
    r"|[^\n]*(?:时|之时|的时候|怎么办|怎么处理|如何处理|如何应对|如何回答|怎么回答|怎么说)[ \t]*[?？]?[ \t]*$)"
)


# Not knowing, said first thing on the line right after a line that asks the customer something (「请问您对这次维修
# 满意吗？」 / 「不清楚，我当时不在家。」), in a file without labels: the customer's answer to the agent's question.
NOT_KNOWING_ANSWER = regexcache.compile(
    r"[ \t]*(?:[嗯啊哦呃唉哎额噢][ \t,，。]*)?(?:我|我也|我们|我们也)?(?:真)?不(?:太)?(?:知道|清楚|了解)"
)
# The agent's question to the customer: 您 and a question, without the customer's 我 / 你们 (「请问您能帮我查一下吗？」,
# 「请问你们能退款吗？」 are the customer's).
ASKS_CUSTOMER = regexcache.compile(r"^(?=[^\n]*您)(?![^\n]*(?:我|你们))[^\n]*(?:[?？]|吗|呢)[ \t。]*$")


# The narrator's own call, told: the narrator calls the service (我打了客服电话, 我拨打了热线), and the service acts on the
# narrator (客服让我…, 接线员告诉我…). An agent's line says neither (「我给您打电话是…」 calls the customer).
NARRATOR_CALLS = regexcache.compile(
    r"我(?:们|家)?[^，,。！!？?\n您你]{0,8}?(?:打了|拨打了?|拨通了?|致电|打过|打给)[^，,。！!？?\n您你]{0,10}?(?:客服|热线|服务)"
)
SERVICE_ON_NARRATOR = regexcache.compile(
    r"(?:客服|接线员|话务员|坐席|工作人员)[^，,。！!？?\n]{0,4}?(?:让我|叫我|告诉我|跟我说|对我说|回复我|给我)"
)
QUOTES = frozenset('“”「」『』"')


def _narrators_call(view, u) -> bool:
    line = _line(view.text, u)
    return (
        QUOTES.isdisjoint(line)
        and NARRATOR_CALLS.search(line) is not None
        and SERVICE_ON_NARRATOR.search(line) is not None
        and not _labelled(view)
    )


def _asked_before(view, u) -> bool:
    """Whether the line right before `u`'s asks the customer a question (a file without labels: who answers is the
    other side)."""
    text = view.text
    start = u.base - u.col + 1
    if start <= 1:
        return False
    previous = text.rfind("\n", 0, start - 1)
    line = text[previous + 1 : start - 1]
    return ASKS_CUSTOMER.search(fold(line)) is not None and not _labelled(view)


def _labelled(view) -> bool:
    found = view.__dict__.get("_labelled")
    if found is None:
        text = view.text
        found = view.__dict__["_labelled"] = any(has_label(lead(text, t)) for t in view.utterances())
    return found


def lead(text: str, u) -> str:
    """What the reader took off the start of a free-form utterance's line: a label, a list number,
    indentation, or nothing."""
    return text[u.base - u.col + 1 : u.base]


def has_label(lead: str) -> bool:
    """Whether what the reader took off a line's start (`lead`) is a speaker's label, not a list number or
    indentation."""
    return bool(lead) and not LABEL_MARKS.isdisjoint(lead)


def customers(view, u) -> bool:
    """Whether a line the reader gave the agent is the customer's: a question heading a reply library's answer,
    or a line without a label going on with the customer's turn."""
    text = view.text
    taken = lead(text, u)
    if taken:  # a label, or a number or indentation before the words
        if has_label(taken):
            return _me_beside_the_agent(view, taken)
        if QUESTION_HEADING.match(_line(text, u)) is not None:
            return True
    elif CUSTOMER_LEAD.match(u.text) is not None or NUMBERED_SPEAKER.match(u.text) is not None:
        return True
    elif PERSON_LABEL.match(u.text) is not None and _agent_labelled(view, view.utterances()):
        return True
    if SITUATION_HEADING.match(_line(text, u)) is not None:
        return True
    if not taken and NOT_KNOWING_ANSWER.match(u.folded) is not None and _asked_before(view, u):
        return True
    if not taken and "我" in u.text and _narrators_call(view, u):
        return True
    everyone = view.__dict__.get("_everyone_by_line")
    if everyone is None:  # only a file in which the customer speaks can have the customer's turn going on
        turns = view.utterances()
        everyone = [] if all(t.agent for t in turns) else sorted(turns, key=_line_number)
        view.__dict__["_everyone_by_line"] = everyone
    if not everyone or u.line <= 1:
        return False
    try:
        at = everyone.index(u)
    except ValueError:
        return False
    line = u.line
    while at > 0 and everyone[at - 1].line == line - 1:  # back over lines without a label to the labelled one
        at -= 1
        line -= 1
        before = everyone[at]
        if has_label(lead(text, before)):
            return not before.agent and _agent_labelled(view, everyone)
    return False


def _me_beside_the_agent(view, taken: str) -> bool:
    """Whether the label the reader took (`taken`) is 「我」 in a file whose agent has a label of their own."""
    if ME.match(taken) is None:
        return False
    found = view.__dict__.get("_me_beside_the_agent")
    if found is None:
        text = view.text
        found = any(t.agent and has_label(lead(text, t)) and ME.match(lead(text, t)) is None for t in view.utterances())
        view.__dict__["_me_beside_the_agent"] = found
    return found


def _agent_labelled(view, everyone: list) -> bool:
    """Whether some line carries the agent's label (else the unlabelled lines are the agent's, as in a reply
    library whose customer lines alone are labelled)."""
    found = view.__dict__.get("_agent_labelled")
    if found is None:
        text = view.text
        found = any(t.agent and has_label(lead(text, t)) for t in everyone)
        view.__dict__["_agent_labelled"] = found
    return found


def _line_number(u) -> int:
    return u.line


def _line(text: str, u) -> str:
    start = u.base - u.col + 1  # where its line starts (col is 1-based)
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]
