"""FunASR `AutoModel.generate` results saved as JSON: `[{key, text, sentence_info: [{text, start, end, spk}]}]`.

Times are milliseconds; `spk` is a cluster number from the speaker model (cam++), not a role.
SenseVoice writes its language, emotion and event tags into the text (`<|zh|><|NEUTRAL|><|Speech|>`): stripped.
"""

from __future__ import annotations

import re

from huifang.qa.call import TranscriptError, Turn
from huifang.qa.readers import field, items, number, quick, text_of

TAGS = re.compile(r"<\|[^|<>]{0,40}\|>")


def clean(text: str) -> str:
    return TAGS.sub("", text).strip() if "<|" in text else text


def turns(data, display: str) -> list[Turn]:
    results = data if isinstance(data, list) else [data]
    if len(results) != 1:
        raise TranscriptError(display, f"FunASR 结果里有 {len(results)} 段录音：一个文件只能放一通电话")
    result = results[0]
    sentences = field(result, ("sentence_info",), display, "FunASR 结果", None)
    if sentences is None:  # no speaker model: one text, no sentences
        return [Turn("", clean(text_of(field(result, ("text",), display, "FunASR 结果"), display, "text")))]
    fast = quick(sentences, "text", "start", "end", "spk", 0.001)
    if fast is not None:
        for t in fast:
            if "<|" in t.text:
                t.text = clean(t.text)
        return fast
    out = []
    for i, s in enumerate(items(sentences, display, "sentence_info")):
        where = f"sentence_info[{i}]"
        spk = field(s, ("spk",), display, where, None)
        out.append(
            Turn(
                "" if spk is None else str(spk),
                clean(text_of(field(s, ("text", "sentence"), display, where), display, where + ".text")),
                number(field(s, ("start",), display, where), display, where + ".start", 0.001),
                number(field(s, ("end",), display, where), display, where + ".end", 0.001),
            )
        )
    return out
