"""Round 14b (lintacc17), change 4 as it was transfer-tested: the question that closes a call is closing talk.

Run by first_sight.py in an export of old code: python anything_else.py EXPORT_ROOT. Wraps standards._closing_talk (the
turns the closing reaches back over from a path's last turn): a turn that asks whether anything else is needed
(请问还有什么可以帮您的吗, 还有其他问题吗, 还需要什么) is closing talk though it asks, so the thanks before it is read
as the closing's. Set 3's code has no _closing_talk (its closing is the last three turns whatever they say).
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
if "def _closing_talk(" not in text:
    sys.exit("no _closing_talk() to wrap")
text += r"""

import re as _re14b

_ANYTHING_ELSE14B = _re14b.compile(
    r"还有(?:什么|别的|其他|其它)[^，,。！!？?]{0,8}(?:需要|问题|疑问|事|帮|效劳|服务)|还需要(?:什么|其他|其它|别的)"
)
_closing_talk_before14b = _closing_talk


def _closing_talk(u, says):
    return _closing_talk_before14b(u, says) or _ANYTHING_ELSE14B.search(u.folded) is not None
"""
code.write_text(text, encoding="utf-8")
