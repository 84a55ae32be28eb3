"""`huifang init DIR`: a new team repository that passes `check`, `lint` and `build` at once.

The starter files live in `starter/` beside this module (package data); the greeting/closing standard
is the shipped rule book's own, so it always matches this huifang's schema. `--from-example` starts
from the whole shipped rule book instead of the one-org starter.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from huifang import __version__

HERE = Path(__file__).resolve().parent
STARTER = HERE / "starter"
RENAMED = {"gitignore": ".gitignore"}  # a .gitignore inside the package would hide files from packaging
FORMATTED = {".pre-commit-config.yaml", "huifang.yml"}
ALLOWED_LEFTOVERS = {".git"}
# the starter's huifang.yaml names its one org as the team's own; the shipped rule book has many, none the team's
OWN_ORG = "default_org: benjigou"
EXAMPLE_OWN_ORG = (
    "# default_org: 机构id     # 本单位：content/orgs/ 里本单位档案的 id；写上后，没写机构的话术（包括 .txt、.md 话术）"
    "和通话录音按它的开头语、结束语检查并给出建议"
)
# the shipped rule book's files every new project starts with: they hold no org's own words
STARTER_FROM_EXAMPLE = {("content", "standards.yaml"), ("content", "qa/huifang-zhijian.yaml")}


def example_folder(name: str) -> Path:
    """The shipped rule book's `content/` or `scripts_src/`: package data `huifang/example_*` in an
    installed huifang, the repository's own folders in a checkout."""
    installed = HERE / f"example_{name}"
    return installed if installed.is_dir() else HERE.parent / name


def plan(example: bool) -> dict[Path, bytes]:
    """Every file to write, relative to the new repository."""
    files: dict[Path, bytes] = {}
    for path in sorted(STARTER.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        rel = path.relative_to(STARTER)
        if example and rel.parts[0] in ("content", "scripts_src"):
            continue
        rel = rel.with_name(RENAMED.get(rel.name, rel.name))
        data = path.read_bytes()
        if rel.name in FORMATTED:
            data = data.decode("utf-8").replace("{version}", __version__).encode("utf-8")
        if example and rel.as_posix() == "huifang.yaml":
            lines = data.decode("utf-8").splitlines(keepends=True)
            lines = [EXAMPLE_OWN_ORG + "\n" if line.startswith(OWN_ORG) else line for line in lines]
            data = "".join(lines).encode("utf-8")
        files[rel] = data
    for name in ("content", "scripts_src"):
        source = example_folder(name)
        for path in sorted(source.rglob("*")):
            rel = path.relative_to(source)
            if not path.is_file() or path.suffix == ".py" or "__pycache__" in rel.parts:
                continue
            if example or (name, rel.as_posix()) in STARTER_FROM_EXAMPLE:
                files[Path(name) / rel] = path.read_bytes()
    return files


def run(args) -> int:
    target = Path(args.dir)
    if target.exists() and not target.is_dir():
        print(f"{target}: 已存在同名文件，无法在这里新建项目", file=sys.stderr)
        return 2
    leftovers = sorted(p.name for p in target.iterdir() if p.name not in ALLOWED_LEFTOVERS) if target.is_dir() else []
    if leftovers and not args.force:
        shown = "、".join(leftovers[:5]) + ("……" if len(leftovers) > 5 else "")
        print(
            f"{target}: 文件夹不是空的（{shown}）；确认要在这里新建请加 --force（已有的同名文件不会被覆盖）",
            file=sys.stderr,
        )
        return 2
    from huifang.atomic import interrupts_deferred

    written = skipped = 0
    files = plan(args.from_example)
    with interrupts_deferred():  # a Ctrl-C meanwhile leaves a whole project, not half of one (or a file cut short)
        for rel, data in files.items():
            path = target / rel
            if path.exists() or path.is_symlink():
                skipped += 1
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written += 1
    kind = "示例回访规范" if args.from_example else "起步模板"
    note = f"，跳过 {skipped} 个已存在的文件" if skipped else ""
    print(f"已在 {target} 新建回访规范项目（{kind}）：写入 {written} 个文件{note}。", file=sys.stderr)
    here = os.path.realpath(target) == os.path.realpath(os.curdir)
    go = "" if here else f"cd {shlex.quote(str(target))} && "  # a name with a space still pastes as one
    print(f"下一步：{go}huifang check && huifang lint && huifang serve", file=sys.stderr)
    return 0
