"""Runs every enabled rule over calls, and decides what is reported."""

from __future__ import annotations

from itertools import islice
from operator import attrgetter
from operator import lt as _before

from huifang import model as m
from huifang.lint.alphabet import Alphabet
from huifang.lint.config import LintConfig
from huifang.lint.suppress import Switches
from huifang.lint.utterance import SOFT_BREAK, CallView, Utterance
from huifang.problems import Problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from huifang.lint.freeform import Reader
    from huifang.lint.matcher import PhraseMatcher


class Context:
    """What a rule may ask about: the project, the configuration, the call being checked."""

    # Whether the opening's search screens a new turn with one regex of every element pattern before asking
    # which elements it has (`standards._search`). QA turns it off: there a new turn's elements are mostly
    # answered by the canonical alphabet's memo, and the screen (a 16k-character alternation) cost more
    # than it spared (bench/README, qa round 13).
    screen_openings = True
    # Whether texts that differ only in what no element pattern tells apart share their answers (`alphabet`). QA
    # turns it off: a call's new turns are few, each is asked for only the elements an answer still needs, and
    # working out a turn's canonical form (20–40k instructions a turn) cost more than the answers it shared saved
    # (bench/README, qa round 22).
    share_canonical = True
    # Whether personal-data also reads numbers said in words (「幺三八一二三四…」, `personal_data.spoken_numbers`) in
    # the agent's words. QA turns it on: ASR without inverse text normalisation writes them so, a script does not.
    spoken_numerals = False

    def __init__(self, project: m.Project, config: LintConfig):
        self.project = project
        self.config = config
        self.view: CallView | None = None
        self.sources: dict[str, str] = {}  # file → its text, for fixes
        self._matcher: PhraseMatcher | None = None
        self._reader: Reader | None = None
        self._elements: dict[tuple, object] = {}
        self._present: dict[tuple, bool] = {}  # (element, org, text) → found: standard lines recur
        self._kits: dict[tuple, _Kit] = {}  # (standard, org) → its elements as they are looked for
        # (standard, org) → {text: [elements looked for, elements found, its canonical text's entry or None]}
        self._said: dict[tuple, dict] = {}
        # (standard, org) → {canonical text: [elements looked for, elements its patterns find, the text]}
        self._canon: dict[tuple, dict] = {}
        # (standard, org) → texts asked, then [its patterns' alphabet or None once dropped, texts asked, answers shared]
        self._alphabets: dict[tuple, int | list] = {}
        self._one_line: dict[tuple, bool] = {}
        self.joined: tuple = ((), "")  # (turns, their folded texts joined): see standards.missing

    @property
    def org(self) -> m.Org | None:
        return self.view.org if self.view else None

    @property
    def matcher(self) -> PhraseMatcher:
        if self._matcher is None:
            from huifang.lint.matcher import PhraseMatcher

            self._matcher = PhraseMatcher(self.project.forbidden + self.config.pack_phrases())
        return self._matcher

    @property
    def reader(self) -> Reader:
        """Reads free-form files (and remembers their lines) with this project's phrase list."""
        if self._reader is None:
            from huifang.lint import linemarks
            from huifang.lint.branches import may_mark, says_alternatives
            from huifang.lint.freeform import Reader, hinted
            from huifang.lint.rules import forbidden_phrase, personal_data
            from huifang.lint.standards import labelled_words, names_closing, numbered_start

            order = forbidden_phrase._word_order(self)
            tests = linemarks.LineTests(
                raw=(
                    (linemarks.KIND, hinted),
                    (linemarks.PERSONAL, personal_data.may_hold),
                    (linemarks.OPENINGS, numbered_start),
                ),
                words=((linemarks.REORDERED, order.maybe), (linemarks.CLOSING, names_closing)),
                said=(
                    (linemarks.ALTERNATIVES, says_alternatives),
                    (linemarks.BRANCHES, may_mark),
                    (linemarks.OPENINGS, labelled_words),
                ),
            )
            # a word-order phrase word with a digit would tell lines apart by it (`Reader.shapes`)
            alike = not any(char.isdigit() for word in order.first for char in word)
            self._reader = Reader(self.matcher, self.config.speakers, tests, numbers_alike=alike)
        return self._reader

    def element(self, element, org):
        """A compiled greeting/closing element matcher, built once per element and org."""
        key = (id(element), org.id if org else "")
        found = self._elements.get(key)
        if found is None:
            from huifang.lint.standards import element_regex

            found = self._elements[key] = element_regex(element, org)
        return found

    def element_in(self, element, org, text: str, standard=None) -> bool:
        """Whether a greeting/closing element occurs in a folded text (remembered per distinct text). With the
        `standard` the element belongs to, what was already looked for in the text answers it."""
        org_id = org.id if org else ""
        if standard is not None:
            entry = self._said.get((id(standard), org_id), _NONE).get(text)
            if entry is not None:  # an entry is made only through its standard's kit
                bit = self._kits[(id(standard), org_id)].bit.get(id(element), 0)
                if entry[0] & bit:
                    return bool(entry[1] & bit)
        key = (id(element), org_id, text)
        found = self._present.get(key)
        if found is None:
            if len(self._present) > 100_000:
                self._present.clear()
            found = self._present[key] = self.element(element, org).search(text) is not None
        return found

    def missing(self, standard, org, text: str) -> tuple:
        """A standard's elements that do not occur in a folded text (remembered per distinct text)."""
        kit = self._kit(standard, org)
        entry = self._entries(kit).get(text)
        if entry is None or entry[0] != kit.every:
            entry = self._look(kit, text, kit.every, False)
        return kit.absent(kit.every & ~entry[1])

    def says_any(self, standard, org, text: str) -> bool:
        """Whether a folded text has any of a standard's elements (the opening's search asks only this of a turn):
        its elements are looked for one at a time, the cheapest first, up to the first found."""
        kit = self._kit(standard, org)
        entry = self._entries(kit).get(text)
        if entry is None or not (entry[1] or entry[0] == kit.every):
            entry = self._look(kit, text, kit.every, True)
        return entry[1] != 0

    def missing_from_all(self, standard, org, texts: Iterable[str]) -> tuple:
        """A standard's elements that none of the folded texts has; in each text only the elements none of the
        texts before it has are looked for, and it stops once every element was found."""
        kit = self._kit(standard, org)
        entries = self._entries(kit)
        texts = list(texts)
        if not texts:
            return ()
        # What is known already answers first (the set found does not depend on where it is looked for first): an
        # element a later turn is known to say is not looked for in the turns before it.
        absent = kit.every
        for text in texts:
            entry = entries.get(text)
            if entry is not None:
                absent &= ~entry[1]
                if entry[2] is not None:
                    absent &= ~entry[2][1]  # found by the patterns in its canonical text
                if not absent:
                    return kit.absent(0)  # the common case where turns recur: every element known said
        # The longest first: the turn that introduces the caller says most of the elements, so the short turns
        # around it (「您好，是韩先生吗？」) are then searched only for what it lacks (any order finds the same).
        for text in sorted(texts, key=len, reverse=True) if len(texts) > 1 else texts:
            entry = entries.get(text)
            if entry is None or absent & ~entry[0]:
                entry = self._look(kit, text, absent, False)
            absent &= ~entry[1]
            if not absent:
                break
        return kit.absent(absent)

    def _kit(self, standard, org) -> _Kit:
        key = (id(standard), org.id if org else "")
        kit = self._kits.get(key)
        if kit is None or kit.standard is not standard:
            kit = self._kits[key] = _Kit(self, standard, org, key)
        return kit

    def _entries(self, kit: _Kit) -> dict:
        entries = self._said.get(kit.key)
        if entries is None or len(entries) > 100_000:
            entries = self._said[kit.key] = {}
        return entries

    def _look(self, kit: _Kit, text: str, wanted: int, first: bool) -> list:
        """A folded text's entry (`_said`) once the wanted elements (a bit mask) not looked for yet in it have been
        (`first`: up to the first found). What a text says is the same whichever elements are asked first, so an
        answer never depends on which rule asked what before it."""
        entries = self._entries(kit)
        entry = entries.get(text)
        if entry is None:
            entry = entries[text] = [0, 0, self._shared(kit, text)]
        looked, found, shared = entry
        if shared is not None and shared[1] & ~looked:  # what the patterns found in its canonical text is found
            found |= shared[1]
            looked |= shared[1]
            if first:
                entry[0] = looked
                entry[1] = found
                return entry
        todo = wanted & ~looked
        for index in kit.order:
            bit = 1 << index
            if not todo & bit:
                continue
            if shared is None:
                hit = kit.search[index](text) is not None
            else:
                # Texts that differ only in what no pattern tells apart (a name, a number) have the same answer from
                # the patterns; what the slot reads (a gazetteer's names) is asked of the text itself, for the
                # elements the patterns did not find.
                if shared[0] & bit:
                    hit = shared[1] & bit != 0
                else:
                    hit = kit.patterns[index](shared[2]) is not None
                    shared[0] |= bit
                    if hit:
                        shared[1] |= bit
                if not hit:
                    in_slot = kit.slot[index]
                    hit = in_slot is not None and in_slot(text) is not None
            looked |= bit
            if hit:
                found |= bit
                if first:
                    break
        entry[0] = looked
        entry[1] = found
        return entry

    def _shared(self, kit: _Kit, text: str) -> list | None:
        """The entry of a new text's canonical form (`alphabet`), or None while (or once) none is worked out."""
        if not self.share_canonical:
            return None
        key = kit.key
        state = self._alphabets.get(key, 0)
        # an int: texts asked so far (the alphabet pays off once many are asked; not in a one-file lint)
        if isinstance(state, int):
            if state < ALPHABET_FROM:
                self._alphabets[key] = state + 1
                return None
            state = self._alphabets[key] = [self._alphabet(kit.standard, kit.org), 0, 0]
        alphabet, asked, shared = state
        if alphabet is None:
            return None
        canon = alphabet.canon(text)
        memo = self._canon.get(key)
        if memo is None or len(memo) > 100_000:
            memo = self._canon[key] = {}
        found = memo.get(canon)
        state[1] = asked + 1
        if found is not None:
            state[2] = shared + 1
        else:
            if asked >= ALPHABET_TRIAL and shared * ALPHABET_SHARED < asked:
                state[0] = None  # these texts seldom share an answer (a call transcript's own wording): not worth it
            found = memo[canon] = [0, 0, canon]
        return found

    def _alphabet(self, standard, org) -> Alphabet:
        patterns = []
        for e in standard.elements:
            detector = self.element(e, org)
            patterns.append(detector.regex.pattern)
            if detector.exclude is not None:
                patterns.append(detector.exclude.pattern)
        return Alphabet(patterns)

    def one_line(self, standard, org) -> bool:
        """Whether no element pattern of a standard can match across a line break."""
        key = (id(standard), org.id if org else "")
        found = self._one_line.get(key)
        if found is None:
            found = self._one_line[key] = not any("\n" in self.element(e, org).pattern for e in standard.elements)
        return found

    def severity(self, rule: str, own: str | None = None) -> str:
        return self.config.severity(rule, own)

    def problem(
        self,
        rule,
        u: Utterance,
        start: int,
        end: int,
        message: str,
        severity: str,
        suggestion: str = "",
        fix: tuple = (),
    ) -> Problem:
        line, col, end_line, end_col = u.span(start, end)
        return Problem(
            u.file, line, col, one_line(message), severity, rule, end_line, end_col, one_line(suggestion), fix
        )

    def at_call(self, rule, message: str, severity: str, suggestion: str = "") -> Problem:
        assert self.view is not None, "at_call is only called while a call is checked"
        line, col = self.view.anchor
        return Problem(self.view.file, line, col, one_line(message), severity, rule, line, col, one_line(suggestion))


_NONE: dict = {}
ALPHABET_FROM = 50  # texts a standard's elements are looked for in before its alphabet is worked out
# Then, past ALPHABET_TRIAL texts, the alphabet is kept only while one in ALPHABET_SHARED of them found its
# answer under another text's canonical form (translating costs more than it saves where texts seldom share one).
ALPHABET_TRIAL = 500
ALPHABET_SHARED = 4


def _searcher(detector):
    """What finds a detector's element in a text (None when absent): its regex's own search when it has no
    exclusions and no slot (one C call), else the detector's search."""
    return detector.regex.search if detector.exclude is None and detector.slot is None else detector.search


class _Kit:
    """A standard's elements for one organisation as `Context` looks for them one at a time: element i is bit i of
    an entry's masks, and they are tried cheapest first (shortest patterns, a slot's last; any order gives the same
    answers)."""

    __slots__ = ("standard", "org", "key", "every", "bit", "order", "search", "patterns", "slot", "_absent")

    def __init__(self, ctx: Context, standard, org, key: tuple):
        self.standard = standard
        self.org = org
        self.key = key
        elements = list(standard.elements)
        detectors = [ctx.element(e, org) for e in elements]
        self.every = (1 << len(elements)) - 1
        self.bit = {id(e): 1 << i for i, e in enumerate(elements)}
        self.order = tuple(
            sorted(range(len(elements)), key=lambda i: (detectors[i].slot is not None, len(detectors[i].pattern), i))
        )
        self.search = [_searcher(d) for d in detectors]  # the whole answer, asked of the text
        self.patterns = [d.patterns if d.slot else _searcher(d) for d in detectors]  # a canonical text has no slot
        self.slot: list = [d.in_slot if d.slot else None for d in detectors]
        self._absent: dict[int, tuple] = {}

    def absent(self, mask: int) -> tuple:
        """The elements of a mask, in the standard's order (one tuple per mask: texts that lack the same
        elements share it)."""
        found = self._absent.get(mask)
        if found is None:
            elements = self.standard.elements
            found = self._absent[mask] = tuple(e for i, e in enumerate(elements) if mask >> i & 1)
        return found


def one_line(text: str) -> str:
    """The text on one line, runs of white space as one space (remembered: a rule's message recurs file after file)."""
    if not text:
        return ""
    found = _ONE_LINE.get(text)
    if found is None:
        if len(_ONE_LINE) > 10_000:
            _ONE_LINE.clear()
        found = _ONE_LINE[text] = " ".join(str(text).split())
    return found


_ONE_LINE: dict[str, str] = {}


class Engine:
    def __init__(self, project: m.Project, config: LintConfig, rules=None):
        from huifang.lint.rules import RULES

        self.ctx = Context(project, config)
        chosen = [r for r in (rules or RULES) if config.enabled(r.ID)]
        self.line_rules = [r for r in chosen if r.TYPE == "line"]
        self.call_rules = [r for r in chosen if r.TYPE == "call"]
        self._line_cache: dict[tuple, list[Problem]] = {}
        # each line rule with its pre-screen (or None): asked of every free-form file and every YAML or call turn,
        # where hasattr on a rule's module without one raised and formatted an AttributeError each time
        self._screens = [(r, getattr(r, "wanted", None)) for r in self.line_rules]

    def lint_view(self, view: CallView) -> list[Problem]:
        ctx = self.ctx
        ctx.view = view
        found: list[Problem] = []
        org_id = view.org.id if view.org else ""
        if view.freeform:  # whole-file pre-screens: most rules have nothing to look at in most files
            rules = [r for r, wanted in self._screens if wanted is None or wanted(view.text, ctx)]
            if rules:
                for u in view.utterances():
                    if u.kind == SOFT_BREAK:  # two lines of a paragraph: only what runs over the break is new
                        for rule in rules:
                            found.extend(p for p in rule.check(u, ctx) if p.end_line != p.line)
                        continue
                    for rule in rules:
                        found.extend(rule.check(u, ctx))
        else:
            for u in view.utterances():
                if u.file == view.file:  # the script's own words: checked once
                    for rule, wanted in self._screens:
                        if wanted is None or wanted(u.text, ctx):
                            found.extend(rule.check(u, ctx))
                    continue
                # Words shared with other scripts (org profile, question bank): checked once per org.
                # The project keeps these texts alive, so their id() stays theirs.
                key = (id(u.origin), org_id)
                cached = self._line_cache.get(key)
                if cached is None:
                    cached = []
                    for rule, wanted in self._screens:
                        if wanted is None or wanted(u.text, ctx):
                            cached.extend(rule.check(u, ctx))
                    self._line_cache[key] = cached
                found.extend(cached)
        for rule in self.call_rules:
            found.extend(rule.check(view, ctx))
        if view.paths_total and self.call_rules:
            found.append(capped(view, ctx))
        if view.readings is not None:  # read without its pinyin readings: placed where the file has them
            return view.readings.placed(found)
        return found


PATHS_CAPPED = "paths-capped"


def capped(view: CallView, ctx: Context) -> Problem:
    """Rules that follow each path saw only the first MAX_PATHS: say so (line-by-line rules saw every line)."""
    from huifang.compose import MAX_PATHS

    return ctx.at_call(
        PATHS_CAPPED,
        f"这通话术的分支组合出 {view.paths_total} 条通话路径，超过 {MAX_PATHS} 条："
        f"开场白、结束语、重复提问和通话时长只检查了前 {MAX_PATHS} 条路径（忌语等逐句检查覆盖了每一句）",
        "info",
        "把很少走到的分支拆成单独的话术，或减少嵌套的分支",
    )


def finish(problems: list[Problem], sources: dict[str, str], config: LintConfig) -> list[Problem]:
    """Drop duplicates, switched-off and ignored findings; sort by place.

    Findings already in strictly increasing order of place, none in an ignored file or a file with a switch
    (the parent of a lint's worker processes gets every file's findings finished there, in file order), are
    the answer as they are: their places are read in C (`attrgetter`) and compared pairwise, with no dict
    of them built, no sort and no loop in Python (10,000 files' 9,486 findings: ≈ 53 → ≈ 8 M instructions)."""
    problems = problems if isinstance(problems, list) else list(problems)
    keys = list(map(PLACE, problems))
    ignored = config.ignored if config.ignore else None
    if ignored is None and all(map(_before, keys, islice(keys, 1, None))):
        named = sources.keys() & set(map(_PATH, problems))
        if not any("huifang:" in sources[path] for path in named):
            return problems[:]  # sorted, no two at one place, nothing switched off
    switches: dict[str, Switches | None] = {}  # None: the file has no switch (most have none)
    out = {}
    for p, key in zip(problems, keys):
        path = key[0]
        if ignored is not None and ignored(path):
            continue
        here = switches.get(path, _UNREAD)
        if here is _UNREAD:
            text = sources.get(path, "")
            here = switches[path] = Switches(text) if "huifang:" in text else None
        if here is not None and here.off(p.rule, p.line):
            continue
        if key not in out:
            out[key] = p
    return [out[key] for key in sorted(out)]  # the keys are the places: sorting them sorts the findings


PLACE = attrgetter("path", "line", "column", "rule", "message")  # a finding's place: what orders and dedupes
_PATH = attrgetter("path")


_UNREAD = Switches("")


def combine(problems: list[Problem]) -> list[Problem]:
    """Let rules merge findings that differ only in whom they concern (one org text used by many orgs)."""
    from huifang.lint.rules import RULES

    for rule in RULES:
        if hasattr(rule, "combine") and any(p.rule == rule.ID for p in problems):
            problems = rule.combine(problems)
    return problems
