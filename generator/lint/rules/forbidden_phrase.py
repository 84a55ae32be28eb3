"""忌语：坐席说了电话忌语。

坐席的话里出现忌语清单（content/forbidden/）中的短语或其变体，即报告。无论繁体还是简体、
全角还是半角、短语中间插了空格或标点、短语藏在长句子里，都能找到；短语的“例外”上下文
（如「不可能再发生」）不报告。客户说的话不检查：那不是坐席的过错。消息给出原因和应该怎么说。

PASS:
    客服：很抱歉给您带来不便，您能描述一下当时的具体情况吗？

    客户：不可能！你们从没这种事？

    客服：请您放心，这样的问题不可能再发生。

FAIL:
    客服：不可能！我们从没这种事！

    坐席：這種情況不可能，我們從沒這種事。

    A：你 自 己 想 办 法 吧。
"""

from __future__ import annotations

from huifang.lint.fix import replacement_for

ID = "forbidden-phrase"
TYPE = "line"
SEVERITY = "error"
PER_LINE = 200  # findings listed per utterance: a line of repeats must not cost a finding (and a fix) each


def wanted(text: str, ctx) -> bool:
    return not ctx.view.no_phrases


def check(u, ctx):
    if not u.agent:
        return
    lines = ctx.view.phrase_lines
    if lines is not None and u.line not in lines:
        return  # free-form: the whole-file pre-screen found nothing on this line
    hits, more = ctx.matcher.find_some(u.text, u.normalized, PER_LINE)
    if more:
        first = hits.pop()
        yield ctx.problem(ID, u, first.start, first.start, f"这一处起还有 {more} 处忌语未逐一列出（每段话最多列出 "
                          f"{PER_LINE} 处）", "info", "先改正上面列出的忌语，再检查一次")
    for hit in hits:
        phrase = hit.phrase
        shown = u.text[hit.start:hit.end]
        message = f"忌语「{shown}」"
        if phrase.phrase.value not in (shown, hit.written):
            message += f"（即「{phrase.phrase.value}」）"
        message += f"：{phrase.reason}"
        fix = replacement_for(u, hit, ctx)
        yield ctx.problem(ID, u, hit.start, hit.end, message,
                          ctx.severity(ID, phrase.severity), phrase.instead, fix)
