"""FunASR `AutoModel.generate` results saved as JSON: `[{key, text, sentence_info: [{text, start, end, spk}]}]`.

Times are milliseconds; `spk` is a cluster number from the speaker model (cam++), not a role.
SenseVoice writes its language, emotion and event tags into the text (`<|zh|><|NEUTRAL|><|Speech|>`): stripped.
"""

from __future__ import annotations

import re

from huifang.qa.call import TranscriptError, Turn
from huifang.qa.readers import field, labelled, quick, text_of

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
    said = quick(sentences, "text", "start", "end", "spk", 0.001)
    if said is None:
        said = labelled(sentences, display, "sentence_info", ("text", "sentence"), "start", "end", "spk", 0.001)
    for t in said:
        t.text = clean(t.text)
    return said
