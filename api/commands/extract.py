"""`conflictdb extract`: run the extractor on a file or a JSONL stream (owned by the extraction work).

conflictdb extract FILE [--published 2016-10-12] [--lang de|en|auto]  -> {"language", "events": [...]}
conflictdb extract --jsonl < articles.jsonl > events.jsonl             -> {"id", "language", "events"} per line
conflictdb extract FILE --explain                                     -> every trigger's fate, each event's decisions

Without a language (`--lang auto`, the default, or a JSONL line without "language") it is
detected; "language" in the output says which was used and how it was decided.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

import msgspec

from domain.errors import ValidationError
from domain.extraction import Detected, Explanation, explain_article, extract, resolve_language

AUTO = "auto"


class _Article(msgspec.Struct, kw_only=True):
    id: str | int
    text: str
    published_at: str | None = None
    language: str | None = None


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser("extract", help="extract events from an article or JSONL")
    parser.add_argument("file", nargs="?", help="article text file (UTF-8)")
    parser.add_argument("--published", default=None, help="publication date: YYYY-MM-DD, YYYY-MM or ISO datetime")
    parser.add_argument("--lang", default=AUTO, help="article language, de or en, or auto to detect it (default: auto)")
    parser.add_argument("--jsonl", action="store_true", help="read JSONL articles on stdin, write JSONL events")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print, for FILE, every trigger's fate and the decisions behind each event",
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    if args.jsonl:
        return _run_jsonl(sys.stdin, sys.stdout, sys.stderr)
    if not args.file:
        raise ValidationError("give an article FILE or --jsonl")
    path = Path(args.file)
    if not path.is_file():
        raise ValidationError(f"no such file: {args.file}")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"cannot read {args.file}: {exc}") from exc
    language = resolve_language(None if args.lang == AUTO else args.lang, text)
    if args.explain:
        sys.stdout.write(_explained(explain_article(text, published_at=args.published, language=language.language)))
        return 0
    events = extract(text, published_at=args.published, language=language.language)
    sys.stdout.write(msgspec.json.encode({"language": language, "events": events}).decode() + "\n")
    return 0


def _explained(explanation: Explanation) -> str:
    lines = [f"{len(explanation.events)} event(s)"]
    for number, traced in enumerate(explanation.events, 1):
        event = traced.event
        actors = ", ".join(f"{a.code} {a.role}" for a in event.actors) or "no actors"
        place = event.location.name if event.location else "no place"
        lines.append(f"event {number}: {type(event).__name__} ({actors}; {place})")
        lines.extend(f"  {step}" for step in traced.trace)
    lines.append("triggers not taken:" if explanation.notes else "every trigger was taken")
    lines.extend(f"  {note}" for note in explanation.notes)
    return "\n".join(lines) + "\n"


def _run_jsonl(stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    decoder = msgspec.json.Decoder(_Article)
    failed = 0
    for number, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            article = decoder.decode(line)
        except msgspec.DecodeError as exc:
            failed += 1
            print(f"conflictdb extract: line {number}: {exc}", file=stderr)
            continue
        language: Detected = resolve_language(article.language, article.text)
        events = extract(article.text, published_at=article.published_at, language=language.language)
        stdout.write(msgspec.json.encode({"id": article.id, "language": language, "events": events}).decode() + "\n")
    return 1 if failed else 0
