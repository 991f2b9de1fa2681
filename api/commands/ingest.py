"""`conflictdb ingest PATH...`: text files, folders (with manifest.json) or JSONL, through the same
ingestion path as POST /articles, with progress on stderr and a summary on stdout.

A text file's title is its first line (or its name). A folder's manifest.json, when
present, lists its files with `published` and `source`. A JSONL line is the extract
format {"id", "text", "published_at", "language"} plus optional title, url, source.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec

from api.commands.common import add_database_options, prepare_database, settings_from
from api.services import Services, open_services
from application.ingest import has_articles, submit_raw
from domain.errors import ConflictDBError
from domain.extraction.normalize import publication_hint
from infra.settings import Settings

TITLE_MAX = 200
CONCURRENCY = 4


class Item(msgspec.Struct, frozen=True):
    """One article to ingest, or the reason it could not even be read."""

    label: str
    raw: dict[str, Any] | None = None
    error: str | None = None


class Summary(msgspec.Struct, kw_only=True):
    created: int = 0
    duplicates: int = 0
    failed: int = 0
    events: Counter[str] = msgspec.field(default_factory=Counter)


def register(sub: Any) -> None:
    parser = sub.add_parser("ingest", help="ingest text files, folders or JSONL through the ingestion path")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a text file, a folder, or a .jsonl file")
    parser.add_argument("--language", choices=("de", "en"), help="language of text files without one [detected]")
    parser.add_argument("--quiet", action="store_true", help="no progress indication")
    add_database_options(parser)
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    items = list(collect(args.paths, language=args.language))
    url = prepare_database(settings_from(args))
    summary = asyncio.run(ingest_items(url, items, progress=not args.quiet))
    print(describe(summary))
    return 1 if summary.failed else 0


# --- reading inputs --------------------------------------------------------------------------------


def collect(paths: Sequence[Path], *, language: str | None = None) -> Iterator[Item]:
    for path in paths:
        if path.is_dir():
            yield from _folder(path, language)
        elif path.suffix == ".jsonl":
            yield from _jsonl(path)
        else:
            yield _text_file(path, {}, language)


def _folder(folder: Path, language: str | None) -> Iterator[Item]:
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        items = [
            item
            for path in sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".jsonl"})
            for item in collect([path], language=language)
        ]
        _warn_undated(folder, items)
        yield from items
        return
    try:
        entries = msgspec.json.decode(manifest.read_bytes())["articles"]
    except (OSError, msgspec.DecodeError, KeyError, TypeError) as exc:
        yield Item(str(manifest), error=f"unreadable manifest: {exc}")
        return
    for entry in entries:
        extra = {"published_at": entry.get("published"), "source": entry.get("source")}
        yield _text_file(folder / str(entry.get("file", "")), extra, entry.get("language") or language)


def _warn_undated(folder: Path, items: Sequence[Item]) -> None:
    """Without a manifest nothing dates the articles: say which ones relative dates ("on Tuesday")
    cannot be resolved in, and how to give their dates."""
    undated = [item.label for item in items if item.raw is not None and not _dated(item.raw)]
    for label in undated:
        print(f"conflictdb ingest: warning: {label}: no publication date", file=sys.stderr)
    if undated:
        print(
            f"conflictdb ingest: give publication dates in {folder / 'manifest.json'} "
            '({"articles": [{"file": "NAME.txt", "published": "YYYY-MM-DD"}]}), '
            "as a first line 'date YYYY-MM-DD' in the text, or as published_at in JSONL lines",
            file=sys.stderr,
        )


def _dated(raw: dict[str, Any]) -> bool:
    text = raw.get("text")
    return bool(raw.get("published_at")) or (isinstance(text, str) and publication_hint(text) is not None)


def _text_file(path: Path, extra: dict[str, Any], language: str | None) -> Item:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Item(str(path), error=getattr(exc, "strerror", None) or str(exc))
    raw = {"title": _title(text) or path.stem, "text": text, **{k: v for k, v in extra.items() if v}}
    if language:
        raw["language"] = language
    return Item(str(path), raw=raw)


def _title(text: str) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first) <= TITLE_MAX:
        return first
    return first[:TITLE_MAX].rsplit(" ", 1)[0] + "…"


def _jsonl(path: Path) -> Iterator[Item]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        yield Item(str(path), error=getattr(exc, "strerror", None) or str(exc))
        return
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _jsonl_item(f"{path}:{number}", line)


def _jsonl_item(label: str, line: str) -> Item:
    try:
        record = msgspec.json.decode(line)
    except msgspec.DecodeError as exc:
        return Item(label, error=f"not JSON: {exc}")
    if not isinstance(record, dict):
        return Item(label, error="a line must be a JSON object")
    raw = {k: v for k, v in record.items() if k != "id"}
    if record.get("id") is not None:
        raw["external_id"] = str(record["id"])
    if "title" not in raw and isinstance(raw.get("text"), str):
        raw["title"] = _title(raw["text"]) or label
    return Item(label, raw=raw)


# --- ingesting ---------------------------------------------------------------------------------------


async def ingest_items(url: str, items: Sequence[Item], *, progress: bool = False, origin: str = "cli") -> Summary:
    summary, gate = Summary(), asyncio.Semaphore(CONCURRENCY)
    async with open_services(Settings(), url, max_size=CONCURRENCY + 1) as services:

        async def one(item: Item) -> None:
            async with gate:
                await _ingest_one(services, item, summary, origin)
            _progress(summary, len(items), enabled=progress)

        await asyncio.gather(*(one(item) for item in items))
    if progress and sys.stderr.isatty():
        print(file=sys.stderr)
    return summary


async def _ingest_one(services: Services, item: Item, summary: Summary, origin: str) -> None:
    if item.raw is None:
        _fail(item.label, item.error or "unreadable", summary)
        return
    try:
        outcome = await submit_raw(services.articles, services.clock, item.raw, origin=origin)
    except ConflictDBError as exc:
        _fail(item.label, str(exc), summary)
        return
    if outcome.duplicate:
        summary.duplicates += 1
    else:
        summary.created += 1
        summary.events.update(e.type for e in outcome.events)


def _fail(label: str, reason: str, summary: Summary) -> None:
    summary.failed += 1
    print(f"conflictdb ingest: {label}: {reason}", file=sys.stderr)


def _progress(summary: Summary, total: int, *, enabled: bool) -> None:
    if not enabled or not sys.stderr.isatty():
        return
    done = summary.created + summary.duplicates + summary.failed
    width = 30
    bar = "#" * (width * done // max(total, 1))
    print(f"\r[{bar:<{width}}] {done}/{total}", end="", file=sys.stderr, flush=True)


def describe(summary: Summary) -> str:
    by_type = ", ".join(f"{name} {count}" for name, count in sorted(summary.events.items())) or "none"
    return (
        f"articles: {summary.created} ingested, {summary.duplicates} duplicates skipped, {summary.failed} failed\n"
        f"events: {sum(summary.events.values())} ({by_type})"
    )


# --- seeds on first start ----------------------------------------------------------------------------


def seeds_dir() -> Path | None:
    """The repository's seeds/ folder: under the working directory, else beside the package."""
    for candidate in (Path.cwd() / "seeds", Path(__file__).resolve().parents[2] / "seeds"):
        if (candidate / "manifest.json").is_file():
            return candidate
    return None


async def ingest_seeds_if_empty(url: str) -> str:
    """Ingest seeds/ when no article is stored yet; say what happened."""
    folder = seeds_dir()
    if folder is None:
        return "no seeds/ folder found; nothing ingested"
    async with open_services(Settings(), url, max_size=1) as services:
        if await has_articles(services.articles):
            return "articles already stored; seeds not ingested"
    summary = await ingest_items(url, list(collect([folder])), origin="seed")
    return f"seeds ingested from {folder}: " + describe(summary).replace("\n", "; ")
