"""Round 30 (bench/README.md "Round 30"): the caller's frame names the organisation. What stands between a cue
(我是, 这边是, 咱们这边是, a greeting) and the words that say it is the side calling — 这边/那边 (the speaker's side)
or the call itself (给您来电, 给您打电话) — is the organisation, whatever the name (lint/caller.py `FRAMED`): its place in
the frame says so, where the gazetteer and the kind words know nothing of it. Kinds alone, an errand, a pronoun and
the customer's side stay unread.

Every text here is made up: the shapes read (each fails on main 5a8ceb5) and what they must leave alone.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import found

FRAMED = [
    "您好，我是东方雨虹这边的师傅，请问是王先生吗？",
    "您好，咱们这边是青禾给您来电的，请问是王先生吗？",
    "您好，我们这边是星河湾给您来电的，想跟您做个回访。",
    "您好，我是星河湾这边的，请问是王先生吗？",
    "您好，东方雨虹这边师傅，请问是王先生吗？",
    "喂，您好，我这边是云栖给您打个电话，回访一下上周的安装。",
    "您好，我是蓝鲸那边的，请问是李女士吗？",
    "您好，咱们是小熊优家给您做个回访，请问现在方便吗？",
]

LEFT_ALONE = [
    "您好，我是社区这边的，请问是王先生吗？",  # a kind alone
    "您好，售后这边给您来电，请问是王先生吗？",  # a kind alone
    "您好，我是想给您打个电话，请问是王先生吗？",  # an errand
    "您好，我们这边是想跟您确认一下，请问是王先生吗？",  # an errand
    "您好，我是负责您家这边的，请问是王先生吗？",  # an errand, 您
    "您好，我是他们那边的，请问是王先生吗？",  # a pronoun
    "您好，王先生这边给您来电，是想问一下安装的情况。",  # a form of address: the customer
    "您好，我是市行政服务这边的，请问是王先生吗？",  # a level without its place (round 22)
]


@pytest.mark.parametrize("text", FRAMED)
def test_the_callers_frame_names_the_organisation(project, text):
    assert "gongsi" in found(project, text)


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_kinds_errands_and_pronouns_in_the_frame_name_nobody(project, text):
    assert "gongsi" not in found(project, text)
