"""Keeping secrets out of log lines: URLs without credentials or query tokens, and a scrub of
the secret shapes this service hands out (API keys, webhook signing secrets, bearer tokens)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

_MASK = "***"

_SECRET_SHAPES = (
    (re.compile(r"(?i)\b(bearer|basic)\s+[^\s,;\"']+"), r"\1 " + _MASK),
    (re.compile(r"\bcdb_[A-Za-z0-9_-]+"), "cdb_" + _MASK),  # API keys (infra.api_keys)
    (re.compile(r"\bwhsec_[A-Za-z0-9+/=]+"), "whsec_" + _MASK),  # webhook signing secrets
    (re.compile(r"(://)[^/\s@:]+(:[^/\s@]*)?@"), r"\1" + _MASK + "@"),  # user:password@ in any URL
    (re.compile(r"(?i)([?&][^=&\s]*(?:token|key|secret|signature|sig|password|auth)[^=&\s]*=)[^&\s#]+"), r"\1" + _MASK),
)


def redact_url(url: str) -> str:
    """The URL with its user info and query string replaced by ***; for log lines."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return _MASK
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{_MASK}@{netloc.rsplit('@', 1)[1]}"
    query = _MASK if parts.query else ""
    return urlunsplit(parts._replace(netloc=netloc, query=query, fragment=""))


def scrub(text: str) -> str:
    """`text` with anything shaped like a credential masked."""
    for pattern, replacement in _SECRET_SHAPES:
        text = pattern.sub(replacement, text)
    return text
