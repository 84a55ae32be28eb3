"""Written Cantonese read as the Mandarin words the rule book is written in, character for character.

A Hong Kong call or script writes 我係…嘅訪問員 (我是…的访问员), 我哋/我地 (我们), 而家/依家 (现在), 咩 (啥; not a sheep's 咩咩): the same
elements in other words. Each word here has one Mandarin word of the same length, decided by the characters
around it only (so a line folded alone reads as it does inside its file). 係 is the copula in Cantonese and in
Taiwanese officialese (係指, 係由) alike; 關係, 維係, 聯係 and 係數 keep it. 地 is 们 only after 我/你/佢 and not
before the word it starts (我地址). 唔 is 不 only before a word: said alone it is Mandarin's hesitation (唔，好吧); 唔該 is left as
it is, a request or a thanks, said by either side.

Only a text that OpenCC's t2s changes is read (`normalize.fold` asks after the conversion): Cantonese is
written in Traditional characters, and a Simplified text costs nothing more.
"""

from __future__ import annotations

from huifang import regexcache

_WORDS = {
    "而家": "现在",
    "依家": "现在",
    "係": "是",
    "嘅": "的",
    "唔": "不",
    "喺": "在",
    "哋": "们",
    "地": "们",
    "嚟": "来",
    "咗": "了",
    "冇": "没",
    "佢": "他",
    "啲": "些",
    "搵": "找",
    "睇": "看",
    "嗰": "那",
    "咩": "啥",
}
SPOKEN = regexcache.compile(
    r"(?:而|依)家(?![長长人庭裡里中屬属鄉乡具電电政事務务族])"
    r"|(?<![關关維维聯联])係(?![數数])"
    r"|[嘅喺哋嚟咗冇佢啲搵睇嗰]|(?<!咩)咩(?!咩)"
    r"|唔(?=[\u4e00-\u9fff])(?![該该])"
    r"|(?<=[我你佢])地(?![址方區区圖图點点鐵铁下上產产板毯道面球位主盤盘帶带區域])"
)


def as_mandarin(original: str, converted: str) -> str:
    """`converted` (t2s of `original`, the same length) with the Cantonese words of `original` in Mandarin."""
    found = SPOKEN.search(original)
    if found is None:
        return converted
    out = list(converted)
    while found is not None:
        start = found.start()
        for offset, ch in enumerate(_WORDS[found.group()]):
            out[start + offset] = ch
        found = SPOKEN.search(original, found.end())
    return "".join(out)
