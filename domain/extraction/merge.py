"""Merge mentions of the same occurrence within one article into one event.

One sustained offensive reported several times is one event: same type, compatible
place (the same or one side unstated), and overlapping actors. Roles are unioned, the
best evidence is kept, and the date is widened only within a quarter year.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from domain.events import Actor, Casualties, Occurred
from domain.extraction.casualties import merge_casualties
from domain.extraction.gazetteer_port import PlaceLike
from domain.extraction.lexicon import CEASEFIRE, OFFENSIVE, RESOLUTION, TALKS

NEAR_KM = 10.0  # distinct towns 40 km apart (Aleppo, Dabiq) are distinct targets
_MAX_DATE_GAP = dt.timedelta(days=14)
_MAX_SPAN = dt.timedelta(days=92)
_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}
_PLACE_ORDER = {"city": 0, "region": 1, "country": 2}
_ACTING = {OFFENSIVE: "attacker", CEASEFIRE: "announced_by"}  # the role whose party makes an event its own


@dataclass(slots=True)
class Candidate:
    """One realised event mention (and, after merging, the event it stands for)."""

    event_type: str
    sentence_index: int
    evidence_start: int
    evidence_end: int
    actors: list[Actor]
    place: PlaceLike | None
    occurred: Occurred | None
    casualties: Casualties | None
    confidence: float
    strength: str
    mentions: int = 1
    explicit_codes: set[str] = field(default_factory=set)
    headline: bool = False  # stated in a title or sub-heading line
    background: bool = True  # every mention is pluperfect or dated only by a year (no default date)
    default_date: Occurred | None = None  # the news default date (around publication) of an undated mention
    place_inferred: bool = False  # the place comes from a neighbouring sentence, not the mention's own
    country_hint: str | None = None  # the country the mention names when it gives no usable place ("in Syrien")
    trace: list[str] = field(default_factory=list)  # the decisions that made it, for `extract --explain`

    def codes(self, *roles: str) -> set[str]:
        return {a.code for a in self.actors if not roles or a.role in roles}


def km(a: PlaceLike, b: PlaceLike) -> float:
    lat1, lon1, lat2, lon2 = (math.radians(x) for x in (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def same_place(a: PlaceLike | None, b: PlaceLike | None) -> bool | None:
    if a is None or b is None:
        return None
    return a.name == b.name or km(a, b) <= NEAR_KM


def _dates_compatible(a: Occurred | None, b: Occurred | None) -> bool:
    if a is None or b is None:
        return True
    return a.start - _MAX_DATE_GAP <= b.end and b.start - _MAX_DATE_GAP <= a.end


def _actors_compatible(a: Candidate, b: Candidate, place: bool | None) -> bool:
    if a.event_type == OFFENSIVE:
        ca, cb = a.codes("attacker"), b.codes("attacker")
        if (ca - cb) & b.codes("target") or (cb - ca) & a.codes("target"):
            return False  # opposing attacks: one side's attacker is the other's target ("Israel reagierte ...")
        return not ca or not cb or bool(ca & cb) or bool(place)
    if a.event_type == TALKS:
        ca, cb = a.codes(), b.codes()
        return bool(place) or not ca or not cb or ca <= cb or cb <= ca
    if a.event_type == RESOLUTION:
        ca, cb = a.codes("blocked_by"), b.codes("blocked_by")
        sa, sb = a.codes("sponsor"), b.codes("sponsor")
        if (ca & sb) or (cb & sa):
            return False  # one draft's sponsor blocked the other: two drafts
        if not ca and not cb:
            return not sa or not sb or bool(sa & sb)
        return not ca or not cb or bool(ca & cb)
    ca, cb = a.codes(), b.codes()
    return not ca or not cb or bool(ca & cb)


def _contains(a: PlaceLike, b: PlaceLike) -> bool:
    """`a` is a region or country that may hold `b` (same country, coarser precision)."""
    return (
        a.country is not None
        and a.country == b.country
        and _PLACE_ORDER.get(a.precision, 3) > _PLACE_ORDER.get(b.precision, 3)
    )


def _one_campaign(a: Candidate, b: Candidate, place: bool | None) -> bool:
    if place is not False or a.place is None or b.place is None or a.event_type not in (OFFENSIVE, CEASEFIRE):
        return False
    if not (_contains(a.place, b.place) or _contains(b.place, a.place)):
        return False
    ca, cb = a.codes("attacker"), b.codes("attacker")
    return a.event_type == CEASEFIRE or not ca or not cb or bool(ca & cb)


def compatible(a: Candidate, b: Candidate) -> bool:
    if a.event_type != b.event_type:
        return False
    place = same_place(a.place, b.place)
    if place is False and a.event_type == TALKS and (a.place_inferred or b.place_inferred):
        place = None  # "sagte Steinmeier nach dem Gespräch": a venue borrowed from the next sentence is weak
    if _one_campaign(a, b, place):
        place = None  # "Offensive in Nordsyrien" and "rückten in Afrin ein": the town is the better place
    if place is None and _other_country(a, b):
        return False  # "Stellungen des IS in Syrien bombardiert" is not the strike on the Kandil mountains
    if place is False or not _dates_compatible(_date_against(a, b), _date_against(b, a)):
        return False
    if a.event_type in _ACTING and _earlier_phase(a, b, _ACTING[a.event_type]):
        return False
    if a.event_type == TALKS and not _same_days(a.occurred, b.occurred):
        return False  # talks on Monday and talks on Wednesday are two meetings
    if a.event_type == CEASEFIRE:
        # an article's ceasefire mentions with compatible place and date are one truce; two announced
        # on different days ("am Donnerstag" the government's, "am Samstag" the rebels') are two
        return _same_days(a.occurred, b.occurred)
    return _actors_compatible(a, b, place)


def _other_country(a: Candidate, b: Candidate) -> bool:
    for x, y in ((a, b), (b, a)):
        if x.place is None and x.country_hint and y.place is not None and y.place.country not in (None, x.country_hint):
            return True
    return False


def _date_against(c: Candidate, other: Candidate) -> Occurred | None:
    """The date `c` is compared with: an undated mention of today's news ("haben sich auf eine
    Feuerpause geeinigt") is around publication when set against an earlier event told in the
    pluperfect ("Ende Juni hatte die Kontaktgruppe eine Waffenruhe beschlossen"). An undated offensive
    goes on from a phase told before ("Seither rückten sie vor"), unless that phase lies more than a
    quarter year back ("Als der IS die Stadt im August 2014 überrannte")."""
    o = other.occurred
    if c.occurred is not None or c.background or c.default_date is None or o is None or o.precision == "year":
        return c.occurred
    if c.event_type != OFFENSIVE:
        return c.default_date if other.background else None
    if o.text is not None and (c.default_date.start - o.end > _MAX_SPAN or o.start - c.default_date.end > _MAX_SPAN):
        return c.default_date
    return None


def _earlier_phase(a: Candidate, b: Candidate, role: str) -> bool:
    """An earlier event told in the pluperfect with its own day ("Die Taliban hatten Kundus am Montag
    überrannt", "Dieser hatte am Donnerstag eine Waffenruhe verkündet") beside another party's event
    on other days: two events. Two pluperfect steps with their own days are two as well."""
    if not (a.background or b.background):
        return False
    da, db = _date_against(a, b), _date_against(b, a)
    if da is None or db is None or "day" not in (da.precision, db.precision):
        return False
    if (a.background and da.text is None) or (b.background and db.text is None):
        return False  # the earlier event needs its own date
    if da.start <= db.end and db.start <= da.end:
        return False
    if a.background and b.background and da.precision == db.precision == "day":
        return True  # "am Montag hatten ...", "am Donnerstag waren ..."
    ca, cb = a.codes(role), b.codes(role)
    return bool(ca) and bool(cb) and not ca & cb


def _same_days(a: Occurred | None, b: Occurred | None) -> bool:
    if a is None or b is None or a.precision != "day" or b.precision != "day":
        return True
    return a.start - dt.timedelta(days=1) <= b.end and b.start - dt.timedelta(days=1) <= a.end


def _affinity(a: Candidate, b: Candidate) -> tuple[int, int]:
    return (1 if same_place(a.place, b.place) else 0, len(a.codes() & b.codes()))


def _merge_dates(a: Occurred | None, b: Occurred | None) -> Occurred | None:
    if a is None or b is None:
        return a or b
    start, end = min(a.start, b.start), max(a.end, b.end)
    if end - start > _MAX_SPAN:
        return a
    if (start, end) == (a.start, a.end):
        return a
    if (start, end) == (b.start, b.end):
        return b
    coarse = max(a.precision, b.precision, key=lambda p: _PRECISION_ORDER[p])
    texts = "; ".join(t for t in (a.text, b.text) if t)
    return Occurred(start=start, end=end, precision=coarse, text=texts or None)


def _merge_actors(a: list[Actor], b: list[Actor]) -> list[Actor]:
    out = list(a)
    seen = {(x.code, x.role) for x in a}
    strong = {x.code for x in a if x.role in ("attacker", "participant", "announced_by", "blocked_by")}
    for x in b:
        if (x.code, x.role) in seen or (x.role in ("target", "mediator", "party", "sponsor") and x.code in strong):
            continue
        seen.add((x.code, x.role))
        out.append(x)
    return out


def _better_place(a: PlaceLike | None, b: PlaceLike | None) -> PlaceLike | None:
    if a is None or b is None:
        return a or b
    return b if _PLACE_ORDER.get(b.precision, 3) < _PLACE_ORDER.get(a.precision, 3) else a


def absorb(into: Candidate, other: Candidate) -> None:
    """Merge `other` into `into` (in place)."""
    if (other.confidence, -other.evidence_start) > (into.confidence, -into.evidence_start):
        into.evidence_start, into.evidence_end = other.evidence_start, other.evidence_end
        into.sentence_index = other.sentence_index
    into.actors = _merge_actors(into.actors, other.actors)
    if into.place_inferred and not other.place_inferred and other.place is not None:
        into.place, into.place_inferred = other.place, False
    elif not (other.place_inferred and into.place is not None):
        into.place = _better_place(into.place, other.place)
    if not (other.background and not into.background and into.occurred is None):
        # an earlier phase ("hatten im Januar ... erobert") does not date today's undated news
        into.occurred = _merge_dates(into.occurred, other.occurred)
    into.casualties = merge_casualties(into.casualties, other.casualties)
    into.confidence = max(into.confidence, other.confidence)
    into.mentions += other.mentions
    into.trace.append(f"merged the {other.event_type} mention of sentence {other.sentence_index + 1}")
    into.trace.extend(other.trace)
    into.explicit_codes |= other.explicit_codes
    into.background = into.background and other.background
    if other.strength == "strong":
        into.strength = "strong"


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """Cluster candidates greedily in text order; placed mentions first so placeless ones join them.
    Headline mentions never make an event of their own: they only fill a missing place of a
    compatible event from the body."""
    clusters: list[Candidate] = []
    ordered = sorted(candidates, key=lambda c: (c.place is None, c.evidence_start))
    for cand in ordered:
        if cand.headline:
            continue
        matches = [c for c in clusters if compatible(c, cand)]
        if matches:
            absorb(max(matches, key=lambda c: _affinity(c, cand)), cand)
        else:
            clusters.append(cand)
    for cand in ordered:
        if not cand.headline:
            continue
        matches = [c for c in clusters if compatible(c, cand)]
        if matches:
            into = max(matches, key=lambda c: _affinity(c, cand))
            into.place = into.place or cand.place
    for c in clusters:
        c.confidence = round(min(0.95, c.confidence + 0.05 * (c.mentions - 1)), 2)
    return sorted(clusters, key=lambda c: c.evidence_start)


__all__ = ["CEASEFIRE", "Candidate", "absorb", "compatible", "merge", "same_place"]
