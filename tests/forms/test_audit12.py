"""Issue 12 item 7 as a team meets it (session 18 acceptance audit): a face-to-face or message script that a team
adds to its own rule book prints a record sheet of its kind of contact, not a phone call's."""

from __future__ import annotations

import pytest

from tests.conftest import huifang
from tests.forms.conftest import pdf_text
from tests.forms.test_pdfs import run_forms

pytestmark = pytest.mark.pdf

SCRIPT = "id: {id}\ntitle: {title}\norg: benjigou\nkind: {kind}\nquestions:\n  - ask: fuwu-manyi\n    kind: 原话\n"


@pytest.mark.timeout(600)
def test_a_new_scripts_record_sheet_says_how_the_contact_is_made(tmp_path):
    root = tmp_path / "team"
    assert huifang("init", root).returncode == 0
    for ident, title, kind in (
        ("guitai-jiedai", "柜台接待话术", "face"),
        ("duanxin-huifang", "短信回访话术", "message"),
        ("laidian-jieting", "来电接听话术", "inbound"),
    ):
        (root / "scripts_src" / f"{ident}.yaml").write_text(
            SCRIPT.format(id=ident, title=title, kind=kind), encoding="utf-8"
        )
    out = tmp_path / "out"
    run = run_forms(root, out)
    assert run.returncode == 0, run.stderr
    face = pdf_text(out / "script-guitai-jiedai.pdf")
    assert "回访方式：面访" in face and "回访方式：电话" not in face
    assert "客户签字" in face  # met in person: the customer signs the sheet
    message = pdf_text(out / "script-duanxin-huifang.pdf")
    assert "回访方式：短信" in message and "客户签字" not in message
    for phone in ("laidian-jieting", "fuwu-wancheng-huifang"):
        text = pdf_text(out / f"script-{phone}.pdf")
        assert "回访方式：电话" in text and "客户签字" not in text, phone
