"""Calibrated confidence: the probability that an extracted event is right under the strict score.

The codebook defines `confidence` as calibrated: of the events given 0.8, about 8 in 10 should be
right (type, place, actors and date as the gold states them) on text nobody tuned on. A logistic
model over the event's features gives it. The features are plain facts about how the event was
found (its trigger, where its arguments came from, how often the article repeats it); the model's
coefficients are data (`data/confidence.json`), fitted on the devset's tune half by
`tools/fit_confidence.py` and checked on the other half.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from domain.extraction.lexicon import CEASEFIRE, OFFENSIVE, RESOLUTION, TALKS
from domain.extraction.merge import Candidate

MODEL_FILE = Path(__file__).with_name("data") / "confidence.json"

# Every feature the model knows, in a fixed order (the fit tool's columns).
FEATURES: tuple[str, ...] = (
    "heuristic",  # the rule-based estimate the extractor made before calibration (0.2–0.95)
    "talks",
    "ceasefire",
    "offensive",
    "resolution",
    "strong_trigger",
    "mentions_log",  # log of how many sentences of the article state the event
    "no_place",
    "place_borrowed",  # taken from a neighbouring sentence or the war's place
    "place_country",
    "no_actors",
    "actors_borrowed",  # some actor codes are not named in the event's own sentences
    "actor_codes",
    "own_date",  # a date stated in the text, not the default around publication
    "background",
    "english",
)

_TYPE_FEATURE = {TALKS: "talks", CEASEFIRE: "ceasefire", OFFENSIVE: "offensive", RESOLUTION: "resolution"}


@dataclass(frozen=True, slots=True)
class Model:
    intercept: float
    weights: dict[str, float]

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-z))


def features_of(candidate: Candidate, language: str) -> dict[str, float]:
    """The facts the model weighs, from one merged event (its candidate after the merge stage)."""
    codes = candidate.codes()
    features = dict.fromkeys(FEATURES, 0.0)
    features["heuristic"] = candidate.confidence
    features[_TYPE_FEATURE.get(candidate.event_type, "talks")] = 1.0
    features["strong_trigger"] = float(candidate.strength == "strong")
    features["mentions_log"] = math.log(max(candidate.mentions, 1))
    features["no_place"] = float(candidate.place is None)
    features["place_borrowed"] = float(candidate.place is not None and candidate.place_inferred)
    features["place_country"] = float(candidate.place is not None and candidate.place.precision == "country")
    features["no_actors"] = float(not codes)
    features["actors_borrowed"] = float(bool(codes - candidate.explicit_codes))
    features["actor_codes"] = float(min(len(codes), 4))
    features["own_date"] = float(candidate.occurred is not None)
    features["background"] = float(candidate.background)
    features["english"] = float(language.lower().startswith("en"))
    return features


@cache
def model() -> Model:
    """The shipped coefficients (read once)."""
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return Model(intercept=float(data["intercept"]), weights={k: float(v) for k, v in data["weights"].items()})


def calibrated(features: dict[str, float]) -> float:
    """The model's probability, rounded to two places as the wire format carries it."""
    return round(model().probability(features), 2)


__all__ = ["FEATURES", "MODEL_FILE", "Model", "calibrated", "features_of", "model"]
