"""MkDocs' complaints about a team's mkdocs.yml come out as huifang's: `mkdocs.yml:line:col: 中文`, not
"Config value 'extra_css': Expected type: <class 'list'> ..." and "Aborted with a configuration error!"."""

from __future__ import annotations

import pytest
from huifang.site.mkdocs_messages import REASONS, aborted, chinese

from tests.conftest import huifang


def test_a_bad_mkdocs_yml_is_said_in_chinese_at_its_lines(minimal):
    (minimal / "mkdocs.yml").write_text("site_name: 回访手册\nfoo: 1\nextra_css: a.css\n", encoding="utf-8")
    result = huifang("build", "--no-forms", "--project", minimal)
    assert result.returncode == 1 and not (minimal / "site").exists()
    assert result.stderr.splitlines() == [
        "mkdocs.yml:2:1: 警告：设置 foo：MkDocs 没有这项设置，已忽略（请检查拼写）",
        "mkdocs.yml:3:12: 设置 extra_css：应为列表，实际是文字",
        "huifang build: mkdocs.yml 的设置有误（见上）",
        "网站未生成（site/ 保持原样）。",
    ], result.stderr


# what MkDocs 1.6 says -> the Chinese for it
SAID = {
    "Expected type: <class 'str'> but received: <class 'int'>": "应为文字，实际是整数",
    "Unrecognised configuration name: foo": "MkDocs 没有这项设置，已忽略（请检查拼写）",
    "Unrecognised theme name: 'nope'. The available installed themes are: mkdocs, readthedocs, material": (
        "没有名为「nope」的主题，已安装的主题：mkdocs, readthedocs, material"
    ),
    'The "nope" plugin is not installed': "插件「nope」没有安装（或名字写错了）",
    "Failed to load extension 'nope_ext'.\nModuleNotFoundError: No module named 'nope_ext'": (
        "无法加载 Markdown 扩展「nope_ext」：没有安装，或名字写错了"
    ),
    "Expected nav to be a list, got a int: 3": "nav 应当是列表",
    "Expected nav item to be a string or dict, got a int: 3": "nav 的每一项应当是页面路径，或「标题: 路径」",
    "The URL isn't valid, it should include the http:// (scheme)": "网址应以 http:// 或 https:// 开头",
    "Required configuration not provided.": "缺少这项必填的设置",
    # session 20's walk: the reasons MkDocs gave in English for common settings of a wrong type
    "Expected a string, got <class 'int'>": "应为文字，实际是整数",
    "Invalid type <class 'int'>. Expected a string or key/value pairs.": "应为文字或映射（键: 值），实际是整数",
    "The configuration is invalid. Expected a key-value mapping (dict) but received: <class 'int'>": (
        "应为映射（键: 值），实际是整数"
    ),
    "Expected a list of items, but a <class 'int'> was given.": "应为列表，实际是整数",
    "Invalid Plugins configuration. Expected a list or dict.": "应为列表或映射（键: 值）",
    "Invalid Markdown Extensions configuration": "应为列表（每项写扩展名，或「扩展名: 选项」）",
    "The path '/team/hooks.py' isn't an existing file.": "文件「/team/hooks.py」不存在",
    "The path '/team/extra' isn't an existing file or directory.": "「/team/extra」不存在",
    "The path set in custom_dir ('/team/overrides') does not exist.": "custom_dir 指向的文件夹「/team/overrides」不存在",
}


@pytest.mark.parametrize("english", sorted(SAID))
def test_each_known_reason_is_chinese(english):
    assert chinese(english) == SAID[english]


def test_every_pattern_is_tried_and_others_keep_mkdocs_words():
    assert len(SAID) == len(REASONS)
    assert chinese("Something new.\nmore") == "MkDocs 说这项设置有误：Something new."
    assert aborted("Aborted with a configuration error!") == "mkdocs.yml 的设置有误（见上）"
    assert aborted("Aborted with 2 configuration warnings in 'strict' mode!") == "strict 模式下有 2 个设置警告，已停止"
    assert aborted("Some other failure") is None
