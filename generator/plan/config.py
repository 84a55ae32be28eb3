"""The team's planning settings from huifang.yaml `plan:` (validated by the project schema)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from huifang import model as m

DEFAULT_CAPACITY = 40
UNASSIGNED = "（未分配）"


@dataclass
class PlanConfig:
    capacity: int = DEFAULT_CAPACITY
    agents: dict[str, int] = field(default_factory=dict)
    call_windows: list[m.CallWindow] = field(default_factory=list)
    seasons: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (MM-DD, MM-DD)
    columns: dict[str, str] = field(default_factory=dict)
    targets: dict[str, float] = field(default_factory=dict)
    max_attempts: int | None = None  # a call not reached is dialled again up to this many times (attempts.py)

    @classmethod
    def of(cls, project: m.Project) -> PlanConfig:
        raw = project.config.plan or {}
        return cls(
            raw.get("capacity", DEFAULT_CAPACITY),
            dict(raw.get("agents", {})),
            [m.CallWindow(w["start"], w["end"]) for w in raw.get("call_windows", [])],
            {k: (v["from"], v["to"]) for k, v in raw.get("seasons", {}).items()},
            dict(raw.get("columns", {})),
            dict(raw.get("targets", {})),
            raw.get("max_attempts"),
        )

    def capacity_of(self, agent: str) -> int:
        return self.agents.get(agent, self.capacity)

    def in_season(self, season: str, day: dt.date) -> bool | None:
        """Whether `day` is in `season`; None when huifang.yaml does not say when the season is."""
        span = self.seasons.get(season)
        if not span:
            return None
        md = day.strftime("%m-%d")
        lo, hi = span
        return lo <= md <= hi if lo <= hi else (md >= lo or md <= hi)
