"""Extraction throughput: articles per second on one core, and the cost of each stage.

The corpus is the seeds plus, where `../shared/devset` is present, its real articles (German and
English), repeated to 1,000+ articles; best of three rounds, so a busy machine disturbs the figure
less. The floor is the extraction-v2 goal (30 articles/s with the linguistic layer). A second pass
times each stage (wrapping the stage functions) and prints its share of the time.

Prints one JSON object per figure, one per line.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain.extraction import extract, linguistic, pipeline, roles  # noqa: E402

TARGET = 30.0
MIN_ARTICLES = 1000
ROUNDS = 3
DEVSET = ROOT.parent / "shared" / "devset"

Article = tuple[str, str | None, str]

# stage -> (module, function name): the pipeline's stages as the engine calls them
STAGES = {
    "triggers (whole-text scan)": (pipeline, "scan_triggers"),
    "sentences": (pipeline, "split_sentences"),
    "mentions (actors, places)": (roles, "build_context"),
    "modality": (pipeline, "modality"),
    "linguistic layer (HanTa)": (pipeline, "analyse"),
    "arguments (roles, places, dates)": (pipeline, "_candidate"),
    "linking (merge)": (pipeline, "merge"),
}


def _articles() -> list[Article]:
    manifest = json.loads((ROOT / "seeds" / "manifest.json").read_text(encoding="utf-8"))
    rows: list[Article] = [
        ((ROOT / "seeds" / a["file"]).read_text(encoding="utf-8"), a.get("published"), "de")
        for a in manifest["articles"]
    ]
    for language in ("de", "en"):
        gold = DEVSET / language / "gold-tune.json"
        if gold.is_file():
            for a in json.loads(gold.read_text(encoding="utf-8"))["articles"]:
                rows.append(((DEVSET / language / a["file"]).read_text(encoding="utf-8"), a.get("published"), language))
    return rows * (MIN_ARTICLES // len(rows) + 1)


def _round(articles: list[Article]) -> float:
    started = time.perf_counter()
    for text, published, language in articles:
        extract(text, published_at=published, language=language)
    return time.perf_counter() - started


def _timed(spent: dict[str, float], stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[stage] += time.perf_counter() - started

    return wrapper


def _stage_costs(articles: list[Article]) -> dict[str, float]:
    """Seconds per stage over one pass (a stage's time includes the stages it calls)."""
    spent: dict[str, float] = defaultdict(float)
    originals = {stage: getattr(module, name) for stage, (module, name) in STAGES.items()}
    for stage, (module, name) in STAGES.items():
        setattr(module, name, _timed(spent, stage, originals[stage]))
    try:
        spent["total"] = _round(articles)
    finally:
        for stage, (module, name) in STAGES.items():
            setattr(module, name, originals[stage])
    return dict(spent)


def main() -> None:
    articles = _articles()
    for text, published, language in articles[:50]:  # warm-up: gazetteer, tagger models, regex caches
        extract(text, published_at=published, language=language)
    elapsed = min(_round(articles) for _ in range(ROUNDS))  # best round: least disturbed by other load
    rate = len(articles) / elapsed
    print(
        json.dumps(
            {
                "bench": "extract",
                "figure": "articles_per_s",
                "value": round(rate, 1),
                "unit": "articles/s",
                "articles": len(articles),
                "baseline": "target",
                "baseline_value": TARGET,
                "ratio": round(rate / TARGET, 2),
            }
        )
    )
    linguistic.clear_caches()  # the stage pass starts as cold as the first round did
    costs = _stage_costs(articles)
    total = costs.pop("total")
    for stage, seconds in costs.items():
        share = round(seconds / total, 3)
        per_article = round(1000 * seconds / len(articles), 3)
        figure = {"bench": "extract", "figure": "stage_share", "stage": stage, "share_of_time": share}
        print(json.dumps({**figure, "ms_per_article": per_article}))


if __name__ == "__main__":
    main()
