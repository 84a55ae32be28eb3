"""Round 32b (session 21, lintacc34) as it was transfer-tested: a book of standards for several kinds of contact —
the opening and closing are read in the file's own kind's part (generator/lint/ownkind.py).

Run by first_sight.py in an export of old code: python own_kind.py EXPORT_ROOT (after listed_goodbye.py, Round 32a,
or alone). Copies this tree's generator/lint/ownkind.py into the export (its regexes compiled with plain `re`: older
code has no kept-regex cache; without line marks it looks for the closing marker in the text), starts the
export's rules missing-greeting and missing-closing with `view = own_kind(view)`, and makes its evaluate.py judge
the opening and the closing on `own_kind(view)`, as main's does.
"""

import re
import sys
from pathlib import Path

here = Path(__file__).resolve().parents[3]
root = Path(sys.argv[1])
source = (here / "generator/lint/ownkind.py").read_text(encoding="utf-8")
source = source.replace("        from huifang import regexcache\n\n", "").replace("regexcache.compile(", "re.compile(")
(root / "generator/lint/ownkind.py").write_text(source, encoding="utf-8")
if "\ndef _part(" not in (root / "generator/lint/standards.py").read_text(encoding="utf-8"):
    sys.exit("no _part to use")
for name in ("missing_greeting", "missing_closing"):
    rule = root / f"generator/lint/rules/{name}.py"
    text, count = re.subn(
        r"^(def check\(view[^\n]*\n)",
        r"\1    from huifang.lint.ownkind import own_kind\n\n    view = own_kind(view)\n",
        rule.read_text(encoding="utf-8"),
        flags=re.M,
    )
    if count != 1:
        sys.exit(f"no one check() in {name}.py")
    rule.write_text(text, encoding="utf-8")
judge = root / "bench/realworld/evaluate.py"
text = judge.read_text(encoding="utf-8")
edits = [("standards.openings(ctx, view, greeting)", "standards.openings(ctx, _r32b(view), greeting)")]
if "_r32_closing(ctx, view, t, closing)" in text:  # Round 32a's edit applied first
    edits.append(("_r32_closing(ctx, view, t, closing)", "_r32_closing(ctx, _r32b(view), t, closing)"))
else:
    edits.append(("standards.closing(t, closing, view)", "standards.closing(t, closing, _r32b(view))"))
edits.append(("\n    paths = view.paths\n", "\n    paths = _r32b(view).paths\n"))
for old, new in edits:
    if text.count(old) != 1:
        sys.exit(f"no one {old.strip()} in evaluate.py")
    text = text.replace(old, new)
text += "\n\nfrom huifang.lint.ownkind import own_kind as _r32b  # noqa: E402\n"
judge.write_text(text, encoding="utf-8")
