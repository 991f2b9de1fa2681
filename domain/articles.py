"""Articles as submitted: validation, the content hash, de-duplication keys, deterministic ids,
and the plan for re-extraction. Pure: no I/O, no clock (callers pass "now").

Ids are name-based (uuid5) so a retried submission produces the same article and
event ids: the article id from its strongest identity (external id, else URL, else
text hash), each event id from the article id and the event's stream version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import msgspec

from domain import streams
from domain.errors import ValidationError
from domain.events import ArticleSubmitted, ConflictEvent
from domain.events.articles import LanguageMethod
from domain.extraction.language import resolve_language

ARTICLE_NAMESPACE = uuid.UUID("5b0c2f8e-9d1a-4c53-9a53-6f1d3c1e2a77")
LANGUAGES = ("de", "en")
MAX_TITLE = 1_000
MAX_FIELD = 2_048
KeyKind = Literal["external_id", "url", "content_hash"]

_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
# The shapes `_check_published` accepts, for the OpenAPI (Litestar reads `extra`): a pattern
# alone cannot tell a real date from 2021-02-31.
_PUBLISHED_AT = msgspec.Meta(
    max_length=40,
    description="YYYY-MM-DD, an ISO datetime, or YYYY-MM",
    extra_json_schema={
        "extra": {"any_of": [{"format": "date"}, {"format": "date-time"}, {"pattern": r"^[0-9]{4}-(0[1-9]|1[0-2])$"}]}
    },
)
_SPACE = re.compile(r"\s+")
# What the OpenAPI declares of free text, as `extra` (the checks below refuse the rest, naming the field):
# no NUL (PostgreSQL text cannot hold U+0000) and, where a blank value is refused, one character that is
# neither a space (str.isspace, which strip() removes) nor a control character.
NO_NUL_PATTERN = r"^[^\x00]*$"
NOT_BLANK_PATTERN = r"^[^\x00]*[^\s\x00-\x20\x7f-\xa0][^\x00]*$"
# An article URL as the declared pattern takes it: http(s), an ASCII host (no user info), then anything
# but NUL. The enforced pattern is looser; `_check_url` refuses what urlsplit cannot read or finds no host in.
URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9._~!$&'()*+,;=-]+(:[0-9]*)?([/?#][^\x00]*)?$"


def declared(pattern: str) -> dict[str, Any]:
    """`extra_json_schema` declaring `pattern` in the OpenAPI only (Litestar reads `extra`)."""
    return {"extra": {"pattern": pattern}}


class ArticleInput(msgspec.Struct, kw_only=True):
    """An article as a client submits it (POST /articles, a JSONL line, a file)."""

    title: Annotated[
        str, msgspec.Meta(min_length=1, max_length=MAX_TITLE, extra_json_schema=declared(NOT_BLANK_PATTERN))
    ]
    text: Annotated[str, msgspec.Meta(min_length=1, extra_json_schema=declared(NOT_BLANK_PATTERN))]
    url: (
        Annotated[
            str,
            msgspec.Meta(
                max_length=MAX_FIELD,
                pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\s]",
                description="http(s) URL",
                extra_json_schema=declared(URL_PATTERN),
            ),
        ]
        | None
    ) = None
    source: Annotated[str, msgspec.Meta(max_length=MAX_FIELD, extra_json_schema=declared(NO_NUL_PATTERN))] | None = None
    published_at: Annotated[str, _PUBLISHED_AT] | None = None
    language: Literal["de", "en"] | None = None  # absent: detected from the text
    external_id: (
        Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_FIELD, extra_json_schema=declared(NO_NUL_PATTERN))]
        | None
    ) = None


class Article(msgspec.Struct, frozen=True, kw_only=True):
    """A validated article with its content hash and id."""

    article_id: uuid.UUID
    title: str
    text: str
    url: str | None
    source: str | None
    published_at: str | None
    language: str
    external_id: str | None
    content_hash: str
    language_method: LanguageMethod = "given"
    language_confidence: float | None = None

    def dedup_keys(self) -> list[tuple[KeyKind, str]]:
        """Any one of these already stored means "the same article"."""
        keys: list[tuple[KeyKind, str]] = []
        if self.external_id is not None:
            keys.append(("external_id", self.external_id))
        if self.url is not None:
            keys.append(("url", self.url))
        keys.append(("content_hash", self.content_hash))
        return keys

    def submitted(self, now: dt.datetime) -> ArticleSubmitted:
        fields = {f: getattr(self, f) for f in self.__struct_fields__}
        return ArticleSubmitted(**fields, submitted_at=now)

    def event_id(self, stream_version: int) -> uuid.UUID:
        """The id of the event at `stream_version` of this article's stream."""
        return event_id_for(self.article_id, stream_version)


def parse_article(raw: Any) -> Article:
    """A raw JSON value (a dict) -> a validated Article, or ValidationError naming the field."""
    try:
        data = msgspec.convert(raw, ArticleInput)
    except msgspec.ValidationError as exc:
        raise ValidationError(str(exc)) from None
    return validate_article(data)


def validate_article(data: ArticleInput) -> Article:
    _reject_nul(data)
    title, text = data.title.strip(), data.text
    if not title:
        raise ValidationError("title must not be blank")
    if not text.strip():
        raise ValidationError("text must not be blank")
    external_id = _optional(data.external_id)
    url = _check_url(_optional(data.url))
    content_hash = content_hash_of(text)
    language = resolve_language(data.language, text)
    return Article(
        article_id=_identity(external_id, url, content_hash),
        title=title,
        text=text,
        url=url,
        source=_optional(data.source),
        published_at=_check_published(_optional(data.published_at)),
        language=language.language,
        external_id=external_id,
        content_hash=content_hash,
        language_method=language.method,
        language_confidence=language.confidence,
    )


def _reject_nul(data: ArticleInput) -> None:
    # PostgreSQL text and jsonb cannot hold U+0000; refuse it here rather than fail on write.
    for name in data.__struct_fields__:
        value = getattr(data, name)
        if isinstance(value, str) and "\x00" in value:
            raise ValidationError(f"{name} must not contain NUL (U+0000) characters")


def content_hash_of(text: str) -> str:
    """SHA-256 of the text after Unicode NFC and whitespace folding, so re-encoded copies match."""
    normal = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return "sha256:" + hashlib.sha256(normal.encode()).hexdigest()


def _identity(external_id: str | None, url: str | None, content_hash: str) -> uuid.UUID:
    if external_id is not None:
        return article_id_for("external_id", external_id)
    if url is not None:
        return article_id_for("url", url)
    return article_id_for("content_hash", content_hash)


def article_id_for(kind: KeyKind, value: str) -> uuid.UUID:
    return uuid.uuid5(ARTICLE_NAMESPACE, f"{kind}:{value}")


def stream_id_for(article_id: uuid.UUID) -> str:
    return streams.article_stream(article_id)


def event_id_for(article_id: uuid.UUID, stream_version: int) -> uuid.UUID:
    """The id of the event at `stream_version` of the article's stream: a retry reproduces it."""
    return uuid.uuid5(article_id, str(stream_version))


def _optional(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def _check_url(url: str | None) -> str | None:
    if url is None:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        raise ValidationError(f"url is not a valid URL: {url!r}") from None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise ValidationError(f"url must be an http(s) URL with a host, got {url!r}")
    return url


def _check_published(value: str | None) -> str | None:
    if value is None or _MONTH.match(value):
        return value
    try:
        if len(value) == 10:
            dt.date.fromisoformat(value)
        else:
            dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"published_at must be YYYY-MM-DD, an ISO datetime or YYYY-MM, got {value!r}") from None
    return value


def _corrected_text(max_length: int) -> msgspec.Meta:
    """A corrected metadata field: not blank (the decoder checks `\\S`; the OpenAPI states the full rule)."""
    return msgspec.Meta(
        min_length=1, max_length=max_length, pattern=r"\S", extra_json_schema=declared(NOT_BLANK_PATTERN)
    )


class ArticlePatch(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A person's correction of an article's metadata (PATCH /articles/{id}); absent fields stay."""

    published_at: Annotated[str, _PUBLISHED_AT] | None = None
    language: Literal["de", "en"] | None = None
    source: Annotated[str, _corrected_text(MAX_FIELD)] | None = None
    title: Annotated[str, _corrected_text(MAX_TITLE)] | None = None
    note: (
        Annotated[str, msgspec.Meta(min_length=1, max_length=2000, extra_json_schema=declared(NOT_BLANK_PATTERN))]
        | None
    ) = None


def validated_patch(patch: ArticlePatch) -> ArticlePatch:
    """The patch with its values checked as a submission's are; at least one field must change."""
    for name in ("published_at", "source", "title", "note"):
        value = getattr(patch, name)
        if isinstance(value, str) and ("\x00" in value or not value.strip()):
            raise ValidationError(f"{name} must not be blank or contain NUL (U+0000) characters")
    if all(getattr(patch, f) is None for f in ("published_at", "language", "source", "title")):
        raise ValidationError("a correction changes at least one of published_at, language, source, title")
    _check_published(patch.published_at)
    return patch


# --- re-extraction -----------------------------------------------------------------------------


def content_key(event: ConflictEvent) -> str:
    """What makes two extractions "the same event": type, evidence span, actors, place and date
    (a corrected publication date moves the dates, so the events are re-stated)."""
    actors = sorted(f"{a.code}/{a.role}" for a in event.actors)
    place = event.location.name if event.location else ""
    span = f"{event.evidence.start}:{event.evidence.end}"
    when = f"{event.occurred.start}/{event.occurred.end}/{event.occurred.precision}" if event.occurred else ""
    return "|".join((type(event).__name__, span, ",".join(actors), place, when))


class ReextractionPlan(msgspec.Struct, frozen=True, kw_only=True):
    retract: tuple[uuid.UUID, ...]  # live event ids no longer supported
    add: tuple[ConflictEvent, ...]  # fresh events not yet live
    unchanged: int

    @property
    def changed(self) -> bool:
        return bool(self.retract or self.add)


def plan_reextraction(live: Mapping[uuid.UUID, ConflictEvent], fresh: Sequence[ConflictEvent]) -> ReextractionPlan:
    """Match live events to a fresh extraction by content key (as multisets)."""
    wanted = Counter(content_key(e) for e in fresh)
    retract: list[uuid.UUID] = []
    for event_id, event in live.items():
        key = content_key(event)
        if wanted[key] > 0:
            wanted[key] -= 1
        else:
            retract.append(event_id)
    add = _take(fresh, wanted)
    return ReextractionPlan(retract=tuple(retract), add=tuple(add), unchanged=len(live) - len(retract))


def _take(fresh: Iterable[ConflictEvent], remaining: Counter[str]) -> list[ConflictEvent]:
    """The fresh events left over after matching, in extraction order (last duplicates first)."""
    add: list[ConflictEvent] = []
    for event in reversed(list(fresh)):
        key = content_key(event)
        if remaining[key] > 0:
            remaining[key] -= 1
            add.append(event)
    return list(reversed(add))
