"""Safe, bounded YAML loading that remembers where every value came from.

The tree is built from the parser's event stream rather than from PyYAML's constructors so that
no tag can instantiate anything, alias expansion and nesting are bounded before memory grows,
duplicate keys are caught, and every scalar keeps its source span for `path:line:col` messages.
Scalars resolve by the YAML 1.2 core schema: `10:30` stays a string and `no` is not `False`.
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path

from huifang import regexcache
from huifang.problems import ContentError
from huifang.readfile import read_bytes

TYPE_CHECKING = False
if TYPE_CHECKING:  # the checker knows dataclasses; records makes the same classes faster
    from dataclasses import dataclass, field
    from typing import Any
else:
    from huifang.records import dataclass, field


# PyYAML is imported by the functions that parse (a tenth of a second spent only when something is parsed)

DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_NODES = 100_000
DEFAULT_MAX_DEPTH = 50

CORE_TAGS = {"tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
NULL_RE = regexcache.compile(r"^(~|null|Null|NULL|)$")
BOOL_RE = regexcache.compile(r"^(true|True|TRUE|false|False|FALSE)$")
INT_RE = regexcache.compile(r"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
FLOAT_RE = regexcache.compile(
    r"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$"
)
# Characters that reorder or hide text: a reviewer would not see what the trainee reads.
HIDDEN_CHARS = regexcache.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
CONTROL_CHARS = regexcache.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters YAML refuses (C1 controls, non-characters) and line breaks that only YAML counts as
# such, which would put every later line number off by one from what the editor shows.
UNUSABLE_CHARS = regexcache.compile("[\x80-\x84\x86-\x9f\ufffe\uffff]")
ODD_BREAKS = regexcache.compile("[\x85\u2028\u2029]")
SAFE_MAX_DEPTH = 200  # deeper trees exhaust Python's recursion in validation and rendering

PARSER_MESSAGES = {
    "did not find expected ',' or ']'": "列表缺少逗号或右方括号 ]",
    "did not find expected ',' or '}'": "映射缺少逗号或右花括号 }",
    "did not find expected node content": "缺少值（括号、引号没有闭合，或多了符号？）",
    "mapping values are not allowed in this context": "此处不能出现冒号映射（含冒号的文字请加引号）",
    "mapping values are not allowed here": "此处不能出现冒号映射（检查上一行的缩进，或给含冒号的文字加引号）",
    "could not find expected ':'": "找不到预期的冒号 ':'",
    "did not find expected key": "找不到预期的键（检查缩进是否对齐）",
    "did not find expected '-' indicator": "找不到预期的列表符号 '-'（检查缩进）",
    "found character that cannot start any token": "出现了不能作为开头的字符（制表符不能用于缩进；含特殊符号的文字请加引号）",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合？）",
    "found undefined alias": "引用了未定义的锚点",
    "found unacceptable character": "含有不可接受的字符",
    "expected <block end>, but found '<block mapping start>'": "缩进不一致",
    "expected <block end>, but found '-'": "列表项的缩进不一致",
    "found a tab character that violates indentation": "缩进中含有制表符（请只用空格缩进）",
    "found a tab character where an indentation space is expected": "缩进中含有制表符（请只用空格缩进）",
    "while scanning a quoted scalar": "引号没有闭合",
    "while scanning a simple key": "键后缺少冒号",
}


@dataclass(frozen=True)
class Tagged:
    """A value written with a tag that the caller allowed (e.g. `!ENV NAME` in mkdocs.yml)."""

    tag: str
    value: object


@dataclass(frozen=True)
class Span:
    line: int  # 1-based
    column: int  # 1-based, in characters
    end_line: int
    end_column: int
    start: int  # character index into the document text
    end: int
    style: str | None = None


@dataclass
class Document:
    path: Path
    display: str
    text: str
    data: object
    spans: dict[tuple, Span] = field(default_factory=dict)
    key_spans: dict[tuple, Span] = field(default_factory=dict)

    def span(self, path: tuple) -> Span:
        """Where the value at `path` is written, or its nearest written ancestor."""
        path = tuple(path)
        while path not in self.spans and path:
            path = path[:-1]
        return self.spans.get(path) or Span(1, 1, 1, 1, 0, 0)

    def key_span(self, path: tuple) -> Span:
        return self.key_spans.get(tuple(path)) or self.span(path)

    def error(self, path: tuple, message: str, *, key: bool = False) -> ContentError:
        s = self.key_span(path) if key else self.span(path)
        return ContentError(self.display, s.line, s.column, message)


def mapping(doc: Document) -> dict[str, Any]:
    """The document's top level as the mapping it is once it passed its schema (every schema's top level is an
    object). Called on a document that did not, it is a bug of the caller's, not the user's."""
    data = doc.data
    if not isinstance(data, dict):
        raise TypeError(f"{doc.display}: the top level is {type(data).__name__}, not a mapping")
    return data


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_nodes: int = DEFAULT_MAX_NODES
    max_depth: int = DEFAULT_MAX_DEPTH


def line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def read_text(path: Path, display: str, limits: Limits = Limits()) -> str:
    """Read a content file as text, or raise a ContentError saying what is wrong and how to fix it."""
    return decode(
        read_bytes(
            path,
            display,
            limits.max_file_bytes,
            "：内容文件应很小；确需更大可在 huifang.yaml 的 limits.max_file_bytes 中调整",
        ),
        display,
    )


def decode(raw: bytes, display: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentError(
            display, 1, 1, "文件是 UTF-16 编码：请另存为 UTF-8（如 iconv -f UTF-16 -t UTF-8 原文件 > 新文件）"
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if looks_utf16(raw):
        raise ContentError(display, 1, 1, "文件看起来是 UTF-16 编码：请另存为 UTF-8")
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = line_col(raw[:nul].decode("utf-8", "replace"), nul)
        if raw[1::2].count(b"\x00") > len(raw) // 4 or raw[0::2].count(b"\x00") > len(raw) // 4:
            raise ContentError(display, 1, 1, "文件看起来是 UTF-16 编码：请另存为 UTF-8")
        raise ContentError(display, line, col, "文件含有 NUL 字节（二进制文件？）：内容文件必须是 UTF-8 文本")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_at, hint = exc.start, ""
        try:
            raw.decode("gb18030")
            hint = "看起来是 GBK/GB18030 编码（中文 Windows 常见）："
            # GBK bytes can pass as UTF-8 for a while: point at where the non-ASCII text starts.
            bad_at = next(i for i, byte in enumerate(raw) if byte >= 0x80)
        except UnicodeDecodeError:
            pass
        good = raw[:bad_at].decode("utf-8", "replace")
        line, col = line_col(good, len(good))
        raise ContentError(
            display,
            line,
            col,
            f"文件不是 UTF-8 编码，{hint}请在编辑器中另存为 UTF-8，或运行 iconv -f GBK -t UTF-8 原文件 > 新文件",
        ) from None
    for pattern, what in (
        (HIDDEN_CHARS, "会改变文字显示顺序的隐藏字符"),
        (CONTROL_CHARS, "控制字符"),
        (UNUSABLE_CHARS, "不能使用的字符"),
        (ODD_BREAKS, "特殊换行符（请改为普通换行或删除）"),
    ):
        found = pattern.search(text)
        if found:
            line, col = line_col(text, found.start())
            name = unicodedata.name(found.group(), f"U+{ord(found.group()):04X}")
            raise ContentError(display, line, col, f"含有{what}（{name}）：请删除")
    return text


def looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte-order mark: not UTF-8, and nine in ten characters are CJK or ASCII text
    when read as UTF-16 (GBK bytes read that way are mostly Hangul and private-use characters)."""
    if len(raw) < 4 or len(raw) % 2:
        return False
    try:
        raw.decode("utf-8")
        return False
    except UnicodeDecodeError:
        pass
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        plain = sum(
            1
            for c in text
            if "\u4e00" <= c <= "\u9fff"
            or "\u3000" <= c <= "\u303f"
            or "\uff00" <= c <= "\uffef"
            or c in "\t\r\n"
            or " " <= c <= "~"
        )
        if plain >= 0.9 * len(text):
            return True
    return False


def resolve_plain(value: str) -> object:
    if NULL_RE.match(value):
        return None
    if BOOL_RE.match(value):
        return value.lower() == "true"
    if INT_RE.match(value):
        return int(value, 0) if value.startswith(("0o", "0x")) else int(value)
    if FLOAT_RE.match(value):
        return float(
            value.replace(".inf", "inf")
            .replace(".Inf", "inf")
            .replace(".INF", "inf")
            .replace(".nan", "nan")
            .replace(".NaN", "nan")
            .replace(".NAN", "nan")
        )
    return value


PLACEHOLDER_IN_LINE = regexcache.compile(r"\{[^{}\s:,]{1,20}\}")


def parser_error(exc, display: str, source: str = "", limits: Limits = Limits()) -> ContentError:
    """A parser error as one Chinese line, whatever PyYAML's version words it as."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None) or ""
    if "nesting depth" in problem:
        return ContentError(
            display,
            (mark.line + 1) if mark else 1,
            (mark.column + 1) if mark else 1,
            f"嵌套过深（超过 {limits.max_depth} 层）：拒绝读取",
        )
    text = PARSER_MESSAGES.get(problem) or PARSER_MESSAGES.get(context)
    for key, value in PARSER_MESSAGES.items():
        if text is None and problem.startswith(key):
            text = value
    message = f"YAML 语法错误：{text or '无法解析（请检查缩进、冒号、引号和括号）'}"
    if mark is None:
        return ContentError(display, 1, 1, message)
    lines = source.splitlines()
    nearby = lines[max(mark.line - 1, 0) : mark.line + 1]
    if any(PLACEHOLDER_IN_LINE.search(line) for line in nearby):
        message += '；提示：含 {占位符} 的文字若以 { 开头或写在 [ ] 里，必须加引号，如 "{公司}您好"'
    elif problem.startswith(("mapping values are not allowed", "could not find expected ':'")):
        message += _colon_missing_above(lines, mark.line)
    return ContentError(display, mark.line + 1, mark.column + 1, message)


def _colon_missing_above(lines: list[str], at: int) -> str:
    """`id fuwu` or `id：fuwu` on the line above a key at its indentation: PyYAML reads the two lines as one text
    and stops at the second line's colon, so the line to fix is the one above the error."""
    if at >= len(lines):
        return ""
    above = next((i for i in range(at - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")), None)
    if above is None:
        return ""
    line, here = lines[above], lines[at]
    if (
        len(line) - len(line.lstrip(" ")) != len(here) - len(here.lstrip(" "))
        or ":" in line
        or line.lstrip()[:1] == "-"
    ):
        return ""
    shown = line.strip() if len(line.strip()) <= 30 else line.strip()[:30] + "…"
    if "：" in line:
        return f"；第 {above + 1} 行「{shown}」的冒号是全角的「：」，键后要用半角冒号 :"
    return f"；第 {above + 1} 行「{shown}」是否少了冒号？"


class _Builder:
    def __init__(self, display: str, limits: Limits, allow_tag=None):
        self.display = display
        self.allow_tag = allow_tag  # tag -> bool: tags kept as Tagged values instead of refused
        self.limits = limits
        self.nodes = 0
        self.anchors: dict[str, tuple[object, int]] = {}
        self.spans: dict[tuple, Span] = {}
        self.key_spans: dict[tuple, Span] = {}

    def fail(self, mark, message: str) -> ContentError:
        return ContentError(self.display, mark.line + 1, mark.column + 1, message)

    def count(self, n: int, mark) -> None:
        self.nodes += n
        if self.nodes > self.limits.max_nodes:
            raise self.fail(mark, f"节点过多（超过 {self.limits.max_nodes} 个，可能是锚点/别名炸弹）：拒绝读取")

    def check_tag(self, event) -> str | None:
        """The event's tag when the caller allows it; refuses every other non-core tag."""
        tag = getattr(event, "tag", None)
        if tag and tag not in CORE_TAGS and tag != "!":
            if self.allow_tag is not None and self.allow_tag(tag):
                return tag
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise self.fail(event.start_mark, f"不允许的 YAML 标签 {shown}：huifang 只读取纯数据，不执行任何对象标签")
        return None

    @staticmethod
    def span(start, end, style=None) -> Span:
        return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1, start.index, end.index, style)

    def build(self, events) -> object:
        import yaml

        """Turn one document's events into plain data. Iterative, so depth is bounded by our limit only."""
        stack: list[list] = []  # frames: [container, path, pending_key, start_mark, anchor, keys_seen]
        root = None

        def attach(value, path, size, anchor):
            nonlocal root
            if anchor:
                self.anchors[anchor] = (value, size)
            if not stack:
                root = value
                return
            frame = stack[-1]
            container = frame[0]
            if isinstance(container, list):
                container.append(value)
            else:
                container[frame[2]] = value
                frame[2] = None

        def child_path():
            if not stack:
                return ()
            frame = stack[-1]
            if isinstance(frame[0], list):
                return frame[1] + (len(frame[0]),)
            return frame[1] + (frame[2],)

        for event in events:
            if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentStartEvent)):
                continue
            if isinstance(event, (yaml.DocumentEndEvent, yaml.StreamEndEvent)):
                break
            tag = self.check_tag(event)
            # A mapping waiting for its key: this event is the key.
            if (
                stack
                and isinstance(stack[-1][0], dict)
                and stack[-1][2] is None
                and not isinstance(event, yaml.MappingEndEvent)
            ):
                frame = stack[-1]
                if not isinstance(event, yaml.ScalarEvent):
                    raise self.fail(event.start_mark, "键必须是简单的文字（不能是列表、映射或别名）")
                key = event.value
                if key in frame[5]:
                    raise self.fail(event.start_mark, f"重复的键 '{key}'：同一映射中只能出现一次")
                if key == "<<":
                    raise self.fail(event.start_mark, "不支持合并键 '<<'：请直接写出各个键")
                frame[5].add(key)
                frame[2] = key
                self.key_spans[frame[1] + (key,)] = self.span(event.start_mark, event.end_mark, event.style)
                continue
            path = child_path()
            if isinstance(event, yaml.AliasEvent):
                if event.anchor not in self.anchors:
                    raise self.fail(event.start_mark, f"引用了未定义的锚点 *{event.anchor}")
                value, size = self.anchors[event.anchor]
                self.count(size, event.start_mark)
                self.spans[path] = self.span(event.start_mark, event.end_mark)
                attach(value, path, size, None)
            elif isinstance(event, yaml.ScalarEvent):
                self.count(1, event.start_mark)
                if tag:
                    value = Tagged(tag, event.value)
                elif not event.style and event.implicit[0] and event.tag in (None, "!"):
                    value = resolve_plain(event.value)
                    if isinstance(value, float) and not math.isfinite(value):
                        raise self.fail(
                            event.start_mark,
                            f'{event.value} 不是具体的数值：请写一个数字（如要写文字，请加引号："{event.value}"）',
                        )
                else:
                    value = event.value
                self.spans[path] = self.span(event.start_mark, event.end_mark, event.style)
                attach(value, path, 1, event.anchor)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self.count(1, event.start_mark)
                if len(stack) >= self.limits.max_depth:
                    raise self.fail(event.start_mark, f"嵌套过深（超过 {self.limits.max_depth} 层）：拒绝读取")
                container: dict | list = {} if isinstance(event, yaml.MappingStartEvent) else []
                stack.append([container, path, None, event.start_mark, event.anchor, set(), self.nodes, tag])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                done, cpath, _, start_mark, anchor, _, nodes_before, tag = stack.pop()
                self.spans[cpath] = self.span(start_mark, event.end_mark)
                attach(Tagged(tag, done) if tag else done, cpath, self.nodes - nodes_before + 1, anchor)
        return root


def load_document(text: str, path: Path, display: str, limits: Limits = Limits(), allow_tag=None) -> Document:
    import yaml

    builder = _Builder(display, limits, allow_tag)
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        events = yaml.parse(text, Loader=loader)
        data = builder.build(events)
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                raise builder.fail(event.start_mark, "一个文件只能有一个 YAML 文档（去掉多余的 ---）")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None and "nesting depth" in str(exc) and 0 < mark.index < len(text):
            # PyYAML >= 6.0.4 stops at a limit of its own, deeper than ours but scanned ahead of the events:
            # the text before its stop reaches our limit first, at the place a reader should look
            try:
                _Builder(display, limits, allow_tag).build(yaml.parse(text[: mark.index], Loader=loader))
            except ContentError as ours:
                raise ours from None
            except yaml.YAMLError:
                pass
        raise parser_error(exc, display, text, limits) from None
    except RecursionError:
        raise ContentError(display, 1, 1, "嵌套过深：拒绝读取") from None
    if data is None:
        raise ContentError(display, 1, 1, "文件为空：请写入内容，或删除该文件")
    return Document(path, display, text, data, builder.spans, builder.key_spans)


def load_file(path: Path, display: str, limits: Limits = Limits(), allow_tag=None) -> Document:
    return load_document(read_text(path, display, limits), path, display, limits, allow_tag)
