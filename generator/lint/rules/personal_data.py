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


# Numbers read out in words, as ASR without inverse text normalisation writes them (FunASR's, SenseVoice's
# 「幺三八一二三四五六七八」): qa's path only (`Context.spoken_numerals`; a script writes its numbers in digits, and
# the linter's speed has no room for one more scan of every line). Numerals (digits among them, as a partly
# normalised ASR writes) in groups parted by at most two spaces, commas or dashes; an ID number may end in X (叉).
# Ordinary speech stays below 11 numerals in a row: 一两天, 三四个, 二零二六年, 十二点 (十 is no digit).
SPOKEN_DIGITS = "零〇一二三四五六七八九幺两"
_SEPARATORS = " ,，、-"
# What may hold one: a numeral and ten more numerals or separators. One repeat of one character class, which _sre
# counts in a tight loop: a repeated group (numeral, optional separators) cost ≈ 2.5 k instructions a turn of
# the `--vary` bench calls, which read out ID digits, dates and sums; the groups are told apart afterwards.
SPOKEN_RUN = regexcache.compile(f"[0-9{SPOKEN_DIGITS}][0-9{SPOKEN_DIGITS}{_SEPARATORS}]{{10,}}")
_GROUP = regexcache.compile(f"[0-9{SPOKEN_DIGITS}]+|[xX叉]")
_TO_DIGITS = str.maketrans(SPOKEN_DIGITS + "叉x", "0012345678912XX")
# A number the agent gives of their own or of a document (工号, 订单号, 保单号 …) is not a customer's: the words
# just before a run, within a few characters.
_NOT_PERSONAL = regexcache.compile(r"(?:工号|编号|单号|订单|合同号|流水号|案件号|报案号|快递|批次)[^。？！?!]{0,6}$")


def spoken_numbers(folded: str) -> tuple[tuple[int, int, str], ...]:
    """A folded text's mobile, ID and card numbers read out in words: (start, end, kind), kind one of
    "mobile", "id", "card". The groups of a run are joined, from each group on, into the longest that is a
    number of one of these kinds (as the digit rules check them: an ID's check digit, a card's Luhn sum), so
    two numbers read one after the other are two. Remembered per text: an agent's turn with digits or ID words
    (「身份证号前六位」, 「1024 号」) is asked again in every call that has it."""
    found = _SPOKEN_SEEN.get(folded)
    if found is None:
        if len(_SPOKEN_SEEN) > 5_000:
            _SPOKEN_SEEN.clear()
        found = _SPOKEN_SEEN[folded] = tuple(_numbers_in_words(folded))
    return found


_SPOKEN_SEEN: dict[str, tuple[tuple[int, int, str], ...]] = {}


def _numbers_in_words(folded: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    size = len(folded)
    for run in SPOKEN_RUN.finditer(folded):
        start, end = run.span()
        if end < size and folded[end] in "xX叉" and not (end + 1 < size and folded[end + 1] in _LETTERS):
            end += 1  # an ID number's last character
        said = folded[start:end]
        if said.isascii() or _NOT_PERSONAL.search(folded, max(0, start - 12), start):
            continue  # digits alone are the digit rules' to find
        groups = [(g.start(), g.end(), g.group().translate(_TO_DIGITS)) for g in _GROUP.finditer(said)]
        i = 0
        while i < len(groups):
            best = None
            joined = ""
            for j in range(i, len(groups)):
                if j > i and groups[j][0] - groups[j - 1][1] > 2:
                    break  # more than two separators: another number, or none
                joined += groups[j][2]
                if len(joined) > 19 or "X" in joined[:-1]:
                    break
                kind = _kind(joined)
                if kind:
                    best = (j, kind)
            if best is None:
                i += 1
                continue
            j, kind = best
            found.append((start + groups[i][0], start + groups[j][1], kind))
            i = j + 1
    return found


_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _kind(digits: str) -> str:
    if len(digits) == 18 and digits[0] != "0" and digits[:17].isdigit() and id_valid(digits):
        return "id"
    if not digits.isdigit():
        return ""
    if len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789":
        return "mobile"
    if 16 <= len(digits) <= 19 and luhn(digits):
        return "card"
    return ""


def wanted(text: str, ctx) -> bool:
    """Whether a text may hold a number or an ID word: asked line by line, each distinct line once (nothing
    it looks for spans a line break, and a team's lines recur from script to script), or read from the
    free-form file's line marks."""
    marks = ctx.view.marks
    if marks is not None:
        return bool(marks & PERSONAL)
    if ctx.spoken_numerals and SPOKEN_RUN.search(text) is not None:
        return True
    return any_line(text.split("\n"), _SEEN, may_hold)


_SEEN: dict[str, bool] = {}


def may_name_id(text: str) -> bool:
    """Substring tests (a regex scan costs several times more) that accept whatever ID_WORDS does."""
    return "身份" in text or "证件" in text or "證件" in text


def may_hold(text: str) -> bool:
    return may_name_id(text) or DIGITS.search(text) is not None


def check(u: Utterance, ctx: Context) -> Iterable[Problem]:
    text = u.text
    has_digits = DIGITS.search(text) is not None
    if not has_digits and ID_WORDS.search(text) is None:
        if ctx.spoken_numerals and u.agent:
            yield from _spoken(u, ctx, [])
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
    if ctx.spoken_numerals and u.agent:
        yield from _spoken(u, ctx, taken)
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


_SPOKEN_KINDS = {
    "id": ("身份证号（校验位正确）", "示例请写成 110101********1234"),
    "mobile": ("手机号", "示例请写成 138****5678"),
    "card": ("银行卡号（Luhn 校验正确）", "示例请写成 6222 **** **** 1234"),
}


def _spoken(u: Utterance, ctx: Context, taken: list[tuple[int, int]]) -> Iterable[Problem]:
    """The numbers `spoken_numbers` finds in an agent's words, said as the digit ones are."""
    for start, end, kind in spoken_numbers(u.folded):
        if not _inside((start, end), taken):
            what, example = _SPOKEN_KINDS[kind]
            yield ctx.problem(ID, u, start, end, SCRIPT_HAS + what, ctx.severity(ID), example)


def _inside(span, taken) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)
