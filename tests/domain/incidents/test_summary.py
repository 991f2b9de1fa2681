"""An incident's aggregate: place, dates, actors, casualties, sources and confidence."""

from __future__ import annotations

import datetime as dt

from domain.incidents import assign
from domain.incidents.summary import corroborated_confidence
from tests.domain.incidents.conftest import ReportFactory


def test_the_same_strike_with_51_and_43_killed_is_one_incident_from_43_to_51(report: ReportFactory) -> None:
    first = report(
        "OffensiveLaunched",
        article="a1",
        day="2024-04-02",
        place="Sanaa",
        actors=(("SAU", "attacker"), ("YEM-REB", "target")),
        killed=51,
        outlet="Outlet A",
    )
    second = report(
        "OffensiveLaunched",
        article="a2",
        day="2024-04-02",
        place="Sanaa",
        actors=(("SAU", "attacker"),),
        killed=43,
        outlet="Outlet B",
    )
    [incident] = assign([first, second]).incidents
    casualties = incident.casualties
    assert casualties is not None
    assert (casualties.low, casualties.best, casualties.high) == (43, 43, 51)
    assert sorted((f.outlet, f.killed) for f in casualties.figures) == [("Outlet A", 51), ("Outlet B", 43)]


def test_the_best_casualty_figure_is_the_median_report(report: ReportFactory) -> None:
    reports = [
        report("OffensiveLaunched", article=f"a{n}", day="2024-04-02", place="Sanaa", killed=k)
        for n, k in enumerate([30, 45, 60])
    ]
    [incident] = assign(reports).incidents
    assert incident.casualties is not None and incident.casualties.best == 45


def test_actors_are_tallied_by_how_many_articles_name_them(report: ReportFactory) -> None:
    reports = [
        report(
            "OffensiveLaunched",
            article="a1",
            day="2024-04-02",
            place="Aleppo",
            actors=(("SYR", "attacker"), ("RUS", "attacker")),
        ),
        report("OffensiveLaunched", article="a2", day="2024-04-02", place="Aleppo", actors=(("SYR", "attacker"),)),
    ]
    [incident] = assign(reports).incidents
    assert [(t.code, t.role, t.sources) for t in incident.actors] == [("SYR", "attacker", 2), ("RUS", "attacker", 1)]


def test_the_date_range_is_where_reports_agree(report: ReportFactory) -> None:
    reports = [
        report("OffensiveLaunched", article="a1", day="2024-04-01", until="2024-04-05", place="Aleppo"),
        report("OffensiveLaunched", article="a2", day="2024-04-03", until="2024-04-09", place="Aleppo"),
    ]
    [incident] = assign(reports).incidents
    occurred = incident.occurred
    assert occurred is not None
    assert (occurred.start, occurred.end, occurred.basis) == (dt.date(2024, 4, 3), dt.date(2024, 4, 5), "intersection")


def test_the_date_range_is_the_union_where_reports_disagree(report: ReportFactory) -> None:
    reports = [
        report("OffensiveLaunched", article="a1", day="2024-04-01", place="Aleppo", actors=(("SYR", "attacker"),)),
        report("OffensiveLaunched", article="a2", day="2024-04-20", place="Aleppo", actors=(("SYR", "attacker"),)),
    ]
    [incident] = assign(reports).incidents  # one campaign at one town
    occurred = incident.occurred
    assert occurred is not None
    assert (occurred.start, occurred.end, occurred.basis) == (dt.date(2024, 4, 1), dt.date(2024, 4, 20), "union")


def test_sources_count_distinct_articles_and_outlets_with_first_and_last_reported(report: ReportFactory) -> None:
    reports = [
        report("TalksHeld", article="a1", day="2024-04-01", place="Geneva", outlet="Outlet A", published="2024-04-01"),
        report("TalksHeld", article="a2", day="2024-04-01", place="Geneva", outlet="Outlet A", published="2024-04-02"),
        report("TalksHeld", article="a3", day="2024-04-01", place="Geneva", outlet="Outlet B", published="2024-04-03"),
    ]
    [incident] = assign(reports).incidents
    s = incident.sources
    assert (s.articles, s.outlets, s.first_reported, s.last_reported) == (
        3,
        2,
        dt.date(2024, 4, 1),
        dt.date(2024, 4, 3),
    )


def test_confidence_rises_more_with_another_outlet_than_with_another_article_of_the_same(
    report: ReportFactory,
) -> None:
    first = report("TalksHeld", article="a1", day="2024-04-01", place="Geneva", outlet="Outlet A")
    same_outlet = report("TalksHeld", article="a2", day="2024-04-01", place="Geneva", outlet="Outlet A")
    other_outlet = report("TalksHeld", article="a3", day="2024-04-01", place="Geneva", outlet="Outlet B")
    alone = corroborated_confidence([first])
    echoed = corroborated_confidence([first, same_outlet])
    corroborated = corroborated_confidence([first, other_outlet])
    assert alone == 0.6
    assert alone < echoed < corroborated
    assert assign([first, other_outlet]).incidents[0].confidence == corroborated
