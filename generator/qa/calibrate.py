"""Calibration: how far the automatic scores agree with a supervisor's scores for the same calls.

The human CSV has a `file` (文件) column, a `score` (得分) column and, optionally, one column per form item
(its id or its name) holding the points given or 合格/不合格. Per item: the share of calls where both say the
item was met (full points) or both say it was not — the agreement rate; calls where either side has no
value or the item did not apply are left out. For the total: Pearson's r and the mean absolute difference.
"""

from __future__ import annotations

import math
import os

from huifang.qa.inputs import InputError, _csv_rows

YES = {"合格", "通过", "是", "满分", "y", "yes", "1", "✓", "√", "ok", "true"}
NO = {"不合格", "未通过", "否", "扣分", "n", "no", "0", "✗", "×", "false"}
SCORE_COLUMNS = ("score", "得分", "总分", "分数")
FILE_COLUMNS = ("file", "文件", "path", "录音")


def load_human(path: str, form=None) -> tuple[list[str], dict[str, dict]]:
    """The human scores by call (`_key` of the file the row names, relative to the CSV): each a dict of
    `score`, `items` (column → value) and `line`. A sheet that cannot be read as one score per call — no file or
    score column, a column twice, a call twice, a score that is no number from 0 to 100 — is an InputError at
    its cell; a row without a score is a call the supervisor has not scored (left out)."""
    rows = _csv_rows(path)
    if not rows:
        raise InputError(f"{path}:1:1: 人工评分表是空的")
    header = [str(h).strip() for h in rows[0]]
    kinds = [_column_kind(h) for h in header]
    for at, kind in enumerate(kinds):
        if kind and kind in kinds[:at]:
            columns = [i + 1 for i, k in enumerate(kinds) if k == kind]
            what = {"file": "file（文件）", "score": "score（得分）"}.get(kind, f"「{kind}」")
            raise InputError(
                f"{path}:1:{at + 1}: 人工评分表里{what}列出现了 {len(columns)} 次"
                f"（第 {'、'.join(map(str, columns))} 列）；只留一列"
            )
    if form is not None:  # two headings of one item (开头语 and kaitouyu): which one was meant cannot be told
        seen: dict[str, int] = {}
        for at, name in enumerate(header):
            item = next((i for i in form.items if name and name in _names(i)), None)
            if item is None:
                continue
            if item.id in seen:
                raise InputError(
                    f"{path}:1:{at + 1}: 人工评分表里第 {seen[item.id] + 1} 列「{header[seen[item.id]]}」和这一列"
                    f"「{name}」是同一个评分项；只留一列"
                )
            seen[item.id] = at
    file_col = kinds.index("file") if "file" in kinds else None
    score_col = kinds.index("score") if "score" in kinds else None
    if file_col is None or score_col is None:
        raise InputError(f"{path}:1:1: 人工评分表需要 file（文件）和 score（得分）两列")
    base = os.path.dirname(path)
    human: dict[str, dict] = {}
    for number, row in enumerate(rows[1:], 2):
        if len(row) <= file_col or not row[file_col].strip():
            continue
        raw = row[score_col].strip() if len(row) > score_col else ""
        if not raw:
            continue
        try:
            score = float(raw.removesuffix("分").strip())
        except ValueError:
            raise InputError(f"{path}:{number}:{score_col + 1}: 得分不是数字（「{raw}」）") from None
        if not 0 <= score <= 100:  # NaN, inf and -5 too: they made the mean difference 「nan 分」
            raise InputError(f"{path}:{number}:{score_col + 1}: 得分应在 0 到 100 之间（「{raw}」）")
        values = {
            header[i]: row[i].strip() for i in range(len(row)) if i not in (file_col, score_col) and i < len(header)
        }
        key = _key(os.path.join(base, row[file_col].strip()))
        earlier = human.get(key)
        if earlier is not None:
            raise InputError(
                f"{path}:{number}:{file_col + 1}: 通话「{row[file_col].strip()}」在第 {earlier['line']} 行已有人工评分；"
                "每通电话只留一行"
            )
        human[key] = {"score": score, "items": values, "line": number}
    return header, human


def _column_kind(name: str) -> str:
    """ "file" or "score" for the columns of those names, else the name itself (an item or a note; "" if blank)."""
    lowered = name.lower()
    if lowered in FILE_COLUMNS:
        return "file"
    if lowered in SCORE_COLUMNS:
        return "score"
    return name


def _key(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _human_ok(value: str, weight: float):
    text = value.strip().lower()
    if not text or text in ("n/a", "na", "不适用", "-", "—"):
        return None
    if text in YES:
        return True
    if text in NO:
        return False
    try:
        return float(text) >= weight - 1e-9
    except ValueError:
        return None


def calibrate(records: list[dict], files: list[str], human: dict[str, dict], form) -> dict:
    """`files`: the file each record was read from, in the records' order (two manifests may name the same
    `calls/001.json` in their own folders: a record's path does not tell them apart)."""
    pairs = []
    for r, file in zip(records, files, strict=True):
        h = human.get(_key(file))
        if h is not None:
            pairs.append((r, h))
    columns = {c for _, h in pairs for c in h["items"]}
    named = {c: item.id for item in form.items for c in columns if c in _names(item)}
    items = []
    for item in form.items:
        agree = total = 0
        for r, h in pairs:
            value = next((v for c, v in h["items"].items() if named.get(c) == item.id), None)
            if value is None:
                continue
            mine = next((i for i in r["_items"] if i["id"] == item.id), None)
            if mine is None or mine["points"] is None:
                continue
            theirs = _human_ok(value, item.weight)
            if theirs is None:
                continue
            total += 1
            agree += (mine["findings"] == 0) == theirs
        items.append(
            {
                "item": item.id,
                "name": item.name,
                "compared": total,
                "agreement": round(agree / total, 3) if total else None,
            }
        )
    autos = [r["score"] for r, _ in pairs]
    humans = [h["score"] for _, h in pairs]
    return {
        "calls": len(pairs),
        "unmatched": len(records) - len(pairs),
        "items": items,
        "unknown_columns": sorted(c for c in columns - named.keys() if c),
        "item_names": [_names(item)[-1] for item in form.items],
        "correlation": _pearson(autos, humans),
        "mean_abs_diff": round(sum(abs(a - b) for a, b in zip(autos, humans)) / len(pairs), 1) if pairs else None,
    }


def _names(item) -> tuple[str, ...]:
    """What a supervisor heads an item's column with: its id, its name, or the name without its explanation
    in brackets (开头语 for 开头语（问候、确认客户身份、自我介绍、确认是否方便）)."""
    short = item.name.split("（", 1)[0].split("(", 1)[0].strip()
    return (item.id, item.name, short) if short else (item.id, item.name)


def _pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    if sx == 0 or sy == 0:
        return None
    return round(sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / (sx * sy), 3)


def as_text(result: dict) -> str:
    lines = [
        f"校准：{result['calls']} 通电话有人工评分"
        + (f"（{result['unmatched']} 通没有）" if result["unmatched"] else "")
    ]
    for i in result["items"]:
        if i["agreement"] is None:
            lines.append(f"  {i['name']}：没有可比的人工评分")
        else:
            lines.append(f"  {i['name']}：一致率 {i['agreement']:.0%}（{i['compared']} 通）")
    if result.get("unknown_columns"):
        lines.append(
            "  这些列不是评分表的项目，没有比较："
            + "、".join(f"「{c}」" for c in result["unknown_columns"])
            + "（项目的列名可写："
            + "".join(f"「{n}」" for n in result["item_names"])
            + "，或项目的 id）"
        )
    r = result["correlation"]
    lines.append(
        "  总分相关系数："
        + ("无法计算（少于两通或分数无变化）" if r is None else f"{r:.2f}")
        + ("" if result["mean_abs_diff"] is None else f"，平均相差 {result['mean_abs_diff']:g} 分")
    )
    return "\n".join(lines) + "\n"
