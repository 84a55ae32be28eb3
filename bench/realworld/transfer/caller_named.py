"""Round 14 (lintacc16), second change as transfer-tested: the slot's name-shaped run replaces gongsi's gap patterns.

Run by first_sight.py in an export of old code, after caller_slot.py: python caller_named.py EXPORT_ROOT. Removes from
the export's gongsi patterns the lines main removed (「我是*(公司|…)」, 「这边是*(公司|…)」, 「我是*(保险|…)的」, 「这边是{公司}」),
each where the old rule book has it word for word; the slot copied by caller_slot.py reads the run in their place.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
if "_caller16" not in (root / "generator/lint/standards.py").read_text(encoding="utf-8"):
    sys.exit("run caller_slot.py first")
REMOVED = (
    "我是*(公司|中心|医院|银行|店|站|局|部|集团|物业|所|院|厅|热线|平台|商城|诊所|门诊|保险|电力|供电|科|处|社区|街道|学校)",
    "这边是*(公司|中心|医院|银行|店|站|局|集团|物业|热线|平台|商城|诊所|门诊|保险|电力|供电|客服)",
    "我是*(保险|证券|基金|通信|移动|联通|电信|航空|快递|速递|物流|地产|置业|装饰|家居|汽车|教育|健身|商城|外卖|俱乐部|科技)的",
    "这边是{公司}",
)
rules = root / "content/standards.yaml"
lines = rules.read_text(encoding="utf-8").split("\n")
at = lines.index("    - id: gongsi")
end = next(i for i in range(at + 1, len(lines)) if lines[i].startswith("    - id: "))
kept = [line for i, line in enumerate(lines) if not (at < i < end and line.strip() in {f'- "{p}"' for p in REMOVED})]
print(f"removed {len(lines) - len(kept)} lines", file=sys.stderr)
rules.write_text("\n".join(kept), encoding="utf-8")
