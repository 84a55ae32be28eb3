"""WhisperX JSON after `assign_word_speakers`: `{segments: [{start, end, text, speaker, words?}]}` in seconds."""

from __future__ import annotations

from huifang.qa.call import Turn
from huifang.qa.readers import labelled, quick


def turns(data, display: str) -> list[Turn]:
    said = quick(data["segments"], "text", "start", "end", "speaker", 1.0)
    if said is None:
        said = labelled(data["segments"], display, "segments", ("text",), "start", "end", "speaker")
    return said
