"""`--fix`: rewrite a forbidden phrase only where the replacement reads correctly.

A fix is offered only when the phrase (with its own punctuation) is a whole sentence of the
agent's line, and the phrase's `instead` is itself one complete sentence said to the customer
(addresses 您, ends like a sentence, no notes, quotes, alternatives or placeholders). Anything
else is only suggested: prh's context-blind rewrite turned 「这不可能是我们的系统故障」 into
nonsense. The edit is spliced into the file's bytes at the exact offsets, so comments, quoting,
indentation, line ends and permissions stay; a YAML file is re-parsed and re-validated in memory
and written (atomically) only if it still passes `huifang check` with exactly the intended value.
"""

from __future__ import annotations

from pathlib import Path

from huifang import regexcache
from huifang.lint.normalize import TABLE

TYPE_CHECKING = False
if TYPE_CHECKING:  # the checker knows dataclasses; records makes the same classes faster
    from dataclasses import dataclass
else:
    from huifang.records import dataclass


SENTENCE_END = "。！？!?；;…"
NOTES = regexcache.compile(r"（[^（）]*）|\([^()]*\)")
ALTERNATIVE = regexcache.compile(r"或者?[：:]|；或")
NOT_SPOKEN = set("“”「」『』\"':：{}【】[]\n")


def spoken(instead: str) -> str:
    """The replacement sentence in `instead`, or "" when there is none that can be said as is."""
    text = ALTERNATIVE.split(instead, 1)[0]
    text = NOTES.sub("", text).strip()
    if not text or len(text) > 80 or text[-1] not in "。！？" or "您" not in text:
        return ""
    if any(ch in NOT_SPOKEN for ch in text):
        return ""
    return text


def sayable(instead: str, matcher) -> str:
    """`spoken(instead)` when the matcher finds no phrase in it, else "": a phrase's replacement, the same at every
    place the phrase is found, remembered per matcher (the run's phrase list) and `instead` text."""
    memo = matcher.sayable
    found = memo.get(instead)
    if found is None:
        new = spoken(instead)
        found = memo[instead] = new if new and not matcher.find(new) else ""
    return found


def sentence_end(text: str, end: int) -> int | None:
    """Where the sentence ending with text[:end] stops (after its punctuation), or None if it goes on."""
    j = end
    last_stop = None
    while j < len(text) and TABLE.get(ord(text[j]), 1) is None:
        if text[j] in SENTENCE_END:
            last_stop = j + 1
        j += 1
    if j == len(text):
        return j
    return last_stop


def replacement_for(u, hit, ctx) -> tuple:
    source = ctx.sources.get(u.file)
    if source is None:
        return ()
    new = sayable(hit.phrase.instead, ctx.matcher)
    if not new:
        return ()
    before = u.text[: hit.start].rstrip(" \t\u3000")
    if before and before[-1] not in SENTENCE_END:
        return ()
    stop = sentence_end(u.text, hit.end)
    if stop is None:
        return ()
    where = u.source_range(hit.start, stop, source)
    if where is None:
        return ()
    expected = u.text[: hit.start] + new + u.text[stop:]
    written = new
    path = None
    if u.origin is not None:
        style = u.origin.doc.spans[u.origin.path].style
        written = {"'": new.replace("'", "''"), '"': new.replace("\\", "\\\\").replace('"', '\\"')}.get(style, new)
        path = u.origin.path
    return (u.file, where[0], where[1], written, path, expected)


@dataclass
class Edit:
    file: str
    path: Path
    before: str
    after: str
    applied: int
    refused: str = ""


def plan(problems, files: dict[str, Path], sources: dict[str, str], kinds: dict[str, str]) -> list[Edit]:
    """Apply every offered fix in memory, file by file; refuse files the edit would break."""
    from huifang.problems import ContentError
    from huifang.validate import validate_document
    from huifang.yamlload import load_document

    by_file: dict[str, list[tuple]] = {}
    for p in problems:
        if p.fix:
            by_file.setdefault(p.fix[0], []).append(p.fix)
    edits = []
    for file, fixes in sorted(by_file.items()):
        source = sources[file]
        text = source
        last = len(text) + 1
        count = 0
        expected = []
        for _, start, end, written, path, value in sorted(set(fixes), key=lambda f: -f[1]):
            if end > last:
                continue  # overlaps a later fix
            text = text[:start] + written + text[end:]
            last = start
            count += 1
            expected.append((path, value))
        edit = Edit(file, files[file], source, text, count)
        if file in kinds:
            try:
                doc = load_document(text, files[file], file)
                broken = validate_document(doc, kinds[file])
            except ContentError as exc:
                broken = [exc.problem]
            if not broken:
                broken = [path for path, value in expected if _value(doc.data, path) != value]
            if broken:
                edit.after, edit.applied = source, 0
                edit.refused = f"{file}: 修改后将无法通过 huifang check，未修改（请手动改写）"
        edits.append(edit)
    return edits


def _value(data, path):
    for key in path:
        data = data[key]
    return data


def write(edit: Edit) -> None:
    """Splice into the original bytes (BOM kept) and replace the file atomically (mode kept)."""
    from huifang.atomic import write_bytes

    raw = edit.path.read_bytes()
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    if raw[len(bom) :].decode("utf-8") != edit.before:
        raise OSError(f"{edit.file}: 文件在检查之后被修改过，未写入")
    write_bytes(edit.path, bom + edit.after.encode("utf-8"))


def diff(edit: Edit) -> str:
    import difflib

    lines = difflib.unified_diff(
        edit.before.splitlines(True), edit.after.splitlines(True), f"a/{edit.file}", f"b/{edit.file}"
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
