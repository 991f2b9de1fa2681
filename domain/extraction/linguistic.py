"""A linguistic layer under the extraction stages: tokens with part of speech, lemma and verb
morphology, and clauses (main, subordinate, relative, infinitive) with their finite verb, mood and
tense, so the stages can ask grammatical questions instead of matching surface strings.

Part of speech and lemmas come from HanTa (the Hanover Tagger, a small HMM tagger with a
morphological analyser, shipped with its models inside the package: no download, no network, no
output at run time). German tags are STTS in HanTa's spelling ("VV(FIN)", "VA(PP)", "KOUS", ...);
English tags are HanTa's English tagset, which is the BNC's CLAWS C5 ("VVD", "VM0", "CJS", ...), not
Penn. Mood, tense and clause structure are worked out here from the tags, HanTa's morpheme split and
the closed-class tables below.

Alternatives considered: spaCy gives dependency parses and morphological features (Mood=Sub) for
both languages, but its pipelines are separate model downloads (tens of MB each) that are not
available offline here and would be a heavy dependency for one stage; simplemma lemmatises German
and English quickly from tables but has no part of speech, so it cannot tell a finite verb from an
infinitive or a noun; Stanza needs downloaded models as well. HanTa is pure Python, already locked,
tags about a few hundred sentences a second on one core (see `bench/linguistic.py`), and its
morpheme split is enough to tell preterite, Konjunktiv and participle forms apart.

Pure domain: the only I/O is loading the tagger model from the installed package, lazily, once per
language.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

Mood = Literal["indicative", "subjunctive1", "subjunctive2"]
Tense = Literal["present", "past", "perfect", "pluperfect", "future"]
ClauseKind = Literal["main", "subordinate", "relative", "infinitive"]

# the model files inside the HanTa package, by language
MODELS: dict[str, str] = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}


def _words(text: str) -> list[str]:
    return text.split()


# --- closed-class tables (rules of this layer, each named) ------------------------------------

# words opening a subordinate clause (besides what the tagger tags KOUS / CJS)
SUBORDINATORS: dict[str, frozenset[str]] = {
    "de": frozenset(
        _words(
            "dass daß weil wenn falls ob obwohl obgleich als nachdem bevor ehe während seit seitdem "
            "sobald solange sofern damit indem wobei bis zumal sodass soweit"
        )
    ),
    "en": frozenset(
        _words(
            "that because if unless whether although though while whilst when whenever after before "
            "since until till once as so-that lest"
        )
    ),
}
# subordinators of a complement clause, which a noun like "Ziel" or "hope" can govern
COMPLEMENTISERS: frozenset[str] = frozenset(_words("dass daß ob that whether"))
# relative pronouns (German ones only count where the tagger says PRELS / PRELAT)
RELATIVE_PRONOUNS: dict[str, frozenset[str]] = {
    "de": frozenset(_words("der die das dem den deren dessen denen welcher welche welches welchem welchen")),
    "en": frozenset(_words("who whom whose which")),
}
# markers opening an infinitive clause: "um ... zu", "ohne ... zu", "to convene"
INFINITIVE_OPENERS: dict[str, frozenset[str]] = {
    "de": frozenset(_words("um ohne statt anstatt")),
    "en": frozenset({"to"}),
}
# "so that talks can take place", "in order to": English purpose openers of more than one word
PURPOSE_OPENERS_EN: tuple[tuple[str, ...], ...] = (("so", "that"), ("in", "order", "to"), ("so", "as", "to"))
COORDINATORS: dict[str, frozenset[str]] = {
    "de": frozenset(_words("und oder aber sondern doch denn")),
    "en": frozenset(_words("and or but yet nor")),
}
MODAL_VERBS: dict[str, frozenset[str]] = {
    "de": frozenset(_words("können müssen sollen wollen dürfen mögen möchten")),
    "en": frozenset(_words("can could may might must shall should will would ought")),
}
# Konjunktiv II of auxiliaries and modals, and frequent strong verbs (weak verbs' Konjunktiv II is the
# preterite: it is read as past indicative)
KONJUNKTIV2_DE: frozenset[str] = frozenset(
    _words(
        "wäre wären wärst wärest wäret hätte hätten hättest hättet würde würden würdest würdet könnte "
        "könnten müsste müssten müßte müßten dürfte dürften möchte möchten käme kämen gäbe gäben "
        "ginge gingen stünde stünden stände ständen läge lägen täte täten bräuchte bräuchten wüsste "
        "wüssten"
    )
)
# Konjunktiv I forms that differ from the indicative (third person): reported speech
KONJUNKTIV1_DE: frozenset[str] = frozenset(
    _words("sei seien seist habe werde könne müsse solle wolle dürfe möge wisse gebe komme")
)
# English modals of the unreal: "would have met", "could be agreed", "might not happen"
SUBJUNCTIVE_MODALS_EN: frozenset[str] = frozenset(_words("would could might should"))
FUTURE_AUXILIARIES: dict[str, frozenset[str]] = {
    "de": frozenset(_words("werde werden wird wirst werdet")),
    "en": frozenset(_words("will shall")),
}
PAST_AUXILIARIES_DE: frozenset[str] = frozenset(
    _words(
        "war waren warst wart hatte hatten hattest hattet wurde wurden wurdest wurdet konnte konnten "
        "musste mussten mußte mußten sollte sollten wollte wollten durfte durften mochte mochten"
    )
)
# weak preterite endings after the stem ("sag|te", "wart|ete", "einig|ten")
PRETERITE_SUFFIXES_DE: frozenset[str] = frozenset(_words("te ten test tet ete eten etest etet"))
# determiners that mark a noun phrase as not nominative ("dem Abkommen", "den Rebellen", "des Krieges")
NON_NOMINATIVE_DE: frozenset[str] = frozenset(_words("dem den des einem einen eines einer ihm ihn ihnen"))
# English pronouns that can be a subject
SUBJECT_PRONOUNS_EN: frozenset[str] = frozenset(_words("i you he she it we they this these those"))
# pronouns that can be a subject in German (the tagger's PPER also covers "ihn", "ihnen")
SUBJECT_PRONOUNS_DE: frozenset[str] = frozenset(_words("ich du er sie es wir ihr man"))

# --- part-of-speech classes -------------------------------------------------------------------

_FINITE_DE = ("VV(FIN)", "VA(FIN)", "VM(FIN)")
_FINITE_EN = frozenset(
    _words("VVD VVZ VVB VBD VBZ VBB VHD VHZ VHB VDD VDZ VDB VM0")
)  # VVB/VHB/VDB: present forms other than the third person
_PAST_EN = frozenset(_words("VVD VBD VHD VDD"))
_NOUN_DE = ("NN", "NE", "NNA")
_NOUN_EN = frozenset(_words("NN0 NN1 NN2 NP0"))
_PREP_DE = ("APPR", "APPRART")
_PREP_EN = frozenset({"PRP", "PRF"})
_NP_INNER_DE = ("ART", "PDAT", "PIAT", "PPOSAT", "ADJ(A)", "CARD", "TRUNC", *_NOUN_DE)
_NP_INNER_EN = frozenset(_words("AT0 DT0 DPS ORD CRD AJ0 AJC AJS NN0 NN1 NN2 NP0 POS"))
# a word that the tokenizer keeps whole: letters or digits, with inner hyphens, apostrophes or dots
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    index: int
    text: str
    start: int  # char offsets into the sentence
    end: int
    pos: str  # HanTa's tag: STTS for German, CLAWS C5 for English
    lemma: str
    morph: frozenset[str]  # "finite", "infinitive", "zu_infinitive", "participle", "modal", "auxiliary",
    # "past", "subjunctive1", "subjunctive2"

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Clause:
    start: int  # char offsets into the sentence
    end: int
    kind: ClauseKind
    tokens: tuple[Token, ...]
    finite: Token | None
    mood: Mood
    tense: Tense | None
    opener: Token | None  # the subordinator, relative pronoun or infinitive marker that opened it


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase: its char span in the sentence, its text and its head noun or pronoun."""

    start: int
    end: int
    text: str
    head: Token


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    language: str
    tokens: tuple[Token, ...]
    clauses: tuple[Clause, ...]

    def token_at(self, offset: int) -> Token | None:
        starts = [t.start for t in self.tokens]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.tokens[i].start <= offset < self.tokens[i].end:
            return self.tokens[i]
        return None

    def clause_at(self, offset: int) -> Clause:
        """The clause holding char `offset` (the last clause for an offset past the end)."""
        for clause in self.clauses:
            if offset < clause.end:
                return clause
        return self.clauses[-1]

    def governing_clause(self, cue_offset: int) -> Clause:
        """The clause a cue word at `cue_offset` ("Ziel", "Plan", "plan") governs: the infinitive or
        complement clause right after the cue's own clause ("das Ziel sei, Gespräche aufzunehmen"; "the
        plan to convene talks"; "die Hoffnung, dass ..."), else the cue's own clause. An adverbial clause
        ("weil", "when") is not governed by a noun."""
        own = self.clause_at(cue_offset)
        i = self.clauses.index(own)
        if i + 1 < len(self.clauses):
            nxt = self.clauses[i + 1]
            if nxt.kind == "infinitive" or (
                nxt.kind == "subordinate" and nxt.opener is not None and nxt.opener.low in COMPLEMENTISERS
            ):
                return nxt
        return own

    def governs(self, cue_offset: int, offset: int) -> bool:
        """Whether a cue at `cue_offset` reaches the word at `offset`: it is in the cue's own clause, or
        in the clause the cue governs."""
        target = self.clause_at(offset)
        return target is self.clause_at(cue_offset) or target is self.governing_clause(cue_offset)

    def preposition_of(self, offset: int) -> str | None:
        """The preposition a noun at `offset` hangs from ("in", "nach", "auf", "toward"), by its lemma
        ("im" -> "in"), or None when the noun phrase has none."""
        tok = self.token_at(offset)
        if tok is None:
            return None
        inner, preps = (_NP_INNER_DE, _PREP_DE) if self.language == "de" else (_NP_INNER_EN, _PREP_EN)
        i = tok.index - 1
        while i >= 0:
            t = self.tokens[i]
            if t.pos in preps:
                return t.lemma.lower() if self.language == "de" else t.low
            if t.pos not in inner and t.text not in ("-", "„", '"'):
                return None
            i -= 1
        return None


# --- questions the rules ask --------------------------------------------------------------------


def finite_verb_of(clause: Clause) -> Token | None:
    return clause.finite


def mood(clause: Clause) -> Mood:
    return clause.mood


def is_past(clause: Clause) -> bool:
    return clause.tense in ("past", "perfect", "pluperfect")


def has_modal(clause: Clause) -> bool:
    return any("modal" in t.morph for t in clause.tokens)


def is_future(clause: Clause) -> bool:
    return clause.tense == "future"


def subject_candidates(analysis: Analysis, clause: Clause) -> list[Phrase]:
    """Noun phrases that may be the clause's subject: in German the nominative-like noun phrases
    (no preposition, no dative/accusative/genitive determiner) before and after the finite verb; in
    English the noun phrase right before the finite verb."""
    phrases = _noun_phrases(analysis, clause)
    if analysis.language == "en":
        if clause.finite is None:
            return phrases[:1]
        before = [p for p in phrases if p.end <= clause.finite.start]
        return before[-1:] if before else []
    return [p for p in phrases if _nominative_like(analysis, p)]


# --- analysis -----------------------------------------------------------------------------------


@functools.cache
def _tagger(language: str) -> Any:
    from HanTa import HanoverTagger as ht

    return ht.HanoverTagger(MODELS[language])


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Words and punctuation marks with their char offsets; a trailing abbreviation dot or sentence
    full stop is its own token."""
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if word.endswith(".") and len(word) > 1:
            out.append((word[:-1], start, end - 1))
            out.append((".", end - 1, end))
        else:
            out.append((word, start, end))
    return out


def analyse(sentence_text: str, language: str) -> Analysis:
    """Tokens and clauses of one sentence (`language` "de" or "en"; anything else is read as English)."""
    language = "de" if language == "de" else "en"
    words = tokenize(sentence_text)
    if not words:
        return Analysis(
            sentence_text, language, (), (Clause(0, len(sentence_text), "main", (), None, "indicative", None, None),)
        )
    tags = _tagger(language).tag_sent([w for w, _, _ in words], taglevel=0)
    tokens = tuple(_token(language, i, words[i], str(pos)) for i, pos in enumerate(tags))
    clauses = tuple(_clauses(sentence_text, language, tokens))
    return Analysis(sentence_text, language, tokens, clauses)


def _token(language: str, index: int, word: tuple[str, int, int], pos: str) -> Token:
    text, start, end = word
    lemma, morphemes = _analysed(language, text, pos)
    morph = _morph_de(text, lemma, morphemes, pos) if language == "de" else _morph_en(text, pos)
    return Token(index, text, start, end, pos, lemma, morph)


@functools.lru_cache(maxsize=65536)
def _analysed(language: str, word: str, pos: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """HanTa's lemma and morphemes of a word under the tag it was given (the costly part of tagging; a
    news text repeats its words, so they are kept)."""
    tagger = _tagger(language)
    stem, morphemes, _ = tagger.analyze(word, pos=pos, taglevel=3)
    lemma = str(tagger.makelemma([stem], pos)) if stem else word
    return lemma, tuple((str(m), str(t)) for m, t in morphemes)


def clear_caches() -> None:
    """Forget the analysed words (for a benchmark that must not measure its own repetitions)."""
    _analysed.cache_clear()


def _morph_de(text: str, lemma: str, morphemes: tuple[tuple[str, str], ...], pos: str) -> frozenset[str]:
    low = text.lower()
    feats: set[str] = set()
    if (pos.startswith("VM") or lemma in MODAL_VERBS["de"]) and pos.startswith("V"):
        feats.add("modal")
    if pos.startswith("VA"):
        feats.add("auxiliary")
    if pos in _FINITE_DE:
        feats.add("finite")
        feats |= _finite_features_de(low, lemma, morphemes, pos)
    elif pos.endswith("(INF)"):
        feats.add("infinitive")
    elif pos == "VV(IZU)":
        feats.add("zu_infinitive")
    elif pos.endswith("(PP)"):
        feats.add("participle")
    return frozenset(feats)


def _finite_features_de(low: str, lemma: str, morphemes: tuple[tuple[str, str], ...], pos: str) -> set[str]:
    if low in KONJUNKTIV2_DE:
        return {"subjunctive2"}
    if low in KONJUNKTIV1_DE:
        return {"subjunctive1"}
    if low in PAST_AUXILIARIES_DE:
        return {"past"}
    if pos != "VV(FIN)" or not morphemes:
        return set()
    stem_tag = morphemes[0][1] if len(morphemes) == 1 else morphemes[-2][1]
    suffix = morphemes[-1][0] if morphemes[-1][1] == "SUF_FIN" else ""
    stem = morphemes[-2][0] if suffix and len(morphemes) > 1 else morphemes[-1][0]
    if suffix in PRETERITE_SUFFIXES_DE:
        return {"past"}
    if stem_tag.endswith("_VAR"):
        if any(u in stem and u not in lemma.lower() for u in "äöü") and suffix in ("e", "en", "est", "et"):
            return {"subjunctive2"}  # "käme", "gäbe", "stünde"
        if suffix in ("", "en", "st"):
            return {"past"}  # "griff", "trafen", "kam"
    return set()


def _morph_en(text: str, pos: str) -> frozenset[str]:
    low = text.lower()
    feats: set[str] = set()
    if pos in _FINITE_EN:
        feats.add("finite")
    if pos == "VM0" or (low in MODAL_VERBS["en"] and pos.startswith("V")):
        feats.add("modal")
        if low in SUBJUNCTIVE_MODALS_EN:
            feats.add("subjunctive2")
    if pos[:2] in ("VB", "VH", "VD"):
        feats.add("auxiliary")
    if pos in _PAST_EN:
        feats.add("past")
    if pos.endswith("N") and pos.startswith("V"):
        feats.add("participle")
    if pos.endswith("I") and pos.startswith("V"):
        feats.add("infinitive")
    return frozenset(feats)


# --- clauses ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Segment:
    tokens: list[Token]
    opener: Token | None
    kind: ClauseKind
    strong: bool  # opened by a subordinator, relative pronoun or infinitive marker

    def finite(self) -> bool:
        return any("finite" in t.morph for t in self.tokens)


def _opening(language: str, tokens: tuple[Token, ...], i: int) -> ClauseKind | None:
    """The kind of clause token `i` opens, if it opens one."""
    tok = tokens[i]
    low = tok.low
    prev = tokens[i - 1] if i > 0 else None
    if language == "de":
        if tok.pos == "KOUS" or (tok.pos == "KOUI" and low in INFINITIVE_OPENERS["de"]):
            return "subordinate" if tok.pos == "KOUS" else "infinitive"
        if tok.pos in ("PRELS", "PRELAT") and prev is not None and (prev.text == "," or prev.pos in _PREP_DE):
            return "relative"
        return None
    if low in RELATIVE_PRONOUNS["en"] and prev is not None and (prev.text == "," or prev.pos in _NOUN_EN):
        return "relative"
    if any(_phrase_at(tokens, i, words) for words in PURPOSE_OPENERS_EN):
        return "infinitive" if tokens[i + 1].low != "that" else "subordinate"
    if low == "to" and tok.pos == "TO0" and i + 1 < len(tokens) and "infinitive" in tokens[i + 1].morph:
        return "infinitive"
    if tok.pos in ("CJS", "CJT") or (low in SUBORDINATORS["en"] and tok.pos.startswith("CJ")):
        return "subordinate"
    return None


def _phrase_at(tokens: tuple[Token, ...], i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(tokens):
        return False
    return all(tokens[i + k].low == w for k, w in enumerate(words))


def _segments(language: str, tokens: tuple[Token, ...]) -> list[_Segment]:
    segments: list[_Segment] = [_Segment([], None, "main", False)]
    coordinators = COORDINATORS[language]
    inside_opener = False  # the previous token opened a multi-word purpose marker ("so that")
    for i, tok in enumerate(tokens):
        kind = None if inside_opener else _opening(language, tokens, i)
        inside_opener = False
        if kind is not None:
            segments.append(_Segment([tok], tok, kind, True))
            inside_opener = language == "en" and tok.low in ("so", "in")
            continue
        if tok.text in (",", ";", ":", "(", ")", "–", "—") or tok.low in coordinators:
            segments.append(_Segment([tok], None, "main", False))
            continue
        segments[-1].tokens.append(tok)
    return [s for s in segments if s.tokens]


def _merged(segments: list[_Segment], language: str) -> list[_Segment]:
    """Weak boundaries (a comma, a coordinating conjunction) only split where both sides have a finite
    verb of their own; an opened clause without one stays open up to the next boundary."""
    out: list[_Segment] = []
    for seg in segments:
        if not out:
            out.append(seg)
            continue
        prev = out[-1]
        if seg.strong or (prev.finite() and seg.finite()):
            if not seg.strong and prev.strong and prev.kind != "infinitive":
                seg.kind = "main"  # the main clause resumes after a subordinate one
            out.append(seg)
        elif prev.kind == "infinitive" and seg.finite():
            out.append(seg)  # "um Gespräche zu führen, reiste er": the infinitive ends at the comma
        elif prev.finite() and _has_zu_infinitive(language, seg.tokens):
            seg.kind = "infinitive"  # "Das Ziel sei, Gespräche aufzunehmen"
            out.append(seg)
        else:
            prev.tokens.extend(seg.tokens)
    if len(out) > 1 and not out[0].finite() and not out[0].strong and out[1].strong is False:
        out[1].tokens[:0] = out[0].tokens
        out.pop(0)
    return out


def _clauses(text: str, language: str, tokens: tuple[Token, ...]) -> list[Clause]:
    segments = _merged(_segments(language, tokens), language)
    out: list[Clause] = []
    for n, seg in enumerate(segments):
        start = 0 if n == 0 else seg.tokens[0].start
        end = len(text) if n == len(segments) - 1 else segments[n + 1].tokens[0].start
        kind = seg.kind
        if kind == "main" and not seg.finite() and _has_zu_infinitive(language, seg.tokens):
            kind = "infinitive"  # "Das Ziel sei, Gespräche aufzunehmen"
        finite = _finite_of(seg.tokens, kind, language)
        out.append(
            Clause(
                start,
                end,
                kind,
                tuple(seg.tokens),
                finite,
                _mood_of(seg.tokens, finite, language),
                _tense_of(seg.tokens, finite, language),
                seg.opener,
            )
        )
    return out


def _has_zu_infinitive(language: str, tokens: list[Token]) -> bool:
    if language == "de":
        return any(t.pos == "VV(IZU)" or t.pos == "PTKZU" for t in tokens)
    return any(t.pos == "TO0" for t in tokens)


def _finite_of(tokens: list[Token], kind: ClauseKind, language: str) -> Token | None:
    finites = [t for t in tokens if "finite" in t.morph]
    if not finites:
        return None
    # a German subordinate clause puts its finite verb last ("..., weil sie getroffen worden sind")
    return finites[-1] if language == "de" and kind in ("subordinate", "relative") else finites[0]


def _mood_of(tokens: list[Token], finite: Token | None, language: str) -> Mood:
    if finite is None:
        return "indicative"
    if "subjunctive2" in finite.morph:
        return "subjunctive2"
    if "subjunctive1" in finite.morph and not _first_person_subject(tokens, finite):
        return "subjunctive1"
    return "indicative"


def _first_person_subject(tokens: list[Token], finite: Token) -> bool:
    """ "ich habe" is indicative; "er habe", "man habe" Konjunktiv I."""
    near = [t.low for t in tokens if abs(t.index - finite.index) == 1]
    return "ich" in near


def _tense_of(tokens: list[Token], finite: Token | None, language: str) -> Tense | None:
    if finite is None:
        return None
    after = [t for t in tokens if t.index != finite.index]
    participle = any("participle" in t.morph and t.pos.startswith("VV") for t in after) or any(
        "participle" in t.morph for t in after if language == "de"
    )
    infinitive = any("infinitive" in t.morph for t in after)
    low = finite.low
    if language == "de":
        werden = finite.lemma == "werden"
        if werden and infinitive and not participle and "subjunctive2" not in finite.morph:
            return "future"
        if finite.lemma in ("haben", "sein") and participle:
            return "pluperfect" if "past" in finite.morph else "perfect"
        return "past" if "past" in finite.morph else "present"
    if low in FUTURE_AUXILIARIES["en"]:
        return "future"
    if finite.pos.startswith("VH") and participle:
        return "pluperfect" if "past" in finite.morph else "perfect"
    if "modal" in finite.morph and any(t.pos.startswith("VH") for t in after) and participle:
        return "perfect"  # "would have met", "could have been agreed"
    return "past" if "past" in finite.morph else "present"


def _noun_phrases(analysis: Analysis, clause: Clause) -> list[Phrase]:
    de = analysis.language == "de"
    inner = _NP_INNER_DE if de else _NP_INNER_EN
    nouns = _NOUN_DE if de else _NOUN_EN
    pronouns = SUBJECT_PRONOUNS_DE if de else SUBJECT_PRONOUNS_EN
    out: list[Phrase] = []
    run: list[Token] = []
    for tok in (*clause.tokens, None):
        if tok is not None and tok.pos in inner:
            run.append(tok)
            continue
        heads = [t for t in run if t.pos in nouns]
        if heads:
            out.append(_phrase(analysis, run, heads[-1]))
        run = []
        if tok is not None and tok.low in pronouns and tok.pos not in ("PRF", "PPOSAT"):
            out.append(Phrase(tok.start, tok.end, tok.text, tok))
    return out


def _phrase(analysis: Analysis, run: list[Token], head: Token) -> Phrase:
    start, end = run[0].start, run[-1].end
    return Phrase(start, end, analysis.text[start:end], head)


def _nominative_like(analysis: Analysis, phrase: Phrase) -> bool:
    first = analysis.token_at(phrase.start)
    if first is None:
        return False
    if first.low in NON_NOMINATIVE_DE or first.low in ("ihn", "ihnen", "ihm"):
        return False
    before = analysis.tokens[first.index - 1] if first.index > 0 else None
    return not (before is not None and (before.pos in _PREP_DE or before.pos == "APPO"))
