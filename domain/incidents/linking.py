"""The resolution rule: which reports from different articles are one real-world occurrence.

A report may join an incident when it is compatible with at least one of its members under its
type's rule (`RULES`), and the incident holds no other event of the report's own article (the
extractor already decided that two events of one article are two occurrences). Compatible means
all three of:

- place: both within the rule's distance, or one contains the other (a country- or region-level
  report and a town in that country: a country-level report joins a town-level one of the same
  type, dates and actors), or the same name; a report that names no place does not disagree;
- actors: the rule's actor test (`ACTOR_TESTS`), e.g. talks need nested participant sets, not
  merely one shared party; attacks need a common attacker where both name one, and stay apart
  when the roles are swapped both ways (A attacks B / B attacks A: the attack and the
  counter-attack), while a report that names both sides as attackers does not split them;
- date: the reported ranges overlap once widened by the rule's slack on each side, and by its
  longer `same_place_slack_days` where both name the same town (`same_town`: within
  `SAME_TOWN_KM`, ~10 km; neighbouring towns are two places); a report without a date uses the
  week before publication. A range longer than the rule's `max_span_days` counts as its last
  days only: a one-off event (a meeting, a strike, a vote) reported as "since 2021 ... on
  Wednesday" is the stage it reports, so a long range does not swallow every report inside it.
  An offensive has one more way: a **campaign** (`campaign_check`) at one town by a common
  attacker is one incident across gaps of up to `campaign_days`, until a truce that held: a
  ceasefire report among the same actors at that place, dated between the two reports, after
  which the fighting is next reported only `TRUCE_HELD_DAYS` or more later (a pause broken
  within days leaves the campaign one incident).

A report compatible with no incident opens one; with one, joins it; with several, joins the
oldest and merges the others into it. Every decision is a value naming the rule and the reason.
Already linked events never move: a retraction makes its event leave (`EventLeft`), and the
re-extracted event that replaces it is a new event that links anew, with its own decision.
The truces are those already in the log when the report is linked (`truces_of`): a truce
reported after two offensives were linked does not split them, so a replay of the same log
gives the same incidents.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal

import msgspec

from domain.events import Location
from domain.events.common import Role
from domain.incidents.model import Incident, Member, Report, Retraction, incident_id_for
from domain.incidents.summary import build_incident

ActorTestName = Literal["participants_nested", "attackers_agree", "parties_overlap", "same_body_same_blocker"]


class TypeRule(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    date_slack_days: int
    same_place_slack_days: int
    max_km: float
    actors: ActorTestName
    why: str
    # A report dated over a longer range is, for linking, dated by its last `max_span_days`: the
    # stage it reports ("since November ... on Wednesday"), so a long range does not swallow others.
    # None: not cut (a truce "in force since November" is the November truce).
    max_span_days: int | None
    # A campaign continues at one town for up to this long between reports (0: the type has none).
    campaign_days: int = 0


RULES: Mapping[str, TypeRule] = {
    "TalksHeld": TypeRule(
        name="talks.same_venue_nested_participants",
        date_slack_days=1,
        same_place_slack_days=14,
        max_km=30.0,
        actors="participants_nested",
        why=(
            "a meeting is one venue on one or two days, but a round of negotiations at one venue runs for"
            " weeks and reports date different sessions of it; different counterparts are different meetings"
        ),
        max_span_days=14,
    ),
    "CeasefireAnnounced": TypeRule(
        name="ceasefire.agreed_then_in_force",
        date_slack_days=7,
        same_place_slack_days=7,
        max_km=100.0,
        actors="parties_overlap",
        why="a truce is agreed, announced and takes effect within days; each report dates one stage",
        max_span_days=None,
    ),
    "OffensiveLaunched": TypeRule(
        name="offensive.same_front_same_attackers",
        date_slack_days=3,
        same_place_slack_days=7,
        max_km=50.0,
        actors="attackers_agree",
        why=(
            "an offensive at one town is reported at several stages over weeks; a campaign there by the same"
            " attackers continues until a truce that held; elsewhere a strike is days"
        ),
        max_span_days=14,
        campaign_days=365,
    ),
    "ResolutionBlocked": TypeRule(
        name="resolution.same_body_same_blocker",
        date_slack_days=3,
        same_place_slack_days=3,
        max_km=30.0,
        actors="same_body_same_blocker",
        why="a vote is one day in one body; reports date it within a few days",
        max_span_days=3,
    ),
}

# Codes that stand for the international body a resolution is put to.
BODIES = frozenset({"UNSC", "UN", "EU", "NATO", "OSCE", "AU", "ARAB-LEAGUE", "G7", "G20"})
UNDATED_WINDOW_DAYS = 7
# A region (province, governorate) holds a town within about this distance of its centroid: wider
# and a province swallows the towns of its neighbours (a capital 280 km from a province's centre).
REGION_CONTAINS_KM = 150.0
# Two towns this close are one place (a town and its suburb, one city geocoded twice): only here do
# the longer same-place slack and a campaign apply. Neighbouring towns (Soledar, Bakhmut) lie further.
SAME_TOWN_KM = 10.0
# A truce breaks a campaign when the fighting is next reported at least this long after it: it held.
# A truce broken within days (a pause that ended) leaves the campaign one incident.
TRUCE_HELD_DAYS = 14
TRUCE_TYPE = "CeasefireAnnounced"


# --- decisions -----------------------------------------------------------------------------------


class IncidentOpened(msgspec.Struct, frozen=True, kw_only=True, tag_field="decision", tag="IncidentOpened"):
    incident_id: uuid.UUID
    event_id: uuid.UUID
    position: int
    rule: str
    reason: str


class EventJoined(msgspec.Struct, frozen=True, kw_only=True, tag_field="decision", tag="EventJoined"):
    incident_id: uuid.UUID
    event_id: uuid.UUID
    position: int
    rule: str
    matched_event_id: uuid.UUID  # the member the report was found compatible with
    reason: str


class IncidentsMerged(msgspec.Struct, frozen=True, kw_only=True, tag_field="decision", tag="IncidentsMerged"):
    """The report joins `into` and bridges it with `merged`, whose members all move to `into`."""

    into: uuid.UUID
    merged: tuple[uuid.UUID, ...]
    event_id: uuid.UUID
    position: int
    rule: str
    reason: str


class EventLeft(msgspec.Struct, frozen=True, kw_only=True, tag_field="decision", tag="EventLeft"):
    incident_id: uuid.UUID
    event_id: uuid.UUID
    position: int
    reason: str
    incident_closed: bool  # the event was its last member


LinkDecision = IncidentOpened | EventJoined | IncidentsMerged
Decision = IncidentOpened | EventJoined | IncidentsMerged | EventLeft

NO_MATCH = "no_compatible_incident"


# --- compatibility -------------------------------------------------------------------------------


class Check(msgspec.Struct, frozen=True):
    ok: bool
    why: str


def compatible(a: Report, b: Report, rules: Mapping[str, TypeRule] = RULES, truces: Sequence[Report] = ()) -> Check:
    """Whether two reports (of different articles) can be the same occurrence, and why (not).
    `truces`: the ceasefire reports known so far, which may end a campaign (see `campaign_check`)."""
    if a.type != b.type:
        return Check(False, "different types")
    if a.article_id == b.article_id:
        return Check(False, "same article")
    rule = rules[a.type]
    place = place_check(a.event.location, b.event.location, rule.max_km)
    if not place.ok:
        return place
    actors = ACTOR_TESTS[rule.actors](a, b)
    if not actors.ok:
        return actors
    town = same_town(a.event.location, b.event.location)
    date = date_check(a, b, rule.same_place_slack_days if town else rule.date_slack_days, rule)
    if not date.ok and town and rule.campaign_days:
        date = campaign_check(a, b, rule, truces, rules)
    if not date.ok:
        return date
    return Check(True, f"{place.why}; {date.why}; {actors.why}")


def place_check(a: Location | None, b: Location | None, max_km: float) -> Check:
    if a is None or b is None:
        return Check(True, "place unknown on one side")
    km = _km(a, b)
    if km is not None and km <= max_km:
        return Check(True, f"near ({km:.0f} km)")
    if a.name.casefold() == b.name.casefold():
        return Check(True, f"same name {a.name}")
    for outer, inner in ((a, b), (b, a)):
        if _contains(outer, inner, km):
            return Check(True, f"{inner.name} inside {outer.name}")
    far = f"{km:.0f} km" if km is not None else "no common place"
    return Check(False, f"places apart: {a.name} / {b.name} ({far})")


def same_town(a: Location | None, b: Location | None) -> bool:
    """One place for the longer same-place slack and a campaign: two towns within `SAME_TOWN_KM`, or
    one name at one level (a province, a region) not far apart. Never a country: it holds every front."""
    if a is None or b is None or "country" in (a.precision, b.precision):
        return False
    km = _km(a, b)
    same_name = a.precision == b.precision and a.name.casefold() == b.name.casefold()
    if km is None:
        return same_name
    return km <= SAME_TOWN_KM and (same_name or a.precision == b.precision == "city")


def _contains(outer: Location, inner: Location, km: float | None) -> bool:
    if outer.country is None or outer.country != inner.country:
        return False
    if outer.precision == "country":
        return inner.precision != "country"
    if outer.precision == "region":
        return inner.precision == "city" and (km is None or km <= REGION_CONTAINS_KM)
    return False


def _km(a: Location, b: Location) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(h, 1.0)))


def date_check(a: Report, b: Report, slack_days: int, rule: TypeRule | None = None) -> Check:
    span_a, span_b = linking_span(a, rule), linking_span(b, rule)
    if span_a is None or span_b is None:
        return Check(True, "date unknown on one side")
    slack = dt.timedelta(days=slack_days)
    if span_a[0] - slack <= span_b[1] and span_b[0] - slack <= span_a[1]:
        return Check(True, f"dates within {slack_days} days")
    return Check(False, f"dates apart: {span_a[0]}..{span_a[1]} / {span_b[0]}..{span_b[1]}")


def span(report: Report) -> tuple[dt.date, dt.date] | None:
    occurred = report.event.occurred
    if occurred is not None:
        return occurred.start, occurred.end
    if report.published is not None:
        return report.published - dt.timedelta(days=UNDATED_WINDOW_DAYS), report.published
    return None


def linking_span(report: Report, rule: TypeRule | None) -> tuple[dt.date, dt.date] | None:
    """The span linking compares: the reported one, cut to its last `max_span_days` where it is longer
    (a one-off event reported with a long range is the stage it reports, not the whole range)."""
    days = span(report)
    if days is None or rule is None or rule.max_span_days is None:
        return days
    longest = dt.timedelta(days=rule.max_span_days)
    return (max(days[0], days[1] - longest), days[1])


def campaign_check(
    a: Report, b: Report, rule: TypeRule, truces: Sequence[Report] = (), rules: Mapping[str, TypeRule] = RULES
) -> Check:
    """A campaign at one town (the caller checked the town and the actors): the same attackers there,
    reported up to `campaign_days` apart, are one incident, unless a truce between them held."""
    atk_a, atk_b = _codes(a, "attacker"), _codes(b, "attacker")
    if not atk_a & atk_b:
        return Check(False, "beyond the slack, a campaign needs a common attacker")
    span_a, span_b = linking_span(a, rule), linking_span(b, rule)
    if span_a is None or span_b is None:
        return Check(False, "a campaign needs dates on both sides")
    (_, first_end), (second_start, _) = sorted((span_a, span_b))
    gap = (second_start - first_end).days
    if gap > rule.campaign_days:
        return Check(False, f"campaign gap of {gap} days beyond {rule.campaign_days}")
    truce = held_truce(first_end, second_start, (a, b), truces, rules)
    if truce is not None:
        return Check(False, f"a truce held between them ({truce})")
    return Check(True, f"one campaign at one town by {_fmt(atk_a & atk_b)}, {gap} days apart, no truce held between")


def held_truce(
    first_end: dt.date,
    second_start: dt.date,
    reports: Sequence[Report],
    truces: Sequence[Report],
    rules: Mapping[str, TypeRule] = RULES,
) -> str | None:
    """A truce after `first_end` at the reports' place among their actors that held: the fighting is
    next reported `TRUCE_HELD_DAYS` or more after its last reported day. Its description, else None."""
    actors = frozenset(x.code for r in reports for x in r.event.actors)
    place = reports[0].event.location
    for truce in truces:
        days = linking_span(truce, rules.get(truce.type))
        if days is None or not first_end <= days[1] <= second_start:
            continue
        if (second_start - days[1]).days < TRUCE_HELD_DAYS:
            continue
        parties = _codes(truce, "party", "announced_by")
        if parties and actors and not parties & actors:
            continue  # a truce between others
        if not parties and truce.event.location is None:
            continue  # a truce of nobody named, nowhere: it says nothing about this town
        if not place_check(truce.event.location, place, rules[TRUCE_TYPE].max_km).ok:
            continue
        return f"{days[1]} among {_fmt(parties)}, fighting next reported {second_start}"
    return None


def _codes(report: Report, *roles: Role) -> frozenset[str]:
    return frozenset(a.code for a in report.event.actors if a.role in roles)


def _fmt(codes: frozenset[str]) -> str:
    return "{" + ",".join(sorted(codes)) + "}"


def participants_nested(a: Report, b: Report) -> Check:
    pa, pb = _codes(a, "participant"), _codes(b, "participant")
    if not pa or not pb:
        return Check(True, "participants unknown on one side")
    if pa <= pb or pb <= pa:
        return Check(True, f"participants nested {_fmt(pa)} / {_fmt(pb)}")
    return Check(False, f"different counterparts {_fmt(pa)} / {_fmt(pb)}")


def attackers_agree(a: Report, b: Report) -> Check:
    """Attackers must not be disjoint, the roles not swapped (each side's attacker is the other's
    target: an attack and the counter-attack), and targets may differ only where the attackers are
    shared (one campaign hits several targets; an extractor's stray target does not split it)."""
    atk_a, atk_b = _codes(a, "attacker"), _codes(b, "attacker")
    tgt_a, tgt_b = _codes(a, "target"), _codes(b, "target")
    if atk_a and atk_b and not atk_a & atk_b:
        return Check(False, f"different attackers {_fmt(atk_a)} / {_fmt(atk_b)}")
    reversed_a, reversed_b = (atk_a & tgt_b) - atk_b, (atk_b & tgt_a) - atk_a
    if reversed_a and reversed_b:
        return Check(False, f"attacker and target swapped: {_fmt(reversed_a | reversed_b)}")
    if tgt_a and tgt_b and not tgt_a & tgt_b and not atk_a & atk_b:
        return Check(False, f"different targets {_fmt(tgt_a)} / {_fmt(tgt_b)}")
    return Check(True, f"attackers {_fmt(atk_a)} / {_fmt(atk_b)} agree")


def parties_overlap(a: Report, b: Report) -> Check:
    pa, pb = _codes(a, "party", "announced_by"), _codes(b, "party", "announced_by")
    if not pa or not pb:
        return Check(True, "parties unknown on one side")
    if pa & pb:
        return Check(True, f"parties share {_fmt(pa & pb)}")
    return Check(False, f"different parties {_fmt(pa)} / {_fmt(pb)}")


def same_body_same_blocker(a: Report, b: Report) -> Check:
    body_a = frozenset(x.code for x in a.event.actors if x.code in BODIES)
    body_b = frozenset(x.code for x in b.event.actors if x.code in BODIES)
    if body_a and body_b and not body_a & body_b:
        return Check(False, f"different bodies {_fmt(body_a)} / {_fmt(body_b)}")
    blk_a, blk_b = _codes(a, "blocked_by"), _codes(b, "blocked_by")
    if blk_a and blk_b and not blk_a & blk_b:
        return Check(False, f"different blockers {_fmt(blk_a)} / {_fmt(blk_b)}")
    return Check(True, f"blockers {_fmt(blk_a)} / {_fmt(blk_b)} agree")


ACTOR_TESTS: Mapping[ActorTestName, Callable[[Report, Report], Check]] = {
    "participants_nested": participants_nested,
    "attackers_agree": attackers_agree,
    "parties_overlap": parties_overlap,
    "same_body_same_blocker": same_body_same_blocker,
}


# --- linking -------------------------------------------------------------------------------------


class _Candidate(msgspec.Struct, frozen=True):
    incident: Incident
    member: Report
    why: str


def link(
    incidents: Iterable[Incident],
    report: Report,
    rules: Mapping[str, TypeRule] = RULES,
    truces: Sequence[Report] = (),
) -> LinkDecision:
    """Where a new report goes. `incidents` may be only the candidates (same type, near in time):
    incidents the report cannot be compatible with change nothing. `truces`: the live ceasefire
    reports near the report's place (`truces_of`), which end a campaign where one held."""
    rule_name = rules[report.type].name
    found = _candidates(incidents, report, rules, truces)
    candidates = sorted(found, key=lambda c: (c.incident.opened_at, c.incident.id))
    if not candidates:
        return IncidentOpened(
            incident_id=incident_id_for(report.event_id),
            event_id=report.event_id,
            position=report.position,
            rule=NO_MATCH,
            reason=f"no {report.type} incident is compatible under {rule_name}",
        )
    into, *others = candidates
    articles = set(into.incident.article_ids)
    merged: list[_Candidate] = []
    for other in others:
        if articles.isdisjoint(other.incident.article_ids):  # one article's two events stay apart
            merged.append(other)
            articles |= other.incident.article_ids
    if not merged:
        return EventJoined(
            incident_id=into.incident.id,
            event_id=report.event_id,
            position=report.position,
            rule=rule_name,
            matched_event_id=into.member.event_id,
            reason=into.why,
        )
    bridges = "; ".join(f"{c.incident.id} via {c.member.event_id}: {c.why}" for c in merged)
    return IncidentsMerged(
        into=into.incident.id,
        merged=tuple(c.incident.id for c in merged),
        event_id=report.event_id,
        position=report.position,
        rule=rule_name,
        reason=f"joins {into.incident.id} via {into.member.event_id}: {into.why}; bridges {bridges}",
    )


def _candidates(
    incidents: Iterable[Incident], report: Report, rules: Mapping[str, TypeRule], truces: Sequence[Report]
) -> Iterable[_Candidate]:
    for incident in incidents:
        if incident.type != report.type or report.article_id in incident.article_ids:
            continue
        found = compatible_member(incident.members, report, rules, truces)
        if found is not None:
            yield _Candidate(incident, found[0], found[1])


def compatible_member(
    members: Iterable[Member], report: Report, rules: Mapping[str, TypeRule] = RULES, truces: Sequence[Report] = ()
) -> tuple[Report, str] | None:
    """The first of `members` (an incident's, in log order) the report is compatible with, and why; None:
    the report cannot join through any (`link` leaves such an incident as it is)."""
    for member in members:
        check = compatible(report, member.report, rules, truces)
        if check.ok:
            return member.report, check.why
    return None


def apply(incidents: Mapping[uuid.UUID, Incident], report: Report, decision: LinkDecision) -> dict[uuid.UUID, Incident]:
    """The incidents after `decision` about `report` (from `link`)."""
    out = dict(incidents)
    if isinstance(decision, IncidentOpened):
        out[decision.incident_id] = build_incident([Member(report=report, rule=decision.rule)])
    elif isinstance(decision, EventJoined):
        held = out[decision.incident_id]
        out[held.id] = build_incident([*held.members, Member(report=report, rule=decision.rule)], incident_id=held.id)
    else:
        held = out[decision.into]
        members = [*held.members, Member(report=report, rule=decision.rule)]
        for merged_id in decision.merged:
            members.extend(out.pop(merged_id).members)
        members.sort(key=lambda m: m.report.position)
        out[held.id] = build_incident(members, incident_id=held.id)
    return out


def leave(
    incidents: Mapping[uuid.UUID, Incident], retraction: Retraction
) -> tuple[dict[uuid.UUID, Incident], EventLeft | None]:
    """The incidents after a retracted event leaves its incident (None: it was in none). The other
    members stay together: what linked them was their own compatibility, recorded when they joined."""
    out = dict(incidents)
    for incident in incidents.values():
        if retraction.event_id not in incident.event_ids:
            continue
        rest = [m for m in incident.members if m.report.event_id != retraction.event_id]
        if rest:
            out[incident.id] = build_incident(rest, incident_id=incident.id)
        else:
            del out[incident.id]
        left = EventLeft(
            incident_id=incident.id,
            event_id=retraction.event_id,
            position=retraction.position,
            reason=retraction.reason,
            incident_closed=not rest,
        )
        return out, left
    return out, None


class Assignment(msgspec.Struct, frozen=True, kw_only=True):
    incidents: tuple[Incident, ...]  # oldest first
    decisions: tuple[Decision, ...]  # in log order


def assign(items: Iterable[Report | Retraction], rules: Mapping[str, TypeRule] = RULES) -> Assignment:
    """Fold the log (reports and retractions in log order) into incidents. Deterministic: the same
    log gives equal incidents, ids and decisions. An event already linked is never relinked. A
    report of a type with campaigns is linked knowing the live truces linked before it."""
    incidents: dict[uuid.UUID, Incident] = {}
    decisions: list[Decision] = []
    seen: set[uuid.UUID] = set()
    for item in items:
        if isinstance(item, Retraction):
            incidents, left = leave(incidents, item)
            if left is not None:
                decisions.append(left)
            continue
        if item.event_id in seen:
            continue
        seen.add(item.event_id)
        truces = truces_of(incidents.values()) if rules[item.type].campaign_days else []
        decision = link(incidents.values(), item, rules, truces)
        incidents = apply(incidents, item, decision)
        decisions.append(decision)
    ordered = sorted(incidents.values(), key=lambda i: (i.opened_at, i.id))
    return Assignment(incidents=tuple(ordered), decisions=tuple(decisions))


def truces_of(incidents: Iterable[Incident]) -> list[Report]:
    """The live ceasefire reports among `incidents`, in log order: what may end a campaign."""
    reports = (m.report for i in incidents if i.type == TRUCE_TYPE for m in i.members)
    return sorted(reports, key=lambda r: r.position)


def incident_of(incidents: Sequence[Incident], event_id: uuid.UUID) -> Incident | None:
    return next((i for i in incidents if event_id in i.event_ids), None)
