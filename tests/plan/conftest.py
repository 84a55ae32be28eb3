"""The shipped rule book, loaded once for the planner's tests."""

from __future__ import annotations

import datetime as dt

import pytest
from huifang.plan.calendar import Calendar
from huifang.plan.config import PlanConfig
from huifang.plan.core import Planner
from huifang.plan.events import Event
from huifang.project import load_project

from tests.conftest import REPO


@pytest.fixture(scope="session")
def shipped():
    loaded = load_project(REPO)
    assert loaded.ok, loaded.problems[:3]
    return loaded.project


def D(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def event(line: int, scenario: str, date: str, agent: str = "张三", **extra) -> Event:
    return Event(
        line,
        extra.pop("customer", f"客户{line}"),
        extra.pop("phone", f"1380000{line:04d}"),
        scenario,
        D(date),
        agent,
        **extra,
    )


def planner(project, first: str, last: str, **config) -> Planner:
    return Planner(project, PlanConfig(**config), Calendar(), D(first), D(last))
