"""Each timing form of the shipped scenarios, as due windows; holidays and 调休 days."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from huifang import model as m
from huifang.plan.calendar import LAST_YEAR, Calendar, china, festival
from huifang.plan.windows import NoWindow, Window, windows

from tests.plan.conftest import D


def spans(found: list[Window]) -> list[tuple[str, str | None]]:
    return [(w.start.isoformat(), w.end.isoformat() if w.end else None) for w in found]


def due(project, scenario: str, event: str, first: str, last: str, **row) -> list[tuple[str, str | None]]:
    return spans(windows(project.scenarios[scenario].timing, Calendar(), D(event), D(first), D(last), **row))


@pytest.mark.parametrize(
    "scenario, event, first, last, row, expected",
    [
        # 投诉处理完毕后三天内 (calendar days)
        ("tongyong-shouce-tousu", "2026-03-02", "2026-03-01", "2026-03-31", {}, [("2026-03-02", "2026-03-05")]),
        # 完成维修工程一周后，一个月内
        ("wuye-xiangmu-weixiu", "2026-03-02", "2026-03-01", "2026-04-30", {}, [("2026-03-09", "2026-04-01")]),
        # 成交客户当日
        (
            "fangchan-xiaoshou-chengjiao-dangri",
            "2026-03-04",
            "2026-03-01",
            "2026-03-31",
            {},
            [("2026-03-04", "2026-03-04")],
        ),
        # 3 个工作日内: 10-01…10-07 are 国庆, 10-08 and 10-09 work, 10-10 is a 调休 Saturday
        ("dianli-gongdiansuo-tousu", "2026-09-30", "2026-09-01", "2026-10-31", {}, [("2026-09-30", "2026-10-10")]),
        # 每月一次 after the event: month ends are kept (01-31 -> 02-28 -> 03-31)
        (
            "zuoquan-zhijian-zhongdian",
            "2026-01-31",
            "2026-02-01",
            "2026-05-31",
            {},
            [
                ("2026-02-28", "2026-03-30"),
                ("2026-03-31", "2026-04-29"),
                ("2026-04-30", "2026-05-30"),
                ("2026-05-31", "2026-06-29"),
            ],
        ),
        # 每年至少两次: the year split in two
        (
            "qiye-chanpin-xianchang-dakehu",
            "2025-01-01",
            "2025-01-01",
            "2026-12-31",
            {},
            [("2025-07-02", "2025-12-31"), ("2026-01-01", "2026-07-01"), ("2026-07-02", "2026-12-31")],
        ),
        # 每三年一次 …
        (
            "anzhun-judupin-genzong",
            "2023-10-08",
            "2026-01-01",
            "2026-12-31",
            {"region": "广州"},
            [("2026-10-08", "2029-10-07")],
        ),
        # … 其中肇庆、中山、江门一年一次
        (
            "anzhun-judupin-genzong",
            "2023-10-08",
            "2026-01-01",
            "2026-12-31",
            {"region": "中山"},
            [("2025-10-08", "2026-10-07"), ("2026-10-08", "2027-10-07")],
        ),
        # 大客户每年两次，特大型客户每季度
        (
            "xike-xianchang",
            "2026-01-01",
            "2026-01-01",
            "2026-12-31",
            {"customer_class": "特大型客户"},
            [("2026-04-01", "2026-06-30"), ("2026-07-01", "2026-09-30"), ("2026-10-01", "2026-12-31")],
        ),
        # 犹豫期内: the seed gives no length; the row's 截止日期 does
        (
            "baoxian-xinqiyue-xinqiyue",
            "2026-03-02",
            "2026-03-01",
            "2026-03-31",
            {"deadline": D("2026-03-16")},
            [("2026-03-02", "2026-03-16")],
        ),
        # 交底之后到交尾款之间每周回访一次: the weeks stop at 交尾款
        (
            "zhuangxiu-shigong-meizhou",
            "2026-03-02",
            "2026-03-01",
            "2026-04-30",
            {"deadline": D("2026-03-20")},
            [("2026-03-09", "2026-03-15"), ("2026-03-16", "2026-03-22")],
        ),
        # 元旦、春节、元宵节……国庆；客户生日当天
        (
            "fahuo-jieri-wenhou",
            "2026-01-01",
            "2026-01-01",
            "2026-12-31",
            {"birthday": (6, 15)},
            [
                ("2026-01-01", "2026-01-01"),
                ("2026-02-17", "2026-02-17"),
                ("2026-03-03", "2026-03-03"),
                ("2026-05-01", "2026-05-01"),
                ("2026-06-15", "2026-06-15"),
                ("2026-06-19", "2026-06-19"),
                ("2026-09-25", "2026-09-25"),
                ("2026-10-01", "2026-10-01"),
            ],
        ),
    ],
)
def test_timing_forms(shipped, scenario, event, first, last, row, expected):
    assert due(shipped, scenario, event, first, last, **row) == expected


@pytest.mark.parametrize(
    "scenario, row, words",
    [
        ("renshou-xinqiyue", {}, "原文没有规定回访时限（本办法未规定新契约回访的时限）"),
        ("baoxian-xinqiyue-xinqiyue", {}, "犹豫期"),
        ("fahuo-xinpin-cuxiao", {"deadline": D("2026-03-20")}, "新品上市前多少天"),
        ("fahuo-jieri-wenhou", {}, "生日"),
    ],
)
def test_a_timing_the_seed_does_not_give_is_reported_not_guessed(shipped, scenario, row, words):
    with pytest.raises(NoWindow, match=words):
        due(shipped, scenario, "2026-03-02", "2026-03-01", "2026-03-31", **row)


def test_a_before_rule_with_a_figure():
    timing = m.Timing("许可证到期前三个月回访", before=m.Deadline("许可证到期", 90))
    found = windows(timing, Calendar(), D("2026-01-05"), D("2026-01-01"), D("2026-12-31"), deadline=D("2026-09-30"))
    assert spans(found) == [("2026-07-02", "2026-09-29")]


def test_every_shipped_scenario_has_windows_or_a_reason(shipped):
    for s in shipped.scenarios.values():
        try:
            windows(
                s.timing,
                Calendar(),
                D("2026-03-02"),
                D("2026-03-01"),
                D("2027-02-28"),
                deadline=D("2026-04-01"),
                birthday=(5, 5),
            )
        except NoWindow as exc:
            assert str(exc), s.id


def test_working_calendar_agrees_with_holidays_for_every_published_year():
    cal = Calendar()
    for year in range(2006, LAST_YEAR + 1):  # 2005-12-31: the two libraries disagree about that Saturday
        other = holidays.China(years=year)
        day = dt.date(year, 1, 1)
        while day.year == year:
            assert cal.is_workday(day) == other.is_working_day(day), day
            day += dt.timedelta(days=1)
    assert not cal.unpublished


def test_tiaoxiu_saturday_works_and_holidays_are_named():
    cal = Calendar()
    assert cal.is_workday(D("2026-10-10")) and D("2026-10-10").weekday() == 5  # 调休 Saturday
    assert not cal.is_workday(D("2026-10-05")) and cal.holiday_name(D("2026-10-05")) == "国庆节"
    assert cal.holiday_name(D("2026-03-07")) == ""  # a plain weekend


def test_years_not_yet_published_are_remembered():
    cal = Calendar()
    year = LAST_YEAR + 1
    assert cal.is_workday(dt.date(year, 10, 4)) == (dt.date(year, 10, 4).weekday() < 5)
    assert cal.unpublished == {year}


def test_festival_dates():
    assert festival("春节", 2027) == D("2027-02-06") and festival("元宵节", 2027) == D("2027-02-20")
    assert festival("不存在", 2027) is None


@pytest.mark.parametrize(
    ("name", "year", "day"),
    [
        ("中秋", 2020, "2020-10-01"),  # 中秋 and 国庆 on one day
        ("国庆", 2020, "2020-10-01"),
        ("中秋节", 2028, "2028-10-03"),
        ("中秋", 2031, "2031-10-01"),
        ("中秋", 2039, "2039-10-02"),
        ("国庆节", 2031, "2031-10-01"),
        ("中秋", 2025, "2025-10-06"),
    ],
)
def test_a_festival_sharing_its_day_with_another_is_still_found(name, year, day):
    assert festival(name, year) == D(day)


def test_festivals_come_from_holidays_own_china_loaded_alone():
    """`china` loads holidays' China from its module's file (not through holidays.countries, which imports every
    country): the same holidays, by the same names, in every year holidays knows and around them."""
    assert china() is not holidays.China  # the fast way works with the holidays installed
    for year in range(1948, 2103):
        assert dict(china()(years=year, language="zh_CN")) == dict(holidays.China(years=year, language="zh_CN"))


@pytest.mark.parametrize(
    "scenario, sentence, window",
    [
        ("tongyong-shouce-tousu", "投诉处理完毕后 3 天内", "D+0…D+3"),
        ("wuye-xiangmu-weixiu", "完成维修工程后第 7–30 天", "D+7…D+30"),
        ("fangchan-xiaoshou-chengjiao-dangri", "成交当天", "D+0"),
        ("dianli-gongdiansuo-tousu", "受理投诉后 3 个工作日内", "D+0…D+3 · 工作日"),
        ("anzhun-judupin-genzong", "项目完成后每 3 年一次", "↻ 3 年"),
        ("qiye-chanpin-xianchang-dakehu", "每年 2 次", "↻ 1 年 ×2"),
        ("baoxian-xinqiyue-xinqiyue", "犹豫期内", "犹豫期天数未规定"),
        ("zhuangxiu-shigong-meizhou", "交底后每周一次，直到交尾款", "↻ 1 周"),
        ("renshou-xinqiyue", "原文没有规定回访时限", ""),
    ],
)
def test_the_handbook_sentence_and_window(shipped, scenario, sentence, window):
    timing = shipped.scenarios[scenario].timing
    assert (timing.sentence(), timing.window()) == (sentence, window)
