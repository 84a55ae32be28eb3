"""Whether the organisation gongsi found has a name (issue 12, round 29): a generic noun is not a company.

The written definition counts 报公司 only when the organisation is named: 「我是供电局的客户经理」, 「这里是疫情咨询热线
电话」, 「这边是信用卡客服中心给您来电」, 「您好！966为您服务」 name none (a kind of organisation, what a service is
about, the agent's number). gongsi's exclusions say so cue by cue (「我是…」, 「这里是…」, 「您好，…」 each with its own
list); this reads it once, for every way gongsi is found (each pattern and the slot): the organisation phrase around
the match — the matched words, the letters before them back to a 是 or a mark, the letters after them up to a mark or a
word that ends a name (的, 给, 为 …) — is taken apart into known words (the cues, greetings and pleasantries the patterns
hold, the kinds of organisation `GENERIC_ORG_WORDS`, the staff roles `STAFF_HEADS` and a few more, an agent's number
before 号 or 为您); a letter left over is a name. A placeholder (XX, ××, ***, 某某, ○○○, a bracketed field) is a name
written as a blank, as the labels count it; a written choice of names in brackets right after the cue
(「这里是(西门子/博世)家电客服中心」, Round 40) is read as part of the phrase, not as a mark that ends it. `names_one(folded, start, end)` is asked only where a match was found.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

# What a self-introduction says besides the organisation: cues, greetings and pleasantries, pronouns, 的 and the
# verbs of gongsi's patterns (欢迎致电, 感谢您选择 …).
SAID_AROUND = (
    "我们 我 咱们 咱 本 这里 这边 此 是 的 您好 你好 大家好 您 你 喂 欢迎 光临 咨询 来电 致电 拨打 参观 莅临 选择 联系 访问 "
    "感谢 谢谢 信任 使用 很高兴 高兴 为 给 号 工号 编号 "
    # roles the patterns name that are no head word of `STAFF_HEADS`
    "回访员 回访专员 工作人员 话务员 话务代表 接线员 信息员 客户经理 理财经理 大堂经理 坐席员 营业员"
).split()
# Marks that end the phrase: punctuation of both widths (folding keeps full-width ，！？： as they are), 、 and 。,
# quotes and brackets. Full-width marks were added by the lead after Round 29 was measured (bench/README.md, "Round 29").
# Spaces and slashes do not end it: 「(XX 處) XX 科」, 「○○處/室/系/所」 (alternatives side by side) are one phrase.
MARKS = frozenset(",.!?;:、。()[]【】“”「」『』\"'\n…—~|-，！？；：（）《》")
SKIPPED = frozenset(" \t/")
# Words after which a name does not go on (我们是龙岐社区居委会的网格员, 这边是信用卡客服中心给您来电).
ENDS_NAME = frozenset("的给为在和跟来向想对")
STOPS = MARKS | ENDS_NAME
# A blank for the name: the labels count a placeholder as the element said, a field's name too, in brackets or not
# (「[门店名称]」, 「问候须包括…,酒店名称,接线员的名字」).
# A variable in braces is one too: 「我是{公司}客服中心的回访专员」 (an org's own opening, its name filled in later).
BLANKS = frozenset("x×*〇○□某{")
FIELDS = ("名称", "名字", "全称")
# A hotline named by what it serves (城管热线为您服务) is what the two annotators of sets 5 and 6 disagreed on
# (organisation or generic noun?): kept as a name, as gongsi's patterns find it.
DISPUTED = frozenset(["热线"])
DIGITS = frozenset("0123456789")
REACH = 12
MASKS = 8


def names_one(folded: str, start: int, end: int) -> bool:
    """True when the organisation phrase around folded[start:end] holds a name (or a blank for one)."""
    left = start
    while left > 0 and start - left < REACH and folded[left - 1] not in MARKS and folded[left - 1] != "是":
        left -= 1
    right = end
    while right < len(folded) and right - end < REACH:
        if folded[right] in STOPS:
            choice = _choice(folded, right)
            if not choice:
                break
            right = choice
        right += 1
    if _bracketed(folded, left, right):
        return True
    phrase = folded[left:right]
    words, sizes = _words()
    i = 0
    n = len(phrase)
    while i < n:
        c = phrase[i]
        if c in MARKS or c in SKIPPED:
            i += 1
            continue
        if phrase.startswith(FIELDS, i):
            return True
        for size in sizes.get(c, ()):  # the longest known word starting here, tried only at its words' lengths
            if size <= n - i and phrase[i : i + size] in words:
                i += size
                break
        else:
            if c in BLANKS:
                return True
            if c not in DIGITS:
                return True
            j = i
            while j < n and phrase[j] in DIGITS:
                j += 1
            after = folded[left + j : left + j + 2]
            # the agent's number (966为您服务, 1059号) names no organisation; a hotline's number (12345) does
            if not (after[:1] == "号" or after in ("为您", "为你")):
                return True
            i = j
    return False


def next_named(search: Callable[[str], tuple[int, int] | None], text: str, found: tuple[int, int]):
    """After a match whose organisation has no name, the next one that has (each unnamed one masked with marks
    and the element searched again, so every pattern and the slot are tried past it), or None."""
    masked = text
    for _ in range(MASKS):
        start, end = found
        masked = masked[:start] + "," * (end - start) + masked[end:]
        again = search(masked)
        if again is None or names_one(text, *again):
            return again
        found = again
    return None


@cache
def _words() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """The known words, and per first character the lengths of the known words starting with it, longest first (a
    phrase's letter is matched against those lengths only, not every length up to the longest word's: ≈ 30 k
    instructions an organisation phrase, once per new introduction a QA call has)."""
    from huifang.lint.standards import GENERIC_ORG_WORDS, STAFF_HEADS

    words = frozenset((*SAID_AROUND, *GENERIC_ORG_WORDS, *STAFF_HEADS)) - DISPUTED - {""}
    sizes: dict[str, set[int]] = {}
    for word in words:
        sizes.setdefault(word[0], set()).add(len(word))
    return words, {first: tuple(sorted(found, reverse=True)) for first, found in sizes.items()}


def _choice(folded: str, at: int) -> int:
    """Where the written choice of names opened at `at` closes (「这里是(西门子/博世)家电客服中心」: a template lets the
    agent pick one, so each is the name), or 0 when no such choice opens there."""
    if folded[at] not in "(（":
        return 0
    close = folded.find(")" if folded[at] == "(" else "）", at + 1, at + 2 + REACH)
    if close < 0 or "/" not in folded[at + 1 : close]:
        return 0
    return close


def _bracketed(folded: str, left: int, right: int) -> bool:
    """A field written in brackets ([商家名称], {门店名称}, 【公司名称】, （公司名称）): a blank for the name."""
    return left > 0 and folded[left - 1] in "[{【(" and right < len(folded) and folded[right] in "]}】)"
