"""Were the script's questions asked? By meaning, in any order, on the path the call actually took.

A question counts as asked when its words (placeholders left out), or one of the paraphrases the question
bank lists for it, occur in what the agent said: exactly, or close enough by rapidfuzz's partial ratio (the
best-matching stretch of the agent's words), or, failing those, when one agent turn says enough of its content
words in any order (function words and fillers such as 请问/您/吗/吧/还/这次 left out on both sides: `content`).
Questions whose compliance wording is required (`compliance: true`) must be read nearly word for word, and are
never scored by content words. Runs offline on CPU; nothing is downloaded.

The path: when the customer answered the convenience check with 不方便 (or 没空, 在开车…), the call took the
不方便 branch and no question was due. Among the other paths (分红型 vs 万能型…) the one whose questions were
asked the most is taken; a tie goes to the path with fewer questions (the benefit of the doubt).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from codecs import charmap_build, charmap_encode
from collections import Counter
from dataclasses import dataclass, field

from huifang.compose import PLACEHOLDER, compose, fill
from huifang.qa.call import AGENT, CUSTOMER, TYPE_CHECKING, Turn
from huifang.qa.rules_bridge import normalize

if TYPE_CHECKING:
    from _codecs import _EncodingMap

    from huifang.model import Org

try:
    import msgspec
except ImportError:  # an environment not installed again since msgspec became a dependency (see call.py)
    msgspec = None  # type: ignore[assignment]

MATCH = 0.75  # share of a question's clauses said (fuzzy per clause) for it to count as asked
COMPLIANCE = 0.85  # …for wording that must be read as written (ASR mishears some 5–10 % of characters)
CLAUSE_MATCH = 0.75  # share of one clause's characters said, in order, for it to count
NOT_CONVENIENT = re.compile(
    r"不方便|不太方便|没空|没时间|在忙|正忙|很忙|开会|开车|在上班|不行|晚点|晚些|稍后|回头再|改天"
)
NOT_CONVENIENT_LABEL = "不方便"


@dataclass(eq=False)
class Expected:
    id: str
    text: str  # as the trainee reads it (org placeholders filled)
    keys: tuple[str, ...]  # normalised wordings that count: the question and its paraphrases
    compliance: bool = False
    clauses: tuple = ()  # per wording: ((alternative, …), …) normalised, for a question said in other words
    weighted: tuple = ()  # per wording: (total weight, ((weight, alternatives), …)): see _weighted
    content: tuple = ()  # per wording long enough: (its content words, their character pairs): see `content`

    def __post_init__(self):
        if not self.weighted:
            self.weighted = _weighted(self.clauses)


@dataclass(eq=False)
class Plan:
    """What a script expects of a call: per path, the questions due."""

    script_id: str
    title: str
    org: Org | None
    convenience: bool
    paths: list[tuple[str, list[Expected]]]
    words: str = ""  # every agent line of the script, normalised: for finding the script of a call
    _cache: dict = field(default_factory=dict)
    narrow: Narrow | None = None  # its questions' characters on one byte each, when they are few enough

    def __post_init__(self):
        if self.narrow is None:
            self.narrow = Narrow.of([e for _, due in self.paths for e in due])


def plan_for(script, project) -> Plan:
    call, org, paths, spoken = _walk(script, project)
    made: dict[int, Expected] = {}
    due_by_path = []
    for label, questions in paths:
        due = []
        for question in questions:
            if id(question) not in made:
                made[id(question)] = _expected(question, org)
            due.append(made[id(question)])
        due_by_path.append((label, due))
    return Plan(script.id, script.title, org, call.convenience is not None, due_by_path, _words(spoken, org))


def script_words(script, project) -> str:
    """`plan_for(script, project).words` without working out the script's questions: all the script
    search needs of every script but the one it picks."""
    _, org, _, spoken = _walk(script, project)
    return _words(spoken, org)


def _walk(script, project) -> tuple:
    """(composed call, org, per path (label, its questions), every agent line said, in order)."""
    call = compose(script, project)
    org = call.org or project.orgs.get(project.config.default_org)
    paths = []
    spoken = []
    for label, turns in call.paths():
        questions = []
        for turn in turns:
            if turn.kind != "ask":
                if turn.kind == "say" and turn.text is not None:
                    spoken.append(turn.text.value)
                continue
            question = turn.question or project.questions.get(turn.question_id or "")
            if question is None:
                continue
            spoken.append(question.text.value)
            questions.append(question)
        paths.append((label, questions))
    return call, org, paths, spoken


def _words(spoken: list, org) -> str:
    return PLACEHOLDER.sub("", normalize(fill("".join(dict.fromkeys(spoken)), org)))


def _expected(question, org) -> Expected:
    wordings = []
    for raw in (question.text.value, *getattr(question, "paraphrases", ())):
        text = PLACEHOLDER.sub("，", fill(str(raw), org))  # what the agent fills in splits a clause
        wordings.append(ASIDE.sub("", text))
        wordings.extend(m.group(1) for m in ASIDE.finditer(text))  # "（或您身份证上的地址是哪里呢？）"
    keys = tuple(k for k in dict.fromkeys(normalize(w) for w in wordings) if k)
    clauses = tuple(c for c in (_clauses(w) for w in dict.fromkeys(wordings)) if c)
    ident = question.id if "#" not in question.id else question.id.split("#")[0]
    compliance = bool(getattr(question, "compliance", False))
    said = () if compliance else _content_keys(keys)  # wording to be read as written is not reworded
    return Expected(ident, fill(question.text.value, org), keys, compliance, clauses, content=said)


# Words that carry no meaning of their own in a question asked aloud: politeness (请问), pronouns (您, 我们),
# particles (吗, 呢, 吧, 的, 了), softeners and degree words (还, 都, 一下, 非常), opinion verbs (觉得, 感到),
# demonstratives (这次, 此次), question forms (是否, 有没有, 什么), conjunctions (和, 与, 跟), and 客户, the
# customer a label-style question names (客户对服务的意见), whom the agent calls 您. Dropped on both sides before
# the content score, so that 「这次服务您还满意吧」 and 「请问您对这次服务感到非常满意吗」 say the same thing.
FILLER = re.compile(
    "|".join(
        sorted(
            (
                "请问 请您 麻烦您 麻烦 一下 一些 这次 此次 这个 那个 这边 那边 我们 咱们 你们 觉得 感到 感觉 认为 "
                "非常 特别 比较 是否 有没有 什么 哪些 已经 以及 客户 您 你 我 吗 呢 吧 啊 呀 嘛 哦 的 了 还 都 也 很 挺 "
                "对 请 和 与 跟"
            ).split(),
            key=len,
            reverse=True,
        )
    )
)
A_NOT_A = re.compile(r"(.{1,2})不\1")  # 满意不满意 → 满意, 会不会 → 会
CONTENT_MIN = 3  # content characters a wording needs for the content score (two character pairs)
_CONTENT: dict[str, str] = {}  # an agent turn's normalised words → its content words


def content(text: str) -> str:
    """Normalised text without its function words and fillers (`FILLER`), 「A不A」 said once."""
    return FILLER.sub("", A_NOT_A.sub(r"\1", text))


def _content_keys(keys: tuple) -> tuple:
    out = []
    for key in dict.fromkeys(content(k) for k in keys):
        if len(key) >= CONTENT_MIN:
            out.append((key, tuple(dict.fromkeys(key[i : i + 2] for i in range(len(key) - 1)))))
    return tuple(out)


def _turn_content(part: str) -> str:
    got = _CONTENT.get(part)
    if got is None:
        if len(_CONTENT) > 5_000:
            _CONTENT.clear()
        got = _CONTENT[part] = content(part)
    return got


def content_share(pairs: tuple, said: str, span: int) -> float:
    """Share of a wording's content character pairs found in `said` (one turn's content words), in any
    order but all within `span` characters: a question asked with its words moved about, not words of it
    scattered over a long turn."""
    found = []
    for n, pair in enumerate(pairs):
        at = said.find(pair)
        while at >= 0:
            found.append((at, n))
            at = said.find(pair, at + 1)
    if not found:
        return 0.0
    found.sort()
    counts: Counter[int] = Counter()
    best, left = 0, 0
    for at, n in found:
        counts[n] += 1
        while found[left][0] < at - span:
            m = found[left][1]
            counts[m] -= 1
            if not counts[m]:
                del counts[m]
            left += 1
        best = max(best, len(counts))
    return best / len(pairs)


ASIDE = re.compile(r"[（(]\s*或?([^（）()]{2,})[）)]")
CLAUSE = re.compile(r"[，。？！；：、,.?!;:\s…—]+")


def _weighted(clauses: tuple) -> tuple:
    """Each clause's weight (the mean length of its alternatives) and each wording's total, summed in the
    order the matching used to sum them, worked out once per question instead of once per call."""
    out = []
    for wording in clauses:
        total = 0.0
        parts = []
        for options in wording:
            weight = sum(len(o) for o in options) / len(options)
            total += weight
            parts.append((weight, options))
        out.append((total, tuple(parts)))
    return tuple(out)


def _clauses(wording: str) -> tuple:
    """The wording's clauses, each as its alternatives ("电话销售人员/银行网点销售人员" → two)."""
    out = []
    for clause in CLAUSE.split(wording):
        options = tuple(o for o in (normalize(x) for x in clause.split("/")) if o)
        if options:
            out.append(options)
    return tuple(out)


if TYPE_CHECKING or msgspec is not None:

    class Asked(msgspec.Struct, frozen=True):
        """A frozen msgspec struct: made in C, ≈ 1,400 instructions against ≈ 6,100 for the frozen slotted
        dataclass below (each field set through `object.__setattr__`), some 13 a call."""

        expected: Expected
        turn: int | None  # index into the call's turns where it was asked, None when it was not
        score: float

else:

    @dataclass(frozen=True, slots=True)
    class Asked:
        expected: Expected
        turn: int | None
        score: float


@dataclass
class Outcome:
    path: str
    asked: list[Asked]

    @property
    def missing(self) -> list[Asked]:
        return [a for a in self.asked if a.turn is None]


class AgentText:
    """The agent's words joined and normalised, with a map from a character back to its turn."""

    def __init__(self, turns: list[Turn]):
        parts: list[str] = []  # per agent turn, its normalised words (the script search reads them too)
        starts: list[int] = []  # where each begins in `text`
        owners: list[int] = []  # its index in the call's turns
        at = 0
        for i, t in enumerate(turns):
            if t.role == AGENT:
                norm = t.norm or normalize(t.text)
                parts.append(norm)
                starts.append(at)
                owners.append(i)
                at += len(norm)
        self.text = "".join(parts)
        self.parts, self.starts, self.turns = parts, starts, owners
        self.wide = parts  # the turns' words as said (`NarrowText`: before narrowing)

    def could_cover(self, key: str, share: float) -> bool:
        """Whether `coverage` could reach `share` for `key`: it counts key characters found in order in
        the text, so no more than the key's characters that occur in the text at all (a cheap upper bound
        that spares most fuzzy searches for questions the call never came near)."""
        return self.present(key) / len(key) >= share  # as coverage divides

    def present(self, key: str) -> int:
        """The key's characters that occur in the text, counted as often as the key has them. Each distinct
        key character is looked up in the text itself (one C search each): a set of the text's characters
        made a string object per character of the call (≈ 30 µs a call for the ten keys asked about,
        against ≈ 15)."""
        text = self.text
        return sum([n for ch, n in _distinct(key) if ch in text])

    def turn_at(self, offset: int) -> int:
        return self.turns[max(0, bisect_right(self.starts, offset) - 1)]


_DISTINCT: dict[str, tuple] = {}  # key → ((character, how often the key has it), …): keys come from the plans


def _distinct(key: str) -> tuple:
    found = _DISTINCT.get(key)
    if found is None:
        if len(_DISTINCT) > 10_000:
            _DISTINCT.clear()
        found = _DISTINCT[key] = tuple(Counter(key).items())
    return found


def find(expected: Expected, agent: AgentText) -> tuple[int | None, float]:
    """(turn index, share of the question said) where it was asked, or (None, best share).

    Fast path: the whole wording occurs as it is. Otherwise each clause is looked for (exactly, then by
    rapidfuzz partial ratio); the question counts as asked when enough of its clauses, by length, were said,
    or else when enough of the whole wording was said in order. The clauses come first: whichever asks, the
    turn is the same in the bench corpus's 2,000 calls, and the whole wording (a long key's alignment over
    the agent's text) is then rarely searched.
    """
    fuzz = _fuzz()
    text = agent.text
    if not text:
        return None, 0.0
    for key in expected.keys:
        if key in text:  # `in` first: `str.find` parses its arguments (≈ 1.5 k instructions more a search)
            return agent.turn_at(text.find(key)), 1.0
    needed = COMPLIANCE if expected.compliance else MATCH
    exact = _clause_share(expected, agent, None)  # every clause looked up as written: cheap
    if exact[0] >= needed:
        return exact[1], exact[0]
    share, turn = _clause_share(expected, agent, fuzz)
    if share >= needed:
        return turn, share
    best_turn, best = None, max(exact[0], share)
    for key in expected.keys:  # the wording as a whole, some words changed, left out or added
        if len(key) >= 4 and agent.could_cover(key, needed):
            whole, at = coverage(key, text, fuzz)
            if whole >= needed and whole > best:
                best, best_turn = whole, agent.turn_at(at)
    if best_turn is None and expected.content:
        found, share = _by_content(expected, agent, needed)
        if found is not None:
            return found, share
    return best_turn, best


def _by_content(expected: Expected, agent: AgentText, needed: float) -> tuple[int | None, float]:
    """(turn, share) of the agent turn that said enough of a wording's content words, in any order, fillers
    and function words left out on both sides (`content`), or (None, 0.0)."""
    best, best_turn = 0.0, None
    for key, pairs in expected.content:  # `key` narrowed with the text (`Narrow`), `pairs` never
        if not agent.could_cover(key, needed):  # each pair found has both its characters said
            continue
        span = 2 * len(key)
        for part, turn in zip(agent.wide, agent.turns):
            share = content_share(pairs, _turn_content(part), span)
            if share >= needed and share > best:
                best, best_turn = share, turn
    return best_turn, best


def coverage(key: str, text: str, fuzz) -> tuple[float, int]:
    """(share of the key's characters said in order near its best match, the middle of that match).

    Partial ratio finds where the wording was most likely said; the share is then the longest common
    subsequence of the key and a window a little longer than it (the agent's filled-in names and ASR's
    inserted characters widen it) divided by the key's length: robust to words added, dropped or misheard.
    The match's middle, not its start, names the turn: a match often begins in the turn before (the 的 of a
    filler 「嗯，好的」, the end of the question asked before).
    """
    hit = fuzz.partial_ratio_alignment(key, text, score_cutoff=40)
    if hit is None:
        return 0.0, 0
    start = max(0, hit.dest_start - len(key) // 4)
    window = text[start : hit.dest_start + len(key) + len(key) // 2]
    return _lcs().similarity(key, window) / len(key), (hit.dest_start + hit.dest_end) // 2


_RAPIDFUZZ: list = []  # (fuzz, LCSseq), imported on first use: an import statement in a per-question function costs


def _fuzz():
    if not _RAPIDFUZZ:
        from rapidfuzz import fuzz
        from rapidfuzz.distance import LCSseq

        _RAPIDFUZZ.extend((fuzz, LCSseq))
    return _RAPIDFUZZ[0]


def _lcs():
    if not _RAPIDFUZZ:
        _fuzz()
    return _RAPIDFUZZ[1]


def _clause_share(expected: Expected, agent: AgentText, fuzz) -> tuple[float, int | None]:
    """(best share of a wording's clauses said, turn of its longest clause said); `fuzz` None: exact only.
    A clause said as written is looked for with `in`, and where it was said (`str.find`, which parses its
    arguments: ≈ 1.5 k instructions a search more) only for the longest of a wording that counts."""
    text = agent.text
    best, best_turn = 0.0, None
    for total, clauses in expected.weighted:
        said = 0.0
        anchor: int | str | None = None  # where the longest clause said was found, or its option said as written
        anchor_len = 0.0
        for weight, options in clauses:
            got, where = 0.0, None
            for option in options:  # an alternative said as written wins whatever the fuzzy search finds
                if option in text:
                    got, where = 1.0, option
                    break
            else:
                if fuzz is not None:
                    for option in options:
                        if len(option) >= 4 and agent.could_cover(option, CLAUSE_MATCH):
                            share, at = coverage(option, text, fuzz)
                            if share >= CLAUSE_MATCH and share > got:
                                got, where = share, at
            said += weight * got
            if where is not None and weight > anchor_len:
                anchor, anchor_len = where, weight
        share = said / total if total else 0.0
        if share > best:
            if isinstance(anchor, str):
                anchor = text.find(anchor)  # its first place, as the search said
            best, best_turn = share, agent.turn_at(anchor) if anchor is not None else None
    return best, best_turn


def took_not_convenient(turns: list[Turn]) -> bool:
    """The customer's first answer after the agent asked whether it is convenient was 不方便."""
    for i, t in enumerate(turns):
        if t.role == AGENT and "方便" in t.text:
            reply = next((u for u in turns[i + 1 :] if u.role == CUSTOMER), None)
            if reply is None:
                return False
            nxt = turns.index(reply)
            later_agent = next((u for u in turns[i + 1 : nxt] if u.role == AGENT and "方便" in u.text), None)
            if later_agent is not None:
                continue
            return NOT_CONVENIENT.search(reply.text) is not None
    return False


def judge(plan: Plan, turns: list[Turn], agent: AgentText | None = None) -> Outcome:
    """`agent`: the call's `AgentText` when the caller has made it already (the script search reads it too).

    The questions are searched for in the plan's narrow alphabet (`Narrow`) when it has one: the same turns
    and shares, found in text of one byte a character."""
    if agent is None:
        agent = AgentText(turns)
    narrow = plan.narrow
    if narrow is not None:
        agent = narrow.agent(agent)
    found: dict[int, Asked] = {}
    candidates = plan.paths
    if plan.convenience:
        declined = took_not_convenient(turns)
        chosen = [p for p in candidates if (p[0] == NOT_CONVENIENT_LABEL) == declined]
        candidates = chosen or candidates

    def ask(e: Expected) -> Asked:
        a = found.get(id(e))
        if a is None:
            turn, score = find(narrow.expected[id(e)] if narrow is not None else e, agent)
            a = found[id(e)] = Asked(e, turn, score)
        return a

    def was_asked(e: Expected) -> bool:
        if id(e) not in found:
            if narrow is not None:
                if not narrow.could_be_asked(narrow.expected[id(e)], agent):
                    return False
            elif not could_be_asked(e, agent):
                return False
        return ask(e).turn is not None

    best = None
    for label, due in candidates:
        if best is not None and _cannot_win(due, found, best[0], was_asked):
            continue
        asked = [ask(e) for e in due]
        hits = sum(a.turn is not None for a in asked)
        rank = (hits, -len(asked))
        if best is None or rank > best[0]:
            best = (rank, label, asked)
    if best is None:
        return Outcome("", [])
    return Outcome(best[1], best[2])


def _cannot_win(due: list[Expected], found: dict[int, Asked], best: tuple[int, int], was_asked) -> bool:
    """Whether a path cannot outrank `best` (hits, -questions) whatever its questions not yet looked for
    find: those already looked for (on an earlier path) count first, then the others are looked for one
    by one (`was_asked`: `could_be_asked` first) until the path could still win (False) or no longer can (True). A path that cannot win is never
    the outcome, so its questions left unsearched change nothing: in a 分红型 call the 万能型 path's second
    question is not searched once its first was not asked."""
    hits, pending = 0, []
    for e in due:
        a = found.get(id(e))
        if a is None:
            pending.append(e)
        elif a.turn is not None:
            hits += 1
    # (most, size) > best as the tuples compare, in two int comparisons each: a tuple made and compared is
    # ≈ 150 instructions, and a call asks this ≈ 150 times
    top, fewest = best
    size = -len(due)
    left = len(pending)
    for e in pending:
        if not (hits + left > top or (hits + left == top and size > fewest)):
            return True
        hits += was_asked(e)
        left -= 1
    return not (hits > top or (hits == top and size > fewest))


def could_be_asked(expected: Expected, agent: AgentText) -> bool:
    """Whether `find` could count the question as asked: no wording's characters said often enough
    (`could_cover`) and no wording's clauses, each at most the share of its characters said, reaching the
    needed share (summed in `_clause_share`'s order, so never below its sum) means `find` returns no turn.
    In a 分红型 call this spares the 万能型 question 费用扣除 its search, which `_cannot_win` asks for."""
    needed = COMPLIANCE if expected.compliance else MATCH
    for key in expected.keys:
        if not key or agent.could_cover(key, needed):
            return True
    present = agent.present
    for total, clauses in expected.weighted:
        said = 0.0
        for weight, options in clauses:
            said += weight * max([present(o) / len(o) for o in options])
        if (said / total if total else 0.0) >= needed:
            return True
    for key, _ in expected.content:  # `_by_content` searches no further than this either
        if agent.could_cover(key, needed):
            return True
    return False


class Narrow:
    """A plan's question characters mapped one to one onto code points 1–255 and every other character onto
    0, for the searches: a key occurs exactly where its narrowed form occurs in the narrowed text (a
    character of a key is equal to a character of the text exactly when their narrowed forms are, and 0 is
    no key's), and every match counted (partial ratio, longest common subsequence) is one of equal characters,
    so `find` gives the same turns and shares. Text of code points below 256 takes CPython's one-byte string
    searches and rapidfuzz's table instead of its hash map (a fuzzy search 2–3× faster). Each distinct turn is
    narrowed once for the run (`narrowed`).

    A turn is narrowed by a charmap codec: `codecs.charmap_encode` with the questions' characters as an
    `EncodingMap` (C lookups in a three-level table) writes each of them as its byte and every other character
    as the byte of "?" (its "replace"), which one `bytes.translate` makes 0, then Latin-1 decoding gives the
    text: ≈ 60 instructions a character, where `str.translate` with a table of 65,536 bytes made an int and
    asked the table for each (≈ 180). Both give the same text but for a character above U+FFFF, which the
    table left as it is and the codec makes 0: no key has either, so every search finds the same (tests).
    Questions whose characters the codec cannot hold ("?" or NUL among them, 255 of them, or too spread for an
    `EncodingMap`) are narrowed by the table."""

    LIMIT = 255  # code points 1…255 for the questions' characters

    def __init__(self, table: bytes, expected: dict[int, Expected], codec: _EncodingMap | None = None):
        self.table = table
        self.expected = expected  # id of a plan's Expected → its narrowed copy
        self.seen: dict[str, str] = {}  # a turn's normalised words → narrowed
        self.codec = codec  # the questions' characters as an `EncodingMap` ("?" the byte 255), or None
        self.could: dict[tuple[int, bytes], bool] = {}  # (id of a narrowed question, bytes absent) → could_be_asked

    @classmethod
    def of(cls, questions: list[Expected]) -> Narrow | None:
        chars: set[str] = set()
        for e in questions:
            for key in e.keys:
                chars.update(key)
            for wording in e.clauses:
                for options in wording:
                    for option in options:
                        chars.update(option)
        if len(chars) > cls.LIMIT or any(ord(ch) > 0xFFFF for ch in chars):
            return None
        table = bytearray(0x10000)
        for code, ch in enumerate(sorted(chars), 1):
            table[ord(ch)] = code
        narrow = cls(bytes(table), {}, _codec(sorted(chars)))
        for e in questions:
            if id(e) not in narrow.expected:
                narrow.expected[id(e)] = narrow._expected(e)
        return narrow

    def _expected(self, e: Expected) -> Expected:
        table = self.table
        clauses = tuple(tuple(tuple(o.translate(table) for o in options) for options in w) for w in e.clauses)
        said = tuple((key.translate(table), pairs) for key, pairs in e.content)  # pairs are matched unnarrowed
        return Expected(e.id, e.text, tuple(k.translate(table) for k in e.keys), e.compliance, clauses, content=said)

    def agent(self, agent: AgentText) -> AgentText:
        """The agent's words narrowed, with the same map back to the turns."""
        seen, narrowed = self.seen, self.narrowed
        parts = []
        for part in agent.parts:
            got = seen.get(part)
            if got is None:
                if len(seen) > SEEN_LIMIT:
                    seen.clear()
                got = seen[part] = narrowed(part)
            parts.append(got)
        return NarrowText(agent, "".join(parts), parts)

    def could_be_asked(self, expected: Expected, agent: AgentText) -> bool:
        """`could_be_asked(expected, agent)` for one of this plan's narrowed questions, remembered per question and
        set of bytes the narrowed text does not have. The bound reads the text only through `present` (directly
        and by `could_cover`), and of a text of one byte a character `present` counts a key's characters whose
        byte it has: a function of that set alone (a character above U+00FF is in no such text). Calls of one
        path say most of the questions' characters and leave out the same few, so the set recurs (174 distinct
        in the 1,214 bounds asked of the 1,000-call `--vary` corpus): a lookup, where the bound asked `present`
        of every wording and clause (≈ 38 k instructions for 万能型's 费用扣除 in a 分红型 call)."""
        if not isinstance(agent, NarrowText) or agent.said is None:  # a character above U+FFFF left as it is
            return could_be_asked(expected, agent)  # (the table's narrowing): asked as it is
        said = agent.said
        absent = agent.absent
        if absent is None:
            absent = agent.absent = _EVERY_BYTE.translate(None, said)
        key = (id(expected), absent)  # `expected` is kept alive by `self.expected`: its id names it
        could = self.could
        got = could.get(key)
        if got is None:
            if len(could) > SEEN_LIMIT:
                could.clear()
            got = could[key] = could_be_asked(expected, agent)
        return got

    def narrowed(self, text: str) -> str:
        codec = self.codec
        if codec is None:
            return text.translate(self.table)
        return charmap_encode(text, "replace", codec)[0].translate(_REPLACED_TO_0).decode("latin-1")


REPLACED = 255  # the byte of "?", which the codec writes for every character not a question's


def _codec(chars: list[str]) -> _EncodingMap | None:
    """The questions' characters (in code order, 1…) as an `EncodingMap`, or None where it cannot be one."""
    if len(chars) >= REPLACED or "?" in chars or "\x00" in chars:
        return None
    table = ["\ufffe"] * 256  # unmapped
    table[0] = "\x00"  # the map is built only when byte 0 stands for U+0000
    table[1 : len(chars) + 1] = chars
    table[REPLACED] = "?"
    built = charmap_build("".join(table))
    return None if isinstance(built, dict) else built  # a dict: too spread for the C table, no faster


_REPLACED_TO_0 = bytes(range(REPLACED)) + bytes(256 - REPLACED)


class NarrowText(AgentText):
    """The agent's words narrowed (`Narrow.agent`); `present` asks its bytes once per key: the key's
    bytes with every byte the text does not have deleted (one C call, `bytes.translate`) are the key's
    characters the text has, counted as often as the key has them."""

    def __init__(self, agent: AgentText, text: str, parts: list[str]):
        self.text, self.parts, self.starts, self.turns = text, parts, agent.starts, agent.turns
        self.wide = agent.wide
        self.absent: bytes | None = None  # the bytes the text does not have, worked out at the first key
        try:
            self.said: bytes | None = text.encode("latin-1")
        except UnicodeEncodeError:  # a character above U+FFFF, left as it is
            self.said = None

    def present(self, key: str) -> int:
        said = self.said
        if said is None:
            return super().present(key)
        try:
            wanted = key.encode("latin-1")
        except UnicodeEncodeError:  # a key not narrowed
            return super().present(key)
        absent = self.absent
        if absent is None:  # `translate` builds its table from what it deletes: ≈ 75 bytes, not the ≈ 600 said
            absent = self.absent = _EVERY_BYTE.translate(None, said)
        return len(wanted.translate(None, absent))


_EVERY_BYTE = bytes(range(256))


SEEN_LIMIT = 5_000  # distinct narrowed turns remembered per plan (≈ 1 MB at most), then forgotten all at once
