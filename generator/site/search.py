"""Chinese search: a jieba user dictionary made of our own terms, and Traditional forms in the index.

Material's search plugin segments Han text with jieba when the index is built; in the browser the
query is cut into words that exist in the index. So the index words must be the words trainees type:
our domain terms (忌语, 犹豫期, 三同时…) must stay whole instead of being cut into single characters.
The browser cannot convert Traditional to Simplified, so every indexed word whose Traditional form
differs is indexed again in that form, in fields the result list never shows.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator import model as m

CORE_TERMS = """
回访 电话回访 回访率 回访员 回访记录 回访时间 回访对象 回访周期 回访话术 客户回访 投诉回访 满意度回访
忌语 禁语 开头语 结束语 问候语 礼貌用语 规范用语 服务用语 祝福语
犹豫期 三同时 危化品 剧毒品 应急预案 标准化 安全培训 现状评价
投诉 客户投诉 投诉单 举报 咨询 报修 维修 保养 理赔 保全 续期 新契约 承保 定损 查勘
满意 不满意 满意度 方便 不方便 接电话 通话 挂电话 占线 无人接听
拔牙 洗牙 根管 种植牙 注意事项 术后 复诊 随访 宣教
交底 开工 竣工 完工 验收 中期 尾期 签单 工长 监理 设计师
来电 来访 来函 接听 转接 转办 答复 留言 升级 回复
坐席 客服 客服专员 客服员 主管 负责人 话术 记录表 登记表 统计表
"""
STOP_CHARS = "的与和及或、，。；：（）()/／·后前中时之对向在为了是有“”\"' 　-—"
SPLIT = re.compile("[" + re.escape(STOP_CHARS) + r"0-9０-９a-zA-Z\s]+")
HAN_ONLY = re.compile(r"^[\u3400-\u9fff]+$")


def title_terms(title: str) -> list[str]:
    """Short runs of a title between function characters: 拔牙后宣教 → 拔牙, 宣教."""
    return [part for part in SPLIT.split(title) if 2 <= len(part) <= 4 and HAN_ONLY.match(part)]


def user_dictionary(project: m.Project) -> str:
    """jieba's user-dictionary format: `word frequency` per line, sorted, stable."""
    words: dict[str, int] = {}
    for word in CORE_TERMS.split():
        words[word] = 200000
    titles: list[str] = []
    titles += [s.title for s in project.scenarios.values()] + [s.industry for s in project.scenarios.values()]
    titles += [st for s in project.scenarios.values() for st in s.stages]
    titles += [f.title for f in project.forms.values()] + [b.title for b in project.banks.values()]
    titles += [s.title for s in project.scripts.values()] + [g.title for g in project.etiquette]
    titles += [q for b in project.banks.values() for q2 in b.questions for q in q2.tags]
    for title in titles:
        for term in title_terms(title):
            words.setdefault(term, 20000)
    for phrase in project.forbidden:
        for text in (phrase.phrase, *phrase.variants):
            value = str(text).strip()
            if 2 <= len(value) <= 6 and HAN_ONLY.match(value):
                words.setdefault(value, 20000)
    return "".join(f"{word} {freq}\n" for word, freq in sorted(words.items()))


@lru_cache(maxsize=1)
def _converters():
    import opencc
    return [opencc.OpenCC(name) for name in ("s2t", "s2tw", "s2hk")]


TAG = re.compile(r"<[^>]*>")
SEPARATOR = re.compile(r"[\s\u200b\u3000\-、。，．？！；]+")


@lru_cache(maxsize=200000)
def traditional(token: str) -> tuple[str, ...]:
    """Traditional spellings of a token that differ from it (several regional standards)."""
    if not re.search(r"[\u3400-\u9fff]", token):
        return ()
    return tuple(sorted({c.convert(token) for c in _converters()} - {token}))


def alternate(text: str) -> str:
    """The Traditional forms of the words of an index field, joined like Material joins segments."""
    seen: dict[str, None] = {}
    for token in SEPARATOR.split(TAG.sub(" ", text)):
        for form in traditional(token):
            seen.setdefault(form, None)
    return "\u200b".join(seen)


def add_traditional(entries: list[dict], fields: dict) -> None:
    """Give every search entry hidden `title_tw`/`text_tw` fields with its Traditional words."""
    fields.setdefault("title_tw", {"boost": 1e3})
    fields.setdefault("text_tw", {"boost": 1.0})
    for entry in entries:
        for name in ("title", "text"):
            alt = alternate(entry.get(name, ""))
            if alt:
                entry[f"{name}_tw"] = alt
            else:
                entry.pop(f"{name}_tw", None)
