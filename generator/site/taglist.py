"""标签 on a phone: Material lists every tag with all its pages (16,000 px on a phone); each tag becomes a
collapsed line that opens to its pages, and the tag a page's chip links to (tags.html#tag:…) opens by itself."""

from __future__ import annotations

import re

# what Material's tags plugin writes for one tag: its heading, then the list of its pages
TAG = re.compile(r'<h2 id="(tag:[^"]*)">\s*(<span class="md-tag">[^<]*</span>)\s*</h2>\s*<ul>(.*?)</ul>', re.S)


def collapse(html: str) -> str:
    def one(match: re.Match) -> str:
        ident, chip, items = match.groups()
        count = items.count("<li>")
        return (
            f'<details class="hf-tag" id="{ident}"><summary>{chip} {count} 个页面</summary><ul>{items}</ul></details>'
        )

    return TAG.sub(one, html)
