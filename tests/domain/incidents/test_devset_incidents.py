"""The devset (`../shared/devset`): pairwise precision and recall of "same incident".

For each gold file the extractor runs on every article, its events are matched to the gold
events with the scorer's strict matching (same type, and every argument the gold states agrees),
all of them are folded into incidents in publication order, and every pair of matched gold
events from different articles is scored: the gold says same incident or not (its `incident`
ids), the fold says same incident or not. Scored twice: over every matched gold event, and over
the mandatory ones only (an `optional` gold event is neither rewarded nor punished by the
scorer; most are years-old background such as "since the invasion").

Only the tune half runs here: the check half is the lead's blind measurement. The floors are
the figures measured when the rule was last changed; the issue's goal is 0.9 for both. Skips
where the devset is absent (third-party text, never copied into this repository).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import json
import uuid
from pathlib import Path
from types import ModuleType
from typing import Any

import msgspec
import pytest

from domain.extraction import extract
from domain.incidents import Report, assign, incident_of

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
DEVSET = SHARED / "devset"
SCORER = SHARED / "tools" / "score_events.py"
NAMESPACE = uuid.UUID("0e0c2b1a-8f7d-4a55-b0d8-2f3c1c7f4a90")

# (language, mandatory only) -> (precision, recall) on tune, strict matching, extractor rules-2.2.3,
# measured with the campaign rule (one town, a common attacker, until a truce that held), the
# 10 km same town, long ranges cut to their last days and roles swapped only both ways. Before
# it: de (0.286, 0.194) / mandatory (0.5, 0.24); en (0.333, 0.333) / mandatory (0.6, 0.5).
# German stays below the goal, and mostly not for the rule: the Gaza war of 2023-24 (one gold
# incident over ten months) and the 7 October attack on Israel (another) are extracted in the same
# articles at the same place with fused or swapped attackers, and the gold lists no roles, so the
# matcher pairs the two predictions with the two gold events in article order; the extractor
# places the Gaza Strip at Gaza city, so Khan Yunis (25 km) is another town for the campaign.
FLOORS = {
    # re-measured with extractor rules-2.3.1: an attack on a foreign state is placed in it, not at the war's
    # town, and so is an unplaced later mention by the same attackers; a person before a colon or a German
    # speaker of a report about others is no party; facilities "der Hamas" attacked are targets. With
    # rules-2.2.8: de 0.375/0.29 and mandatory 0.6/0.36; en unchanged.
    ("de", False): (0.703, 0.633),
    ("de", True): (0.947, 0.75),
    ("en", False): (0.5, 0.666),
    ("en", True): (1.0, 1.0),
}

pytestmark = pytest.mark.skipif(not (DEVSET.is_dir() and SCORER.is_file()), reason="../shared/devset is absent")


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_events", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Pairs(msgspec.Struct, kw_only=True):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def _reports_and_gold(language: str, mandatory: bool) -> tuple[list[Report], dict[uuid.UUID, tuple[str, str]]]:
    """Every extracted event as a report (publication order), and for the matched ones
    (article id, gold incident id)."""
    folder = DEVSET / language
    gold = json.loads((folder / "gold-tune.json").read_text(encoding="utf-8"))
    manifest = {a["id"]: a for a in json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["articles"]}
    match_article = _scorer().match_article
    reports: list[Report] = []
    gold_of: dict[uuid.UUID, tuple[str, str]] = {}
    articles = sorted(gold["articles"], key=lambda a: (a.get("published") or "", a["id"]))
    for article in articles:
        text = (folder / article["file"]).read_text(encoding="utf-8")
        events = extract(text, published_at=article.get("published"), language=language)
        preds = [msgspec.to_builtins(e) for e in events]
        matched, _, _ = match_article(preds, article["events"], strict=True)
        incident_by_pred = {id(p): g["incident"] for p, g in matched if not (mandatory and g.get("optional"))}
        source = manifest.get(article["id"], {}).get("source") or article["id"]
        for n, (event, pred) in enumerate(zip(events, preds, strict=True)):
            event_id = uuid.uuid5(NAMESPACE, f"{article['id']}#{n}")
            reports.append(
                Report(
                    event_id=event_id,
                    article_id=uuid.uuid5(NAMESPACE, article["id"]),
                    outlet=str(source),
                    published=_date(article.get("published")),
                    position=len(reports) + 1,
                    event=event,
                )
            )
            if id(pred) in incident_by_pred:
                gold_of[event_id] = (article["id"], incident_by_pred[id(pred)])
    return reports, gold_of


def _pairwise(language: str, mandatory: bool) -> _Pairs:
    reports, gold_of = _reports_and_gold(language, mandatory)
    incidents = assign(reports).incidents
    predicted = {}
    for event_id in gold_of:
        incident = incident_of(incidents, event_id)
        assert incident is not None
        predicted[event_id] = incident.id
    pairs = _Pairs()
    for a, b in itertools.combinations(sorted(gold_of), 2):
        (article_a, gold_a), (article_b, gold_b) = gold_of[a], gold_of[b]
        if article_a == article_b:
            continue
        same_gold, same_predicted = gold_a == gold_b, predicted[a] == predicted[b]
        pairs.tp += same_gold and same_predicted
        pairs.fp += same_predicted and not same_gold
        pairs.fn += same_gold and not same_predicted
    return pairs


@pytest.mark.parametrize(("language", "mandatory"), sorted(FLOORS))
def test_same_incident_pairs_hold_their_measured_precision_and_recall(language: str, mandatory: bool) -> None:
    pairs = _pairwise(language, mandatory)
    print(
        f"{language} tune {'mandatory' if mandatory else 'all matched'}: pairwise same-incident"
        f" P {pairs.precision():.3f} R {pairs.recall():.3f} (tp {pairs.tp}, fp {pairs.fp}, fn {pairs.fn})"
    )
    floor_p, floor_r = FLOORS[(language, mandatory)]
    assert pairs.precision() >= floor_p
    assert pairs.recall() >= floor_r
