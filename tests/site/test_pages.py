"""The generated pages: escaping, failures, reproducibility, plain MkDocs — real builds, no browser."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

from huifang.kinds import SCHEMAS
from huifang.site.escape import md, mermaid

from tests.conftest import REPO, huifang
from tests.site.conftest import HOSTILE


def test_md_escapes_every_markup_character():
    text = "<script>alert(1)</script> *a* _b_ [c](javascript:x) {{ d }} `e` | f # g"
    out = str(md(text))
    bare = re.sub(r"&#\d+;", "", out)
    for raw in "<>*_[](){}`|#":
        assert raw not in bare
    assert "javascript&#58;" in out


def test_mermaid_labels_cannot_break_out():
    label = mermaid('a"] --> x["<b>' + "y" * 50)
    assert '"' not in label and "<" not in label and "]" not in label
    assert len(label) < 200


def test_hostile_text_reaches_the_page_literally(hostile_site: Path):
    page = (hostile_site / "scenarios" / "demo-tousu.html").read_text(encoding="utf-8")
    body = page.split("<article", 1)[1]
    for raw in ("<script>alert('t')", "<script>alert('x')", "<img src=x", 'href="javascript:', "<b>粗体"):
        assert raw not in body, raw
    assert "&#60;script&#62;" in body or "&lt;script&gt;" in body
    assert "{{ 7*7 }}" not in body and "7&#42;7" in body  # shown, never evaluated
    assert "<title>" in page and "</title><script>" not in page
    assert not re.search(r'href="javascript:', page)


def test_pages_for_everything(hostile_site: Path):
    for path in (
        "index.html",
        "when-to-call.html",
        "etiquette.html",
        "forbidden.html",
        "standards.html",
        "scenarios/demo-weixiu.html",
        "scenarios/demo-tousu.html",
        "banks/demo.html",
        "forms.html",
        "qa-forms.html",
        "rules/index.html",
        "rules/forbidden-phrase.html",
        "tags.html",
        "assets/huifang/mermaid.min.js",
        "assets/huifang/huifang.css",
        "search/search_index.json",
    ):
        assert (hostile_site / path).is_file(), path
    assert not (hostile_site / "sitemap.xml").exists()


def test_mermaid_is_loaded_only_by_the_pages_with_a_chart(shipped_site: Path):
    """The 2.7 MB Mermaid script on a page without a chart cost each page load ≈ 0.2 s of Chromium's CPU (and a
    phone its download): the pages without a chart (the 404 page too) leave it out, every page with one keeps it.
    The charts are drawn in Chromium by test_trainee and test_browser (which also sees that no request leaves the
    machine: a chart page without the script would fetch Mermaid from the internet)."""
    pages = {
        p.relative_to(shipped_site).as_posix(): p.read_text(encoding="utf-8") for p in shipped_site.rglob("*.html")
    }
    charts = {path for path, text in pages.items() if '<pre class="mermaid">' in text}
    assert "process.html" in charts and "zh-Hant/process.html" in charts and "etiquette.html" not in charts
    assert "404.html" in pages and "404.html" not in charts
    assert len(pages) > len(charts) > 100
    for path, text in pages.items():
        assert text.count("assets/huifang/mermaid.min.js") == (path in charts), path
        assert "assets/huifang/huifang.js" in text, path  # the rest of our script stays on every page


def test_with_instant_navigation_every_page_keeps_mermaid():
    """Material's instant navigation swaps a page in without loading its scripts: a chart page reached from one
    without Mermaid would find none, so with that feature on every page keeps the script."""
    from huifang.site.plugin import without_idle_mermaid

    page = '<p>无图</p>\n<script src="../assets/huifang/mermaid.min.js"></script>\n<script src="x.js"></script>'
    assert without_idle_mermaid(page, ["navigation.tabs", "navigation.instant"]) == page
    assert without_idle_mermaid(page, ["navigation.tabs"]) == '<p>无图</p>\n<script src="x.js"></script>'
    chart = page + '<div class="admonition mermaid"></div>'
    assert without_idle_mermaid(chart, []) == chart


def test_forms_are_written_and_linked(hostile_site: Path):
    page = (hostile_site / "scenarios" / "demo-tousu.html").read_text(encoding="utf-8")
    for link in re.findall(r'href="\.\./(forms/[^"]+\.pdf)"', page):
        assert (hostile_site / link).read_bytes().startswith(b"%PDF"), link
    assert 'href="../forms/pack-demo-tousu.pdf"' in page


def test_qa_form_page_lists_its_items_literally_and_links_the_printed_sheet(hostile_site: Path):
    page = (hostile_site / "qa-forms.html").read_text(encoding="utf-8")
    body = page.split("<article", 1)[1]
    for raw in ("<script>alert('q')", "<b>粗体", 'href="javascript:', "49"):
        assert raw not in body, raw
    text = html.unescape(re.sub(r"<[^>]+>", "", body))
    assert "质检评分表 <script>alert('q')</script>" in text and "开头语 <b>粗体</b>" in text
    assert "75 分合格" in text and "致命项" in text and "录音没有时间信息" in text and "规范 6.1.3" in text
    link = re.search(r'href="(forms/qa-demo-zhijian\.pdf)"', body)
    assert link and (hostile_site / link[1]).read_bytes().startswith(b"%PDF")
    index = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert 'href="qa-forms.html"' in index  # in the navigation, under 问题库与表单


def test_when_to_call_lists_every_scenario(hostile_site: Path):
    index = (hostile_site / "when-to-call.html").read_text(encoding="utf-8")
    industry = "物业".encode().hex()  # the industry's page: its name in hex, ASCII in both editions
    assert f'href="when-to-call/{industry}.html"' in index
    page = (hostile_site / "when-to-call" / f"{industry}.html").read_text(encoding="utf-8")
    assert "维修完成后一周内回访" in page and "95%" in page and "部门经理处理" in page
    assert page.count('class="hf-timing"') == 2  # one card per scenario
    assert (hostile_site / "zh-Hant" / "when-to-call" / f"{industry}.html").is_file()


def test_invalid_content_fails_with_positions_and_keeps_the_old_site(tmp_path: Path):
    project = tmp_path / "p"
    shutil.copytree(HOSTILE, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    site = tmp_path / "site"
    site.mkdir()
    (site / "marker.txt").write_text("old")
    (site / ".huifang-output").write_text("")  # a site huifang built before
    (project / "content" / "scenarios" / "demo-weixiu.yaml").write_text(
        "id: demo-weixiu\ntitle: 维修后回访\nindustry: 物业\n", encoding="utf-8"
    )
    result = huifang("build", "--project", project, "--site-dir", site, "--no-forms")
    assert result.returncode == 1
    assert re.search(r"^content/scenarios/demo-weixiu\.yaml:\d+:\d+: ", result.stderr, re.M), result.stderr
    assert "Traceback" not in result.stderr
    assert (site / "marker.txt").read_text() == "old"


def test_lint_errors_fail_the_build_unless_warn(tmp_path: Path):
    project = tmp_path / "p"
    shutil.copytree(HOSTILE, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    script = project / "scripts_src" / "demo-weixiu.yaml"
    script.write_text(script.read_text(encoding="utf-8") + "steps:\n  - 你自己想办法吧！\n", encoding="utf-8")
    site = tmp_path / "site"
    failed = huifang("build", "--project", project, "--site-dir", site, "--no-forms")
    assert failed.returncode == 1
    assert re.search(r"^scripts_src/demo-weixiu\.yaml:\d+:\d+: .*忌语", failed.stderr, re.M), failed.stderr
    assert not site.exists()
    warned = huifang("build", "--project", project, "--site-dir", site, "--no-forms", "--lint-errors", "warn")
    assert warned.returncode == 0, warned.stderr
    page = (site / "scenarios" / "demo-weixiu.html").read_text(encoding="utf-8")
    assert "话术检查：" not in page and "scripts_src/" not in page  # trainee pages: no lint status, no paths
    maintainers = (site / "maintainers" / "index.html").read_text(encoding="utf-8")
    assert "1 个错误，0 个警告" in maintainers and "../rules/forbidden-phrase.html" in maintainers


def tree_digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_two_builds_in_different_directories_are_identical(tmp_path: Path):
    sites = []
    for name in ("one", "two"):
        project = tmp_path / name / "project"
        shutil.copytree(HOSTILE, project, ignore=shutil.ignore_patterns(".huifang-cache"))
        site = tmp_path / name / "site"
        result = huifang("build", "--project", project, "--site-dir", site, "--no-forms", timeout=300)
        assert result.returncode == 0, result.stderr
        sites.append(tree_digest(site))
    assert sites[0] == sites[1]


def test_team_mkdocs_yml_is_laid_over_the_shipped_one(tmp_path: Path):
    """A team's mkdocs.yml changes the site name, colours and adds its own page after the generated nav."""
    project = tmp_path / "p"
    shutil.copytree(HOSTILE, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    (project / "content" / "pages").mkdir()
    (project / "content" / "pages" / "zhiban.md").write_text("# 值班安排\n\n每周一更新。\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: 某物业客服手册\ntheme:\n  palette:\n    primary: teal\nnav:\n  - 值班安排: zhiban.md\n"
        "extra:\n  owner: !ENV [HUIFANG_TEST_OWNER, 无人]\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "huifang", "build", "--project", str(project), "--no-forms"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    index = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "某物业客服手册" in index and 'data-md-color-primary="teal"' in index
    assert "值班安排" in index  # the team's page in the navigation
    assert (project / "site" / "zhiban.html").is_file()
    assert (project / "site" / "scenarios" / "demo-tousu.html").is_file()  # generated pages still there


def test_content_model_page_documents_every_key():
    page = (REPO / "content" / "pages" / "content-model.md").read_text(encoding="utf-8")
    missing = set()

    def walk(schema):
        if isinstance(schema, dict):
            for key, sub in schema.get("properties", {}).items():
                if f"`{key}`" not in page and f"].{key}`" not in page:
                    missing.add(key)
                walk(sub)
            for k in ("items", "additionalProperties"):
                walk(schema.get(k))
            for k in ("oneOf", "anyOf"):
                for sub in schema.get(k, []):
                    walk(sub)
            for sub in schema.get("$defs", {}).values():
                walk(sub)

    for schema in SCHEMAS.values():
        walk(schema)
    assert not missing, f"content-model.md does not document: {sorted(missing)}"


def test_user_dictionary_keeps_our_terms_whole():
    import jieba
    from huifang.project import load_project
    from huifang.site.search import user_dictionary

    text = user_dictionary(load_project(REPO).project)
    for line in text.splitlines():
        word, freq = line.split()
        jieba.add_word(word, int(freq))
    for term in ("忌语", "开头语", "结束语", "回访率", "犹豫期", "三同时", "危化品"):
        assert jieba.lcut(term, HMM=False) == [term]
    assert "客户回访 " not in text  # compounds would hide their parts from queries


def test_traditional_forms_are_indexed(hostile_site: Path):
    import json

    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "title_tw" in index["config"]["fields"]
    alternate = " ".join(d.get("text_tw", "") + d.get("title_tw", "") for d in index["docs"])
    assert "投訴" in alternate and "忌語" in alternate


def test_traditional_lookup_matches_each_opencc_standard():
    """Batched, chained conversion (s2t, then t2tw/t2hk; and s2twp) gives what s2t, s2tw, s2hk and s2twp give one
    token at a time."""
    import opencc
    from huifang.site import search

    tokens = [
        "回访",
        "忌语",
        "里程表",
        "打印机",
        "软件",
        "信息",
        "发票",
        "台风",
        "后台",
        "面条",
        "干预",
        "只有",
        "VIP客户",
        "abc",
        "３号",
        "维修后回访话术",
        "碰瓷",
        "鼠标",
        "出租车",
        "网络",
        "内存",
        "着陆",
    ]
    search.convert_all(tokens)
    standards = [opencc.OpenCC(name) for name in ("s2t", "s2tw", "s2hk", "s2twp")]
    for token in tokens:
        expected = tuple(sorted({c.convert(token) for c in standards} - {token}))
        assert search.traditional(token) == (expected if search.HAN.search(token) else ()), token
