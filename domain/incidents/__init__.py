"""Incidents: events from different articles that report the same real-world occurrence.

`model.py` the values (Report in, Incident out), `linking.py` the resolution rule (RULES, link,
apply, leave, assign and the decisions), `summary.py` an incident's aggregate, `projection.py`
what each log event means to the incidents read model and the served `IncidentView`. Pure: no I/O.
"""

from __future__ import annotations

from domain.incidents.linking import (
    RULES,
    TRUCE_TYPE,
    Assignment,
    Decision,
    EventJoined,
    EventLeft,
    IncidentOpened,
    IncidentsMerged,
    LinkDecision,
    TypeRule,
    apply,
    assign,
    compatible,
    incident_of,
    leave,
    link,
    truces_of,
)
from domain.incidents.model import (
    ActorTally,
    CasualtyFigure,
    CasualtyRange,
    DateRange,
    Incident,
    Member,
    Report,
    Retraction,
    Sources,
    incident_id_for,
)
from domain.incidents.summary import build_incident

__all__ = [
    "RULES",
    "TRUCE_TYPE",
    "ActorTally",
    "Assignment",
    "CasualtyFigure",
    "CasualtyRange",
    "DateRange",
    "Decision",
    "EventJoined",
    "EventLeft",
    "Incident",
    "IncidentOpened",
    "IncidentsMerged",
    "LinkDecision",
    "Member",
    "Report",
    "Retraction",
    "Sources",
    "TypeRule",
    "apply",
    "assign",
    "build_incident",
    "compatible",
    "incident_id_for",
    "incident_of",
    "leave",
    "link",
    "truces_of",
]
