"""Round 20 (lintacc23): a message's signature in half-width brackets ([停车宝], a template's [{1}]), as
transfer-tested.

Run by first_sight.py in an export of old code: python half_signed.py EXPORT_ROOT. Code without a message's
signature (before 9abf380) is left as it is; later code gets this tree's SIGNATURES and the signature's folded
text closed by 】, as `{落款}` reads it.
"""

import re
import sys
from pathlib import Path

from huifang.lint import standards

code = Path(sys.argv[1]) / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
old = re.search(r"\nSIGNATURES = regexcache\.compile\(\n(?:    .*\n)+?\)\n", text)
if old is None:
    sys.exit(0)  # no signatures in this code
text = text.replace(old.group(), f"\nSIGNATURES = regexcache.compile({standards.SIGNATURES.pattern!r})\n", 1)
text = re.sub(
    r"(sign\.\w*folded) = SIGNED \+ sign\.folded\[1:\]\n", r'\1 = SIGNED + sign.folded[1:-1] + "】"\n', text, count=1
)
code.write_text(text, encoding="utf-8")
