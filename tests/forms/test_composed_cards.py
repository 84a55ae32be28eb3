"""Issue 12 item 7 on the printouts of the shipped content, read back: a script card or desk card whose
org has no opening or closing of its own prints the generic standard of its kind of contact, with
blanks, and says it is generic; never another company's words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from huifang.forms.build import build

from tests.forms.conftest import REPO, loaded, pdf_text

pytestmark = pytest.mark.pdf

CARDS = [
    "guide-danwei-huifang",
    "guide-taikang-yinhang-gaozhi",
    "guide-qiche-shouhou-jiedianhua",
    "guide-zhonghe-neikan-huifang",
    "desk-laidian-tongyong",
    "desk-danwei",
]
GENERIC = "下面是通用写法（按规范的要素拼成）"


def check_cards(out: Path) -> None:
    text = {name: pdf_text(out / f"{name}.pdf") for name in CARDS}
    for name, words in text.items():
        assert "安准" not in words, name
    outbound = text["guide-danwei-huifang"]  # an outbound org without opening or closing
    assert "本机构没有自己的标准开头语，下面是通用写法" in outbound
    assert "本机构没有自己的标准结束语，下面是通用写法" in outbound
    assert "您现在方便接电话吗" in outbound and "非常感谢您对此次回访的支持" in outbound
    face = text["guide-taikang-yinhang-gaozhi"]  # at a bank counter: no phone greeting
    assert "本机构没有自己的标准开头语，下面是通用写法" in face and "欢迎光临泰康人寿" in face
    assert "方便接电话" not in face and "本机构没有自己的标准结束语" not in face  # the seed's own closing
    inbound = text["guide-qiche-shouhou-jiedianhua"]
    assert "本机构没有自己的标准结束语，下面是通用写法" in inbound and "感谢您的来电" in inbound
    assert "此次回访" not in inbound and "本机构没有自己的标准开头语" not in inbound
    assert "通用写法" not in text["guide-zhonghe-neikan-huifang"]  # its org's own words
    desk_inbound = text["desk-laidian-tongyong"]
    assert f"本机构未规定标准开头语，{GENERIC}" in desk_inbound and "请问有什么可以帮您" in desk_inbound
    assert f"本机构未规定标准结束语，{GENERIC}" in desk_inbound and "感谢您的来电" in desk_inbound
    for outbound_only in ("方便接电话", "确认是否方便", "确认客户身份", "此次回访"):
        assert outbound_only not in desk_inbound, outbound_only
    desk_outbound = text["desk-danwei"]
    assert f"本机构未规定标准开头语，{GENERIC}" in desk_outbound and "您现在方便接电话吗" in desk_outbound
    assert "询问需求" not in desk_outbound and "有什么可以帮您" not in desk_outbound


@pytest.mark.timeout(600)
def test_cards_say_whose_words_they_print(tmp_path):
    root = tmp_path / "shipped"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "scripts_src", root / "scripts_src")
    if (REPO / "huifang.yaml").exists():
        shutil.copy(REPO / "huifang.yaml", root / "huifang.yaml")
    out = tmp_path / "out"
    build(loaded(root), out, fillable=False, jobs=1, only=CARDS)
    check_cards(out)
