"""Issue 12 item 7 on the shipped handbook: a scenario without a script in the seeds gets the generic
call of its kind of contact (no phone greeting in an SMS, no 方便 check on an inbound call, no
询问需求 on a call-back), labelled as generic; no other company's words."""

from __future__ import annotations

import html
import re
from pathlib import Path


def article(site: Path, page: str) -> str:
    text = (site / page).read_text(encoding="utf-8")
    body = re.search(r"<article.*?</article>", text, flags=re.S)
    text = re.sub(r"<script.*?</script>", "", body.group(0) if body else text, flags=re.S)
    return html.unescape(re.sub(r"\s+", "", re.sub(r"<[^>]+>", " ", text)))


def check_generic_calls_by_kind(site: Path) -> None:
    for sms in ("yiyuan-kefu-duanxin-zhufu", "fahuo-jieri-wenhou"):
        text = article(site, f"scenarios/{sms}.html")
        assert "规范没有给出本场景的话术" in text, sms
        for phone in ("方便接电话", "确认是否方便", "询问需求", "回访电话", "您好"):
            assert phone not in text, (sms, phone)
    for inbound in ("nanxi-gongshui-tousu-dianhua", "wuye-kefu-laidian"):
        text = article(site, f"scenarios/{inbound}.html")
        assert "通用的来电接听" in text and "询问需求" in text, inbound
        for outbound in ("确认是否方便", "方便接电话", "确认客户身份", "此次回访"):
            assert outbound not in text, (inbound, outbound)
    for callback in ("renshou-lipei", "laidian-tongyong-huifang-queren"):
        text = article(site, f"scenarios/{callback}.html")
        assert "通用的回访电话" in text and "确认是否方便" in text, callback
        assert "询问需求" not in text and "来电（来访）的目的" not in text, callback
    for page in sorted((site / "scenarios").glob("*.html")):
        if not page.name.startswith("anzhun-") and page.name != "index.html":
            text = article(site, f"scenarios/{page.name}")
            assert "安准" not in text and "广州安准" not in text, page.name


def test_a_scenario_without_a_script_gets_the_generic_call_of_its_kind(shipped_site: Path):
    check_generic_calls_by_kind(shipped_site)


def test_a_script_whose_org_has_no_standard_says_its_words_are_generic(shipped_site: Path):
    face = article(shipped_site, "scenarios/taikang-xinqiyue.html")
    assert "本话术的开头语是通用写法" in face and "欢迎光临泰康人寿" in face
    inbound = article(shipped_site, "scripts/qiche-shouhou-jiedianhua.html")
    assert "本话术的结束语是通用写法" in inbound and "感谢您的来电" in inbound and "此次回访" not in inbound
