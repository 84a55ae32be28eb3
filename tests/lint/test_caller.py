"""Who is calling, read as a slot (lint/caller.py, issue 12, bench/README.md "Round 14").

Every text here is made up: one for each class the slot reads and each thing it must leave alone.
"""

from __future__ import annotations

import random
import re

import pytest
from huifang import model as m
from huifang.lint import caller, standards
from huifang.lint.normalize import fold

from tests.lint.conftest import found, lint_text, slot_text

read = slot_text


@pytest.mark.parametrize(
    "text, organisation",
    [
        # a gazetteer name after each kind of cue
        ("哎，你好，先生，这边是中国联通，请问您是机主本人吗？", "中国联通"),
        ("您好，中国联通请问是尾号1234的机主吗？", "中国联通"),
        ("我这边是顺丰速运的，您有个快递", "顺丰速运"),
        ("感谢您致电招商银行，请问有什么可以帮您", "招商银行"),
        # a place, then a word said only after one
        ("这边是广州联通给您来电的，想跟您说一下", "广州联通"),
        ("您好，这里是北京市移动，请问是王先生吗", "北京市移动"),
        # a hesitation before the name, and a role right after it
        ("我是那个招行客户经理，您看下", "招行"),
        ("您好，我是中国铁通线务员××", "中国铁通"),
        # traditional characters are folded first
        ("您好，這邊是中華電信，請問", "中华电信"),
        # a name-shaped run and a word for a kind of organisation, no punctuation between
        ("我是六医院的护士小王", "六医院"),
        ("您好，我是大豫供电所徐强", "大豫供电"),
        ("我是 xx 物业的客服", "xx 物业"),
        ("您好，乐途民宿，请问有什么可以帮您", None),  # 民宿 is no organisation word of the table: the patterns' work
        ("您好，顺心物业，请问是王先生吗", "顺心物业"),
    ],
)
def test_an_organisation_fills_the_slot(text, organisation):
    assert read(text, caller.ORGANISATION) == organisation


@pytest.mark.parametrize(
    "text, agent",
    [
        ("您好，中国移动客服代表316号，请问您是机主吗", "客服代表316号"),
        ("您好，28号为您服务", "28号"),
        ("这里是271号坐席员", "271号"),
        ("您好，这边是中国电信工号10086，请问", "工号10086"),
    ],
)
def test_a_staff_number_fills_the_slot(text, agent):
    assert read(text, caller.AGENT) == agent


@pytest.mark.parametrize(
    "text",
    [
        "我是中国移动的用户，我想问一下",  # the customer's organisation
        "我们是招行的老客户了",
        "我是XX小区业主",  # a customer's home, no organisation
        "我们是想跟您确认一下",  # a purpose
        "这里是客服中心",  # a kind of organisation, no name
        "我是联通的",  # a word said only after a place, alone
        "您好，平安夜快乐",  # a brand that is an ordinary word is not in the gazetteer
        "您好，中国人都知道",  # a place is no organisation
        "我们中国联通最近有活动",  # no cue before the name
        "这边是京东方面转过来的消息",  # the name runs on into another word (京东方面)
        "我是区议员，我帮市民处理问题",  # a run stops at punctuation
        "我是想问一下你们公司的事",  # an errand, not a name
        "我是社区的，新年快乐",  # a kind of organisation alone
        "这边是王处长，您好",  # a title, not an organisation
        "我是李科长",
        "尊敬的客户您好，韩通站937线路检修",  # after a greeting, a run that does not end there is what the message is about
        "您好，请问您是在我们医院看过病吗",  # a question, not a name
        "您好，这边是上市公司的客服",  # a qualifier and a kind: no name (the gazetteer drops such entries)
        "我是公交公司的小王",
        "我是儿童医院的护士",
        "我是钢铁集团的",
    ],
)
def test_nothing_else_fills_it_as_an_organisation(text):
    assert read(text, caller.ORGANISATION) is None


@pytest.mark.parametrize(
    "text", ["我是3号楼的业主", "您好，我是120", "您好，这边是中国联通", "我是中国移动的用户，工号123"]
)
def test_nothing_else_fills_it_as_the_agent(text):
    assert read(text, caller.AGENT) is None


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("您好，中国移动客服代表316号，请问您是机主吗？", {"wenhou", "gongsi", "zuoxi", "queren-shenfen"}, set()),
        ("哎，你好，先生，这边是中国联通，请问您是机主本人吗？", {"gongsi"}, {"zuoxi"}),
        ("您好，我是中国移动的用户，想咨询一下", {"wenhou"}, {"gongsi", "zuoxi"}),
        ("我们是想跟您做个回访", set(), {"gongsi"}),
        ("您好，这里是客服中心", {"wenhou"}, {"gongsi"}),
    ],
)
def test_the_shipped_elements_read_the_slot(project, text, present, absent):
    got = found(project, text)
    assert present <= got and not (absent & got), got


def test_the_gazetteer_names_its_sources_and_is_folded():
    text = caller.DATA.read_text(encoding="utf-8")
    head = [line for line in text.splitlines() if line.startswith("#")]
    assert any("jieba" in line and "https://" in line for line in head)
    assert any("Left out" in line for line in head)
    sections = caller._gazetteer()
    assert set(sections) == {"name", "after-place", "place"} and all(sections.values())
    assert all(fold(word) == word for words in sections.values() for word in words)
    assert "中国联通" in sections["name"] and "联通" in sections["after-place"] and "广州" in sections["place"]
    assert "联通" not in sections["name"]  # a word said only after a place is no name alone


def test_a_teams_own_names_and_its_orgs_count(project):
    element = next(e for e in project.greeting.elements if e.id == "gongsi")
    text = fold("您好，星火通讯请问是王先生吗")
    assert standards.Detector(element).search(text) is None
    own = m.Element(**{**{f: getattr(element, f) for f in element.__dataclass_fields__}, "names": ("星火通讯",)})
    assert standards.Detector(own).search(text) is not None
    org = m.Org("xh", "星火通讯有限公司", "x.yaml", short_name="星火通讯")
    assert standards.element_regex(element, org).search(text) is not None


def test_names_in_standards_yaml_extend_the_slot(real):
    path = real / "content" / "standards.yaml"
    rules = path.read_text(encoding="utf-8")
    path.write_text(
        rules.replace("      slot: organisation\n", "      slot: organisation\n      names: [星火通讯]\n", 1)
    )
    text = "客服：您好，星火通讯请问是王先生吗？我是客服小李，现在方便接电话吗？\n客户：是我。\n"
    assert not [p for p in lint_text(real, "a.txt", text, "missing-greeting") if "报公司名称" in p.message]
    path.write_text(rules)
    assert [p for p in lint_text(real, "b.txt", text, "missing-greeting") if "报公司名称" in p.message]


def test_the_shared_answers_tell_organisations_apart():
    """Past the first texts of a run the engine shares answers between texts the patterns cannot tell apart:
    what the slot reads (a name of the gazetteer or not) is still each text's own."""
    from huifang.lint.config import LintConfig
    from huifang.lint.engine import ALPHABET_FROM, Engine
    from huifang.project import load_project

    from tests.lint.conftest import REPO

    project = load_project(REPO, scripts=[]).project
    ctx = Engine(project, LintConfig()).ctx
    standard = project.greeting.for_kind("outbound")
    detectors = [(e, standards.element_regex(e, None)) for e in standard.elements]
    pick = random.Random(3)
    for n in range(ALPHABET_FROM + 200):
        who = pick.choice(["中国联通", "中国联合", "广州联通", "广州联合", "招商银行", "招商引资"])
        text = fold(f"您好，这边是{who}，请问是{pick.choice('王李张')}先生吗？工号{n}")
        assert ctx.missing(standard, None, text) == tuple(e for e, d in detectors if d.search(text) is None), text
    assert isinstance(ctx._alphabets[(id(standard), "")], list)


def test_the_screen_lets_a_slot_only_turn_through(project):
    union = standards._any_element(project.greeting, None)
    assert union.search(fold("这边是中国联通")) is not None
    assert re.search(caller.CUE.pattern, "这边是")
