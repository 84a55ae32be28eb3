"""`huifang new`: a commented starter file that already passes `huifang check`."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from huifang.atomic import create_exclusive
from huifang.project import CONTENT, SCRIPTS

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")

SCENARIO = """\
# yaml-language-server: $schema=../../schemas/scenario.schema.json
# 回访场景：什么时候、为什么、由谁给哪些客户打回访电话。字段说明见手册「内容模型」页。
id: {name}
title: 新场景（请改成场景名称，如「投诉处理后回访」）
industry: 通用                 # 行业：物业、装修、汽车售后、保险、医院……
stages: [售后]                 # 阶段标签，用于手册的筛选
{org}purpose: 了解客户对服务的满意度。
trigger: 服务完成                # 触发事件
timing:
  text: 服务完成后 3 日内回访     # 用规范原文写清时间要求
  after: 服务完成
  max_days: 3
# target_rate: 100             # 目标回访率（%），规范有要求时再写
responsible: 客服专员            # 负责回访的岗位
escalation:                    # 客户不满意时的升级路径，按顺序
  - 客服专员跟踪处理
scripts: []                    # 使用的话术 id（scripts_src/ 下）
forms: []                      # 使用的表单 id（content/forms/ 下）
"""

SCRIPT = """\
# yaml-language-server: $schema=../schemas/script.schema.json
# 回访话术。只写 questions 时，开头语、方便确认和结束语自动取自机构档案；
# 也可以自己写 opening / convenience / steps / closings。字段说明见手册「内容模型」页。
id: {name}
title: 新话术（请改成话术名称）
{org}opening:
  - 您好！请问是{{客户称呼}}吗？我是{{公司}}客服{{坐席}}，想对您做一个简单的回访。
convenience:
  ask: 请问您现在方便接电话吗？
  yes:
    - 好的，那耽搁您两分钟的时间。
  no:
    - 好的，那请问什么时候适合打给您呢？
    - note: 记下时间
    - 不好意思打扰您，谢谢您，祝您生活愉快！再见！
steps:
  - ask: {{text: 请问您对我们的服务满意吗？, answer: satisfaction}}
closings:
  默认:
    - 非常感谢您对此次回访的支持，祝您生活愉快！再见！
"""


def declared(project, what: str, name: str) -> str:
    """The file already declaring this scenario or script id, or ''."""
    found = (project.scenarios if what == "scenario" else project.scripts).get(name)
    return found.file if found is not None else ""


def run(args) -> int:
    root = Path(args.project)
    if not ID_RE.match(args.name) or len(args.name) > 64:
        print(
            f"huifang new: 标识 '{args.name}' 只能包含小写字母、数字和连字符（如 wuye-tousu-huifang）", file=sys.stderr
        )
        return 2
    from huifang.cliwords import unknown_id
    from huifang.project import load_project

    project = load_project(root).project
    if args.org and args.org not in project.orgs:  # the new file would fail `huifang check`
        print(f"huifang new: --org {args.org}：没有这个机构{unknown_id(args.org, project.orgs)}", file=sys.stderr)
        return 2
    chosen = args.org or _own_org(project)
    org = f"org: {chosen}\n" if chosen else ""
    if args.what == "scenario":
        path, text = root / CONTENT / "scenarios" / f"{args.name}.yaml", SCENARIO.format(name=args.name, org=org)
    else:
        path, text = root / SCRIPTS / f"{args.name}.yaml", SCRIPT.format(name=args.name, org=org)
    taken = "" if path.exists() else declared(project, args.what, args.name)
    if taken:
        print(f"huifang new: 标识 '{args.name}' 已在 {taken} 中使用，未做任何改动（请换一个标识）", file=sys.stderr)
        return 1
    if not create_exclusive(path, text):
        print(f"huifang new: {path} 已存在，未做任何改动", file=sys.stderr)
        return 1
    print(f"已创建 {path}", file=sys.stderr)
    if not (root / "schemas").is_dir():  # the file's first line names the schema there, for the editor
        print("编辑器自动补全要用的 schemas/ 还没有：运行 huifang schema 生成", file=sys.stderr)
    return 0


def _own_org(project) -> str:
    """The org a new file belongs to without --org: huifang.yaml's default_org, else the project's only org (as
    `huifang init` makes it); none when there are several, and the file says its placeholders are unfilled."""
    if project.config.default_org in project.orgs:
        return project.config.default_org
    return next(iter(project.orgs)) if len(project.orgs) == 1 else ""
