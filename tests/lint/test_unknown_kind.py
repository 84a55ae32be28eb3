"""A declared kind of contact the linter does not know (kind: banana) is one finding at the value, naming it and
the kinds it knows; the file is then linted as outbound, as before."""

from __future__ import annotations

import json

import pytest

from tests.conftest import huifang

SCRIPT = "客服：您好，我是安心物业客服小李。\n客户：你好。\n客服：感谢您的支持，再见！\n"
KNOWN = "去电回访（outbound）、来电（inbound）、面对面（face）、短信/微信（message）"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "banana.txt").write_text("kind: banana\n" + SCRIPT, encoding="utf-8")
    (tmp_path / "front.md").write_text("---\ntitle: 回访\n  类型： 投诉\n---\n" + SCRIPT, encoding="utf-8")
    (tmp_path / "known.txt").write_text("kind: outbound\n" + SCRIPT, encoding="utf-8")
    return tmp_path


def test_text_output_says_it_at_the_value(files):
    done = huifang("lint", files / "banana.txt", files / "front.md", files / "known.txt", "--format", "text")
    found = [line for line in done.stdout.splitlines() if "unknown-kind" in line]
    assert found == [
        f"{files / 'banana.txt'}:1:7: 警告 unknown-kind 看不懂声明的联系方式「banana」：认识的联系方式有{KNOWN}。"
        "这个文件按去电回访检查",
        f"{files / 'front.md'}:3:7: 警告 unknown-kind 看不懂声明的联系方式「投诉」：认识的联系方式有{KNOWN}。"
        "这个文件按去电回访检查",
    ]
    assert "Traceback" not in done.stderr


def test_json_output_and_the_file_is_still_linted_as_outbound(files):
    bad = huifang("lint", files / "banana.txt", "--format", "json")
    good = huifang("lint", files / "known.txt", "--format", "json")
    problems = json.loads(bad.stdout)
    (unknown,) = [p for p in problems if p["rule"] == "unknown-kind"]
    assert (unknown["line"], unknown["column"], unknown["end_line"], unknown["end_column"]) == (1, 7, 1, 13)
    assert unknown["severity"] == "warning" and "「banana」" in unknown["message"]
    # the other findings are those of the same script declared outbound
    rest = [(p["rule"], p["line"], p["column"], p["message"]) for p in problems if p["rule"] != "unknown-kind"]
    assert rest and rest == [(p["rule"], p["line"], p["column"], p["message"]) for p in json.loads(good.stdout)]


def test_sarif_lists_the_rule(files):
    done = huifang("lint", files / "banana.txt", "--format", "sarif")
    run = json.loads(done.stdout)["runs"][0]
    assert "unknown-kind" in {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert "unknown-kind" in {result["ruleId"] for result in run["results"]}
