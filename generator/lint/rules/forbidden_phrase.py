"""忌语：坐席说了电话忌语。

坐席的话里出现忌语清单（content/forbidden/）中的短语或其变体，即报告。无论繁体还是简体、
全角还是半角、短语中间插了空格或标点、短语藏在长句子里，都能找到；短语的“例外”上下文
（如「不可能再发生」）不报告。短语前面同一分句里有禁止或否定（绝不、不会、不得、禁止、请勿……），
或是转述对方的话（对方会问……），或是后面紧跟着对这句话的规定或评论（“我不知道”是服务忌语、
像“没办法”这样的话不能说），说明这是在提到它而不是在说它，不报告。客户说的话不检查：
那不是坐席的过错。没有说话人标签、用引号记下对话的报道或故事里，只检查叙述交代是工作人员说的引语，
叙述本身、没交代是谁说的引语、市民或客户说的引语都不检查；客户那一行紧接着的无标签行是客户接着说的，
也不检查。说“不知道”“不清楚”后紧接着主动提出去问、去查（「这个问题我不太清楚，我帮您问问」）是公开的
文明用语给出的正确说法，不报告。消息给出原因和应该怎么说。

PASS:
    客服：很抱歉给您带来不便，您能描述一下当时的具体情况吗？

    客服：请放心，我们绝不会说“你自己想办法吧”这样的话。

    不可以说：“喂，不可能的吧。”或“你自己想办法吧！”

    客户：不可能！你们从没这种事？

    “我不知道”是服务忌语，不能对客户说。

    门开了，一位老人看着门外的人。“你找谁啊？”

    客服：请您放心，这样的问题不可能再发生。

FAIL:
    客服：不可能！我们从没这种事！

    坐席：這種情況不可能，我們從沒這種事。

    客服：这种事我们从来没有过。

    A：你 自 己 想 办 法 吧。

    客服：您不要着急，你自己想办法吧。
"""

from __future__ import annotations

from huifang.lint import story
from huifang.lint.fix import replacement_for
from huifang.lint.freeform import shape_of
from huifang.lint.linemarks import REORDERED
from huifang.lint.mention import (
    ANSWERS,
    LIST_NUMBER,
    NAMING,
    OPENERS,
    TABOO_HEADING,
    answer_option,
    arrowed,
    mentioned,
    named_as_saying,
    restarted_lines,
    taboo_heading,
    taboo_lines,
)
from huifang.lint.normalize import fold
from huifang.lint.offered import offered
from huifang.lint.story import said_by_agent
from huifang.lint.textmemo import Remembered
from huifang.lint.whose import customers, lead

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from huifang.lint.engine import Context
    from huifang.lint.matcher import Hit
    from huifang.lint.utterance import Utterance
    from huifang.problems import Problem

ID = "forbidden-phrase"
TYPE = "line"
SEVERITY = "error"
PER_LINE = 200  # findings listed per utterance: a line of repeats must not cost a finding (and a fix) each


def wanted(text: str, ctx) -> bool:
    return not ctx.view.no_phrases or _reordered_maybe(ctx)


def _word_order(ctx):
    found = getattr(ctx, "_word_order", None)
    if found is None:
        from huifang.lint.wordorder import WordOrder

        found = ctx._word_order = WordOrder(ctx.project.forbidden + ctx.config.pack_phrases())
    return found


def check(u: Utterance, ctx: Context) -> Iterable[Problem]:
    """The findings of one turn. Most turns of a file with a phrase somewhere have nothing to look at: those
    are answered without making a generator."""
    if not u.agent:
        return ()
    view = ctx.view
    assert view is not None, "line rules run while a call is checked"
    lines = view.phrase_lines
    if lines is not None and u.line not in lines:  # free-form: the whole-file pre-screen found nothing on this line
        reordered = view.__dict__.get("_reordered_maybe")  # what _reordered_maybe answered for the file
        if not (_reordered_maybe(ctx) if reordered is None else reordered):
            return ()
    return _check(u, ctx)


def _check(u: Utterance, ctx: Context) -> Iterable[Problem]:
    if _reordered_maybe(ctx):
        yield from _in_any_order(u, ctx)
    view = ctx.view
    assert view is not None, "line rules run while a call is checked"
    lines = view.phrase_lines
    if lines is not None and u.line not in lines:
        return  # free-form: the whole-file pre-screen found nothing on this line
    listed, more = _listed(u, ctx)
    hits: Sequence[Hit] = listed
    if more:
        first, hits = listed[-1], listed[:-1]  # the last placed is the first left out
        yield ctx.problem(
            ID,
            u,
            first.start,
            first.start,
            f"这一处起还有 {more} 处忌语未逐一列出（每段话最多列出 {PER_LINE} 处）",
            "info",
            "先改正上面列出的忌语，再检查一次",
        )
    if len(hits) > 1:
        hits = _one_per_place(hits, ctx)
    for hit in hits:
        if _named(u, ctx, hit.start):
            continue  # prohibited or reported, not said: 「绝不会泄露」「不能说我不知道」, a list of 服务忌语
        phrase = hit.phrase
        shown = u.text[hit.start : hit.end]
        if _answered(u, hit.start, hit.end) or _option(u, ctx, hit.start, hit.end):
            continue
        message = f"忌语「{shown}」"
        if phrase.phrase.value not in (shown, hit.written):
            message += f"（即「{phrase.phrase.value}」）"
        message += f"：{phrase.reason}"
        fix = replacement_for(u, hit, ctx)
        yield ctx.problem(ID, u, hit.start, hit.end, message, ctx.severity(ID, phrase.severity), phrase.instead, fix)


def _listed(u, ctx) -> tuple[tuple[Hit, ...], int]:
    """The phrase list's hits on the utterance (at most `PER_LINE` placed) and how many more, remembered per text for
    the context: a pure function of the text and its normalised form (the matcher is the context's), and a line
    with a phrase recurs (a call's planted line from call to call, a team's line from file to file)."""
    seen = ctx.__dict__.get("_listed")
    if seen is None:
        seen = ctx.__dict__["_listed"] = {}
    key = (u.text, u.normalized)
    found = seen.get(key)
    if found is None:
        hits, more = ctx.matcher.find_some(u.text, u.normalized, PER_LINE)
        if len(seen) > UNLISTED_LIMIT:
            seen.clear()
        found = seen[key] = (tuple(hits), more)
    return found


def _one_per_place(hits: Sequence[Hit], ctx) -> Sequence[Hit]:
    """One hit for the same words at the same place: the team's own rule book and an enabled pack (or two
    entries of one list) may hold the same phrase, and one thing said is one finding, with the team's
    own reason and wording (the first of the rule book's entries; a pack's only when no entry of the team's has it)."""
    spans = [(h.start, h.end) for h in hits]
    if len(set(spans)) == len(spans):
        return hits
    packed = {id(p) for p in ctx.config.pack_phrases()}
    best: dict[tuple[int, int], Hit] = {}
    for hit in hits:
        span = (hit.start, hit.end)
        held = best.get(span)
        if held is None or (id(held.phrase) in packed and id(hit.phrase) not in packed):
            best[span] = hit
    return [h for h in hits if best[(h.start, h.end)] is h]


def _reordered_maybe(ctx) -> bool:
    """Whether some agent turn of the call passes the word-order pre-screen (asked once per call: a turn
    that does not pass it has no reordered statement)."""
    view = ctx.view
    found = view.__dict__.get("_reordered_maybe")
    if found is None:
        order = _word_order(ctx)
        if not order:
            found = False
        elif view.marks is not None:  # free-form: the reader asked order.maybe of each line's words
            found = bool(view.marks & REORDERED)
        else:
            found = order.maybe_any([u.folded for u in view.utterances() if u.agent])
        view.__dict__["_reordered_maybe"] = found
    return found


def _in_any_order(u, ctx):
    """A forbidden statement said in another order or with words inserted, when the phrase list
    itself does not find it in this clause."""
    order = _word_order(ctx)
    if not order or not order.maybe(u.folded):
        return
    for hit in _unlisted(u, order, ctx):
        if _named(u, ctx, hit.start):
            continue
        phrase = hit.phrase
        shown = u.text[hit.start : hit.end]
        yield ctx.problem(
            ID,
            u,
            hit.start,
            hit.end,
            f"忌语「{shown}」（即「{phrase.phrase.value}」）：{phrase.reason}",
            ctx.severity(ID, phrase.severity),
            phrase.instead,
        )


def _unlisted(u, order, ctx) -> tuple:
    """The word-order hits of the utterance that its own words do not answer and the phrase list does not find
    (the same phrase overlapping): what depends on the utterance's text alone, remembered per text for the
    context's word order (a call's planted line recurs from call to call; `_named` reads the file and is asked
    after, of these only)."""
    key = (u.text, u.folded, u.normalized)
    seen = order.unlisted
    found = seen.get(key)
    if found is None:
        kept = []
        listed = None
        for hit in order.find(u.folded):
            if _answered(u, hit.start, hit.end):
                continue
            if listed is None:
                listed = [(h.phrase, h.start, h.end) for h in ctx.matcher.find(u.text, u.normalized)]
            if any(p is hit.phrase and s < hit.end and hit.start < e for p, s, e in listed):
                continue
            kept.append(hit)
        if len(seen) > UNLISTED_LIMIT:
            seen.clear()
        found = seen[key] = tuple(kept)
    return found


UNLISTED_LIMIT = 5_000  # distinct texts remembered per context, then forgotten all at once


def _named(u, ctx, start: int) -> bool:
    """The phrase at `start` of the utterance is named, not said: by its own words, by what precedes
    them on a free-form line (「不可以说：“…”」 read as a label and its words), or by a taboo list; or it is
    a story's narration or a quote the story does not give to the agent."""
    if (
        _mentioned(u, ctx, start)
        or _in_taboo_list(u, ctx)
        or _in_restarted_list(u, ctx)
        or _not_agents_in_story(u, ctx, start)
        or _customers_line(u, ctx)
    ):
        return True
    view = ctx.view
    if not view.freeform or not view.text or u.col <= 1 or u.base > len(view.text):
        return False
    label = fold(lead(view.text, u))
    if TABOO_HEADING.search(label) is not None:
        return True  # a label that names words not to say: 「【禁语】没办法、不知道」, 「错误示范：…」
    if u.folded[:1] not in OPENERS and NAMING.search(label) is None:
        return False  # what the label could introduce: a quote that opens the words, or a list
    return mentioned(label + u.folded, len(label) + start)


def _mentioned(u, ctx, start: int) -> bool:
    """`mention.mentioned` on the utterance, read with what the reader took for a label when that is a story's
    narration before a quote (「接线员说：“我不知道。”这样的回答…」: the quote is given as said)."""
    view = ctx.view
    if view.freeform and view.text and u.col > 1 and u.base <= len(view.text):
        taken = lead(view.text, u)
        if story.narrated_label(taken, u.text):
            taken = fold(taken)
            return mentioned(taken + u.folded, len(taken) + start)
    return mentioned(u.folded, start)


def _option(u, ctx, start: int, end: int) -> bool:
    """An answer option of a list (「D.不知道」, 「（了解/不了解/不清楚）」), read with the list number the reader took."""
    if not any(word in u.folded[start:end] for word in ANSWERS):
        return False  # only not knowing is an answer (screened here: reading the list number costs a fold)
    view = ctx.view
    if view.freeform and view.text and u.col > 1 and u.base <= len(view.text):
        taken = fold(lead(view.text, u))
        return answer_option(taken + u.folded, len(taken) + start, len(taken) + end)
    return answer_option(u.folded, start, end)


def _answered(u, start: int, end: int) -> bool:
    """The words followed by the answer they lack: 「这个问题我不太清楚，我帮您问问」 (the published right
    answer), 「没办法 → 我来想办法」 (advice); or by what names them as a saying (「“不归我管”的说法」)."""
    return offered(u.folded, u.text[start:end], end) or arrowed(u.folded, end) or named_as_saying(u.folded, end)


def _not_agents_in_story(u, ctx, start: int) -> bool:
    """In a free-form file without speaker labels that gives speech in quotes: outside the agent's quotes."""
    view = ctx.view
    if not view.freeform or not view.text:
        return False
    spans = story.of_view(view)
    return spans is not None and not said_by_agent(spans, u.base + start)


def _customers_line(u, ctx) -> bool:
    """A free-form line the reader gave the agent that goes on with the customer's turn, or a customer's
    question heading a reply library's answer."""
    view = ctx.view
    return view.freeform and bool(view.text) and customers(view, u)


def _in_taboo_list(u, ctx) -> bool:
    """A free-form line inside a section headed as words not to say (「服务忌语」 on a line of its own)."""
    view = ctx.view
    if not view.freeform or not view.text:
        return False
    lines = view.__dict__.get(_TABOO_LINES)
    if lines is None:
        text = view.text
        # a section of words not to say starts only at a line that heads one (asked per distinct line: lines recur)
        lines = taboo_lines(text) if any(map(HEADS.__getitem__, text.split("\n"))) else frozenset()
        view.__dict__[_TABOO_LINES] = lines
    return u.line in lines


def _heads_by_shape(line: str) -> bool:
    """Whether a line heads a section of words not to say, answered by its digit shape (`freeform.shape_of`): nothing
    `taboo_heading` asks tells one ASCII digit from another (tests/lint/test_lintspeed25.py walks its regexes), so a
    line that differs from one asked before only in its digits (a renumbered 「…工号9580。」) has that one's answer."""
    shape = shape_of(line)
    return taboo_heading(line) if shape == line else SHAPED_HEADS[shape]


# line → whether it heads a section of words not to say (`taboo_lines` reads after it); digit shape → the same
HEADS = Remembered(_heads_by_shape)
SHAPED_HEADS = Remembered(taboo_heading)


_TABOO_LINES = "_taboo_lines"  # a view's `taboo_lines`, worked out at its first phrase found


def _in_restarted_list(u, ctx) -> bool:
    """A free-form line of a numbered list that starts again, without a polite word, right after a list of polite
    phrases (`mention.restarted_lines`): a list of words not to say whose heading was lost."""
    view = ctx.view
    if not view.freeform or not view.text or u.base > len(view.text):
        return False
    if LIST_NUMBER.match(view.text, u.base - u.col + 1) is None:
        return False  # the screen first: the line starts with a list number
    lines = view.__dict__.get(_RESTARTED_LINES)
    if lines is None:
        lines = view.__dict__[_RESTARTED_LINES] = restarted_lines(view.text)
    return u.line in lines


_RESTARTED_LINES = "_restarted_lines"  # a view's `restarted_lines`, worked out at its first phrase on a numbered line


def no_taboo_lines(view) -> None:
    """Tell the rule that `taboo_lines(view.text)` is empty, for a caller that knows it from the lines one by one
    (QA's bridge: a text's lines are its turns, and with no line a taboo heading, `mention.taboo_heading`,
    no line is inside a taboo section), so its whole-text searches are not made again."""
    view.__dict__[_TABOO_LINES] = frozenset()
