"""Fit the extractor's confidence model on the devset's tune half; report its calibration.

    .venv/bin/python tools/fit_confidence.py fit      # writes domain/extraction/data/confidence.json
    .venv/bin/python tools/fit_confidence.py report --half check
    .venv/bin/python tools/fit_confidence.py fit --part A     # fit on tune-A only (tools/split_tune.py)
    .venv/bin/python tools/fit_confidence.py report --part B  # its calibration on tune-B

`fit` runs the extractor over `../shared/devset/{de,en}` (tune), labels every predicted event
right or wrong under the strict score (the scorer's own matching), and fits a logistic regression
(scikit-learn, a build-time tool) over `domain.extraction.confidence.FEATURES`. Events matched to
an `optional` gold event are neither right nor wrong and are left out. `report` prints, for a
half, how many events fall in each confidence band and what share of them is right: the
calibration the codebook asks for (of events at >= 0.8, at least 8 in 10 right).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import msgspec

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from domain.extraction import confidence  # noqa: E402
from domain.extraction.gazetteer_port import DefaultGazetteer  # noqa: E402
from domain.extraction.pipeline import run_traced  # noqa: E402

sys.path.insert(0, str(REPO / "tools"))
import split_tune  # noqa: E402

DEVSET = REPO.parent / "shared" / "devset"
SCORER = REPO.parent / "shared" / "tools" / "score_events.py"
BANDS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01))


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_events", SCORER)
    if spec is None or spec.loader is None:
        sys.exit(f"no scorer at {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _articles(language: str, half: str, part: str | None) -> list[dict[str, Any]]:
    if part is not None:  # a part of the tune half (tools/split_tune.py)
        articles: list[dict[str, Any]] = split_tune.split(language)[part]["articles"]
        return articles
    gold = json.loads((DEVSET / language / f"gold-{half}.json").read_text(encoding="utf-8"))
    return list(gold["articles"])


def labelled(half: str, part: str | None = None) -> list[tuple[dict[str, float], int, str]]:
    """(features, 1 if strictly right else 0, language) for every predicted event of the half (or of
    one part, A or B, of the tune half)."""
    scorer, gaz = _scorer(), DefaultGazetteer()
    rows: list[tuple[dict[str, float], int, str]] = []
    for language in ("de", "en"):
        for article in _articles(language, half, part):
            text = (DEVSET / language / article["file"]).read_text(encoding="utf-8")
            traced = run_traced(text, article.get("published"), language, gaz)
            preds = [msgspec.to_builtins(t.event) for t in traced]
            matched, _, _ = scorer.match_article(preds, article["events"], strict=True)
            right = {id(p): g for p, g in matched}
            for t, pred in zip(traced, preds, strict=True):
                gold_event = right.get(id(pred))
                if gold_event is not None and gold_event.get("optional"):
                    continue
                rows.append((t.features, int(gold_event is not None), language))
    return rows


def fit(part: str | None = None) -> None:
    from sklearn.linear_model import LogisticRegression

    rows = labelled("tune", part)
    x = [[f[name] for name in confidence.FEATURES] for f, _, _ in rows]
    y = [label for _, label, _ in rows]
    # Few events: a strong L2 penalty keeps the weights small and the probabilities moderate.
    lr = LogisticRegression(C=0.5, max_iter=1000)
    lr.fit(x, y)
    model = {
        "fitted_on": f"devset tune{'-' + part if part else ''} (de + en)",
        "fitted": dt.date.today().isoformat(),
        "events": len(y),
        "right": sum(y),
        "intercept": round(float(lr.intercept_[0]), 4),
        "weights": {name: round(float(w), 4) for name, w in zip(confidence.FEATURES, lr.coef_[0], strict=True)},
    }
    confidence.MODEL_FILE.parent.mkdir(exist_ok=True)
    confidence.MODEL_FILE.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
    print(f"fitted on {len(y)} events ({sum(y)} right); wrote {confidence.MODEL_FILE.relative_to(REPO)}")


def report(half: str, part: str | None = None) -> dict[str, Any]:
    confidence.model.cache_clear()
    rows = labelled(half, part)
    name = half if part is None else f"{half}-{part}"
    out: dict[str, Any] = {"half": name, "events": len(rows), "right": sum(r for _, r, _ in rows), "bands": []}
    probs = [(confidence.model().probability(f), label) for f, label, _ in rows]
    for low, high in BANDS:
        band = [label for p, label in probs if low <= p < high]
        share = round(sum(band) / len(band), 3) if band else None
        out["bands"].append({"from": low, "to": min(high, 1.0), "events": len(band), "right_share": share})
    at_08 = [label for p, label in probs if p >= 0.8]
    out["at_or_above_0.8"] = {"events": len(at_08), "right_share": round(sum(at_08) / len(at_08), 3) if at_08 else None}
    out["brier"] = round(sum((p - label) ** 2 for p, label in probs) / len(probs), 4) if probs else None
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    fit_cmd = sub.add_parser("fit")
    fit_cmd.add_argument("--part", choices=split_tune.PARTS, default=None, help="fit on one part of tune only")
    rep = sub.add_parser("report")
    rep.add_argument("--half", default="tune", choices=("tune", "check"))
    rep.add_argument("--part", choices=split_tune.PARTS, default=None, help="one part of the tune half")
    args = parser.parse_args()
    if args.cmd == "fit":
        fit(args.part)
    else:
        print(json.dumps(report(args.half, args.part), indent=2))


if __name__ == "__main__":
    main()
