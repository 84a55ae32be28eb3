"""只查了文件末尾的结束语：自由格式话术里没有分支标记。

自由格式话术（.md、.txt）按分支标记分出通话的几条路径，每条路径的结束语分别检查。认得的标记有：
「A.」「B.」、「情况一」「情况二」、「方便：」「不方便：」、「如客户满意」「如客户不满意」、「配合的：」「不配合的：」、
每种都说再见的「日常：」「节日：」，以及 Markdown 标题和列表里的这些词。文件里一个标记也没有、
开头语之后问了两个以上问题时，提示一次：只检查了文件末尾的结束语；如果客户的回答会让通话走向不同的结束方式，请把每种结束方式写出来并加上标记。

PASS:
    客服：您好，请问是王先生吗？这里是安心物业，我是客服小李，您现在方便接电话吗？
    客服：请问您对维修服务满意吗？
    如客户满意：好的，感谢您的认可，祝您生活愉快，再见！
    如客户不满意：很抱歉给您带来不便，感谢您的反馈，祝您生活愉快，再见！

FAIL:
    客服：您好，请问是王先生吗？这里是安心物业，我是客服小李，您现在方便接电话吗？
    客服：请问您对维修服务满意吗？
    客服：请问师傅是否按约定时间上门？
    客服：感谢您的支持，祝您生活愉快，再见！
"""

from __future__ import annotations

from huifang.lint.standards import asks, for_view, opening

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from huifang.lint.engine import Context
    from huifang.lint.utterance import CallView
    from huifang.problems import Problem

ID = "closing-end-only"
TYPE = "call"
SEVERITY = "info"
QUESTIONS = 2  # questions after the opening: fewer leave little to branch on (a short script stays quiet)


def check(view: CallView, ctx: Context) -> Iterable[Problem]:
    if not view.freeform or len(view.paths) != 1:
        return ()
    agent = view.agent_turns(view.paths[0][1])
    standard = for_view(ctx.project.greeting, view)
    # the opening is already found (missing-greeting asks first); counting stops at the QUESTIONS-th question
    said = {id(u) for u in opening(ctx, view, standard)} if standard is not None and standard.elements else set()
    count = 0
    for u in agent:
        if id(u) not in said and asks(u):
            count += 1
            if count == QUESTIONS:
                break
    else:
        return ()
    return (
        ctx.problem(
            ID,
            agent[-1],
            0,
            0,
            "这份话术没有写出分支标记（如「A.」「B.」、「情况一」「情况二」、「如客户满意」「如客户不满意」），"
            "所以只检查了文件末尾的结束语。如果客户的回答会让通话有不同的结束方式，请把每种结束方式分别写出并加上标记",
            ctx.severity(ID),
        ),
    )
