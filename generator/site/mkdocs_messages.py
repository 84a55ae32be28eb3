"""MkDocs' complaints about the settings, said as huifang says problems: `mkdocs.yml:line:col: 中文`.

MkDocs checks the merged settings itself (load_config) and logs each problem in English as
"Config value 'theme': Unrecognised theme name: ...", then stops with "Aborted with a configuration error!".
`ConfigMessages` catches those records on MkDocs' configuration logger, places each at its key in the
team's mkdocs.yml, and words the ones MkDocs commonly gives in Chinese (another keeps MkDocs' words,
quoted after a Chinese lead).
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from huifang.site import config as site_config
from huifang.yamlload import Document

LOGGER = "mkdocs.config"
TYPES = {
    "str": "文字",
    "int": "整数",
    "float": "数字",
    "bool": "true 或 false",
    "list": "列表",
    "dict": "映射（键: 值）",
    "NoneType": "空值",
}
REASONS: list[tuple[str, str]] = [
    (r"Expected type: <class '(\w+)'> but received: <class '(\w+)'>", "应为{t0}，实际是{t1}"),
    (r"Unrecognised configuration name: (.+)", "MkDocs 没有这项设置，已忽略（请检查拼写）"),
    (
        r"Unrecognised theme name: '(.*?)'\. The available installed themes are: (.*)",
        "没有名为「{0}」的主题，已安装的主题：{1}",
    ),
    (r'The "(.+)" plugin is not installed', "插件「{0}」没有安装（或名字写错了）"),
    (r"Failed to load extension '(.+?)'\.\s.*", "无法加载 Markdown 扩展「{0}」：没有安装，或名字写错了"),
    (r"Expected nav to be a list, got .*", "nav 应当是列表"),
    (r"Expected nav item to be .*", "nav 的每一项应当是页面路径，或「标题: 路径」"),
    (r"The URL isn't valid, it should include the http:// \(scheme\)", "网址应以 http:// 或 https:// 开头"),
    (r"Required configuration not provided\.", "缺少这项必填的设置"),
    (r"Expected a string, got <class '(\w+)'>", "应为文字，实际是{t0}"),
    (r"Invalid type <class '(\w+)'>\. Expected a string or key/value pairs\.", "应为文字或映射（键: 值），实际是{t0}"),
    (
        r"The configuration is invalid\. Expected a key-value mapping \(dict\) but received: <class '(\w+)'>",
        "应为映射（键: 值），实际是{t0}",
    ),
    (r"Expected a list of items, but a <class '(\w+)'> was given\.", "应为列表，实际是{t0}"),
    (r"Invalid Plugins configuration\. Expected a list or dict\.", "应为列表或映射（键: 值）"),
    (r"Invalid Markdown Extensions configuration", "应为列表（每项写扩展名，或「扩展名: 选项」）"),
    (r"The path '(.+)' isn't an existing file\.", "文件「{0}」不存在"),
    (r"The path '(.+)' isn't an existing file or directory\.", "「{0}」不存在"),
    (r"The path set in custom_dir \('(.+)'\) does not exist\.", "custom_dir 指向的文件夹「{0}」不存在"),
]


def chinese(reason: str) -> str:
    for pattern, words in REASONS:
        found = re.fullmatch(pattern, reason, re.S)
        if found:
            groups = found.groups()
            types = {f"t{i}": TYPES.get(g, g) for i, g in enumerate(groups)}
            return words.format(*groups, **types)
    first = reason.strip().splitlines()[0] if reason.strip() else reason
    return f"MkDocs 说这项设置有误：{first}"


class ConfigMessages(logging.Filter):
    """Prints MkDocs' configuration problems as Chinese lines (and keeps MkDocs' English ones back)."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root
        self.errors = 0
        self._doc: Document | None = None
        self._read = False

    def where(self, key: str, at_key: bool) -> str:
        """`mkdocs.yml:line:col` of the setting's value (or key) in the team's mkdocs.yml; line 1 when the
        setting is huifang's own."""
        if not self._read:
            self._read = True
            own = self.root / site_config.FILE
            try:
                self._doc = site_config.document(own) if own.is_file() else None
            except Exception:  # it was read once already; a file changed since is placed at its top
                self._doc = None
        if self._doc is not None and isinstance(self._doc.data, dict) and key in self._doc.data:
            span = self._doc.key_span((key,)) if at_key else self._doc.span((key,))
            return f"{site_config.FILE}:{span.line}:{span.column}"
        return f"{site_config.FILE}:1:1"

    def filter(self, record: logging.LogRecord) -> bool:
        found = re.match(r"Config value '([^']*)': (.*)", record.getMessage(), re.S)
        if not found or record.levelno < logging.WARNING:
            return True
        key, reason = found.groups()
        if record.levelno >= logging.ERROR:
            self.errors += 1
            lead = ""
        else:
            lead = "警告："
        print(
            f"{self.where(key, reason.startswith('Unrecognised configuration name'))}: {lead}设置 {key}：{chinese(reason)}",
            file=sys.stderr,
        )
        return False


@contextlib.contextmanager
def said_in_chinese(root: Path) -> Iterator[ConfigMessages]:
    messages = ConfigMessages(root)
    logger = logging.getLogger(LOGGER)
    logger.addFilter(messages)
    try:
        yield messages
    finally:
        logger.removeFilter(messages)


def aborted(text: str) -> str | None:
    """MkDocs' closing line after the problems it logged, in Chinese; None for another error."""
    if text == "Aborted with a configuration error!":
        return "mkdocs.yml 的设置有误（见上）"
    found = re.fullmatch(r"Aborted with (\d+) configuration warnings in 'strict' mode!", text)
    if found:
        return f"strict 模式下有 {found.group(1)} 个设置警告，已停止"
    if text == "Aborted with a BuildError!":  # after the plugin's own lines saying what is wrong
        return "手册未能生成（原因见上）"
    return None


# what `huifang serve` shows of MkDocs' progress lines (its livereload server puts the time in front)
SERVE: list[tuple[str, str]] = [
    (r"Building documentation\.\.\.", "正在生成手册……"),
    (r"Documentation built in ([\d.]+) seconds", "手册已生成（{0} 秒）"),
    (r"Watching paths for changes: .*", "正在监视内容文件：修改并保存后自动刷新"),
    (r"Serving on (\S+) and opening it in a browser", "手册预览：{0}（已在浏览器中打开；按 Ctrl+C 停止）"),
    (r"Serving on (\S+)", "手册预览：{0}（按 Ctrl+C 停止）"),
    (r"Detected file changes", "发现文件有修改，正在重新生成"),
    (r"Reloading browsers", "刷新浏览器"),
    (r"An error happened during the rebuild\..*", "重新生成时出错（见上）：改正并保存后会自动再试"),
    (r"Shutting down\.\.\.", "正在停止……"),
    (r"Browser connected: (.*)", "浏览器已连接：{0}"),
]


class ServeMessages(logging.Filter):
    """Rewrites MkDocs' progress lines during `huifang serve` into Chinese (on the handler that prints them)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("mkdocs"):
            found = re.fullmatch(r"(\[\d\d:\d\d:\d\d\] )?(.*)", record.getMessage(), re.S)
            if found:
                stamp, text = found.groups()
                for pattern, words in SERVE:
                    said = re.fullmatch(pattern, text, re.S)
                    if said:
                        record.msg, record.args = (stamp or "") + words.format(*said.groups()), None
                        break
        return True


@contextlib.contextmanager
def serve_in_chinese() -> Iterator[None]:
    from mkdocs.commands import serve

    messages = ServeMessages()
    handlers = list(logging.getLogger().handlers)
    for handler in handlers:
        handler.addFilter(messages)
    build = serve.build
    serve.build = _build_saying_its_end_in_chinese(build)  # type: ignore[assignment]
    try:
        yield
    finally:
        serve.build = build  # type: ignore[assignment]
        for handler in handlers:
            handler.removeFilter(messages)


def _build_saying_its_end_in_chinese(build):
    """MkDocs' build as serve calls it, its closing `Abort` said in Chinese: the live-reload loop prints a failed
    rebuild's Abort as it is ("Aborted with a BuildError!" under our Chinese lines)."""
    from mkdocs.exceptions import Abort

    def chinese_build(*args, **kwargs):
        try:
            return build(*args, **kwargs)
        except Abort as exc:
            said = aborted(str(exc))
            if said is None:
                raise
            raise Abort(said) from None

    return chinese_build
