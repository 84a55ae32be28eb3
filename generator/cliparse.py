"""argparse in Chinese: the parser `huifang` uses.

argparse words its own messages in English ("usage:", "unrecognized arguments", "invalid choice" ...). The
users of huifang read Chinese, so `Parser.error` rewrites each of argparse's messages into one Chinese line
(with the closest spelling when a command or option was mistyped) and exits 2, and its help formatter titles
the help in Chinese and wraps and aligns it by display width (a Chinese character takes two columns).

The rewrite matches argparse's message templates rather than replacing argparse's gettext function: that
function is shared by every parser in the process (pytest's among them), and the templates hold the values
(the option, the choices) that the Chinese line needs in its own order and quotes. The words and the
formatter live in `cliwords`, imported only when an error or a help is printed (this module is imported by
every run, a one-file lint in a pre-commit hook among them).
"""

from __future__ import annotations

import argparse

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (2 ms of a one-file lint)
if TYPE_CHECKING:
    from typing import NoReturn


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help and usage errors are Chinese; a usage error is one line, exit 2."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False  # argparse's own -h says "show this help message and exit"
        super().__init__(*args, **kwargs)
        self.commands: dict[str, Parser] = {}  # subcommand -> its parser, filled by the caller
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示这份说明后退出")

    def parse_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def]
        """As argparse's, but words left over are reported by the subcommand they were given to."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            owner = self.commands.get(getattr(parsed, "command", None) or "", self)
            owner.error("unrecognized arguments: " + " ".join(extras))
        return parsed

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {self.chinese(message)}（{self.prog} --help 查看用法）\n")

    def chinese(self, message: str) -> str:
        from huifang.cliwords import chinese

        return chinese(self, message)

    def format_help(self) -> str:
        self._chinese_formatter()
        return super().format_help()

    def format_usage(self) -> str:
        self._chinese_formatter()
        return super().format_usage()

    def _get_formatter(self):  # type: ignore[no-untyped-def]
        """argparse's own formatter, made for every add_argument (to check its metavar) and add_subparsers
        (the subcommands' prog, "huifang"), with a width given: neither uses it, and looking it up
        (`shutil.get_terminal_size`) imports shutil, and with it bz2 and lzma, on every run (≈ 7 M
        instructions of a one-file lint). Help and usage are formatted by huifang's formatter, which finds
        its own width."""
        if self.formatter_class is argparse.HelpFormatter:
            return argparse.HelpFormatter(prog=self.prog, width=80)
        return super()._get_formatter()

    def _chinese_formatter(self) -> None:
        """huifang's help formatter, imported only when a help or usage is printed (argparse also makes a
        formatter for every add_argument, to check its metavar: those keep argparse's, which is cheaper)."""
        from huifang.cliwords import HelpFormatter

        self.formatter_class = HelpFormatter
