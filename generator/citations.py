"""Citations of the seed documents inside text a reader sees (a page, a printed card): left out there,
since the `source:` fields keep them for the maintainers."""

from __future__ import annotations

import re

# a clause number: 确定对方是否有合适的通话时间（6.1.2(2)；…）
CLAUSE = re.compile(r"（[^（）]*?\d+(?:\.\d+)+[^（）]*）|\([^()]*?\d+(?:\.\d+)+[^()]*\)")
# a document and its section, after a space: （瑞风特约维修站 接听客户来电 2、3）; guidance in brackets has
# no space: （记下时间）
DOCUMENT = re.compile(r"（[^（）]*\s[^（）]*）")


def without_citations(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, DOCUMENT.sub("", CLAUSE.sub("", text))
    return text.strip()
