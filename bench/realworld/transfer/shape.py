"""Round 23 (lintacc28), first change as it was transfer-tested: the shape of a line (generator/lint/shape.py on
branch lintacc28, not landed: its source is SHAPE below). In a line whose frame around its quotes speaks to nobody
and reads as prose (a rule book's text, a story's narration), only the quotes are the agent's words, each read
alone, less a quote the frame gives to the customer or the public; `standards.find_elements` looks for elements
(but gongsi) only there.

Run by first_sight.py in an export of old code: python shape.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

SHAPE = '''"""The shape of a line: which of its words the agent says on the call, for element detection.

A free-form line is read as the agent's, but a line that quotes speech inside other text holds two kinds of words:
the quotes, and the frame around them. The frame is the agent's words when it reads as speech: it speaks to
someone (您, 你, 大家, a greeting, a welcome, thanks, a goodbye, 请问), or it is short (a label or a number before the
quote: 「开场白：“…”」, 「2、“…”」), or it is a name with nothing of prose in it (「臺中市政府衛生局『您好!…』」). A frame
of six Han characters or more that speaks to nobody and reads as prose (a rule's 应/须/时, a narration's 说/地/了/着,
a third person) is a rule book's text around its example lines (「回座致谢。短暂离开归位后，对客户的理解配合表示
感谢：“…”」) or a story's narration around what people said (「…收费员小吴正在值班。一客户打来电话：“…”」): nobody's
words on the call. In such a line:

- only the quotes are said, and an element is looked for in each quote alone, never across the frame
  (「…备注姓名——“李奶奶女儿”。她微笑着接起：“您好…」 names no customer);
- a quote the frame gives to someone else is not the agent's either: its clause starts with the customer or the
  public and ends with a verb of speaking (「客户打来电话感激地说：“…太谢谢了”」; not an occasion or a rule:
  「顾客进门时说：“…”」, 「向客户说：“…”」);

A line without quotes, or whose frame is speech, is said whole, as before. `said(folded)` gives the ranges of a
line's folded text that are said (None: all of it); `standards.find_elements` looks for an element only there,
except the elements of `ANYWHERE`: the organisation that calls counts wherever the file names it (the labels
count a report's 「张先生接到了…中心的回访电话」 as the centre named).
"""

from __future__ import annotations

from huifang import regexcache

OPENERS = {"“": "”", "「": "」", "『": "』", '"': '"'}
CLOSERS = frozenset("”」』")
ANY_QUOTE = regexcache.compile(r"[“”「」『』\\"]")
# The frame speaks to someone: a second person, a group addressed, a greeting (「您好」 is in it), a welcome, a
# thanks, a goodbye or a polite question said outright (「欢迎光临“…酒店”，请问几位？」).
SPEECH = regexcache.compile(r"您|你|咱|大家|各位|早上好|上午好|中午好|下午好|晚上好|早安|欢迎|请问|谢谢|再见|打扰|麻烦")
HAN = regexcache.compile(r"[\\u4e00-\\u9fff]")
# What makes a frame prose rather than a name or a label before the quote (「臺中市政府衛生局『您好!…』」 is said):
# a rule's modal or occasion (应, 须, 时), a narration's verb or particle (说, 地, 了, 着), a third person, a
# rule book's words for wordings (用语, 例如).
PROSE_CUE = regexcache.compile(
    r"应|要|须|需|必须|务必|注意|主动|不得|不可|可以|时|后|说|道|问|地|了|着|他|她|客户|顾客|用户|对方|人员|员工|"
    r"患者|市民|用语|礼貌|例如|比如|如:|如：|如,|如，"
)
# A frame this many characters of Han or more, speaking to nobody, is prose; shorter is a label or a number.
PROSE = 6
# Someone else than the agent speaking the quote that follows: the clause right before it starts with them and
# ends with a verb of speaking (「…,客户打来电话感激地说:“…”」; not 「…在确保用户没有…后礼貌地说:」, nor an
# occasion or a rule: 「顾客进门时说：“…”」, 「客户挂机前要说」, 「向客户说」).
OTHERS = (
    r"客户|顾客|用户|市民|患者|病人|家属|业主|来电人|来电者|居民|村民|乘客|旅客|车主|屋主|主人|群众|消费者|"
    r"老人|大爷|大妈|阿姨|老太|奶奶|爷爷|大姐|大哥|大叔|老伯|网友|记者"
)
SAYS = (
    r"说|问|道|答|讲|喊|叫|嚷|吼|骂|称|表示|回复|回应|回答|指责|质问|反问|追问|抱怨|道谢|致谢|感谢|感激|"
    r"嘟囔|念叨|强调|解释|提醒|告诉"
)
SAID_BY_OTHER = regexcache.compile(
    r"(?:^|[，,。！!？?；;:： ])(?:"
    + OTHERS
    + r")[^，,。！!？?；;时前后要应需须请向对给]{0,16}?(?:"
    + SAYS
    + r")(?:着|了|道)?[ \\t]*[:：,，]?[ \\t]*$"
)
# Elements looked for in the whole line whatever its shape.
ANYWHERE = frozenset({"gongsi"})
_CACHE: dict[str, tuple[tuple[int, int], ...] | None] = {}


def quotes(text: str) -> list[tuple[int, int]]:
    """The inside of each quote of one line: (start, end) after the opener and before the closer. A quote still
    open at the line's end runs to it; a closer with no opener on the line closes a quote opened on a line
    before, which runs from the line's start."""
    out: list[tuple[int, int]] = []
    opened = -1
    closer = ""
    for index, char in enumerate(text):
        if opened < 0:
            if char in OPENERS:
                opened, closer = index + 1, OPENERS[char]
            elif char in CLOSERS and not out:
                out.append((0, index))
        elif char == closer:
            out.append((opened, index))
            opened = -1
    if opened >= 0:
        out.append((opened, len(text)))
    return out


def _frame(text: str, inside: list[tuple[int, int]]) -> str:
    parts, last = [], 0
    for start, end in inside:
        parts.append(text[last : max(start - 1, last)])
        last = end + 1
    parts.append(text[last:])
    return "\\n".join(parts)


def said(text: str) -> tuple[tuple[int, int], ...] | None:
    """The ranges of a line (its folded text) that the agent says: None when all of it is."""
    if ANY_QUOTE.search(text) is None:
        return None
    if text in _CACHE:
        return _CACHE[text]
    found = _said(text)
    if len(_CACHE) > 4096:
        _CACHE.clear()
    _CACHE[text] = found
    return found


def _said(text: str) -> tuple[tuple[int, int], ...] | None:
    inside = [(start, end) for start, end in quotes(text) if end > start]
    if not inside:
        return None
    frame = _frame(text, inside)
    if SPEECH.search(frame) is not None or len(HAN.findall(frame)) < PROSE or PROSE_CUE.search(frame) is None:
        return None
    out = []
    last = 0
    for start, end in inside:
        before = text[last : max(start - 1, 0)]
        last = end + 1
        if SAID_BY_OTHER.search(before) is not None:
            continue
        out.append((start, end))
    return tuple(out)


def search(detector, text: str, ranges: tuple[tuple[int, int], ...]) -> tuple[int, int] | None:
    """The detector's first hit in one of the ranges, each read alone."""
    for start, end in ranges:
        span = detector.search(text[start:end])
        if span is not None:
            return start + span[0], start + span[1]
    return None
'''

root = Path(sys.argv[1])
source = SHAPE
if not (root / "generator/regexcache.py").exists():
    source = source.replace("from huifang import regexcache", "import re as regexcache")
(root / "generator/lint/shape.py").write_text(source, encoding="utf-8")

path = root / "generator/lint/standards.py"
text = path.read_text(encoding="utf-8")
old = """            span = detector.search(u.folded)
            if span is not None:
"""
new = """            span = detector.search(u.folded)
            if span is not None:
                from huifang.lint import shape as _shape

                ranges = None if element.id in _shape.ANYWHERE else _shape.said(u.folded)
                if ranges is not None:
                    span = _shape.search(detector, u.folded, ranges)
                    if span is None:
                        continue
"""
assert text.count(old) == 1, "no place to apply the change"
path.write_text(text.replace(old, new), encoding="utf-8")
