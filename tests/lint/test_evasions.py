"""The evasion corpus (tests/hostile.py, EVASIONS) through the real `huifang lint`, in one run."""

from __future__ import annotations

import pytest

from tests.conftest import huifang
from tests.hostile import EVASIONS, plant


@pytest.fixture(scope="module")
def linted(tmp_path_factory):
    import shutil

    from tests.conftest import MINIMAL

    project = tmp_path_factory.mktemp("evasions") / "project"
    shutil.copytree(MINIMAL, project)
    for rel, content, _ in EVASIONS.values():
        plant(project, rel, content)
    result = huifang("lint", "--project", project, "--format", "text")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize("case", sorted(EVASIONS))
def test_evasion_is_found(linted, case):
    rel, _, expected = EVASIONS[case]
    found = [line for line in linted if line.startswith(rel + ":") and " forbidden-phrase " in line]
    assert found and found[0].startswith(expected + ":"), (case, found[:3])
    assert "忌语「" in found[0]


def test_capped_paths_and_long_lines_say_so(linted):
    notes = [line for line in linted if " 提示 " in line]
    assert any(line.startswith("scripts_src/ev-wide.yaml:1:5:") and "paths-capped" in line for line in notes), notes
    assert any(line.startswith("scripts_src/ev-deep.yaml:1:5:") and "paths-capped" in line for line in notes), notes
    assert any(
        line.startswith("scripts_src/ev-long.txt:1:") and "还有 7800 处忌语未逐一列出" in line for line in notes
    ), notes
