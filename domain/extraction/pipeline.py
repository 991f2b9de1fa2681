"""The extraction pipeline: text -> sentences -> triggers -> modality -> roles -> merge -> events."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from msgspec.structs import replace as replace_struct

from domain.events import (
    Actor,
    Casualties,
    CeasefireAnnounced,
    ConflictEvent,
    Evidence,
    Location,
    Occurred,
    OffensiveLaunched,
    ResolutionBlocked,
    TalksHeld,
)
from domain.extraction import confidence, roles
from domain.extraction.casualties import casualties_in, merge_casualties
from domain.extraction.codes import BODIES, NON_ARMED, code_at
from domain.extraction.dates import DateMention, DateResolver, PubDate, parse_published
from domain.extraction.gazetteer_port import GazetteerPort, PlaceLike
from domain.extraction.lexicon import CEASEFIRE, OFFENSIVE, RESOLUTION, TALKS, Lexicon, get_lexicon
from domain.extraction.linguistic import SUBORDINATORS, Analysis, analyse
from domain.extraction.merge import Candidate, merge
from domain.extraction.modality import REALISED, modality
from domain.extraction.normalize import clean, lowered, publication_hint
from domain.extraction.roles import ArticleContext
from domain.extraction.sentences import Sentence, split_sentences
from domain.extraction.triggers import Trigger, clause_of, find_triggers, scan_triggers

_TYPES: dict[str, type[TalksHeld] | type[CeasefireAnnounced] | type[OffensiveLaunched] | type[ResolutionBlocked]] = {
    TALKS: TalksHeld,
    CEASEFIRE: CeasefireAnnounced,
    OFFENSIVE: OffensiveLaunched,
    RESOLUTION: ResolutionBlocked,
}


@dataclass(slots=True)
class _Article:
    text: str
    cleaned: str
    low: str  # the cleaned text lower-cased (same offsets)
    lexicon: Lexicon
    gaz: GazetteerPort
    pub: PubDate | None
    ctx: ArticleContext
    sentences: list[Sentence]
    dates: list[list[DateMention]]
    hits: list[tuple[int, int, int]]
    offensive_places: list[tuple[int, PlaceLike]] = field(default_factory=list)  # (sentence, place) so far
    offensive_sides: list[tuple[frozenset[str], PlaceLike]] = field(default_factory=list)  # attackers, place
    parties: list[tuple[int, list[Actor]]] = field(default_factory=list)  # talks/ceasefire parties so far
    attackers: list[tuple[int, list[Actor]]] = field(default_factory=list)  # offensives' attackers so far
    subjects: dict[int, str] = field(default_factory=dict)  # sentence -> the acting party of its event
    off_topic: dict[int, bool] = field(default_factory=dict)  # sentence start -> `_off_topic_next`
    notes: list[str] | None = None  # what `extract --explain` prints: every trigger's fate (None: not asked)

    def note(self, index: int, message: str) -> None:
        if self.notes is not None:
            self.notes.append(f"sentence {index + 1}: {message}")


def _pub_date(text: str, published_at: str | None, lexicon: Lexicon) -> PubDate | None:
    pub = parse_published(published_at) or parse_published(publication_hint(text))
    if pub is not None and not 1900 <= pub.year <= 2100:
        return None  # no news date: relative dates would leave the calendar
    if pub is not None and pub.day is None:
        pub = _dateline_day(text, pub, lexicon)
    return pub


def _dateline_day(text: str, pub: PubDate, lexicon: Lexicon) -> PubDate:
    """A month-only publication date pinned by the dateline's day ("MOSKAU, 5. April." in April)."""
    m = lexicon.dateline.search(text[:3000])
    if m is None or lexicon.months.get(m.group("month").lower()) != pub.month:
        return pub
    pinned = parse_published(f"{pub.year:04d}-{pub.month:02d}-{int(m.group('day')):02d}")
    return pinned if pinned is not None and pinned.day is not None else pub


def _dates_by_sentence(mentions: list[DateMention], sentences: list[Sentence]) -> list[list[DateMention]]:
    """Article-level date mentions, re-based to the offsets of the sentence holding them."""
    out: list[list[DateMention]] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    for d in mentions:
        i = bisect.bisect_right(starts, d.start) - 1
        if i >= 0 and d.end <= sentences[i].end:
            s = sentences[i]
            out[i].append(DateMention(d.start - s.start, d.end - s.start, d.occurred))
    return out


def _sentences_with_hits(sentences: list[Sentence], hits: list[tuple[int, int, int]]) -> list[int]:
    starts = [s.start for s in sentences]
    found = {bisect.bisect_right(starts, start) - 1 for start, _, _ in hits}
    return sorted(i for i in found if i >= 0)


def _runs(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Adjacent sentence spans joined (fewer, longer regex passes)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start - out[-1][1] <= 2:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


@dataclass(frozen=True, slots=True)
class Traced:
    """An extracted event with what made it: the decisions taken and the features its confidence weighs."""

    event: ConflictEvent
    trace: tuple[str, ...]
    features: dict[str, float]


def run(text: str, published_at: str | None, language: str, gaz: GazetteerPort) -> list[ConflictEvent]:
    return [t.event for t in run_traced(text, published_at, language, gaz)]


@dataclass(frozen=True, slots=True)
class Explanation:
    """The events with their decisions, and what happened to every trigger on the way (`extract --explain`)."""

    events: list[Traced]
    notes: list[str]


def explain(text: str, published_at: str | None, language: str, gaz: GazetteerPort) -> Explanation:
    notes: list[str] = []
    return Explanation(events=run_traced(text, published_at, language, gaz, notes), notes=notes)


def run_traced(
    text: str, published_at: str | None, language: str, gaz: GazetteerPort, notes: list[str] | None = None
) -> list[Traced]:
    lexicon = get_lexicon(language)
    cleaned = clean(text, lexicon.furniture)
    low = lowered(cleaned)
    if not (lexicon.conflict_words.search(low) or lexicon.gate_words.search(low)):
        if notes is not None:
            notes.append("article: no conflict or gate word, nothing read further")
        return []
    hits = scan_triggers(cleaned, lexicon, low)
    if not hits:
        if notes is not None:
            notes.append("article: no trigger word")
        return []
    pub = _pub_date(text, published_at, lexicon)
    sentences = split_sentences(cleaned, lexicon, low)
    with_hits = _sentences_with_hits(sentences, hits)
    # the sentence after each one with a trigger too: "Sie trat in der Nacht zum Freitag in Kraft" dates it
    dated = sorted({j for i in with_hits for j in (i, i + 1) if j < len(sentences)})
    spans = _runs([(sentences[i].start, sentences[i].end) for i in dated])
    dates = _dates_by_sentence(DateResolver(pub, lexicon).find(cleaned, low, spans), sentences)
    offensive_rules = {i for i, rule in enumerate(lexicon.triggers) if rule.event_type == OFFENSIVE}
    fighting = [
        (sentences[i].start, sentences[i].end)
        for i in _sentences_with_hits(sentences, [h for h in hits if h[2] in offensive_rules])
    ]
    diplomatic_rules = {i for i, rule in enumerate(lexicon.triggers) if rule.event_type in (TALKS, CEASEFIRE)}
    talking = [
        (sentences[i].start, sentences[i].end)
        for i in _sentences_with_hits(sentences, [h for h in hits if h[2] in diplomatic_rules])
    ]
    ctx = roles.build_context(cleaned, gaz, lexicon, low, fighting, talking)
    ctx.dateline = roles.dateline_city(text, gaz, lexicon)
    if pub is not None:
        ctx.actors = [_code_at(m, pub.date) for m in ctx.actors]
    art = _Article(text, cleaned, low, lexicon, gaz, pub, ctx, sentences, dates, hits, notes=notes)
    candidates: list[Candidate] = []
    for index in with_hits:
        candidates.extend(_sentence_candidates(art, index))
    merged = []
    for c in merge(candidates):
        if _sufficient(c):
            merged.append(c)
        else:
            art.note(
                c.sentence_index, f"{c.event_type} dropped after merging: too few parties, no armed actor or place"
            )
    if _sports_article(lexicon, low):  # metaphors of a match: only a named state or armed group counts
        merged = [c for c in merged if c.actors or c.event_type not in (OFFENSIVE, CEASEFIRE, TALKS)]
    return [_traced(art, c) for c in merged]


def _code_at(m: roles.Mention, on: dt.date | None) -> roles.Mention:
    code = code_at(m.code, m.surface, on)
    return m if code == m.code else replace(m, code=code)


def _sports_article(lexicon: Lexicon, low: str) -> bool:
    """At least three distinct sport words: a match report, a club's season, a league table."""
    pattern = lexicon.cues.get("sports_article")
    if pattern is None:
        return False
    words: set[str] = set()
    for m in pattern.finditer(low):
        words.add(m.group())
        if len(words) >= 3:
            return True
    return False


# per sentence ----------------------------------------------------------------


def _realised(art: _Article, sentence: Sentence, clauses: list[tuple[int, int]]) -> dict[str, Trigger]:
    """The best realised trigger per event type (strong before weak, then the earliest). Triggers are
    tried in that order and the first realised one wins, so most never need their modality worked out."""
    by_type: dict[str, list[Trigger]] = {}
    for trig in find_triggers(sentence, clauses, art.lexicon, art.hits):
        by_type.setdefault(trig.event_type, []).append(trig)
    best: dict[str, Trigger] = {}
    # "haben sich am Freitag in Minsk auf einen Waffenstillstand geeinigt": they met there as well
    venue = TALKS in by_type and CEASEFIRE in by_type and _foreign_venue(art, sentence)
    grammar = _grammar_of(sentence, art.lexicon.language)
    for event_type in sorted(by_type, key=lambda t: t != CEASEFIRE):  # a truce first: it voids "vereinbarten"
        for trig in sorted(by_type[event_type], key=lambda t: (t.strength != "strong", t.start)):
            if event_type == TALKS and trig.strength == "agreement" and CEASEFIRE in best and not venue:
                continue  # the agreement is the truce's, not talks of their own (unless they met somewhere)
            verdict = modality(sentence, clauses, trig, art.lexicon, grammar)
            if verdict == REALISED and _trigger_ok(art, sentence, clauses, trig):
                best[event_type] = trig
                break
            if art.notes is not None:
                reason = f"modality {verdict}" if verdict != REALISED else "its type's context check failed"
                word = f"{event_type} trigger {trig.word!r} (rule {trig.rule})"
                art.note(art.sentences.index(sentence), f"{word} not taken: {reason}")
    return {t: best[t] for t in by_type if t in best}  # in text order of the types, as candidates are made


def _grammar_of(sentence: Sentence, language: str) -> Callable[[], Analysis]:
    """The sentence's linguistic analysis, worked out on the first question only."""
    done: list[Analysis] = []

    def grammar() -> Analysis:
        if not done:
            done.append(analyse(sentence.text, language))
        return done[0]

    return grammar


def _foreign_venue(art: _Article, sentence: Sentence) -> bool:
    """The sentence names a venue outside the war's country ("in Minsk" for the Donbass): a meeting place,
    not the truce's own area ("im Gazastreifen")."""
    place = roles.venue_in(art.ctx, sentence, art.lexicon)
    return place is not None and art.ctx.main_country is not None and place.country != art.ctx.main_country


def _trigger_ok(art: _Article, sentence: Sentence, clauses: list[tuple[int, int]], trig: Trigger) -> bool:
    lex = art.lexicon
    if trig.event_type == CEASEFIRE:
        index = clauses.index(clause_of(clauses, trig.start))
        nearby = clauses[max(0, index - 1) : index + 2]
        return any(lex.ceasefire_realised.search(sentence.low[s:e]) for s, e in nearby)
    if trig.event_type == TALKS and lex.talks_not_held.search(sentence.low):
        return False
    own_topic = _own_topic(lex, sentence, clauses, trig) if trig.event_type == TALKS else None
    if own_topic is not None and lex.talks_off_topic.search(own_topic):
        # "talks about a deal to stem migration": the talks' own topic decides, not war words elsewhere
        return bool(_war_words(lex, own_topic) or lex.talks_on_topic.search(own_topic))
    if trig.event_type == TALKS and lex.talks_off_topic.search(sentence.low):
        start = lex.talks_topic_start.search(sentence.low)
        topic = sentence.low[start.start() :] if start else sentence.low
        return bool(_war_words(lex, sentence.low) or lex.talks_on_topic.search(topic))
    if trig.event_type == TALKS:
        off = art.off_topic.get(sentence.start)
        if off is None:
            off = art.off_topic[sentence.start] = _off_topic_next(art, sentence)
        return not off
    if trig.event_type == OFFENSIVE and (
        lex.verbal_attack.search(sentence.low) or lex.unrest_attack.search(sentence.low)
    ):
        return False
    if trig.event_type == OFFENSIVE and trig.strength == "weak":
        c_start, c_end = clause_of(clauses, trig.start)
        after = sentence.low[trig.start : c_end]
        span = (sentence.start + trig.start, sentence.start + trig.end)
        captured = lex.capture_object.search(sentence.low[trig.start : trig.end]) or art.ctx.places_in(*span)
        if lex.casualty_tally.search(sentence.low[: trig.start]):
            return False  # "more than 160 have been killed, most while carrying out attacks": a toll
        return bool(
            lex.offensive_realised.search(sentence.low[c_start:c_end])
            or lex.offensive_object_after.match(after)
            or (" " in trig.word and captured)  # "nahmen den Stützpunkt al-Anad ein", "nahm Kobane ein"
        )
    if trig.event_type == RESOLUTION:
        lowered_word = trig.word.lower()
        body = lex.resolution_body.search(sentence.low) or lex.resolution_body.search(art.low)
        if lowered_word.startswith("veto"):  # "nannte das Veto inakzeptabel" only refers to it
            return bool(body and lex.veto_verb.search(sentence.low))
        return bool(body and lex.resolution_context.search(sentence.low))
    return True


def _own_topic(lex: Lexicon, sentence: Sentence, clauses: list[tuple[int, int]], trig: Trigger) -> str | None:
    """The topic phrase right after a talks trigger, to the end of its clause ("talks about trade ..."; an
    agreement's object: "agreed a migration deal"), or None when the trigger is not followed by one."""
    rest = sentence.low[trig.end : clause_of(clauses, trig.start)[1]].lstrip()
    return rest if (trig.strength == "agreement" and rest) or lex.talks_topic_start.match(rest) else None


def _war_words(lex: Lexicon, low: str) -> bool:
    """Conflict words other than a bare "Konflikt" (next to trade or finance, a trade conflict)."""
    return any("konflikt" not in m.group() for m in lex.conflict_words.finditer(low))


def _off_topic_next(art: _Article, sentence: Sentence) -> bool:
    """ "Xi traf Merkel in Berlin. Sie sprachen über Handel.": the next sentence says what the meeting was
    about, and it is not the conflict."""
    lex = art.lexicon
    index = bisect.bisect_left(art.sentences, sentence.start, key=lambda s: s.start)
    if index + 1 >= len(art.sentences):
        return False
    nxt = art.sentences[index + 1].low
    if not lex.talks_off_topic.search(nxt) or lex.conflict_words.search(sentence.low):
        return False
    start = lex.talks_topic_start.search(nxt)
    topic = nxt[start.start() :] if start else nxt
    return not (_war_words(lex, nxt) or lex.talks_on_topic.search(topic))


def _sentence_candidates(art: _Article, index: int) -> list[Candidate]:
    sentence = art.sentences[index]
    clauses = sentence.clauses(art.lexicon)
    out: list[Candidate] = []
    realised = _realised(art, sentence, clauses)
    for event_type, best in realised.items():
        if event_type == TALKS and CEASEFIRE not in realised and _agreed_truce(art, index, sentence, best):
            event_type, best = CEASEFIRE, replace(best, event_type=CEASEFIRE, rule="ceasefire_agreed_anaphor")
        cand = _candidate(art, index, sentence, clauses, event_type, best)
        if cand is not None and best.rule == "ceasefire_agreed_anaphor":
            cand.trace.append(f"sentence {index + 1}: the agreement {best.word!r} is a truce's")
        if cand is None:
            word = f"{event_type} trigger {best.word!r} (rule {best.rule})"
            art.note(index, f"{word} realised, dropped: its arguments do not make an event")
            continue
        if event_type == RESOLUTION and art.lexicon.resolution_mutual.search(sentence.low):
            out.extend(_mutual_blocks(cand))
        elif event_type == TALKS:
            out.extend(_bilateral_calls(art, sentence, clauses, cand, best))
        elif event_type == OFFENSIVE:
            out.extend(_offensives_of_their_own(art, index, sentence, clauses, cand, best))
        else:
            out.append(cand)
    return out


def _foreign_target_state(
    art: _Article, sentence: Sentence, actors: Sequence[Actor], conflict: PlaceLike | None
) -> PlaceLike | None:
    """The country of a state the sentence says is attacked ("Angriff auf Israel", "rockets fired into
    Israel") or whose territory the attackers entered ("drangen auf israelisches Staatsgebiet vor", "crossed
    into Israeli territory") when it is not the country of the war's place (an article about Gaza): the
    attack was on that state's soil, not at the war's town."""
    if conflict is None or conflict.country is None:
        return None
    codes = [code for code in _attacked_states(art, sentence, actors) if "-" not in code]
    for code in codes:
        country = art.gaz.actor_country(code)
        if country is not None and country != conflict.country:
            return art.gaz.country_place(country)
    return None


def _attacked_states(art: _Article, sentence: Sentence, actors: Sequence[Actor]) -> list[str]:
    lex = art.lexicon
    targets = {a.code for a in actors if a.role == "target"}
    out = [
        m.code
        for m in art.ctx.actors_in(sentence.start, sentence.end)
        if m.code in targets
        and m.kind == "state"
        and lex.attack_on_state_before.search(art.ctx.low[max(0, m.start - 20) : m.start]) is not None
    ]
    if lex.state_territory_after.search(sentence.low) is None:
        return out
    for m in art.gaz.find_actors(sentence.text, lex.language):
        if m.kind in ("state", "demonym") and lex.state_territory_after.match(sentence.low[m.end : m.end + 30]):
            out.append(m.code)
    return out


def _told_foreign_attack(art: _Article, attackers: frozenset[str], conflict: PlaceLike | None) -> PlaceLike | None:
    """The place of an attack by the same attackers on a foreign state already told in the article
    ("Die Hamas griff Israel an ... die eingedrungenen Terroristen"): an unplaced mention of theirs is
    that attack, not the war's town."""
    if conflict is None:
        return None
    for sides, place in reversed(art.offensive_sides):
        if sides & attackers and place.precision == "country" and place.country != conflict.country:
            return place
    return None


def _named_as_elsewhere(art: _Article, sentence: Sentence, place: PlaceLike) -> bool:
    """The sentence names the war's place as another attack's ("nach dem Anschlag in Quetta haben Jets ...
    angegriffen"): its own words rule that place out, so the war's place is no fallback for it."""
    excluded = art.lexicon.reference_attack_before
    return any(
        p.place.name == place.name and excluded.search(art.ctx.low[max(0, p.start - 50) : p.start]) is not None
        for p in art.ctx.places_in(sentence.start, sentence.end)
    )


def _agreed_truce(art: _Article, index: int, sentence: Sentence, trig: Trigger) -> bool:
    """An agreement whose object is a truce: the one the sentence before states ("Ab Mitternacht sollen die
    Waffen schweigen. Darauf hätten sich beide Seiten geeinigt", "... took effect. Both sides agreed to it"),
    or halting the fighting itself ("agreed to halt the fighting")."""
    if trig.strength != "agreement":
        return False
    lex = art.lexicon
    truce_before = index > 0 and lex.truce_statement.search(art.sentences[index - 1].low) is not None
    if lex.agreement_anaphor.match(sentence.low[: trig.start]):
        return truce_before
    after = lex.agreement_truce_after.match(sentence.low[trig.end :])
    if after is None:
        return False
    return truce_before or lex.agreement_pronoun.search(after.group()) is None


def _offensives_of_their_own(
    art: _Article, index: int, sentence: Sentence, clauses: list[tuple[int, int]], cand: Candidate, best: Trigger
) -> list[Candidate]:
    """ "Jets struck PKK targets on Monday, a day after the militants had attacked a convoy": a second
    attack in a clause of its own, with its own armed subject before its trigger, is an event of its own;
    each keeps the parties of its own part of the sentence (else one sentence would fuse the two sides'
    attacks into one)."""
    other = _second_attack(art, sentence, clauses, best)
    if other is None:
        return [cand]
    c_start, _ = clause_of(clauses, other.start)
    split = sentence.start + c_start
    own = _candidate(art, index, sentence, clauses, OFFENSIVE, best, _positions_before(split))
    second = _candidate(art, index, sentence, clauses, OFFENSIVE, other, lambda pos: pos >= split)
    if own is None or second is None:
        return [cand]
    art.note(index, f"{OFFENSIVE} trigger {other.word!r} (rule {other.rule}) is an attack of its own clause")
    return [own, second]


def _subordinate_scope(
    art: _Article, sentence: Sentence, clause: tuple[int, int], passive: bool
) -> Callable[[int], bool] | None:
    """ "Weil sich Russland an der Offensive beteiligt, kam es zum Zerwürfnis mit den USA": an attack told
    in a subordinate clause that names its own attacker has the parties of that clause only."""
    words = sentence.low[clause[0] : clause[1]].split()
    if not words or words[0].strip('„"(') not in SUBORDINATORS[art.lexicon.language]:
        return None
    start, end = sentence.start + clause[0], sentence.start + clause[1]

    def inside(pos: int) -> bool:
        return start <= pos < end

    own = roles.roles_for(OFFENSIVE, art.ctx, sentence, art.lexicon, passive, inside)
    return inside if any(a.role == "attacker" for a in own) else None


def _outside_background(
    art: _Article, sentence: Sentence, clauses: list[tuple[int, int]], own: tuple[int, int]
) -> Callable[[int], bool] | None:
    """ "Two years after the jihadists seized the city ..., a force of Iraqi troops began to advance": the
    parties of history told in another clause of the sentence are not the parties of the news."""
    cue = art.lexicon.cues.get("background_relative")
    if cue is None:
        return None
    spans = [
        (sentence.start + s, sentence.start + e) for s, e in clauses if (s, e) != own and cue.search(sentence.low[s:e])
    ]
    if not spans:
        return None
    return lambda pos: not any(start <= pos < end for start, end in spans)


def _positions_before(split: int) -> Callable[[int], bool]:
    return lambda pos: pos < split


def _second_attack(art: _Article, sentence: Sentence, clauses: list[tuple[int, int]], best: Trigger) -> Trigger | None:
    """A realised offensive trigger after the best one, in a later clause whose armed subject (named before
    the trigger, in that clause) is not an attacker of the event so far."""
    best_clause = clause_of(clauses, best.start)
    passive = bool(art.lexicon.passive_marker.search(sentence.low))
    for trig in find_triggers(sentence, clauses, art.lexicon, art.hits):
        if trig.event_type != OFFENSIVE or trig.start <= best_clause[1]:
            continue
        c_start, _ = clause_of(clauses, trig.start)
        split = sentence.start + c_start
        before = roles.roles_for(OFFENSIVE, art.ctx, sentence, art.lexicon, passive, _positions_before(split))
        attackers = {a.code for a in before if a.role == "attacker"}
        if not attackers:
            continue  # nothing to keep apart: the later clause may name the one attack's parties
        subjects = [
            m
            for m in art.ctx.actors_in(sentence.start + c_start, sentence.start + trig.start)
            if not m.source and m.code not in NON_ARMED
        ]
        if not subjects or subjects[0].code in attackers:
            continue
        if modality(sentence, clauses, trig, art.lexicon) == REALISED and _trigger_ok(art, sentence, clauses, trig):
            return trig
    return None


def _candidate(
    art: _Article,
    index: int,
    sentence: Sentence,
    clauses: list[tuple[int, int]],
    event_type: str,
    trig: Trigger,
    scope: Callable[[int], bool] | None = None,
) -> Candidate | None:
    lex = art.lexicon
    steps: list[str] = []  # decisions about this mention, for its event's trace
    clause = clause_of(clauses, trig.start)
    passive = bool(lex.passive_marker.search(sentence.low))
    if scope is None and event_type == OFFENSIVE and lex.subordinate_attack_scope:
        scope = _subordinate_scope(art, sentence, clause, passive)
    if scope is None:
        scope = _outside_background(art, sentence, clauses, clause)
    actors = roles.roles_for(event_type, art.ctx, sentence, lex, passive, scope)
    first = sentence.low[clauses[0][0] : clauses[0][1]]
    if event_type in (OFFENSIVE, CEASEFIRE) and not lex.passive_marker.search(first):
        actors = _pronoun_subject(art, index, event_type, actors)  # a passive relative clause does not matter
    explicit = {a.code for a in actors}
    if event_type == TALKS and any(a.code == "UNSC" for a in actors):
        # a session of the Security Council is the body at work: talks only between members it names
        actors = [a for a in actors if a.code != "UNSC"]
        if len({a.code for a in actors}) < 2:
            return None
    if event_type == TALKS:
        filled = _fill_talks(art, index, actors, trig)
        if filled is None:
            return None
        actors = filled
    if event_type == OFFENSIVE and trig.strength == "weak" and not _armed(actors):
        if not _unnamed_force_against_armed(art, sentence, trig, actors):
            return None
        steps.append(f"sentence {index + 1}: unnamed forces against an armed party make {trig.word!r} strong")
        trig = replace(trig, strength="strong")
    if event_type == OFFENSIVE and not actors:
        actors = _recent_attackers(art, index)
    if event_type == OFFENSIVE and any(a.role == "attacker" for a in actors):
        art.attackers.append((index, [a for a in actors if a.role == "attacker"]))
    if event_type == RESOLUTION:
        actors = _with_nearby_sponsors(art, index, actors)
    if event_type == CEASEFIRE and not actors:
        actors = _truce_parties(art, index)
    place = roles.choose_place(event_type, art.ctx, sentence, clause, trig.start, lex, art.gaz)
    own = place
    # "strikes across Hasaka province": a province the gazetteer has no region for leaves no point, and no
    # town is borrowed for it (a campaign over a province is not at one of its towns)
    province = event_type == OFFENSIVE and any(sentence.start <= s < sentence.end for s in art.ctx.provinces)
    if province and place is not None and place.precision == "country":
        place = None
    if place is not None and place.precision == "country" and event_type in (OFFENSIVE, TALKS):
        place = _campaign_town(art, index, place, event_type)
    if place is None and event_type == TALKS:
        place = _neighbour_venue(art, index) or _scene_venue(art, index) or roles.dateline_venue(art.ctx, lex)
    region = event_type == OFFENSIVE and (province or lex.country_region.search(sentence.low) is not None)
    if place is None and event_type == OFFENSIVE and not region and lex.anaphoric_place.search(sentence.low):
        place = _previous_place(art, index)
    conflict = art.ctx.conflict_place
    target_state = (
        _foreign_target_state(art, sentence, actors, conflict) if place is None and event_type == OFFENSIVE else None
    )
    if target_state is not None:
        steps.append(f"sentence {index + 1}: an attack on {target_state.name}, placed there (not at the war's town)")
        place = target_state  # "Hamas attacked Israel" in a Gaza article: not at the war's town
    attackers = frozenset(a.code for a in actors if a.role == "attacker")
    if place is None and event_type == OFFENSIVE and attackers:
        told = _told_foreign_attack(art, attackers, conflict)
        if told is not None:
            steps.append(f"sentence {index + 1}: the same attackers' attack on {told.name} told before, placed there")
            place = told
    if place is not None and event_type == OFFENSIVE and attackers:
        art.offensive_sides.append((attackers, place))
    if (
        place is None
        and event_type == OFFENSIVE
        and conflict is not None
        and conflict.precision != "country"
        and not region
        and (own is None or own.country == conflict.country)  # not when the sentence names another country
        and not _named_as_elsewhere(art, sentence, conflict)
    ):
        place = conflict  # fighting "an mehreren Abschnitten der Front": the war's place
    if place is not None and event_type == OFFENSIVE:
        art.offensive_places.append((index, place))
    if event_type in (TALKS, CEASEFIRE) and len({a.code for a in actors}) >= 2:
        art.parties.append((index, [a for a in actors if a.code not in BODIES]))
    occurred = _date(art, index, clause, trig, event_type)
    if occurred is None and event_type == RESOLUTION:
        occurred = _session_day(art, index)
    if _historical(art, index, occurred):
        return None
    if _origin_of_a_state(sentence, trig, lex):
        art.note(index, f"{event_type} trigger {trig.word!r} dropped: background, the origin of what has gone on since")
        return None
    if _stale(art, occurred):
        if not _still_going(art.lexicon, sentence.low):
            art.note(index, f"{event_type} trigger {trig.word!r} dropped: background, dated well before publication")
            return None
        assert occurred is not None and art.pub is not None and art.pub.date is not None
        occurred = replace_struct(occurred, end=art.pub.date)  # begun then, going on now
    background = bool(lex.background_clause.search(sentence.low[clause[0] : clause[1]])) or any(
        d.occurred.precision == "year" and not _SINCE_YEAR.match(d.occurred.text or "") for d in art.dates[index]
    )
    clause_texts = [sentence.low[s:e] for s, e in clauses]
    casualties = casualties_in(clause_texts, lex) if event_type == OFFENSIVE else None
    if event_type == OFFENSIVE:
        casualties = merge_casualties(casualties, _followup_casualties(art, index))
    estimate = _confidence(art, sentence, trig, actors, explicit, place, occurred, background)
    return Candidate(
        event_type=event_type,
        sentence_index=index,
        evidence_start=sentence.start,
        evidence_end=sentence.end,
        actors=actors,
        place=place,
        occurred=occurred,
        casualties=casualties,
        confidence=estimate,
        strength=trig.strength,
        explicit_codes=explicit,
        headline=sentence.headline,
        background=background,
        default_date=None if background else _news_default_date(art.pub),
        place_inferred=place is not None and place is not own,
        country_hint=own.country if own is not None and place is None and own.precision == "country" else None,
        trace=[
            f"sentence {index + 1}: {event_type} trigger {trig.word!r} ({trig.strength}, rule {trig.rule}), realised",
            *steps,
        ],
    )


def _confidence(
    art: _Article,
    sentence: Sentence,
    trig: Trigger,
    actors: list[Actor],
    explicit: set[str],
    place: PlaceLike | None,
    occurred: Occurred | None,
    background: bool,
) -> float:
    """The extractor's own estimate that the event is right in every field: a realised, explicit
    trigger with actors, place and date stated in the sentence itself scores high; borrowed
    actors, inferred places or dates, allegations and background mentions lower."""
    score = 0.45 + (0.1 if trig.strength == "strong" else 0.0)
    in_sentence = any(sentence.start <= p.start < sentence.end for p in art.ctx.places_in(sentence.start, sentence.end))
    if place is not None:
        score += 0.1 if in_sentence else 0.05
    codes = {a.code for a in actors}
    if codes:
        score += 0.1 if codes <= explicit else 0.05  # actors borrowed from the context count less
    if occurred is not None:
        score += 0.1
    if art.lexicon.allegation.search(sentence.low):
        score -= 0.1  # "sollen ... bombardiert haben", "angeblich"
    if background:
        score -= 0.1
    if sentence.headline:
        score -= 0.05
    return round(max(0.2, min(score, 0.9)), 2)


_ACTING: dict[str, Literal["attacker", "announced_by"]] = {OFFENSIVE: "attacker", CEASEFIRE: "announced_by"}


def _pronoun_of(art: _Article, index: int) -> str | None:
    """ "personal" or "demonstrative" when the sentence's first clause has a pronoun subject named before
    any party ("Am Mittwoch nahmen sie ...", "Dieser hatte ..."; not "Die Armee griff sie an")."""
    sentence = art.sentences[index]
    c_start, c_end = sentence.clauses(art.lexicon)[0]
    first = sentence.low[c_start:c_end]
    for kind, pattern in (
        ("demonstrative", art.lexicon.demonstrative_subject),
        ("personal", art.lexicon.pronoun_subject),
    ):
        m = pattern.search(first)
        if m is not None:
            named_before = art.ctx.actors_in(sentence.start + c_start, sentence.start + c_start + m.end())
            return None if named_before else kind
    return None


def _referent(art: _Article, index: int, depth: int = 0) -> str | None:
    """The party sentence `index` speaks of as its subject: the acting party of its event, else the
    first party it names (following a pronoun subject back, up to three sentences)."""
    if index in art.subjects:
        return art.subjects[index]
    if depth < 3 and index > 0 and _pronoun_of(art, index) == "personal":
        return _referent(art, index - 1, depth + 1)
    s = art.sentences[index]
    named = [m for m in art.ctx.actors_in(s.start, s.end) if not m.source]
    return named[0].code if named else None


def _pronoun_subject(art: _Article, index: int, event_type: str, actors: list[Actor]) -> list[Actor]:
    """The party a pronoun subject stands for: "sie" the previous sentence's subject, "dieser" the last
    party named there. It acts; parties the sentence only names keep their other roles."""
    role = _ACTING[event_type]
    kind = _pronoun_of(art, index) if index > 0 else None
    code = None
    if kind == "demonstrative":
        prev = art.sentences[index - 1]
        named = [m for m in art.ctx.actors_in(prev.start, prev.end) if not m.source]
        code = named[-1].code if named else None
    elif kind == "personal":
        code = _referent(art, index - 1)
    if code is None:
        acting = [a.code for a in actors if a.role == role]
        if acting:
            art.subjects[index] = acting[0]
        return actors
    art.subjects[index] = code
    name = next((a.name for a in actors if a.code == code), code)
    rest = [a for a in actors if a.code != code and a.role != role]
    return [Actor(name=name, code=code, role=role), *rest]


def _with_nearby_sponsors(art: _Article, index: int, actors: list[Actor]) -> list[Actor]:
    """Sponsors of the draft named in the neighbouring sentences ("Der Entwurf, den Frankreich
    und Spanien zur Abstimmung stellten, ..."), unless they are the ones blocking."""
    if any(a.role == "sponsor" for a in actors):
        return actors
    known = {a.code for a in actors}
    out = list(actors)
    for neighbour in (index - 1, index + 1, index + 2):
        if 0 <= neighbour < len(art.sentences):
            s = art.sentences[neighbour]
            for a in roles.draft_sponsors(art.ctx, art.ctx.actors_in(s.start, s.end), art.lexicon):
                if a.code not in known:
                    out.append(a)
                    known.add(a.code)
    return out


def _unnamed_force_against_armed(art: _Article, sentence: Sentence, trig: Trigger, actors: list[Actor]) -> bool:
    """ "The rapid response forces ... took the town from the jihadists": troops the text does not name
    acting against an armed party are an armed attacker too."""
    if not any(a.role == "target" and a.code not in NON_ARMED for a in actors):
        return False
    return bool(art.lexicon.unnamed_force.search(sentence.low[: trig.start]))


def _armed(actors: list[Actor]) -> bool:
    return any(a.code not in NON_ARMED and a.role == "attacker" for a in actors)


def _fill_talks(art: _Article, index: int, actors: list[Actor], trig: Trigger) -> list[Actor] | None:
    """Talks need two parties; borrow them from the neighbouring sentences or the article."""
    codes = {a.code for a in actors}
    if len(codes) >= 2:
        return actors
    sentence = art.sentences[index]
    if len(codes) == 1 and art.lexicon.domestic_meeting.search(sentence.low):
        return None  # "Putin äußerte sich in einem Treffen mit Generalstabschef Gerassimow": his own side
    if trig.strength in ("agreement", "weak") and not art.lexicon.generic_parties.search(sentence.low):
        return None  # "die Kontaktgruppe hat sich geeinigt": the article's parties agreed
    recent = [found for i, found in art.parties if index - 4 <= i < index]
    if recent:  # "Die beiden Präsidenten berieten ...", "Das Gespräch dauerte ...": the talks just reported
        for a in recent[-1]:
            if a.code not in codes:
                actors.append(Actor(name=a.name, code=a.code, role="participant"))
                codes.add(a.code)
        return actors if len(codes) >= 2 else None
    for neighbour in (index - 1, index + 1):
        if 0 <= neighbour < len(art.sentences) and len(codes) < 2:
            s = art.sentences[neighbour]
            for m in art.ctx.actors_in(s.start, s.end):
                if m.code not in codes and not m.source and m.code not in BODIES:
                    actors.append(Actor(name=m.surface, code=m.code, role="participant"))
                    codes.add(m.code)
    # a sentence naming nobody ("bis sie sich am Ende treffen") borrows the article's parties only when it
    # speaks of them ("die Konfliktparteien", "beide Seiten")
    if (codes or art.lexicon.generic_parties.search(sentence.low)) and len(codes) < 2:
        for code in art.ctx.top_codes(3):
            if code not in codes and len(codes) < 2:
                actors.append(Actor(name=code, code=code, role="participant"))
                codes.add(code)
    return actors if len(codes) >= 2 else None


def _recent_attackers(art: _Article, index: int) -> list[Actor]:
    """An attack whose sentence names nobody ("Wie der Sprecher mitteilte, traf einer der nächtlichen
    Luftangriffe ein Wohngebiet in Chan Junis") is by the attacker of the attack just reported."""
    recent = [found for i, found in art.attackers if index - 3 <= i < index]
    if recent:
        return list(recent[-1])
    if not art.lexicon.generic_parties.search(art.sentences[index].low):
        return []
    # "Vor Ablauf der Frist griffen sich beide Seiten wieder gegenseitig an": the sides of the truce just told
    sides = [found for i, found in art.parties if index - 10 <= i < index]
    if not sides:
        return []
    parties = [a for a in sides[-1] if a.role == "party"] or sides[-1]  # not the broker who announced it
    return [Actor(name=a.name, code=a.code, role="attacker") for a in parties]


def _truce_parties(art: _Article, index: int) -> list[Actor]:
    """A truce whose sentence names nobody ("Ab Mitternacht sollen die Waffen schweigen.") is between the
    parties of the talks or truce just reported, or those the next sentence says agreed it ("Darauf hätten
    sich beide Seiten geeinigt"), or, where a sentence speaks of "beide Seiten", the war's parties."""
    lex = art.lexicon
    recent = [found for i, found in art.parties if index - 4 <= i < index]
    if recent:
        return [Actor(name=a.name, code=a.code, role="party") for a in recent[-1]]
    generic = bool(lex.generic_parties.search(art.sentences[index].low))
    if index + 1 < len(art.sentences):
        nxt = art.sentences[index + 1]
        if lex.ceasefire_realised.search(nxt.low):
            named = {m.code: m.surface for m in art.ctx.actors_in(nxt.start, nxt.end) if not m.source}
            named = {code: name for code, name in named.items() if code not in BODIES}
            if len(named) >= 2:
                return [Actor(name=name, code=code, role="party") for code, name in named.items()]
            generic = generic or bool(lex.generic_parties.search(nxt.low))
    if not generic:
        return []
    return [Actor(name=code, code=code, role="party") for code in art.ctx.top_codes(2)]


def _followup_casualties(art: _Article, index: int) -> Casualties | None:
    """The toll given in the next sentences of the same paragraph ("Dabei wurden drei Soldaten getötet",
    "Nach Angaben von Rettungskräften wurden 18 Zivilisten getötet"), up to three on, until a sentence
    reports another attack of its own."""
    lex = art.lexicon
    prev = art.sentences[index]
    for nxt in art.sentences[index + 1 : index + 4]:
        cue = lex.casualty_followup.search(nxt.low)
        if "\n" in art.cleaned[prev.end : nxt.start] and not cue:
            return None  # a new paragraph, unless it says "in the fighting", "bei den Angriffen"
        lo = bisect.bisect_left(art.hits, (nxt.start,))
        if not cue and any(lex.triggers[h[2]].event_type == OFFENSIVE for h in art.hits[lo:] if h[0] < nxt.end):
            return None  # another attack's own report
        if lex.casualty_killed.search(nxt.low) or lex.victim_killed.search(nxt.low):  # else no toll of the dead
            found = casualties_in([nxt.low[s:e] for s, e in nxt.clauses(lex)], lex)
            if found is None or found.killed is None:  # "At least 14 civilians, including five children, were killed"
                found = casualties_in([nxt.low], lex)
            if found is not None and found.killed is not None:
                return found
        prev = nxt
    return None


def _campaign_town(art: _Article, index: int, country: PlaceLike, event_type: str) -> PlaceLike | None:
    """An offensive or talks stated only with a country ("haben Ziele in Syrien angegriffen"): the town of
    the same country named in the neighbouring sentences (nearest first; for talks, a venue). Else talks
    keep the country; an offensive takes the article's conflict place there, the country only when the
    sentence speaks of the whole country, else no place (a country's centroid is nowhere near the town
    the attack hit)."""
    sentence = art.sentences[index]
    if art.lexicon.nationwide.search(sentence.low):
        return country
    for neighbour in (index - 1, index + 1, index - 2, index + 2):
        if not 0 <= neighbour < len(art.sentences):
            continue
        s = art.sentences[neighbour]
        for p in art.ctx.places_in(s.start, s.end):
            before = art.low[max(0, p.start - 40) : p.start]
            if (
                p.place.precision != "country"
                and p.start not in art.ctx.provinces
                and p.place.country == country.country
                and not art.lexicon.landmark_before.search(before)
                and (event_type != TALKS or roles.venue_in(art.ctx, s, art.lexicon) == p.place)
            ):
                return p.place
    if event_type == TALKS:
        return country  # "Gespräche in Schweden": a country venue is what the text says
    conflict = art.ctx.conflict_place
    if conflict is not None and conflict.precision != "country" and conflict.country == country.country:
        return conflict
    return None


def _neighbour_venue(art: _Article, index: int) -> PlaceLike | None:
    """Talks stated without a venue ("Nach stundenlangen Verhandlungen ...") held where a neighbouring
    sentence about the same meeting or agreement says ("in München"), or the next one tells where it took
    place ("Die Zeremonie fand in Skhirat statt"); the nearest first, up to two sentences away."""
    diplomatic = {i for i, rule in enumerate(art.lexicon.triggers) if rule.event_type in (TALKS, CEASEFIRE)}
    for neighbour in (index - 1, index + 1, index - 2, index + 2):
        if not 0 <= neighbour < len(art.sentences):
            continue
        s = art.sentences[neighbour]
        lo = bisect.bisect_left(art.hits, (s.start,))
        about = any(h[2] in diplomatic for h in art.hits[lo:] if h[0] < s.end)
        if not (about or (abs(neighbour - index) == 1 and art.lexicon.took_place.search(s.low))):
            continue
        venue = roles.venue_in(art.ctx, s, art.lexicon)
        if venue is not None:
            return venue
    return None


def _scene_venue(art: _Article, index: int) -> PlaceLike | None:
    """Talks told as the next step of a visit ("Danach traf der Präsident König Charles"): held where the
    scene just told took place, the nearest city named as a venue up to three sentences back."""
    if not art.lexicon.scene_continuation.match(art.sentences[index].low):
        return None
    for prev in range(index - 1, max(-1, index - 4), -1):
        venue = roles.venue_in(art.ctx, art.sentences[prev], art.lexicon)
        if venue is not None:
            return venue
    return None


def _previous_place(art: _Article, index: int) -> PlaceLike | None:
    """What "die Stadt", "dort" refers to: a town the sentence right before names (the nearest antecedent),
    else the place of the offensive just reported, else the first place in the previous sentences that is
    not only a landmark ("zwischen X und Y")."""
    if index > 0:
        town = _first_town(art, art.sentences[index - 1])
        if town is not None:
            return town
    recent = [place for i, place in art.offensive_places if index - 6 <= i < index]
    if recent:
        return recent[-1]
    if art.ctx.conflict_place is not None:
        return art.ctx.conflict_place
    for prev in range(index - 1, max(-1, index - 3), -1):
        s = art.sentences[prev]
        for p in art.ctx.places_in(s.start, s.end):
            before = art.low[max(0, p.start - 40) : p.start]
            if (
                p.place.precision != "country"
                and p.start not in art.ctx.provinces
                and not art.lexicon.landmark_before.search(before)
            ):
                return p.place
    return None


def _session_day(art: _Article, index: int) -> Occurred | None:
    """An undated blocked draft ("Other members rejected Russia's draft") voted on at the session the sentence
    right before dates ("it called for Security Council action at an emergency meeting Friday")."""
    if index == 0 or art.pub is None:
        return None
    prev = art.sentences[index - 1]
    if not art.lexicon.resolution_body.search(prev.low):
        return None
    days = [
        d
        for d in DateResolver(art.pub, art.lexicon).find(art.cleaned, art.low, [(prev.start, prev.end)])
        if d.occurred.precision == "day" and not _after_publication(art, d.occurred)
    ]
    return days[-1].occurred if days else None


def _first_town(art: _Article, s: Sentence) -> PlaceLike | None:
    for p in art.ctx.places_in(s.start, s.end):
        before = art.low[max(0, p.start - 40) : p.start]
        if (
            p.place.precision == "city"
            and p.start not in art.ctx.provinces
            and p.place.country == art.ctx.main_country  # a venue abroad is not the town fought over
            and p.place.name not in art.lexicon.venue_places
            and not art.lexicon.landmark_before.search(before)
        ):
            return p.place
    return None


def _date(art: _Article, index: int, clause: tuple[int, int], trig: Trigger, event_type: str) -> Occurred | None:
    mentions = art.dates[index]
    sentence = art.sentences[index]
    clauses = sentence.clauses(art.lexicon)
    usable = [
        d
        for d in mentions
        if d.occurred.precision != "year"
        and not _future_elsewhere(art, sentence, clauses, clause, d.start)
        and not _after_publication(art, d.occurred)
        and not _of_another_noun(art, sentence, clauses, clause, trig, d.start)
    ]
    in_clause = [d for d in usable if clause[0] <= d.start < clause[1]]
    pool = in_clause or usable
    # "Am Sonntagmittag trat nun eine Waffenruhe in Kraft": the named day dates it, not the "nun" nearer by
    pool = [d for d in pool if not art.lexicon.deictic_now.fullmatch((d.occurred.text or "").lower())] or pool
    if pool:
        return min(pool, key=lambda d: abs(d.start - trig.start)).occurred
    years = [d for d in mentions if d.occurred.precision == "year" and clause[0] <= d.start < clause[1]]
    if years and art.lexicon.background_clause.search(sentence.low[clause[0] : clause[1]]):
        return years[0].occurred  # "hatten Kirkuk 2014 eingenommen": a past event of that year
    ongoing = art.lexicon.present_ongoing.search(sentence.low[clause[0] : clause[1]])
    if event_type == OFFENSIVE and ongoing and art.pub is not None and art.pub.date is not None:
        day = art.pub.date
        words = sentence.text[clause[0] + ongoing.start() : clause[0] + ongoing.end()]
        return Occurred(start=day, end=day, precision="day", text=words)
    return _date_of_the_next_sentence(art, index)


def _date_of_the_next_sentence(art: _Article, index: int) -> Occurred | None:
    """ "... auf eine Waffenruhe geeinigt. Sie trat in der Nacht zum Freitag in Kraft.": a next sentence
    about the event (a pronoun its subject) dates it when its own sentence does not."""
    nxt = index + 1
    if nxt >= len(art.sentences) or _pronoun_of(art, nxt) != "personal":
        return None
    first = art.sentences[nxt].clauses(art.lexicon)[0]
    usable = [
        d
        for d in art.dates[nxt]
        if first[0] <= d.start < first[1] and d.occurred.precision != "year" and not _after_publication(art, d.occurred)
    ]
    return usable[0].occurred if usable else None


_YEAR = re.compile(r"(?<![\w.])(1[5-9]\d\d|20\d\d)(?!\w|\.\d)")
_YEARS_AGO = re.compile(r"\bvor\s+(\d+)\s+jahren\b|\b(\d+)\s+years\s+ago\b")
_SINCE = re.compile(r"\b(?:seit|since|bis|until|ab)\s+(?:[\w-]+\s+){0,3}$")
_DIGIT = re.compile(r"\d")
# "erstmals seit 2022", "for the first time since 2022": the year starts a span up to now, it does not put
# the event back in that year
_SINCE_YEAR = re.compile(r"(?i)(?:seit|since)\b")


def _old_years(art: _Article, low: str) -> tuple[bool, bool]:
    """Whether a text names a year long before publication ("1942", "vor 75 Jahren"; not "seit 2011",
    the start of something still going on) and whether it names a recent one."""
    assert art.pub is not None
    limit = art.pub.year - 2
    old = recent = False
    for m in _YEAR.finditer(low):
        if int(m.group(1)) >= limit:
            recent = True
        elif not _SINCE.search(low[max(0, m.start() - 40) : m.start()]):
            old = True
    for m in _YEARS_AGO.finditer(low):
        if int(m.group(1) or m.group(2)) > 2:
            old = True
    return old, recent


def _historical(art: _Article, index: int, occurred: Occurred | None) -> bool:
    """History, not news: an event dated years before publication ("Im August 1942 griff die Wehrmacht
    ... an"), or told undated right after such a date in the same paragraph (an anniversary piece, a film
    review: "Der Film erzählt von der Landung 1944. Amerikanische Truppen griffen ... an")."""
    if art.pub is None:
        return False
    limit = art.pub.year - 2
    if occurred is not None and (occurred.end.year < limit or occurred.text is None):
        return occurred.end.year < limit
    if occurred is not None and (
        occurred.text is None or _YEAR.search(occurred.text) or not _DIGIT.search(occurred.text)
    ):
        return False  # "am 3. März 2018", "am Montag", "im vergangenen Jahr": anchored by the text or the day
    # undated, or a day without a year ("Am 19. November startete die Rote Armee ...") right after 1942
    sentence = art.sentences[index]
    old, recent = _old_years(art, sentence.low)
    if recent:
        return False
    if old:
        return True
    for prev in range(index - 1, max(-1, index - 3), -1):
        s = art.sentences[prev]
        if "\n" in art.cleaned[s.end : art.sentences[prev + 1].start]:
            return False  # another paragraph
        old, recent = _old_years(art, s.low)
        if recent:
            return False
        if old:
            return True
    return False


# News reports what happened in the last weeks; an event the text itself dates more than a month before
# publication ("im Juni" in October, "during the June 2014 onslaught") is background to the news
# (reported in its own time), not a new event.
_STALE_AFTER = dt.timedelta(days=30)


def _origin_of_a_state(sentence: Sentence, trig: Trigger, lex: Lexicon) -> bool:
    """ "Yemen has been in chaos since late 2014, when the Houthis overran Sanaa": the trigger tells how a
    state began, years ago, not news."""
    return any(m.end() <= trig.start for m in lex.since_when.finditer(sentence.low))


def _stale(art: _Article, occurred: Occurred | None) -> bool:
    if occurred is None or occurred.text is None or art.pub is None or art.pub.date is None:
        return False
    return art.pub.date - occurred.end > _STALE_AFTER


def _still_going(lex: Lexicon, low: str) -> bool:
    """The sentence tells the event as going on ("hat ihre Offensive, die im Oktober begann, fortgesetzt")."""
    return bool(lex.present_ongoing.search(low) or lex.continuation.search(low))


def _of_another_noun(
    art: _Article, sentence: Sentence, clauses: list[tuple[int, int]], own: tuple[int, int], trig: Trigger, pos: int
) -> bool:
    """A date in a relative clause after a verbal trigger's clause ("rückten auf die Stadt vor, die seit
    August 2014 vom IS gehalten wird") is about a noun there, not the event. After a nominal trigger
    ("die Offensive auf Mossul, die am 17. Oktober begann") it may be the event's own and is kept."""
    other = clause_of(clauses, pos)
    if other == own or other[0] < own[1] or trig.nominal:
        return False
    return bool(art.lexicon.relative_pronoun_clause.match(sentence.low, other[0]))


def _after_publication(art: _Article, occurred: Occurred) -> bool:
    """A date wholly after the publication day cannot date a realised event ("the truce would
    begin on 15 February" in an article of 12 February dates the start, not the agreement)."""
    return art.pub is not None and art.pub.date is not None and occurred.start > art.pub.date


def _future_elsewhere(
    art: _Article, sentence: Sentence, clauses: list[tuple[int, int]], own: tuple[int, int], pos: int
) -> bool:
    """A date in another clause that is future or planned ("..., die am 15. Februar in Kraft trete"),
    or an earlier event's own ("..., in die sich Hadi im Februar geflüchtet hatte")."""
    other = clause_of(clauses, pos)
    if other == own:
        return False
    text = sentence.low[other[0] : other[1]]
    if art.lexicon.future_clause.search(text):
        return True
    # a sentence's first clause is its main clause, never a relative one ("Die Kämpfe waren am 26. August
    # ausgebrochen, als ... vorrückte" dates the advance)
    return bool(other[0] > 0 and art.lexicon.relative_clause.match(text) and art.lexicon.background_clause.search(text))


def _news_default_date(pub: PubDate | None) -> Occurred | None:
    """An undated realised event in news copy: the day before or the day of publication
    (wire copy reports what happened "yesterday" or "today" without always saying so)."""
    if pub is None:
        return None
    day = pub.date
    if day is None:
        first, last = pub.month_range()
        return Occurred(start=first, end=last, precision="month", text=None)
    return Occurred(start=day - dt.timedelta(days=1), end=day, precision="day", text=None)


def _mutual_blocks(cand: Candidate) -> list[Candidate]:
    """ "Russland und Frankreich blockierten gegenseitig Resolutionen": each blocked the other's."""
    states = [a for a in cand.actors if a.code not in BODIES]
    if len(states) < 2:
        return [cand]
    out = []
    for blocker in states:
        actors = [Actor(name=blocker.name, code=blocker.code, role="blocked_by")] + [
            Actor(name=a.name, code=a.code, role="sponsor") for a in states if a.code != blocker.code
        ]
        out.append(
            Candidate(
                event_type=cand.event_type,
                sentence_index=cand.sentence_index,
                evidence_start=cand.evidence_start,
                evidence_end=cand.evidence_end,
                actors=actors,
                place=cand.place,
                occurred=cand.occurred,
                casualties=None,
                confidence=cand.confidence,
                strength=cand.strength,
                explicit_codes=set(cand.explicit_codes),
                headline=cand.headline,
                background=cand.background,
            )
        )
    return out


def _bilateral_calls(
    art: _Article, sentence: Sentence, clauses: list[tuple[int, int]], cand: Candidate, trig: Trigger
) -> list[Candidate]:
    """ "Ruto telefonierte mit Macron und Rubio": a phone call joins two parties, so a caller with several
    counterparts (named after the marker, "mit"/"with") made one call with each."""
    lex = art.lexicon
    if not lex.phone_call.search(trig.word.lower()):
        return [cand]
    marker = lex.counterpart_marker.search(sentence.low, trig.start)
    if marker is None:
        return [cand]
    at = sentence.start + marker.start()
    clause_end = sentence.start + max(clause_of(clauses, trig.start)[1], trig.end)
    codes = cand.codes()
    named = [m for m in art.ctx.actors_in(sentence.start, sentence.end) if m.code in codes]
    counterparts = list(dict.fromkeys(m.code for m in named if at < m.start < clause_end))
    callers = codes - set(counterparts)
    if len(callers) != 1 or len(counterparts) < 2:
        return [cand]
    caller = [a for a in cand.actors if a.code in callers]
    out = []
    for code in counterparts:
        other = [a for a in cand.actors if a.code == code]
        trace = [*cand.trace, f"a call with each counterpart: {next(iter(callers))} with {code}"]
        out.append(
            replace(cand, actors=caller + other, explicit_codes=cand.explicit_codes & (callers | {code}), trace=trace)
        )
    return out


def _sufficient(c: Candidate) -> bool:
    """The event's conflict context: enough parties, an armed actor or a military trigger with a place."""
    if c.event_type == OFFENSIVE:
        return _armed(c.actors) or (c.strength == "strong" and c.place is not None)
    if c.event_type == CEASEFIRE:
        return bool(c.actors) or c.place is not None
    if c.event_type == RESOLUTION:
        return bool(c.codes("blocked_by") or c.codes("sponsor"))
    return len(c.codes()) >= 2 or (bool(c.codes()) and c.place is not None)


def _traced(art: _Article, c: Candidate) -> Traced:
    features = confidence.features_of(c, art.lexicon.language)
    trace = (*c.trace, f"confidence {confidence.calibrated(features)} (rule estimate {c.confidence})")
    return Traced(event=_to_event(art, c, confidence.calibrated(features)), trace=trace, features=features)


def _to_event(art: _Article, c: Candidate, calibrated: float) -> ConflictEvent:
    location = None
    if c.place is not None:
        p = c.place
        location = Location(name=p.name, country=p.country, lat=p.lat, lon=p.lon, precision=p.precision)  # type: ignore[arg-type]
    evidence = Evidence(text=art.text[c.evidence_start : c.evidence_end], start=c.evidence_start, end=c.evidence_end)
    cls = _TYPES[c.event_type]
    occurred = c.occurred
    if occurred is None and not c.background:
        occurred = _news_default_date(art.pub)
    event: ConflictEvent = cls(
        occurred=occurred,
        location=location,
        actors=tuple(c.actors),
        casualties=c.casualties,
        evidence=evidence,
        confidence=calibrated,
    )
    return event
