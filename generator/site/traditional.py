"""The Traditional Chinese edition: the built site mirrored at site/zh-Hant/ with every page, the
search index and the practice questions converted by OpenCC (s2twp: Taiwan standard with Taiwan
phrasing, 软件 → 軟體). Assets and PDF forms are hard links to the Simplified edition's files."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

EDITION = "zh-Hant"
CONVERTED = {".html", ".json"}
CONVERTED_SCRIPTS = {"assets/huifang/practice.js"}
SEARCH_INDEX = "search/search_index.json"
# hidden search fields that already hold every spelling (search.py, plugin.py): kept as they are
KEPT = ("keywords", "keywords_also", "keywords_each", "title_parts")


def mirror(site: Path) -> int:
    """Write site/zh-Hant/ from site/; returns the number of converted files."""
    import opencc

    convert = opencc.OpenCC("s2twp").convert
    out = site / EDITION
    if out.exists():
        shutil.rmtree(out)
    count = 0
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site)
        if rel.parts[0] == EDITION or rel.name.startswith(".") or not path.is_file():
            continue
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix in CONVERTED or rel.as_posix() in CONVERTED_SCRIPTS:
            text = path.read_text(encoding="utf-8")
            if rel.as_posix() == SEARCH_INDEX:
                text = json.dumps(search_index(json.loads(text), convert), ensure_ascii=False, separators=(",", ":"))
            elif path.suffix == ".json":  # written with \u escapes: convert the decoded strings
                text = json.dumps(strings(json.loads(text), convert), ensure_ascii=False, separators=(",", ":"))
            else:
                text = convert(text)
            if path.suffix == ".html":
                text = text.replace('<html lang="zh"', f'<html lang="{EDITION}"', 1)
            target.write_text(text, encoding="utf-8")
            count += 1
            continue
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)
    return count


def strings(value, convert):
    """`value` with every string in it converted."""
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, list):
        return [strings(v, convert) for v in value]
    if isinstance(value, dict):
        return {k: strings(v, convert) for k, v in value.items()}
    return value


def search_index(data: dict, convert) -> dict:
    """The search index converted, with the Simplified words in the hidden `*_tw` fields instead of the
    Traditional ones (which the converted title, text and tags now hold): a trainee on the Traditional
    edition who types Simplified (我不能说什么) finds what the Simplified edition finds. The index
    words are separated by zero-width spaces, which no OpenCC phrase spans, so the converted words line
    up one to one with the originals."""
    from huifang.site.search import tokens

    out = strings(data, convert)
    for doc, orig in zip(out.get("docs", []), data.get("docs", [])):
        for key in KEPT:
            if key in orig:
                doc[key] = orig[key]
        for name in ("title", "text", "tags"):
            value = orig.get(name)
            if isinstance(value, list):
                words, converted = [str(v) for v in value], [str(v) for v in doc.get(name) or []]
            else:
                words, converted = tokens(str(value or "")), tokens(str(doc.get(name) or ""))
            if len(words) != len(converted):  # never expected; keep the plain conversion
                continue
            differ = dict.fromkeys(w for w, c in zip(words, converted) if w and w != c)
            if differ:
                doc[f"{name}_tw"] = "\u200b".join(differ)
            else:
                doc.pop(f"{name}_tw", None)
    return out
