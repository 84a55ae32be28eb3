"""The script generator: a script plus its organisation's standards gives the call a trainee reads.

A script that lists only its questions gets the org's standard opening, convenience check and
closings around them; a script that writes its own parts keeps them. When the org has no such part
of its own, the call gets the generic standard of its kind of contact (content/standards.yaml
kinds: built from the seeds' elements, with placeholders such as {公司}), never another org's words;
`Call.composed` says where each part came from ("generic" for the generic standard). Only an
outbound call-back asks whether the customer can talk now. Either way every turn still points at the
file and line it was written in.
"""

from __future__ import annotations

import re

from huifang import model as m
from huifang import regexcache

TYPE_CHECKING = False
if TYPE_CHECKING:  # the checker knows dataclasses; records makes the same classes faster
    from dataclasses import dataclass, field
else:
    from huifang.records import dataclass, field


PLACEHOLDER = regexcache.compile(r"\{([^{}\s]{1,20})\}")
# Filled by the agent during the call; known everywhere, never an error.
AGENT_PLACEHOLDERS = frozenset(
    "客户称呼 客户姓名 坐席 日期 时间 项目 产品 服务项目 活动内容 活动时间 公里数 金额 期数 地址".split()
)
MAX_PATHS = 256


@dataclass(eq=False)
class Call:
    script: m.Script
    org: m.Org | None
    opening: list[m.Turn]
    convenience: m.Convenience | None
    body: list
    closings: dict[str, list[m.Turn]]
    composed: dict[str, str] = field(default_factory=dict)  # part -> id of the org profile it came from

    @property
    def id(self) -> str:
        return self.script.id

    def paths(self) -> list[tuple[str, list[m.Turn]]]:
        """Every way the call can go, each as (label, turns), up to MAX_PATHS."""
        start = list(self.opening)
        result: list[tuple[str, list[m.Turn]]] = []
        if self.convenience:
            ask = m.Turn("say", self.convenience.ask, speech=self.convenience.speech)
            result.append(("不方便", start + [ask] + self.convenience.no))
            start = start + [ask] + self.convenience.yes
        for label, turns, ended in expand(self.body, "方便" if self.convenience else "", start):
            if ended:
                result.append((label, turns))
                continue
            closings = self.closings or {"": []}
            for closing, closing_turns in closings.items():
                result.append((join(label, closing), turns + closing_turns))
        return result[:MAX_PATHS]

    def path_count(self) -> int:
        """How many ways the call can go, counted without listing them (`paths` stops at MAX_PATHS)."""
        going, ended = count(self.body)
        return (1 if self.convenience else 0) + ended + going * max(1, len(self.closings or {}))

    def all_turns(self):
        """Every turn of the call: those of `paths` in their order, then any on no listed path."""
        seen = set()
        for _, turns in self.paths():
            for turn in turns:
                if id(turn) not in seen:
                    seen.add(id(turn))
                    yield turn
        for turn in self.written_turns():
            if id(turn) not in seen:
                seen.add(id(turn))
                yield turn

    def written_turns(self):
        """Every turn in the order it is written (but the convenience question), without listing paths."""
        yield from self.opening
        if self.convenience:
            yield from self.convenience.yes
            yield from self.convenience.no
        yield from written(self.body)
        for turns in (self.closings or {}).values():
            yield from turns


def join(*labels: str) -> str:
    return " → ".join(x for x in labels if x)


def written(steps: list):
    """The turns of the steps in the order they are written, every branch case included."""
    for step in steps:
        if isinstance(step, m.Branch):
            for case_steps in step.cases.values():
                yield from written(case_steps)
        elif isinstance(step, m.Close):
            yield from step.turns
        else:
            yield step


def count(steps: list) -> tuple[int, int]:
    """(paths still going after the steps, paths that ended in them), for one path coming in."""
    going, ended = 1, 0
    for step in steps:
        if isinstance(step, m.Branch):
            grown = 0
            for case_steps in step.cases.values():
                case_going, case_ended = count(case_steps)
                grown += going * case_going
                ended += going * case_ended
            going = grown
        elif isinstance(step, m.Close):
            going, ended = 0, ended + going
    return going, ended


def expand(steps: list, label: str, prefix: list[m.Turn]):
    """Yield (label, turns, ended) for each path through the steps."""
    paths: list[tuple[str, list, bool]] = [(label, list(prefix), False)]
    for step in steps:
        grown: list[tuple[str, list, bool]] = []
        for path_label, turns, ended in paths:
            if ended:
                grown.append((path_label, turns, ended))
            elif isinstance(step, m.Branch):
                for case, case_steps in step.cases.items():
                    grown.extend(expand(case_steps, join(path_label, case), turns))
            elif isinstance(step, m.Close):
                grown.append((path_label, turns + step.turns, True))
            else:
                grown.append((path_label, turns + [step], False))
            if len(grown) > MAX_PATHS:
                break
        paths = grown[:MAX_PATHS]
    return paths


GENERIC = "generic"


def kind_of(script: m.Script, org: m.Org | None) -> str:
    """outbound, inbound, face or message: the script's own, else its org's, else outbound."""
    return script.kind or (org.kind if org else "") or "outbound"


def compose(script: m.Script, project: m.Project) -> Call:
    """Fill the parts a script leaves out from its org's standard (when the org is of the same kind
    of contact), else from the generic standard of the script's kind."""
    org = project.org_of(script)
    kind = kind_of(script, org)
    default = project.orgs.get(project.config.default_org)
    sources = [o for o in (org, default) if o is not None and (o.kind or "outbound") == kind]
    composed: dict[str, str] = {}

    def part(name: str, own, empty, fallback: bool = True):
        if own is not None:
            return own
        for source in sources if fallback else sources[:1] if sources and sources[0] is org else []:
            value = getattr(source, name)
            if value:
                composed[name] = source.id
                return value
        return empty

    # The org's own parts; then the generic standard of the kind; the default org's parts only for a
    # rule book whose standards.yaml has no generic wording for this kind.
    opening = part("opening", script.opening, None, fallback=False)
    if opening is None:
        opening = generic_words(project.greeting, kind, org)
        if opening:
            composed["opening"] = GENERIC
        else:
            opening = part("opening", None, [])
    convenience = (
        part("convenience", script.convenience, None, fallback=composed.get("opening") != GENERIC)
        if kind == "outbound"
        else (script.convenience or None)
    )
    closings = part("closings", script.closings, None, fallback=False)
    if closings is None:
        turns = generic_words(project.closing, kind, org)
        if turns:
            closings = {"通用": turns}
            composed["closings"] = GENERIC
        else:
            closings = part("closings", None, {})
    return Call(script, org, list(opening), convenience or None, script.steps, dict(closings), composed)


def generic_words(standard: m.Standard | None, kind: str, org: m.Org | None) -> list[m.Turn]:
    """The generic wording of a kind's standard: its first example whose placeholders the org or
    the agent can fill (so a hotline is said when the org has one, and not left blank when not)."""
    if standard is None:
        return []
    spec = standard.kinds.get(kind)
    if spec is None or not spec.texts:
        return []
    filled, agent = known_placeholders(org)
    for text in spec.texts:
        if all(p.group(1) in filled or p.group(1) in agent for p in placeholders(text.value)):
            return [m.Turn("say", text)]
    return [m.Turn("say", spec.texts[-1])]


def compose_all(project: m.Project) -> dict[str, Call]:
    return {ident: compose(script, project) for ident, script in sorted(project.scripts.items())}


def known_placeholders(org: m.Org | None) -> tuple[set[str], set[str]]:
    """(filled by the org profile, left for the agent): any other placeholder name is unknown."""
    if org is None:
        return set(), set(AGENT_PLACEHOLDERS)
    return set(org.fills()), set(AGENT_PLACEHOLDERS) | set(org.agent_placeholders)


def placeholders(text: str) -> list[re.Match]:
    return list(PLACEHOLDER.finditer(text))


def fill(text: str, org: m.Org | None, mark=None) -> str:
    """Replace placeholders the org can fill; `mark` renders the ones left for the agent."""
    values = org.fills() if org else {}

    def sub(match: re.Match) -> str:
        name = match.group(1)
        if name in values:
            return values[name]
        return mark(name) if mark else match.group(0)

    return PLACEHOLDER.sub(sub, text)
