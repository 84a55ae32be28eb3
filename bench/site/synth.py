"""Synthetic projects for the site benchmark: N scripts in N/4 scenarios across 8 industries."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BASE = REPO / "tests" / "site" / "fixtures" / "hostile"
INDUSTRIES = ["物业", "装修", "保险", "汽车售后", "口腔", "房产", "证券", "安全咨询"]
LINES = [
    "您好，关于您上次在我们这里办理的业务，我们想做一个简单的回访。",
    "请问您对我们工作人员的服务态度满意吗？如果有不满意的地方请您直接告诉我们。",
    "我们会把您的意见整理后反馈给相关部门，并在三个工作日内给您答复。",
    "另外提醒您，如有任何问题可以随时拨打我们的服务热线咨询。",
]


def script_yaml(i: int) -> str:
    body = "\n".join(f"  - {LINES[(i + k) % len(LINES)]}第{k + 1}项（{i}）" for k in range(4))
    return f"""id: s{i:04d}
title: 第{i}号回访话术（{INDUSTRIES[i % 8]}）
org: demo
description: 合成的话术，用于测量生成网站的速度。
steps:
{body}
  - ask: demo-q-manyi
  - branch:
      question: demo-q-manyi
      cases:
        满意:
          - 感谢您的认可，我们会继续努力。
        不满意:
          - 非常抱歉给您带来不便，我们会尽快跟进处理。
          - ask: demo-q-pingfen
"""


def scenario_yaml(j: int, scripts: list[int]) -> str:
    ids = ", ".join(f"s{i:04d}" for i in scripts)
    return f"""id: c{j:04d}
title: 第{j}号回访场景
industry: {INDUSTRIES[j % 8]}
stages: [售后, 阶段{j % 5}]
org: demo
trigger: 第{j}号业务办理完成
timing: {{text: 业务办理完成后{j % 7 + 1}天内回访, max_days: {j % 7 + 1}}}
target_rate: 90
responsible: 客服专员
escalation: [客服专员跟踪, 部门经理处理]
scripts: [{ids}]
forms: [demo-tousu]
purpose: 了解客户对第{j}号业务的满意程度，发现问题及时改进。
"""


def make(target: Path, scripts: int) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(BASE, target, ignore=shutil.ignore_patterns(".huifang-cache", "demo-*.yaml"))
    for name in (
        "content/orgs/demo.yaml",
        "content/questions/demo.yaml",
        "content/forbidden/demo.yaml",
        "content/forms/demo-tousu.yaml",
        "content/etiquette/demo.yaml",
    ):
        shutil.copy(BASE / name, target / name)
    shutil.copytree(REPO / "content" / "pages", target / "content" / "pages")  # the shipped prose pages
    (target / "scripts_src").mkdir(exist_ok=True)
    for i in range(scripts):
        (target / "scripts_src" / f"s{i:04d}.yaml").write_text(script_yaml(i), encoding="utf-8")
    for j in range((scripts + 3) // 4):
        members = list(range(j * 4, min(scripts, j * 4 + 4)))
        (target / "content" / "scenarios" / f"c{j:04d}.yaml").write_text(scenario_yaml(j, members), encoding="utf-8")
    return target
