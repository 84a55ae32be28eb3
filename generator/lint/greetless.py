"""An opening that does not greet, beside openings that do, is no opening of its own: a step or a redirect.

A free-form file's openings are read path by path where it writes them apart — marked sections (「A. 歡迎顧客」,
「B. 查衣」), wordings joined by 或 (「“您好,您要辦理什么業務?”或者“請您到XX窗口辦理”」) — and an element counts as said
only when every one of them says it. Where some of those openings greet and one does not, the one that does not is
not a call opening another way: a procedure's next step, read as a branch because it is marked like one (B. 查衣, the
garments checked after the welcome), or the words for a moment later in the call (請您到XX窗口辦理, once the business
is known). Reading it as an opening took the greeting, and every element the others share, from the whole file.
So when at least one of those openings greets (the standard's greeting element, `wenhou`) and at least one does not,
only the openings that greet are read (`greeting_paths`). A file whose openings all greet, or none do, is read as
before: a missing greeting in every path is still a finding. Quotes merely side by side (「一个简单的问候如“您好,今天
过得怎么样”“天气变凉了,注意添衣”」) are not asked: the reader takes them for different calls written next to each
other (`standards._side_by_side`), and each call is to greet.

Structural, not a wording: what is read is which of the paths the reader made opens a call at all, by the team's
own greeting element. Kept free of the rest of the linter (`greeting_paths` gets the openings and a test), so
bench/realworld/transfer/greetless.py can apply the same code to older versions.

PASS (the step after the welcome is no opening of its own: greeting and shop found)::

    A. 歡迎顧客
    當顧客進門時,立即招呼:“您好!歡迎光臨XXX洗衣店!”
    B. 查衣
    與顧客一起檢查衣物的口袋。

FAIL (left as before: no opening greets, so the greeting is missing)::

    A. 报修
    请问您家里哪里坏了?
    B. 投诉
    请问您要投诉什么?
"""

from __future__ import annotations

GREETING = "wenhou"  # the opening element that greets (content/standards.yaml)


def greeting_paths(found: list, greets) -> list:
    """The openings (label, turns) that greet (`greets(turns)`) when some do and some do not; else `found` as it is."""
    if len(found) < 2:
        return found
    kept = [way for way in found if greets(way[1])]
    return kept if 0 < len(kept) < len(found) else found
