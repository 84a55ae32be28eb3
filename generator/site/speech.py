"""What a trainee says: the seed's own words (原话) or a point to cover in one's own words (要点),
and placeholders as fill-in blanks.

Many seeds list a question as a topic (「质量评价」, 「询问客户已完成项目的情况」) rather than the words to
say; read aloud, such a label sounds absurd, so it is shown as a point to cover. The author says which a
line is (`kind: 原话|要点` on a say or ask line); a line without it is guessed from its wording, and the
maintainers' page lists the guessed lines. Org names that the seeds leave generic (「某公司」, 「公司」,
「物业项目」, 「某装饰公司」, 「××公司」) are not names to say: they become the blank （公司名称）; a seed's masks (**, XX, ××) become
the unnamed blank （……）.
"""

from __future__ import annotations

import re

from huifang import model as m
from huifang.compose import PLACEHOLDER
from huifang.site.escape import mark_placeholder

SPOKEN = re.compile(r"[您你吗呢吧？?]|请问")
INSTRUCTION = re.compile(r"^(询问|了解|告知|说明|介绍|向客户|请客户|让客户|确认|核实|提醒|记录|征求|收集|以)")
GENERIC_ORG = re.compile(r"^(某|XX|xx)|（|制定单位$|^.{0,2}(公司|单位|门诊|医院|项目)$")
BLANK = {"公司": "公司名称", "坐席": "坐席姓名", "热线": "热线号码", "部门": "部门名称"}
# a value the seed masked without naming it (「**先生/女士」, 「XX期」, 「置业顾问：***」): a blank with no name
MASK = re.compile(r"(?<![A-Za-z*×])(?:[Xx]{2,3}|×{2,3}|\*{2,6})(?![A-Za-z*×])")
UNNAMED = "……"
# a company the seed left unnamed (「某装饰公司」, 「××公司」, 「xx服务有限公司」): the agent says their own company's name
UNNAMED_COMPANY = re.compile(
    r"(?:某|(?<![A-Za-z])[Xx]{2,3}|×{2,3}|\*{2,6})(?:(?!先生|女士|小姐|您|你)[\u4e00-\u9fff]){0,6}?(?:有限公司|公司)"
)


POINT = "要点"
VERBATIM = "原话"


def is_point(turn: m.Turn) -> bool:
    """A topic to cover in one's own words rather than words to say as written."""
    if turn.speech:
        return turn.speech == POINT
    return guess_point(turn)


def guessed(turn: m.Turn) -> bool:
    """An agent line whose author did not say whether it is 原话 or 要点."""
    return turn.kind in ("say", "ask") and not turn.speech


def guess_point(turn: m.Turn) -> bool:
    """The wording's answer: a line with no sign of being spoken to someone, or an instruction."""
    if turn.kind == "ask":
        text = str(turn.question.text) if turn.question is not None else ""
        return not SPOKEN.search(text)
    if turn.kind == "say":
        text = str(turn.text or "")
        return bool(INSTRUCTION.match(text)) and not SPOKEN.search(text)
    return False


def fills(org: m.Org | None) -> dict[str, str]:
    """The placeholder values an org really provides: a generic org name is left blank."""
    values = org.fills() if org else {}
    if org is not None and GENERIC_ORG.search(org.name):
        values.pop("公司", None)
    return values


def blank(name: str) -> str:
    return BLANK.get(name, name)


def fill(text: str, org: m.Org | None, mark=mark_placeholder) -> str:
    """Placeholders the org fills replaced; the rest marked as blanks for the agent (公司 → 公司名称)."""
    values = fills(org)

    def sub(match: re.Match) -> str:
        name = match.group(1)
        return values[name] if name in values else mark(blank(name))

    text = UNNAMED_COMPANY.sub(lambda _: mark(blank("公司")), PLACEHOLDER.sub(sub, text))
    return MASK.sub(lambda _: mark(UNNAMED), text)
