"""The handbook's MkDocs configuration: huifang's own (`mkdocs.yml` beside this module), with the team's
optional `mkdocs.yml` laid over it.

Both files are read by huifang's safe loader, never by MkDocs' own, whose loader constructs Python
objects from tags: in CI the team's file is a stranger's pull request. Tags allowed: `!ENV`,
`!relative` and `!!python/name:` for the callables in `CALLABLES`; every other tag is refused with one
`path:line:col` line. MkDocs then gets the merged settings as plain values.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from huifang.problems import ContentError
from huifang.yamlload import Document, Limits, Tagged, load_file

BASE = Path(__file__).resolve().parent / "mkdocs.yml"
FILE = "mkdocs.yml"
PYTHON_NAME = "tag:yaml.org,2002:python/name:"
CALLABLES = frozenset(
    {
        "pymdownx.superfences.fence_code_format",
        "pymdownx.superfences.fence_div_format",
        "pymdownx.emoji.twemoji",
        "pymdownx.emoji.emojione",
        "pymdownx.emoji.gemoji",
        "pymdownx.emoji.to_svg",
        "pymdownx.emoji.to_png",
        "pymdownx.emoji.to_alt",
        "pymdownx.arithmatex.fence_mathjax_format",
        "pymdownx.arithmatex.arithmatex_fenced_format",
        "material.extensions.emoji.twemoji",
        "material.extensions.emoji.to_svg",
    }
)
OWNED_BY_HUIFANG = {"docs_dir": "content/pages/", "site_dir": "--site-dir"}
APPENDED = ("extra_css", "extra_javascript")
BY_NAME = ("plugins", "markdown_extensions")
DEEP = ("theme", "extra")


# the Material theme's settings that MkDocs hands on unchecked: a wrong type failed in the theme's page templates
# (`palette: 5`: TypeError while rendering, an internal error), so they are checked at their place in mkdocs.yml
THEME_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "palette": ((dict, list), "映射（键: 值）或映射的列表"),
    "features": ((list,), "列表"),
    "font": ((dict, bool), "映射（键: 值）或 false"),
    "icon": ((dict,), "映射（键: 值）"),
    "language": ((str,), "文字"),
    "logo": ((str,), "文字"),
    "favicon": ((str,), "文字"),
}
ITEM_TYPES: dict[str, tuple[type, str]] = {"palette": (dict, "映射（键: 值）"), "features": (str, "文字")}
KIND_WORDS = {str: "文字", int: "整数", float: "数字", bool: "true 或 false", list: "列表", dict: "映射（键: 值）"}
# paths MkDocs reads relative to its configuration file, which huifang writes in a private temporary folder:
# made absolute from the project root (the folder of the team's mkdocs.yml)
PATH_LISTS = ("hooks", "watch")


def _kind(value) -> str:
    if isinstance(value, bool):
        return " true" if value else " false"  # 实际是 true
    return "空值" if value is None else KIND_WORDS.get(type(value), type(value).__name__)


def icon_problem(root: Path, template: str) -> ContentError:
    """A theme icon that does not exist (Material reads `.icons/<name>.svg` while it renders the pages: a
    mistyped name was an internal error), said at the first place the team's mkdocs.yml names it."""
    icon = template.removeprefix(".icons/").removesuffix(".svg")
    message = f"图标「{icon}」不存在：请检查图标名（如 material/library，见 Material for MkDocs 的图标列表）"
    own = Path(root) / FILE
    try:
        doc = document(own) if own.is_file() and not own.is_symlink() else None
    except ContentError:
        doc = None
    if doc is not None:
        stack: list[tuple[tuple, object]] = [((), doc.data)]
        while stack:
            path, value = stack.pop(0)
            if not isinstance(value, (dict, list)) and str(value) == icon:
                return doc.error(path, message)
            if isinstance(value, dict):
                stack += [((*path, k), v) for k, v in value.items()]
            elif isinstance(value, list):
                stack += [((*path, i), v) for i, v in enumerate(value)]
    return ContentError(FILE, 1, 1, message)


def check_theme(doc: Document, data: dict) -> None:
    """ContentError at the first Material theme setting of a wrong type."""
    theme = data.get("theme")
    if not isinstance(theme, dict):
        return  # MkDocs says what is wrong with theme itself
    for key, (types, words) in THEME_TYPES.items():
        if key not in theme:
            continue
        value = theme[key]
        if not isinstance(value, types) or (bool in types and isinstance(value, bool) and value):
            raise doc.error(("theme", key), f"theme.{key} 应为{words}，实际是{_kind(value)}")
        if isinstance(value, list) and key in ITEM_TYPES:
            item_type, item_words = ITEM_TYPES[key]
            for i, item in enumerate(value):
                if not isinstance(item, item_type):
                    raise doc.error(("theme", key, i), f"theme.{key} 的每一项应为{item_words}，实际是{_kind(item)}")


def with_paths_from(root: Path, own: dict) -> dict:
    """`hooks`, `watch` and `theme.custom_dir` written relative to the team's mkdocs.yml, as MkDocs reads them
    there, made absolute (MkDocs reads the merged settings from a temporary folder)."""

    def absolute(value):
        return str(root / value) if isinstance(value, str) and value and not os.path.isabs(value) else value

    out = dict(own)
    for key in PATH_LISTS:
        if isinstance(out.get(key), list):
            out[key] = [absolute(v) for v in out[key]]
    if isinstance(out.get("theme"), dict) and "custom_dir" in out["theme"]:
        out["theme"] = {**out["theme"], "custom_dir": absolute(out["theme"]["custom_dir"])}
    return out


def allowed(tag: str) -> bool:
    return tag in ("!ENV", "!relative") or tag.startswith(PYTHON_NAME)


def _resolve(doc: Document, value, path: tuple, importing: bool = True):
    """Tagged values to what MkDocs would make of them, refusing callables not on the allow-list."""
    if isinstance(value, dict):
        return {k: _resolve(doc, v, path + (k,), importing) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(doc, v, path + (i,), importing) for i, v in enumerate(value)]
    if not isinstance(value, Tagged):
        return value
    if value.tag == "!ENV":
        names = value.value if isinstance(value.value, list) else [value.value]
        if not names or not all(isinstance(n, (str, int, float, bool)) or n is None for n in names):
            raise doc.error(path, "!ENV 后面应写环境变量名，或 [变量名, …, 默认值]")
        *variables, default = names if len(names) > 1 else (names[0], None)
        for name in variables:
            if isinstance(name, str) and name in os.environ:
                return os.environ[name]
        return default
    if value.tag == "!relative":
        if value.value not in ("", "$config_dir"):
            raise doc.error(
                path, "!relative 只支持写成 !relative 或 !relative $config_dir（相对于 mkdocs.yml 所在文件夹）"
            )
        return str(doc.path.parent)
    name = value.tag[len(PYTHON_NAME) :]
    if name not in CALLABLES:
        allowed_names = "、".join(sorted(CALLABLES))
        raise doc.error(path, f"不允许的函数 !!python/name:{name}：mkdocs.yml 只能引用这些函数：{allowed_names}")
    if not importing:
        return value.tag
    module, _, attribute = name.rpartition(".")
    try:
        return getattr(importlib.import_module(module), attribute)
    except (ImportError, AttributeError):
        raise doc.error(path, f"找不到函数 {name}：对应的软件包没有安装") from None


def document(path: Path, display: str = FILE) -> Document:
    return load_file(path, display, Limits(max_file_bytes=1024 * 1024), allow_tag=allowed)


def read(path: Path, display: str, importing: bool = True) -> dict:
    doc = document(path, display)
    if not isinstance(doc.data, dict):
        raise ContentError(display, 1, 1, "mkdocs.yml 的最外层应当是映射（键: 值）")
    for key, where in OWNED_BY_HUIFANG.items():
        if key in doc.data:
            span = doc.key_span((key,))
            raise ContentError(
                display, span.line, span.column, f"{key} 由 huifang 决定（{where}），请从 mkdocs.yml 中删去"
            )
    data = _resolve(doc, doc.data, (), importing)
    check_theme(doc, data)
    return data


def _name(entry) -> str:
    return next(iter(entry)) if isinstance(entry, dict) and len(entry) == 1 else str(entry)


def _merge_by_name(base: list, own: list) -> list:
    merged = {_name(e): e for e in base}
    for entry in own:
        merged[_name(entry)] = entry
    return list(merged.values())


def _deep(base: dict, own: dict) -> dict:
    out = dict(base)
    for key, value in own.items():
        out[key] = _deep(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def merged(base: dict, own: dict) -> dict:
    """The team's settings over huifang's: lists of plugins and extensions merged by name, CSS and
    scripts appended, `theme` and `extra` merged key by key, `nav` kept for the plugin to append."""
    out = dict(base)
    for key, value in own.items():
        if key in BY_NAME and isinstance(value, list):
            out[key] = _merge_by_name(base.get(key) or [], value)
        elif key in APPENDED and isinstance(value, list):
            out[key] = list(base.get(key) or []) + value
        elif key in DEEP and isinstance(value, dict) and isinstance(base.get(key), dict):
            out[key] = _deep(base[key], value)
        else:
            out[key] = value
    return out


def settings(root: Path) -> dict:
    """The merged settings for the project at `root`. Raises ContentError for a bad mkdocs.yml."""
    return merged(read(BASE, "huifang/site/mkdocs.yml"), with_paths_from(Path(root).resolve(), own_settings(root)))


def own_settings(root: Path, importing: bool = True) -> dict:
    """The team's mkdocs.yml alone; `importing=False` (huifang check) checks the functions it names
    against the allow-list without importing them (the site's packages may not be installed)."""
    own_path = root / FILE
    if own_path.is_symlink() or (own_path.exists() and not own_path.is_file()):
        raise ContentError(FILE, 1, 1, "mkdocs.yml 必须是项目里的普通文件（不能是链接或文件夹）")
    return read(own_path, FILE, importing) if own_path.is_file() else {}


def dump(settings: dict) -> str:
    """The merged settings as YAML for MkDocs to read (MkDocs' validation consumes the values it is given,
    so `serve` must read them afresh on every rebuild). Strings stay strings; the allow-listed callables
    are written back as `!!python/name:` tags."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def callable_tag(dumper, value):
        return dumper.represent_scalar(f"{PYTHON_NAME}{value.__module__}.{value.__qualname__}", "")

    Dumper.add_multi_representer(type(dump), callable_tag)
    return yaml.dump(settings, Dumper=Dumper, allow_unicode=True, sort_keys=False)
