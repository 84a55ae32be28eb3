"""不认识的联系方式：文件开头声明的联系方式看不懂。

自由格式话术可以在开头几行声明联系方式（kind: inbound、类型：来电、<!-- huifang: kind=face -->），
按那种联系方式的标准检查。huifang 认识的联系方式有：去电回访（outbound）、来电（inbound）、
面对面（face）、短信/微信（message）。写了别的词时，提示一次，指出看不懂的词和认识的联系方式，
然后和没有声明一样，按去电回访检查。

PASS:
    kind: inbound
    客服：您好，这里是安心物业客服中心，工号 1024，请问有什么可以帮您？
    客户：我家水管漏水。
    客服：好的，马上派师傅上门。感谢您的来电，再见！

FAIL:
    kind: banana
    客服：您好，我是安心物业客服小李。
    客户：你好。
    客服：感谢您的支持，再见！
"""

from __future__ import annotations

from huifang.problems import Problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from huifang.lint.engine import Context
    from huifang.lint.utterance import CallView

ID = "unknown-kind"
TYPE = "call"
SEVERITY = "warning"

KNOWN = "去电回访（outbound）、来电（inbound）、面对面（face）、短信/微信（message）"


def check(view: CallView, ctx: Context) -> Iterable[Problem]:
    return _check(view, ctx) if view.unknown_kind else ()


def _check(view: CallView, ctx: Context) -> Iterable[Problem]:
    line, col, end_col, value = view.unknown_kind
    yield Problem(
        view.file,
        line,
        col,
        f"看不懂声明的联系方式「{value}」：认识的联系方式有{KNOWN}。这个文件按去电回访检查",
        ctx.severity(ID),
        ID,
        line,
        end_col,
    )
