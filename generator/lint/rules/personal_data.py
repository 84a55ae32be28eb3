"""个人信息：话术里写了真实样子的手机号、身份证号或银行卡号，或索要完整的身份证号。

话术会被打印、上网、发给培训学员：不能含有真实客户的手机号（1 开头的 11 位）、18 位身份证号
（校验位正确）或银行卡号（16–19 位，Luhn 校验正确）；示例请写成 138****0000。回访核对身份时，
规范只要求核对证件号的一部分（如前六位、后四位），不得让客户报完整的身份证号。

PASS:
    客服：请问您登记的手机号是 138****5678 吗？

    客服：为了核实身份，麻烦您告诉我身份证号前六位。

FAIL:
    客服：请问您登记的手机号是 13812345678 吗？

    客服：请您报一下完整的身份证号码。
"""

from __future__ import annotations

import re

from huifang import regexcache
from huifang.lint.anyline import any_line
from huifang.lint.linemarks import PERSONAL

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from huifang.lint.engine import Context
    from huifang.lint.utterance import Utterance
    from huifang.problems import Problem

ID = "personal-data"
TYPE = "line"
SEVERITY = "error"

MOBILE = regexcache.compile(r"(?<![0-9])1[3-9][0-9][- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9])")
ID_NUMBER = regexcache.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9xX](?![0-9A-Za-z])")
CARD = regexcache.compile(r"(?<![0-9])[0-9](?:[- ]?[0-9]){15,18}(?![0-9])")
ID_REQUEST = regexcache.compile(r"身份证(?:件)?号(?:码)?|证件号(?:码)?")
PART = regexcache.compile(
    r"^.{0,4}?(?:前|后|末|尾)(?:[0-9一二三四五六七八九十几]{1,2})?(?:位|号)|^的?(?:尾号|末尾|后几位|前几位)"
)
REQUEST = regexcache.compile(r"请|麻烦|提供|告诉|报一下|说一下|念一下|核对|确认|读一下|报给")
SCRIPT_HAS = "话术中有真实样子的"  # what each number's message starts with (qa says it of a call: judge._in_a_call)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_valid(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[:17], ID_WEIGHTS))
    return "10X98765432"[total % 11] == number[17].upper()


def luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


DIGITS = regexcache.compile(r"[0-9０-９][- 0-9０-９]{10,}")


# Each alternative starts with a literal, so _sre looks only where 身, 证 or 證 stands (`[证證]件…` as an
# alternative made it try both branches at every character: ≈ 145 instructions a character against ≈ 30).
ID_WORDS = regexcache.compile(r"身份[证證]|证件[号號]|證件[号號]")


def wanted(text: str, ctx) -> bool:
    """Whether a text may hold a number or an ID word: asked line by line, each distinct line once (nothing
    it looks for spans a line break, and a team's lines recur from script to script), or read from the
    free-form file's line marks."""
    marks = ctx.view.marks
    if marks is not None:
        return bool(marks & PERSONAL)
    return any_line(text.split("\n"), _SEEN, may_hold)


_SEEN: dict[str, bool] = {}


def may_hold(text: str) -> bool:
    # Substring tests first (a regex scan costs several times more); they accept whatever ID_WORDS does.
    return ("身份" in text or "证件" in text or "證件" in text) or DIGITS.search(text) is not None


def check(u: Utterance, ctx: Context) -> Iterable[Problem]:
    text = u.text
    has_digits = DIGITS.search(text) is not None
    if not has_digits and ID_WORDS.search(text) is None:
        return
    folded = u.folded
    taken: list[tuple[int, int]] = []
    if has_digits:
        for match in ID_NUMBER.finditer(folded):
            if id_valid(match.group()):
                taken.append(match.span())
                yield ctx.problem(
                    ID,
                    u,
                    *match.span(),
                    SCRIPT_HAS + "身份证号（校验位正确）",
                    ctx.severity(ID),
                    "示例请写成 110101********1234",
                )
        for match in MOBILE.finditer(folded):
            if not _inside(match.span(), taken):
                taken.append(match.span())
                yield ctx.problem(
                    ID, u, *match.span(), SCRIPT_HAS + "手机号", ctx.severity(ID), "示例请写成 138****5678"
                )
        for match in CARD.finditer(folded):
            digits = re.sub(r"[- ]", "", match.group())
            if 16 <= len(digits) <= 19 and not _inside(match.span(), taken) and luhn(digits):
                yield ctx.problem(
                    ID,
                    u,
                    *match.span(),
                    SCRIPT_HAS + "银行卡号（Luhn 校验正确）",
                    ctx.severity(ID),
                    "示例请写成 6222 **** **** 1234",
                )
    if u.agent:
        for match in ID_REQUEST.finditer(folded):
            rest = folded[match.end() :]
            if PART.search(rest) or not REQUEST.search(folded):
                continue
            yield ctx.problem(
                ID,
                u,
                *match.span(),
                "索要完整的身份证号：回访只核对证件号的一部分",
                ctx.severity(ID),
                "请客户报身份证号前六位或后四位核对",
            )
            break


def _inside(span, taken) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)
