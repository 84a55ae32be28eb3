"""The one place QA calls into the linter's element and phrase detection.

The linter's detection is being reworked on another branch; everything QA needs from it goes through
`Bridge.findings`, so that rework changes this module only. A call's turns are handed to the linter as a
free-form call whose utterances stand on lines 1…n (the turn's index + 1), and the findings come back as
(turn index, rule, message, severity, character range).
"""

from __future__ import annotations

from dataclasses import dataclass

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
    """A linter engine for one project, reused for every call."""

    def __init__(self, project):
        from huifang.lint.config import LintConfig
        from huifang.lint.engine import Engine
        from huifang.lint.rules import RULES

        config = LintConfig.from_settings(project.config.lint)
        self.engine = Engine(project, config, [r for r in RULES if r.ID in LINE_RULES + CALL_RULES])
        self.project = project

    def findings(self, turns: list[Turn], org, asks: frozenset[int] | set[int] = frozenset()) -> list[LintHit]:
        """The linter's findings on a call's turns; `asks`: indexes of turns that ask a script question
        (where the opening ends)."""
        from huifang.lint.utterance import CUSTOMER, CallView, Utterance

        utterances = []
        for i, t in enumerate(turns):
            u = Utterance(t.text, AGENT if t.role == AGENT else CUSTOMER, "<call>", i + 1, 1, 0, ask=i in asks)
            if t.folded:
                u._folded, u._norm = t.folded, t.norm  # worked out once per call by prepare()
            utterances.append(u)
        view = CallView("<call>", "<call>", (1, 1), [("", utterances)], org=org, freeform=True,
                        text="\n".join(t.text for t in turns))
        out = []
        for p in self.engine.lint_view(view):
            index = max(0, min(p.line - 1, len(turns) - 1))
            start = max(0, p.column - 1)
            end = p.end_column - 1 if p.end_line == p.line and p.end_column > p.column else start
            out.append(LintHit(index, p.rule, _for_a_call(p.message), p.severity, start, end))
        return out


def _for_a_call(message: str) -> str:
    """A script's path name means nothing in a recording: "路径「主流程」结束时…" → "通话结束时…"."""
    if message.startswith("路径「"):
        cut = message.find("」", 3)
        if cut > 0 and message[cut + 1:].startswith("结束时"):
            return "通话" + message[cut + 1:]
    return message


def prepare(turns: list[Turn]) -> None:
    """Set `folded` and `norm` of every turn with one pass over the whole call (two C calls, not 2 × turns)."""
    from huifang.lint.normalize import drop_in_lines, fold

    folded = fold("\n".join(t.text for t in turns)).split("\n")
    dropped = drop_in_lines("\n".join(folded)).split("\n")
    if len(folded) != len(turns) or len(dropped) != len(turns):  # a text with a line break of its own
        for t in turns:
            t.folded = fold(t.text)
            t.norm = normalize(t.text)
        return
    for t, f, d in zip(turns, folded, dropped):
        t.folded, t.norm = f, d


def normalize(text: str) -> str:
    """The linter's comparison form: Simplified, half-width, lower case, no spaces or punctuation."""
    from huifang.lint.normalize import normalize as norm
    return norm(text)
