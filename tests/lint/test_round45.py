"""Round 45 (bench/README.md "Round 45"): a staff number or a person named by a blank is no organisation's name.

After a greeting a short name said on its own is read as the organisation's (「您好，欧飞，」: `{单位名}`). What a hotline
agent says there is often their own number or name instead: 「您好，工号xx为您服务」, 「您好，毕姓X，很高兴为您服务」 — the
agent, not the organisation. Every text here is made up.
"""

from __future__ import annotations

import pytest

from tests.lint.conftest import found


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # the agent's number or name after the greeting (each fails on main 876b9d85)
        ("您好，工号xx为您服务，请讲。", set(), {"gongsi"}),
        ("您好，工号A1024为您服务。", set(), {"gongsi"}),
        ("您好，毕姓X，很高兴为您服务。", set(), {"gongsi"}),
        # left alone: a short name said on its own, a name with 姓 inside it (pass on main too)
        ("您好，安和物业，很高兴为您服务。", {"gongsi"}, set()),
        ("您好，百姓超市，请问有什么可以帮您？", {"gongsi"}, set()),
        ("您好，安和热线工号1024为您服务。", {"gongsi"}, set()),
        ("您好，编号××很高兴为您服务。", set(), {"gongsi"}),
    ],
)
def test_a_staff_number_is_no_name(project, text, present, absent):
    got = found(project, text)
    assert present <= got and not (absent & got), got
