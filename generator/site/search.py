"""Chinese search: a jieba user dictionary made of our own terms, and Traditional forms in the index.

Material's search plugin segments Han text with jieba when the index is built; in the browser the
query is cut into words that exist in the index. So the index words must be the words trainees type:
our domain terms (忌语, 犹豫期, 三同时…) must stay whole instead of being cut into single characters.
The browser cannot convert Traditional to Simplified, so every indexed word whose Traditional form
differs is indexed again in that form, in fields the result list never shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from huifang import model as m
from huifang.site import segmenter

CORE_TERMS = """
回访 回访率 回访员 忌语 禁语 开头语 结束语 问候语 祝福语 用语
犹豫期 三同时 危化品 剧毒品 应急预案 标准化 现状评价
投诉 投诉单 举报 咨询 报修 维修 保养 理赔 保全 续期 停效 新契约 承保 定损 查勘
满意 满意度 不满意 方便 不方便 接电话 挂电话 占线
拔牙 洗牙 根管 种植牙 注意事项 术后 复诊 随访 宣教 拆线
交底 开工 竣工 完工 验收 中期 尾期 签单 工长 监理 尾款
来电 来访 来函 转办 答复 留言 升级
坐席 客服 话术 记录表 登记表 统计表
"""
STOP_CHARS = "、，。；：（）()/／·“”「」《》\"' 　-—"
SPLIT = re.compile("[" + re.escape(STOP_CHARS) + r"0-9０-９a-zA-Z\s]+")
EDGE = set("的了和与及或后前中时天月年日次个")
HAN_ONLY = re.compile(r"^[\u3400-\u9fff]+$")


def title_terms(title: str) -> list[str]:
    """Short runs of a title between punctuation: 建设项目“三同时”跟踪回访 → 三同时; in a longer run, a
    character jieba leaves alone joined to the word after it: 准客户回访 (准 客户 回访) → 准客户, so
    a trainee's 准客户 finds that page and not every 客户 page."""
    jieba = segmenter.jieba()

    found = []
    for part in SPLIT.split(title):
        if not HAN_ONLY.match(part or "-"):
            continue
        if 2 <= len(part) <= 4:
            found.append(part)
        elif len(part) > 4:
            pieces = jieba.lcut(part, HMM=False)
            found += [
                one + after
                for one, after in zip(pieces, pieces[1:])
                if len(one) == 1 and one not in EDGE and 2 <= len(one + after) <= 4
            ]
    return found


@cache
def needs_entry(term: str) -> bool:
    """Only words jieba would break into a lone character (忌/语, 三/同时, 危/化/品) need an entry.

    Compounds of known words (客户+回访) must stay cut: the browser looks query words up whole, so
    a compound token would hide its parts from a query for 回访 or 客户.
    Remembered for the process: once the search plugin has loaded our dictionary into jieba, jieba
    keeps these words whole, and a second look (a serve rebuild) would find that none needs an entry.
    """
    jieba = segmenter.jieba()

    pieces = list(jieba.cut(term, HMM=False))
    return len(pieces) > 1 and any(len(piece) == 1 for piece in pieces)


def user_dictionary(project: m.Project, terms: Iterable[str] = ()) -> str:
    """jieba's user-dictionary format: `word frequency` per line, sorted, stable.

    `terms` are the glossary's terms: a trainee asks for them whole (问题件是什么), so they must not be
    indexed as 问题 + 件.
    """
    candidates: dict[str, int] = {}
    for word in [*CORE_TERMS.split(), *(t for t in terms if HAN_ONLY.match(t))]:
        candidates[word] = 200000
    titles: list[str] = []
    titles += [s.title for s in project.scenarios.values()] + [s.industry for s in project.scenarios.values()]
    titles += [st for s in project.scenarios.values() for st in s.stages]
    titles += [f.title for f in project.forms.values()] + [b.title for b in project.banks.values()]
    titles += [s.title for s in project.scripts.values()] + [g.title for g in project.etiquette]
    titles += [tag for b in project.banks.values() for q in b.questions for tag in q.tags]
    core = [w for w in candidates if len(w) >= 2]
    for title in titles:
        for term in title_terms(title):
            if term[0] in EDGE or term[-1] in EDGE or any(w in term and w != term for w in core):
                continue  # 的回访, 开工后, 洗牙回访: a fragment or a compound of words we know
            candidates.setdefault(term, 20000)
    for phrase in project.forbidden:
        for text in (phrase.phrase, *phrase.variants):
            value = str(text).strip()
            if 2 <= len(value) <= 4 and HAN_ONLY.match(value):
                candidates.setdefault(value, 20000)
    words = {w: f for w, f in candidates.items() if needs_entry(w)}
    return "".join(f"{word} {freq}\n" for word, freq in sorted(words.items()))


_LOADED: dict = {}  # what loading our user dictionary into jieba changed, to undo it on a reload


def load_user_dictionary(path: str) -> None:
    """Load our user dictionary into jieba in place of the one loaded before (serve rebuilds).

    jieba adds a word's frequency to its total each time it is loaded; loading the dictionary on
    every rebuild, as Material's search plugin does, shifts every word's probability and with it
    the segmentation of pages, so a rebuilt page would be indexed unlike a fresh build.
    """
    jieba = segmenter.jieba()

    tokenizer = jieba.dt
    tokenizer.check_initialized()
    if _LOADED:
        for key, old in _LOADED["freq"].items():
            if old is None:
                tokenizer.FREQ.pop(key, None)
            else:
                tokenizer.FREQ[key] = old
        tokenizer.total = _LOADED["total"]
    text = open(path, encoding="utf-8").read()
    keys = {
        word[: i + 1]
        for line in text.splitlines()
        if line.split()
        for word in line.split()[:1]
        for i in range(len(word))
    }
    _LOADED.update(total=tokenizer.total, freq={key: tokenizer.FREQ.get(key) for key in keys})
    jieba.load_userdict(path)


@lru_cache(maxsize=1)
def _converters():
    """Simplified → Traditional, then its Taiwan and Hong Kong variants.

    Chaining t2tw/t2hk after s2t gives what s2tw/s2hk give (checked on all 349,046 words of jieba's
    dictionary) and loads the large s2t dictionaries once instead of three times.
    """
    import opencc

    return opencc.OpenCC("s2t"), [opencc.OpenCC(name) for name in ("t2tw", "t2hk")], opencc.OpenCC("s2twp")


def _spellings(text: str) -> list[str]:
    """`text` in every Traditional standard: s2t, s2tw, s2hk, and s2twp (Taiwan phrasing, 短信 → 簡訊),
    the one the Traditional edition is written in."""
    base, variants, phrasing = _converters()
    traditional = base.convert(text)
    return [traditional] + [variant.convert(traditional) for variant in variants] + [phrasing.convert(text)]


TAG = re.compile(r"<[^>]*>")
SEPARATOR = re.compile(r"[\s\u200b\u3000\-、。，．？！；]+")


_FORMS: dict[str, tuple[str, ...]] = {}  # token -> its Traditional spellings, for the whole process
HAN = re.compile(r"[\u3400-\u9fff]")


def convert_all(tokens) -> None:
    """Look up the Traditional spellings of many tokens with one OpenCC call per standard.

    OpenCC converts by longest dictionary match and no dictionary entry contains a line break, so
    converting the tokens joined by newlines gives exactly what converting each one alone gives.
    """
    han = sorted({t for t in tokens if t not in _FORMS and HAN.search(t)})
    single = [t for t in han if "\n" in t]
    joined = [t for t in han if "\n" not in t]
    converted = [forms.split("\n") for forms in _spellings("\n".join(joined))] if joined else []
    if any(len(forms) != len(joined) for forms in converted):  # never expected; stay exact anyway
        single, joined = han, []
    for i, token in enumerate(joined):
        _FORMS[token] = tuple(sorted({forms[i] for forms in converted} - {token}))
    for token in single:
        _FORMS[token] = tuple(sorted(set(_spellings(token)) - {token}))


def traditional(token: str) -> tuple[str, ...]:
    """Traditional spellings of a token that differ from it (several regional standards)."""
    if not HAN.search(token):
        return ()
    if token not in _FORMS:
        convert_all([token])
    return _FORMS[token]


def tokens(text: str) -> list[str]:
    return SEPARATOR.split(TAG.sub(" ", text))


def alternate(text: str) -> str:
    """The Traditional forms of the words of an index field, joined like Material joins segments."""
    seen: dict[str, None] = {}
    for token in tokens(text):
        for form in traditional(token):
            seen.setdefault(form, None)
    return "\u200b".join(seen)


def add_traditional(entries: list[dict], fields: dict) -> None:
    """Give every search entry hidden `title_tw`/`text_tw`/`tags_tw` fields with its Traditional words
    (tags_tw weighs like tags: 醫院 names a 医院 scenario as 医院 does)."""
    fields.setdefault("title_tw", {"boost": 1e3})
    fields.setdefault("text_tw", {"boost": 1.0})
    fields.setdefault("tags_tw", {"boost": fields.get("tags", {}).get("boost", 1.0)})
    convert_all(token for entry in entries for name in ("title", "text") for token in tokens(entry.get(name, "")))
    for entry in entries:
        for name in ("title", "text"):
            alt = alternate(entry.get(name, ""))
            if alt:
                entry[f"{name}_tw"] = alt
            else:
                entry.pop(f"{name}_tw", None)
        tags = alternate("\u200b".join(str(t) for t in entry.get("tags") or ()))
        if tags:
            entry["tags_tw"] = tags
        else:
            entry.pop("tags_tw", None)


AFTER = ("后", "後")


def title_parts(title: str) -> list[str]:
    """Words hidden inside a title's words, and the event a title says the call comes after.

    jieba's own dictionary keeps some compounds whole (维修保养, 维修站), so a query for 保养 never
    reached the title 维修保养后回访 (the browser matches a query word against the start of an index
    word). jieba's search mode lists the words inside a compound; those go into a hidden field that
    weighs like the title. A title word followed by 后 (维修保养 后 回访, 理赔结束 后) is also indexed
    with it (保养后, 维修保养后; 理赔结束后 also as 理赔后), the words a trainee types for "after": 保养完 and 保养之后 are searched
    as 保养后 (worker.py), which tells 维修保养后回访 from 预约保养提醒."""
    jieba = segmenter.jieba()

    words = [w for w in title.split("\u200b") if w.strip()]
    found: dict[str, None] = {}
    for i, word in enumerate(words):
        if not HAN_ONLY.match(word):
            continue
        inner = [p for p in jieba.cut_for_search(word, HMM=False) if len(p) >= 2 and p != word]
        found.update(dict.fromkeys(inner))
        if i + 1 < len(words) and words[i + 1] in AFTER:
            before = [words[i - 1]] if i and HAN_ONLY.match(words[i - 1]) and len(words[i - 1]) >= 2 else []
            for base in dict.fromkeys([word, *inner[-1:], *before]):
                found[base + "后"] = None  # 理赔 结束 后: 结束后 and 理赔后
    return list(found)


def add_title_parts(entries: list[dict], fields: dict) -> None:
    """Give every search entry whose title hides words (title_parts above) a hidden `title_parts` field
    with those words and their Traditional forms, weighing like the title."""
    fields.setdefault("title_parts", {"boost": fields.get("title", {}).get("boost", 1.0)})
    for entry in entries:
        parts = title_parts(entry.get("title", ""))
        forms = dict.fromkeys(form for part in parts for form in (part, *traditional(part)))
        if forms:
            entry["title_parts"] = "\u200b".join(forms)
        else:
            entry.pop("title_parts", None)
