"""Round 20 of issue 12, forbidden lines (branch lintfb24): a phrase list's `inserted` words, said after a phrase's leading 我 / 我们
(the pack's not-knowing phrases: 「我不太清楚」 said as 「我这边还真不太清楚」), and 「规定就这样」, the spoken form of
「规定就是这样」 (bench/README.md, "Round 20 — forbidden lines").

Every text here is made up: the spoken forms said by the agent, and the same words where the rule's earlier readings
must still leave them alone (an offer to find out after them, the customer's words, a prohibition, an exception).
"""

from __future__ import annotations

import random

import pytest
from huifang.lint.matcher import spoken
from huifang.validate import validate_document
from huifang.yamlload import load_file

from tests.lint.conftest import lint_text

SAID = [
    "客服：这个我这边还真不太清楚。",
    "客服：我们这边确实不清楚，您自己再看看吧。",
    "坐席：这事我也确实不知道。",
    "客服：我这里不知道，您问问别的部门。",
    "客服：我们这边也不太清楚。",
    "客服：我实在不清楚。",
    "营业员：规定就这样，三千以下柜台不办。",
]


@pytest.mark.parametrize("text", SAID)
def test_spoken_forms_are_reported(packed, text):
    found = lint_text(packed, "s.txt", text + "\n", "forbidden-phrase")
    assert len(found) == 1, found
    assert found[0].severity == "error"


NOT_SAID = [
    # not knowing followed by the offer to find out (the published right answer)
    "客服：这个我这边还真不太清楚，我帮您问一下。",
    "客服：您说的问题我也不太清楚，让我们的医师为您解答好吗？",
    "客服：这个我这边确实不清楚，我请负责的同事给您回电话。",
    # the customer's words
    "客户：这个我这边还真不太清楚。",
    # a prohibition, and a taboo list
    "客服：我们绝不能说“我这边不清楚”这样的话。",
    # an exception said with the same inserted words
    "客服：我再念一遍您的地址，我这边不知道对不对。",
    # explaining a rule is no rule thrown back
    "客服：这是规定的流程，我给您说一下原因。",
]


@pytest.mark.parametrize("text", NOT_SAID)
def test_the_same_words_not_said_are_not_reported(packed, text):
    assert lint_text(packed, "n.txt", text + "\n", "forbidden-phrase") == []


def test_not_reported_without_the_pack(shipped):
    assert lint_text(shipped, "d.txt", "客服：这个我这边还真不太清楚。\n", "forbidden-phrase") == []


def test_spoken_forms_put_one_word_or_two_in_order_after_the_leading_wo():
    forms = spoken("我不太清楚", ("这边", "还真"))
    assert forms == ["我这边不太清楚", "我还真不太清楚", "我这边还真不太清楚"]  # two in the order listed
    assert spoken("我们不清楚", ("这边",)) == ["我们这边不清楚"]  # after 我们, not inside it
    assert spoken("不知道，问别人去", ("这边",)) == []
    assert spoken("我不清楚", ()) == []


TEAM = """phrases:
  - id: team-mei-kong
    phrase: 我没空
    inserted: [这边, 确实]
    reason: 团队自定：把客户晾在一边。
    instead: 我记下来，稍后给您回电话。
"""


def test_a_teams_own_phrase_list_uses_inserted_words(real):
    (real / "content" / "forbidden" / "team.yaml").write_text(TEAM, encoding="utf-8")
    found = lint_text(real, "t.txt", "坐席：我这边确实没空。\n", "forbidden-phrase")
    assert [p.message.split("：")[0] for p in found] == ["忌语「我这边确实没空」"]
    assert lint_text(real, "u.txt", "坐席：这边确实没空的话，我改天再打。\n", "forbidden-phrase") == []


def test_inserted_words_written_as_one_string_are_a_content_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(TEAM.replace("inserted: [这边, 确实]", "inserted: 这边"), encoding="utf-8")
    problems = validate_document(load_file(path, "bad.yaml"), "forbidden")
    assert [(p.line, p.message) for p in problems] == [(4, "应为列表，实际是文字 '这边'")]


def test_many_exceptions_searched_at_once_cover_what_one_find_each_covers():
    from huifang.lint.matcher import FEW_EXCEPTIONS, PhraseMatcher
    from huifang.lint.packs import phrases

    pack = list(phrases("service-taboos"))
    matcher = PhraseMatcher(pack)
    phrase = next(p for p in pack if p.id == "pack-wo-bu-zhidao")
    exceptions = matcher.exceptions[phrase.id]
    assert len(exceptions) > FEW_EXCEPTIONS  # the inserted words multiply them
    rng = random.Random(20)
    letters = "".join(sorted(set("".join(exceptions)))) + "的了吗"
    for _ in range(3000):
        parts = [
            rng.choice(exceptions) if rng.random() < 0.3 else "".join(rng.choices(letters, k=rng.randint(0, 4)))
            for _ in range(rng.randint(1, 4))
        ]
        norm = "".join(parts) or "我"
        start = rng.randrange(len(norm))
        end = rng.randint(start + 1, min(len(norm), start + 8))
        one_each = any(norm.find(e, max(0, end - len(e)), start + len(e)) >= 0 for e in exceptions)
        assert matcher._excepted(norm, start, end, phrase) == one_each, (norm, start, end)
