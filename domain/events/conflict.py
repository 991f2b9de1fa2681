"""The four core conflict event types of the codebook (docs/codebook.md).

Each is a fact extracted from one article. Tags are explicit and stable: renaming a
class must never break stored events. Evolve only by adding fields with defaults.
"""

from __future__ import annotations

import msgspec

from domain.events.common import Actor, Casualties, Evidence, Location, Occurred, Role


class _ExtractedEvent(msgspec.Struct, frozen=True, kw_only=True, tag_field="type"):
    occurred: Occurred | None = None
    location: Location | None = None
    actors: tuple[Actor, ...] = ()
    casualties: Casualties | None = None
    evidence: Evidence
    confidence: float = 0.5


class TalksHeld(_ExtractedEvent, frozen=True, kw_only=True, tag="TalksHeld"):
    """Representatives of two or more parties met, negotiated or consulted."""


class CeasefireAnnounced(_ExtractedEvent, frozen=True, kw_only=True, tag="CeasefireAnnounced"):
    """A party declared, or parties agreed, a ceasefire / truce / humanitarian pause."""


class OffensiveLaunched(_ExtractedEvent, frozen=True, kw_only=True, tag="OffensiveLaunched"):
    """An armed actor started or is conducting a military offensive."""


class ResolutionBlocked(_ExtractedEvent, frozen=True, kw_only=True, tag="ResolutionBlocked"):
    """A draft resolution in an international body was vetoed, voted down or blocked."""


ConflictEvent = TalksHeld | CeasefireAnnounced | OffensiveLaunched | ResolutionBlocked
CONFLICT_EVENT_TYPES: tuple[type[_ExtractedEvent], ...] = (
    TalksHeld,
    CeasefireAnnounced,
    OffensiveLaunched,
    ResolutionBlocked,
)
CONFLICT_TYPE_NAMES: frozenset[str] = frozenset(t.__name__ for t in CONFLICT_EVENT_TYPES)

# The roles each type's actors may take (codebook: "main roles").
ROLES_BY_TYPE: dict[str, tuple[Role, ...]] = {
    "TalksHeld": ("participant", "mediator"),
    "CeasefireAnnounced": ("announced_by", "party"),
    "OffensiveLaunched": ("attacker", "target"),
    "ResolutionBlocked": ("blocked_by", "sponsor"),
}
