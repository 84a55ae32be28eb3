"""The words of huifang's command line (see cliparse): argparse's usage messages in Chinese, the closest
spelling of a mistyped command, option or content id, and the `--help` formatter. Imported only when a usage
error or a help is printed, so that a `huifang lint` of one file does not pay for it (nor for ast, difflib
and unicodedata, which it imports where it needs them)."""

from __future__ import annotations

import argparse
import re

TITLES = {"positional arguments": "参数", "options": "选项", "optional arguments": "选项"}
TYPE_NAMES = {"int": "整数", "float": "数字", "Path": "路径", "jobs_value": "正整数或 auto"}


def columns(text: str) -> int:
    """How many terminal columns `text` takes (East Asian wide and full-width characters take two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _value(text: str) -> str:
    """A value argparse quoted with repr(), unquoted (as typed)."""
    import ast

    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    return value if isinstance(value, str) else text


def _choices(text: str) -> list[str]:
    return [_value(part) for part in text.split(", ")]


def suggest(word: str, known: list[str]) -> str:
    """「，是否想写 'X'？」 (as `huifang check` words it) for the closest of `known` to a mistyped `word`, as
    git and ruff do, or ""."""
    import difflib

    bare = {name.lstrip("-"): name for name in known}  # "--bogus" is not close to "--jobs" for its dashes
    close = difflib.get_close_matches(word.lstrip("-"), list(bare), n=1, cutoff=0.7)
    return f"，是否想写 '{bare[close[0]]}'？" if close else ""


def unknown_id(word: str, known, few: int = 8) -> str:
    """What to add after "there is no <thing> `word`" for an option that takes a content id: the closest
    id, or when none is close and the project has only a few, all of them."""
    import difflib

    known = sorted(known)
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if close:
        return f"，是否想写 '{close[0]}'？"
    if not known:
        return "（项目里还没有）"
    return f"（现有：{'、'.join(known)}）" if len(known) <= few else ""


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Chinese titles and `用法：`, help text wrapped by display width, columns aligned by display width."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    def _format_usage(self, usage, actions, groups, prefix):  # type: ignore[no-untyped-def]
        """argparse wraps the usage by characters and indents its continuation lines by the characters of
        `用法：huifang …`: wrap it narrower by the extra columns of the Chinese metavars, and indent by the
        three extra columns of the prefix."""
        extra = columns(prefix or "") - len(prefix or "")
        wide = sum(columns(a.metavar) - len(a.metavar) for a in actions if isinstance(a.metavar, str))
        width, self._width = self._width, self._width - extra - wide  # argparse wraps it by characters
        try:
            text = super()._format_usage(usage, actions, groups, prefix)
        finally:
            self._width = width
        first, *rest = text.split("\n")
        return "\n".join([first, *(" " * extra + line if line.startswith(" ") else line for line in rest)])

    def start_section(self, heading):  # type: ignore[no-untyped-def]
        super().start_section(TITLES.get(heading, heading) if heading else heading)

    def _split_lines(self, text, width):  # type: ignore[no-untyped-def]
        """Greedy wrapping by columns: a run of non-space ASCII stays whole, a line may break after any
        Chinese character, and Chinese closing punctuation stays with the character before it."""
        text = " ".join(text.split())
        tokens = re.findall(r"[!-~]+|\s|.[，。；：、）」』”！？]*", text)
        lines: list[str] = []
        line = ""
        for token in tokens:
            if line and columns(line + token) > width:
                lines.append(line.rstrip())
                line = "" if token.isspace() else token
            else:
                line += token
        if line.strip():
            lines.append(line.rstrip())
        return lines

    def _format_action(self, action):  # type: ignore[no-untyped-def]
        """argparse pads the option column by characters; take out the extra columns Chinese metavars use."""
        text = super()._format_action(action)
        invocation = self._format_action_invocation(action)
        extra = columns(invocation) - len(invocation)
        head = " " * self._current_indent + invocation
        if extra and text.startswith(head + " " * (extra + 2)):
            text = head + text[len(head) + extra :]
        return text


def options(parser: argparse.ArgumentParser) -> list[str]:
    return [option for action in parser._actions for option in action.option_strings]


def chinese(parser: argparse.ArgumentParser, message: str) -> str:
    """One of argparse's usage messages in Chinese; one argparse words in a way not known here keeps
    its English after a Chinese lead, rather than being lost."""
    found = re.fullmatch(r"argument (.+?): (.*)", message, re.S)
    if found:
        name, reason = found.groups()
        return _about(name, reason)
    found = re.fullmatch(r"unrecognized arguments: (.*)", message, re.S)
    if found:
        words = found.group(1)
        first = words.split()[0] if words.split() else words
        hint = suggest(first.split("=")[0], options(parser)) if first.startswith("-") else ""
        return f"不认识的参数：{words}{hint}"
    found = re.fullmatch(r"the following arguments are required: (.*)", message, re.S)
    if found:
        return "缺少必填的参数：" + "、".join(found.group(1).split(", "))
    found = re.fullmatch(r"one of the arguments (.*) is required", message, re.S)
    if found:
        return "以下参数必须写一个：" + "、".join(found.group(1).split(" "))
    found = re.fullmatch(r"ambiguous option: (\S+) could match (.*)", message, re.S)
    if found:
        return f"选项 {found.group(1)} 不完整，可能是：" + "、".join(found.group(2).split(", "))
    return f"命令行参数有误：{message}"


def _about(name: str, reason: str) -> str:
    """A message about one argument: `name` is its option (--format) or, for a positional, its metavar."""
    lead = "" if name == "命令" else f"{name}："
    found = re.fullmatch(r"invalid choice: (.+?) \(choose from (.*)\)", reason, re.S)
    if found:
        value, choices = _value(found.group(1)), _choices(found.group(2))
        what = "这个命令" if not lead else "这一项"
        return f"{lead}没有「{value}」{what}，可选：{'、'.join(choices)}{suggest(value, choices)}"
    found = re.fullmatch(r"invalid (\S+) value: (.*)", reason, re.S)
    if found:
        kind = TYPE_NAMES.get(found.group(1), "正确的格式")
        return f"{lead}应写{kind}，而不是「{_value(found.group(2))}」"
    counts = {
        "expected one argument": "后面应写一个值",
        "expected at most one argument": "后面最多写一个值",
        "expected at least one argument": "后面至少写一个值",
    }
    if reason in counts:
        return lead + counts[reason]
    found = re.fullmatch(r"expected (\d+) arguments?", reason)
    if found:
        return f"{lead}后面应写 {found.group(1)} 个值"
    found = re.fullmatch(r"not allowed with argument (.*)", reason)
    if found:
        return f"{lead}不能和 {found.group(1)} 同时使用"
    found = re.fullmatch(r"ignored explicit argument (.*)", reason)
    if found:
        return f"{lead}后面不接值（写了「{_value(found.group(1))}」）"
    if re.search(r"[\u4e00-\u9fff]", reason):  # our own type functions already speak Chinese
        return lead + reason
    return f"{lead}命令行参数有误：{reason}"
