"""Plain text, one turn a line, with the linter's speaker labels (客服：/客户：/A：/B：) or `[SPEAKER_00]: `.
No times: the time metrics then say n/a. A line without a label continues the previous turn."""

from __future__ import annotations

from huifang.qa.call import Call, TranscriptError, Turn
from huifang.qa.readers import finish
from huifang.qa.readers.labels import role_of, split


def read(text: str, display: str) -> Call:
    turns: list[Turn] = []
    labelled = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        label, words = split(line)
        if not label:
            if turns:
                turns[-1].text += words
                continue
            raise TranscriptError(
                display, "第一句话没有说话人标签（如「客服：」「客户：」或「[SPEAKER_00]: 」）", number
            )
        labelled = labelled or bool(role_of(label))
        turns.append(Turn(label, words, line=number))
    if not turns:
        raise TranscriptError(display, "文件里没有任何一句话")
    return finish(Call(display, "text", turns, labelled=labelled), display)
