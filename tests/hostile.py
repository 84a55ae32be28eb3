"""A corpus of broken and hostile inputs, each with the one line `huifang check` must print for it.

Each case plants one file into a copy of the minimal project: (relative path, content, expected start of
the message line). Content is text, bytes, or a function that makes the file itself.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

SCENARIO = "id: x\ntitle: 标题\nindustry: 物业\ntrigger: t\ntiming: {text: t}\nresponsible: r\n"
DEMO_SCENARIO = "id: demo-weixiu\ntitle: 维修后回访\nindustry: 物业\ntrigger: t\ntiming: {text: t}\nresponsible: r\n"
FORM = "id: f\ntitle: 表\nsections:\n"


def huge(path: Path) -> None:
    with path.open("wb") as handle:
        handle.write(b"id: huge\nname: x\n")
        handle.truncate(52 * 1024 * 1024)  # 52 MB, sparse: fast to make, still 52 MB to a reader


def directory(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.mkdir()


def symlink_out(path: Path) -> None:
    outside = path.parents[3] / "outside.yaml"
    outside.write_text("id: outside\nname: 外部\n", encoding="utf-8")
    path.symlink_to(outside)


def _outside(path: Path) -> Path:
    """The folder holding the project `path` was planted in."""
    return next(p for p in path.parents if (p / "content").is_dir()).parent


def folder_out(path: Path) -> None:
    outside = _outside(path) / "outside-folder"
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text("项目之外的文件\n", encoding="utf-8")
    path.symlink_to(outside, target_is_directory=True)


def file_out(path: Path) -> None:
    target = _outside(path) / "outside.bin"
    target.write_bytes(b"secret outside the project\n")
    path.symlink_to(target)


def config_out(path: Path) -> None:
    target = _outside(path) / "outside-huifang.yaml"
    target.write_text("lint:\n  extends: strict\n", encoding="utf-8")
    path.symlink_to(target)


def self_link(path: Path) -> None:
    shutil.rmtree(path)
    path.symlink_to(path.name)


def fifo(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def alias_bomb() -> str:
    text = "id: bomb\nname: 公司\na: &a [x,x,x,x,x,x,x,x,x,x]\n"
    for n in "bcdefghi":
        text += f"{n}: &{n} [" + ",".join([f"*{chr(ord(n) - 1)}"] * 10) + "]\n"
    return text


HOSTILE: dict[str, tuple[str, object, str]] = {
    # syntax errors at many places
    "unclosed flow list": (
        "content/orgs/bad.yaml",
        "id: bad\nname: [未闭合\nhotline: 1\n",
        "content/orgs/bad.yaml:3:8: YAML 语法错误：列表缺少逗号或右方括号 ]",
    ),
    "unclosed quote": (
        "content/orgs/bad.yaml",
        'id: bad\nname: "公司\nhotline: 1\n',
        "content/orgs/bad.yaml:4:1: YAML 语法错误",
    ),
    "colon inside plain text": (
        "content/orgs/bad.yaml",
        "id: bad\nname: 公司: 客服部\n",
        "content/orgs/bad.yaml:2:9: YAML 语法错误：此处不能出现冒号映射",
    ),
    "bad indentation": (
        "content/orgs/bad.yaml",
        "id: bad\nname: 公司\n  hotline: 1\n",
        "content/orgs/bad.yaml:3:10: YAML 语法错误",
    ),
    "tab indentation": (
        "content/orgs/bad.yaml",
        "id: bad\nname:\n\t公司\n",
        "content/orgs/bad.yaml:3:1: YAML 语法错误",
    ),
    "undefined alias": (
        "content/orgs/bad.yaml",
        "id: bad\nname: *nope\n",
        "content/orgs/bad.yaml:2:7: 引用了未定义的锚点 *nope",
    ),
    "merge key": (
        "content/orgs/bad.yaml",
        "base: &b {hotline: '1'}\nid: bad\nname: 公司\n<<: *b\n",
        "content/orgs/bad.yaml:4:1: 不支持合并键",
    ),
    "complex key": (
        "content/orgs/bad.yaml",
        "id: bad\nname: 公司\n? [a, b]\n: c\n",
        "content/orgs/bad.yaml:3:3: 键必须是简单的文字",
    ),
    "unquoted placeholder in a flow list": (
        "scripts_src/demo-weixiu.yaml",
        "id: demo-weixiu\ntitle: 话术\nopening: [您好，我是{公司}的{坐席}。]\n",
        "scripts_src/demo-weixiu.yaml:3:16: YAML 语法错误：列表缺少逗号或右方括号 ]；提示：含 {占位符}",
    ),
    "line starting with a placeholder": (
        "scripts_src/demo-weixiu.yaml",
        "id: demo-weixiu\ntitle: 话术\nopening:\n  - {公司}您好\n",
        "scripts_src/demo-weixiu.yaml:4:9: YAML 语法错误：找不到预期的列表符号 '-'（检查缩进）；提示：含 {占位符}",
    ),
    "two documents": (
        "content/orgs/two.yaml",
        "id: two\nname: 公司\n---\nid: three\n",
        "content/orgs/two.yaml:3:1: 一个文件只能有一个",
    ),
    # empty and wrongly shaped files
    "empty file": ("content/orgs/empty.yaml", "", "content/orgs/empty.yaml:1:1: 文件为空"),
    "comment-only file": ("content/orgs/empty.yaml", "# 只有注释\n", "content/orgs/empty.yaml:1:1: 文件为空"),
    "list where a mapping belongs": (
        "content/orgs/list.yaml",
        "- id: a\n- id: b\n",
        "content/orgs/list.yaml:1:1: 文件顶层应为映射",
    ),
    "bare text file": ("content/orgs/text.yaml", "只是一段文字\n", "content/orgs/text.yaml:1:1: 文件顶层应为映射"),
    # wrong types and values
    "wrong type": (
        "content/scenarios/x.yaml",
        SCENARIO + "target_rate: 很高\n",
        "content/scenarios/x.yaml:7:14: 应为数字",
    ),
    "rate over 100": (
        "content/scenarios/x.yaml",
        SCENARIO + "target_rate: 150\n",
        "content/scenarios/x.yaml:7:14: 值 150 太大",
    ),
    "null where text belongs": (
        "content/orgs/n.yaml",
        "id: n\nname:\n",
        "content/orgs/n.yaml:2:6: 应为文字，实际是空值",
    ),
    "boolean where text belongs": (
        "content/orgs/b.yaml",
        "id: b\nname: true\n",
        "content/orgs/b.yaml:2:7: 应为文字，实际是true/false",
    ),
    "time as number": (
        "content/orgs/t.yaml",
        'id: t\nname: 公司\ncall_windows:\n  - {start: 1030, end: "11:40"}\n',
        "content/orgs/t.yaml:4:13: 应为文字，实际是整数 1030",
    ),
    "impossible time": (
        "content/orgs/t.yaml",
        'id: t\nname: 公司\ncall_windows:\n  - {start: "25:00", end: "11:40"}\n',
        "content/orgs/t.yaml:4:13: 时间 '25:00' 应写成 时:分",
    ),
    "bad id": ("content/orgs/bad.yaml", "id: Bad Id\nname: 公司\n", "content/orgs/bad.yaml:1:5: 标识 'Bad Id'"),
    "path in id": (
        "content/orgs/bad.yaml",
        "id: ../../etc/passwd\nname: 公司\n",
        "content/orgs/bad.yaml:1:5: 标识 '../../etc/passwd'",
    ),
    "very long line": (
        "content/orgs/long.yaml",
        "id: long\nname: 公司\nsource: " + "长" * 5000 + "\n",
        "content/orgs/long.yaml:3:9: 过长：最多 300 个字",
    ),
    "unknown field type": (
        "content/forms/f.yaml",
        FORM + "  - fields:\n      - {label: 客户, type: textarea}\n",
        "content/forms/f.yaml:5:27: 值 'textarea' 不是可选值，是否想写 'text'？",
    ),
    "empty table": (
        "content/forms/f.yaml",
        FORM + "  - table: {columns: [], rows: 3}\n",
        "content/forms/f.yaml:4:22: 不能为空",
    ),
    "over-long label": (
        "content/forms/f.yaml",
        FORM + "  - fields:\n      - {label: " + "很" * 300 + "}\n",
        "content/forms/f.yaml:5:17: 过长：最多 200 个字",
    ),
    "branch with one case": (
        "scripts_src/demo-weixiu.yaml",
        "id: demo-weixiu\ntitle: 话术\nsteps:\n  - branch:\n      cases:\n        满意: [好的]\n",
        "scripts_src/demo-weixiu.yaml:6:9: 至少需要 2 项",
    ),
    "two kinds in one turn": (
        "scripts_src/demo-weixiu.yaml",
        "id: demo-weixiu\ntitle: 话术\nsteps:\n  - {say: 您好, customer: 你好}\n",
        "scripts_src/demo-weixiu.yaml:4:5: 这些键不能同时出现",
    ),
    "convenience without its no branch": (
        "content/orgs/c.yaml",
        "id: c\nname: 公司\nconvenience:\n  ask: 方便吗？\n  yes: [好的]\n",
        "content/orgs/c.yaml:3:1: 缺少必填的键 'no'",
    ),
    # unknown keys
    "unknown key with did-you-mean": (
        "content/orgs/demo2.yaml",
        "id: demo2\nname: 公司\ngreting: 您好\n",
        "content/orgs/demo2.yaml:3:1: 未知的键 'greting'",
    ),
    "misspelt required key": (
        "content/scenarios/x.yaml",
        SCENARIO.replace("title:", "titel:"),
        "content/scenarios/x.yaml:2:1: 未知的键 'titel'，是否想写 'title'？",
    ),
    "missing required key": (
        "content/scenarios/x.yaml",
        SCENARIO.replace("title: 标题\n", ""),
        "content/scenarios/x.yaml:1:1: 缺少必填的键 'title'",
    ),
    "unknown turn key": (
        "scripts_src/demo-weixiu.yaml",
        "id: demo-weixiu\ntitle: 话术\nsteps:\n  - sya: 您好\n",
        "scripts_src/demo-weixiu.yaml:4:5: 未知的键 'sya'，是否想写 'say'？",
    ),
    "unknown answer type": (
        "content/questions/demo.yaml",
        "id: demo\ntitle: 库\nquestions:\n  - {id: demo-q-manyi, text: 满意吗？, answer: satisfied}\n",
        "content/questions/demo.yaml:4:44: 值 'satisfied' 不是可选值，是否想写 'satisfaction'？",
    ),
    "duplicate key": (
        "content/orgs/dup.yaml",
        "id: dup\nname: 甲\nname: 乙\n",
        "content/orgs/dup.yaml:3:1: 重复的键 'name'",
    ),
    "config with unknown key": (
        "huifang.yaml",
        "lint:\n  rulez: {}\n",
        "huifang.yaml:2:3: 未知的键 'rulez'，是否想写 'rules'？",
    ),
    "config that is not YAML": ("huifang.yaml", "lint: [\n", "huifang.yaml:2:1: YAML 语法错误"),
    # dangling references and duplicate ids
    "dangling script reference": (
        "content/scenarios/demo-weixiu.yaml",
        DEMO_SCENARIO + "org: demo\nscripts: [demo-weixiu, demo-weixu]\n",
        "content/scenarios/demo-weixiu.yaml:8:24: 引用了不存在的话术 'demo-weixu'，是否想写 'demo-weixiu'？",
    ),
    "dangling form reference": (
        "content/scenarios/demo-weixiu.yaml",
        DEMO_SCENARIO + "forms:\n  - nope\n",
        "content/scenarios/demo-weixiu.yaml:8:5: 引用了不存在的表单 'nope'",
    ),
    "dangling org reference": (
        "content/scenarios/demo-weixiu.yaml",
        DEMO_SCENARIO + "org: acme\n",
        "content/scenarios/demo-weixiu.yaml:7:6: 引用了不存在的机构 'acme'",
    ),
    "dangling follow-up form": (
        "content/questions/more.yaml",
        "id: more\ntitle: 库\nquestions:\n  - id: more-q\n    text: 满意吗？\n    answer: satisfaction\n"
        "    follow_up: {when: [不满意], form: demo-tousudan}\n",
        "content/questions/more.yaml:7:36: 引用了不存在的表单 'demo-tousudan'，是否想写 'demo-tousu'？",
    ),
    "dangling default org": ("huifang.yaml", "default_org: nobody\n", "huifang.yaml:1:14: 引用了不存在的机构 'nobody'"),
    "unknown question in a script": (
        "scripts_src/demo-weixiu.yaml",
        "id: demo-weixiu\ntitle: 话术\norg: demo\nquestions:\n  - demo-q-manyi\n  - demo-q-nope\n",
        "scripts_src/demo-weixiu.yaml:6:5: 引用了不存在的问题 'demo-q-nope'",
    ),
    "unknown question in a step": (
        "scripts_src/demo-weixiu.yaml",
        "id: demo-weixiu\ntitle: 话术\norg: demo\nsteps:\n  - 您好\n  - ask: demo-q-manyy\n",
        "scripts_src/demo-weixiu.yaml:6:10: 引用了不存在的问题 'demo-q-manyy'，是否想写 'demo-q-manyi'？",
    ),
    "duplicate question id": (
        "content/questions/more.yaml",
        "id: more\ntitle: 库\nquestions:\n  - {id: demo-q-manyi, text: 满意吗？, answer: satisfaction}\n",
        "content/questions/more.yaml:4:10: 重复的标识 'demo-q-manyi'：已在 content/questions/demo.yaml 中使用",
    ),
    "duplicate scenario id": (
        "content/scenarios/zz-copy.yaml",
        DEMO_SCENARIO,
        "content/scenarios/zz-copy.yaml:1:5: 重复的标识 'demo-weixiu'：已在 content/scenarios/demo-weixiu.yaml 中使用",
    ),
    "duplicate etiquette rule id": (
        "content/etiquette/more.yaml",
        "groups:\n  - id: more\n    title: 其他\n    rules:\n      - {id: demo-sansheng, text: 重复}\n",
        "content/etiquette/more.yaml:5:14: 重复的标识 'demo-sansheng'",
    ),
    # encodings and hidden characters
    "GBK file": (
        "content/orgs/gbk.yaml",
        "id: gbk\nname: 示例公司\n".encode("gbk"),
        "content/orgs/gbk.yaml:2:7: 文件不是 UTF-8 编码，看起来是 GBK",
    ),
    "UTF-16 file": (
        "content/orgs/u16.yaml",
        "id: u16\nname: 公司\n".encode("utf-16"),
        "content/orgs/u16.yaml:1:1: 文件是 UTF-16 编码",
    ),
    "UTF-16 without BOM": (
        "content/orgs/u16.yaml",
        "id: u16\nname: 公司\n".encode("utf-16-le"),
        "content/orgs/u16.yaml:1:1: 文件看起来是 UTF-16 编码",
    ),
    "NUL bytes": ("content/orgs/nul.yaml", b"id: nul\nname: \x00\n", "content/orgs/nul.yaml:2:7: 文件含有 NUL 字节"),
    "control character": (
        "content/orgs/ctl.yaml",
        "id: ctl\nname: 公\x07司\n",
        "content/orgs/ctl.yaml:2:8: 含有控制字符",
    ),
    "right-to-left override": (
        "content/orgs/rtl.yaml",
        "id: rtl\nname: 公司\u202e司公\n",
        "content/orgs/rtl.yaml:2:9: 含有会改变文字显示顺序的隐藏字符",
    ),
    # hostile structure and size
    "python tag": (
        "content/orgs/evil.yaml",
        "id: evil\nname: !!python/object/apply:os.system ['echo pwned']\n",
        "content/orgs/evil.yaml:2:7: 不允许的 YAML 标签 !!python/object/apply:os.system",
    ),
    "custom tag": (
        "content/orgs/evil.yaml",
        "id: evil\nname: !include /etc/passwd\n",
        "content/orgs/evil.yaml:2:7: 不允许的 YAML 标签 !include",
    ),
    "alias bomb": ("content/orgs/bomb.yaml", alias_bomb(), "content/orgs/bomb.yaml:7:29: 节点过多"),
    "deep nesting": (
        "content/orgs/deep.yaml",
        "id: deep\nname: 公司\nx: " + "[" * 5000 + "]" * 5000 + "\n",
        "content/orgs/deep.yaml:3:53: 嵌套过深（超过 50 层）",
    ),
    "50 MB file": ("content/orgs/huge.yaml", huge, "content/orgs/huge.yaml:1:1: 文件过大（52.0 MB，上限 5.0 MB）"),
    "directory where a file belongs": (
        "content/standards.yaml",
        directory,
        "content/standards.yaml:1:1: 这里应是一个文件，却是一个目录",
    ),
    "symlink pointing out of the project": (
        "content/orgs/link.yaml",
        symlink_out,
        "content/orgs/link.yaml:1:1: 符号链接指向项目之外",
    ),
    # issue 17: code from a pull request, files from outside, FIFOs, config typos, small mistakes
    "mkdocs.yml with an object tag": (
        "mkdocs.yml",
        "extra:\n  boom: !!python/object/apply:os.system ['touch pwned']\n",
        "mkdocs.yml:2:9: 不允许的 YAML 标签 !!python/object/apply:os.system",
    ),
    "mkdocs.yml naming a function off the list": (
        "mkdocs.yml",
        "markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n"
        "        - name: x\n          class: x\n          format: !!python/name:os.system\n",
        "mkdocs.yml:6:19: 不允许的函数 !!python/name:os.system",
    ),
    "symlinked folder under pages": (
        "content/pages/outdir",
        folder_out,
        "content/pages/outdir:1:1: 符号链接指向项目之外",
    ),
    "symlinked image under pages": (
        "content/pages/logo.png",
        file_out,
        "content/pages/logo.png:1:1: 符号链接指向项目之外",
    ),
    "symlink deep under pages": (
        "content/pages/a/b/c/notes.txt",
        file_out,
        "content/pages/a/b/c/notes.txt:1:1: 符号链接指向项目之外",
    ),
    "symlinked template": (
        "templates/pages/home.md.j2",
        file_out,
        "templates/pages/home.md.j2:1:1: 符号链接指向项目之外",
    ),
    "looping symlink under pages": (
        "content/pages/loop",
        lambda p: p.symlink_to("loop"),
        "content/pages/loop:1:1: 符号链接无法解析",
    ),
    "huifang.yaml symlinked out": ("huifang.yaml", config_out, "huifang.yaml:1:1: 符号链接指向项目之外"),
    "self-looping scripts_src": ("scripts_src", self_link, "scripts_src:1:1: scripts_src 是无法解析的符号链接"),
    "FIFO as a content file": ("content/orgs/pipe.yaml", fifo, "content/orgs/pipe.yaml:1:1: 不是普通文件"),
    "FIFO as a standards file": ("content/standards.yaml", fifo, "content/standards.yaml:1:1: 不是普通文件"),
    "FIFO deep in scripts_src": ("scripts_src/sub/pipe.yaml", fifo, "scripts_src/sub/pipe.yaml:1:1: 不是普通文件"),
    "FIFO under pages": ("content/pages/pipe.md", fifo, "content/pages/pipe.md:1:1: 不是普通文件"),
    "unknown lint rule": (
        "huifang.yaml",
        "lint:\n  rules:\n    forbiden-phrase: off\n",
        "huifang.yaml:3:5: lint.rules 中的规则 'forbiden-phrase' 不存在，是否想写 'forbidden-phrase'？",
    ),
    "unknown lint preset": (
        "huifang.yaml",
        "lint:\n  extends: strictt\n",
        "huifang.yaml:2:12: lint.extends 的值 'strictt' 不存在，是否想写 'strict'？",
    ),
    "max_depth raised past what Python can walk": (
        "huifang.yaml",
        "limits:\n  max_depth: 100000\n",
        "huifang.yaml:2:14: limits.max_depth 最大为 200",
    ),
    "hotline with a leading zero": (
        "content/orgs/h.yaml",
        "id: h\nname: 公司\nhotline: 01012345678\n",
        'content/orgs/h.yaml:3:10: 应为文字，实际是整数 1012345678（如要写文字，请把原样的整个值加引号："01012345678"）',
    ),
    "not-a-number rate": (
        "content/scenarios/x.yaml",
        SCENARIO + "target_rate: .nan\n",
        "content/scenarios/x.yaml:7:14: .nan 不是具体的数值",
    ),
    "not-a-number call length": (
        "content/orgs/m.yaml",
        "id: m\nname: 公司\nmax_call_minutes: {max: .NaN}\n",
        "content/orgs/m.yaml:3:25: .NaN 不是具体的数值",
    ),
    "infinite call length": (
        "content/orgs/m.yaml",
        "id: m\nname: 公司\nmax_call_minutes: {max: .inf}\n",
        "content/orgs/m.yaml:3:25: .inf 不是具体的数值",
    ),
    "raw U+FFFF": (
        "content/orgs/ff.yaml",
        "id: ff\nname: 公\uffff司\n",
        "content/orgs/ff.yaml:2:8: 含有不能使用的字符（U+FFFF）",
    ),
    "line separator U+2028": (
        "content/orgs/ls.yaml",
        "# 注释\u2028仍是注释\nid: ls\nname: [公司\n",
        "content/orgs/ls.yaml:1:5: 含有特殊换行符",
    ),
    "next line U+0085": (
        "content/orgs/nel.yaml",
        "id: nel\nname: 公司\x85客服部\n",
        "content/orgs/nel.yaml:2:9: 含有特殊换行符",
    ),
    "CJK-only UTF-16LE without BOM": (
        "content/orgs/cjk.yaml",
        "公司名称\n客服部门\n".encode("utf-16-le"),
        "content/orgs/cjk.yaml:1:1: 文件看起来是 UTF-16 编码",
    ),
}

NOT_LINTED = {"mkdocs.yml with an object tag", "mkdocs.yml naming a function off the list"}  # check and build read it


def plant(project: Path, rel: str, content) -> Path:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if callable(content):
        content(path)
    else:
        if path.is_dir():
            os.rmdir(path)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# ---------------------------------------------------------------------------------------------------
# Evasions: a forbidden phrase (the minimal project's 你自己想办法吧！) written so that a linter reading
# the raw text would miss it (issue 17, items 7–10). Each case plants one script; `huifang lint` must
# print a forbidden-phrase finding starting with the expected `path:line:col`.
# (relative path, content, expected start of the finding line)
# ---------------------------------------------------------------------------------------------------

PHRASE = "你自己想办法吧"


def _inside(ch: str) -> str:
    return PHRASE[:3] + ch + PHRASE[3:]


def _yaml_script(ident: str, steps: str) -> str:
    return f"id: {ident}\ntitle: 话术\norg: demo\nsteps:\n{steps}"


def _many_branches(ident: str) -> str:
    """Nine yes/no branches in a row (2^9 paths); the phrase in the first one's 否, on none of the first 256."""
    steps = f"  - branch:\n      cases:\n        是: [好的。]\n        否: [{PHRASE}。]\n"
    for i in range(8):
        steps += f"  - branch:\n      cases:\n        是: [好的{i}。]\n        否: [明白{i}。]\n"
    return _yaml_script(ident, steps)


def _wide_branch(ident: str) -> str:
    cases = "".join(f"        选项{i}: [好的{i}。]\n" for i in range(256))
    return _yaml_script(ident, f"  - branch:\n      cases:\n{cases}        最后: [{PHRASE}。]\n")


INVISIBLE = {  # name: a character a reader does not see, planted inside the phrase
    "variation selector 16": "\ufe0f",
    "variation selector 1": "\ufe00",
    "variation selector 17": "\U000e0100",
    "Mongolian vowel separator": "\u180e",
    "combining acute accent": "\u0301",
    "combining enclosing circle": "\u20dd",
    "Hangul filler": "\u3164",
    "halfwidth Hangul filler": "\uffa0",
    "Hangul choseong filler": "\u115f",
    "Braille blank": "\u2800",
    "tag latin small a": "\U000e0061",
    "cancel tag": "\U000e007f",
    "combining grapheme joiner": "\u034f",
    "soft hyphen": "\u00ad",
    "word joiner": "\u2060",
    "ideographic tone mark": "\u302a",
    "invisible separator": "\u2063",
    "Khmer vowel inherent": "\u17b4",
}

EVASIONS: dict[str, tuple[str, object, str]] = {}
for _n, (_name, _ch) in enumerate(INVISIBLE.items()):
    EVASIONS[f"{_name} in .txt"] = (
        f"scripts_src/ev-i{_n}.txt",
        f"客服：{_inside(_ch)}。\n",
        f"scripts_src/ev-i{_n}.txt:1:4",
    )
    EVASIONS[f"{_name} in .md"] = (
        f"scripts_src/ev-i{_n}.md",
        f"- 客服：{_inside(_ch)}。\n",
        f"scripts_src/ev-i{_n}.md:1:6",
    )
    EVASIONS[f"{_name} in YAML"] = (
        f"scripts_src/ev-i{_n}.yaml",
        _yaml_script(f"ev-i{_n}", f'  - "{_inside(_ch)}。"\n'),
        f"scripts_src/ev-i{_n}.yaml:5:6",
    )
EVASIONS.update(
    {
        "decimal character reference in .md": (
            "scripts_src/ev-dec.md",
            "客服：你自己想&#21150;法吧。\n",
            "scripts_src/ev-dec.md:1:4",
        ),
        "hex character reference in .md": (
            "scripts_src/ev-hex.md",
            "客服：你自己&#x60F3;办法吧。\n",
            "scripts_src/ev-hex.md:1:4",
        ),
        "named reference in .md": (
            "scripts_src/ev-named.md",
            "客服：你自己&nbsp;想办法吧。\n",
            "scripts_src/ev-named.md:1:4",
        ),
        "inline tag in .md": ("scripts_src/ev-tag.md", "客服：你自己<b>想</b>办法吧。\n", "scripts_src/ev-tag.md:1:4"),
        "empty tag with attributes in .md": (
            "scripts_src/ev-span.md",
            '客服：你自己<span class="x"></span>想办法吧。\n',
            "scripts_src/ev-span.md:1:4",
        ),
        "comment inside the phrase in .md": (
            "scripts_src/ev-comment.md",
            "客服：你自己<!-- 注释 -->想办法吧。\n",
            "scripts_src/ev-comment.md:1:4",
        ),
        "line break tag in .md": ("scripts_src/ev-br.md", "客服：你自己<br>想办法吧。\n", "scripts_src/ev-br.md:1:4"),
        "soft line break in .md": (
            "scripts_src/ev-soft.md",
            "客服：好的，你自己\n想办法吧。\n",
            "scripts_src/ev-soft.md:1:7",
        ),
        "table cell in .md": (
            "scripts_src/ev-table.md",
            "| 角色 | 话术 |\n| --- | --- |\n| 客服 | 你自己想办法吧 |\n",
            "scripts_src/ev-table.md:3:8",
        ),
        "heading line in .txt": ("scripts_src/ev-heading.txt", "# 你自己想办法吧\n", "scripts_src/ev-heading.txt:1:3"),
        "line above === in .txt": (
            "scripts_src/ev-setext.txt",
            "你自己想办法吧\n===\n",
            "scripts_src/ev-setext.txt:1:1",
        ),
        "257th path of a wide branch": (
            "scripts_src/ev-wide.yaml",
            _wide_branch("ev-wide"),
            "scripts_src/ev-wide.yaml:263:14",
        ),
        "behind nine yes/no branches": (
            "scripts_src/ev-deep.yaml",
            _many_branches("ev-deep"),
            "scripts_src/ev-deep.yaml:8:13",
        ),
        "8,000 repeats on one line": (
            "scripts_src/ev-long.txt",
            "客服：" + (PHRASE + "，") * 8000 + "\n",
            "scripts_src/ev-long.txt:1:4",
        ),
    }
)
