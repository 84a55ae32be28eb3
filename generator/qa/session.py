"""One QA run over a loaded project: the linter bridge, the scripts' plans and the form, built once and used
for every call. `Session.judge(path)` reads, assigns roles, picks the script and judges one call."""

from __future__ import annotations

import re
from collections import Counter
from functools import reduce
from itertools import chain
from operator import itemgetter, or_

from huifang import regexcache
from huifang.cliwords import unknown_id
from huifang.lint.speakers import Speakers
from huifang.qa import roles, texts
from huifang.qa.call import TranscriptError
from huifang.qa.form import DEFAULT_FORM, shipped_default
from huifang.qa.judge import Verdict, judge
from huifang.qa.questions import AgentText, Plan, plan_for, script_words
from huifang.qa.rules_bridge import Bridge

SEEN_LIMIT = 5_000  # distinct turns whose script pairs are remembered per run (≈ 3 MB at most), then all forgotten


class UsageError(Exception):
    """Bad usage (unknown script or form): one line, exit 2."""


class Session:
    def __init__(
        self,
        project,
        *,
        script: str | None = None,
        form: str | None = None,
        agent: str | None = None,
        agent_channel: int | None = None,
    ):
        self.project = project
        self.bridge = Bridge(project)
        self.agent, self.agent_channel = agent, agent_channel
        extra = project.config.lint.speakers  # huifang.yaml lint.speakers: the linter's labels are the calls' too
        self.speakers = Speakers(extra.get("agent", ()), extra.get("customer", ())) if any(extra.values()) else None
        self._plans: dict[str, Plan] = {}
        self._by_script: tuple | None = None
        self._pairs: dict[str, int] = {}  # a turn's normalised words → the script pairs in them, as bits
        self._joined: dict[tuple[str, str], int] = {}  # (agent turn before, agent turn) → `_pairs_said`'s bits
        self._piece_pairs: dict[str, int] = {}  # a clause of a turn (`texts.clauses`) → the same
        self._pair_bits: dict[str, int] = {}  # a script pair → its bit (`_script_grams`), for the pairs across cuts
        self._outside: re.Pattern | None = None  # runs of characters no script pair has (`_script_grams`)
        self._notes: dict[tuple, str] = {}  # ((share, script), (share, script)) → `pick_script`'s note
        if script is not None and script not in project.scripts:
            raise UsageError(f"--script {script}：没有这篇话术{unknown_id(script, project.scripts)}")
        self.script = script
        chosen = form or (
            DEFAULT_FORM if DEFAULT_FORM in project.qa_forms else next(iter(sorted(project.qa_forms)), None)
        )
        if form is not None and form not in project.qa_forms:
            raise UsageError(f"--form {form}：没有这张质检评分表{unknown_id(form, project.qa_forms)}")
        self.form = project.qa_forms.get(chosen) if chosen else shipped_default()
        self.form_note = "" if chosen else f"项目里没有质检评分表：按 huifang 自带的「{self.form.title}」评分"

    def plan(self, ident: str) -> Plan:
        found = self._plans.get(ident)
        if found is None:
            found = self._plans[ident] = plan_for(self.project.scripts[ident], self.project)
        return found

    def pick_script(self, call, agent: AgentText | None = None) -> tuple[str | None, str]:
        """(script id, how it was chosen): the given one, the manifest's, or the most similar by wording;
        `agent`: the call's `AgentText`, when the caller has made it."""
        if self.script:
            return self.script, "按 --script 指定"
        wanted = call.meta.get("script")
        if wanted:
            if wanted not in self.project.scripts:
                raise TranscriptError(call.path, f"清单中的话术 {wanted} 不存在{_close(wanted, self.project.scripts)}")
            return wanted, "按清单指定"
        if not self.project.scripts:
            return None, "项目里没有话术：只检查开头语、结束语、忌语和通话指标"
        automaton, scripts, masks = self._script_grams()
        if agent is None:
            agent = AgentText(call.turns)
        said = self._pairs_said(automaton, call.turns, agent) if scripts else 0
        counts = [(said & mask).bit_count() for mask in masks]
        best, second = (0.0, ""), (0.0, "")
        for (ident, size), count in zip(scripts, counts):
            share = count / size
            if share > best[0]:
                best, second = (share, ident), best
            elif share > second[0]:
                second = (share, ident)
        if best[0] < 0.2:
            return None, "没有找到相近的话术（请用 --script 指定）：只检查开头语、结束语、忌语和通话指标"
        # The note is the two scripts' titles and shares alone (the titles are the project's, loaded once): a share is
        # a count of pairs over a script's fixed number, so the same few recur, and formatting two percentages and
        # joining the note cost ≈ 10 k instructions a call.
        key = (best, second)
        notes = self._notes
        note = notes.get(key)
        if note is None:
            title = self.project.scripts[best[1]].title
            note = f"按相似度选定话术「{title}」（{best[0]:.0%} 的话术用词出现在通话中"
            if second[1]:
                note += f"；其次「{self.project.scripts[second[1]].title}」{second[0]:.0%}"
            if len(notes) > SEEN_LIMIT:
                notes.clear()
            note = notes[key] = note + "）"
        return best[1], note

    def _pairs_said(self, automaton, turns, agent: AgentText) -> int:
        """The scripts' word pairs in the agent's words joined and normalised (`agent`), as a set of bits
        (pair n: bit n): those of each turn with the pair across its join to the agent's turn before it,
        remembered per (turn before, turn) for the run — script lines recur from call to call, and mostly
        after the same line — and worked out from each turn's own pairs (remembered per distinct turn)."""
        joined = self._joined
        said = 0
        last = ""
        for norm, index in zip(agent.parts, agent.turns):
            if not norm:
                continue
            key = (last, norm)
            pairs = joined.get(key)
            if pairs is None:
                pairs = self._turn_pairs(automaton, turns[index], norm)
                if last:
                    pairs |= self._pair_bits.get(last[-1] + norm[0], 0)
                if len(joined) > SEEN_LIMIT:
                    joined.clear()
                joined[key] = pairs
            said |= pairs
            last = norm
        return said

    def _turn_pairs(self, automaton, turn, norm: str) -> int:
        """The script pairs inside one agent turn's normalised words (`norm`), remembered per distinct turn."""
        seen = self._pairs
        pairs = seen.get(norm)
        if pairs is None:
            if len(seen) > SEEN_LIMIT:
                seen.clear()
            pairs = seen[norm] = self._new_pairs(automaton, turn, norm)
        return pairs

    def _new_pairs(self, automaton, turn, norm: str) -> int:
        """The script pairs in a turn not seen before (`norm`: its normalised words): those of each of its
        clauses (`texts.clauses`, remembered for the run: a turn new to the run is mostly clauses said before)
        and the pair across each cut. The automaton walks only clauses it has not seen (≈ 1,500 instructions
        a character: its nodes' children are searched one by one), and of those only the runs between
        characters that no script pair has (`_in_pairs`)."""
        parts = texts.clauses(turn) if turn.folded else None
        if not parts or len(parts) == 1 or "".join(parts) != norm:
            return self._in_pairs(automaton, norm)
        seen = self._piece_pairs
        get = self._pair_bits.get
        pairs = 0
        last = ""
        for part in parts:
            got = seen.get(part)
            if got is None:
                got = self._in_pairs(automaton, part)
            pairs |= got
            if last:
                pairs |= get(last[-1] + part[0], 0)
            last = part
        return pairs

    def _in_pairs(self, automaton, text: str) -> int:
        """The script pairs in a text not remembered yet: those of each run between characters that no pair
        has (`_outside`: a customer's name, an agent's number, a bank's name), each run remembered for the run
        as a clause is. A pair has both its characters in a run, so every pair of the text is in one of them:
        the runs of a new clause 「韩先生您好」 or 「我是泰康人寿5002号客服人员」 mostly were said before (先生您好,
        我是泰康人寿, 号客服人员), and the automaton walks about a third of the characters it walked whole."""
        seen = self._piece_pairs
        if len(seen) > SEEN_LIMIT:
            seen.clear()
        outside = self._outside
        runs = outside.split(text) if outside is not None else None
        if not runs or len(runs) == 1:
            found = seen[text] = reduce(or_, map(_value, automaton.iter(text)), 0)
            return found
        found = 0
        for run in runs:
            if run:
                got = seen.get(run)
                if got is None:
                    got = seen[run] = reduce(or_, map(_value, automaton.iter(run)), 0)
                found |= got
        seen[text] = found
        return found

    def _script_grams(self) -> tuple:
        """The scripts' word pairs in an Aho–Corasick automaton whose value for pair n is the bit 1 << n (one
        pass finds those a call said, without making a string of every pair said; OR-ed, they are the set of
        pairs said as one integer); (script id, number of pairs) per script with any, by id; and per script
        the bits of its pairs. A script's count of pairs said is then one AND and one bit count of two
        integers of a few thousand bits: where a sum of one packed integer per pair said cost ≈ 15 µs a
        call (hundreds of pairs), and a set of pair numbers per call as much again. The pairs most scripts
        share have the lowest bits (script by script among equals): an AND is as long as the highest pair both
        sides have, which for a script other than the call's is then one of the few it shares with the call's,
        so the 38 counts read half the digits they read with the pairs numbered script by script."""
        if self._by_script is None:
            import ahocorasick

            grams_of: dict[str, frozenset] = {}
            for ident in sorted(self.project.scripts):
                grams = _bigrams(script_words(self.project.scripts[ident], self.project))  # no plan: a script's
                if grams:  # questions are worked out only for the script a call is judged against
                    grams_of[ident] = grams
            shared = Counter(chain.from_iterable(map(sorted, grams_of.values())))  # in the order first seen
            numbers = {gram: n for n, gram in enumerate(sorted(shared, key=shared.__getitem__, reverse=True))}
            scripts = [(ident, len(grams)) for ident, grams in grams_of.items()]
            masks = [reduce(or_, (1 << numbers[gram] for gram in grams)) for grams in grams_of.values()]
            automaton = ahocorasick.Automaton()
            self._pair_bits = {gram: 1 << number for gram, number in numbers.items()}
            for gram, bit in self._pair_bits.items():
                automaton.add_word(gram, bit)
            if numbers:
                automaton.make_automaton()
            self._outside = _outside(numbers)
            self._by_script = (automaton, scripts, masks)
        return self._by_script

    def judge(self, call) -> Verdict:
        scores = texts.prepare(call.turns)  # module attributes: imports inside a per-call function cost a lookup each
        roles.assign(call, self.agent, self.agent_channel, speakers=self.speakers, scores=scores)
        agent = AgentText(call.turns)  # the agent's words, read by the script search, questions and metrics
        script, note = self.pick_script(call, agent)
        verdict = judge(call, self.bridge, self.plan(script) if script else None, self.form, agent)
        verdict.script_note = note
        return verdict


_value = itemgetter(1)  # of an Aho–Corasick match (end, value)


def _outside(pairs) -> re.Pattern | None:
    """Runs of the characters that no pair has, or None when a pair has a character above U+FFFF (a class
    holding one is a list _sre walks at every character)."""
    # by code point, the same pattern every run (kept); counted as ints: a set of the characters as strings makes
    # an object of each of the pairs' ≈ 5,000 characters and sorts strings (≈ 3× the instructions)
    codes = sorted(set(memoryview("".join(pairs).encode("utf-32-le")).cast("I")))
    if not codes or codes[-1] > 0xFFFF:
        return None
    return regexcache.compile("[^" + re.escape("".join(map(chr, codes))) + "]+")


def _bigrams(text: str) -> frozenset:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _close(name: str, known) -> str:
    from huifang.validate import did_you_mean

    return did_you_mean(name, known)
