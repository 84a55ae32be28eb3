"""The build around the PDFs: cache, bad input, missing fonts, the command line, shipped content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from huifang.forms.build import FormsError, build
from huifang.project import load_project

from tests.forms.conftest import REPO, fonts_of, is_a4, loaded, page_sizes, pdf_text, snapshot, squash
from tests.forms.test_pdfs import run_forms

pytestmark = pytest.mark.pdf


def test_second_build_renders_nothing_and_edits_render_only_what_changed(demo, tmp_path):
    out = tmp_path / "out"
    first = build(loaded(demo), out, jobs=1)
    assert len(first.rendered) == 7 and first.merged == ["pack-demo-weixiu"]
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}

    again = build(loaded(demo), out, jobs=1)
    assert again.rendered == [] and again.merged == [] and again.copied == []
    assert len(again.unchanged) == 8
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps

    form = demo / "content/forms/demo-tongji.yaml"
    form.write_text(form.read_text(encoding="utf-8").replace("回访统计表", "回访月度统计表"), encoding="utf-8")
    edited = build(loaded(demo), out, jobs=1)
    assert edited.rendered == ["demo-tongji"] and edited.merged == ["pack-demo-weixiu"]
    assert "回访月度统计表" in pdf_text(out / "demo-tongji.pdf")
    qa = demo / "content/qa/demo-zhijian.yaml"
    qa.write_text(qa.read_text(encoding="utf-8").replace("pass_mark: 80", "pass_mark: 85"), encoding="utf-8")
    edited = build(loaded(demo), out, jobs=1)
    assert edited.rendered == ["qa-demo-zhijian"] and edited.merged == []
    assert "85分合格" in pdf_text(out / "qa-demo-zhijian.pdf")

    shutil.rmtree(out)  # mkdocs wipes site/ on every build: refill from the cache, render nothing
    refill = build(loaded(demo), out, jobs=1)
    assert refill.rendered == [] and len(refill.copied) == 8


def test_removed_form_leaves_no_stale_pdf(demo, tmp_path):
    out = tmp_path / "out"
    build(loaded(demo), out, jobs=1)
    (demo / "content/forms/demo-tongji.yaml").unlink()
    scenario = demo / "content/scenarios/demo.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace(", demo-tongji", ""), encoding="utf-8")
    result = build(loaded(demo), out, jobs=1)
    assert result.removed == ["demo-tongji.pdf"] and not (out / "demo-tongji.pdf").exists()


def test_parallel_build_gives_the_same_bytes(demo, tmp_path):
    serial = build(loaded(demo), tmp_path / "serial", jobs=1)
    shutil.rmtree(demo / ".huifang-cache")
    parallel = build(loaded(demo), tmp_path / "parallel", jobs=2)
    assert sorted(parallel.rendered) == sorted(serial.rendered)
    for path in serial.paths:
        assert path.read_bytes() == (tmp_path / "parallel" / path.name).read_bytes(), path.name


def empty_fontconfig(tmp_path: Path) -> dict:
    """A real fontconfig configuration that knows no fonts at all."""
    fonts = tmp_path / "no-fonts"
    fonts.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        f"<dir>{fonts}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n"
    )
    return {"FONTCONFIG_FILE": str(conf)}


def test_without_a_cjk_font_the_command_fails_clearly(demo, tmp_path):
    out = tmp_path / "out"
    result = run_forms(demo, out, empty_fontconfig(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "fonts-noto-cjk" in result.stderr and "中文字体" in result.stderr
    assert not out.exists() or not list(out.glob("*.pdf"))


def test_character_missing_from_the_font_is_reported_where_written(demo, tmp_path):
    form = demo / "content/forms/demo-tongji.yaml"
    form.write_text(form.read_text(encoding="utf-8").replace("回访统计表", "回访统计表😀"), encoding="utf-8")
    result = run_forms(demo, tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/forms/demo-tongji.yaml:2:13: 字符「😀」（U+1F600）不在中文字体" in result.stderr
    assert not (tmp_path / "out" / "demo-tongji.pdf").exists()


@pytest.mark.parametrize(
    "edit, where",
    [
        ("type: phone, width: half}", "content/forms/demo-jilu.yaml:13:29"),  # unknown field type
        ("rows: [维修服务, 投诉处理, 特约服务]", "content/forms/demo-tongji.yaml:8:13"),  # empty table
        ("label: 业主姓名,", "content/forms/demo-jilu.yaml:12"),  # over-long label
        ("demo-weixiu-huifang: {number", "content/forms/common/records.yaml:10:3"),  # sheet of no script
        ("{label: 联系电话, type: phone", "content/forms/common/records.yaml:8:25"),  # unknown field type
    ],
)
def test_bad_form_definitions_give_path_line_col(demo, tmp_path, edit, where):
    replacement = {
        "type: phone, width: half}": "type: telephone, width: half}",
        "rows: [维修服务, 投诉处理, 特约服务]": "rows: []",
        "label: 业主姓名,": "label: " + "很长" * 120 + ",",
        "demo-weixiu-huifang: {number": "demo-weixiu: {number",
        "{label: 联系电话, type: phone": "{label: 联系电话, type: mobile",
    }[edit]
    path = demo / where.split(":")[0]
    text = path.read_text(encoding="utf-8")
    assert edit in text
    path.write_text(text.replace(edit, replacement), encoding="utf-8")
    out = tmp_path / "out"
    result = run_forms(demo, out)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert where + ":" in result.stderr
    assert not out.exists() or not list(out.glob("*.pdf"))
    with pytest.raises(FormsError) as caught:
        build(load_project(demo), out)
    assert str(caught.value.problems[0]).startswith(where)


def test_only_builds_the_named_documents(demo, tmp_path):
    result = run_forms(demo, tmp_path / "out", None, "--only", "demo-tongji", "demo-weixiu-huifang")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pdf")) == [
        "demo-tongji.pdf",
        "guide-demo-weixiu-huifang.pdf",
        "script-demo-weixiu-huifang.pdf",
    ]


def test_a_script_card_that_cannot_fit_one_page_is_reported(demo, tmp_path):
    script = demo / "scripts_src" / "demo-changhua.yaml"
    long = "请问您对我们这次上门维修的人员着装、工具准备、现场清洁、作业时间和收费说明各方面是否都满意？" * 3
    questions = "".join(f"  - {{text: 第{i}问：{long}, answer: yes_no}}\n" for i in range(1, 41))
    script.write_text(f"id: demo-changhua\ntitle: 很长的回访\norg: demo\nquestions:\n{questions}", encoding="utf-8")
    result = run_forms(demo, tmp_path / "out", None, "--only", "guide-demo-changhua")
    assert result.returncode == 0, result.stderr
    assert "guide-demo-changhua.pdf 排不进一页" in result.stderr and "Traceback" not in result.stderr
    assert len(page_sizes(tmp_path / "out" / "guide-demo-changhua.pdf")) > 1


@pytest.mark.timeout(900)  # 233 PDFs: about 110 s on a quiet 2-core machine, 270 s at load 15
def test_all_shipped_content(tmp_path):
    """Every form, record sheet, desk card, script card and pack of the shipped content, on two cores."""
    root = tmp_path / "shipped"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "scripts_src", root / "scripts_src")
    if (REPO / "huifang.yaml").exists():
        shutil.copy(REPO / "huifang.yaml", root / "huifang.yaml")
    project = load_project(root)
    if not project.ok:
        pytest.skip("shipped content does not pass `huifang check` right now (being transcribed)")
    out = tmp_path / "out"
    result = build(project, out, jobs=2)
    p = project.project
    assert len([x for x in result.paths if x.stem in p.forms]) == len(p.forms)
    assert len([x for x in result.paths if x.name.startswith("script-")]) == len(p.scripts)
    assert len([x for x in result.paths if x.name.startswith("desk-")]) == len(p.orgs)
    for ident, form in p.forms.items():
        path = out / f"{ident}.pdf"
        text = pdf_text(path)
        for section in form.sections:
            for label in [f.label for f in section.fields] + [c.label for c in section.columns]:
                assert squash(label) in text, (ident, label)
        if form.copies_note:
            assert squash(form.copies_note) in text
        landscape = form.orientation == "landscape" or any(len(s.columns) > 7 for s in form.sections)
        assert all(is_a4(size, landscape) for size in page_sizes(path)), ident
    for org in p.orgs:
        assert len(page_sizes(out / f"desk-{org}.pdf")) == 1, org
    check_records(p, out)
    check_cards(p, out)
    for path in result.paths:
        assert all(
            embedded and ("NotoSansCJK" in name.replace("-", "") or "HuifangField" in name)
            for name, embedded in fonts_of(path)
        ), path
        assert path.name.startswith("pack-") or len(page_sizes(path)) > 1 or path.stat().st_size < 150_000, path
    for name in (
        "anzhun-kehu-tousu-dan",
        "wuye-xiangmu-huifang-tongji",
        "tongyong-shouce-huifang-jilu",
        "script-taikang-xinqiyue-huifang",
        "script-wuye-xiangmu-huifang",
        "desk-kouqiang",
        "guide-taikang-xinqiyue-huifang",
        "guide-zhuangxiu-qiandan",
        "pack-wuye-xiangmu-suqiu",
    ):
        snapshot(out / f"{name}.pdf", f"shipped-{name}")


def check_records(p, out):
    """Issue 14: every record numbered on every page; sheets fit the call and carry no internal id."""
    from huifang.compose import compose_all
    from huifang.forms.views import agent_blanks

    numbers = set()
    for ident, form in p.forms.items():
        text = pdf_text(out / f"{ident}.pdf")
        assert form.number, ident
        assert text.count(squash(f"编号：{form.number}")) == len(page_sizes(out / f"{ident}.pdf")), ident
        numbers.add(form.number)
    for ident, call in compose_all(p).items():
        path = out / f"script-{ident}.pdf"
        text = pdf_text(path)
        record = p.records.sheets[ident]
        numbers.add(record.number)
        assert text.count(squash(f"编号：{record.number}")) == len(page_sizes(path)), ident
        assert ident not in text and "话术：" not in text, ident
        assert ("客户签字" in text or "客户（面访时）签字" in text) == ("面访" in record.channels), ident
        assert ("不方便时约定的回电时间" in text) == bool(call.convenience), ident
        for name in agent_blanks(call):
            assert squash(name) in text, (ident, name)
    assert len(numbers) == len(p.forms) + len(p.scripts)  # no number used twice


def check_cards(p, out):
    """Script cards: one A4 page each. Desk cards: the org's full name, its industry's phrases, no citations."""
    from huifang.forms.views import industry_phrases, phrase_org

    for ident, script in p.scripts.items():
        path = out / f"guide-{ident}.pdf"
        sizes = page_sizes(path)
        assert len(sizes) == 1 and (is_a4(sizes[0]) or is_a4(sizes[0], landscape=True)), ident
        text = pdf_text(path)
        assert squash(script.title) in text and ident not in text, ident
        assert path.stat().st_size < 150_000, ident
    for ident, org in p.orgs.items():
        text = pdf_text(out / f"desk-{ident}.pdf")
        assert squash(org.name) in text and ident not in text, ident
        assert not text.startswith("公司回访"), ident
        for phrase in p.forbidden:
            owner = p.orgs.get(phrase_org(phrase, p))
            if owner is not None and owner.industry != org.industry:
                assert squash(phrase.phrase.value) not in text, (ident, phrase.id)
        for phrase in industry_phrases(org, p)[:5]:
            assert squash(phrase.phrase.value) in text, (ident, phrase.id)
        for cite in ("接听客户来电2", "回访流程及话术", "客户回访操作流程和规范"):
            assert cite not in text, (ident, cite)
