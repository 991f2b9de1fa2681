"""Calibrated confidence: the model's features and its shipped coefficients."""

from __future__ import annotations

import json

from domain.extraction import confidence, extract
from domain.extraction.gazetteer_port import DefaultGazetteer
from domain.extraction.pipeline import run_traced

PUB = "2016-11-10"
WAR = "Im syrischen Bürgerkrieg gehen die Kämpfe weiter. "


def _traced(text: str) -> list[tuple[float, dict[str, float]]]:
    return [(t.event.confidence, t.features) for t in run_traced(text, PUB, "de", DefaultGazetteer())]


def test_the_shipped_model_names_only_known_features() -> None:
    data = json.loads(confidence.MODEL_FILE.read_text(encoding="utf-8"))
    assert set(data["weights"]) <= set(confidence.FEATURES)
    assert data["events"] > 0 and 0 < data["right"] <= data["events"]


def test_every_confidence_is_a_probability_with_two_decimals() -> None:
    text = WAR + "Syrische Regierungstruppen haben am Dienstag die Stadt Palmyra vom IS zurückerobert."
    (event,) = extract(text, published_at=PUB)
    assert 0.0 < event.confidence < 1.0
    assert round(event.confidence, 2) == event.confidence


def test_an_event_repeated_with_its_own_arguments_scores_above_one_with_borrowed_ones() -> None:
    repeated = (
        WAR + "Syrische Regierungstruppen haben am Dienstag die Stadt Palmyra vom IS zurückerobert. "
        "Die Rückeroberung von Palmyra durch die syrische Armee sei ein Erfolg, sagte ein Sprecher."
    )
    borrowed = WAR + "In der Region sollen Kampfjets Dörfer bombardiert haben."
    (sure, sure_features), *_ = _traced(repeated)
    unsure = _traced(borrowed)
    assert sure_features["mentions_log"] > 0
    assert all(score < sure for score, _ in unsure)


def test_features_record_where_the_arguments_came_from() -> None:
    text = WAR + "Syrische Regierungstruppen haben am Dienstag die Stadt Palmyra vom IS zurückerobert."
    ((_, features),) = _traced(text)
    assert features["offensive"] == 1.0 and features["talks"] == 0.0
    assert features["no_place"] == 0.0 and features["no_actors"] == 0.0
    assert features["own_date"] == 1.0 and features["english"] == 0.0


def test_the_model_is_monotone_in_its_evidence() -> None:
    model = confidence.Model(intercept=0.0, weights={"mentions_log": 1.0, "no_place": -1.0})
    base = dict.fromkeys(confidence.FEATURES, 0.0)
    more = {**base, "mentions_log": 1.0}
    placeless = {**base, "no_place": 1.0}
    assert model.probability(placeless) < model.probability(base) < model.probability(more)
