"""Round 14b (lintacc17), change 5 as it was transfer-tested: the time-of-day greetings 你早, 早安, 午安 and the wish 保重.

Run by first_sight.py in an export of old code: python greeting_words.py EXPORT_ROOT. Edits content/standards.yaml:
wenhou gets 你早, 早安, 午安 next to 您早, with the exclusions (您|你)早(餐|饭|…|干|说|…) and (早|午)安(排|置|装|…)
(尽早安排, 下午安装, 你早干嘛去了); zhufu gets (多|请|您)保重 and 保重身体.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
book = root / "content/standards.yaml"
lines = book.read_text(encoding="utf-8").split("\n")
EXCLUDE = '"(您|你)早(餐|饭|点|日|些|晨|期|已|就|该|到|起|睡|做|去|来|干|说|知|不|没|在|怎|咋|晚)", "(早|午)安(排|置|装|顿|检|全|心)"'
start = next(i for i, line in enumerate(lines) if line.strip() == "- id: wenhou")
end = next(i for i in range(start + 1, len(lines)) if lines[i].strip().startswith("- id:"))
patterns = next(i for i in range(start, end) if "patterns:" in lines[i])
if "您早" not in lines[patterns]:
    sys.exit("no 您早 among wenhou's patterns")
lines[patterns] = lines[patterns].replace("您早", "您早, 你早, 早安, 午安", 1)
exclude = next((i for i in range(start, end) if lines[i].strip().startswith("exclude: [")), None)
if exclude is not None:
    lines[exclude] = lines[exclude].replace("exclude: [", "exclude: [" + EXCLUDE + ", ", 1)
else:
    close = next(i for i in range(patterns, end) if lines[i].rstrip().endswith("]"))
    indent = lines[patterns][: len(lines[patterns]) - len(lines[patterns].lstrip())]
    lines.insert(close + 1, f"{indent}exclude: [{EXCLUDE}]")
wish = next(i for i, line in enumerate(lines) if line.strip() == "- 早日康复")
indent = lines[wish][: len(lines[wish]) - len(lines[wish].lstrip())]
lines[wish + 1 : wish + 1] = [f'{indent}- "(多|请|您)保重"', f"{indent}- 保重身体"]
book.write_text("\n".join(lines), encoding="utf-8")
