"""The PDFs themselves, read back with pypdf: page size, text, fonts, form fields, bytes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from huifang.compose import compose
from huifang.forms.build import build
from huifang.forms.views import asked_questions

from tests.forms.conftest import FIXTURES, fonts_of, is_a4, loaded, page_sizes, pdf_text, snapshot, squash

pytestmark = pytest.mark.pdf


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The demo project built once per worker for this module's tests, which only read it (a test that edits the
    project or builds again works on its own copy: `demo`, `tmp_path`). It was built once per test: 12 builds a run."""
    root = tmp_path_factory.mktemp("built") / "demo"
    shutil.copytree(FIXTURES / "demo", root, ignore=shutil.ignore_patterns(".huifang-cache"))
    project = loaded(root)
    out = root.parent / "out"
    result = build(project, out, jobs=1)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    yield project, out, result
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before, "a test changed the shared PDFs"


def test_every_document_is_produced(built):
    _, out, result = built
    names = sorted(p.name for p in result.paths)
    assert names == [
        "demo-jilu.pdf",
        "demo-tongji.pdf",
        "desk-demo-baoxian.pdf",
        "desk-demo.pdf",
        "guide-demo-weixiu-huifang.pdf",
        "pack-demo-weixiu.pdf",
        "qa-demo-zhijian.pdf",
        "script-demo-weixiu-huifang.pdf",
    ]
    assert sorted(p.name for p in out.glob("*.pdf")) == names
    assert all(oct(p.stat().st_mode & 0o777) == "0o644" for p in out.iterdir())


def test_qa_sheet_has_every_item_its_weight_and_the_verdict(built):
    """The human QA sheet: each item with its points, the critical one and when it does not apply, a row to
    score it, then the total, the verdict and the scorer's signature; no shared customer-record header."""
    _, out, _ = built
    path = out / "qa-demo-zhijian.pdf"
    text = pdf_text(path)
    for words in (
        "回访质检评分表",
        "开头语（30分）",
        "问完应问的问题（40分；不适用：客户表示不方便）",
        "不说电话忌语（30分；致命项）",
        "80分合格",
        "致命项有一条不合格，整通电话即不合格",
        "不适用的项不计分",
        "得分",
        "扣分原因",
        "总分",
        "合格",
        "不合格",
        "质检员签名",
        "分值为本表设定。",
    ):
        assert squash(words) in text, words
    assert "回访日期" not in text  # the record sheets' shared header is not a QA sheet's
    assert len(page_sizes(path)) == 1 and is_a4(page_sizes(path)[0])
    snapshot(path, "qa-sheet")


def test_form_has_every_label_and_note_escaped_literally(built):
    project, out, _ = built
    path = out / "demo-jilu.pdf"
    text = pdf_text(path)
    form = project.project.forms["demo-jilu"]
    for section in form.sections:
        assert squash(section.title) in text
        for field in section.fields:
            assert squash(field.label) in text, field.label
        for column in section.columns:
            assert squash(column.label) in text
    for literal in (
        "<script>alert('x')</script>",
        "<b>不要</b>加粗{{7*7}}",
        form.copies_note,
        "保存期限：两年",
        "SL-KF-001",
        "A/1",
        "示例物业服务有限公司",
        *form.notes,
    ):
        assert squash(literal) in text, literal
    sizes = page_sizes(path)
    assert len(sizes) == 2 and all(is_a4(s) for s in sizes)  # 30 table rows run onto page 2
    assert "第2页/共2页" in text
    assert text.count("回访事项") == 2  # the table header repeats on page 2
    snapshot(path, "demo-jilu")


def test_wide_table_is_landscape(built):
    _, out, _ = built
    assert [is_a4(s, landscape=True) for s in page_sizes(out / "demo-tongji.pdf")] == [True]


def test_every_record_carries_the_shared_header(built):
    """records.yaml: number and version on every page, date and agent once, a date beside each signature."""
    _, out, _ = built
    jilu = pdf_text(out / "demo-jilu.pdf")
    assert jilu.count("编号：SL-KF-001") == 2 and jilu.count("版本：A/1") == 2  # its own version wins
    assert "填表人" in jilu and "填表日期" not in jilu  # 回访日期 is already there (same_as)
    assert "客户姓名" not in jilu  # the form has no contact: true
    assert "业主签字日期" in jilu
    tongji = pdf_text(out / "demo-tongji.pdf")
    assert "编号：" not in tongji  # no number in its YAML: nothing made up
    assert "版本：2.1" in tongji and "填表日期" in tongji and "填表人" in tongji
    assert squash("目标回访率：维修服务回访：95%") in tongji


def test_record_sheet_has_header_questions_and_answer_boxes(built):
    project, out, _ = built
    path = out / "script-demo-weixiu-huifang.pdf"
    text = pdf_text(path)
    call = compose(project.project.scripts["demo-weixiu-huifang"], project.project)
    questions = asked_questions(call)
    assert len(questions) == 5
    for q in questions:
        # the org's placeholders are filled in ({公司} → its name)
        assert squash(q.text.value.replace("{公司}", "示例物业服务有限公司")) in text
    for label in (
        "客户",
        "电话",
        "回访日期",
        "回访员",
        "项目/服务",
        "满意一般不满意",
        "是否",
        "12345678910",
        "电话微信前台",
        "请问您觉得哪方面需要改进？",
        "《回访记录表》",
        "回访员签字",
        "编号：DEMO-S01",
        "版本：2.1",
        "回访方式：电话",
        "回访中记下",
        "坐席",
        "不方便时约定的回电时间",
    ):
        assert squash(label) in text, label
    assert "客户签字" not in text  # a phone call: nobody can sign on the customer's side
    assert "demo-weixiu-huifang" not in text and "话术：" not in text
    assert [is_a4(s) for s in page_sizes(path)] == [True]
    assert path.stat().st_size < 150_000
    snapshot(path, "script-demo-weixiu-huifang")


def test_fonts_are_embedded_cjk_subsets(built):
    _, out, _ = built
    for path in out.glob("*.pdf"):
        fonts = fonts_of(path)
        assert fonts, path
        for name, embedded in fonts:
            assert embedded and ("NotoSansCJK" in name.replace("-", "") or "HuifangField" in name), (path.name, name)


def test_desk_card_is_one_page(built):
    _, out, _ = built
    path = out / "desk-demo.pdf"
    text = pdf_text(path)
    assert len(page_sizes(path)) == 1
    for piece in (
        "示例物业服务有限公司回访坐席桌面卡",
        "我是示例物业服务有限公司客户服务中心的客服专员",
        "请问您现在方便接电话吗？",
        "400-800-1234",
        "09:00–11:30",
        "午休时间",
        "我不知道！",
        "请您稍等，我帮您问清楚后给您回电。（记下电话）",
    ):
        assert squash(piece) in text, piece
    assert "示例制度" not in text  # the citation stays in the YAML
    assert "保本保息" not in text  # another industry's phrase
    snapshot(path, "desk-demo")
    other = pdf_text(out / "desk-demo-baoxian.pdf")
    assert "公司（示例保险回访办法）回访坐席桌面卡" in other and "保本保息" in other and "我不知道" not in other


def test_script_card_is_one_page_with_the_whole_call(built):
    project, out, _ = built
    path = out / "guide-demo-weixiu-huifang.pdf"
    text = pdf_text(path)
    sizes = page_sizes(path)
    assert len(sizes) == 1 and (is_a4(sizes[0]) or is_a4(sizes[0], landscape=True))
    call = compose(project.project.scripts["demo-weixiu-huifang"], project.project)
    for q in asked_questions(call):
        assert squash(q.text.value.replace("{公司}", "示例物业服务有限公司")) in text
        for choice in q.answer.choices if q.answer.type != "open" else ():
            assert squash(choice) in text
    for piece in (
        "维修服务回访话术卡",
        "开头语",
        "我是示例物业服务有限公司客户服务中心的客服专员",
        "请问您现在方便接电话吗？",
        "方便好的，耽误您两分钟。",
        "不方便那我改天再打给您",
        "记下客户方便的回电时间",
        "感谢您的支持，如有需要请拨打400-800-1234",
        "非常抱歉给您带来不便",
        "服务热线400-800-1234",
        "09:00–11:30",
        "电话忌语（物业）",
        "我不知道！",
        "请您稍等，我帮您问清楚后给您回电。",
    ):
        assert squash(piece) in text, piece
    assert "demo-weixiu-huifang" not in text and "示例制度" not in text and "保本保息" not in text
    assert fonts_of(path) and path.stat().st_size < 150_000
    snapshot(path, "guide-demo-weixiu-huifang")


def test_pack_holds_the_scenarios_forms_and_sheets(built):
    _, out, _ = built
    members = ["demo-jilu", "demo-tongji", "script-demo-weixiu-huifang"]
    want = sum(len(page_sizes(out / f"{m}.pdf")) for m in members)
    assert len(page_sizes(out / "pack-demo-weixiu.pdf")) == want


def test_fillable_by_default_filled_with_pypdf_and_read_back(built, tmp_path):
    from pypdf import PdfReader, PdfWriter

    _, out, _ = built
    fields = PdfReader(str(out / "demo-jilu.pdf")).get_fields()
    for name in (
        "demo-jilu·业主姓名",
        "demo-jilu·回访日期",
        "demo-jilu·回访方式·电话",
        "demo-jilu·业主签字",
        "demo-jilu·业主签字·日期",
        "demo-jilu·填表人",
        "demo-jilu·回访明细·1·回访事项",
        "demo-jilu·回访明细·30·是否满意·否",
    ):
        assert name in fields, name
    sheet_path = out / "script-demo-weixiu-huifang.pdf"
    reader = PdfReader(str(sheet_path))
    sheet = reader.get_fields()
    for name in (
        "script-demo-weixiu-huifang·客户",
        "script-demo-weixiu-huifang·01·满意",
        "script-demo-weixiu-huifang·01·跟进",
        "script-demo-weixiu-huifang·05",
        "script-demo-weixiu-huifang·回访员·签字",
        "script-demo-weixiu-huifang·坐席",
        "script-demo-weixiu-huifang·不方便时约定的回电时间",
    ):
        assert name in sheet, name
    assert "script-demo-weixiu-huifang·客户·签字" not in sheet
    assert sheet["script-demo-weixiu-huifang·01·满意"]["/FT"] == "/Btn"
    assert sheet["script-demo-weixiu-huifang·05"]["/FT"] == "/Tx"
    form = reader.trailer["/Root"]["/AcroForm"]
    assert form["/DR"]["/Font"]["/HFSong"]["/BaseFont"] == "/STSong-Light"  # a font every viewer has
    widgets = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    texts = [w for w in widgets if w.get("/FT") == "/Tx"]
    assert texts and all(str(w["/DA"]).startswith("/HFSong ") for w in texts)

    writer = PdfWriter(clone_from=reader)
    values = {
        "script-demo-weixiu-huifang·客户": "王小明",
        "script-demo-weixiu-huifang·05": "楼道灯坏了，请尽快修理",
        "script-demo-weixiu-huifang·01·满意": "/on",
    }
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    filled = tmp_path / "filled.pdf"
    with open(filled, "wb") as handle:
        writer.write(handle)
    back = PdfReader(str(filled)).get_fields()
    assert {k: back[k]["/V"] for k in values} == values
    assert back["script-demo-weixiu-huifang·01·一般"]["/V"] == "/Off"


def test_fillable_prints_exactly_like_the_blank_version(built, tmp_path):
    """The same pixels on paper: fields lie over the blanks and are empty until filled."""
    project, out, _ = built
    plain = tmp_path / "plain"
    build(project, plain, fillable=False, jobs=1, only=["demo-jilu", "demo-weixiu-huifang"])
    for name in ("demo-jilu", "script-demo-weixiu-huifang"):
        assert (out / f"{name}.pdf").read_bytes() != (plain / f"{name}.pdf").read_bytes()
        pictures = []
        for folder in (out, plain):
            prefix = tmp_path / f"{folder.name}-{name}"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "50", str(folder / f"{name}.pdf"), str(prefix)],
                check=True,
                capture_output=True,
                timeout=60,
            )
            pictures.append(sorted(tmp_path.glob(f"{folder.name}-{name}*.png")))
        assert len(pictures[0]) == len(pictures[1]) == len(page_sizes(out / f"{name}.pdf"))
        for a, b in zip(*pictures):
            assert a.read_bytes() == b.read_bytes(), (name, a.name)
        assert (out / f"{name}.pdf").stat().st_size < 150_000


def test_reproducible_across_directories(demo, tmp_path, monkeypatch):
    other = tmp_path / "elsewhere" / "project"
    shutil.copytree(demo, other)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = build(loaded(demo), tmp_path / "a", jobs=1)
    second = build(loaded(other), tmp_path / "b", jobs=2)
    assert len(first.rendered) == len(second.rendered) == 7  # nothing shared: each has its own cache
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names and names == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    from pypdf import PdfReader

    assert PdfReader(str(tmp_path / "a" / "demo-jilu.pdf")).metadata["/CreationDate"].startswith("D:20231114221320")


def run_forms(project, out, env=None, *extra):
    full = {**os.environ, **(env or {})}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "huifang",
            "forms",
            "--project",
            str(project),
            "--out",
            str(out),
            "--jobs",
            "1",
            "--no-progress",
            *extra,
        ],
        capture_output=True,
        text=True,
        env=full,
        timeout=240,
    )
