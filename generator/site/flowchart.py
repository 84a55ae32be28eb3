"""A Mermaid flow chart of a call, generated from the composed script."""

from __future__ import annotations

from huifang import model as m
from huifang.compose import Call
from huifang.site import speech
from huifang.site.escape import mermaid


def fill(text: str, org) -> str:
    return speech.fill(text, org, mark=lambda name: f"（{name}）")


MAX_NODES = 60
# Side by side, a branch's cases make a chart wider than a phone. These lines, comments for Mermaid, link the
# last box of one case to the first of the next with an invisible link; huifang.js turns them on for narrow
# screens, where the cases then stand one below the other (top to bottom) and the chart fits the column.
STACK = "%%hf-phone "
STACK_ALWAYS = 3  # three cases side by side are wider than a desktop column too: stacked on every screen
LABEL_LIMIT = 300  # whole sentences: Mermaid wraps them; only absurd lengths are cut
EDGE_LIMIT = 60  # a branch's answer (满意/不满意/一般, 情况一 …) is never cut


class Chart:
    def __init__(self, call: Call):
        self.call = call
        self.lines = ["flowchart TD"]
        self.count = 0
        self._questions: dict[str, str] | None = None

    def words(self, turn: m.Turn) -> str:
        text = turn.words
        value = fill(str(text), self.call.org) if text is not None else (turn.question_id or "")
        return ("问：" if turn.kind == "ask" else "") + value

    def node(self, label: str, shape: str = "box") -> str:
        self.count += 1
        ident = f"n{self.count}"
        text = mermaid(label, LABEL_LIMIT)
        opening, closing = {
            "box": ('["', '"]'),
            "round": ('("', '")'),
            "stadium": ('(["', '"])'),
            "decision": ('{"', '"}'),
        }[shape]
        self.lines.append(f"  {ident}{opening}{text}{closing}")
        return ident

    def stack(self, cases: list[tuple[int, int]]) -> None:
        """Each case (its first and last node number) below the one before it: on a phone, or everywhere
        when there are STACK_ALWAYS cases or more."""
        prefix = "" if len(cases) >= STACK_ALWAYS else STACK
        for (_, last), (first, _) in zip(cases, cases[1:]):
            self.lines.append(f"  {prefix}n{last} ~~~ n{first}")

    def case(self, build) -> tuple[list[tuple[str, str]], tuple[int, int] | None]:
        """Build one case of a branch; its ends and (first, last) node numbers, None if it drew nothing."""
        first = self.count + 1
        ends = build()
        return ends, ((first, self.count) if self.count >= first else None)

    def link(self, ends: list[tuple[str, str]], target: str) -> None:
        for source, label in ends:
            arrow = f'-->|"{mermaid(label, EDGE_LIMIT)}"|' if label else "-->"
            self.lines.append(f"  {source} {arrow} {target}")

    def turns(self, turns: list[m.Turn], ends: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Consecutive spoken lines become one box; every question gets its own box."""
        group: list[m.Turn] = []

        def flush(ends):
            if not group:
                return ends
            label = self.words(group[0]) + (f"（共 {len(group)} 句）" if len(group) > 1 else "")
            target = self.node(label)
            self.link(ends, target)
            group.clear()
            return [(target, "")]

        for turn in turns:
            if self.count >= MAX_NODES:
                break
            if turn.kind == "ask":
                ends = flush(ends)
                target = self.node(self.words(turn), "round")
                self.link(ends, target)
                ends = [(target, "")]
            elif turn.kind != "note":
                group.append(turn)
        return flush(ends)

    def steps(self, steps: list, ends: list[tuple[str, str]]) -> list[tuple[str, str]]:
        pending: list[m.Turn] = []
        for step in steps:
            if self.count >= MAX_NODES:
                break
            if (
                isinstance(step, m.Branch)
                and pending
                and pending[-1].kind == "ask"
                and pending[-1].question_id == step.question_id
            ):
                pending.pop()  # the question just asked is the decision's own box
            if isinstance(step, (m.Branch, m.Close)):
                ends = self.turns(pending, ends)
                pending = []
            if isinstance(step, m.Branch):
                question = step.question_id or ""
                decision = self.node(question and self.call_question(question) or "视客户情况", "decision")
                self.link(ends, decision)
                ends = []
                drawn = []
                for label, case in step.cases.items():
                    case_ends, span = self.case(lambda: self.steps(case, [(decision, label)]))  # noqa: B023
                    ends += case_ends
                    drawn += [span] if span else []
                self.stack(drawn)
            elif isinstance(step, m.Close):
                ends = self.turns(step.turns, ends)
                stop = self.node("结束通话", "stadium")
                self.link(ends, stop)
                ends = []
            else:
                pending.append(step)
        return self.turns(pending, ends)

    def call_question(self, ident: str) -> str:
        if self._questions is None:  # every path of the call is walked once, not once per branch
            self._questions = {}
            for turn in self.call.all_turns():
                if turn.question is not None:
                    self._questions.setdefault(turn.question.id, "问：" + fill(str(turn.question.text), self.call.org))
        return self._questions.get(ident, ident)

    def render(self) -> str:
        call = self.call
        start = self.node("开始回访", "stadium")
        ends = self.turns(call.opening, [(start, "")])
        if call.convenience:
            decision = self.node(fill(str(call.convenience.ask), call.org), "decision")
            self.link(ends, decision)
            first = self.count + 1
            no_ends = self.turns(call.convenience.no, [(decision, "不方便")])
            stop = self.node("约时间后结束", "stadium")
            self.link(no_ends, stop)
            ends, span = self.case(lambda: self.turns(call.convenience.yes, [(decision, "方便")]))
            self.stack([(first, self.count if span is None else span[0] - 1)] + ([span] if span else []))
        ends = self.steps(call.body, ends)
        if ends and call.closings:
            if len(call.closings) > 1:
                drawn = []
                for label, turns in call.closings.items():
                    ends_label = [(source, label) for source, _ in ends]
                    _, span = self.case(lambda: self.link(self.turns(turns, ends_label), self.node("结束", "stadium")))  # noqa: B023
                    drawn += [span] if span else []
                self.stack(drawn)
                return "\n".join(self.lines) + "\n"
            (turns,) = call.closings.values()
            ends = self.turns(turns, ends)
        if ends:
            self.link(ends, self.node("结束", "stadium"))
        return "\n".join(self.lines) + "\n"


def render_chart(call: Call) -> str:
    return Chart(call).render()
