"""The script generator: a question-only script becomes a whole call, every turn still traceable."""

from __future__ import annotations

from huifang.compose import compose, fill, known_placeholders
from huifang.project import load_project

from tests.hostile import plant


def test_question_only_script_gets_the_org_standard(minimal):
    project = load_project(minimal).project
    call = compose(project.scripts["demo-weixiu"], project)
    assert call.composed == {"opening": "demo", "convenience": "demo", "closings": "demo"}
    labels = [label for label, _ in call.paths()]
    assert labels == ["不方便", "方便 → 满意", "方便 → 一般或不满意"]
    unconvenient = dict(call.paths())["不方便"]
    assert unconvenient[-1].text.value.endswith("再见！")
    happy = dict(call.paths())["方便 → 满意"]
    asked = [t.question.id for t in happy if t.kind == "ask"]
    assert asked == ["demo-q-manyi", "demo-q-pingfen"]


def test_composed_turns_point_at_the_org_file(minimal):
    project = load_project(minimal).project
    call = compose(project.scripts["demo-weixiu"], project)
    greeting = call.opening[0].text
    assert greeting.file == "content/orgs/demo.yaml"
    line, column = greeting.where(greeting.value.index("这里是"))
    source = (minimal / "content/orgs/demo.yaml").read_text(encoding="utf-8").splitlines()
    assert source[line - 1][column - 1 : column + 2] == "这里是"


def test_branches_and_early_close_make_their_own_paths(minimal):
    plant(
        minimal,
        "scripts_src/demo-weixiu.yaml",
        """\
id: demo-weixiu
title: 分支话术
org: demo
steps:
  - ask: demo-q-manyi
  - branch:
      question: demo-q-manyi
      cases:
        满意:
          - 好的，非常感谢。
        不满意:
          - close: [非常抱歉，我们会尽快处理，谢谢您，再见。]
closings:
  默认: [感谢您的支持，祝您生活愉快，再见！]
""",
    )
    loaded = load_project(minimal)
    assert loaded.ok, loaded.problems
    call = compose(loaded.project.scripts["demo-weixiu"], loaded.project)
    paths = dict(call.paths())
    assert list(paths) == ["不方便", "方便 → 满意 → 默认", "方便 → 不满意"]
    assert paths["方便 → 不满意"][-1].text.value.startswith("非常抱歉")


def test_default_org_fills_what_the_scripts_org_lacks(minimal):
    plant(minimal, "content/orgs/bare.yaml", "id: bare\nname: 无标准的公司\n")
    plant(minimal, "scripts_src/bare.yaml", "id: bare\ntitle: 话术\norg: bare\nquestions: [demo-q-manyi]\n")
    plant(minimal, "huifang.yaml", "default_org: demo\n")
    project = load_project(minimal).project
    call = compose(project.scripts["bare"], project)
    assert call.org.id == "bare" and call.composed["opening"] == "demo"
    assert fill(call.opening[0].text.value, call.org).count("无标准的公司") == 1


def test_script_parts_win_over_the_standard(minimal):
    plant(
        minimal,
        "scripts_src/demo-weixiu.yaml",
        'id: demo-weixiu\ntitle: 话术\norg: demo\nconvenience: false\nopening: ["您好，我是{公司}的{坐席}。"]\n'
        "questions: [demo-q-manyi]\n",
    )
    project = load_project(minimal).project
    call = compose(project.scripts["demo-weixiu"], project)
    assert call.convenience is None and call.composed == {"closings": "demo"}
    assert call.opening[0].text.file == "scripts_src/demo-weixiu.yaml"


def test_placeholders(minimal):
    project = load_project(minimal).project
    org = project.orgs["demo"]
    assert fill("请拨打{热线}，{公司}，{客户称呼}", org) == "请拨打400-000-0000，示例物业公司，{客户称呼}"
    assert fill("{客户称呼}", org, mark=lambda name: f"[{name}]") == "[客户称呼]"
    filled, agent = known_placeholders(org)
    assert {"公司", "热线"} <= filled and "客户称呼" in agent and "部门" not in filled
