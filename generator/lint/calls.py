"""YAML scripts as the trainee reads them: the composed call, every turn pointing at its YAML source."""

from __future__ import annotations

from huifang import model as m
from huifang.compose import Call, compose
from huifang.lint.utterance import AGENT, CUSTOMER, NOTE, CallView, Utterance

SPEAKERS = {"say": AGENT, "ask": AGENT, "customer": CUSTOMER, "note": NOTE}


class Converter:
    """Turns → utterances, one utterance per written text (shared turns stay shared)."""

    def __init__(self, org_file: str = ""):
        self.cache: dict[int, Utterance] = {}
        self.org_file = org_file

    def text(self, text: m.Text, speaker: str, *, ask=False, key=None) -> Utterance:
        found = self.cache.get(id(text))
        if found is None:
            kind = "org" if text.file == self.org_file else ""
            found = Utterance(text.value, speaker, text.file, origin=text, ask=ask, key=key, kind=kind)
            self.cache[id(text)] = found
        return found

    def turn(self, turn: m.Turn) -> Utterance | None:
        words = turn.words
        if words is None:
            return None
        key = turn.question_id or (turn.question.id if turn.question else None)
        return self.text(words, SPEAKERS[turn.kind], ask=turn.kind == "ask", key=key)


def plain_call(script: m.Script, project: m.Project) -> Call:
    """The script alone, without the organisation's standard parts (`--no-compose`)."""
    convenience = script.convenience if isinstance(script.convenience, m.Convenience) else None
    return Call(
        script,
        project.org_of(script),
        list(script.opening or []),
        convenience,
        script.steps,
        dict(script.closings or {}),
    )


def view(script: m.Script, project: m.Project, composed: bool = True) -> CallView:
    call = compose(script, project) if composed else plain_call(script, project)
    convert = Converter(call.org.file if call.org else "")
    paths = []
    extras = []
    for label, turns in call.paths():
        utterances = [u for u in (convert.turn(t) for t in turns) if u is not None]
        paths.append((label, utterances))
    # Every turn is checked line by line, also one on a path past MAX_PATHS: those are extras.
    on_paths = {id(u) for _, turns in paths for u in turns}
    for t in call.written_turns():
        u = convert.turn(t)
        if u is not None and id(u) not in on_paths:
            extras.append(u)
        q = t.question if t.kind == "ask" else None
        if q and q.follow_up and q.follow_up.ask is not None:
            extras.append(convert.text(q.follow_up.ask, AGENT))
    anchor = (1, 1)
    if script.doc is not None:
        span = script.doc.span(("id",))
        anchor = (span.line, span.column)
    total = call.path_count()
    out = CallView(
        script.id, script.file, anchor, paths, extras, call.org, paths_total=total if total > len(paths) else 0
    )
    out.kind = script.kind or (call.org.kind if call.org else "") or "outbound"
    return out
