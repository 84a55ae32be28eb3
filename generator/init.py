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
from typing import NamedTuple

from huifang import __version__
from huifang.installed import ARCHIVES

HERE = Path(__file__).resolve().parent
STARTER = HERE / "starter"
RENAMED = {"gitignore": ".gitignore"}  # a .gitignore inside the package would hide files from packaging
FORMATTED = {".pre-commit-config.yaml", "huifang.yml", "README.md"}
PACKAGES = "packages"  # where a new repository keeps the huifang wheel its CI installs, while huifang is not on PyPI
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


class Installing(NamedTuple):
    """How the new repository installs huifang: its CI's `pip install` argument (run in the repository's root), the
    comment lines above it, the README's install lines and the note before them, a wheel to copy into
    `packages/` (its name and bytes) and what `init` says of it."""

    ci: str
    comment: list[str]
    readme: list[str]
    note: str
    copy: tuple[str, bytes] | None = None
    warning: str = ""


def installing(package: str | None) -> Installing:
    """From `--package` (a wheel or sdist file, copied into the repository; else a pip requirement or URL), else from
    where this huifang was installed (`installed.source`): what a new team's CI and README can install huifang from,
    while huifang is not on PyPI."""
    from huifang import installed

    published = f'huifang 发布到 PyPI 以后，可以改成 python -m pip install "huifang=={__version__}"'
    if package is not None:
        if package.endswith(installed.ARCHIVES) or os.path.exists(package):
            return from_file(Path(package), published)
        requirement = package if package.startswith("huifang") else f"huifang @ {package}"
        return from_requirement(requirement, ["从 huifang init --package 指定的来源安装 huifang。", published + "。"])
    found = installed.source()
    if found.kind == "file" and installed.usable(found):
        return from_file(Path(found.where), published)
    if found.kind == "url":
        return from_requirement(
            f"huifang @ {found.where}",
            ["从创建本仓库的 huifang 的安装来源安装（huifang 尚未发布到 PyPI）。", published + "。"],
        )
    if found.kind == "index":
        return from_requirement(
            f"huifang=={__version__}",
            [
                f"从软件源安装 huifang {__version__}（创建本仓库的 huifang 就是从软件源装的）；",
                "用的是团队自己的软件源时，在这一行加上 --index-url 软件源地址。",
            ],
        )
    wheel = f"huifang-{__version__}-py3-none-any.whl"
    return Installing(
        f'"huifang=={__version__}"',
        [
            "注意：huifang 尚未发布到 PyPI，这一行现在还装不上。请把 huifang 的安装包",
            f"（{wheel}）放进本仓库的 {PACKAGES}/ 文件夹，并把这一行改成",
            f'python -m pip install "./{PACKAGES}/{wheel}"；huifang 发布到 PyPI 以后这一行就能直接用。',
        ],
        [f'pip install "{wheel}[all]"   # 在安装包所在的文件夹运行；只检查内容和话术时不加 [all] 就够了'],
        f"huifang 尚未发布到 PyPI：先向维护 huifang 的同事要安装包 `{wheel}`。",
        warning=(
            f"注意：这个 huifang 是从源码文件夹 {found.where} 安装的，新项目的 CI 无法从那里安装，"
            f"请用 --package 指定 huifang 的安装包（.whl），或按 .github/workflows/huifang.yml 里的说明修改"
        ),
    )


def from_file(path: Path, published: str) -> Installing:
    """A wheel or sdist copied into `packages/`, installed from there by path (relative to the repository)."""
    where = f"./{PACKAGES}/{path.name}"
    return Installing(
        f'"{where}"',
        [
            f"huifang 尚未发布到 PyPI：从本仓库 {PACKAGES}/ 里的安装包安装（huifang init 放进来的，",
            "就是创建本仓库时用的那个版本）。",
            f"{published}，再删掉 {PACKAGES}/ 文件夹。",
        ],
        [f'pip install "{where}[all]"   # 在本仓库的根目录运行；只检查内容和话术时不加 [all] 就够了'],
        f"huifang 尚未发布到 PyPI：安装包就在本仓库的 `{PACKAGES}/` 里（发布以后改用 "
        f'`pip install "huifang[all]=={__version__}"`，并删掉 `{PACKAGES}/`）。',
        (path.name, path.read_bytes()),
    )


def from_requirement(requirement: str, comment: list[str]) -> Installing:
    """A pip requirement (huifang==…, huifang @ URL) written as it is; the README's with the extra `all`."""
    name, rest = requirement[: len("huifang")], requirement[len("huifang") :]
    everything = f"{name}[all]{rest}" if rest[:1] in ("", " ", "=", "<", ">", "~", "!", "@") else requirement
    return Installing(
        f'"{requirement}"',
        comment,
        [f'pip install "{everything}"   # 只检查内容和话术时不加 [all] 就够了'],
        "",
    )


def filled(text: str, install: Installing) -> str:
    comment = "\n".join(f"      # {line}" for line in install.comment)
    return (
        text.replace("{version}", __version__)
        .replace("{install_comment}", comment)
        .replace("{install}", install.ci)
        .replace("{install_lines}", "\n".join(install.readme))
        .replace("{install_note}", install.note)
    )


def plan(example: bool, install: Installing | None = None) -> dict[Path, bytes]:
    """Every file to write, relative to the new repository."""
    install = install or installing(None)
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
            data = filled(data.decode("utf-8"), install).encode("utf-8")
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
    if install.copy is not None:
        files[Path(PACKAGES) / install.copy[0]] = install.copy[1]
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

    package = getattr(args, "package", None)
    if package is not None and package.endswith(ARCHIVES) and not os.path.isfile(package):
        print(f"huifang init: --package {package}：文件不存在", file=sys.stderr)
        return 2
    try:
        install = installing(package)
    except OSError as exc:
        from huifang.readfile import os_words

        print(f"huifang init: --package {package}：无法读取（{os_words(exc)}）", file=sys.stderr)
        return 2
    written = skipped = 0
    files = plan(args.from_example, install)
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
    if install.copy is not None:
        print(
            f"huifang 尚未发布到 PyPI：它的安装包已放进 {PACKAGES}/，CI 和 README 都从那里安装，请一起提交",
            file=sys.stderr,
        )
    if install.warning:
        print(install.warning, file=sys.stderr)
    here = os.path.realpath(target) == os.path.realpath(os.curdir)
    go = "" if here else f"cd {shlex.quote(str(target))} && "  # a name with a space still pastes as one
    print(f"下一步：{go}huifang check && huifang lint && huifang serve", file=sys.stderr)
    return 0
