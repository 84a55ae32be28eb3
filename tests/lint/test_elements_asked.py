"""A standard's elements are looked for in a text one at a time, and only as far as the question asked needs them
(lint/engine.py: `says_any` stops at the first element found, `missing_from_all` looks in each turn only for what
the turns before it lack, and what is known of any turn answers first). Whatever was asked before, and in whatever
order, every answer is the detectors' own on the text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from huifang.kept import Kept
from huifang.lint import alphabet, standards
from huifang.lint.config import LintConfig
from huifang.lint.engine import ALPHABET_FROM, Engine
from huifang.lint.normalize import fold
from huifang.project import load_project

ROOT = Path(__file__).resolve().parents[2]

# Turns of a call's opening and closing, with a name, a number and a bank that change from call to call.
TURNS = (
    "您好，您是{name}吗？",
    "{name}您好，我是泰康人寿{number}号客服人员，请问您近期在{bank}网点购买了我公司的泰康健康保险产品是吗？",
    "感谢您的信任，根据监管要求，与您做个简短的电话回访可以吗？",
    "谢谢您，为了确保您的权益，我们将对回访内容进行录音。",
    "为确保信息安全，我们要先为您做个身份确认，请问您的出生年月是多少呢？",
    "请问你这份保险的被保人是谁呢？",
    "好的，我记一下。",
    "您好，这边是{bank}，工号{number}为您服务，请问有什么可以帮您？",
    "喂，{name}，我是小{first}，现在方便吗？",
    "请问您是哪位？",
    "感谢您的配合，祝您和家人身体健康！再见！",
    "还有其他问题吗？没有的话先挂了，拜拜。",
)
NAMES = ("林女士", "王先生", "宋女士", "张阿姨", "刘总", "XX先生")
BANKS = ("建设银行", "邮储银行", "中国联通", "招商银行", "社区", "安心物业")


@pytest.fixture(autouse=True)
def own_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(alphabet, "KEPT", Kept("alphabet"))


def calls(seed: int, count: int) -> list[list[str]]:
    pick = random.Random(seed)
    out = []
    for _ in range(count):
        fill = {
            "name": pick.choice(NAMES),
            "number": str(pick.randrange(10, 99999)),
            "bank": pick.choice(BANKS),
            "first": pick.choice("美远丽强"),
        }
        turns = [fold(t.format(**fill)) for t in pick.sample(TURNS, 6)]
        out.append(turns)
    return out


def said(detectors, text: str) -> list:
    """The elements the detectors find in a text, asked directly."""
    return [e for e, d in detectors if d.search(text) is not None]


@pytest.mark.parametrize(("seed", "shared"), [(1, True), (2, True), (3, False)])
def test_answers_do_not_depend_on_what_was_asked_before(seed, shared):
    """`shared`: answers shared between texts of one canonical form (the linter's way), or not (call QA's)."""
    project = load_project(ROOT, scripts=[]).project
    orgs = [None, project.orgs["taikang"]]
    pick = random.Random(seed)
    for standard in (project.greeting.for_kind("outbound"), project.closing.for_kind("outbound")):
        for org in orgs:
            ctx = Engine(project, LintConfig()).ctx
            ctx.share_canonical = shared
            detectors = [(e, standards.element_regex(e, org)) for e in standard.elements]

            for turns in calls(seed, ALPHABET_FROM + 40):  # past ALPHABET_FROM texts the alphabet answers too
                for text in pick.sample(turns, len(turns)):
                    asked = pick.randrange(3)
                    if asked == 0:
                        assert ctx.says_any(standard, org, text) == bool(said(detectors, text)), text
                    elif asked == 1:
                        element = pick.choice(standard.elements)
                        assert ctx.element_in(element, org, text, standard) == (element in said(detectors, text)), text
                lacking = tuple(e for e in standard.elements if not any(e in said(detectors, t) for t in turns))
                assert ctx.missing_from_all(standard, org, turns) == lacking, turns
                text = pick.choice(turns)
                assert ctx.missing(standard, org, text) == tuple(
                    e for e in standard.elements if e not in said(detectors, text)
                )
            worked_out = ctx._alphabets.get((id(standard), org.id if org else ""))
            assert isinstance(worked_out, list) if shared else worked_out is None


def test_no_turns_lack_nothing_and_no_elements_are_never_said():
    from huifang import model as m

    project = load_project(ROOT, scripts=[]).project
    ctx = Engine(project, LintConfig()).ctx
    standard = project.greeting.for_kind("outbound")
    assert ctx.missing_from_all(standard, None, []) == ()
    assert ctx.missing_from_all(standard, None, iter(["好的"])) == tuple(standard.elements)
    empty = m.Standard(elements=[])
    assert ctx.says_any(empty, None, "您好") is False
    assert ctx.missing(empty, None, "您好") == ()
    assert ctx.missing_from_all(empty, None, ["您好"]) == ()
