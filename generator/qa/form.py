"""Score a judged call on a QA form (质检评分表): 0–100 over the items that apply, critical items fail it.

Each item loses `deduct` points per finding of its rules (the whole weight when `deduct` is not set), never
below zero. An item that does not apply (its `na_when`: no time stamps, the customer was not free, no
questions due, no compliance wording due) leaves the sum; the score is the points kept ÷ the weight of the
items that apply × 100.
A finding of a critical item fails the call whatever the score.
"""

from __future__ import annotations

from dataclasses import dataclass

from huifang.qa.call import TYPE_CHECKING

try:
    import msgspec
except ImportError:  # an environment not installed again since msgspec became a dependency (see call.py)
    msgspec = None  # type: ignore[assignment]

DEFAULT_FORM = "huifang-zhijian"
OK, LOST, NA = "ok", "lost", "n/a"
# Each `na_when` case of `applies`, as a person scoring by hand reads it (the printed sheet, the handbook page).
NOT_APPLICABLE = {
    "no-times": "录音没有时间信息",
    "not-convenient": "客户表示不方便",
    "no-questions": "话术没有要问的问题",
    "no-compliance": "这通电话没有要照原话念读的合规告知",
}


def not_applicable(item) -> str:
    """When the item does not apply, in words ("" when it always does)."""
    return "、".join(NOT_APPLICABLE.get(case, case) for case in item.na_when)


if TYPE_CHECKING or msgspec is not None:

    class ItemResult(msgspec.Struct, frozen=True):
        """A frozen msgspec struct: made in C, ≈ 1,400 instructions against ≈ 7,500 for the frozen slotted
        dataclass below (each field set through `object.__setattr__`), one per item of the form a call."""

        item: object
        points: float | None  # None: not applicable
        findings: int
        failed_critical: bool

        @property
        def status(self) -> str:
            return _status(self)

else:

    @dataclass(frozen=True, slots=True)
    class ItemResult:
        item: object
        points: float | None
        findings: int
        failed_critical: bool

        @property
        def status(self) -> str:
            return _status(self)


def _status(result) -> str:
    if result.points is None:
        return NA
    return OK if result.findings == 0 else LOST


def holding(verdict) -> frozenset[str]:
    """The `na_when` cases that hold for a call: an item naming one of them does not apply."""
    held = set()
    if not verdict.call.timed:
        held.add("no-times")
    if verdict.not_convenient:
        held.add("not-convenient")
    if verdict.outcome is None or not verdict.outcome.asked:
        held.add("no-questions")
    # no compliance wording due on the path the call took (a script without any, the 万能型 branch of one
    # whose 分红型 branch has it): a human scorer marks the item 不适用 rather than giving its points away
    if verdict.outcome is None or not any(a.expected.compliance for a in verdict.outcome.asked):
        held.add("no-compliance")
    return frozenset(held)


def applies(item, held: frozenset[str]) -> bool:
    return not any(case in held for case in item.na_when)


def score(verdict, form) -> None:
    # An item's findings: those of its rules (only the compliance ones for a compliance-only item), counted
    # per rule once, not walked once per item.
    every: dict[str, int] = {}
    told: dict[str, int] = {}
    for f in verdict.findings:
        every[f.rule] = every.get(f.rule, 0) + 1
        if f.compliance:
            told[f.rule] = told.get(f.rule, 0) + 1
    # What the items come to depends on nothing else: the form, the counts and the `na_when` cases that hold. Most
    # calls of a run share one of a few such cases (most have no finding at all), so each is scored once
    # (≈ 80 k instructions a call for a form of ten items) and the frozen results are shared.
    held = holding(verdict)
    case = (form, held, tuple(every.items()), tuple(told.items()))
    scored = _SCORED.get(case)
    if scored is None:
        if len(_SCORED) > SCORED_LIMIT:
            _SCORED.clear()
        scored = _SCORED[case] = _score(held, form, every, told)
    verdict.items = list(scored[0])
    verdict.score, verdict.passed = scored[1], scored[2]


SCORED_LIMIT = 1_000  # distinct cases remembered per run (a few KB), then forgotten all at once
_SCORED: dict[tuple, tuple] = {}  # (form, the cases that hold, counts per rule) → (item results, score, passed)


def _score(held: frozenset[str], form, every: dict[str, int], told: dict[str, int]) -> tuple[tuple, float, bool]:
    results = []
    kept = total = 0.0
    failed = False
    for item in form.items:
        per = told if item.compliance_only else every
        n = sum([per.get(rule, 0) for rule in set(item.rules)]) if per else 0
        if not applies(item, held):
            results.append(ItemResult(item, None, n, False))
            continue
        lost = item.weight if item.deduct is None else min(item.weight, n * item.deduct)
        points = item.weight - (lost if n else 0.0)
        critical = item.critical and n > 0
        failed = failed or critical
        kept += points
        total += item.weight
        results.append(ItemResult(item, points, n, critical))
    mark = round(100.0 * kept / total, 1) if total else 100.0
    return tuple(results), mark, not failed and mark >= form.pass_mark


def shipped_default():
    """The QA form shipped with huifang, for a project that has none of its own (a project made by an
    earlier `huifang init`): without a form every call would score 0."""
    from huifang import model as m
    from huifang.init import example_folder
    from huifang.kinds import BY_ID
    from huifang.project import load_checked
    from huifang.yamlload import Limits

    path = example_folder("content") / "qa" / f"{DEFAULT_FORM}.yaml"
    doc, problems = load_checked(path, f"huifang/{DEFAULT_FORM}.yaml", Limits(), "qa-form", None)
    assert not problems, problems
    holder = m.Project(root=path.parent)
    build = BY_ID["qa-form"].build
    assert build is not None
    build(doc, holder)
    return holder.qa_forms[DEFAULT_FORM]
