"""The one place QA calls into the linter's element and phrase detection.

The linter's detection is being reworked on another branch; everything QA needs from it goes through
`Bridge.findings`, so that rework changes this module only. A call's turns are handed to the linter as a
free-form call whose utterances stand on lines 1…n (the turn's index + 1), and the findings come back as
(turn index, rule, message, severity, character range).
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from huifang.lint.linemarks import CLOSING, OPENINGS, PERSONAL, REORDERED
from huifang.lint.mention import heads_taboos
from huifang.lint.normalize import _DROP
from huifang.lint.normalize import normalize as _normalize
from huifang.lint.rules import forbidden_phrase, personal_data
from huifang.lint.standards import labelled_words, names_closing, numbered_start
from huifang.lint.utterance import CUSTOMER, CallView, Utterance
from huifang.qa.call import AGENT, Turn

# The linter's rules that make sense on what was actually said (placeholders, estimated length and
# repeated questions are about a script's text, not a recording).
LINE_RULES = ("forbidden-phrase", "personal-data")
CALL_RULES = ("missing-greeting", "greeting-not-first", "missing-closing")


@dataclass(frozen=True, slots=True)
class LintHit:
    turn: int  # index into the turns given
    rule: str
    message: str
    severity: str
    start: int = 0
    end: int = 0


class Bridge:
    """The linter's engines for one project, reused for every call: one for the rules on each turn, run on
    the turns where they may find something; one for the rules on the call as a whole, run on every turn."""

    def __init__(self, project):
        from huifang.lint.config import LintConfig
        from huifang.lint.engine import Engine
        from huifang.lint.rules import RULES

        config = LintConfig.from_settings(project.config.lint)
        self.lines = Engine(project, config, [r for r in RULES if r.ID in LINE_RULES])
        self.engine = Engine(project, config, [r for r in RULES if r.ID in CALL_RULES])
        self.engine.ctx.screen_openings = False  # same answers, fewer instructions on a call's new turns
        self.engine.ctx.share_canonical = False  # the same: a call's turns seldom pay for their canonical form
        self.lines.ctx.spoken_numerals = True  # ASR without inverse text normalisation writes numbers in words
        self.project = project
        self._wanted = {r.ID for r in self.lines.line_rules}
        self._screens_enough = not self._wanted - {forbidden_phrase.ID, personal_data.ID}  # else every turn
        self._order = forbidden_phrase._word_order(self.lines.ctx)
        self._screened: dict[str, int] = {}  # a turn's text → its screens (`_screen`)
        self._taboo: dict[str, bool] = {}  # a turn's text → whether a line of it heads a taboo section
        self._held = self._held_by(self._wanted)

    def findings(self, turns: list[Turn], org, asks: frozenset[int] | set[int] = frozenset()) -> list[LintHit]:
        """The linter's findings on a call's turns; `asks`: indexes of turns that ask a script question
        (where the opening ends).

        The call's rules (opening and closing elements) read only the agent's turns (`CallView.agent_turns`),
        so their view holds only those; the line rules get the turns they may find something on, the
        customer's among them (personal data). An utterance is made only for a turn some view holds.

        The rules' pre-screens are asked of each turn once per distinct text for the run (`_screen`), in the
        same walk that gathers the agent's utterances: none of them matches across a line break, so what they
        answer for the whole call is what they answer for its turns (`_survey`, `_marks`)."""
        made, phrase_lines, keep, marks = self._survey(turns, asks)
        agent = list(made.values())
        text = "\n".join([t.text for t in turns])
        view = CallView("<call>", "<call>", (1, 1), [("", agent)], org=org, freeform=True, text=text, marks=marks)
        found = self.engine.lint_view(view)
        if self.lines.line_rules:
            chosen = keep if marks is not None and self._screens_enough else None
            held = []
            screened = self._screened
            for index in range(len(turns)) if chosen is None else chosen:
                u = made.get(index)
                if u is None:
                    u = made[index] = self._utterance(turns[index], index, asks)
                if chosen is None or screened.get(u.text, _ASKED_PHRASE) & _ASKED_PHRASE:
                    u = _placed(u, turns, index)  # a phrase may be found in it: whose words it is reads its line
                held.append(u)
            lines = CallView("<call>", "<call>", (1, 1), [("", held)], org=org, freeform=True, text=text, marks=marks)
            if marks is not None:
                lines.phrase_lines, lines.no_phrases = phrase_lines, not phrase_lines
                if (phrase_lines or marks & REORDERED) and self._no_taboo_heading(turns):
                    forbidden_phrase.no_taboo_lines(lines)  # else its whole-text searches at the first phrase
            found.extend(self.lines.lint_view(lines))
        out = []
        for p in found:
            index = max(0, min(p.line - 1, len(turns) - 1))
            start = max(0, p.column - 1)
            end = p.end_column - 1 if p.end_line == p.line and p.end_column > p.column else start
            out.append(LintHit(index, p.rule, _for_a_call(p.message), p.severity, start, end))
        return out

    def _survey(self, turns: list[Turn], asks) -> tuple[dict[int, Utterance], set[int], list[int], int | None]:
        """One walk over the turns: (the agent's utterances by turn index, the 1-based lines in which the phrase
        automaton finds something, the indexes of the turns the line rules may find something on, the call's
        marks); the last three only when every turn is prepared (marks None: the rules ask their own
        pre-screens, on every turn)."""
        made: dict[int, Utterance] = {}
        memo = _UTTERANCES
        screened = self._screened
        prepared = True
        every = agents = 0  # the turns' screens OR-ed: all turns', the agent's
        phrase_lines: set[int] = set()
        keep: list[int] = []  # the turns the line rules may find something on, in order
        held_any, held_agent = self._held
        for index, t in enumerate(turns):
            text = t.text
            if t.role == AGENT:
                key = (text, index, index in asks)
                u = memo.get(key)
                if u is None:
                    if len(memo) > SEEN_LIMIT:
                        memo.clear()
                    u = memo[key] = self._utterance(t, index, asks)
                made[index] = u
                if not (prepared and t.folded):
                    prepared = False
                    continue
                bits = screened.get(text)
                if bits is None or not bits & _ASKED_AGENT:
                    bits = self._screen(t, bits, True)
                agents |= bits
                if bits & held_agent:
                    keep.append(index)
            else:
                if not (prepared and t.folded):
                    prepared = False
                    continue
                bits = screened.get(text)
                if bits is None:
                    bits = self._screen(t, None, False)
                every |= bits
                if bits & held_any:
                    keep.append(index)
            if bits & _PHRASE:
                phrase_lines.add(index + 1)
        return (
            made,
            phrase_lines,
            keep,
            self._marks(every | agents, agents, turns[0].text if turns else "") if prepared else None,
        )

    def _no_taboo_heading(self, turns: list[Turn]) -> bool:
        """Whether no line of the call's text heads a section of words not to say (`mention.heads_taboos` of each
        turn, remembered per text; the text is the turns joined by line breaks): forbidden-phrase's
        `taboo_lines` of it is then empty, which it otherwise works out with two searches of the whole text
        (≈ 140 k instructions a call that has a phrase). Asked only of a call in which a phrase may be found."""
        seen = self._taboo
        for t in turns:
            text = t.text
            heads = seen.get(text)
            if heads is None:
                if len(seen) > SEEN_LIMIT:
                    seen.clear()
                heads = seen[text] = heads_taboos(text)
            if heads:
                return False
        return True

    @staticmethod
    def _utterance(t: Turn, index: int, asks) -> Utterance:
        folded = t.folded  # worked out once per call by texts.prepare()
        role = AGENT if t.role == AGENT else CUSTOMER
        return Utterance(
            t.text,
            role,
            "<call>",
            index + 1,
            1,
            0,
            None,
            index in asks,
            None,
            "",
            folded or None,
            t.norm if folded else None,
        )

    def _screen(self, t: Turn, bits: int | None, agent: bool) -> int:
        """A prepared turn's answers to the rules' pre-screens, as bits (remembered by its text, which its
        folded and normalised forms are made from): the phrase automaton finds something in it (`_PHRASE`);
        a run of digits or the words for an ID number, where personal-data looks (`_PERSONAL_AT`); what
        `personal_data.may_hold` accepts (`_PERSONAL`); a colon, as a labelled alternative opening
        has (`_LABELLED`); and, asked only of an agent's turn, a first word of a
        phrase said in another order (`_REORDERED`), a closing marker (`_CLOSING`) or a run of numerals said in
        words, where personal-data looks in the agent's words alone (`_SPOKEN`)."""
        text = t.text
        # An agent's turn is looked at for numerals said in words first: where SPOKEN_RUN finds nothing in the
        # folded text, DIGITS finds nothing in the text either (its digits, spaces and dashes are among
        # SPOKEN_RUN's characters, and folding only makes full-width digits ASCII: tests/qa/test_bridge.py), so
        # the turn costs one scan of its characters, as before.
        spoken = personal_data.SPOKEN_RUN.search(t.folded) is not None if agent else None
        if bits is None:
            bits = _PHRASE if self.lines.ctx.matcher.any(t.norm) else 0
            # may_hold accepts whatever DIGITS or ID_WORDS finds (tests/qa/test_bridge.py): a text it refuses,
            # most of them, needs neither scan
            if spoken is False:
                if personal_data.may_name_id(text):  # may_hold less its DIGITS
                    bits |= _PERSONAL
                    if personal_data.ID_WORDS.search(text) is not None:
                        bits |= _PERSONAL_AT
            elif personal_data.may_hold(text):
                bits |= _PERSONAL
                if personal_data.DIGITS.search(text) is not None or personal_data.ID_WORDS.search(text) is not None:
                    bits |= _PERSONAL_AT
            if labelled_words(text):
                bits |= _LABELLED
        if agent:
            bits |= _ASKED_AGENT
            order = self._order
            if order and order.maybe(t.folded):
                bits |= _REORDERED
            if names_closing(t.folded):
                bits |= _CLOSING
            if spoken:
                bits |= _SPOKEN
        screened = self._screened
        if len(screened) > SEEN_LIMIT and text not in screened:
            screened.clear()
        screened[text] = bits
        return bits

    @staticmethod
    def _marks(every: int, agents: int, first: str) -> int:
        """The line marks the linter's free-form reader gives a file (`lint/linemarks.py`), for the call, from
        the turns' screens OR-ed (`every`: all turns', `agents`: the agent's): personal data or a colon in any
        turn, a forbidden statement in another order, a closing marker or numerals said in words in the agent's,
        and a numbered start of
        the call's `first` line. (Every utterance the bridge makes starts at the call text's first character,
        so that line's start is the only one `standards._alternatives` reads.) Every other mark stays set
        (-1 has every bit): a set mark only sends a rule to its own test, so a mark the linter adds later
        costs this nothing in correctness."""
        marks = -1
        if not (every & _PERSONAL or agents & _SPOKEN):
            marks &= ~PERSONAL
        if not every & _LABELLED and first and not numbered_start(first):
            marks &= ~OPENINGS
        if not agents & _REORDERED:
            marks &= ~REORDERED
        if not agents & _CLOSING:
            marks &= ~CLOSING
        return marks

    @staticmethod
    def _held_by(wanted: set[str]) -> tuple[int, int]:
        """The screens that put a turn (a customer's, an agent's) among those the line rules are run on:
        forbidden-phrase looks only at turns where the phrase automaton found something and at the agent's
        turns with a first word of a phrase said in another order; personal-data only at turns with a run of
        digits or the words for an ID number, and at the agent's turns with numerals said in words. A turn left out
        is one on which neither rule would have found anything, so the findings are the same as on every turn."""
        anyone = (_PHRASE if forbidden_phrase.ID in wanted else 0) | (_PERSONAL_AT if personal_data.ID in wanted else 0)
        agent = (_REORDERED if forbidden_phrase.ID in wanted else 0) | (_SPOKEN if personal_data.ID in wanted else 0)
        return anyone, anyone | agent


def _placed(u: Utterance, turns: list[Turn], index: int) -> Utterance:
    """`u` (the utterance of `turns[index]`) at its own place in the call's text (the turns joined by line
    breaks; it is the whole line): what forbidden-phrase reads of the text around a phrase it found (whose words
    the line is, by the line itself and the one before it; a story's quotes) is then its own line's, not the
    call's first line's. The utterances the bridge remembers between calls stand at 0, since a turn's place
    changes from call to call; only a turn in which a phrase may be found is placed (`_ASKED_PHRASE`)."""
    base = sum(map(len, map(_TEXT, turns[:index]))) + index
    if u.base == base:
        return u
    return Utterance(u.text, u.speaker, u.file, u.line, 1, base, None, u.ask, u.key, u.kind, u.folded, u.normalized)


def _for_a_call(message: str) -> str:
    """A script's path name means nothing in a recording: "路径「主流程」结束时…" → "通话结束时…"."""
    if message.startswith("路径「"):
        cut = message.find("」", 3)
        if cut > 0 and message[cut + 1 :].startswith("结束时"):
            return "通话" + message[cut + 1 :]
    return message


# A turn's screens (`Bridge._screen`), as bits.
_PHRASE, _PERSONAL_AT, _PERSONAL, _REORDERED, _CLOSING, _ASKED_AGENT, _LABELLED, _SPOKEN = (1 << n for n in range(8))
_ASKED_PHRASE = _PHRASE | _REORDERED  # a turn's screens where forbidden-phrase may find something
_TEXT = attrgetter("text")
SEEN_LIMIT = 5_000  # distinct turn texts remembered per run (≈ 3 MB at most), then forgotten all at once
# An agent turn's utterance by (text, index, asks a question): the rules never change an utterance, so one made
# for an earlier call serves every call with that line at that place (most of a day's calls: 74 % of agent
# turns on the `--vary` bench corpus, 97 % on the default one), and making one is most of the bridge's own work.
_UTTERANCES: dict[tuple[str, int, bool], Utterance] = {}


def normalize(text: str) -> str:
    """The linter's comparison form: Simplified, half-width, lower case, no spaces or punctuation."""
    return _normalize(text)


def pieces(folded: str) -> list[str]:
    """A folded text cut where `normalize` drops something (spaces, punctuation): its clauses, which recur
    from call to call more than whole turns do (a turn with the customer's own name in it still has the
    script's other clauses). Joined, they are the turn's normalised form unless a character above U+FFFF
    was dropped; the caller compares."""
    return list(filter(None, _BREAKS.split(folded)))


_BREAKS = _DROP  # the runs of characters `normalize` drops from a folded text (those of the BMP)
