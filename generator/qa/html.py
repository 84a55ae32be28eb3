"""The HTML report: one self-contained page, each call as a dialogue with its findings at their lines."""

from __future__ import annotations

from huifang.qa.output import RULE_NAMES, SEVERITY_NAMES, clock, summary

TEMPLATE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ title }}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:60rem;color:#222}
h1{font-size:1.5rem} h2{font-size:1.2rem;margin-top:2.5rem;border-bottom:1px solid #ccc}
.pass{color:#1b7f3b} .fail{color:#b3261e} .note{color:#555;font-size:.9rem;margin:.2rem 0}
table{border-collapse:collapse} td,th{border:1px solid #ddd;padding:.2rem .5rem;font-size:.9rem}
.turn{display:flex;gap:.6rem;margin:.35rem 0} .turn .t{color:#777;font-size:.8rem;min-width:3.5rem}
.turn .who{min-width:2.5rem;font-weight:600} .agent .bubble{background:#e8f0fe} .customer .bubble{background:#f1f3f4}
.customer{flex-direction:row} .bubble{padding:.35rem .6rem;border-radius:.5rem;max-width:44rem}
.finding{margin:.1rem 0 .4rem 6.6rem;font-size:.85rem;padding:.2rem .5rem;border-left:3px solid}
.finding.error{border-color:#b3261e;background:#fce8e6} .finding.warning{border-color:#e37400;background:#fef7e0}
.finding.info{border-color:#1a73e8;background:#e8f0fe}
</style></head><body>
<h1>{{ title }}</h1>
<p>共 {{ s.calls }} 通：合格 {{ s.passed }}，不合格 {{ s.failed }}{% if s.mean_score is not none %}，平均 {{ s.mean_score }} 分{% endif %}</p>
{% for e in errors %}<p class="fail">{{ e.error }}</p>{% endfor %}
{% for r in records %}
<section id="call-{{ loop.index }}">
<h2>{{ r.path }}：{{ r.score }} 分 <span class="{{ 'pass' if r.passed else 'fail' }}">{{ '合格' if r.passed else '不合格' }}</span></h2>
{% for key in ('script', 'path', 'roles') %}{% if r._notes[key] %}<p class="note">{% if key == 'path' %}通话走向：{% endif %}{{ r._notes[key] }}</p>{% endif %}{% endfor %}
<table><tr><th>评分项</th><th>分值</th><th>得分</th></tr>
{% for i in r._items %}<tr><td>{{ i.name }}{% if i.critical %}（致命项）{% endif %}</td><td>{{ i.weight }}</td>
<td class="{{ 'fail' if i.failed or (i.points is not none and i.points < i.weight) else '' }}">{{ '不适用' if i.points is none else i.points }}</td></tr>{% endfor %}
</table>
{% for f in call_level[loop.index0] %}<div class="finding {{ f.severity }}" style="margin-left:0">{{ rule_names.get(f.rule, f.rule) }}：{{ f.message }}</div>{% endfor %}
{% for t in r._turns %}{% set i = loop.index0 %}
<div class="turn {{ t.role }}"><span class="t">{{ clock(t.start) if t.start is not none else '' }}</span>
<span class="who">{{ '坐席' if t.role == 'agent' else '客户' }}</span><span class="bubble">{{ t.text }}</span></div>
{% for f in by_turn(r, i) %}<div class="finding {{ f.severity }}">{{ severities.get(f.severity, f.severity) }} · {{ rule_names.get(f.rule, f.rule) }}：{{ f.message }}</div>{% endfor %}
{% endfor %}
</section>
{% endfor %}
</body></html>
"""


def as_html(records: list[dict], errors: list[dict], form) -> str:
    from jinja2 import Environment

    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    template = env.from_string(TEMPLATE)

    def by_turn(r, i):
        return [f for f, turn in zip(r["findings"], r["_turn_of"]) if turn == i]

    call_level = [[f for f, turn in zip(r["findings"], r["_turn_of"]) if turn is None] for r in records]
    return template.render(title=(form.title if form is not None else "通话质检") + "报告", records=records,
                           errors=errors, s=summary(records, errors, form), clock=clock, rule_names=RULE_NAMES,
                           severities=SEVERITY_NAMES, by_turn=by_turn, call_level=call_level)
