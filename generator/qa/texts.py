"""What a call's turn texts come to, worked out once per distinct text for the run (an agent reads the same
script lines in call after call, and short answers recur): the linter's folded and normalised forms, set on
every turn (`Turn.folded`, `Turn.norm`), and the roles' points of each (`speakers.points`), summed per speaker.

One walk over the turns gives both: the roles' inference walked them again to look its points up (≈ 1 k
instructions a turn for the walk and the lookup alone). The same pass that drops spaces and punctuation from
a call's new texts also gives their clauses (`clauses`), which the script search reads: it cut each new
agent turn again with the same character class (≈ 30 k instructions a `--vary` call)."""

from __future__ import annotations

from huifang.lint.normalize import _ASTRAL, _DROP_KEEP_LINES, drop_in_lines, fold
from huifang.lint.speakers import points
from huifang.qa.call import Turn
from huifang.qa.rules_bridge import normalize, pieces

SEEN_LIMIT = 5_000  # distinct turn texts remembered per run (≈ 3 MB at most), then forgotten all at once
_SEEN: dict[str, tuple[str, str, int]] = {}  # turn text → (folded, norm, points): a pure function of the text
_CLAUSES: dict[str, list[str]] = {}  # the texts new in the last call prepared → their clauses (`clauses`)


def prepare(turns: list[Turn]) -> dict[str, int]:
    """Set `folded` and `norm` of every turn; the roles' points per speaker, in the order they first speak.
    Texts not seen before are folded and normalised with one pass over them joined (two C calls, not
    2 × turns)."""
    seen = _SEEN
    scores: dict[str, int] = {}
    new = []
    for t in turns:
        known = seen.get(t.text)
        speaker = t.speaker
        if known is None:
            new.append(t)
            scores[speaker] = scores.get(speaker, 0)  # its place in the order; its points come below
        else:
            t.folded, t.norm, said = known
            if said:
                scores[speaker] = scores.get(speaker, 0) + said
            elif speaker not in scores:  # most turns have no points: only the speaker's place in the order
                scores[speaker] = 0
    if not new:
        return scores
    if len(seen) > SEEN_LIMIT:
        seen.clear()
    _CLAUSES.clear()
    whole = fold("\n".join([t.text for t in new]))  # fold keeps every character's place, line breaks too
    folded = whole.split("\n")
    # Each run of characters to drop (but line breaks) made one space, itself a character to drop: a line's
    # words split on spaces are its clauses, and joined they are its normalised form. No character kept is a
    # space to `str.split` (tests/qa/test_texts.py), and one above U+FFFF goes the long way (`drop_in_lines`).
    cut = _DROP_KEEP_LINES.sub(" ", whole)
    lines = cut.split("\n")
    if len(folded) != len(new) or len(lines) != len(new):  # a text with a line break of its own
        folded = [fold(t.text) for t in new]
        dropped = [normalize(t.text) for t in new]  # drops the line break too (a turn without one: the same)
    elif _ASTRAL.search(cut) is not None:
        dropped = drop_in_lines(whole).split("\n")
    else:
        dropped = []
        for t, line in zip(new, lines):
            parts = _CLAUSES[t.text] = line.split()
            dropped.append("".join(parts))
    for t, f, d in zip(new, folded, dropped):
        said = points(t.text)
        t.folded, t.norm, _ = seen[t.text] = (f, d, said)
        scores[t.speaker] += said
    return scores


def clauses(t: Turn) -> list[str]:
    """A prepared turn's clauses: `rules_bridge.pieces` of its folded form, from the pass that normalised it
    when it was new in the last call prepared."""
    found = _CLAUSES.get(t.text)
    return pieces(t.folded) if found is None else found
