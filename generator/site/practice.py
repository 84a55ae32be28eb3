"""练习: quiz questions drawn from the rule book, answered offline in the browser (assets/practice.js).

Four kinds, each with the page that explains its answer:
- wording: 坐席想说一句忌语, which wording to use instead (忌语速查);
- opening: an org's own opening with one element's sentence removed, which element is missing (开头语与结束语);
- branch: what to say when the customer answers 不方便 / 不满意, from the scripts (the scenario page);
- order: a call's spoken steps shuffled, to be put back in order (the scenario page).
"""

from __future__ import annotations

import json
import re

from huifang import model as m
from huifang.citations import without_citations
from huifang.compose import Call
from huifang.site import speech

SENTENCE = re.compile(r"[^，。！？!?；]+[，。！？!?；]?")
MAX_PER_KIND = 40


def pattern(text: str) -> re.Pattern:
    return re.compile(".{0,12}".join(re.escape(part) for part in text.split("*")))


def plain(text, org=None) -> str:
    return speech.fill(str(text), org, mark=lambda name: f"（{name}）")


def wording(project: m.Project, anchors: dict[str, str]) -> list[dict]:
    phrases = [p for p in project.forbidden if p.instead and p.phrase]
    items = []
    for i, p in enumerate(phrases):
        others = [q for q in phrases if q is not p]
        if not others:
            break
        decoy = others[(i * 7 + 3) % len(others)]
        items.append(
            {
                "kind": "wording",
                "prompt": f"坐席想说：「{without_citations(str(p.phrase))}」。应该怎么说？",
                "choices": [
                    plain(without_citations(p.instead)),
                    without_citations(str(p.phrase)),
                    without_citations(str(decoy.phrase)),
                ],
                "answer": 0,
                "why": f"这是忌语。为什么：{without_citations(p.reason)}",
                "link": anchors.get(p.id, "forbidden.html"),
            }
        )
    return items[:MAX_PER_KIND]


def opening(project: m.Project) -> list[dict]:
    standard = project.greeting
    if standard is None or len(standard.elements) < 2:
        return []
    items = []
    for org in sorted(project.orgs.values(), key=lambda o: o.id):
        words = "".join(plain(t.text, org) for t in (org.opening or []) if t.kind == "say" and t.text)
        sentences = [s for s in SENTENCE.findall(words) if s.strip()]
        found = {
            e.name: [i for i, s in enumerate(sentences) if any(pattern(p).search(s) for p in e.patterns)]
            for e in standard.elements
        }
        present = [name for name, where in found.items() if where]
        for name in present:
            rest = [s for i, s in enumerate(sentences) if i not in found[name]]
            still = [
                n
                for n in present
                if n != name
                and any(
                    any(pattern(p).search(s) for p in next(e for e in standard.elements if e.name == n).patterns)
                    for s in rest
                )
            ]
            if not rest or len(still) != len(present) - 1:
                continue  # removing the sentence would take another element with it
            choices = [name] + [e.name for e in standard.elements if e.name != name][:3]
            items.append(
                {
                    "kind": "opening",
                    "prompt": f"这段开头语少了哪个要素？「{''.join(rest)}」",
                    "choices": choices,
                    "answer": 0,
                    "why": f"少了「{name}」：原话是「{''.join(sentences)}」。",
                    "link": "standards.html",
                }
            )
    return items[:MAX_PER_KIND]


def first_words(turns: list) -> str:
    for turn in turns:
        if isinstance(turn, m.Close):
            return first_words(turn.turns)
        if isinstance(turn, m.Turn) and turn.kind == "say" and turn.text and not speech.is_point(turn):
            return str(turn.text)
    return ""


def branch(calls: dict[str, Call], homes: dict[str, str]) -> list[dict]:
    items = []
    for ident, call in sorted(calls.items()):
        link = homes[ident].removesuffix(".md") + ".html"
        if call.convenience and call.convenience.no and call.convenience.yes:
            no, yes = first_words(call.convenience.no), first_words(call.convenience.yes)
            if no and yes and no != yes:
                items.append(
                    {
                        "kind": "branch",
                        "prompt": f"「{plain(call.convenience.ask, call.org)}」客户答：不方便。坐席接着说：",
                        "choices": [plain(no, call.org), plain(yes, call.org)],
                        "answer": 0,
                        "why": f"客户不方便时，约时间后礼貌结束：「{plain(no, call.org)}」",
                        "link": link,
                    }
                )
        for step in call.body:
            if not isinstance(step, m.Branch):
                continue
            labels = list(step.cases)
            bad = [label for label in labels if "不满意" in label]
            good = [label for label in labels if "满意" in label and "不满意" not in label]
            if bad and good:
                no, yes = first_words(step.cases[bad[0]]), first_words(step.cases[good[0]])
                if no and yes and no != yes:
                    items.append(
                        {
                            "kind": "branch",
                            "prompt": f"客户答：{bad[0]}。坐席接着说：",
                            "choices": [plain(no, call.org), plain(yes, call.org)],
                            "answer": 0,
                            "why": f"客户不满意时先致歉、记下意见：「{plain(no, call.org)}」",
                            "link": link,
                        }
                    )
    return items[:MAX_PER_KIND]


def order(calls: dict[str, Call], homes: dict[str, str]) -> list[dict]:
    items = []
    for ident, call in sorted(calls.items()):
        paths = call.paths()
        main = next((turns for label, turns in paths if not label.startswith("不方便")), None)
        if not main:
            continue
        steps = []
        for turn in main:
            words = str(turn.words or "") if turn.kind in ("say", "ask") else ""
            if words and not speech.is_point(turn) and plain(words, call.org) not in steps:
                steps.append(plain(words, call.org))
        if len(steps) < 4:
            continue
        picked = [steps[0], steps[1], steps[len(steps) // 2], steps[-1]]
        if len(set(picked)) < 4:
            continue
        items.append(
            {
                "kind": "order",
                "prompt": f"「{call.script.title}」：按通话顺序点击这四句话。",
                "choices": picked,
                "answer": [0, 1, 2, 3],
                "why": "一通电话的顺序：开头语（问候、确认身份、自我介绍）→ 确认是否方便 → 回访问题 → 结束语。",
                "link": homes[ident].removesuffix(".md") + ".html",
            }
        )
    return items[:MAX_PER_KIND]


def pools(project: m.Project, calls: dict[str, Call], homes: dict[str, str], anchors: dict[str, str]) -> dict:
    return {
        "wording": wording(project, anchors),
        "opening": opening(project),
        "branch": branch(calls, homes),
        "order": order(calls, homes),
    }


def as_script(data: dict) -> str:
    """JSON safe inside <script type="application/json">."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
