"""A forbidden statement said in another word order or with words inserted is still found in a call (the
linter's tolerance, applied to what was said), with its time and quote; a phrase only named is not."""

from __future__ import annotations

from pathlib import Path

from tests.qa.conftest import judge_text

CALL = """客服：您好！请问您是李女士吗？我是星辰装饰公司客服专员小林，想对您进行一个简单的客户回访，
客服：您现在方便接电话吗？
客户：不方便，我在开车。不过你们工人把我家墙砸坏了。
客服：{said}
客户：明天上午吧。
客服：不好意思打扰您，谢谢您，祝您生活愉快！再见！
"""


def forbidden(session, tmp_path: Path, said: str) -> list:
    verdict = judge_text(session, tmp_path, CALL.format(said=said), script="zhuangxiu-qiandan")
    return [f for f in verdict.findings if f.rule == "forbidden-phrase"]


def test_reordered_statement_with_inserted_words_is_found(session, tmp_path: Path):
    (found,) = forbidden(session, tmp_path, "这种事我们公司从来没有过，那请问什么时候适合打给您呢？")
    assert found.speaker == "agent" and found.turn == 3 and found.text.startswith("这种事我们公司从来没有过")


def test_the_phrase_only_named_is_not_a_finding(session, tmp_path: Path):
    assert forbidden(session, tmp_path, "我们绝不会说“从没这种事”，那请问什么时候适合打给您呢？") == []
