"""What the linter reads: utterances (one turn of speech each) and calls (paths of utterances).

A YAML script and a free-form .md/.txt file both become a `CallView`, so every rule is written once.
Each utterance knows how to turn an offset in its text into (line, column) of its own file.
"""

from __future__ import annotations

from huifang.lint.normalize import drop, fold

TYPE_CHECKING = False
if TYPE_CHECKING:  # the checker knows dataclasses; records makes the same classes faster
    from dataclasses import dataclass, field

    from huifang.lint.readings import Readings
    from huifang.model import Org
else:
    from huifang.records import dataclass, field


AGENT, CUSTOMER, NOTE, UNKNOWN = "agent", "customer", "note", "unknown"
SOFT_BREAK = "soft-break"  # Utterance.kind of two lines of one free-form paragraph (lint/freeform.py)


class Utterance:
    __slots__ = (
        "text",
        "speaker",
        "file",
        "line",
        "col",
        "base",
        "origin",
        "ask",
        "key",
        "kind",
        "agent",
        "folded",
        "normalized",
    )

    def __init__(
        self,
        text: str,
        speaker: str,
        file: str,
        line: int = 1,
        col: int = 1,
        base: int = 0,
        origin=None,
        ask: bool = False,
        key: str | None = None,
        kind: str = "",
        folded: str | None = None,
        norm: str | None = None,
    ):
        self.text = text
        self.speaker = speaker
        self.file = file
        self.line = line  # free-form: the line the text is on (it never spans lines)
        self.col = col  # free-form: column of text[0]
        self.base = base  # free-form: character offset of text[0] in the file
        self.origin = origin  # YAML: the model.Text it came from
        self.ask = ask  # a question of the call (not small talk)
        self.key = key  # question id, for duplicate detection
        self.kind = kind  # "org" when composed from the organisation profile, else ""
        self.agent = speaker == AGENT
        # Simplified, half-width, lower case; same length and positions as `text`. Worked out here unless the
        # reader knows it (a line read before): a plain slot, where a lazy property cost a Python call on each
        # of the ≈ 30 reads a free-form turn gets from the rules.
        self.folded: str = fold(text) if folded is None else folded
        # `folded` without spaces and punctuation: what phrases and questions are compared on (a slot likewise)
        self.normalized: str = drop(self.folded) if norm is None else norm

    def where(self, offset: int = 0) -> tuple[int, int]:
        """1-based (line, column in characters) of `offset` in the original file."""
        if self.origin is not None:
            return self.origin.where(offset)
        return self.line, self.col + offset

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        line, col = self.where(start)
        if end <= start:
            return line, col, line, col
        end_line, end_col = self.where(end - 1)
        return line, col, end_line, end_col + 1

    def source_range(self, start: int, end: int, source: str) -> tuple[int, int] | None:
        """Character range in the file text holding exactly text[start:end], or None when it is not
        written there contiguously (escapes, folded lines): such a spot is suggested, never rewritten."""
        if self.origin is None:
            a, b = self.base + start, self.base + end
        else:
            offsets = self.origin.source_offsets()
            if not offsets or end > len(offsets):
                return None
            a, b = offsets[start], offsets[end - 1] + 1
        if source[a:b] != self.text[start:end]:
            return None
        return a, b


class Part(Utterance):
    """A part of a free-form utterance (`standards._part`: a long paragraph's closing, a closing turn after its last
    question, a turn without the customer's thanks a story tells), whose normalised form is worked out when first
    read rather than when the part is made. The closing's readings make parts of the turns they read and read only
    their folded text: a part of each new closing turn cost a `drop` of it that nothing read (bench/README qa Round
    38). What is read is `drop(folded)`, as `Utterance` gives it; every other field is set as `Utterance` sets it
    (tests/lint/test_utterance_part.py compares every slot)."""

    __slots__ = ()

    def __init__(
        self,
        text: str,
        speaker: str,
        file: str,
        line: int,
        col: int,
        base: int,
        origin,
        ask: bool,
        key: str | None,
        kind: str,
        folded: str,
    ):
        # Utterance.__init__'s fields but `normalized`, set here: its `normalized = …` would go through the property
        self.text = text
        self.speaker = speaker
        self.file = file
        self.line = line
        self.col = col
        self.base = base
        self.origin = origin
        self.ask = ask
        self.key = key
        self.kind = kind
        self.agent = speaker == AGENT
        self.folded = folded

    @property  # type: ignore[override]
    def normalized(self) -> str:
        try:
            return _NORMALIZED.__get__(self, Part)
        except AttributeError:  # not read yet
            value = drop(self.folded)
            _NORMALIZED.__set__(self, value)
            return value

    @normalized.setter
    def normalized(self, value: str) -> None:
        _NORMALIZED.__set__(self, value)


_NORMALIZED = Utterance.__dict__["normalized"]  # the slot itself, under the property


@dataclass(eq=False)
class CallView:
    """One call as the rules see it."""

    id: str
    file: str  # where call-level findings go when no turn fits
    anchor: tuple[int, int]
    paths: list[tuple[str, list[Utterance]]]
    extras: list[Utterance] = field(default_factory=list)  # read aloud but on no path (follow-up questions)
    org: Org | None = None
    freeform: bool = False
    no_phrases: bool = False  # set when a whole-file pre-screen found no phrase at all
    phrase_lines: set | None = None  # free-form: the only lines where a phrase may be (whole-file pre-screen)
    text: str = ""  # free-form: the whole file, for cheap whole-file pre-screens
    unknown_speakers: dict = field(default_factory=dict)  # free-form: unknown label → its first utterance
    inferred_agent: str = ""  # free-form: the unknown label taken as the agent's (it greets and introduces)
    inferred_points: tuple = ()  # its points and the runner-up's when a diariser's id was taken by its words
    kind: str = "outbound"  # the kind of contact: outbound, inbound, face, message
    unknown_kind: tuple = ()  # free-form: (line, column, end column, value) of a declared kind it does not know
    whole: list | None = None  # free-form: every turn in file order, when marked branches split it into paths
    paths_total: int = 0  # how many paths the call has when `paths` lists only the first MAX_PATHS, else 0
    marks: int | None = None  # free-form: its lines' marks joined (lint/linemarks.py), None when not marked
    node_endings: tuple = ()  # free-form: a bank's alternative last lines, each a whole closing (branches.node_endings)
    readings: Readings | None = None  # free-form: pinyin readings taken out of `text` (lint/readings.py), or None

    def owns(self, u: Utterance) -> bool:
        """Written in the script itself or in its org profile (not a question borrowed from a bank)."""
        return u.file == self.file or u.kind == "org"

    def agent_turns(self, turns: list[Utterance]) -> list[Utterance]:
        """The agent's turns of one of this call's paths (several rules ask for them)."""
        cache = self.__dict__.get("_agents")
        if cache is None:
            cache = self.__dict__["_agents"] = {}
        found = cache.get(id(turns))
        if found is None:
            found = cache[id(turns)] = ([u for u in turns if u.agent], turns)
        return found[0]

    def utterances(self) -> list[Utterance]:
        if len(self.paths) == 1 and not self.extras:
            return self.paths[0][1]
        seen, out = set(), []
        for _, turns in self.paths:
            for u in turns:
                if id(u) not in seen:
                    seen.add(id(u))
                    out.append(u)
        for u in self.extras:
            if id(u) not in seen:
                seen.add(id(u))
                out.append(u)
        return out
