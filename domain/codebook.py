"""The codebook as data: what `GET /codebook` serves, built from the domain's own vocabulary
(event types, roles, precisions, modality cue tables, the actor catalogue), so the published
codebook cannot drift from what the code does. Tests check that every role, precision,
modality cue and gazetteer code appears here.
"""

from __future__ import annotations

import msgspec

from domain.events.common import PlacePrecision, Precision, Role
from domain.events.conflict import CONFLICT_EVENT_TYPES, ROLES_BY_TYPE
from domain.extraction import EXTRACTOR_VERSION
from domain.gazetteer.catalogue import ActorCode, actor_codes

_DEFINITIONS: dict[str, tuple[str, str, str]] = {  # type -> (definition, CAMEO, PLOVER)
    "TalksHeld": (
        "Representatives of two or more parties met, negotiated or consulted about the conflict, in person, "
        "by phone or by video: a round of negotiations, a summit, a phone call between ministers.",
        "040-046 (036 is talks only announced)",
        "CONSULT",
    ),
    "CeasefireAnnounced": (
        "A party declared, or parties agreed, a ceasefire, truce or humanitarian pause, local or nationwide. "
        "Negotiating one to agreement counts.",
        "0871 declare ceasefire",
        "CONCEDE",
    ),
    "OffensiveLaunched": (
        "An armed actor started or is conducting a military offensive against a place or opponent: ground "
        "assault, advance, siege, capture or recapture of territory, a bombing campaign. One sustained "
        "offensive reported several times in one article is one event.",
        "190, 192-195 (138 is an offensive only threatened)",
        "ASSAULT",
    ),
    "ResolutionBlocked": (
        "A draft resolution in an international body (by default the UN Security Council) was vetoed, "
        "voted down or otherwise blocked.",
        "129 veto",
        "REJECT",
    ),
}

_ROLE_MEANINGS: dict[Role, str] = {
    "participant": "a party that took part in the talks",
    "mediator": "a third party that hosted, chaired or brokered the talks",
    "announced_by": "the party that declared the ceasefire",
    "party": "a party bound by the ceasefire",
    "attacker": "the armed actor conducting the offensive",
    "target": "the opponent the offensive is directed against",
    "blocked_by": "the member that vetoed or voted down the draft",
    "sponsor": "the member that drafted or tabled the resolution",
}

# One sentence per modality class; the keys are the cue tables of the extraction lexicons.
MODALITY_RULES: dict[str, str] = {
    "realised": "Only a realised fact becomes an event: something that happened or is under way, as reported.",
    "planned": "A plan, schedule or announcement of a future event is not an event (talks 'are to take place').",
    "demanded": "A call, demand or appeal for an event is not an event ('called for a ceasefire').",
    "conditional": "A conditional is not an event ('should Russia oppose this ...').",
    "hypothetical": "A hypothetical or speculation is not an event ('could lead to talks').",
    "counterfactual": "A counterfactual is not an event ('would have agreed to a truce').",
    "negated": "A negated event is not an event ('no talks took place').",
    "denied": "An event a party denies is not stated as fact and is not an event.",
    "broken": "Talks broken off, postponed or cancelled are not talks held.",
    "ceasefire_ended": "A ceasefire that ended or collapsed is not a ceasefire announced.",
    "background_relative": "A background state told as history ('the truce has held since spring') is not a new event.",
    "planned_attributive": "A plan word qualifying a noun ('ahead of planned talks, jets bombed ...') makes "
    "only that noun's event planned.",
    "planned_goal": "A goal named after an event ('held talks aimed at a truce') is its aim: the event is realised, "
    "the goal is not.",
    "consequence_after": "An event named again as the cause of what followed ('the airstrike prompted a review') "
    "is a reference, not a new event.",
    "sports_article": "Sports reports ('offensive', 'attack', 'truce' in a match) yield no events.",
}

_PLACE_PRECISIONS: dict[PlacePrecision, str] = {
    "city": "a city, town, village or a venue within one (coordinates of that place)",
    "region": "a province, governorate, oblast or other region (coordinates of its centre)",
    "country": "the country as a whole, e.g. a nationwide ceasefire (the country's centroid)",
}
_DATE_PRECISIONS: dict[Precision, str] = {
    "day": "the day is known (start and end may span several days: 'since Wednesday')",
    "week": "the week is known ('last week'): start and end bound it",
    "month": "the month is known, or a part of it ('mid-September': the 11th to the 20th)",
    "year": "only the year is known",
}
CONFIDENCE = (
    "A calibrated probability that the event is right under the strict score (type, place, actors and date "
    "as a careful coder would state them): of the events given 0.8, about 8 in 10 should be right on text "
    "nobody tuned on. `min_confidence` filters on it, trading recall for precision."
)


class RoleEntry(msgspec.Struct, frozen=True, kw_only=True):
    role: Role
    meaning: str


class EventTypeEntry(msgspec.Struct, frozen=True, kw_only=True):
    type: str
    definition: str
    cameo: str
    plover: str
    roles: list[RoleEntry]


class ModalityRule(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    rule: str


class PrecisionEntry(msgspec.Struct, frozen=True, kw_only=True):
    value: str
    meaning: str


class Codebook(msgspec.Struct, frozen=True, kw_only=True):
    extractor_version: str
    event_types: list[EventTypeEntry]
    modality: list[ModalityRule]
    actor_code_patterns: list[PrecisionEntry]
    actors: list[ActorCode]
    place_precisions: list[PrecisionEntry]
    date_precisions: list[PrecisionEntry]
    confidence: str


_PATTERNS = {
    "<ISO3>": "a state, its government, army, ministers and envoys: ISO 3166-1 alpha-3 (a person stands for "
    "the state or body they represent)",
    "<ISO3>-REB": "insurgents and armed opposition fighting that state's government",
    "<ISO3>-MIL": "militias and paramilitaries of that country, including pro-government ones",
}


def codebook() -> Codebook:
    return Codebook(
        extractor_version=EXTRACTOR_VERSION,
        event_types=[_event_type(t.__name__) for t in CONFLICT_EVENT_TYPES],
        modality=[ModalityRule(name=k, rule=v) for k, v in MODALITY_RULES.items()],
        actor_code_patterns=[PrecisionEntry(value=k, meaning=v) for k, v in _PATTERNS.items()],
        actors=list(actor_codes().values()),
        place_precisions=[PrecisionEntry(value=k, meaning=v) for k, v in _PLACE_PRECISIONS.items()],
        date_precisions=[PrecisionEntry(value=k, meaning=v) for k, v in _DATE_PRECISIONS.items()],
        confidence=CONFIDENCE,
    )


def _event_type(name: str) -> EventTypeEntry:
    definition, cameo, plover = _DEFINITIONS[name]
    roles = [RoleEntry(role=r, meaning=_ROLE_MEANINGS[r]) for r in ROLES_BY_TYPE[name]]
    return EventTypeEntry(type=name, definition=definition, cameo=cameo, plover=plover, roles=roles)
