"""Not knowing, said with the offer to find out (or to hear it again): the words published 文明用语 give instead of
a 推诿.

「我不知道」 and 「我不清楚」 are 服务忌语 because they send the customer away with nothing. The same words
followed by the offer to find out are what published 文明用语 give as the right answer (「对不起，请稍等，我马上
给您问一下」, the pack's own `instead`, taken from them), so a not-knowing followed in the next few words by such an offer is not reported.
「我不知道您现在方便接听吗」 asks politely, it refuses nothing. 「没办法」 with another choice offered (「不过我可以帮您申请其他方式」, 「这个需要在您的座机上设置」) and not knowing handed to a colleague who
will answer (「我请我们的专业同事来为您解答」), or taken down to come back with the answer (「我先帮您记下来，查清楚后回复您」,
「我请负责的同事给您回电话」), are answers too. Asking the customer to say it again (「我不太清楚您说的是哪一笔，您能再说一下吗？」) is no 推诿 either. The offer
must be made, not refused (「我也没法帮您查」 is still a 推诿).
"""

from __future__ import annotations

from huifang import regexcache

NOT_KNOWING = ("知道", "清楚", "了解")
REACH = 30  # characters after the phrase, on its line
OFFER = regexcache.compile(
    r"(?:帮|给|为|替)(?:您|你)[^，,。！!？?\n]{0,6}?(?:问|查|核实|核对|了解|咨询|确认|联系|请示|打听|反映|落实|解答|答复|转接|"
    # or takes it down and comes back with the answer: 「我先帮您记下来，查清楚后回复您」, 「我请同事给您回电话」
    r"记|登记|回电|回复|"
    # or passes it on to whoever knows: 「我帮您转给负责的同事」, 「我给您转到专业部门」
    r"转给|转到|转交|移交)|(?:回复|答复|回电话?给|通知|告知)(?:您|你)|"
    # or writes it down to find out: 「我记录下来，核实后…」
    r"我(?:先|这边)?(?:记录|记)下来|"
    r"我(?:去|来|再|马上|这就|立即|立刻|现在)?(?:问|查|核实|了解|咨询|确认|请示|打听)(?:一下|问|清楚)|"
    r"(?:马上|立即|立刻|这就|稍后)(?:为您|帮您|给您)?(?:查询|核实|了解|确认|咨询|请示)|"
    # or asks the customer to say it again: 「我不太清楚您说的是哪一笔，您能再说一下吗？」
    r"(?:您|你)(?:能|可以|方便)?再(?:说|讲|描述|重复|确认)|(?:请|麻烦)您再|"
    # or offers help, the speaker's own or someone's they will find: 「对不起，这件事情我不太清楚，我可以找别人帮助您」
    # (not what help is left: 「我能帮你的就这么多」, 「我不知道我能帮你什么」)
    r"我们?(?:可以|能|会)(?:马上|立即|这就)?(?:找|请)?[^，,。！!？?\n]{0,4}?帮(?:助)?(?:您|你)"
    r"(?![^，,。！!？?\n]{0,2}?(?:的|什么|啥))"
)
# 「没办法」 is a 忌语 because it refuses with no other choice (the pack's reason); with one offered it is an answer:
# 「这个确实没有办法办理，不过我可以帮您申请其他方式」.
NO_WAY = ("没办法", "没有办法")  # not 「你自己想办法」
ALTERNATIVE = regexcache.compile(
    r"(?:可以|能|会)(?:帮|为|给|替)(?:您|你)|"
    # or says where it can be done instead: 「我们这边是没有办法调的，这个需要在您的座机上直接设置」,
    # 「…您可以通过手机银行办理」 (not a send-off: 「您可以去别家」, 「你自己去找」)
    r"(?:需要|要|得)(?:在|由)(?:您|你)|(?:您|你)(?:可以|需要)(?:在|通过)"
)
# 「我不知道您现在方便接听吗」 wonders politely whether the customer…: a question, not a refusal.
WONDERS = regexcache.compile(
    r"[ \t]*(?:您|你)[^，,。！!？?\n]{0,20}?(?:是否|是不是|有没有|能否|可否|方便|吗|(?<![什怎那这多要])么)"
)
REFUSED = regexcache.compile(r"(?:不(?!过)|没|别|无法|没法)[^，,。！!？?]{0,3}$")


def offered(folded: str, shown: str, end: int) -> bool:
    """Whether the not-knowing phrase `shown`, ending at `end` of a folded line, is followed by an offer to
    find out."""
    knowing = any(word in shown for word in NOT_KNOWING)
    if not knowing and not any(word in shown for word in NO_WAY):
        return False
    if knowing and WONDERS.match(folded, end) is not None:
        return True
    tail = folded[end : end + REACH].split("\n", 1)[0]
    offers = [OFFER] if knowing else [OFFER, ALTERNATIVE]
    for pattern in offers:
        for found in pattern.finditer(tail):
            if REFUSED.search(tail, 0, found.start()) is None:
                return True
    return False
