"""WhisperX JSON after `assign_word_speakers`: `{segments: [{start, end, text, speaker, words?}]}` in seconds."""

from __future__ import annotations

from huifang.qa.call import Turn
from huifang.qa.readers import DAY, field, items, number, text_of


def quick(segments) -> list[Turn] | None:
    """The common, well-formed case in one tight loop; None sends the file through the careful path,
    which says what is wrong."""
    out = []
    try:
        for s in segments:
            start, end, text = s["start"], s["end"], s["text"]
            if not (
                type(start) in (int, float)
                and type(end) in (int, float)
                and 0 <= start <= DAY
                and 0 <= end <= DAY
                and type(text) is str
            ):
                return None
            speaker = s.get("speaker")
            out.append(Turn("" if speaker is None else str(speaker), text.strip(), float(start), float(end)))
    except (TypeError, KeyError, AttributeError):
        return None
    return out


def turns(data, display: str) -> list[Turn]:
    fast = quick(data["segments"])
    if fast is not None:
        return fast
    out = []
    for i, s in enumerate(items(data["segments"], display, "segments")):
        where = f"segments[{i}]"
        speaker = field(s, ("speaker",), display, where, None)
        out.append(
            Turn(
                "" if speaker is None else str(speaker),
                text_of(field(s, ("text",), display, where), display, where + ".text"),
                number(field(s, ("start",), display, where), display, where + ".start"),
                number(field(s, ("end",), display, where), display, where + ".end"),
            )
        )
    return out
