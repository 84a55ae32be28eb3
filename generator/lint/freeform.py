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
LABEL = re.compile(r"(?:\*\*|__)?(客服|坐席|回访员|客户|[ABＡＢ])(?:\*\*|__)?[ \t]*[：:](?:\*\*|__)?[ \t　]*")
PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,3}[.)、]|[（(]\d{1,3}[)）])[ \t　]+)?")
HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
RULE_LINE = re.compile(r"(?:[-*_=][ \t]*){3,}$")
FENCES = ("```", "~~~")
QUESTION_END = ("？", "?", "？」", "?”", "？”")


def parse(text: str, display: str) -> list[Utterance]:
    out: list[Utterance] = []
    pos = 0
    lines = text.split("\n")
    fence = None
    in_comment = False
    front = bool(lines) and lines[0].rstrip("\r") == "---"
    for number, raw in enumerate(lines, 1):
        start = pos
        pos += len(raw) + 1
        line = raw[:-1] if raw.endswith("\r") else raw
        if front:
            if number > 1 and line.rstrip() in ("---", "..."):
                front = False
            continue
        stripped = line.strip()
        if not stripped:
            continue
        if fence:
            if stripped.startswith(fence):
                fence = None
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        first = stripped[0]
        if first in "`~" and stripped.startswith(FENCES):
            fence = stripped[:3]
            continue
        if first == "#" and HEADING.match(stripped):
            continue
        if first == "<" and stripped.startswith("<!--"):
            if "-->" not in stripped:
                in_comment = True
            continue
        if first == "|":
            continue
        if first in "-*_=" and RULE_LINE.match(stripped):
            if first == "=" and out and out[-1].line == number - 1:
                out.pop()  # setext heading underline: the line above was a heading
            continue
        at = PREFIX.match(line).end()
        speaker = AGENT
        label = LABEL.match(line, at)
        if label:
            speaker = CUSTOMER if label.group(1) in CUSTOMER_LABELS else AGENT
            at = label.end()
        end = len(line)
        cut = line.find("<!--", at)
        if cut < 0 and "huifang:" in line:
            directive = DIRECTIVE.search(line, at)
            cut = directive.start() if directive else -1
        if cut >= 0:
            end = cut
        body = line[at:end].rstrip()
        if not body:
            continue
        out.append(Utterance(body, speaker, display, line=number, col=at + 1, base=start + at,
                             ask=speaker == AGENT and body.endswith(QUESTION_END)))
    return out


def view(text: str, display: str, org=None) -> CallView:
    utterances = parse(text, display)
    return CallView(display, display, (1, 1), [("", utterances)], org=org, freeform=True)
