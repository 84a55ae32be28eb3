"""Every rule, good and bad, in YAML scripts (composed with the org) and in free-form files."""

from __future__ import annotations

import pytest
from huifang.lint.api import lint_paths
from huifang.lint.rules import RULES, describe

from tests.lint.conftest import lint_text

GOOD_MD = """---
title: 物业维修回访
---
# 维修回访话术

```
客服：你自己想办法吧（代码块里的不是话术）
```

1. 客服：您好！我是安心物业客服，您现在方便接电话吗？
2. 客户：方便。
3. 客服：请问您对这次维修服务满意吗？
4. 客服：感谢您的支持，祝您生活愉快，再见！
"""


def rules_of(problems):
    return sorted({p.rule for p in problems})


def test_good_freeform_script_is_clean(proj):
    assert lint_text(proj, "good.md", GOOD_MD) == []


def test_good_composed_yaml_script_is_clean(proj):
    assert lint_paths(proj, [proj / "scripts_src" / "good.yaml"]).problems == []


def test_shipped_fixture_findings(proj):
    problems = lint_paths(proj, [proj / "scripts_src" / "phrases.yaml"]).problems
    assert rules_of(problems) == ["forbidden-phrase"]


# --- missing-greeting -------------------------------------------------------------------------


def test_missing_greeting_names_the_element(proj):
    text = "客服：您好，您现在方便接电话吗？\n客服：请问您对服务满意吗？\n客服：感谢您的支持，祝您愉快，再见！\n"
    [p] = lint_text(proj, "g.txt", text, "missing-greeting")
    assert "自我介绍" in p.message and "问候" not in p.message
    assert (p.line, p.column, p.severity) == (1, 4, "error")


def test_missing_greeting_counts_only_the_first_turns(proj):
    # The self-introduction comes after the questions started: too late.
    text = (
        "客服：您好，您现在方便吗？\n客服：请问您对服务满意吗？\n客服：我是安心物业客服。\n"
        "客服：感谢您，祝您愉快，再见！\n"
    )
    assert len(lint_text(proj, "g2.txt", text, "missing-greeting")) == 1


def test_missing_greeting_warning_element(proj):
    text = "客服：您好，我是安心物业客服。\n客服：请问您对服务满意吗？\n客服：感谢您，祝您愉快，再见！\n"
    [p] = lint_text(proj, "g3.txt", text, "missing-greeting")
    assert "确认是否方便" in p.message and p.severity == "warning"


def test_missing_greeting_yaml_own_opening(proj):
    text = "id: own-opening\ntitle: 自带开头\norg: anxin\nopening:\n  - 您好，打扰了。\nsteps:\n  - ask: anxin-manyi\n"
    [p] = lint_text(proj, "own-opening.yaml", text, "missing-greeting")
    assert (p.path, p.line, p.column) == ("scripts_src/own-opening.yaml", 5, 5)
    assert "自我介绍" in p.message


def test_greeting_wildcard_pattern(proj):
    (proj / "content" / "standards.yaml").write_text(
        (proj / "content" / "standards.yaml")
        .read_text(encoding="utf-8")
        .replace('patterns: [我是, 这里是, "{公司}客服"]', 'patterns: ["这里是*客服"]'),
        encoding="utf-8",
    )
    ok = "客服：您好，这里是安心物业的客服，方便吗？\n客服：感谢您，祝您愉快，再见！\n"
    far = "客服：您好，这里是一家非常非常非常非常大的物业公司的客服，方便吗？\n客服：感谢您，祝您愉快，再见！\n"
    assert lint_text(proj, "w1.txt", ok, "missing-greeting") == []
    assert len(lint_text(proj, "w2.txt", far, "missing-greeting")) == 1


# --- missing-closing: every branch ------------------------------------------------------------


def test_missing_closing_every_branch(proj):
    problems = lint_paths(proj, [proj / "scripts_src" / "branches.yaml"]).problems
    [p] = [p for p in problems if p.rule == "missing-closing"]
    assert "「方便 → 不满意」" in p.message and "道别" in p.message and "祝福" in p.message
    assert (p.path, p.line, p.column, p.end_column) == ("scripts_src/branches.yaml", 16, 17, 30)


def test_missing_closing_inconvenient_branch_points_at_org(proj):
    org = proj / "content" / "orgs" / "anxin.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace("    - 感谢您的接听，祝您生活愉快，再见！\n", ""), encoding="utf-8"
    )
    problems = lint_paths(proj, [proj / "scripts_src" / "good.yaml"]).problems
    [p] = [p for p in problems if p.rule == "missing-closing"]
    assert p.path == "content/orgs/anxin.yaml" and p.line == 14 and "「不方便」" in p.message


def test_missing_closing_each_org_closing_variant(proj):
    org = proj / "content" / "orgs" / "anxin.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace(
            "    - 非常抱歉给您带来不便，我们会尽快改进，感谢您的宝贵意见，祝您生活愉快，再见！",
            "    - 非常抱歉给您带来不便。",
        ),
        encoding="utf-8",
    )
    problems = lint_paths(proj, [proj / "scripts_src" / "good.yaml"]).problems
    [p] = [p for p in problems if p.rule == "missing-closing"]
    assert "「方便 → 不满意」" in p.message and (p.path, p.line) == ("content/orgs/anxin.yaml", 21)


def test_missing_closing_early_close(proj):
    text = (
        "id: early\ntitle: 提前结束\norg: anxin\nsteps:\n  - ask: anxin-zhunshi\n  - branch:\n"
        "      cases:\n        是:\n          - 好的。\n        否:\n          - close:\n"
        "              - 好的，我们会处理。\n"
    )
    [p] = lint_text(proj, "early.yaml", text, "missing-closing")
    assert "「方便 → 否」" in p.message and p.line == 12


def test_missing_closing_freeform(proj):
    text = "客服：您好，我是安心物业客服，方便吗？\n客服：请问您满意吗？\n客户：满意。\n客服：好的，那就这样。\n"
    [p] = lint_text(proj, "c.md", text, "missing-closing")
    assert (p.line, p.column) == (4, 4) and "主流程" in p.message


# --- greeting-not-first -----------------------------------------------------------------------


def test_greeting_not_first(proj):
    bad = "客服：请问您对服务满意吗？\n客服：您好，我是安心物业客服，方便吗？\n客服：感谢您，祝您愉快，再见！\n"
    [p] = lint_text(proj, "n.txt", bad, "greeting-not-first")
    assert (p.line, p.severity) == (1, "warning") and "第 2 句" in p.message
    good = "客服：您好，我是安心物业客服，方便吗？\n客服：请问您对服务满意吗？\n客服：感谢您，祝您愉快，再见！\n"
    assert lint_text(proj, "n2.txt", good, "greeting-not-first") == []


def test_greeting_not_first_yaml(proj):
    text = "id: late\ntitle: 晚问候\norg: anxin\nopening:\n  - 打扰了。\n  - 您好，我是安心物业客服。\nsteps:\n  - ask: anxin-manyi\n"
    [p] = lint_text(proj, "late.yaml", text, "greeting-not-first")
    assert (p.line, p.column) == (5, 5)


# --- placeholders -----------------------------------------------------------------------------


def test_unknown_placeholder_yaml_and_freeform(proj):
    problems = lint_paths(proj, [proj / "scripts_src" / "bare.yaml"]).problems
    [p] = [p for p in problems if p.rule == "unknown-placeholder"]
    assert (p.line, p.column, p.end_column) == (8, 15, 19) and "{经理}" in p.message
    [q] = lint_text(proj, "p.txt", "客服：我是{公司名}客服{坐席}。\n", "unknown-placeholder")
    assert (q.column, q.end_column) == (6, 11) and "{公司}" in q.suggestion


def test_unfilled_placeholder(proj):
    problems = lint_paths(proj, [proj / "scripts_src" / "bare.yaml"]).problems
    [p] = [p for p in problems if p.rule == "unfilled-placeholder"]
    assert "hotline" in p.message and p.severity == "warning" and (p.line, p.column) == (8, 8)
    assert lint_text(proj, "f.txt", "客服：请拨打{热线}。\n", "unfilled-placeholder") == []  # anxin has one


def test_agent_placeholders_are_known(proj):
    assert (
        lint_text(proj, "a.txt", "客服：请问是{客户称呼}吗？我是{坐席}，{日期}给您回电。\n", "unknown-placeholder")
        == []
    )


# --- call-too-long ----------------------------------------------------------------------------


def test_call_too_long(proj):
    (proj / "huifang.yaml").write_text("default_org: duanhua\n", encoding="utf-8")
    short = "客服：您好，我是客服，方便吗？\n客服：感谢您，再见！\n"
    assert lint_text(proj, "s.txt", short, "call-too-long") == []
    long = short + "客服：" + "我们的服务项目非常多" * 4 + "。\n" + "客服：再见。\n"
    [p] = lint_text(proj, "l.txt", long, "call-too-long")
    assert p.line == 3 and "0.2 分钟" in p.message and p.severity == "warning"


def test_call_too_long_yaml_names_path(proj):
    org = proj / "content" / "orgs" / "anxin.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("max: 5", "max: 0.3"), encoding="utf-8")
    problems = [p for p in lint_paths(proj, [proj / "scripts_src" / "good.yaml"]).problems if p.rule == "call-too-long"]
    assert problems and all("路径「方便 →" in p.message for p in problems)


# --- personal-data ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, hit",
    [
        ("客服：请问您的手机是13812345678吗？", "手机号"),
        ("客服：请问您的手机是１３８１２３４５６７８吗？", "手机号"),
        ("客户：我的号码是 138-1234-5678。", "手机号"),
        ("客服：您的身份证号是11010519491231002X吗？", "身份证号"),
        ("客服：卡号 6222 0200 0000 0000 000 对吗？", "银行卡号"),
        ("客服：请您报一下完整的身份证号码。", "完整的身份证号"),
    ],
)
def test_personal_data_found(proj, line, hit):
    found = lint_text(proj, "pd.txt", line + "\n", "personal-data")
    assert len(found) == 1 and hit in found[0].message


@pytest.mark.parametrize(
    "line",
    [
        "客服：请问您登记的手机号是 138****5678 吗？",
        "客服：为了核实身份，麻烦您告诉我身份证号前六位。",
        "客服：请您核对身份证号后四位。",
        "客服：您的身份证号码尾号是多少？",
        "客服：您的身份证号是110105194912310021吗？",  # checksum wrong: not a real-looking number
        "客服：订单号 1234567812345678 已登记。",  # Luhn fails
        "客服：请拨打热线 400-800-1234。",
        "客服：请问您身份证证件上的地址是哪里？",
    ],
)
def test_personal_data_fine(proj, line):
    assert lint_text(proj, "pd.txt", line + "\n", "personal-data") == []


# --- duplicate-question -----------------------------------------------------------------------


def test_duplicate_question_freeform_and_yaml(proj):
    text = "客服：请问您对维修服务满意吗？\n客户：还行。\n客服：请问您对维修服务满意吗？\n"
    [p] = lint_text(proj, "d.txt", text, "duplicate-question")
    assert p.line == 3 and "第 1 行" in p.message
    text = (
        "id: dup\ntitle: 重复\norg: anxin\nsteps:\n  - ask: anxin-manyi\n  - ask: anxin-zhunshi\n  - ask: anxin-manyi\n"
    )
    [q] = lint_text(proj, "dup.yaml", text, "duplicate-question")
    assert (q.path, q.line) == ("scripts_src/dup.yaml", 1) and "anxin-manyi" in q.message


def test_same_question_on_different_branches_is_fine(proj):
    text = (
        "id: twice\ntitle: 分支各问一次\norg: anxin\nsteps:\n  - ask: anxin-zhunshi\n  - branch:\n      cases:\n"
        "        是:\n          - ask: anxin-manyi\n        否:\n          - ask: anxin-manyi\n"
    )
    assert lint_text(proj, "twice.yaml", text, "duplicate-question") == []


# --- each rule's handbook examples ------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_handbook_examples(proj, rule):
    doc = describe(rule)
    assert doc.title and doc.description and doc.passes and doc.fails
    (proj / "huifang.yaml").write_text("default_org: duanhua\n", encoding="utf-8")
    for i, example in enumerate(doc.passes):
        assert lint_text(proj, f"pass{i}.txt", example + "\n", rule.ID) == [], example
    for i, example in enumerate(doc.fails):
        assert lint_text(proj, f"fail{i}.txt", example + "\n", rule.ID), example


def test_org_text_shared_by_many_orgs_is_reported_once():
    from huifang.lint.engine import combine
    from huifang.problems import Problem

    def finding(org):
        return Problem(
            "content/orgs/a.yaml",
            15,
            28,
            f"占位符 {{热线}} 没有值：机构档案 content/orgs/{org}.yaml 未填写 hotline",
            "warning",
            "unfilled-placeholder",
            15,
            32,
            f"在 content/orgs/{org}.yaml 中填写 hotline",
        )

    merged = combine([finding(o) for o in "abcde"])
    assert len(merged) == 1
    assert merged[0].message == (
        "占位符 {热线} 没有值：这段话用于 5 个机构，它们的机构档案未填写 hotline："
        "content/orgs/a.yaml、content/orgs/b.yaml、content/orgs/c.yaml 等"
    )
    assert combine([finding("a")]) == [finding("a")]
