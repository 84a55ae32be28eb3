"""Round 34 (session 22, lintacc36) as it was transfer-tested: a story of a call — the opening and the closing are
read in its quoted words only, the narration is nobody's words on the call (generator/lint/spoken.py).

Run by first_sight.py in an export of old code: python spoken.py EXPORT_ROOT. Copies this tree's
generator/lint/spoken.py into the export (it compiles its regexes with plain `re` and needs only the export's
`standards._part`, since Round 36b turntaking.py, which it writes by running turn_taking.py, and since Round 37
`t2s`, taken from normalize.py where the export has no simplified.py), starts the export's rules missing-greeting and missing-closing with `view = spoken(view)`, and
makes its evaluate.py judge the opening and the closing on `spoken(view)`, as main's does. Applied after
own_kind.py when both are given (main reads `spoken(own_kind(view))`).
"""

import re
import sys
from pathlib import Path

here = Path(__file__).resolve().parents[3]
root = Path(sys.argv[1])
source = (here / "generator/lint/spoken.py").read_text(encoding="utf-8")
if not (root / "generator/lint/simplified.py").exists():  # sets 3 and 4: t2s still lived in normalize.py
    source = source.replace("from huifang.lint.simplified import t2s", "from huifang.lint.normalize import t2s")
(root / "generator/lint/spoken.py").write_text(source, encoding="utf-8")
if (here / "generator/lint/turntaking.py").exists():  # spoken asks it since Round 36b
    import subprocess

    subprocess.run([sys.executable, str(Path(__file__).with_name("turn_taking.py")), str(root)], check=True)
if "\ndef _part(" not in (root / "generator/lint/standards.py").read_text(encoding="utf-8"):
    sys.exit("no _part to use")
for name in ("missing_greeting", "missing_closing"):
    rule = root / f"generator/lint/rules/{name}.py"
    text = rule.read_text(encoding="utf-8")
    if "view = own_kind(view)\n" in text:  # own_kind.py applied first (or main's own)
        text, count = re.subn(r"^( +)view = own_kind\(view\)\n", r"\g<0>\1view = _r34(view)\n", text, flags=re.M)
    else:
        text, count = re.subn(r"^(def check\(view[^\n]*\n)", r"\1    view = _r34(view)\n", text, flags=re.M)
    if count != 1:
        sys.exit(f"no one check() in {name}.py")
    rule.write_text(text + "\n\nfrom huifang.lint.spoken import spoken as _r34  # noqa: E402\n", encoding="utf-8")
judge = root / "bench/realworld/evaluate.py"
text = judge.read_text(encoding="utf-8")
if "own = own_kind(view)" in text:
    edits = [("    own = own_kind(view)", "    own = _r34(own_kind(view))")]
else:
    edits = [
        ("standards.openings(ctx, view, greeting)", "standards.openings(ctx, _r34(view), greeting)"),
        ("\n    paths = view.paths\n", "\n    paths = _r34(view).paths\n"),
    ]
    if "_r32b(view)" in text:  # own_kind.py applied first
        edits = [
            (
                a.replace("view", "_r32b(view)", 1)
                if "openings" in a
                else a.replace("view.paths", "_r32b(view).paths"),
                b.replace("_r34(view)", "_r34(_r32b(view))"),
            )
            for a, b in edits
        ]
    if "standards.closing(t, closing, view)" in text:
        edits.append(("standards.closing(t, closing, view)", "standards.closing(t, closing, _r34(view))"))
for old, new in edits:
    if text.count(old) != 1:
        sys.exit(f"no one {old.strip()} in evaluate.py")
    text = text.replace(old, new)
text += "\n\nfrom huifang.lint.spoken import spoken as _r34  # noqa: E402\n"
judge.write_text(text, encoding="utf-8")
