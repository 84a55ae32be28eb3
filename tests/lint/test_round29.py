"""Round 29 (bench/README.md "Round 29"): a generic noun is not a company. gongsi counts an organisation only with
its name (bench/realworld/README.md: "a bare generic noun such as 医院 or 装饰公司 does not count"); main's exclusions
said so cue by cue, so a kind of organisation said another way (after 感谢您致电, with a role and no 的, alone after
the greeting) was taken for the company. `lint/named.py` reads the organisation phrase around whatever gongsi found
and asks for a name in it (or a blank for one: XX, {公司}, [门店名称]).

Every text here is made up: the shapes read (each fails on main: no missing-greeting for 报公司名称), and named
organisations, blanks and numbers that must stay.
"""

from __future__ import annotations

import pytest
from huifang.lint.named import names_one

from tests.lint.conftest import greeting_messages

ASK = "\n客服：请问是张先生吗?\n客户：是的。\n客服：感谢您的配合,再见!\n"

GENERIC = [
    "客服：您好,感谢您致电物业服务中心。",
    "客服：您好,物业公司客服专员。",
    "客服：您好,社区医院护士站。",
    "客服：您好,医院回访中心的回访员。",
    "客服：您好,售后服务中心客服代表,我姓王。",
    "客服：喂,您好,物业公司的。",
    "客服：您好,感谢您选择售后服务中心!",
    "客服：您好，物业公司客服专员，我姓王。",  # full-width punctuation ends the phrase too
]

NAMED = [
    "客服：您好,感谢您致电青川物业服务中心。",
    "客服：您好,青川医院护士站。",
    "客服：您好,我是{公司}客服中心的回访专员。",
    "客服：您好,这里是12345热线。",
    "客服：您好,XX物业客服专员。",
    "客服：您好,我是[门店名称]的店长。",
    "客服：您好,这里是广州联通,我是客服小李。",
]


@pytest.mark.parametrize("line", GENERIC)
def test_a_kind_of_organisation_names_no_company(shipped, line):
    assert "报公司名称" in greeting_messages(shipped, line + ASK, "r29.txt")


@pytest.mark.parametrize("line", NAMED)
def test_a_named_or_blank_organisation_stays(shipped, line):
    assert "报公司名称" not in greeting_messages(shipped, line + ASK, "r29.txt")


@pytest.mark.parametrize(
    ("text", "match", "named"),
    [
        ("您好,这里是疫情咨询服务中心,请问", "这里是", False),  # what a service is about and its kind
        ("这边是信用卡客服中心给您来电的", "信用卡客服中心", False),  # 给 ends the phrase
        ("您好!966为您服务", "您好!966", False),  # the agent's number
        ("您好!1059号为您服务", "您好!1059号", False),
        ("我是供电局的客户经理,请问", "局的客户经理", False),  # the letters before, back to 是
        ("这里是12345,请问", "这里是", True),  # a hotline's number names it
        ("您好,供水热线,请问", "您好,供水热线,", True),  # a hotline by what it serves: the annotators disagreed, kept
        ("(xx 处) xx 科,您好", "科,您好", True),  # a blank, across a space
        ("○○处/室/所,您好", "所,您好", True),  # alternatives side by side, a blank
        ("问候须包括打招呼,酒店名称,接线员的名字", "酒店名称", True),  # a field's name is a blank
        ("这里是{公司},请问", "这里是", True),  # a variable in braces
        ("我们是龙岐社区居委会的网格员", "我们是", True),
    ],
)
def test_names_one(text, match, named):
    start = text.index(match)
    assert names_one(text, start, start + len(match)) is named
