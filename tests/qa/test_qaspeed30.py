"""Session 30's qa round (bench/README.md, qa, Round 39): `huifang qa` run as a command ends as `huifang lint` does,
with `os._exit` once its output is written (`cli.leave`: exit handlers run, streams flushed, no interpreter teardown),
yet everything it writes arrives: JSON on stdout and in `--out`, text, the SQLite ledger's rows, `qa report`."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CALLS = ROOT / "tests" / "qa" / "fixtures" / "calls"
STORY = ROOT / "tests" / "qa" / "fixtures" / "story"

# The real command as `python -m huifang` runs it (`main()` without arguments), with an object of this script's own
# whose finaliser writes a file: only a teardown of the interpreter runs it.
RUN = """
import sys
from huifang import cli

class Torn:
    def __del__(self, path=sys.argv[1], open=open):  # bound now: a module's names are cleared as it is torn down
        with open(path, "w") as handle:
            handle.write("torn down")

kept = Torn()
sys.argv = ["huifang", *sys.argv[2:]]
raise SystemExit(cli.main())
"""


def _huifang(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, bool]:
    torn = tmp_path / "torn"
    torn.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(torn), *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    return done, torn.exists()


def test_qa_ends_at_once_yet_writes_everything(tmp_path):
    common = ["qa", "--project", str(ROOT), "--jobs", "1"]
    done, torn = _huifang(tmp_path, *common, "--no-db", "--format", "json", str(CALLS))
    assert done.returncode in (0, 1), done.stderr
    assert not torn  # no teardown: the finaliser never ran
    judged = json.loads(done.stdout)  # the whole JSON arrived on the pipe
    assert len(judged["calls"]) == len(list(CALLS.iterdir())) and judged["summary"]["calls"] == len(judged["calls"])

    out = tmp_path / "out.json"
    done, torn = _huifang(tmp_path, *common, "--no-db", "--format", "json", "--out", str(out), str(CALLS))
    assert not torn and json.loads(out.read_text(encoding="utf-8")) == judged  # the file closed and moved in place

    done, torn = _huifang(tmp_path, *common, "--no-db", "--format", "text", str(CALLS))
    assert not torn and done.stdout.rstrip().splitlines()[-1]  # the text's last line (the totals) arrived

    db = tmp_path / "ledger.sqlite"
    done, torn = _huifang(tmp_path, *common, "--db", str(db), "--format", "json", str(CALLS))
    assert not torn
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT COUNT(*) FROM qa_calls").fetchone()[0]
    assert rows == len(judged["calls"])  # committed and closed before the process ended
    done, torn = _huifang(tmp_path, "qa", "report", "--project", str(ROOT), "--db", str(db), "--format", "json")
    assert not torn and json.loads(done.stdout)["rows"]


def test_a_caller_that_goes_on_gets_its_interpreter_back(tmp_path):
    """`cli.main(argv)` (a caller, not the process's own command) returns; the interpreter ends as usual."""
    script = RUN.replace("raise SystemExit(cli.main())", "raise SystemExit(cli.main(sys.argv[1:]))")
    torn = tmp_path / "torn"
    done = subprocess.run(
        [sys.executable, "-c", script, str(torn), "qa", "--project", str(ROOT), "--no-db", "--jobs", "1", str(CALLS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    assert torn.read_text() == "torn down"


# --- the notes a call's record carries, made once per distinct one ---


def _story(turns: int):
    """The WhisperX story call cut after `turns` turns: the longer, the more of the script said (8 to 16 turns: the
    same two scripts found first and second, with other shares), and the agent's points grow."""
    from huifang.qa.readers import read

    call = read(str(STORY / "whisperx.json"))
    call.turns = call.turns[:turns]
    return call


def test_the_notes_remembered_are_the_notes_made_afresh(project):
    """The script search's note (`Session.pick_script`), the roles' (`roles.INFERRED`) and the summary's reading of
    them (`output.HOWS`), asked of calls whose shares and points differ, in both orders and again: each the note a
    session, and a module, that had remembered none would write."""
    from huifang.qa import output, roles, texts
    from huifang.qa.session import Session

    calls = [_story(n) for n in range(6, 30, 2)]
    kept = Session(project)
    for order in (calls, calls[::-1], calls):
        for call in order:
            scores = texts.prepare(call.turns)
            roles.assign(call, scores=scores)
            note = call.roles_note
            roles.INFERRED.clear()
            roles.assign(call, scores=scores)
            assert call.roles_note == note
            assert kept.pick_script(call) == Session(project).pick_script(call)
            for written in (note, kept.pick_script(call)[1]):
                expected = next((how for how in output.HOW if how in written), "无")
                assert output.HOWS[written] == expected
                output.HOWS.clear()
                assert output.HOWS[written] == expected
    # shares and points that differ under the same two scripts and speakers: a note kept under a key too wide is wrong
    firsts = [kept.pick_script(call)[1] for call in calls[1:6]]
    assert len(set(firsts)) == 5 and len({f[: f.index("（")] + f[f.index("；") :][:8] for f in firsts}) == 1
    assert len({c.roles_note for c in calls}) > 5
    assert {output.HOWS[c.roles_note] for c in calls} == {"推断"}
    named = roles.assign(
        _story(12), agent="SPEAKER_01"
    ).roles_note  # 「坐席：按指定的说话人…」, after 「坐席：推断为…」
    assert output.HOWS[named] == "按指定的说话人"
    assert {output.HOWS[kept.pick_script(c)[1]] for c in calls} == {"按相似度选定", "没有找到相近的话术"}
