"""电话礼仪 split by situation: each group of etiquette rules is filed under the situation its title
names (接听, 拨打, 转接与留言, 投诉, 记录 …), first match in SITUATIONS order; the rest under 其他要求."""

from __future__ import annotations

import re

from huifang import model as m

SITUATIONS = [
    ("jieting", "接听来电", "接听|接电话|来电|接电|接访|结束来电|结束电话|确认客户身份"),
    ("zhuanjie", "转接与留言", "转接|留言|转办|协调|发单"),
    ("tousu", "投诉与举报", "投诉|举报|来信|来函|紧急"),
    ("laifang", "接待来访", "来访|接待"),
    (
        "boda",
        "拨打回访电话",
        "打电话|拨打|回访方式|回访程序|回访流程|回访工作流程|工作重点|前期工作|回访时间|现场回访|回访对象|成功回访",
    ),
    ("yuyan", "语言与态度", "语言|用语|声音|微笑|话术|态度|言谈|因人而异|礼仪|行为|通用|倾听"),
    ("jilu", "记录与反馈", "记录|反馈|统计|报表|归档|档案|名录|交接|书写|汇报|结果"),
    ("zhize", "职责、监督与考核", "职责|分工|监督|督查|考核|处罚|责任|原则|制度|措施|标准|要求|管理"),
]
OTHER = ("qita", "其他要求", "")
DOCUMENT = re.compile(r"^([^\s0-9一二三四五六七八九十第（(]+(?:（[^）]*）)?)")


def situation(group: m.EtiquetteGroup) -> tuple[str, str]:
    for slug, title, pattern in SITUATIONS:
        if re.search(pattern, group.title):
            return slug, title
    return OTHER[0], OTHER[1]


def split(groups: list[m.EtiquetteGroup]) -> list[tuple[str, str, list[m.EtiquetteGroup]]]:
    """(slug, title, groups) for each situation that has groups, in SITUATIONS order."""
    found: dict[str, list[m.EtiquetteGroup]] = {}
    for group in groups:
        found.setdefault(situation(group)[0], []).append(group)
    order = SITUATIONS + [OTHER]
    return [(slug, title, found[slug]) for slug, title, _ in order if slug in found]


def document(group: m.EtiquetteGroup) -> str:
    """The rule book a group comes from, from its first rule's source (客服员电话回访管理流程及规范 6.1 → 客服员电话回访管理流程及规范)."""
    source = next((r.source for r in group.rules if r.source), "")
    head = source.split(" ")[0].split("；")[0] if source else ""
    return head
