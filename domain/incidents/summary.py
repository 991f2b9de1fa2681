"""An incident's aggregate, computed from its members alone (so a rebuild recomputes it equally).

- place: the most precise one reported (city > region > country), ties to the most reported,
  then the earliest report;
- occurred: the intersection of the reported ranges where they share one, else their union;
- actors: each (code, role) with the number of distinct articles naming it;
- casualties: low / best / high across articles (UCDP), each article's figure kept;
- sources: distinct articles and outlets, first and last publication date;
- confidence: rises with independent corroboration (see `corroborated_confidence`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence

from domain.events import Location
from domain.events.common import Precision, Role
from domain.incidents.model import (
    ActorTally,
    CasualtyFigure,
    CasualtyRange,
    DateRange,
    Incident,
    Member,
    Report,
    Sources,
    incident_id_for,
)

PLACE_RANK = {"city": 0, "region": 1, "country": 2}
DATE_RANK: dict[Precision, int] = {"day": 0, "week": 1, "month": 2, "year": 3}

# A further article from an outlet that already reported the incident is weak corroboration
# (outlets copy each other and themselves): its evidence counts a quarter of an independent one.
SAME_OUTLET_WEIGHT = 0.25


def build_incident(members: Sequence[Member], *, incident_id: uuid.UUID | None = None) -> Incident:
    """The incident of these members (in log order); its id from the first unless given."""
    reports = [m.report for m in members]
    first = reports[0]
    return Incident(
        id=incident_id if incident_id is not None else incident_id_for(first.event_id),
        type=first.type,
        opened_at=first.position,
        members=tuple(members),
        place=best_place(reports),
        occurred=date_range(reports),
        actors=actor_tallies(reports),
        casualties=casualty_range(reports),
        sources=sources(reports),
        confidence=corroborated_confidence(reports),
    )


def best_place(reports: Sequence[Report]) -> Location | None:
    places = [r.event.location for r in reports if r.event.location is not None]
    if not places:
        return None
    counts = Counter(p.name for p in places)
    order = {id(p): i for i, p in enumerate(places)}
    return min(places, key=lambda p: (PLACE_RANK[p.precision], -counts[p.name], order[id(p)]))


def date_range(reports: Sequence[Report]) -> DateRange | None:
    ranges = [r.event.occurred for r in reports if r.event.occurred is not None]
    if not ranges:
        return None
    start, end = max(o.start for o in ranges), min(o.end for o in ranges)
    if start <= end:
        finest = min((o.precision for o in ranges), key=DATE_RANK.__getitem__)
        return DateRange(start=start, end=end, precision=finest, basis="intersection")
    coarsest = max((o.precision for o in ranges), key=DATE_RANK.__getitem__)
    return DateRange(
        start=min(o.start for o in ranges), end=max(o.end for o in ranges), precision=coarsest, basis="union"
    )


def actor_tallies(reports: Sequence[Report]) -> tuple[ActorTally, ...]:
    articles: dict[tuple[str, Role], set[uuid.UUID]] = defaultdict(set)
    for report in reports:
        for actor in report.event.actors:
            articles[(actor.code, actor.role)].add(report.article_id)
    tallies = [ActorTally(code=code, role=role, sources=len(ids)) for (code, role), ids in articles.items()]
    return tuple(sorted(tallies, key=lambda t: (-t.sources, t.role, t.code)))


def casualty_range(reports: Sequence[Report]) -> CasualtyRange | None:
    figures = _figures_per_article(reports)
    if not figures:
        return None
    bests = sorted(f.killed for f in figures if f.killed is not None)
    lows = [f.killed_low if f.killed_low is not None else f.killed for f in figures]
    highs = [f.killed_high if f.killed_high is not None else f.killed for f in figures]
    known_lows = [v for v in lows if v is not None]
    known_highs = [v for v in highs if v is not None]
    return CasualtyRange(
        low=min(known_lows) if known_lows else None,
        # the lower median: with two reports, the conservative one, as UCDP's best leans
        best=bests[(len(bests) - 1) // 2] if bests else None,
        high=max(known_highs) if known_highs else None,
        figures=tuple(figures),
    )


def _figures_per_article(reports: Sequence[Report]) -> list[CasualtyFigure]:
    best: dict[uuid.UUID, CasualtyFigure] = {}
    for report in reports:
        c = report.event.casualties
        if c is None or (c.killed is None and c.killed_low is None and c.killed_high is None):
            continue
        figure = CasualtyFigure(
            article_id=report.article_id,
            outlet=report.outlet,
            killed=c.killed,
            killed_low=c.killed_low,
            killed_high=c.killed_high,
        )
        held = best.get(report.article_id)
        if held is None or _magnitude(figure) > _magnitude(held):
            best[report.article_id] = figure
    return list(best.values())


def _magnitude(figure: CasualtyFigure) -> int:
    return max(v for v in (figure.killed, figure.killed_low, figure.killed_high, -1) if v is not None)


def sources(reports: Sequence[Report]) -> Sources:
    dates: list[dt.date] = [r.published for r in reports if r.published is not None]
    return Sources(
        articles=len({r.article_id for r in reports}),
        outlets=len({r.outlet for r in reports}),
        first_reported=min(dates) if dates else None,
        last_reported=max(dates) if dates else None,
    )


def corroborated_confidence(reports: Sequence[Report]) -> float:
    """1 - the chance that every report is wrong, treating each article as evidence of weight 1 for
    the first article of its outlet and SAME_OUTLET_WEIGHT for each further one. An article's
    evidence is its most confident member event. Adding a report never lowers the figure."""
    per_article: dict[uuid.UUID, tuple[str, float]] = {}
    for report in reports:
        held = per_article.get(report.article_id)
        if held is None or report.event.confidence > held[1]:
            per_article[report.article_id] = (report.outlet, report.event.confidence)
    by_outlet: dict[str, list[float]] = defaultdict(list)
    for outlet, confidence in per_article.values():
        by_outlet[outlet].append(min(max(confidence, 0.0), 1.0))
    doubt = 1.0
    for confidences in by_outlet.values():
        strongest, *others = sorted(confidences, reverse=True)
        doubt *= 1.0 - strongest
        for c in others:
            doubt *= (1.0 - c) ** SAME_OUTLET_WEIGHT
    return round(1.0 - doubt, 6)
