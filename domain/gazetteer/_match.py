"""Token-based longest-match lookup shared by the actor and place gazetteers.

A surface form ("Bashar al-Assad", "UN-Sicherheitsrat", "Ost-Aleppo") is split
into word tokens; consecutive tokens are joined by " " (whitespace between them)
or "-" (a single hyphen/dash between them). The same happens to the text, so a
lookup is a dict probe per candidate span, and offsets come straight from the
tokens of the original text. Keys are diacritic-folded ("Erdoğan" == "Erdogan")
but case-sensitive: German nouns and names are capitalised, which keeps common
lowercase words out. A hyphenated compound matches by its prefix
("US-Außenminister" -> "US"), because every token can start a match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, TypeVar

T = TypeVar("T")

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+")
_HYPHENS = frozenset("-‐‑–")
_EXTRA_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "’": "'"})
ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")


@dataclass(frozen=True, slots=True)
class Token:
    """A word token with its offsets and how it is joined to the previous token."""

    text: str
    start: int
    end: int
    joiner: str | None  # " " or "-" to the previous token; None: no join possible


def fold(word: str) -> str:
    """Strip diacritics (keeps case): "Erdoğan" -> "Erdogan", "Türkei" -> "Turkei"."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_EXTRA_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _joiner(gap: str) -> str | None:
    """How two tokens separated by `gap` join: " " (whitespace within a paragraph), "-" or None."""
    if gap == " ":
        return " "
    if len(gap) == 1 and gap in _HYPHENS:
        return "-"
    if gap and gap.isspace() and gap.count("\n") < 2:
        return " "
    return None


def tokenize(text: str) -> list[Token]:
    """Word tokens of `text` with offsets and joiners."""
    tokens: list[Token] = []
    prev_end = -1
    for m in _TOKEN.finditer(text):
        joiner = _joiner(text[prev_end : m.start()]) if prev_end >= 0 else None
        tokens.append(Token(m.group(), m.start(), m.end(), joiner))
        prev_end = m.end()
    return tokens


def key_of(surface: str) -> tuple[str, ...] | None:
    """The lookup key of a data surface form, or None if it does not tokenize cleanly."""
    toks = tokenize(surface)
    if not toks:
        return None
    parts = [fold(toks[0].text)]
    for tok in toks[1:]:
        if tok.joiner is None:
            return None
        parts.extend((tok.joiner, fold(tok.text)))
    return tuple(parts)


def capitalised(surface: str) -> str:
    """The surface with its first letter upper-cased (sentence-initial adjectives)."""
    return surface[:1].upper() + surface[1:]


def adjective_forms(stem: str) -> list[str]:
    """German adjective stem -> all inflected forms: "russisch" -> russisch, russische, ..."""
    return [stem + ending for ending in ADJ_ENDINGS]


def expand_stars(surface: str) -> list[str]:
    """Expand tokens ending in "*" to every adjective ending: "prorussisch* Separatisten"."""
    forms = [""]
    for i, word in enumerate(surface.split(" ")):
        sep = "" if i == 0 else " "
        variants = adjective_forms(word[:-1]) if word.endswith("*") else [word]
        forms = [f + sep + v for f in forms for v in variants]
    return forms


@dataclass(slots=True)
class SurfaceIndex(Generic[T]):
    """Surface keys -> values, with longest-match scanning over a text."""

    entries: dict[tuple[str, ...], T] = field(default_factory=dict)
    max_len: dict[str, int] = field(default_factory=dict)  # first token -> longest key length (in tokens)

    def add(self, surface: str, value: T, *, overwrite: bool = False) -> bool:
        """Add a surface form; keep an earlier entry unless `overwrite`. True if stored."""
        key = key_of(surface)
        if key is None or (key in self.entries and not overwrite):
            return False
        self.entries[key] = value
        n_tokens = (len(key) + 1) // 2
        self.max_len[key[0]] = max(self.max_len.get(key[0], 0), n_tokens)
        return True

    def add_all(self, surfaces: Iterable[str], value: T, *, overwrite: bool = False) -> None:
        for surface in surfaces:
            self.add(surface, value, overwrite=overwrite)

    def remove(self, surface: str) -> None:
        """Forget a surface form (the first-token length index may stay longer: harmless)."""
        key = key_of(surface)
        if key is not None:
            self.entries.pop(key, None)

    def __contains__(self, surface: str) -> bool:
        key = key_of(surface)
        return key is not None and key in self.entries

    def scan(self, text: str) -> Iterator[tuple[int, int, T]]:
        """Leftmost-longest, non-overlapping matches: (start, end, value)."""
        toks = scan_tokens(text)
        words, starts, ends = toks
        max_len = self.max_len
        nxt = 0
        at = word_positions(text)  # each distinct word looked up once, not every token
        for i in sorted(i for w in at if w in max_len for i in at[w]):
            if i < nxt:
                continue
            hit = self._longest(text, toks, i, max_len[words[i]])
            if hit is None:
                continue
            length, value = hit
            yield starts[i], ends[i + length - 1], value
            nxt = i + length

    def _longest(self, text: str, toks: _Tokens, i: int, limit: int) -> tuple[int, T] | None:
        words, starts, ends = toks
        key: list[str] = [words[i]]
        value = self.entries.get((words[i],))
        best: tuple[int, T] | None = None if value is None else (1, value)
        for j in range(i + 1, min(i + limit, len(words))):
            joiner = _joiner(text[ends[j - 1] : starts[j]])
            if joiner is None:
                break
            key.extend((joiner, words[j]))
            value = self.entries.get(tuple(key))
            if value is not None:
                best = (j - i + 1, value)
        return best


_Tokens = tuple[list[str], list[int], list[int]]


@lru_cache(maxsize=8)
def scan_tokens(text: str) -> _Tokens:
    """Folded words with start and end offsets; cached, as each text is scanned by several indexes."""
    raw = _TOKEN.findall(text)
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    find = text.find
    for word in raw:  # each token is the next occurrence of its own text
        pos = find(word, pos)
        starts.append(pos)
        pos += len(word)
        ends.append(pos)
    words = [w if w.isascii() else _fold_word(w) for w in raw]
    return words, starts, ends


@lru_cache(maxsize=8)
def word_positions(text: str) -> dict[str, list[int]]:
    """Token indices of each distinct folded word of `text` (cached like `scan_tokens`)."""
    at: dict[str, list[int]] = {}
    for i, w in enumerate(scan_tokens(text)[0]):
        at.setdefault(w, []).append(i)
    return at


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return fold(word)
