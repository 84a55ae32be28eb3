"""Round 49 (session 30, lintacc49) as it was transfer-tested: whose a story's quote is, read with one vocabulary —
lint/story.py (the forbidden-phrase rule) asks lint/spoken.py (the opening and the closing) for the roles of each
side and for the people the narration introduces by a role and a name or by the call (Round 46's `introduced`).

Run by first_sight.py in an export of old code, after spoken.py (which copies this tree's lint/spoken.py, with the
joined role lists and the voice reading, into the export): python one_reading.py EXPORT_ROOT. Edits the export's
own story.py:
- its lists of the public's and the service side's roles (`PUBLIC = (…)`, `AGENT_ROLE = (…)`, sets 10 on) become
  spoken.py's, the reporter kept as story.py's own;
- where it reads the clause before a verb of speaking with `_speaker(clause, public)` (sets 15 on), a clause that
  names nobody by role is asked for someone the narration introduced, as this tree's story.py does.
An export whose story.py has neither is left as it is (sets 3–9: no story.py).
"""

import re
import sys
from pathlib import Path

root = Path(sys.argv[1])
story = root / "generator/lint/story.py"
text = story.read_text(encoding="utf-8") if story.exists() else ""
if not text or not (root / "generator/lint/spoken.py").exists():
    sys.exit(0)
if "\ndef introduced(" not in (root / "generator/lint/spoken.py").read_text(encoding="utf-8"):
    sys.exit("the export's spoken.py has no introduced(): apply spoken.py first")
done = []
lists = [
    (r"^PUBLIC = \(\n(?:    r?\"[^\n]*\n)+\)\n", 'PUBLIC = _r49.PUBLIC + "|记者"\n'),
    (r"^AGENT_ROLE = \(\n(?:    r?\"[^\n]*\n)+\)\n", "AGENT_ROLE = _r49.STAFF\n"),
]
for pattern, new in lists:
    text, count = re.subn(pattern, new, text, count=1, flags=re.M)
    if count:
        done.append(new.split(" =")[0])
if done:
    text = text.replace(
        "\nfrom __future__ import annotations\n",
        "\nfrom __future__ import annotations\n\nfrom huifang.lint import spoken as _r49\n",
        1,
    )
edits = [
    (
        "def _speaker(clause: str, public: tuple[str, ...] = ()) -> str | None:\n",
        "def _speaker(clause: str, public: tuple[str, ...] = (), introduced=None) -> str | None:\n",
    ),
    (
        "    named = _named_speaker(clause)\n    if named is not None:\n        return named\n",
        "    named = _named_speaker(clause)\n    if named is not None:\n        return named\n"
        "    if introduced is not None:\n"
        "        found = introduced.search(clause)\n"
        "        if found is not None and ADDRESSEE.search(clause, 0, found.start()) is None:\n"
        '            return OTHER if found.lastgroup == "public" else AGENT\n',
    ),
    (
        "def _clause_speaker(head: str, public: tuple[str, ...] = ()) -> str | None:\n",
        "def _clause_speaker(head: str, public: tuple[str, ...] = (), introduced=None) -> str | None:\n",
    ),
    ("    return _speaker(clauses[index], public)\n", "    return _speaker(clauses[index], public, introduced)\n"),
    (
        "def _attributed(line: str, start: int, end: int, following: str, public: tuple[str, ...] = ()) -> str | None:\n",
        "def _attributed(line: str, start: int, end: int, following: str, public: tuple[str, ...] = (), introduced=None)"
        " -> str | None:\n",
    ),
    (
        "_clause_speaker(head[: says.start()], public) or EITHER",
        "_clause_speaker(head[: says.start()], public, introduced) or EITHER",
    ),
    (
        "return _speaker(after.group(1), public) or EITHER",
        "return _speaker(after.group(1), public, introduced) or EITHER",
    ),
    (
        '                    public = public_names("\\n".join(lines))\n',
        '                    public = public_names("\\n".join(lines))\n'
        '                    introduced = _r49i.introduced("\\n".join(lines))\n',
    ),
    (
        "who = _attributed(line, start, end, following, public)",
        "who = _attributed(line, start, end, following, public, introduced)",
    ),
    (
        "    public: tuple[str, ...] | None = None",
        "    introduced = None\n    public: tuple[str, ...] | None = None",
    ),
]
if all(text.count(old) == 1 for old, _ in edits):
    for old, new in edits:
        text = text.replace(old, new)
    text += "\n\nfrom huifang.lint import spoken as _r49i  # noqa: E402\n"
    done.append("introduced")
story.write_text(text, encoding="utf-8")
print("applied " + ", ".join(done) if done else "nothing to apply", file=sys.stderr)
