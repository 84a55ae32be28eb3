"""Personal data read out in words: ASR without inverse text normalisation (FunASR's Paraformer without its ITN
model, SenseVoice with `use_itn=False`) writes the numbers an agent reads as 「幺三八幺二三四五六七八」, in groups
with spaces or commas, and the digit patterns never saw them (audit of session 18)."""

from __future__ import annotations

import json

import pytest
from huifang.lint.rules.personal_data import spoken_numbers

from tests.qa.conftest import judge_file

OPENING = "您好！请问是王先生吗？这里是广州安准职业安全事务有限公司客服，我是客服员小陈，您现在方便吗？"
CLOSING = "非常感谢您对此次回访的支持，祝您生活愉快！再见！"
# 13812345678, 44010619800101006X (check digit X, right), 6222021234567894 (Luhn right), said in words
MOBILE = "幺三八幺二三四五六七八"
ID = "四四零一零六 一九八零零一零一 零零六叉"
CARD = "六二二二，零二幺二，三四五六，七八九四"


def funasr(path, said: list[tuple[int, str]], tags: str = ""):
    """FunASR `AutoModel` results as saved: a list of {key, text, sentence_info: [{text, start, end, spk}]} in
    milliseconds; `tags`: SenseVoice's <|zh|><|NEUTRAL|>… before each sentence."""
    info, at = [], 0
    for spk, text in said:
        info.append({"text": tags + text, "start": at, "end": at + 3000, "spk": spk})
        at += 3500
    result = [{"key": path.stem, "text": "".join(s["text"] for s in info), "sentence_info": info}]
    path.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return path


def personal(session, path) -> list:
    verdict = judge_file(session, path, script="anzhun-judupin")
    return [f for f in verdict.findings if f.rule == "personal-data"]


def call_with(agent_says: str, customer_says: str = "对。") -> list[tuple[int, str]]:
    return [(0, OPENING), (1, "方便。"), (0, agent_says), (1, customer_says), (0, CLOSING)]


@pytest.mark.parametrize(
    "said, kind",
    [
        (f"跟您核对一下，您登记的手机号是{MOBILE}对吗？", "手机号"),
        ("您登记的手机是一三八 一二三四 五六七八，对吗？", "手机号"),
        (f"您的身份证号是{ID}，对吗？", "身份证号"),
        ("您的身份证号是四四零一零六一九八零零一零一零零六 X，对吗？", "身份证号"),
        (f"您尾号的那张卡是{CARD}，对吗？", "银行卡号"),
        ("手机号是138 一二三四 5678，对吧？", "手机号"),  # partly normalised: digits among the words
    ],
)
def test_a_number_the_agent_reads_out_in_words_is_found_at_its_turn(session, tmp_path, said, kind):
    found = personal(session, funasr(tmp_path / "paraformer.json", call_with(said)))
    assert [(f.line, f.speaker, f.time) for f in found] == [(3, "agent", 7.0)]
    assert found[0].message.startswith("坐席念出了完整的" + kind), found[0].message


def test_sensevoice_without_itn_in_its_real_shape(session, tmp_path):
    """SenseVoice's tags before each sentence, its numbers in words, no punctuation between the groups."""
    said = call_with(f"为了核实身份跟您确认一下您的手机号码是{MOBILE}身份证号码是{ID.replace(' ', '')}是吗")
    found = personal(session, funasr(tmp_path / "sensevoice.json", said, "<|zh|><|NEUTRAL|><|Speech|><|woitn|>"))
    read_out = sorted(f.message for f in found if f.message.startswith("坐席念出了完整的"))
    assert read_out == ["坐席念出了完整的手机号", "坐席念出了完整的身份证号（校验位正确）"]
    assert {f.line for f in found} == {3}


def test_two_numbers_read_one_after_the_other_are_two(session, tmp_path):
    said = call_with("您留的两个号码是一三八一二三四五六七八，一三九八七六五四三二一，对吗？")
    found = personal(session, funasr(tmp_path / "two.json", said))
    assert [f.message for f in found] == ["坐席念出了完整的手机号"] * 2


@pytest.mark.parametrize(
    "said",
    [
        "我们一两天之内给您回电话，三四个工作日能办好。",
        "您预约的是明天十二点，也就是二零二六年三月二日中午。",
        "您这次交的保费是三千五百元，一万二千三百块的那份下个月扣。",
        "我是客服员小陈，我的工号是幺三八一二三四五六七八，有问题可以报我的工号。",
        "您的订单号是一三八一二三四五六七八九，请您记一下。",
        "为了核实身份，您的身份证号前六位是四四零一零六，后四位是零零六叉，对吗？",
        "您的手机尾号是五六七八，对吗？",
        "一二三四五六七八九十，我们按这个顺序给您说明。",
        "第一、二、三、四、五、六、七、八、九、零、一这几项您都确认过了。",
        "一三八   一二三四 五六七八，这是我们分公司的总机转分机。",
        "请拨打幺零零八六或者九五五九八咨询。",
    ],
)
def test_ordinary_speech_with_numerals_is_not_personal_data(session, tmp_path, said):
    assert personal(session, funasr(tmp_path / "ordinary.json", call_with(said))) == []


def test_the_customer_reading_out_their_own_number_is_not_the_agents_fault(session, tmp_path):
    said = call_with("请问您方便留一个联系电话吗？", f"可以，我的手机是{MOBILE}，身份证{ID}。")
    assert personal(session, funasr(tmp_path / "customer.json", said)) == []


def test_wrong_check_digits_and_sums_are_not_numbers():
    assert spoken_numbers("四四零一零六 一九八零零一零一 零零六一") == ()  # check digit 1, not X
    assert spoken_numbers("六二二二 零二幺二 三四五六 七八九五") == ()  # Luhn sum wrong
    assert spoken_numbers("幺二三四五六七八九零幺") == ()  # 12…: no mobile number starts so
    assert spoken_numbers("13812345678") == ()  # digits alone: the digit patterns' own
