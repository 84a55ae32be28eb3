"""说话人标签可能标反了：标成客户的一方在开头问候并自报家门，标成坐席的一方从没有。

自由格式话术和通话转写按行首的标签分说话人。语音转写的说话人分离有时把两方标反：坐席的话标在「客户」下，
客户的话标在「客服」下，这时开头语、结束语和忌语都从错的一方读。标成客户的一方头几句话里问候并报出单位或
自己（「客户：您好，这里是安心物业，我是客服小李」），而标成坐席的一方整通电话都没有这样说过时，提示一次，请核对
标签。各行仍按标签检查：标签是转写给的，只有它说错时才该改。

PASS:
    客服：您好，这里是安心物业，我是客服小李，请问是王先生吗？
    客户：你好，我是。
    客服：感谢您的支持，再见！

FAIL:
    客户：您好，这里是安心物业，我是客服小李，请问是王先生吗？
    客服：对，是我。
    客户：感谢您的支持，再见！
"""

from __future__ import annotations

from huifang.lint.speakers import FIRST_TURNS, GREETS, INTRODUCES
from huifang.lint.textmemo import Remembered
from huifang.lint.utterance import CUSTOMER

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from huifang.lint.engine import Context
    from huifang.lint.utterance import CallView
    from huifang.problems import Problem

ID = "labels-swapped"
TYPE = "call"
SEVERITY = "info"


def check(view: CallView, ctx: Context) -> Iterable[Problem]:
    if not view.freeform or not view.paths:
        return ()
    turns = view.whole or view.paths[0][1]
    said = (u for u in turns if u.speaker == CUSTOMER)
    opener = next((u for u, _ in zip(said, range(FIRST_TURNS)) if _OPENS[u.text]), None)
    if opener is None:
        return ()
    agent = [u for u in turns if u.agent]
    if not agent or any(_OPENS[u.text] for u in agent):
        return ()
    return (
        ctx.problem(
            ID,
            opener,
            0,
            0,
            "标成客户的一方在通话开头问候并自报家门，标成坐席的一方却从没有：说话人标签可能标反了"
            "（语音转写的说话人分离常见这种错）。请核对标签；各行仍按标签检查",
            ctx.severity(ID),
        ),
    )


def _opens(text: str) -> bool:
    return GREETS.search(text) is not None and INTRODUCES.search(text) is not None


_OPENS = Remembered(_opens)  # a turn's text → whether it greets and says who is calling (turns recur)
