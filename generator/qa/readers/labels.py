"""Speaker labels at the start of a line or cue: the linter's (客服：/客户：/A：/B：) and WhisperX's `[SPEAKER_00]: `."""

from __future__ import annotations

import re

AGENT_LABELS = frozenset(("客服", "坐席", "回访员", "A", "Ａ"))
CUSTOMER_LABELS = frozenset(("客户", "B", "Ｂ"))
LABEL = re.compile(
    r"\s*(?:\[(?P<bracket>[^\]\n]{1,40})\]\s*[:：]?|(?P<plain>客服|坐席|回访员|客户|[ABＡＢ]|SPEAKER_\d{1,3}|"
    r"spk\d{1,3}|说话人\s?\d{1,3})\s*[:：])\s*"
)


def split(line: str) -> tuple[str, str]:
    """(label or "", words)."""
    m = LABEL.match(line)
    if m is None:
        return "", line.strip()
    return (m.group("bracket") or m.group("plain")).strip(), line[m.end() :].strip()


def role_of(label: str) -> str:
    if label in AGENT_LABELS:
        return "agent"
    if label in CUSTOMER_LABELS:
        return "customer"
    return ""
