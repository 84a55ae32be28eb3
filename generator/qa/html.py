"""The HTML report: one self-contained page, each call as a dialogue with its findings at their lines.
Plain string building with every text escaped (the qa extra installs no template engine)."""

from __future__ import annotations

from html import escape

from huifang.qa.output import RULE_NAMES, SEVERITY_NAMES, clock, summary

STYLE = """body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:60rem;color:#222}
h1{font-size:1.5rem} h2{font-size:1.2rem;margin-top:2.5rem;border-bottom:1px solid #ccc}
.pass{color:#1b7f3b} .fail{color:#b3261e} .note{color:#555;font-size:.9rem;margin:.2rem 0}
table{border-collapse:collapse;margin:.5rem 0} td,th{border:1px solid #ddd;padding:.2rem .5rem;font-size:.9rem}
.turn{display:flex;gap:.6rem;margin:.35rem 0} .t{color:#777;font-size:.8rem;min-width:3.5rem}
.who{min-width:2.5rem;font-weight:600} .agent .bubble{background:#e8f0fe} .customer .bubble{background:#f1f3f4}
.bubble{padding:.35rem .6rem;border-radius:.5rem;max-width:44rem}
.finding{margin:.1rem 0 .4rem 6.6rem;font-size:.85rem;padding:.2rem .5rem;border-left:3px solid}
.finding.call{margin-left:0} .finding.error{border-color:#b3261e;background:#fce8e6}
.finding.warning{border-color:#e37400;background:#fef7e0} .finding.info{border-color:#1a73e8;background:#e8f0fe}"""


def as_html(records: list[dict], errors: list[dict], form) -> str:
    s = summary(records, errors, form)
    title = escape((form.title if form is not None else "通话质检") + "报告")
    out = [
        f'<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>',
        f"<style>\n{STYLE}\n</style></head><body>",
        f"<h1>{title}</h1>",
        f"<p>共 {s['calls']} 通：合格 {s['passed']}，不合格 {s['failed']}"
        + (f"，平均 {s['mean_score']:g} 分" if s["mean_score"] is not None else "")
        + "</p>",
    ]
    out.extend(f'<p class="fail">{escape(e["error"])}</p>' for e in errors)
    for n, r in enumerate(records, 1):
        out.append(_call(n, r))
    out.append("</body></html>\n")
    return "\n".join(out)


def _finding(f: dict, extra: str = "") -> str:
    severity = f["severity"] if f["severity"] in SEVERITY_NAMES else "info"
    name, message = RULE_NAMES.get(f["rule"], f["rule"]), f["message"]
    said = message if message.startswith(name) else f"{name}：{message}"  # 「抢话：客户还在说…」 says its kind
    return f'<div class="finding {severity}{extra}">{escape(SEVERITY_NAMES[severity])} · {escape(said)}</div>'


def _call(n: int, r: dict) -> str:
    ok = "pass" if r["passed"] else "fail"
    out = [
        f'<section id="call-{n}">',
        f'<h2>{escape(r["path"])}：{r["score"]:g} 分 <span class="{ok}">{"合格" if r["passed"] else "不合格"}</span></h2>',
    ]
    notes = r["_notes"]
    for key, prefix in (("script", ""), ("path", "通话走向："), ("roles", "")):
        if notes.get(key):
            out.append(f'<p class="note">{prefix}{escape(notes[key])}</p>')
    out.append("<table><tr><th>评分项</th><th>分值</th><th>得分</th></tr>")
    for i in r["_items"]:
        lost = i["failed"] or (i["points"] is not None and i["points"] < i["weight"])
        points = "不适用" if i["points"] is None else f"{i['points']:g}"
        out.append(
            f"<tr><td>{escape(i['name'])}{'（致命项）' if i['critical'] else ''}</td><td>{i['weight']:g}</td>"
            f'<td class="{"fail" if lost else ""}">{points}</td></tr>'
        )
    out.append("</table>")
    at: dict[int, list[dict]] = {}
    before: dict[int, list[dict]] = {}  # a long silence stands between the turns it separates
    for f, turn in zip(r["findings"], r["_turn_of"]):
        if turn is None:
            out.append(_finding(f, " call"))
        else:
            (before if f["rule"] == "long-silence" else at).setdefault(turn, []).append(f)
    for i, t in enumerate(r.get("_turns", [])):
        role = "agent" if t["role"] == "agent" else "customer"
        out.extend(_finding(f) for f in before.get(i, ()))
        out.append(
            f'<div class="turn {role}"><span class="t">{clock(t["start"]) if t["start"] is not None else ""}</span>'
            f'<span class="who">{"坐席" if role == "agent" else "客户"}</span>'
            f'<span class="bubble">{escape(t["text"])}</span></div>'
        )
        out.extend(_finding(f) for f in at.get(i, ()))
    out.append("</section>")
    return "\n".join(out)
