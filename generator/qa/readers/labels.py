"""Speaker labels at the start of a line or cue: WhisperX's `[SPEAKER_00]: ` and the linter's label table
(客服：, 【客服】：, **客服人员**:, 回访专员：, 市民：, 顾客：, Agent:, 问/答 … and huifang.yaml's lint.speakers)."""

from __future__ import annotations

import re

from huifang.lint import speakers as table

AGENT_LABELS = frozenset(("客服", "坐席", "回访员", "A", "Ａ"))
CUSTOMER_LABELS = frozenset(("客户", "B", "Ｂ"))
# the common labels, matched first (most transcripts use them); any other is looked up in the linter's table
LABEL = re.compile(
    r"\s*(?:\[(?P<bracket>[^\]\n]{1,40})\]\s*[:：]?|(?P<plain>客服|坐席|回访员|客户|[ABＡＢ]|SPEAKER_\d{1,3}|"
    r"spk\d{1,3}|说话人\s?\d{1,3})\s*[:：])\s*"
)
DIARIZED = ("SPEAKER_", "spk", "说话人")  # a cluster an ASR numbered: no role of its own


def split(line: str) -> tuple[str, str]:
    """(label or "", words)."""
    m = LABEL.match(line)
    if m is not None:
        return (m.group("bracket") or m.group("plain")).strip(), line[m.end() :].strip()
    at = len(line) - len(line.lstrip())
    who, label, end = table.DEFAULT.split(line, at)
    if who is None:
        return "", line.strip()
    return label.strip(), line[end:].strip()


def role_of(label: str, speakers: table.Speakers | None = None) -> str:
    """ "agent", "customer", or "" for a label the table does not know (an ASR's SPEAKER_00, 甲方)."""
    if speakers is None:
        if label in AGENT_LABELS:
            return "agent"
        if label in CUSTOMER_LABELS:
            return "customer"
    if not label or label.startswith(DIARIZED):
        return ""
    who = (speakers or table.DEFAULT).who(label)
    return who if who in (table.AGENT, table.CUSTOMER) else ""
