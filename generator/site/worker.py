"""Material's search worker, with its Chinese query segmentation fixed for the last word.

The worker cuts a Han query into words that exist in the index (function `fe` in the minified
worker), but its loops stop one character short of the end, so the last word of a query is never
looked up whole: `交底回访` is searched as `交底 回*`, and `回*` matches every 回… word (回答, 回复,
回执…). Allowing the loops to reach the end searches `交底 回访*`. Latin letters right before Han
text (`VIP客户`) are also kept apart from it. The patch is applied only when the
exact code is found (Material 9.8); otherwise the stock worker is used and a warning says so.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.huifang")

PATCHES = (
    ("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);",
     "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);"),
    ("n[a]&&a<t.length-1&&(i[s++]=a)", "n[a]&&a<t.length&&(i[s++]=a)"),
    # a space before the segmented words, so `VIP客户` is searched as `VIP 客户`, not as one word
    ('s=>[...fe(s,this.index.invertedIndex)].join("* ")', 's=>" "+[...fe(s,this.index.invertedIndex)].join("* ")'),
)


def stock_worker() -> tuple[str, Path] | None:
    import material
    folder = Path(material.__file__).resolve().parent / "templates" / "assets" / "javascripts" / "workers"
    found = sorted(folder.glob("search.*.min.js"))
    if len(found) != 1:
        return None
    return f"assets/javascripts/workers/{found[0].name}", found[0]


def patched_worker() -> tuple[str, str] | None:
    """(site path, patched source), or None when this Material's worker is not the one we know."""
    stock = stock_worker()
    if stock is None:
        log.warning("找不到 Material 的搜索 worker：中文搜索使用原样的分词")
        return None
    uri, path = stock
    source = path.read_text(encoding="utf-8")
    for old, new in PATCHES:
        if source.count(old) != 1:
            log.warning("Material 的搜索 worker 与预期不同：中文查询的最后一个词按原样处理")
            return None
        source = source.replace(old, new)
    return uri, source
