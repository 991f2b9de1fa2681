"""The codebook rendered as one self-contained HTML page (no scripts, no external assets)."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from domain.codebook import Codebook, PrecisionEntry

_STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}"
    "table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #999;padding:.3rem .5rem;"
    "text-align:left;vertical-align:top}th{background:#e8e8e8}code{font-size:.95em}"
)


def render_codebook(book: Codebook) -> str:
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>conflictdb codebook</title><style>{_STYLE}</style></head><body><main>",
        "<h1>conflictdb codebook</h1>",
        f"<p>Extractor version <code>{escape(book.extractor_version)}</code>. "
        'The same content as JSON: <a href="/codebook">/codebook</a>.</p>',
        "<h2 id='types'>Event types</h2>",
        _table(
            ("type", "definition", "roles", "CAMEO", "PLOVER"),
            (
                (
                    f"<code>{escape(t.type)}</code>",
                    escape(t.definition),
                    "<br>".join(f"<code>{escape(r.role)}</code>: {escape(r.meaning)}" for r in t.roles),
                    escape(t.cameo),
                    escape(t.plover),
                )
                for t in book.event_types
            ),
        ),
        "<h2 id='modality'>Modality</h2>",
        _table(("rule", "meaning"), ((f"<code>{escape(m.name)}</code>", escape(m.rule)) for m in book.modality)),
        "<h2 id='actors'>Actor codes</h2>",
        _table(("pattern", "meaning"), _entries(book.actor_code_patterns)),
        _table(
            ("code", "name", "kind", "country", "surface forms"),
            (
                (
                    f"<code>{escape(a.code)}</code>",
                    escape(a.name),
                    escape(a.kind.replace("_", " ")),
                    escape(a.country or ""),
                    escape(", ".join(a.aliases)),
                )
                for a in book.actors
            ),
        ),
        "<h2 id='places'>Place precision</h2>",
        _table(("precision", "meaning"), _entries(book.place_precisions)),
        "<h2 id='dates'>Date precision</h2>",
        _table(("precision", "meaning"), _entries(book.date_precisions)),
        "<h2 id='confidence'>Confidence</h2>",
        f"<p>{escape(book.confidence)}</p>",
        "</main></body></html>",
    ]
    return "\n".join(parts)


def _entries(entries: Iterable[PrecisionEntry]) -> Iterable[tuple[str, str]]:
    return ((f"<code>{escape(e.value)}</code>", escape(e.meaning)) for e in entries)


def _table(head: tuple[str, ...], body: Iterable[tuple[str, ...]]) -> str:
    header = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in body)
    return f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"
