"""Every output format, through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from tests.conftest import huifang

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


def lint(proj, *args):
    return huifang("lint", "--project", proj, *args)


def test_text_format(proj):
    run = lint(proj, proj / "scripts_src" / "phrases.yaml")
    assert run.returncode == 1
    first = run.stdout.splitlines()[0]
    assert first == (
        "scripts_src/phrases.yaml:6:5: 错误 forbidden-phrase 忌语「不可能！我们从没这种事」："
        "否定客户的感受，客户会觉得不被尊重。（建议：很抱歉给您带来不便，您能描述一下当时的具体情况吗？"
        "（接听客户来电 2、3））"
    )
    assert "\033[" not in run.stdout
    colored = lint(proj, "--color", "always", proj / "scripts_src" / "phrases.yaml")
    assert "\033[31m错误" in colored.stdout


def test_json_format(proj):
    run = lint(proj, "--format", "json", proj / "scripts_src" / "bare.yaml")
    rows = json.loads(run.stdout)
    assert rows and all(
        set(r) == {"path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "suggestion"}
        for r in rows
    )
    unknown = next(r for r in rows if r["rule"] == "unknown-placeholder")
    assert (unknown["line"], unknown["column"], unknown["end_line"], unknown["end_column"]) == (8, 15, 8, 19)


def test_github_format_escapes(proj):
    (proj / "scripts_src" / "a,b:c%.txt").write_text("客服：你自己想办法吧\n", encoding="utf-8")
    run = lint(proj, "--format", "github", proj / "scripts_src" / "a,b:c%.txt")
    lines = [x for x in run.stdout.splitlines() if "forbidden-phrase" in x]
    assert lines == [
        "::error file=scripts_src/a%2Cb%3Ac%25.txt,line=1,col=4,endLine=1,endColumn=11,"
        "title=huifang forbidden-phrase::忌语「你自己想办法吧」：推卸责任。 (建议: 请您不要着急，我们一定给您解决好。)"
    ]
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in run.stdout.splitlines())


def test_github_escaping_of_newlines():
    from huifang.lint.formats import github
    from huifang.problems import Problem

    out = github([Problem("x.txt", 1, 1, "a%b\r\nc", "info", "r")])
    assert out == "::notice file=x.txt,line=1,col=1,title=huifang r::a%25b%0D%0Ac\n"


def test_sarif_validates_against_the_schema(proj):
    run = lint(proj, "--format", "sarif")
    log = json.loads(run.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    results = log["runs"][0]["results"]
    assert results and log["version"] == "2.1.0"
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_sarif_empty_run_validates(proj):
    run = lint(proj, "--format", "sarif", proj / "scripts_src" / "good.yaml")
    assert run.returncode == 0
    jsonschema.Draft4Validator(SCHEMA).validate(json.loads(run.stdout))


def test_messages_are_single_line(proj):
    (proj / "content" / "forbidden" / "basic.yaml").write_text(
        (proj / "content" / "forbidden" / "basic.yaml")
        .read_text(encoding="utf-8")
        .replace("reason: 推卸责任。", "reason: |\n      推卸责任。\n      第二行。"),
        encoding="utf-8",
    )
    (proj / "scripts_src" / "x.txt").write_text("客服：你自己想办法吧\n", encoding="utf-8")
    for fmt in ("text", "github"):
        out = lint(proj, "--format", fmt, proj / "scripts_src" / "x.txt").stdout
        assert len([line for line in out.splitlines() if "forbidden-phrase" in line]) == 1
    rows = json.loads(lint(proj, "--format", "json", proj / "scripts_src" / "x.txt").stdout)
    assert all("\n" not in r["message"] for r in rows)


def test_json_is_what_json_dumps_writes():
    """as_json writes its objects itself (json.dumps with an indent encodes in Python): byte for byte
    what json.dumps(rows, ensure_ascii=False, indent=2) gives, for any text in any field."""
    from huifang.lint import formats
    from huifang.problems import Problem
    from hypothesis import given, settings
    from hypothesis import strategies as st

    def dumped(problems) -> str:
        rows = [
            {
                "path": p.path,
                "line": p.line,
                "column": p.column,
                "end_line": p.end_line or p.line,
                "end_column": p.end_column or p.column,
                "rule": p.rule,
                "severity": p.severity,
                "message": p.message,
                "suggestion": p.suggestion or None,
            }
            for p in problems
        ]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"

    number = st.integers(min_value=0, max_value=10**6)
    problem = st.builds(
        Problem,
        st.text(),
        number,
        number,
        st.text(),
        st.sampled_from(["error", "warning", "info"]),
        st.text(),
        number,
        number,
        st.text(),
    )

    @settings(max_examples=300, deadline=None)
    @given(st.lists(problem, max_size=4), st.lists(st.booleans(), min_size=4, max_size=4))
    def same(problems, from_worker):
        assert formats.as_json(problems) == dumped(problems)
        # findings that crossed from a worker process bring their rows (lint.run): some do, some do not
        from huifang.problems import as_rows, from_rows

        crossed = from_rows(as_rows(problems))
        for p, row, brought in zip(crossed, formats.json_rows(crossed), from_worker):
            if brought:
                p.__dict__[formats.JSON_ROW] = row
        assert formats.as_json(crossed) == dumped(problems)

    same()


def test_json_written_to_a_stream_is_as_json_encoded_by_it():
    """write_json hands a UTF-8 stream's buffer the rows encoded one by one (some as a worker process encoded
    them, as lint.run does when the stream takes UTF-8): the same bytes as writing as_json's text, under every
    error handler (or the same error), and any other stream gets that text."""
    import io

    from huifang.lint import formats
    from huifang.problems import Problem, as_rows, from_rows
    from hypothesis import given, settings
    from hypothesis import strategies as st

    number = st.integers(min_value=0, max_value=10**6)
    text = st.text(alphabet=st.sampled_from('a"\\\n\t话術\U00020000\udc80\ud800'))
    problem = st.builds(Problem, text, number, number, text, st.sampled_from(["error", "info"]), text)

    def stream(encoding, errors):
        return io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors=errors)

    def written(problems, encoding, errors, how):
        out = stream(encoding, errors)
        try:
            how(problems, out)
            out.flush()
        except UnicodeError as exc:
            return type(exc)
        return out.buffer.getvalue()

    @settings(max_examples=200, deadline=None)
    @given(
        st.lists(problem, max_size=5),
        st.lists(st.booleans(), min_size=5, max_size=5),
        st.sampled_from(["utf-8", "UTF8", "gb18030"]),
        st.sampled_from(["strict", "surrogateescape", "replace", "backslashreplace", "surrogatepass"]),
    )
    def same(problems, from_worker, encoding, errors):
        crossed = from_rows(as_rows(problems))
        # a worker encodes its rows when the stream takes UTF-8 (each tail once), else brings them as text
        utf8 = formats.utf8(stream(encoding, errors)) == errors
        rows = formats.encoded_rows(crossed, errors) if utf8 else formats.json_rows(crossed)
        for p, row, brought in zip(crossed, rows, from_worker):
            if brought:
                p.__dict__[formats.JSON_ROW] = row
        expected = written(problems, encoding, errors, lambda ps, s: s.write(formats.as_json(ps)))
        assert written(crossed, encoding, errors, formats.write_json) == expected

    same()
