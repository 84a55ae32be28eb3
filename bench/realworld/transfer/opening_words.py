"""Round 14b (lintacc17), change 6 as it was transfer-tested: convenience and need, where the words ask another thing.

Run by first_sight.py in an export of old code: python opening_words.py EXPORT_ROOT. Edits content/standards.yaml:
fangbian excludes asking for a time (请问您什么时间方便我们上门) and whether the customer can do another thing now
(现在方便上线修改一下吗); xuqiu excludes a conditional offer of help ((如|如果|若)(您|你)?有…需要: 如您有诉讼问题需要
帮助，我们将竭诚为您服务) and takes 有啥 as 有什么 and 有(什么|啥)帮到你; where the export reads written Cantonese
(generator/lint/cantonese.py: run after cantonese.py), 咩 is read as 啥 (有咩幫到你).
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
book = root / "content/standards.yaml"
lines = book.read_text(encoding="utf-8").split("\n")


def block(ident: str) -> tuple[int, int]:
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {ident}")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].strip().startswith("- id:"))
    return start, end


start, end = block("fangbian")
exclude = next(i for i in range(start, end) if lines[i].strip().startswith("exclude:"))
close = next(i for i in range(exclude, end) if lines[i].rstrip().endswith("]"))
lines[close] = (
    lines[close].rstrip()[:-1] + ', "(什么时间|什么时候|哪天|哪个时间|几点|何时)(您|你)?方便",'
    ' "方便(我们|师傅|工作人员)?(上门|过来|安排|上线|修改|操作|处理)"]'
)
start, end = block("xuqiu")
first = next(i for i in range(start, end) if lines[i].strip() == "- 如有")
indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
lines.insert(first, f'{indent}- "(如|如果|若)(您|你)?有*需要"')
start, end = block("xuqiu")
need = next(i for i in range(start, end) if lines[i].strip() == '- "有什么*(可以|能|需要)*(帮|为您|为你|效劳|服务)"')
lines[need] = lines[need].replace("有什么*", "有(什么|啥)*", 1)
lines.insert(need + 1, f'{indent}- "有(什么|啥)帮(到|得到|得上)(您|你)"')
book.write_text("\n".join(lines), encoding="utf-8")

spoken = root / "generator/lint/cantonese.py"
if spoken.exists():
    text = spoken.read_text(encoding="utf-8")
    if '"咩"' not in text:
        text = text.replace('    "嗰": "那",\n}', '    "嗰": "那",\n    "咩": "啥",\n}', 1)
        text = text.replace('r"|[嘅喺哋嚟咗冇佢啲搵睇嗰]"', 'r"|[嘅喺哋嚟咗冇佢啲搵睇嗰]|(?<!咩)咩(?!咩)"', 1)
        spoken.write_text(text, encoding="utf-8")
