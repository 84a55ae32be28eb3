"""The rules registry: one module per rule, each with ID, TYPE ('line' | 'call'), SEVERITY, check().

Each rule's docstring is its handbook page: a Chinese title line, a description, then sections
`PASS:` and `FAIL:` whose examples are indented four spaces and separated by blank lines
(free-form script snippets). `describe()` parses that convention for the site and the tests.
"""

from __future__ import annotations

from huifang.lint.rules import (
    call_too_long,
    closing_end_only,
    duplicate_question,
    forbidden_phrase,
    greeting_not_first,
    labels_swapped,
    missing_closing,
    missing_greeting,
    personal_data,
    unfilled_placeholder,
    unknown_kind,
    unknown_placeholder,
    unknown_speaker,
)

TYPE_CHECKING = False
if TYPE_CHECKING:  # the checker knows dataclasses; records makes the same classes faster
    from dataclasses import dataclass
else:
    from huifang.records import dataclass


RULES = [
    forbidden_phrase,
    missing_greeting,
    missing_closing,
    greeting_not_first,
    unknown_placeholder,
    unfilled_placeholder,
    call_too_long,
    personal_data,
    duplicate_question,
    unknown_speaker,
    labels_swapped,
    closing_end_only,
    unknown_kind,
]


@dataclass(frozen=True)
class RuleDoc:
    id: str
    title: str
    description: str
    passes: tuple[str, ...]
    fails: tuple[str, ...]
    severity: str
    type: str


def describe(rule) -> RuleDoc:
    """Title, description and PASS/FAIL examples from the rule module's docstring."""
    import textwrap

    lines = (rule.__doc__ or "").strip("\n").splitlines()
    title = lines[0].strip() if lines else rule.ID
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in lines[1:]:
        if line.strip() in ("PASS:", "FAIL:") and not line.startswith(" "):
            current = line.strip()[:-1]
            sections[current] = []
        else:
            sections[current].append(line)

    def examples(body: list[str]) -> tuple[str, ...]:
        blocks, block = [], []
        for line in body + [""]:
            if line.strip():
                block.append(line)
            elif block:
                blocks.append(textwrap.dedent("\n".join(block)))
                block = []
        return tuple(blocks)

    description = "\n".join(sections[""]).strip()
    return RuleDoc(
        rule.ID,
        title,
        description,
        examples(sections.get("PASS", [])),
        examples(sections.get("FAIL", [])),
        rule.SEVERITY,
        rule.TYPE,
    )
