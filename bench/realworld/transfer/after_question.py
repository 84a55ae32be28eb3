"""Round 14b (lintacc17), change 8 as it was transfer-tested: a closing is what follows a turn's last question or
request for information.

Run by first_sight.py in an export of old code: python after_question.py EXPORT_ROOT. Wraps standards.closing: of each
closing turn, only the part after its last question or request for information (请你提供…, 请告诉…) counts (the
call goes on after one, so 「您好，感谢致电…，请问有什么可以帮您？」 in an excerpt that stops after the opening, or
「好的谢谢，请问您家的地址是？」, closes nothing), unless
the question asks whether anything else is needed or a goodbye or a wish comes before it; only a turn that thanks is read.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
if "def closing(" not in text or "def _part(" not in text:
    sys.exit("no closing() and _part() to wrap")
text += r"""

import re as _re14b

_ASKED14B = _re14b.compile(
    r"[？?]|吗[。！!，,…]|(?:请|麻烦)(?:您|你)?(?:提供|告诉|输入|出示|报一下|说一下)[^。！!？?]*"
)
_ELSE14B = _re14b.compile(
    r"还有(?:什么|别的|其他|其它)[^，,。！!？?]{0,8}(?:需要|问题|疑问|事|帮|效劳|服务)|还需要(?:什么|其他|其它|别的)"
)
_ENDS14B = _re14b.compile(r"再见|再会|拜拜|慢走|走好|祝您|祝你")
_closing_before14b_q = closing


def _after_question14b(u):
    folded = u.folded
    if "谢" not in folded and "感恩" not in folded:
        return u
    stop = 0
    for found in _ASKED14B.finditer(folded):
        start = max(folded.rfind(c, 0, found.start()) for c in "。！!？?，,；;") + 1
        if _ELSE14B.search(folded, start, found.end()) is None:
            stop = found.end()
    if not stop or _ENDS14B.search(folded, 0, stop) is not None:
        return u
    return _part(u, stop, len(u.text))


def closing(turns, standard, view=None):
    found = _closing_before14b_q(turns, standard, view)
    if view is None or not getattr(view, "freeform", False) or getattr(view, "kind", "") == "message":
        return found
    return [_after_question14b(u) for u in found]
"""
code.write_text(text, encoding="utf-8")
