"""A judged call as plain data: what every output format, the ledger and worker processes share.

`record(verdict)` gives the public JSON shape of one call (`path`, `script`, `score`, `passed`, `findings`,
`metrics`) plus, under keys starting with `_`, what the reports need and the JSON output leaves out.
"""

from __future__ import annotations


def record(verdict, turns: bool = False, reports: bool = True) -> dict:
    """`turns`: with the call's turns (`_turns`, for the HTML report); `reports`: with what only the reports
    read (`_items`, `_title`, `_turn_of`: text, HTML, Excel, calibration); the JSON output and the ledger
    read none of them."""
    call = verdict.call
    out = {
        "path": call.path,
        "script": verdict.plan.script_id if verdict.plan else None,
        "score": verdict.score,
        "passed": verdict.passed,
        "findings": [f.as_dict() for f in verdict.findings],
        "metrics": verdict.metrics.as_dict(),
        "_notes": {
            "script": verdict.script_note,
            "roles": call.roles_note,
            "path": verdict.outcome.path if verdict.outcome else "",
            "format": call.format,
        },
        "_meta": dict(call.meta),
    }
    if reports:
        out["_title"] = verdict.plan.title if verdict.plan else ""
        out["_items"] = [
            {
                "id": r.item.id,
                "name": r.item.name,
                "weight": r.item.weight,
                "points": r.points,
                "findings": r.findings,
                "critical": r.item.critical,
                "failed": r.failed_critical,
            }
            for r in verdict.items
        ]
        out["_turn_of"] = [f.turn for f in verdict.findings]
    if turns:
        out["_turns"] = [
            {"role": t.role, "speaker": t.speaker, "start": t.start, "end": t.end, "text": t.text, "line": t.line}
            for t in call.turns
        ]
    return out


def public(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if not k.startswith("_")}


def unreadable(path: str, message: str) -> dict:
    return {"path": path, "error": message}
