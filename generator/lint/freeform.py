"""Free-form scripts (.md, .txt): one utterance per line, speaker from the label at its start.

`客服：` `坐席：` `回访员：` `A：`/`A:` are the agent; `客户：` `B：`/`B:` the customer; a line
without a label is the agent's. Markdown structure is understood and not read as speech:
front matter, headings, fenced code, HTML comments, tables and rules are skipped; list markers
and `>` quotes are stripped and the rest of the line is speech.
"""

from __future__ import annotations

import re

from generator.lint.suppress import DIRECTIVE
from generator.lint.utterance import AGENT, CUSTOMER, CallView, Utterance

AGENT_LABELS = ("客服", "坐席", "回访员", "A", "Ａ")
CUSTOMER_LABELS = ("客户", "B", "Ｂ")
# One regex splits every line into indentation/quote/list marker, speaker label and the words.
LINE = re.compile(r"^(?P<pre>[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,3}[.)、]|[（(]\d{1,3}[)）])[ \t　]+)?)"
                  r"(?:(?:\*\*|__)?(?P<label>客服|坐席|回访员|客户|[ABＡＢ])(?:\*\*|__)?[ \t]*[：:](?:\*\*|__)?[ \t　]*)?"
                  r"(?P<body>[^\n]*)", re.M)
HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
RULE_LINE = re.compile(r"(?:[-*_=][ \t]*){3,}$")
FENCES = ("```", "~~~")
QUESTION_END = ("？", "?", "？」", "?”", "？”")
SPECIAL = frozenset("`~#<|-*_=")
TRAILING = frozenset(" \t\r\u3000")


# Lines whose first character is none of these have no indentation, quote or list marker: the
# common case, read without the full LINE regex.
PRE_START = frozenset(" \t>-*+_（(0123456789")
LABEL_START = frozenset("客坐回ABＡＢ")
LABEL = re.compile(r"(客服|坐席|回访员|客户|[ABＡＢ])(?:\*\*|__)?[ \t]*[：:](?:\*\*|__)?[ \t　]*")


def parse(text: str, display: str, folded: str | None = None) -> list[Utterance]:
    """Utterances of a free-form file; `folded` (normalize.fold of the whole text) is sliced per line."""
    out: list[Utterance] = []
    append = out.append
    fence = None
    in_comment = False
    front = text.startswith("---") and text[3:4] in ("\n", "\r")
    number = 0
    offset = 0  # of the line in the file
    line_match = LINE.match
    label_match = LABEL.match
    if folded is not None and len(folded) != len(text):
        folded = None
    cuts = "<!--" in text or "huifang:" in text  # else no line needs the comment/switch scan below
    for line in text.split("\n"):
        number += 1
        start = offset
        offset += len(line) + 1
        if not line:
            continue
        first = line[0]
        if first in PRE_START or first.isdecimal():
            m = line_match(line)
            pre, label, body = m.groups()
            at = m.start(3)
        elif first in LABEL_START:
            m = label_match(line)
            if m is None:
                pre, label, body, at = "", None, line, 0
            else:
                pre, label, at = "", m.group(1), m.end()
                body = line[at:]
        else:
            pre, label, body, at = "", None, line, 0
        if not body:
            continue
        if body[-1] in TRAILING:
            body = body.rstrip(" \t\r\u3000")
            if not body:
                continue
        if front:
            if number > 1 and body in ("---", "..."):
                front = False
            continue
        if fence or in_comment or body[0] in SPECIAL:
            bare = not label
            if fence:
                if bare and body.startswith(fence):
                    fence = None
                continue
            if in_comment:
                if "-->" in body:
                    in_comment = False
                continue
            if bare and not pre.strip():
                first = body[0]
                if first in "`~" and body.startswith(FENCES):
                    fence = body[:3]
                    continue
                if first == "#" and HEADING.match(body):
                    continue
                if first == "<" and body.startswith("<!--"):
                    if "-->" not in body:
                        in_comment = True
                    continue
                if first == "|":
                    continue
                if first in "-*_=" and RULE_LINE.match(body):
                    if first == "=" and out and out[-1].line == number - 1:
                        out.pop()  # setext heading underline: the line above was a heading
                    continue
        if cuts and ("<!--" in body or "huifang:" in body):
            cut = body.find("<!--")
            if cut < 0:
                directive = DIRECTIVE.search(body)
                cut = directive.start() if directive else -1
            if cut >= 0:
                body = body[:cut].rstrip(" \t\u3000")
                if not body:
                    continue
        base = start + at
        if label is None or label in AGENT_LABELS:
            u = Utterance(body, AGENT, display, number, at + 1, base, None, body.endswith(QUESTION_END))
        else:
            u = Utterance(body, CUSTOMER, display, number, at + 1, base)
        if folded is not None:
            u._folded = folded[base:base + len(body)]
        append(u)
    return out


def view(text: str, display: str, org=None, matcher=None) -> CallView:
    """The file as a one-path call. With the phrase `matcher`, a whole-file pre-screen tells the
    forbidden-phrase rule whether there is anything to look for at all."""
    from generator.lint.normalize import drop_in_lines, fold

    folded = fold(text)
    call = CallView(display, display, (1, 1), [("", parse(text, display, folded))], org=org, freeform=True,
                    text=text)
    if matcher is not None:
        call.phrase_lines = matcher.lines(drop_in_lines(folded))
        call.no_phrases = not call.phrase_lines
    return call
