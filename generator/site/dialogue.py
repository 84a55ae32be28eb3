"""A composed call as a dialogue in Markdown: agent and customer lines look different, words to say
(原话) and points to cover in one's own words (要点) look different, every branch (方便/不方便,
满意/不满意, a branch's cases) becomes a row of content tabs opened by the customer's answer."""

from __future__ import annotations

from huifang import model as m
from huifang.citations import without_citations
from huifang.compose import Call, expand
from huifang.site import speech
from huifang.site.escape import attr, md, md_marked
from markupsafe import Markup

WHO = {
    "say": ("坐席", "hf-agent hf-verbatim"),
    "ask": ("坐席", "hf-agent hf-ask hf-verbatim"),
    "customer": ("客户", "hf-customer"),
    "note": ("提示", "hf-note"),
}
POINT = {
    "say": ("坐席 · 要点", "hf-agent hf-point", "用自己的话说到："),
    "ask": ("坐席 · 要点", "hf-agent hf-ask hf-point", "用自己的话问到："),
}
INDENT = "    "


class Dialogue:
    def __init__(self, call: Call, project: m.Project, link_question=None, points=frozenset()):
        self.call = call
        self.points = points  # ids of turns that are points whatever their wording (a generic call)
        self.project = project
        self.org = call.org
        self.link_question = link_question or (lambda q: None)
        self.lines: list[str] = []

    def text(self, value) -> Markup:
        return md_marked(speech.fill(str(value), self.org))

    def emit(self, depth: int, line: str = "") -> None:
        self.lines.append(INDENT * depth + line if line else "")

    def turn(self, turn: m.Turn, depth: int) -> None:
        who, css = WHO[turn.kind]
        lead = ""
        if turn.kind in POINT and (id(turn) in self.points or speech.is_point(turn)):
            who, css, lead = POINT[turn.kind]
        if turn.kind == "ask":
            question = turn.question
            words = self.text(question.text) if question else md(turn.question_id)
            extra = ""
            if question is not None:
                choices = "、".join(question.answer.choices)
                extra = f'<span class="hf-answer">答案：{md(question.answer.label)}'
                extra += f"（{md(choices)}）</span>" if choices and question.answer.type != "score" else "</span>"
                if question.follow_up:
                    extra += self.follow_up(question.follow_up)
            body = f'<span class="hf-words">{words}</span>{extra}'
        elif turn.kind == "note":
            body = self.text(without_citations(str(turn.text)))
        else:
            body = f'<span class="hf-words">{self.text(turn.text)}</span>'
        if lead:
            body = f'<span class="hf-lead">{lead}</span>{body}'
        self.emit(depth, f'<span class="hf-who">{who}</span> {body}')
        self.emit(depth, f"{{: .hf-turn .{css.replace(' ', ' .')} }}")
        self.emit(depth)

    def follow_up(self, fu: m.FollowUp) -> str:
        parts = [f"答「{md('/'.join(fu.when))}」时"]
        if fu.ask:
            parts.append(f"追问：{self.text(fu.ask)}")
        if fu.action:
            parts.append(f"处理：{self.text(fu.action)}")
        if fu.form:
            form = self.project.forms.get(fu.form)
            parts.append(f"填写《{md(form.title if form else fu.form)}》")
        return f'<span class="hf-follow">{"；".join(parts)}</span>'

    def reply(self, label: str, depth: int) -> None:
        """The customer's answer that opens a branch: the seed's own answer choice."""
        self.emit(depth, f'<span class="hf-who">客户</span> <span class="hf-words">{md(label)}</span>')
        self.emit(depth, "{: .hf-turn .hf-customer .hf-reply }")
        self.emit(depth)

    def tabs(self, cases: list[tuple[str, list, str]], depth: int, replies: bool = False) -> None:
        """cases: (label, items, kind) where kind says how to render the items."""
        for i, (label, items, kind) in enumerate(cases):
            self.emit(depth, f'==={"!" if i == 0 else ""} "{attr(label)}"')
            self.emit(depth)
            if replies:
                self.reply(label, depth + 1)
            if kind == "turns":
                self.turns(items, depth + 1)
            else:
                self.steps(items, depth + 1)
            if not items:
                self.emit(depth + 1, "（无）")
                self.emit(depth + 1)

    def turns(self, turns: list[m.Turn], depth: int) -> None:
        for turn in turns:
            self.turn(turn, depth)

    def end(self, depth: int, text: str) -> None:
        self.emit(depth, f'<span class="hf-end">{text}</span>')
        self.emit(depth, "{: .hf-turn .hf-stop }")
        self.emit(depth)

    def steps(self, steps: list, depth: int) -> None:
        asked = None  # the question just asked: a branch on it does not ask it again
        for step in steps:
            if isinstance(step, m.Branch):
                question = self.project.questions.get(step.question_id) if step.question_id else None
                if question is not None and step.question_id != asked:
                    self.turn(m.Turn("ask", question=question), depth)
                self.tabs(
                    [(label, case, "steps") for label, case in step.cases.items()], depth, replies=question is not None
                )
            elif isinstance(step, m.Close):
                self.turns(step.turns, depth)
                self.end(depth, "通话在此结束")
            else:
                self.turn(step, depth)
            asked = step.question_id if isinstance(step, m.Turn) and step.kind == "ask" else None

    def render(self) -> Markup:
        call = self.call
        self.turns(call.opening, 0)
        if call.convenience:
            conv = call.convenience
            self.turn(m.Turn("say", conv.ask, speech=conv.speech), 0)
            self.emit(0, '===! "方便"')
            self.emit(0)
            self.reply("方便", 1)
            self.turns(conv.yes, 1)
            self.end(1, "接着往下进行回访 ↓")
            self.emit(0, '=== "不方便"')
            self.emit(0)
            self.reply("不方便", 1)
            self.turns(conv.no, 1)
            self.end(1, "通话在此结束")
        self.steps(call.body, 0)
        if call.closings and not all(ended for _, _, ended in expand(call.body, "", [])):
            if len(call.closings) == 1:
                (turns,) = call.closings.values()
                self.turns(turns, 0)
            else:
                self.tabs([(label, turns, "turns") for label, turns in call.closings.items()], 0)
        return Markup("\n".join(self.lines).rstrip() + "\n")


def render_call(call: Call, project: m.Project, points=frozenset()) -> Markup:
    return Dialogue(call, project, points=points).render()
