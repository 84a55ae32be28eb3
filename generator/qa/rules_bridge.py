"""The one place QA calls into the linter's element and phrase detection.

The linter's detection is being reworked on another branch; everything QA needs from it goes through
`Bridge.findings`, so that rework changes this module only. A call's turns are handed to the linter as a
free-form call whose utterances stand on lines 1…n (the turn's index + 1), and the findings come back as
(turn index, rule, message, severity, character range).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from huifang.lint.linemarks import CLOSING, PERSONAL, REORDERED
from huifang.lint.normalize import drop_in_lines, fold
from huifang.lint.normalize import normalize as _normalize
from huifang.lint.rules import forbidden_phrase, personal_data
from huifang.lint.standards import names_closing
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
        self.project = project

    def findings(self, turns: list[Turn], org, asks: frozenset[int] | set[int] = frozenset()) -> list[LintHit]:
        """The linter's findings on a call's turns; `asks`: indexes of turns that ask a script question
        (where the opening ends).

        The call's rules (opening and closing elements) read only the agent's turns (`CallView.agent_turns`),
        so their view holds only those; the line rules get the turns they may find something on, the
        customer's among them (personal data). An utterance is made only for a turn some view holds."""
        made: dict[int, Utterance] = {}
        prepared = True
        memo = _UTTERANCES
        for index, t in enumerate(turns):
            if not t.folded:
                prepared = False
            if t.role == AGENT:
                key = (t.text, index, index in asks)
                u = memo.get(key)
                if u is None:
                    if len(memo) > SEEN_LIMIT:
                        memo.clear()
                    u = memo[key] = self._utterance(t, index, asks)
                made[index] = u
        agent = list(made.values())
        text = "\n".join([t.text for t in turns])
        phrase_lines = marks = None
        if prepared:  # the free-form pre-screens: one pass each over the whole call
            phrase_lines = self.lines.ctx.matcher.lines("\n".join([t.norm for t in turns]))
            marks = self._marks(text, "\n".join([t.folded for t in turns if t.role == AGENT]))
        view = CallView("<call>", "<call>", (1, 1), [("", agent)], org=org, freeform=True, text=text, marks=marks)
        found = self.engine.lint_view(view)
        if self.lines.line_rules:
            chosen = self._may_find(turns, text, phrase_lines, marks)
            held = []
            for index in range(len(turns)) if chosen is None else chosen:
                u = made.get(index)
                if u is None:
                    u = made[index] = self._utterance(turns[index], index, asks)
                held.append(u)
            lines = CallView("<call>", "<call>", (1, 1), [("", held)], org=org, freeform=True, text=text, marks=marks)
            if phrase_lines is not None:
                lines.phrase_lines, lines.no_phrases = phrase_lines, not phrase_lines
            found.extend(self.lines.lint_view(lines))
        out = []
        for p in found:
            index = max(0, min(p.line - 1, len(turns) - 1))
            start = max(0, p.column - 1)
            end = p.end_column - 1 if p.end_line == p.line and p.end_column > p.column else start
            out.append(LintHit(index, p.rule, _for_a_call(p.message), p.severity, start, end))
        return out

    @staticmethod
    def _utterance(t: Turn, index: int, asks) -> Utterance:
        folded = t.folded  # worked out once per call by prepare()
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

    def _marks(self, text: str, agent_words: str) -> int:
        """The line marks the linter's free-form reader gives a file (`lint/linemarks.py`), for the call: three
        marks' tests asked once of the call's text (`text`: every turn as said; `agent_words`: the agent's
        turns folded; both joined by line breaks, which none of the tests matches across, so the answer for
        the whole is the OR of the turns'). The rules then read a bit where they would ask their pre-screens
        turn by turn: personal data in any turn, a forbidden statement in another order or a closing marker
        in the agent's. Every other mark stays set (-1 has every bit): a set mark only sends a rule to its own
        test, so a mark the linter adds later costs this nothing in correctness."""
        marks = -1
        if not personal_data.may_hold(text):
            marks &= ~PERSONAL
        order = forbidden_phrase._word_order(self.lines.ctx)
        if not (order and order.maybe(agent_words)):
            marks &= ~REORDERED
        if not names_closing(agent_words):
            marks &= ~CLOSING
        return marks

    def _may_find(
        self, turns: list[Turn], text: str, phrase_lines: set[int] | None, marks: int | None
    ) -> list[int] | None:
        """Indexes of the turns on which the line rules may find anything, by the rules' own first tests
        run once over the whole call (`text`: the turns joined by line breaks); None: every turn.

        forbidden-phrase looks only at the agent's turns where the phrase automaton found something
        (`phrase_lines`) or where a first word of a phrase said in another order occurs; personal-data only
        at turns with a run of digits or the words for an ID number. A turn left out is one on which
        neither rule would have found anything, so the findings are the same as on every turn. `marks`: the
        call's (`_marks`), set whenever `phrase_lines` is."""
        wanted = {r.ID for r in self.lines.line_rules}
        if phrase_lines is None or marks is None or wanted - {forbidden_phrase.ID, personal_data.ID}:
            return None
        keep: set[int] = set()
        if forbidden_phrase.ID in wanted:
            keep.update(line - 1 for line in phrase_lines)
            order = forbidden_phrase._word_order(self.lines.ctx)
            if marks & REORDERED:  # order.maybe of the agent's words joined
                keep.update(i for i, t in enumerate(turns) if t.role == AGENT and order.maybe(t.folded))
        if personal_data.ID in wanted:
            found = [m.start() for p in (personal_data.DIGITS, personal_data.ID_WORDS) for m in p.finditer(text)]
            if found and text.count("\n") == len(turns) - 1:  # no turn has a line break of its own: a hit's
                keep.update(text.count("\n", 0, at) for at in found)  # turn is the line breaks before it
            elif found:
                starts, at = [], 0
                for t in turns:
                    starts.append(at)
                    at += len(t.text) + 1
                keep.update(bisect_right(starts, pos) - 1 for pos in found)  # neither pattern matches a line break
        return sorted(keep)


def _for_a_call(message: str) -> str:
    """A script's path name means nothing in a recording: "路径「主流程」结束时…" → "通话结束时…"."""
    if message.startswith("路径「"):
        cut = message.find("」", 3)
        if cut > 0 and message[cut + 1 :].startswith("结束时"):
            return "通话" + message[cut + 1 :]
    return message


SEEN_LIMIT = 5_000  # distinct turn texts remembered per run (≈ 3 MB at most), then forgotten all at once
_SEEN: dict[str, tuple[str, str]] = {}  # turn text → (folded, norm): a pure function of the text
# An agent turn's utterance by (text, index, asks a question): the rules never change an utterance, so one made
# for an earlier call serves every call with that line at that place (most of a day's calls: 74 % of agent
# turns on the `--vary` bench corpus, 97 % on the default one), and making one is most of the bridge's own work.
_UTTERANCES: dict[tuple[str, int, bool], Utterance] = {}


def prepare(turns: list[Turn]) -> None:
    """Set `folded` and `norm` of every turn: remembered per distinct text for the run (an agent reads the
    same script lines in call after call, and short answers recur), the others worked out with one pass over
    them joined (two C calls, not 2 × turns)."""
    seen = _SEEN
    new = []
    for t in turns:
        known = seen.get(t.text)
        if known is None:
            new.append(t)
        else:
            t.folded, t.norm = known
    if not new:
        return
    if len(seen) > SEEN_LIMIT:
        seen.clear()
    whole = fold("\n".join([t.text for t in new]))  # fold keeps every character's place, line breaks too
    folded = whole.split("\n")
    dropped = drop_in_lines(whole).split("\n")
    if len(folded) != len(new) or len(dropped) != len(new):  # a text with a line break of its own
        for t in new:
            t.folded = fold(t.text)
            t.norm = normalize(t.text)  # drops the line break too (a turn without one: the same as above)
            seen[t.text] = (t.folded, t.norm)
        return
    for t, f, d in zip(new, folded, dropped):
        t.folded, t.norm = seen[t.text] = (f, d)


def normalize(text: str) -> str:
    """The linter's comparison form: Simplified, half-width, lower case, no spaces or punctuation."""
    return _normalize(text)
