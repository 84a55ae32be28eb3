"""`huifang schema`: write the content model as JSON Schema files for editors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from huifang.atomic import write_text
from huifang.kinds import SCHEMAS, schema_document


def render(kind: str) -> str:
    return json.dumps(schema_document(kind), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def run(args) -> int:
    if args.out is None and not Path(args.project).is_dir():  # a mistyped --project: no folder made for it
        from huifang.readfile import not_a_project

        print(f"huifang schema: {not_a_project(Path(args.project))}", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else Path(args.project) / "schemas"
    if out.exists() and not out.is_dir():
        print(f"huifang schema: {'--out ' if args.out else ''}{out}：不是文件夹：请换一个输出文件夹", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    for kind in SCHEMAS:
        write_text(out / f"{kind}.schema.json", render(kind))
    print(f"已写入 {len(SCHEMAS)} 个 JSON Schema 到 {out}/", file=sys.stderr)
    return 0
