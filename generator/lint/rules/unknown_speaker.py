"""未知的说话人：文件里有不认识的说话人标签。

自由格式话术按行首的标签分说话人：客服、【客服】、回访专员、坐席员、问 …… 是坐席，客户、顾客、
市民、患者、答 …… 是客户。表里没有、却在两行以上用作标签的词，是不认识的说话人：这些行不当作
坐席的话检查（不查忌语，也不算开头语、结束语）。每个标签只提示一次，并说明怎样在 huifang.yaml
的 lint.speakers 中声明它是哪一方。

例外：文件里没有认识的坐席标签，而某个不认识的标签在通话开头问候并报出单位或自己（「医助：您好，我是××诊所的
小林」），就像通话质检一样推断它是坐席，按坐席的话检查，提示里说明这是推断的。
语音转写工具给的说话人编号（SPEAKER_00、spk1、说话人1）也一样：没有哪一方在开头自报家门时，按通话质检的办法
推断——问候、自报家门、提问最多的一方是坐席（两方同分就不推断），提示里写出双方的分数。

PASS:
    客服：您好，我是安心物业客服小李。
    客户：你好。
    客服：感谢您的支持，再见！

FAIL:
    引导员：您好，欢迎光临！
    客户：你好。
    引导员：请问有什么可以帮您？
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from huifang.lint.engine import Context
    from huifang.lint.utterance import CallView
    from huifang.problems import Problem

ID = "unknown-speaker"
TYPE = "call"
SEVERITY = "info"


def check(view: CallView, ctx: Context) -> Iterable[Problem]:
    return _check(view, ctx) if view.unknown_speakers else ()


def _check(view: CallView, ctx: Context) -> Iterable[Problem]:
    for label, u in sorted(view.unknown_speakers.items(), key=lambda item: (item[1].line, item[0])):
        if label == view.inferred_agent and view.inferred_points:
            mine, other = view.inferred_points
            yield ctx.problem(
                ID,
                u,
                0,
                0,
                f"语音转写的说话人「{label}」：它问候、自报家门、提问最多（{mine} 分，另一方 {other} 分），因此推断为坐席，"
                f"按坐席的话检查，其他说话人按客户检查。如果推断不对，请在 huifang.yaml 的 lint.speakers 中声明它是哪一方"
                f"（agent 坐席，customer 客户）",
                ctx.severity(ID),
            )
            continue
        if view.inferred_points:
            continue  # the other diarised speakers: the one finding above says they are read as the customer
        if label == view.inferred_agent:
            yield ctx.problem(
                ID,
                u,
                0,
                0,
                f"不认识的说话人标签「{label}」：它在通话开头问候并自报家门，因此推断为坐席，按坐席的话检查。"
                f"如果推断不对，请在 huifang.yaml 的 lint.speakers 中声明它是哪一方（agent 坐席，customer 客户）",
                ctx.severity(ID),
            )
            continue
        yield ctx.problem(
            ID,
            u,
            0,
            0,
            f"不认识的说话人标签「{label}」：这些行没有当作坐席的话检查。如果「{label}」是坐席，请在 huifang.yaml 的 "
            f"lint.speakers.agent 中加上它；如果是客户，加在 lint.speakers.customer 中",
            ctx.severity(ID),
        )
