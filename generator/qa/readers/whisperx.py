"""WhisperX JSON after `assign_word_speakers`: `{segments: [{start, end, text, speaker, words?}]}` in seconds."""

from __future__ import annotations

from huifang.qa.call import Turn
from huifang.qa.readers import field, items, number, text_of


def turns(data, display: str) -> list[Turn]:
    out = []
    for i, s in enumerate(items(data["segments"], display, "segments")):
        where = f"segments[{i}]"
        speaker = field(s, ("speaker",), display, where, None)
        out.append(Turn("" if speaker is None else str(speaker),
                        text_of(field(s, ("text",), display, where), display, where + ".text"),
                        number(field(s, ("start",), display, where), display, where + ".start"),
                        number(field(s, ("end",), display, where), display, where + ".end")))
    return out
