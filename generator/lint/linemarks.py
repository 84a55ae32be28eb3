"""What the whole-file pre-screens look for, marked on each distinct line when the reader first reads it.

Four pre-screens ask of every line (or every agent turn) of a free-form file whether it may hold what a rule
looks for; a team's lines recur, so each asked a remembered answer per line, four passes per file. The reader
(`freeform.Reader`) now asks each test once per distinct line, as it reads it, and keeps the answers as bits;
a file's marks are its lines' bits joined in one pass, and each pre-screen is a bit test (`CallView.marks`).

A bit is a superset of what its pre-screen asked: the raw tests are asked of the line as written, the word
tests of the line's words (folded, or as written) in every reading the reader may give them (with and
without a label it cannot tell is one) — a turn is those words or a part of them, and each word test holds
for a text when it holds for a part of it. Where a turn is made of more than one line (two lines of a Markdown paragraph) its bit
is set for the file, and a file read whole (block structure) or with lone CR line ends has no marks:
its pre-screens ask as before.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    Tests = tuple[tuple[int, Callable[[str], bool]], ...]

KIND = 1  # the line may declare the file's kind of contact (freeform.declared_kind)
PERSONAL = 2  # a number or an ID word (personal-data)
REORDERED = 4  # its words may hold a forbidden statement in another order (forbidden-phrase)
CLOSING = 8  # its words name where the closing goes (standards.closing)
ALTERNATIVES = 16  # its words may write alternative wordings side by side (branches.alternatives)
BRANCHES = 32  # its words may start with a branch marker or say 不方便 (freeform.branch_paths)
OPENINGS = 64  # it may be a numbered or labelled alternative opening (standards._alternatives)


class LineTests:
    """The tests, each with its bit: of the line as written (`raw`), of its folded words (`words`), of its
    words as written (`said`). (A plain class: typing.NamedTuple would import typing on the lint path.)"""

    __slots__ = ("raw", "words", "said")

    def __init__(self, raw: Tests, words: Tests, said: Tests = ()):
        self.raw = raw
        self.words = words
        self.said = said

    def of_line(self, line: str) -> int:
        return _marks(self.raw, line)

    def of_words(self, folded: str, words: str) -> int:
        return _marks(self.words, folded) | _marks(self.said, words)


def _marks(tests: tuple, text: str) -> int:
    marks = 0
    for bit, test in tests:
        if test(text):
            marks |= bit
    return marks
