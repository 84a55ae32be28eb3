"""原话 vs 要点 as the author marks it (`kind:` on a say or ask line), the guess for unmarked lines, and what
Chromium shows of both; the 维护者 section lists the guessed lines."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from huifang import model as m
from huifang.project import iter_turns, load_project
from huifang.site import speech

from tests.conftest import REPO, huifang
from tests.site.conftest import HOSTILE

MARKED = """id: demo-kinds
title: 原话与要点示范
org: demo
convenience:
  ask: 请问您现在方便接电话吗？
  kind: 原话
  yes:
    - say: 好的，耽搁您两分钟。
      kind: 原话
  no:
    - say: 好的，那我改天再打给您，再见！
      kind: 原话
steps:
  - say: 询问客户对维修师傅的评价
    kind: 原话
  - say: 请问您家的空调现在运转正常吗？
    kind: 要点
  - ask: demo-q-manyi
    kind: 要点
  - 请问您对上门的时间满意吗？
  - 了解客户对收费的看法
questions:
  - ask: demo-q-pingfen
    kind: 原话
"""
# As the author wrote them: the first two are marked against what their wording suggests.
AUTHORED = {
    "询问客户对维修师傅的评价": "原话",
    "请问您家的空调现在运转正常吗？": "要点",
    "请问您对我们的维修服务满意吗？": "要点",
    "请对本次服务打分，1-10分，请问您的评分是多少呢？": "原话",
    "请问您现在方便接电话吗？": "原话",
}
GUESSED = {"请问您对上门的时间满意吗？": "原话", "了解客户对收费的看法": "要点"}


def with_script(root: Path, text: str) -> Path:
    (root / "scripts_src" / "demo-kinds.yaml").write_text(text, encoding="utf-8")
    return root


def lines_of(project: Path) -> dict[str, m.Turn]:
    script = load_project(project).project.scripts["demo-kinds"]
    turns = {str(t.words): t for t in iter_turns(script) if t.kind in ("say", "ask")}
    conv = script.convenience
    assert isinstance(conv, m.Convenience)
    turns[str(conv.ask)] = m.Turn("say", conv.ask, speech=conv.speech)
    return turns


def test_kind_is_read_and_wins_over_the_wording(minimal: Path):
    turns = lines_of(with_script(minimal, MARKED))
    for words, kind in AUTHORED.items():
        assert turns[words].speech == kind, words
        assert speech.is_point(turns[words]) == (kind == "要点"), words
        assert not speech.guessed(turns[words])
    assert speech.is_point(turns["询问客户对维修师傅的评价"]) != speech.guess_point(turns["询问客户对维修师傅的评价"])


def test_unmarked_lines_fall_back_to_the_wording(minimal: Path):
    turns = lines_of(with_script(minimal, MARKED))
    for words, guess in GUESSED.items():
        assert turns[words].speech == "" and speech.guessed(turns[words]), words
        assert speech.is_point(turns[words]) == (guess == "要点"), words


@pytest.mark.parametrize(
    "bad, hint",
    [
        ("  - say: 您好！\n    kind: 照念\n", "可选：原话、要点"),  # neither 原话 nor 要点
        ("  - note: 记下时间\n    kind: 要点\n", "'kind' 只能写在 ask、say 下面"),  # a note is never said
        ("  - customer: 好的\n    kind: 原话\n", "'kind' 只能写在 ask、say 下面"),  # nor is the customer's line
    ],
)
def test_a_wrong_kind_is_one_chinese_line(minimal: Path, bad: str, hint: str):
    with_script(minimal, "id: demo-kinds\ntitle: 示范\norg: demo\nsteps:\n" + bad)
    result = huifang("check", "--project", minimal)
    assert result.returncode != 0 and "Traceback" not in result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if "demo-kinds" in line]
    assert len(problems) == 1, result.stdout
    assert re.match(r"^scripts_src/demo-kinds\.yaml:[56]:\d+: .*[\u4e00-\u9fff]", problems[0]), problems[0]
    assert hint in problems[0], problems[0]


def test_every_shipped_agent_line_is_marked():
    project = load_project(REPO).project
    unmarked = []
    for script in project.scripts.values():
        turns = [t for t in iter_turns(script) if t.kind in ("say", "ask")]
        if isinstance(script.convenience, m.Convenience):
            turns.append(m.Turn("say", script.convenience.ask, speech=script.convenience.speech))
        unmarked += [(script.file, str(t.words)) for t in turns if speech.guessed(t)]
    assert unmarked == []
    # the seeds' topic labels are points, the words they give are said as written
    asked = {str(t.words): t.speech for s in project.scripts.values() for t in iter_turns(s) if t.kind == "ask"}
    assert asked["质量评价"] == "要点" and asked["询问客户已完成项目的情况"] == "要点"
    assert asked["请问您对目前的施工进度是否满意呢？"] == "原话"


def test_starter_script_is_marked(tmp_path: Path):
    result = huifang("init", tmp_path / "team")
    assert result.returncode == 0, result.stderr
    script = load_project(tmp_path / "team").project.scripts["fuwu-wancheng-huifang"]
    assert [t.speech for t in iter_turns(script) if t.kind == "ask"] == ["原话", "原话"]


# --- in Chromium -------------------------------------------------------------------------------------------

LOOK = """e => { const s = getComputedStyle(e), w = e.querySelector('.hf-words');
  return [s.borderTopStyle, s.borderLeftColor, getComputedStyle(w).fontStyle,
          getComputedStyle(w, '::before').content].join(' | '); }"""


@pytest.fixture(scope="module")
def kinds_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("kinds")
    project = root / "project"
    shutil.copytree(HOSTILE, project, ignore=shutil.ignore_patterns(".huifang-cache"))
    with_script(project, MARKED)
    result = huifang(
        "build", "--project", project, "--site-dir", root / "site", "--no-forms", "--lint-errors", "warn", timeout=600
    )
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.browser
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_verbatim_and_points_look_different_as_marked(browser, kinds_site: Path, artifacts: Path, size: str):
    pytest.importorskip("playwright.sync_api")
    from tests.site.browser import serve
    from tests.site.test_trainee import open_page

    page = open_page(browser, size)
    with serve(kinds_site) as base:
        page.goto(base + "scripts/demo-kinds.html", wait_until="networkidle")
        page.screenshot(path=str(artifacts / f"site-speech-{size}.png"), full_page=True)
        looks = {}
        for words, kind in {**AUTHORED, **GUESSED}.items():
            if words == "请问您现在方便接电话吗？":
                continue
            turn = page.locator("p.hf-turn.hf-agent", has_text=words).first
            assert turn.is_visible(), words
            label = turn.locator(".hf-who").inner_text()
            assert ("要点" in label) == ((AUTHORED.get(words) or GUESSED[words]) == "要点"), (words, label)
            looks.setdefault(kind, set()).add(turn.evaluate(LOOK))
        assert len(looks["原话"]) == 1 and len(looks["要点"]) == 1  # one look per kind
        assert looks["原话"] != looks["要点"]  # and the two differ in real Chromium
        assert "“" in next(iter(looks["原话"]))  # words to say are quoted; a point is not


@pytest.mark.browser
def test_maintainers_page_lists_the_guessed_lines(browser, kinds_site: Path, shipped_site: Path):
    pytest.importorskip("playwright.sync_api")
    from tests.site.browser import serve
    from tests.site.test_trainee import open_page

    page = open_page(browser, "desktop")
    with serve(kinds_site) as base:
        page.goto(base + "maintainers/index.html")
        page.locator("article a", has_text="原话还是要点").first.click()  # linked from the 维护者 page
        page.wait_for_url("**/maintainers/speech.html")
        table = page.locator("article p", has_text="scripts_src/demo-kinds.yaml").locator(
            "xpath=following-sibling::*[1]"
        )
        table.locator("tbody tr").first.wait_for()  # the URL changes before the new page is parsed
        rows = table.locator("tbody tr").all_inner_texts()
        listed = {row.split("\t")[0].strip(): row.split("\t")[-1].strip() for row in rows}
        for words, guess in GUESSED.items():
            assert listed.get(words) == guess, (words, listed)
        for words in AUTHORED:
            assert words not in listed  # marked lines are not guesses
    with serve(shipped_site) as base:
        page.goto(base + "maintainers/speech.html")
        assert "所有话术的每句话都已注明原话或要点" in page.locator("article").inner_text()
