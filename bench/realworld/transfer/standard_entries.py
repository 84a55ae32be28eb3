"""Round 41 as it was transfer-tested: where a standard's elements stand — its numbered situations are entries, not
alternative openings; a number then any role before 为您服务 is the agent's; 请讲 with how to speak asks no need.

Run by first_sight.py in an export of old code, after own_kind.py (which copies this tree's
generator/lint/ownkind.py, so 41a — a section for another kind of contact found where the reader took its number off
the line — comes with it): python standard_entries.py EXPORT_ROOT. In lint/standards.py `_alternatives` (41b): of the
numbered items that open a call, only the first and those right after it in their list are alternatives; an item
numbered alike between two of them, itself no opening, makes them a standard's situations. In content/standards.yaml
(41c, 41d): zuoxi's pattern 「号{岗位}(为您|…)服务」 and its exclusion of whom to consult split so that 咨询员/咨询师
are roles; xuqiu's exclusion of 「请讲普通话」 and the like. Each part is applied only where the export has what it
edits (sets 3's code has no `_alternatives`; {岗位} is asked only where the export's TOKEN_PATTERNS has it).
"""

import re
import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
source = code.read_text(encoding="utf-8")

# --- 41b: numbered alternatives side by side
if "def _alternatives(" in source:
    start = source.index("def _alternatives(")
    end = source.index("\ndef ", start + 10)
    body = source[start:end]
    body = body.replace(
        "    items: dict[str, list[int]] = {}\n",
        "    items: dict[str, list[int]] = {}\n    numbered: dict = {}\n",
        1,
    )
    labelled = "or labelled" in body
    body, count = re.subn(
        r"(\n(\s+)number = NUMBERED\.match\(fold\(head\)\.lower\(\)\)[^\n]*\n\s+if number is None:\n\s+continue\n)",
        lambda m: (
            m.group(1)
            + m.group(2)
            + ("if number is not labelled:\n" + m.group(2) + "    " if labelled else "")
            + 'numbered.setdefault(re.sub(r"[\\d一二三四五六七八九十a-h]", "0", number.group().strip()), []).append(index)\n'
        ),
        body,
        count=1,
    )
    if count != 1:
        sys.exit("no numbered item to record")
    body, count = re.subn(
        r"\n(\s+)chosen = max\(items\.values\(\), key=len, default=\[\]\)\n",
        lambda m: (
            "\n"
            + m.group(1)
            + "for _style, _chosen in items.items():\n"
            + m.group(1)
            + '    if _style != "label":\n'
            + m.group(1)
            + "        items[_style] = _r41_side_by_side(_chosen, numbered[_style])\n"
            + m.group(0)[1:]
        ),
        body,
        count=1,
    )
    if count != 1:
        sys.exit("no chosen items")
    source = source[:start] + body + source[end:]
    source += (
        "\n\ndef _r41_side_by_side(chosen, numbered):\n"
        "    run = chosen[:1]\n"
        "    for index in chosen[1:]:\n"
        "        if numbered.index(index) != numbered.index(run[-1]) + 1:\n"
        "            break\n"
        "        run.append(index)\n"
        "    return run\n"
    )
    code.write_text(source, encoding="utf-8")

# --- content/standards.yaml
rules = root / "content/standards.yaml"
text = rules.read_text(encoding="utf-8")
if '"岗位"' in source and '"号(客服|话务员|坐席|代表|专员|服务专员|接线员|回访员|业务员)"' in text:
    text = text.replace(
        '        - "号(客服|话务员|坐席|代表|专员|服务专员|接线员|回访员|业务员)"\n',
        '        - "号(客服|话务员|坐席|代表|专员|服务专员|接线员|回访员|业务员)"\n'
        '        - "号{岗位}(为您|为你|很高兴为您|很高兴为你)服务"\n',
        1,
    )
old = '        - "(联系|找|咨询|呼叫|转接|转给|交给)(我们|我们的|您的|你的|专属|值班|当班)?{职务}"\n'
if old in text:
    text = text.replace(
        old,
        '        - "(联系|找|呼叫|转接|转给|交给)(我们|我们的|您的|你的|专属|值班|当班)?{职务}"\n'
        '        - "咨询(我们|我们的|您的|你的|专属|值班|当班)?(客服|专员|代表|坐席|经理|主管|管家|助理|护士|医生|大夫|'
        '药师|师傅|老师|律师|民警|警官|工作人员|社工)"\n',
        1,
    )
old = '        - "(接通|听不到|听不见|听不清|没有声音|没声音)*请讲"\n'
if old in text:
    text = text.replace(
        old,
        old + '        - "请讲(普通话|国语|中文|方言|慢|快|大声|小声|清楚|重点|简单|具体|详细)"\n',
        1,
    )
rules.write_text(text, encoding="utf-8")
