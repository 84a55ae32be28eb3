"""The floor of `bench/qa/run.py`, as a whole process: walk the folder the way `huifang qa` does (sorted, transcript
suffixes only), read every file from disk and parse it with `json.loads` (text and SRT: decode). Nothing else is
imported, so the process's CPU time is interpreter start-up plus reading and parsing.

    python bench/qa/floor.py FOLDER            # prints {"calls": N}
    python bench/qa/floor.py FOLDER msgspec    # the same with msgspec.json.decode (to dicts and lists), the
                                               # parser huifang qa itself uses for the common JSON shapes
"""

import json
import os
import sys

SUFFIXES = (".json", ".srt", ".vtt", ".txt", ".md")


def main(top: str, parser: str = "json") -> int:
    loads = json.loads
    if parser == "msgspec":
        import msgspec

        loads = msgspec.json.decode
    calls = 0
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                with open(os.path.join(folder, name), "rb") as handle:
                    raw = handle.read()
                if name.endswith(".json"):
                    loads(raw)
                else:
                    raw.decode("utf-8")
                calls += 1
    return calls


if __name__ == "__main__":
    print(json.dumps({"calls": main(*sys.argv[1:3])}))
