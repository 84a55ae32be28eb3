"""Round 18 (forbidden lines) as it was transfer-tested, the matcher's part: a hit that begins or ends inside a longer
word (别 of 特别 / 区别 …, 什么 of 什么时候 …) is no phrase, and a variant (not the phrase) written with its own end mark (「不可能！」) is
found only where the words end (generator/lint/matcher.py, `inside_word` and `ends`). The round's other parts are in
mention.py and offered.py, which mention13.py and offered.py copy from this tree; run those too.

Run by first_sight.py in an export of old code: python word_edges.py EXPORT_ROOT.
"""

import sys
from pathlib import Path

path = Path(sys.argv[1]) / "generator/lint/matcher.py"
text = path.read_text(encoding="utf-8")
checked = "            if self._excepted(norm, start, end, phrase):\n                continue\n"
chosen = "            chosen.append((start, end, phrase, written))\n"
assert checked in text and chosen in text, "no place to apply the change"
text = text.replace(
    checked,
    checked
    + "            if _edges_round18(text, norm, start, end, [w.value for w in phrase.variants], written):\n"
    + "                continue\n",
    1,
)
text += """

def _edges_round18(text, norm, start, end, listed, written):
    index = kept(text)  # the matcher module's own import, in every version
    if norm[start] == "别" and start > 0 and norm[start - 1] in "特区分告个级类识性差鉴辨道判甄派送离惜话作":
        if index[start] - index[start - 1] == 1:
            return True
    if norm.endswith("什么", start, end) and norm.startswith(("时候", "地方", "样", "时间"), end):
        if index[end] - index[end - 1] == 1:
            return True
    if written in listed and written.endswith(("！", "!", "。", "？", "?")):
        after = index[end - 1] + 1
        while after < len(text) and text[after] in "啊呀吧哦呢嘛啦了哈呗诶的":
            after += 1
        return after < len(text) and text[after].isalnum()
    return False
"""
path.write_text(text, encoding="utf-8")
