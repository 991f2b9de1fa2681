"""Split the devset's tune half into tune-A (develop on its errors) and tune-B (measure only).

    .venv/bin/python tools/split_tune.py build              # writes /tmp/x3/{in,gold}-{de,en}-{A,B}.*
    .venv/bin/python tools/split_tune.py score              # strict figures of A and B per language
    .venv/bin/python tools/split_tune.py score --errors A   # plus A's per-article misses

The split is deterministic: a language's tune articles sorted by id, every third one (index 2, 5,
8, ...) to B, the rest to A, so both parts draw on every outlet and month. B's errors are never
printed: it stands in for text nobody tuned on. The check half is not read.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import msgspec

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from domain.extraction import extract  # noqa: E402

DEVSET = REPO.parent / "shared" / "devset"
SCORER = REPO.parent / "shared" / "tools" / "score_events.py"
OUT = Path("/tmp/x3")
LANGUAGES = ("de", "en")
PARTS = ("A", "B")


def part_of(index: int) -> str:
    return "B" if index % 3 == 2 else "A"


def split(language: str) -> dict[str, dict[str, Any]]:
    """The tune gold of a language as two gold documents, A and B, in the scorer's format."""
    gold = json.loads((DEVSET / language / "gold-tune.json").read_text(encoding="utf-8"))
    articles = sorted(gold["articles"], key=lambda a: str(a["id"]))
    parts: dict[str, dict[str, Any]] = {p: {"about": gold.get("about", ""), "articles": []} for p in PARTS}
    for index, article in enumerate(articles):
        parts[part_of(index)]["articles"].append(article)
    return parts


def build() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        for part, doc in split(language).items():
            (OUT / f"gold-{language}-{part}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            with (OUT / f"in-{language}-{part}.jsonl").open("w", encoding="utf-8") as fh:
                for article in doc["articles"]:
                    text = (DEVSET / language / article["file"]).read_text(encoding="utf-8")
                    row = {
                        "id": article["id"],
                        "text": text,
                        "published_at": article.get("published"),
                        "language": article.get("language", language),
                    }
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            print(f"{language} {part}: {len(doc['articles'])} articles -> {OUT}/in-{language}-{part}.jsonl")


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_events", SCORER)
    if spec is None or spec.loader is None:
        sys.exit(f"no scorer at {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(doc: dict[str, Any], language: str) -> dict[str, list[dict[str, Any]]]:
    predictions = {}
    for article in doc["articles"]:
        text = (DEVSET / language / article["file"]).read_text(encoding="utf-8")
        events = extract(text, published_at=article.get("published"), language=language)
        predictions[article["id"]] = [msgspec.to_builtins(e) for e in events]
    return predictions


def _print_errors(report: dict[str, Any]) -> None:
    for art in report["articles"]:
        for p in art["false_positives"]:
            print(f"  {art['id']}  false positive  {p['type']:<20} {p['evidence']}")
        for g in art["missed"]:
            print(f"  {art['id']}  missed          {g['type']:<20} {g['note']}")


def score(errors_of: str | None) -> None:
    scorer = _scorer()
    for language in LANGUAGES:
        for part, doc in split(language).items():
            report = scorer.score(doc, _predict(doc, language))
            s, e = report["strict"], report["events"]
            print(
                f"{language} {part}: strict P={s['precision']} R={s['recall']} F1={s['f1']} "
                f"(tp={s['tp']} fp={s['fp']} fn={s['fn']}); event F1={e['f1']}"
            )
            if part == errors_of == "A":
                _print_errors(report)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("build")
    sc = sub.add_parser("score")
    sc.add_argument("--errors", choices=("A",), default=None, help="print tune-A's misses (never B's)")
    args = parser.parse_args()
    if args.cmd == "build":
        build()
    else:
        score(args.errors)


if __name__ == "__main__":
    main()
