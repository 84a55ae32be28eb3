"""Output formats: text (people), json (scripts), github (PR annotations), sarif (code scanning).

Every message is one line already (engine.one_line); the formats only escape what their syntax needs.
"""

from __future__ import annotations

from huifang import __version__
from huifang.problems import SEVERITY_NAMES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
DIM, BOLD, RESET = "\033[2m", "\033[1m", "\033[0m"
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def text(problems, color: bool = False) -> str:
    """One line a finding for people: its place, its severity in Chinese, the rule id (what `# huifang: disable=`
    and huifang.yaml name), the message and the suggestion."""
    out = []
    for p in problems:
        tail = f"（建议：{p.suggestion}）" if p.suggestion else ""
        severity = SEVERITY_NAMES.get(p.severity, p.severity)
        if color:
            out.append(
                f"{BOLD}{p.path}:{p.line}:{p.column}:{RESET} {COLORS.get(p.severity, '')}{severity}{RESET} "
                f"{DIM}{p.rule}{RESET} {p.message}{DIM}{tail}{RESET}"
            )
        else:
            out.append(f"{p.path}:{p.line}:{p.column}: {severity} {p.rule} {p.message}{tail}")
    return "".join(line + "\n" for line in out)


JSON_ROW = "_json_row"  # a finding's row of `as_json`, when a worker process wrote it (lint.run)


def as_json(problems) -> str:
    """`json.dumps(rows, ensure_ascii=False, indent=2)` of one flat object per finding, written out
    directly (`json_rows`). A finding that crossed from a worker process brings its row, written there, in
    parallel with the other worker's, rather than in the parent once both are done."""
    if not problems:
        return "[]\n"
    return "[\n" + ",\n".join(r if isinstance(r, str) else r.decode() for r in _rows(problems)) + "\n]\n"


def write_json(problems, stream) -> None:
    """`stream.write(as_json(problems))`. Where the stream writes UTF-8, the rows go to its byte buffer a
    thousand at a time, those from worker processes as the workers encoded them: for ten thousand files
    the whole text (≈ 10 MB of str) is neither built nor encoded in the parent once the workers are done."""
    errors = utf8(stream)
    if not problems or errors is None:
        stream.write(as_json(problems))
        return
    rows = [r if isinstance(r, bytes) else r.encode("utf-8", errors) for r in _rows(problems, errors)]
    pieces = [b"[\n"]
    for at in range(0, len(rows), 1000):
        pieces += (b",\n".join(rows[at : at + 1000]), b",\n")
    pieces[-1] = b"\n]\n"
    stream.flush()
    stream.buffer.writelines(pieces)


def utf8(stream) -> str | None:
    """The error handler with which the text stream `stream` encodes in UTF-8 what it passes on to
    `stream.buffer` unchanged but for that (a line break stays one); None for any other stream. UTF-8 encodes
    each character on its own, so rows encoded one by one with it are the whole text encoded."""
    import codecs
    import os

    try:
        if os.linesep == "\n" and codecs.lookup(stream.encoding).name == "utf-8" and stream.buffer is not None:
            return str(stream.errors or "strict")
    except (AttributeError, LookupError, TypeError):
        pass
    return None


def _rows(problems, errors: str | None = None) -> list:
    """Each finding's row of `as_json`: brought from a worker (str, or bytes when encoded there) or written here
    (encoded with UTF-8 and `errors` when given: `encoded_rows`)."""
    rows = [p.__dict__.get(JSON_ROW) for p in problems]
    if None in rows:
        missing = [p for p, row in zip(problems, rows) if row is None]
        written = iter(json_rows(missing) if errors is None else encoded_rows(missing, errors))
        rows = [next(written) if row is None else row for row in rows]
    return rows


def json_rows(problems, errors: str | None = None) -> list:
    """Each finding's object in `as_json`: with an indent, json.dumps encodes in Python, object by object (a
    quarter of a second for ten thousand files' findings); here the strings still go through json's own (C)
    string encoder. A row is its place (path, line, column) and its tail (rule, severity, message, suggestion);
    the tails recur from finding to finding (a rule's message), so each is written once. With `errors`, the
    rows come encoded (UTF-8 with that error handler; each tail encoded once), as bytes."""
    encode = _string_encoder()
    tails: dict = {}  # (rule, severity, message, suggestion) → the row's tail, str or encoded
    rows: list = []
    for p in problems:
        key = (p.rule, p.severity, p.message, p.suggestion)
        tail: Any = tails.get(key)
        if tail is None:
            suggestion = encode(p.suggestion) if p.suggestion else "null"
            written = (
                f',\n    "rule": {encode(p.rule)},\n    "severity": {encode(p.severity)},'
                f'\n    "message": {encode(p.message)},\n    "suggestion": {suggestion}\n  }}'
            )
            tail = tails[key] = written if errors is None else written.encode("utf-8", errors)
        head = (
            f'  {{\n    "path": {encode(p.path)},\n    "line": {int(p.line)!r},\n    "column": {int(p.column)!r},'
            f'\n    "end_line": {int(p.end_line or p.line)!r},\n    "end_column": {int(p.end_column or p.column)!r}'
        )
        rows.append(head + tail if errors is None else head.encode("utf-8", errors) + tail)
    return rows


def _string_encoder() -> Any:
    """What json.dumps uses for a string with ensure_ascii=False (`json.encoder.encode_basestring`): its C
    version taken from `_json` itself, without importing json (its decoder's regexes, ≈ 5 M instructions in
    each worker process of a lint)."""
    try:
        from _json import encode_basestring

        return encode_basestring
    except ImportError:  # a Python without the C accelerator
        import json

        return json.encoder.encode_basestring


def encoded_rows(problems, errors: str) -> list:
    """`json_rows` encoded with UTF-8 and `errors` (UTF-8 encodes each character on its own, and a row is cut
    between two ASCII characters: its parts encoded apart are the row encoded); the str rows when that raises,
    so that the caller's write raises it as writing the whole text would."""
    try:
        return json_rows(problems, errors)
    except UnicodeError:
        return json_rows(problems)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(problems) -> str:
    out = []
    for p in problems:
        props = [f"file={_escape_property(p.path)}", f"line={p.line}", f"col={p.column}"]
        if p.end_line:
            props += [f"endLine={p.end_line}", f"endColumn={p.end_column or p.column}"]
        props.append(f"title={_escape_property('huifang ' + p.rule)}")
        message = p.message + (f" (建议: {p.suggestion})" if p.suggestion else "")
        out.append(f"::{GITHUB_LEVEL.get(p.severity, 'error')} {','.join(props)}::{_escape_data(message)}\n")
    return "".join(out)


def _one_line(text: str) -> str:
    """A docstring's wrapped lines as one line, as the handbook's rule page joins them: a line break between Chinese
    is no space (joined with one, GitHub showed 「简体、 全角」); between two ASCII words it is one."""
    out = ""
    for line in filter(None, (" ".join(raw.split()) for raw in text.splitlines())):
        if out and out[-1].isascii() and line[0].isascii():
            out += " "
        out += line
    return out


def sarif(problems) -> str:
    from huifang.lint.rules import RULES, describe

    rules: list = []
    index: dict = {}
    for rule in RULES:
        doc = describe(rule)
        index[rule.ID] = len(rules)
        rules.append(
            {
                "id": rule.ID,
                "name": rule.ID,
                "shortDescription": {"text": doc.title},
                "fullDescription": {"text": _one_line(doc.description) or doc.title},
                "defaultConfiguration": {"level": SARIF_LEVEL[rule.SEVERITY]},
            }
        )
    if any(p.rule == "check" for p in problems):
        index["check"] = len(rules)
        rules.append(
            {
                "id": "check",
                "name": "check",
                "shortDescription": {"text": "内容文件无法读取或不符合结构"},
                "defaultConfiguration": {"level": "error"},
            }
        )
    results = []
    for p in problems:
        region = {"startLine": p.line, "startColumn": p.column}
        if p.end_line:
            region.update(endLine=p.end_line, endColumn=max(p.end_column, 1))
        result = {
            "ruleId": p.rule,
            "level": SARIF_LEVEL.get(p.severity, "error"),
            "message": {"text": p.message + (f" (建议: {p.suggestion})" if p.suggestion else "")},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(p.path), "uriBaseId": "%SRCROOT%"},
                        "region": region,
                    }
                }
            ],
        }
        if p.rule in index:
            result["ruleIndex"] = index[p.rule]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "huifang", "version": __version__, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    import json

    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/")
