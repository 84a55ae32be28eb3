"""Round 9, change 2 as it was transfer-tested: a rule or comment right after the words names them (「“我不知道”是服务
忌语」, 「不知道、不清楚，这些话都属于服务禁语」), a line marked ❌ is a wrong example, 不说/从不 are prohibitions and
错误/反例 name words not to say (generator/lint/mention.py: _ruled, WRONG_MARK, PROHIBITION, NAMING).

Run by first_sight.py in an export of old code: python ruled.py EXPORT_ROOT. Self-contained: the old
mention.py keeps its own helpers; `mentioned` is wrapped.
"""

import sys
from pathlib import Path

path = Path(sys.argv[1]) / "generator/lint/mention.py"
text = path.read_text(encoding="utf-8")
text = text.replace("不可以|不该|避讳)", "不可以|不该|避讳|不说|不讲|从不|从来不|不存在)", 1)
text = text.replace("|错误说法|错误示范|反面", "|错误|反例|反面|忌[ \\t]*[:：]?[ \\t]*$", 1)
text = text.replace(
    '|禁止用语|禁止说"',
    '|禁止用语|禁止说|(?:禁止|严禁|不得|不能|不要|不准|不许|杜绝|避免|切忌|请勿)[^，,。；;]{0,8}(?:用语|说法|话语|语言|字眼|词语|的话)"',
    1,
)
text = text.replace(
    '市民)[^，。！？]{0,6}(?:问|说|讲|质问)"',
    '市民)[^，。！？]{0,6}(?:问|说|讲|质问)|"\n    r"(?:客服|坐席|接线员|接线人员|话务员|工作人员|服务员|营业员|他|她|他们|她们|人家)'
    '[^，。！？:：“「\\"]{0,4}(?:说|表示|称|回答|答复|告诉我|回复)(?![ \\t]*[:：“「\\"])"',
    1,
)
text = text.replace("def mentioned(", "def _mentioned_before_round9(", 1)
text += r"""

import re as _re

_OPEN = {"“": "”", "「": "」", "『": "』", '"': '"', "‘": "’"}
_WRONG = _re.compile(r"[ \t]*(?:❌|❎|✗|✘|✕|✖|×|╳|🚫|⛔)")
_BRACKET = _re.compile(r"[ \t]*[【\[〔]([^】\]〕\n]{1,12})[】\]〕]")
_TABOO = _re.compile(r"忌语|禁语|禁用语|忌用语|禁忌|不规范用语|错误说法|错误示范|反面示例")
_LINK = (
    r"(?:是|都是|就是|属于|都属于|均属|算是|为|"
    r"(?:等|之类的?|这样的|这种|这类|这些|此类|一类的?)[^。！!？?，,]{0,4}?(?:话|话语|用语|语言|说法|字眼|词语|言语|回答|口头禅|忌语|禁语)|"
    r"(?:这句话|这些话|这种话|这类话|这话)|会让|会使|容易让|只会让|"
    r"(?:等|为)(?=推诿|推脱|推托|搪塞|敷衍|推辞|借口|理由)|(?=为由)|"
    r"[一二三四五六七八九十两\d]{1,2}个字[,，]?|(?=挂在嘴边|当成口头禅|成了口头禅))"
)
_RULE = (
    r"(?:忌语|禁语|禁用语|忌用语|禁忌|推诿|推脱|推托|搪塞|敷衍|推辞|借口|理由|为由|推卸|不文明|不礼貌|不规范|违规|扣分|"
    r"冷漠|生硬|不耐烦|说教|"
    r"(?:不能|不要|不得|不可|不宜|不应|严禁|禁止|切忌|避免|杜绝|别)(?:再)?(?:说|讲|使用|用|出现)|客户觉得|客户感到|反感|"
    r"失望|不满|不想听|怕听|讨厌听|挂在嘴边|口头禅|(?:杜绝|严禁|禁止|避免)(?=[。！!\n]|$))"
)
_NAMED_BY = _re.compile(r"(?:说|讲|回答|答复|一句|这句|用|把|以|像)[ \t]*$")
_DIRECT = _re.compile(_LINK + r"[^。！!？?\n]{0,16}?" + _RULE)
_AFTER = _re.compile(r"[ \t]*[,，]?[ \t]*" + _LINK + r"[^。！!？?\n]{0,16}?" + _RULE)
_LIST = _re.compile(r"[,，][ \t]*" + _LINK + r"[^。！!？?\n]{0,16}?" + _RULE)
_END = _re.compile(r"[。！!？?\n]")
_WORDS = _re.compile(
    r"(?:等|之类的?|这样的|这种|这类|这些|此类|一类的?)[^。！!？?，,]{0,4}?(?:话|话语|用语|语言|说法|字眼|词语|言语)(?!题)"
    r"[^。！!？?\n]{0,16}?" + _RULE
)


def _quote_at(folded, start):
    stack = []
    for index in range(start):
        char = folded[index]
        if stack and char == _OPEN[folded[stack[-1]]]:
            stack.pop()
        elif char in _OPEN:
            stack.append(index)
    return stack[0] if stack else -1


def _ruled_round9(folded, start):
    quote = _quote_at(folded, start)
    if quote >= 0:
        end = folded.find(_OPEN[folded[quote]], start)
        while 0 <= end < len(folded) - 1 and folded[end + 1] in _OPEN:
            end = folded.find(_OPEN[folded[end + 1]], end + 2)
        return end >= 0 and _AFTER.match(folded, end + 1) is not None
    tail = folded[start : start + 40]
    stop = _END.search(tail)
    sentence = tail[: stop.start()] if stop else tail
    if _LIST.search(sentence) is not None or _WORDS.search(sentence) is not None:
        return True
    return _NAMED_BY.search(folded, max(0, start - 3), start) is not None and _DIRECT.search(sentence) is not None


def mentioned(folded, start):
    if _WRONG.match(folded) is not None or _ruled_round9(folded, start):
        return True
    bracket = _BRACKET.match(folded)
    if bracket is not None and bracket.end() <= start and _TABOO.search(bracket.group(1)) is not None:
        return True
    return _mentioned_before_round9(folded, start)
"""
path.write_text(text, encoding="utf-8")
