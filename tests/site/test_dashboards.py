"""The 维护者 dashboards (质检统计, 回访统计): built from a real SQLite ledger that `huifang qa`, `plan` and
`report` filled; their figures equal the commands'; byte-identical builds; without a ledger, one sentence;
real Chromium at desktop and phone size."""

from __future__ import annotations

import csv
import hashlib
import html
import json
import shutil
import sqlite3
from contextlib import closing
from html.parser import HTMLParser
from pathlib import Path

import pytest
from huifang.cli import main
from huifang.plan.outputs import ref
from huifang.qa.output import RULE_NAMES

from tests.conftest import MINIMAL, REPO, huifang
from tests.qa.test_cli import write_manifest
from tests.site.browser import serve

SPAN = ("--from", "2026-03-01", "--to", "2026-03-31")
PAGES = {"qa": "maintainers/qa.html", "visits": "maintainers/visits.html"}


def build(project: Path, site: Path, db: Path | None) -> Path:
    """`huifang build` in a process of its own (jieba's dictionary is global to a process)."""
    result = huifang(
        "build",
        "--project",
        project,
        "--site-dir",
        site,
        "--no-forms",
        "--lint-errors",
        "warn",
        *(("--db", db) if db else ()),
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return site


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> Path:
    """Four judged calls (two agents, two weeks) and five planned calls with their outcomes."""
    folder = tmp_path_factory.mktemp("dashboards")
    db = folder / "huifang.sqlite"
    calls, _ = write_manifest(folder)
    assert main(["qa", "--project", str(REPO), "--db", str(db), str(calls / "manifest.csv")]) == 1
    events = write_csv(
        folder / "events.csv",
        [
            ["客户", "电话", "场景", "日期", "坐席"],
            ["A", "13800000001", "tongyong-shouce-tousu", "2026-03-02", "张三"],
            ["B", "13800000002", "tongyong-shouce-tousu", "2026-03-02", "李四"],
            ["C", "13800000003", "zhuangshi-jieduan-7tian", "2026-03-02", "张三"],
            ["D", "13800000004", "tongyong-shouce-tousu", "2026-03-09", "李四"],
            ["E", "13800000005", "tongyong-shouce-tousu", "2026-03-09", "张三"],
        ],
    )
    planned = huifang("plan", events, *SPAN, "--project", REPO, "--db", db)
    assert planned.returncode == 0, planned.stderr
    with closing(sqlite3.connect(db)) as connection:  # closed, or the report's WAL stays beside the file
        keys = dict(connection.execute("SELECT customer, key FROM plan_calls"))
    filled = {
        "A": ("2026-03-03", "是", "满意"),
        "B": ("2026-03-04", "是", "不满意"),
        "C": ("2026-03-09", "是", "一般"),
        "D": ("2026-03-10", "否", ""),
    }  # E: not made
    results = write_csv(
        folder / "results.csv",
        [["计划编号", "实际回访日期", "是否接通", "满意度"]] + [[ref(keys[c]), *row] for c, row in filled.items()],
    )
    reported = huifang("report", results, *SPAN, "--project", REPO, "--db", db)
    assert reported.returncode == 0, reported.stderr
    return db


@pytest.fixture(scope="module")
def site(tmp_path_factory, ledger: Path) -> Path:
    return build(REPO, tmp_path_factory.mktemp("dashboard-site") / "site", ledger)


class Tables(HTMLParser):
    """The text of every table cell, table by table, and the article's text."""

    def __init__(self, page: str):
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None
        self.feed(page.split("<article", 1)[1].split("</article>", 1)[0])

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def page_tables(site: Path, name: str) -> list[list[list[str]]]:
    return Tables((site / PAGES[name]).read_text(encoding="utf-8")).tables


def percent(value) -> str:
    return "—" if value is None else f"{value:g}%"


def test_visits_page_shows_what_huifang_report_prints(site: Path, ledger: Path):
    page = (site / PAGES["visits"]).read_text(encoding="utf-8")
    # the page covers the ledger's due calls, 03-02 … 03-09 (D and E were due on 03-09)
    assert "2026-03-02 至 2026-03-09" in page.replace("&#45;", "-")
    result = huifang(
        "report", "--from", "2026-03-02", "--to", "2026-03-09", "--format", "json", "--project", REPO, "--db", ledger
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)

    def expected(title: str, r: dict) -> list[str]:
        target = (
            "—"
            if r["target"] is None
            else f"{r['target']:g}%" + ("" if r["met"] is None else " ✓" if r["met"] else " ✗")
        )
        return (
            [title]
            + [str(r[k]) for k in ("due", "made", "made_in_window", "reached")]
            + [percent(r["rate"]), target]
            + [str(r[k]) for k in ("satisfied", "neutral", "unsatisfied", "rescheduled", "overdue", "gave_up")]
        )

    tables = page_tables(site, "visits")
    assert len(tables) == 3
    weeks = {"2026-W10": "2026 年第 10 周（3/2 起）", "2026-W11": "2026 年第 11 周（3/9 起）"}
    for table, kind in zip(tables, ("scenario", "agent", "week"), strict=True):
        assert table[0][1:] == [
            "应访",
            "已访",
            "窗口内",
            "接通",
            "回访率",
            "目标",
            "满意",
            "一般",
            "不满意",
            "改约",
            "逾期",
            "未接通已达上限",
        ]
        rows = [expected(weeks.get(r["title"], r["title"]), r) for r in data[kind]]
        assert table[1:] == rows + [expected("合计", data["total"])]
    # the worked figures, written out: 5 due; A, B, C, D made inside their windows; E (due 03-09 … 03-12) not
    # yet overdue on 03-09; A, B, C reached; 满意 A, 一般 C, 不满意 B → one complaint to open
    total = data["total"]
    assert (total["due"], total["made"], total["made_in_window"], total["reached"], total["rate"]) == (5, 4, 4, 3, 80.0)
    assert (total["satisfied"], total["neutral"], total["unsatisfied"], total["overdue"]) == (1, 1, 1, 0)
    assert "待开投诉单 <strong>1</strong> 份，未接通 <strong>1</strong> 个" in page
    assert "13800000002" not in page and ">B<" not in page  # customers stay in huifang report, off the handbook


def test_qa_page_shows_what_huifang_qa_report_prints(site: Path, ledger: Path, capsys):
    tables = page_tables(site, "qa")
    reports = {}
    for by in ("rule", "agent", "script", "week"):
        capsys.readouterr()
        assert main(["qa", "report", "--project", str(REPO), "--db", str(ledger), "--by", by, "--format", "json"]) == 0
        reports[by] = json.loads(capsys.readouterr().out)["rows"]
    findings, agents, scripts, weeks = tables
    assert findings[1:] == [[RULE_NAMES[r["rule"]], str(r["findings"]), str(r["calls"])] for r in reports["rule"]]
    article = (site / PAGES["qa"]).read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
    assert findings[1][0] == "忌语" and not any(rule in article for rule in RULE_NAMES)  # names, never ids

    def expected(label: str, r: dict) -> list[str]:
        return [
            label,
            str(r["calls"]),
            f"{r['mean_score']}",
            f"{r['pass_rate']:.0%}",
            "—" if r["mean_duration_s"] is None else f"{r['mean_duration_s']:g}",
            "—" if r["mean_silence_ratio"] is None else f"{r['mean_silence_ratio']:.0%}",
            str(r["interruptions"] or 0),
            str(r["findings"]),
        ]

    assert agents[1:] == [expected(r["agent"], r) for r in reports["agent"]]
    assert scripts[1:] == [expected("新契约电话回访（银行网点销售）", r) for r in reports["script"]]
    assert weeks[1:] == [
        expected({"2026-W48": "2026 年第 48 周（11/23 起）", "2026-W49": "2026 年第 49 周（11/30 起）"}[r["week"]], r)
        for r in reports["week"]
    ]
    assert [r[1] for r in agents[1:]] == ["2", "2"]  # 小李 and 小王 judged twice each
    capsys.readouterr()
    assert main(["qa", "report", "--project", str(REPO), "--db", str(ledger), "--by", "rule"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "问题\t次数\t涉及通数" and lines[1:] == ["\t".join(row) for row in findings[1:]]


def digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_same_ledger_gives_a_byte_identical_site_and_the_build_leaves_it_alone(
    site: Path, ledger: Path, tmp_path: Path
):
    before = hashlib.sha256(ledger.read_bytes()).hexdigest()
    copy = tmp_path / "elsewhere" / "team.sqlite"
    copy.parent.mkdir()
    shutil.copy(ledger, copy)
    again = build(REPO, tmp_path / "site", copy)
    assert digest(again) == digest(site)
    assert hashlib.sha256(ledger.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in copy.parent.iterdir()) == ["team.sqlite"]  # no WAL files left behind


def test_without_a_ledger_each_page_says_what_to_run(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    site = build(project, tmp_path / "site", None)
    qa = Tables((site / PAGES["qa"]).read_text(encoding="utf-8"))
    text = (site / PAGES["qa"]).read_text(encoding="utf-8")
    assert (
        "还没有质检记录：在项目目录运行 <code>huifang qa 转写文件或文件夹</code>" in text and "hf-svgchart" not in text
    )
    assert qa.tables == []
    visits = (site / PAGES["visits"]).read_text(encoding="utf-8")
    assert "还没有回访台账：先用 <code>huifang plan" in visits and "hf-svgchart" not in visits
    assert not (project / "huifang.sqlite").exists()  # the build never creates the ledger
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "质检统计" in index and "回访统计" in index  # always in the 维护者 navigation


def test_a_broken_ledger_is_one_sentence_and_the_build_goes_on(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    (project / "huifang.sqlite").write_bytes(b"this is not a database" * 100)
    site = build(project, tmp_path / "site", None)
    for name in PAGES:
        page = html.unescape((site / PAGES[name]).read_text(encoding="utf-8"))
        assert "huifang.sqlite 无法读取（不是 SQLite 数据库或已损坏）" in page, name
        assert "Traceback" not in page and "not a database" not in page


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
MEASURE = """() => [...document.querySelectorAll('.hf-svgchart svg')].map(svg => {
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const all = [...svg.querySelectorAll('text')];
  const texts = all.map(t => t.getBoundingClientRect());
  // a row's label (left) and value (right) share a line: they must not touch
  const clashes = all.filter(t => t.getAttribute('text-anchor') === 'end').filter(value => all.some(label =>
      label !== value && label.getAttribute('y') === value.getAttribute('y') &&
      label.getBoundingClientRect().right > value.getBoundingClientRect().left - 2)).length;
  return {left: box.left, right: box.right, width: box.width, clashes,
          font: parseFloat(getComputedStyle(svg).fontSize) * scale,
          outside: texts.filter(r => r.left < box.left - 1 || r.right > box.right + 1).length};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("name", ["qa", "visits"])
def test_dashboards_in_chromium_at_desktop_and_phone_size(browser, site: Path, artifacts: Path, name: str):
    pytest.importorskip("playwright.sync_api")
    from tests.site.test_browser import new_page

    with serve(site) as base:
        for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page, watch = new_page(browser, viewport=viewport)
            page.goto(base + PAGES[name], wait_until="networkidle")
            charts = page.evaluate(MEASURE)
            assert len(charts) == 4, (name, label)
            for chart in charts:
                assert chart["font"] >= 12, (name, label, chart)  # readable: text at least 12 px
                assert chart["outside"] == 0, (name, label, chart)  # no text spills out of its chart
                assert chart["clashes"] == 0, (name, label, chart)  # labels never run into values
                assert 0 <= chart["left"] and chart["right"] <= viewport["width"], (name, label, chart)
            assert page.locator("article table").count() >= 3
            page.screenshot(path=str(artifacts / f"dashboard-{name}-{label}.png"), full_page=True)
            assert watch.errors == [] and watch.outside == []
            page.context.close()
        # the charts need no script: with JavaScript off they are there all the same
        context = browser.new_context(viewport=PHONE, java_script_enabled=False)
        page = context.new_page()
        page.goto(base + PAGES[name])
        assert page.locator(".hf-svgchart svg").first.bounding_box()["width"] > 300
        context.close()


def test_an_empty_ledger_says_so(tmp_path: Path):
    """A ledger `huifang qa` or `plan` created but that holds nothing yet (or only the other command's data)."""
    from huifang import ledger as ledgers
    from huifang.plan import store as _plan_tables  # noqa: F401
    from huifang.project import load_project
    from huifang.qa import store as _qa_tables  # noqa: F401
    from huifang.site import dashboards

    ledgers.connect(tmp_path).close()
    project = load_project(MINIMAL).project
    path = tmp_path / "huifang.sqlite"
    assert dashboards.qa_view(path, project, {}) == {"state": "empty"}
    assert dashboards.visits_view(path, project) == {"state": "empty"}
    with sqlite3.connect(path) as only_qa:
        only_qa.execute("DROP TABLE plan_results")
        only_qa.execute("DROP VIEW plan_calls")  # its tables left behind do not count as plan data
        only_qa.execute("DROP TABLE plan_days")
        only_qa.execute("DROP TABLE plan_more")
    assert dashboards.visits_view(path, project) == {"state": "empty"}


def test_long_labels_are_cut_to_fit_beside_their_value():
    from huifang.site import charts

    title = "非常长的场景标题" * 6
    svg = str(charts.bars([charts.Bar(title, 50, "50% / 目标 100%", 100, False)], 100, "回访率"))
    label = svg.split('text-anchor="start" fill="currentColor">')[1].split("<")[0]
    assert label.endswith("…") and charts.width(label) + charts.width("50% / 目标 100%") < charts.WIDTH
    assert svg == str(charts.bars([charts.Bar(title, 50, "50% / 目标 100%", 100, False)], 100, "回访率"))
    assert 'fill="#c62828"' in svg  # below its target: red
