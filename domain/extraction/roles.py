"""Roles: which actors (via the gazetteer plus generic force words) and which place.

Article-level resolution happens once (`ArticleContext`); per event, the actors of the
event's sentence are given roles by the words around them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from domain.events import Actor
from domain.extraction.codes import ALPHA3, BODIES, INSURGENTS_OF, ISIL_STATES, MILITIA_SIDED, NON_ARMED, rebels_of
from domain.extraction.gazetteer_port import GazetteerPort, PlaceLike, PlaceMentionLike
from domain.extraction.lexicon import CAPITAL, CEASEFIRE, OFFENSIVE, RESOLUTION, TALKS, GenericForce, Lexicon
from domain.extraction.normalize import lowered
from domain.extraction.sentences import Sentence

_STATE_KINDS = frozenset({"state", "demonym", "person"})
_TARGET_WORDS = ("hochburg", "gebiet", "stellung")


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention in the article, resolved to a code (offsets into the article)."""

    start: int
    end: int
    surface: str
    code: str
    kind: str  # gazetteer kind, or "generic"
    source: bool  # attribution only ("laut X", "X zufolge")


@dataclass(frozen=True, slots=True)
class LandmarkVenue:
    """A seat of government named as a venue ("im Kanzleramt"), standing for its city."""

    start: int
    end: int
    surface: str
    place: PlaceLike


def _start(mention: Mention | PlaceMentionLike) -> int:
    return mention.start


@dataclass(slots=True)
class ArticleContext:
    text: str
    low: str  # `text` lower-cased, same offsets
    actors: list[Mention]
    places: list[PlaceMentionLike]
    main_country: str | None  # alpha-2
    main_state: str | None  # alpha-3
    jihadist_code: str | None
    conflict_place: PlaceLike | None = None  # the most-named town or region of the main country
    landmarks: list[LandmarkVenue] = field(default_factory=list)  # "im Kanzleramt" -> Berlin, sorted by start
    dateline: PlaceLike | None = None  # the city of the article's wire dateline ("GENEVA", "Moskau (dpa) –")
    provinces: set[int] = field(default_factory=set)  # starts of town names standing for their province

    def actors_in(self, start: int, end: int) -> list[Mention]:
        """Actor mentions starting in [start, end) (`actors` is sorted by start)."""
        lo = bisect.bisect_left(self.actors, start, key=_start)
        hi = bisect.bisect_left(self.actors, end, lo, key=_start)
        return self.actors[lo:hi]

    def places_in(self, start: int, end: int) -> list[PlaceMentionLike]:
        """Place mentions starting in [start, end) (`places` is sorted by start)."""
        lo = bisect.bisect_left(self.places, start, key=_start)
        hi = bisect.bisect_left(self.places, end, lo, key=_start)
        return self.places[lo:hi]

    def top_codes(self, limit: int) -> list[str]:
        counts = Counter(a.code for a in self.actors if not a.source and a.code not in BODIES)
        return [code for code, _ in counts.most_common(limit)]


def _within(spans: Sequence[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < spans[i][1]


def _place_weights(
    places: Sequence[PlaceMentionLike],
    low: str,
    lexicon: Lexicon,
    fighting: Sequence[tuple[int, int]],
    talking: Sequence[tuple[int, int]],
) -> list[int]:
    """How strongly each place mention marks the conflict's country: a diplomatic venue (Genf,
    Astana, New York, or a city where talks in that sentence were held) or a speaker's city not at
    all, a place in a sentence about fighting twice as much."""
    f_starts, t_starts = [s for s, _ in fighting], [s for s, _ in talking]
    out = []
    for p in places:
        if (
            p.place.name in lexicon.venue_places
            or not p.place.country
            or lexicon.speech_place_before.search(low[max(0, p.start - 50) : p.start])  # the speaker's city
            or lexicon.speaking_city_after.match(low[p.end : p.end + 40])  # the city speaking: its government
        ):
            out.append(0)
            continue
        in_fighting = _within(fighting, f_starts, p.start)
        before = low[max(0, p.start - 40) : p.start]
        if (
            not in_fighting
            and _within(talking, t_starts, p.start)
            and (
                (p.place.precision == "city" and lexicon.venue_before.search(before))
                or lexicon.talks_venue_before.search(before)
            )
        ):
            out.append(0)
            continue
        weight = 2 if p.place.precision != "country" else 1
        out.append(weight * 2 if in_fighting else weight)
    return out


def _main_country(places: Sequence[PlaceMentionLike], weights: list[int]) -> str | None:
    counts: Counter[str] = Counter()
    for p, weight in zip(places, weights, strict=True):
        if weight and p.place.country:
            counts[p.place.country] += weight
    return counts.most_common(1)[0][0] if counts else None


def _conflict_place(places: Sequence[PlaceMentionLike], weights: list[int], country: str | None) -> PlaceLike | None:
    """The most-weighted town or region of the main country: where the fighting is."""
    counts: Counter[str] = Counter()
    by_name: dict[str, PlaceLike] = {}
    for p, weight in zip(places, weights, strict=True):
        if weight and p.place.precision != "country" and p.place.country == country:
            counts[p.place.name] += weight
            by_name[p.place.name] = p.place
    return by_name[counts.most_common(1)[0][0]] if counts else None


_KURDS_OF = {"IRQ": "IRQ-MIL", "TUR": "TUR-REB"}
_GOVERNMENT_SURFACE = re.compile(r"regierung|regime|government")
_GOVERNMENT_AFTER = re.compile(r"\s+(?:regierung|regime|führung|government)\b")


def _main_state(country: str | None, raw: Sequence[Mention], gaz: GazetteerPort, low: str) -> str | None:
    if not country:
        # talks abroad ("Vertreter der syrischen Regierung und der Rebellen trafen sich in Genf"): the state
        # whose government is named is the one whose rebels and opposition the article speaks of
        governments = {
            m.code
            for m in raw
            if m.kind in ("state", "demonym")
            and "-" not in m.code
            and (_GOVERNMENT_SURFACE.search(m.surface.lower()) or _GOVERNMENT_AFTER.match(low, m.end))
        }
        return governments.pop() if len(governments) == 1 else None
    counts = Counter(m.code for m in raw if m.kind == "state" and "-" not in m.code and len(m.code) == 3)
    for code, _ in counts.most_common():
        if gaz.actor_country(code) == country:
            return code
    return ALPHA3.get(country)


def _keep(low: str, start: int, end: int, kind: str, lexicon: Lexicon, city_spans: set[int]) -> bool:
    """False for a state name used as a place ("in Syrien", "Hauptstadt Sanaa", "Yemen's port city"), a
    topic ("Syrien-Konflikt"), a demonym that qualifies a place ("die syrische Großstadt", "Swiss Lausanne"),
    or a backer named in another party's name ("Iranian-backed Houthi rebels")."""
    if kind in ("demonym", "state") and lexicon.backer_after.match(low[end : end + 20]):
        return False
    if (
        kind == "state"
        and low[end : end + 2] in ("'s", "’s")
        and lexicon.demonym_of_place.match(low[end + 2 : end + 42])
    ):
        return False
    if kind == "demonym":
        if lexicon.time_frame_before.search(low[max(0, start - 20) : start]):
            return False
        if end + 1 in city_spans and low[end : end + 1] == " ":
            return False  # "in Swiss Lausanne", "im syrischen Aleppo": the adjective places the town
        return not lexicon.demonym_of_place.match(low[end : end + 40])
    if kind != "state":
        return True
    before = low[max(0, start - 40) : start]
    if lexicon.time_frame_before.search(before):
        return False
    if lexicon.government_in.search(before):
        return True  # "the government in Tripoli": the capital stands for the state, though it is a city
    if lexicon.people_from_before.search(before):
        return True
    if start in city_spans and lexicon.locative_near.search(before):
        return False
    if lexicon.locative_before.search(before):
        return False
    return not lexicon.topic_compound_after.match(low[end : end + 20])


def _kept(m: Mention, low: str, lexicon: Lexicon, acting: set[int], city_spans: set[int]) -> bool:
    """`_keep` with the city check, reusing `acting` (the states kept without it): the check can
    only drop more, so only a kept state that is also a city's name needs it again."""
    if m.kind == "state":
        if m.start not in acting:
            return False
        if m.start not in city_spans:
            return True
    return _keep(low, m.start, m.end, m.kind, lexicon, city_spans)


def _without_states_of_groups(mentions: list[Mention], low: str, lexicon: Lexicon) -> list[Mention]:
    """ "Yemen's Houthi movement", "Syria's Kurdish YPG": the state says where the group is, it is no party."""
    out = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if m.kind in ("state", "demonym") and nxt is not None and nxt.kind == "group":
            of = lexicon.state_of_group_after.match(low[m.end : m.end + 40])
            if of is not None and m.end + of.end() >= nxt.start:
                continue
        out.append(m)
    return out


_GIVEN_NAME_BEFORE = re.compile(r"(?<![.!?:]\s)\b[A-ZÄÖÜ][a-zäöüß]+\s$")
_NAME_END_AFTER = re.compile(r"\s*(?:,|said\b|says\b|told\b|sagte\b)")


def _surname(text: str, start: int, end: int) -> bool:
    """A demonym after a given name and before a comma or a speech verb is a surname: "Mahmod Danish,
    spokesman for the governor" names no Dane."""
    return bool(_GIVEN_NAME_BEFORE.search(text[max(0, start - 20) : start])) and bool(_NAME_END_AFTER.match(text, end))


def _is_source(low: str, start: int, end: int, lexicon: Lexicon) -> bool:
    before = low[max(0, start - 50) : start]
    after = low[end : end + 30]
    if lexicon.source_after.match(after) or lexicon.speaker_of_report.match(low[end : end + 120]):
        return True
    return bool(lexicon.source_before.search(before)) and not lexicon.source_subject_after.match(after)


_DEFINITE_BEFORE = re.compile(r"(?:^|\W)(?:die|der|den|dem|diese[rn]?|the|this|these)\s+$")
_ANAPHORA_REACH = 1500  # characters back to the group a definite "die Miliz" refers to


def _named_group_before(ctx: ArticleContext, start: int) -> str | None:
    """ "Die Rebellengruppe M23 ... Die Miliz hatte Goma eingenommen": a definite generic force stands for the
    armed group named last before it (a rebel or militia code), not for a new, unnamed one."""
    if not _DEFINITE_BEFORE.search(ctx.low[max(0, start - 12) : start]):
        return None
    for mention in reversed(ctx.actors_in(max(0, start - _ANAPHORA_REACH), start)):
        if mention.kind == "group" and mention.code.endswith(("-REB", "-MIL")) and not mention.source:
            return mention.code
    return None


def _generic_code(kind: str, ctx: ArticleContext, text: str, start: int) -> str | None:
    if kind in ("rebels", "militia"):
        named = _named_group_before(ctx, start)
        if named is not None:
            return named
    if kind == "rebels":
        return rebels_of(ctx.main_state) if ctx.main_state else None
    if kind == "government":
        return ctx.main_state
    if kind == "army":
        near = [a for a in ctx.actors if abs(a.start - start) < 300 and a.kind in ("state", "demonym", "group")]
        return ctx.main_state if all(a.code == ctx.main_state for a in near) else None
    if kind == "militia" and ctx.main_state in INSURGENTS_OF:
        return INSURGENTS_OF[ctx.main_state]  # armed men fighting Israel are Palestinian groups
    if kind == "militia":  # Syria's and Iraq's militias fight for a side the codebook codes otherwise
        return f"{ctx.main_state}-MIL" if ctx.main_state and ctx.main_state not in MILITIA_SIDED else None
    if kind == "jihadists":  # "Islamisten", "Dschihadisten": IS only where IS is the war's jihadist party
        code = ctx.jihadist_code
        if ctx.main_state and ctx.main_state not in ISIL_STATES and code in (None, "ISIL"):
            return rebels_of(ctx.main_state)
        return code or ("ISIL" if ctx.main_state in ISIL_STATES else None)
    # "allied" forces: rebels when fighting beside a foreign state, else the government's militias
    window = [a for a in ctx.actors if abs(a.start - start) < 200 and a.kind in ("state", "demonym")]
    foreign = any(a.code != ctx.main_state for a in window)
    if foreign and ctx.main_state:
        return rebels_of(ctx.main_state)
    return ctx.main_state


def _force_spans(force: GenericForce, low: str) -> list[tuple[int, int]]:
    """Leftmost-longest, non-overlapping spans of one generic force in the lower-cased text."""
    spans = [m.span() for m in force.pattern.finditer(low)]
    if force.compound is not None:
        for m in force.compound.finditer(low):
            start = m.start()
            if low[start] == "-" and not (start and (low[start - 1].isalnum() or low[start - 1] == "_")):
                continue  # "-Truppen" is a compound's last part only right after a word
            while start and (low[start - 1].isalnum() or low[start - 1] == "_"):
                start -= 1
            spans.append((start, m.end()))
        spans.sort(key=lambda span: (span[0], -span[1]))
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def _generic_mentions(ctx: ArticleContext, lexicon: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    low = ctx.low
    for force in lexicon.generic_forces:
        for start, end in _force_spans(force, low):
            if any(g.start < end and start < g.end for g in out):
                continue
            if force.kind in ("government", "jihadists", "militia") and any(
                a.start < end and start < a.end + 2 for a in ctx.actors_in(start - 40, end)
            ):
                continue  # overlapping, or right after its own state ("israelische Sicherheitskräfte")
            code = _generic_code(force.kind, ctx, ctx.text, start)
            if code:
                src = _is_source(low, start, end, lexicon)
                out.append(Mention(start, end, ctx.text[start:end], code, "generic", src))
    return out


def _names_its_province(p: PlaceMentionLike, low: str, lexicon: Lexicon) -> bool:
    """ "im Gebiet Donezk", "the Kursk region": a town's name standing for its province, which the codebook
    leaves without a point location, not the town."""
    return p.place.precision == "city" and bool(
        lexicon.region_unit_before.search(low[max(0, p.start - 30) : p.start])
        or lexicon.region_unit_after.match(low[p.end : p.end + 20])
    )


def build_context(
    text: str,
    gaz: GazetteerPort,
    lexicon: Lexicon,
    low: str | None = None,
    fighting: Sequence[tuple[int, int]] = (),
    talking: Sequence[tuple[int, int]] = (),
) -> ArticleContext:
    """Resolve every actor and place mention of the article once (`low`: `lowered(text)`;
    `fighting` / `talking`: sorted spans of the sentences with an offensive / a talks or
    ceasefire trigger)."""
    if low is None:
        low = lowered(text)
    raw = [
        Mention(a.start, a.end, a.surface, a.code, a.kind, False)
        for a in gaz.find_actors(text, lexicon.language)
        if not (a.kind == "demonym" and _surname(text, a.start, a.end))
    ]
    persons = [(m.start, m.end) for m in raw if m.kind == "person"]
    places = sorted(
        (p for p in gaz.find_places(text, lexicon.language) if not any(s <= p.start < e for s, e in persons)),
        key=_start,
    )  # "Vladimir" in "Vladimir Putin" is no place
    weights = _place_weights(places, low, lexicon, fighting, talking)
    provinces = {p.start for p in places if _names_its_province(p, low, lexicon)}
    town_ends = {p.end for p in places if p.place.precision != "country"}
    acting = {
        m.start
        for m in raw
        if m.kind == "state"
        and _keep(low, m.start, m.end, m.kind, lexicon, set())
        and not (low[m.start - 2 : m.start] == ", " and m.start - 2 in town_ends)  # "Hodeida, Yemen": a place
    }
    weights = [
        0 if p.start in acting and p.place.precision == "country" else w for p, w in zip(places, weights, strict=True)
    ]
    country = _main_country(places, weights)
    counts = Counter(m.code for m in raw)
    jihadist = next((c for c, _ in counts.most_common() if c in lexicon.jihadist_codes), None)
    city_spans = {p.start for p in places if p.place.precision != "country"}
    datelines = [m.span() for m in lexicon.dateline_place.finditer(text[:_DATELINE_REACH])]
    kept = [
        Mention(
            m.start,
            m.end,
            m.surface,
            m.code,
            m.kind,
            _is_source(low, m.start, m.end, lexicon)
            or (m.kind == "person" and lexicon.speaker_colon_after.match(low[m.end : m.end + 5]) is not None),
        )
        for m in raw
        if _kept(m, low, lexicon, acting, city_spans)
        # "FINSTADJORDET, Norway U.S. Secretary ...": the country of a dateline is where the reporter is
        and not (m.kind == "state" and any(s <= m.start < e for s, e in datelines))
    ]
    kept = _without_states_of_groups(kept, low, lexicon)
    main_state = _main_state(country, raw, gaz, low)
    if main_state in _KURDS_OF:  # "kurdische Milizen" in Iraq are the Peshmerga, in Turkey the PKK
        kept = [
            Mention(m.start, m.end, m.surface, _KURDS_OF[main_state], m.kind, m.source)
            if m.code == "SYR-KRD" and m.surface.lower().startswith("kurd")
            else m
            for m in kept
        ]
    ctx = ArticleContext(text, low, kept, places, country, main_state, jihadist)
    ctx.provinces = provinces
    town_weights = [0 if p.start in provinces else w for p, w in zip(places, weights, strict=True)]
    ctx.conflict_place = _conflict_place(places, town_weights, country)
    ctx.landmarks = _landmark_venues(text, low, gaz, lexicon, country)
    generic = _generic_mentions(ctx, lexicon)
    overridden = [a for a in kept if not any(g.start <= a.start < g.end for g in generic)]
    ctx.actors = sorted(overridden + generic, key=lambda a: a.start)
    return ctx


_DATELINE_REACH = 1500  # a dateline opens the article's first paragraphs, after the headline


def dateline_city(text: str, gaz: GazetteerPort, lexicon: Lexicon) -> PlaceLike | None:
    """The city of the article's dateline (`text` in its original case, datelines not blanked)."""
    for m in lexicon.dateline_place.finditer(text[:_DATELINE_REACH]):
        surface = " ".join(w.capitalize() if w.isupper() else w for w in m.group("city").split(" "))
        found = gaz.find_places(surface, lexicon.language)
        if found and found[0].end - found[0].start == len(surface) and found[0].place.precision == "city":
            return found[0].place
    return None


def dateline_venue(ctx: ArticleContext, lexicon: Lexicon) -> PlaceLike | None:
    """Talks the text gives no venue for were held in the dateline's city when it is a diplomatic venue or a
    town of the war's own country ("GENEVA ...", "JUBA ..."); a bureau abroad ("BEIRUT" for Syria) is only
    where the reporter sits."""
    city = ctx.dateline
    if city is None or not (city.name in lexicon.venue_places or city.country == ctx.main_country):
        return None
    return city


def _landmark_venues(
    text: str, low: str, gaz: GazetteerPort, lexicon: Lexicon, country: str | None
) -> list[LandmarkVenue]:
    out: list[LandmarkVenue] = []
    for pattern, city, marks in lexicon.venue_landmarks:
        if not any(mark in low for mark in marks):
            continue
        found = list(pattern.finditer(low))
        name = (gaz.capital_name(country) if country else None) if city == CAPITAL else city
        places = gaz.find_places(name, lexicon.language) if found and name else ()
        if places:
            out.extend(LandmarkVenue(m.start(), m.end(), text[m.start() : m.end()], places[0].place) for m in found)
    return sorted(out, key=lambda v: v.start)


# per-event roles -------------------------------------------------------------


def _dedupe(actors: list[Actor]) -> tuple[Actor, ...]:
    seen: set[tuple[str, str]] = set()
    out: list[Actor] = []
    for a in actors:
        if (a.code, a.role) not in seen:
            seen.add((a.code, a.role))
            out.append(a)
    return tuple(out)


def _before(ctx: ArticleContext, m: Mention, width: int = 60) -> str:
    return ctx.low[max(0, m.start - width) : m.start]


def _after(ctx: ArticleContext, m: Mention, width: int = 30) -> str:
    return ctx.low[m.end : m.end + width]


_SENTENCE_BREAK = re.compile(r"[.!?;]\s+")


def _after_goal(ctx: ArticleContext, m: Mention, lexicon: Lexicon) -> bool:
    """The mention follows a stated goal in its sentence ("aimed at", "so as to")."""
    goal = lexicon.cues.get("planned_goal")
    if goal is None:
        return False
    before = _before(ctx, m, 120)
    breaks = list(_SENTENCE_BREAK.finditer(before))
    return bool(goal.search(before[breaks[-1].end() :] if breaks else before))


def talks_roles(ctx: ArticleContext, mentions: list[Mention], lexicon: Lexicon) -> list[Actor]:
    out = []
    for m in mentions:
        if m.code not in BODIES and lexicon.talks_topic_before.search(_before(ctx, m, 40)):
            continue  # what the talks were about, not who talked
        if _after_goal(ctx, m, lexicon):
            continue  # "talks aimed at separating militants from rebel fighters": whom the goal concerns
        if m.kind in _STATE_KINDS and lexicon.support_after.match(_after(ctx, m)):
            continue  # "the Iran-allied Houthis and the Saudi-backed government": the sides' patrons
        mediator = m.code == "UN" or bool(lexicon.mediator_before.search(_before(ctx, m)))
        out.append(Actor(name=m.surface, code=m.code, role="mediator" if mediator else "participant"))
    return list(_dedupe(out))


_DEFAULT_ATTACKER = "attacker?"  # no cue: an attacker unless the same party is a target by a cue


def _offensive_role(ctx: ArticleContext, m: Mention, lexicon: Lexicon, passive: bool) -> str:
    surface = m.surface.lower()
    if any(w in surface for w in _TARGET_WORDS) or lexicon.target_after.match(_after(ctx, m)):
        return "target"
    if lexicon.attacked_by_after.match(_after(ctx, m, 40)):
        return "target"  # "government forces besieged by IS"
    if lexicon.target_examples_before.search(_before(ctx, m, 140)):
        return "target"  # "an operation against terror groups ..., like ISIS and the PYD"
    if lexicon.repelling_after.match(_after(ctx, m, 120)):
        return "target"  # "the army said it repelled a rebel attack"
    if lexicon.victims_of_before.search(_before(ctx, m, 70)) and lexicon.casualty_killed.search(_after(ctx, m, 80)):
        return "target"  # "sieben Kämpfer der Hisbollah sind ums Leben gekommen": its dead
    if lexicon.killed_victims_before.search(_before(ctx, m, 50)):
        return "target"  # "killing more than 250 Houthi rebels"
    before = _before(ctx, m, 40)
    if (
        lexicon.support_before.search(before)
        or lexicon.support_after.match(_after(ctx, m))
        or lexicon.supported_before.search(before)
    ):
        return "attacker"
    if lexicon.attack_agent_before.search(before):
        return "attacker"
    if lexicon.passive_agent_before.search(before):
        # "von X eingenommen" (passive: X attacked); "haben die Stadt von X zurückerobert" (active: from X)
        return "attacker" if passive else "target"
    if lexicon.target_before.search(before):
        return "attacker" if lexicon.subject_fighters_before.search(_before(ctx, m, 90)) else "target"
    return _DEFAULT_ATTACKER


def _supporting(ctx: ArticleContext, m: Mention, lexicon: Lexicon) -> bool:
    before = _before(ctx, m, 40)
    return bool(
        lexicon.support_before.search(before)
        or lexicon.support_after.match(_after(ctx, m))
        or lexicon.supported_before.search(before)
    )


def _objects_after_verb(
    ctx: ArticleContext, sentence: Sentence, lexicon: Lexicon, out: list[Actor], starts: list[int]
) -> list[Actor]:
    """ "Die türkische Armee griff am Sonntag kurdische Milizen an": with a party named before the finite
    attack verb of the first clause (the subject), a party after it is the object, not a second attacker."""
    c_start, c_end = sentence.clauses(lexicon)[0]
    verb = lexicon.finite_attack_verb.search(sentence.low, c_start, c_end)
    if verb is None:
        return out
    v = sentence.start + verb.start()
    if not any(pos < v and a.role == "attacker" for a, pos in zip(out, starts, strict=True)):
        return out
    by_start = {m.start: m for m in ctx.actors_in(sentence.start, sentence.end)}
    return [
        Actor(name=a.name, code=a.code, role="target")
        if a.role == "attacker" and v < pos < sentence.start + c_end and not _supporting(ctx, by_start[pos], lexicon)
        else a
        for a, pos in zip(out, starts, strict=True)
    ]


def _side_accounts(ctx: ArticleContext, mentions: list[Mention], lexicon: Lexicon) -> set[int]:
    """Starts of the demonyms that only say whose account it is ("nach israelischen Angaben hatte der Iran
    Haifa beschossen"), when the sentence names another armed party to take the roles."""
    accounts = {
        m.start for m in mentions if m.kind == "demonym" and lexicon.side_source_after.match(_after(ctx, m, 40))
    }
    others = [m for m in mentions if m.start not in accounts and not m.source and m.code not in NON_ARMED]
    return accounts if others else set()


def offensive_roles(
    ctx: ArticleContext, mentions: list[Mention], lexicon: Lexicon, passive: bool, sentence: Sentence | None = None
) -> list[Actor]:
    out = []
    first_agent = -1  # "von X bombardiert": the passive agent is the attacker ...
    starts: list[int] = []
    accounts = _side_accounts(ctx, mentions, lexicon)
    for m in mentions:
        if m.code in NON_ARMED or m.source or m.start in accounts:
            continue
        role = _offensive_role(ctx, m, lexicon, passive)
        if (
            passive
            and role == "attacker"
            and first_agent < 0
            and lexicon.passive_agent_before.search(_before(ctx, m, 40))
        ):
            first_agent = m.start
        out.append(Actor(name=m.surface, code=m.code, role=role))  # type: ignore[arg-type]
        starts.append(m.start)
    # "targeted the headquarters of Jabhat Fateh al-Sham, ... formerly known as the Nusra Front": a later
    # name of a party a cue made the target is no attacker
    first_target: dict[str, int] = {}
    for a, pos in zip(out, starts, strict=True):
        if a.role == "target":
            first_target.setdefault(a.code, pos)
    out = _listed_targets(ctx, mentions, out, starts, lexicon)
    out = [
        Actor(name=a.name, code=a.code, role="target" if first_target.get(a.code, pos) < pos else "attacker")
        if a.role == _DEFAULT_ATTACKER
        else a
        for a, pos in zip(out, starts, strict=True)
    ]
    if not passive and sentence is not None and out:
        out = _objects_after_verb(ctx, sentence, lexicon, out, starts)
    if first_agent >= 0:  # ... and the passive subject before it ("Rebellen wurden von X bombardiert") the target
        out = [
            Actor(name=a.name, code=a.code, role="target") if a.role == "attacker" and pos < first_agent else a
            for a, pos in zip(out, starts, strict=True)
        ]
    attackers = {a.code for a in out if a.role == "attacker"}
    return [a for a in _dedupe(out) if not (a.role == "target" and a.code in attackers)]


def _listed_targets(
    ctx: ArticleContext, mentions: list[Mention], out: list[Actor], starts: list[int], lexicon: Lexicon
) -> list[Actor]:
    """A party listed right after a target, with no cue of its own ("Luftangriffe gegen die Hamas im
    Gazastreifen und die Hisbollah im Libanon", "strikes on Hamas and Hezbollah") is a target too."""
    by_start = {m.start: m for m in mentions}
    result = list(out)
    for i in range(1, len(result)):
        if result[i].role not in (_DEFAULT_ATTACKER, "attacker") or result[i - 1].role != "target":
            continue  # (an "attacker" here read the previous target's cue, "gegen", as its own)
        previous, current = by_start[starts[i - 1]], by_start[starts[i]]
        if lexicon.target_list_gap.fullmatch(ctx.low[previous.end : current.start]):
            result[i] = Actor(name=result[i].name, code=result[i].code, role="target")
    return result


def ceasefire_roles(ctx: ArticleContext, mentions: list[Mention], sentence: Sentence, lexicon: Lexicon) -> list[Actor]:
    found = lexicon.between.search(sentence.low)
    between = found.start() if found else -1
    out = []
    for m in mentions:
        if m.code in ("UNSC",):
            continue
        if m.kind == "state" and lexicon.truce_for_before.search(_before(ctx, m, 30)):
            continue  # "für die Ukraine eine Waffenruhe": the truce's area
        is_party = between >= 0 and m.start - sentence.start > between
        if is_party and lexicon.mediator_before.search(_before(ctx, m)):
            is_party = False  # "... nach Angaben des Vermittlers Katar": the broker announces, it is no party
        out.append(Actor(name=m.surface, code=m.code, role="party" if is_party else "announced_by"))
    return list(_dedupe(out))


def _is_sponsor(ctx: ArticleContext, m: Mention, lexicon: Lexicon) -> bool:
    before = _before(ctx, m, 30)
    before = before[before.rfind("\n") + 1 :]  # not across a line (headline) break
    return bool(lexicon.sponsor_cue.search(before) or lexicon.sponsor_after.match(_after(ctx, m, 30)))


def _coordinated(ctx: ArticleContext, a: Mention, b: Mention, lexicon: Lexicon) -> bool:
    """`a` and `b` are members of one list ("der USA, Großbritanniens und Frankreichs")."""
    return b.start >= a.end and bool(lexicon.coordination_gap.fullmatch(ctx.low[a.end : b.start]))


def _propagate(ctx: ArticleContext, mentions: list[Mention], marked: set[int], lexicon: Lexicon) -> set[int]:
    """Indices of `mentions` in a list with a marked mention (both directions)."""
    out = set(marked)
    changed = True
    while changed:
        changed = False
        for i in range(len(mentions) - 1):
            a, b = mentions[i], mentions[i + 1]
            if (i in out) != (i + 1 in out) and _coordinated(ctx, a, b, lexicon):
                out |= {i, i + 1}
                changed = True
    return out


def _topic_of_draft(ctx: ArticleContext, m: Mention, sentence: Sentence, lexicon: Lexicon) -> bool:
    """An actor inside what the draft is about ("Resolution ... gegen die Anerkennung ... Israels")."""
    low = sentence.low[: m.start - sentence.start]
    ends = [noun.end() for noun in lexicon.resolution_noun.finditer(low)]
    if not ends:
        return False
    between = low[ends[-1] :]
    topic = lexicon.topic_preposition.search(between)
    # "a resolution on Yemen after Russia cast its veto": the topic ends where another clause begins
    return topic is not None and not lexicon.draft_topic_end.search(between, topic.end())


def _no_voter(ctx: ArticleContext, m: Mention, lexicon: Lexicon) -> bool:
    """An actor that abstained, a word naming a place ("syrischen Rebellengebieten") or the one a veto
    protects ("a veto to protect the Syrian government"): none blocked."""
    after = _after(ctx, m, 60)
    return bool(
        lexicon.abstained_after.match(after)
        or lexicon.abstained_before.search(_before(ctx, m, 40))
        or lexicon.place_of_actor_after.match(after)
        or lexicon.protected_before.search(_before(ctx, m, 30))
        or (m.kind == "demonym" and lexicon.conflict_noun_after.match(after))  # "the Syrian conflict"
    )


def resolution_roles(ctx: ArticleContext, mentions: list[Mention], lexicon: Lexicon, sentence: Sentence) -> list[Actor]:
    eligible = [
        m
        for m in mentions
        if m.code not in BODIES and m.kind in _STATE_KINDS | {"group", "generic"} and not _no_voter(ctx, m, lexicon)
    ]
    failed = lexicon.failed_with_draft.search(sentence.low)
    failed_at = sentence.start + failed.start() if failed else -1
    marked = {i for i, m in enumerate(eligible) if _is_sponsor(ctx, m, lexicon) or m.end <= failed_at}
    blockers = _propagate(
        ctx,
        eligible,
        {i for i, m in enumerate(eligible) if lexicon.blocker_before.search(_before(ctx, m, 20))},
        lexicon,
    )
    sponsors = _propagate(ctx, eligible, marked - blockers, lexicon) - blockers
    out = []
    for i, m in enumerate(eligible):
        if i in blockers:
            out.append(Actor(name=m.surface, code=m.code, role="blocked_by"))
        elif i in sponsors:
            out.append(Actor(name=m.surface, code=m.code, role="sponsor"))
        elif not _topic_of_draft(ctx, m, sentence, lexicon) and not _the_wars_state(ctx, m):
            out.append(Actor(name=m.surface, code=m.code, role="blocked_by"))
    blocking = {a.code for a in out if a.role == "blocked_by"}
    return [a for a in _dedupe(out) if not (a.role == "sponsor" and a.code in blocking)]


def _the_wars_state(ctx: ArticleContext, m: Mention) -> bool:
    """The state of the war the draft is about ("a veto to protect the Syrian government"): what the draft
    concerns, not a voter, unless a cue names it as one."""
    return ctx.main_country is not None and m.code == ALPHA3.get(ctx.main_country)


def draft_sponsors(ctx: ArticleContext, mentions: list[Mention], lexicon: Lexicon) -> list[Actor]:
    """Sponsors named by a cue in nearby sentences ("der von Ägypten eingebrachte Entwurf")."""
    eligible = [m for m in mentions if m.code not in BODIES and m.kind in _STATE_KINDS | {"group", "generic"}]
    marked = {i for i, m in enumerate(eligible) if _is_sponsor(ctx, m, lexicon)}
    found = _propagate(ctx, eligible, marked, lexicon) if marked else set()
    return [Actor(name=eligible[i].surface, code=eligible[i].code, role="sponsor") for i in sorted(found)]


def roles_for(
    event_type: str,
    ctx: ArticleContext,
    sentence: Sentence,
    lexicon: Lexicon,
    passive: bool,
    scope: Callable[[int], bool] | None = None,
) -> list[Actor]:
    """The parties of the sentence's event in their roles (`scope`: only the mentions at the positions it
    accepts, when the sentence tells more than one event of the type)."""
    mentions = [m for m in ctx.actors_in(sentence.start, sentence.end) if scope is None or scope(m.start)]
    if event_type == TALKS:
        return talks_roles(ctx, [m for m in mentions if not m.source or m.kind != "generic"], lexicon)
    if event_type == OFFENSIVE:
        return offensive_roles(ctx, mentions, lexicon, passive, sentence)
    if event_type == CEASEFIRE:
        return ceasefire_roles(ctx, mentions, sentence, lexicon)
    if event_type == RESOLUTION:
        return resolution_roles(ctx, mentions, lexicon, sentence)
    return []


# places ----------------------------------------------------------------------

_RANK = {"city": 0, "region": 1, "country": 2}


def _eligible_places(
    ctx: ArticleContext,
    sentence: Sentence,
    span: tuple[int, int],
    lexicon: Lexicon,
    conflict_area: bool = False,
    visit: bool = False,
    speech: bool = False,
) -> list[PlaceMentionLike]:
    """The sentence's place mentions in `span` that can be where the event was (`speech`: also not the
    speaker's city)."""
    start, end = sentence.start + span[0], sentence.start + span[1]
    out = []
    for p in ctx.places_in(start, end):
        if p.start in ctx.provinces:
            continue  # "im Gebiet Donezk": the province, not the town
        if any(
            a.start <= p.start < a.end and (a.kind == "state" or a.end - a.start > p.end - p.start)
            for a in ctx.actors_in(p.start - 40, p.end)
        ):
            continue  # a state or capital named as an actor ("Verbündeter Russland", "Moskau legte"), or a
            # place inside an actor's longer name ("the U.S.-led coalition"), is not a place
        before = ctx.low[max(0, p.start - 50) : p.start]
        if speech and lexicon.speech_place_before.search(before):
            continue
        if lexicon.speaking_city_after.match(ctx.low[p.end : p.end + 40]):
            continue  # "Kiew spricht von befreiten Orten": the government speaking
        if lexicon.place_excluded_before.search(before) and not (
            (conflict_area and lexicon.conflict_area_before.search(before))
            or (visit and lexicon.visit_before.search(before))
        ):
            continue
        out.append(p)
    return out


def _in_unrealised_clause(sentence: Sentence, own: tuple[int, int], p: PlaceMentionLike, lexicon: Lexicon) -> bool:
    """A place in another clause stated as a plan or a wish ("agreed that negotiations should resume in
    Geneva") is that plan's venue, not the venue of the talks the trigger reports."""
    pos = p.start - sentence.start
    if own[0] <= pos < own[1]:
        return False
    start, end = next(((s, e) for s, e in sentence.clauses(lexicon) if s <= pos < e), own)
    text = sentence.low[start:end]
    return any(lexicon.cues[name].search(text) for name in ("planned", "conditional", "demanded"))


def _landmark_of_another(
    ctx: ArticleContext, p: PlaceMentionLike, places: list[PlaceMentionLike], lexicon: Lexicon
) -> bool:
    """A town named as the landmark of the place just before it ("in die Grenzstadt Wowtschansk in der Nähe
    der Stadt Charkiw", "Vovchansk, near Kharkiv") only locates that place."""
    if not lexicon.landmark_before.search(ctx.low[max(0, p.start - 60) : p.start]):
        return False
    return any(q.start < p.start and p.start - q.end <= 80 and q.place.precision == "city" for q in places)


def _foreign_venue(ctx: ArticleContext, p: PlaceMentionLike, lexicon: Lexicon) -> bool:
    """A diplomatic venue abroad (Geneva in an article about Syria) is where talks are, not a battle; not
    the city of a state at war in the article (drones "directed at Moscow" in an article about Ukraine)."""
    if p.place.name not in lexicon.venue_places or p.place.country == ctx.main_country:
        return False
    parties = {_ALPHA2_OF.get(code.partition("-")[0]) for code in ctx.top_codes(8)}
    return p.place.country not in parties


_ALPHA2_OF = {alpha3: alpha2 for alpha2, alpha3 in ALPHA3.items()}


def _acting_state(ctx: ArticleContext, p: PlaceMentionLike) -> bool:
    return any(a.start <= p.start < a.end and a.kind == "state" for a in ctx.actors_in(p.start - 40, p.end))


def _in_conflict_area(ctx: ArticleContext, p: PlaceMentionLike, lexicon: Lexicon) -> bool:
    return bool(lexicon.conflict_area_before.search(ctx.low[max(0, p.start - 50) : p.start]))


def _talks_venue(ctx: ArticleContext, p: PlaceMentionLike, lexicon: Lexicon) -> bool:
    return bool(lexicon.talks_venue_before.search(ctx.low[max(0, p.start - 80) : p.start]))


def _in_goal(ctx: ArticleContext, trigger_pos: int, p: PlaceMentionLike, lexicon: Lexicon) -> bool:
    """A place after the event's stated goal ("held talks aimed at ... in the besieged city of Aleppo") is
    where the goal lies, not where the talks were."""
    goal = lexicon.cues.get("planned_goal")
    return goal is not None and trigger_pos < p.start and bool(goal.search(ctx.low, trigger_pos, p.start))


def _is_venue(ctx: ArticleContext, p: PlaceMentionLike, lexicon: Lexicon) -> bool:
    before = ctx.low[max(0, p.start - 40) : p.start]
    after = ctx.low[p.end : p.end + 20]
    if _attributive_venue(ctx, p, lexicon, after):
        return True
    if lexicon.topic_compound_after.match(after):
        return False
    if p.place.precision == "country":
        return bool(lexicon.venue_in_country.search(before))
    return bool(lexicon.venue_before.search(before))


def _attributive_venue(ctx: ArticleContext, p: PlaceMentionLike, lexicon: Lexicon, after: str) -> bool:
    """A foreign city (or a known venue) naming the talks held there ("the Munich talks"); "the Aleppo
    talks" or "Syria talks" name the topic."""
    foreign = p.place.name in lexicon.venue_places or p.place.country != ctx.main_country
    return p.place.precision == "city" and foreign and bool(lexicon.venue_attributive_after.match(after))


def venue_in(ctx: ArticleContext, sentence: Sentence, lexicon: Lexicon) -> PlaceLike | None:
    """The first city in the sentence named as where something took place ("in München")."""
    for p in _eligible_places(ctx, sentence, (0, len(sentence.text)), lexicon):
        if (
            p.place.precision == "city"
            and _is_venue(ctx, p, lexicon)
            and not lexicon.truce_area_before.search(ctx.low[max(0, p.start - 40) : p.start])
        ):
            return p.place
    return _landmark_in(ctx, sentence.start, sentence.end)


def _landmark_in(ctx: ArticleContext, start: int, end: int) -> PlaceLike | None:
    """The city of the first seat of government named as a venue in [start, end)."""
    return next((v.place for v in ctx.landmarks if start <= v.start < end), None)


def _nearest(places: list[PlaceMentionLike], pos: int) -> PlaceLike | None:
    if not places:
        return None
    best = min(places, key=lambda p: (_RANK.get(p.place.precision, 3), abs(p.start - pos)))
    return best.place


def _domestic(ctx: ArticleContext, p: PlaceMentionLike, lexicon: Lexicon, countries: set[str | None]) -> bool:
    """A town of the war's own country (the article's, or a party's in the sentence) where the truce
    was agreed ("In Tripolis haben sich die Milizen auf eine Waffenruhe geeinigt") is also where it
    holds; a foreign venue is not."""
    return (
        p.place.precision == "city"
        and p.place.country is not None
        and p.place.country in countries
        and p.place.name not in lexicon.venue_places
    )


def _theatre(ctx: ArticleContext, sentence: Sentence, gaz: GazetteerPort, lexicon: Lexicon) -> PlaceLike | None:
    """The theatre of war of a truce party with one (`lexicon.truce_theatres`): the sentence's parties,
    else the article's most-named ones."""
    codes = [a.code for a in ctx.actors_in(sentence.start, sentence.end) if not a.source] or ctx.top_codes(3)
    name = next((lexicon.truce_theatres[c] for c in codes if c in lexicon.truce_theatres), None)
    if name is None:
        return None
    if len(name) == 2 and name.isupper():
        return gaz.country_place(name)
    found = gaz.find_places(name, lexicon.language)
    return found[0].place if found else None


def _rebels_home(ctx: ArticleContext, sentence: Sentence, gaz: GazetteerPort) -> str | None:
    """The country (alpha-2) of a domestic armed group among the sentence's parties ("FARC": Colombia)."""
    for a in ctx.actors_in(sentence.start, sentence.end):
        state, _, kind = a.code.partition("-")
        if not a.source and kind in ("REB", "MIL"):
            return gaz.actor_country(state)
    return None


def _truce_area(ctx: ArticleContext, sentence: Sentence, gaz: GazetteerPort, lexicon: Lexicon) -> PlaceLike | None:
    """A truce whose sentence names no area holds where the war is: a party's own theatre, else the
    article's conflict place, but the war's country when that place is only its capital (named for the
    government)."""
    theatre = _theatre(ctx, sentence, gaz, lexicon)
    if theatre is not None:
        return theatre
    place = ctx.conflict_place
    home = _rebels_home(ctx, sentence, gaz)
    if home is not None and (place is None or place.country != home):
        return gaz.country_place(home) or place  # "Colombia and the FARC agreed": not Havana, where they talked
    country = ctx.main_country
    if country and (place is None or (place.country == country and place.name == gaz.capital_name(country))):
        return gaz.country_place(country) or place
    return place


def choose_place(
    event_type: str,
    ctx: ArticleContext,
    sentence: Sentence,
    clause: tuple[int, int],
    trigger_pos: int,
    lexicon: Lexicon,
    gaz: GazetteerPort,
) -> PlaceLike | None:
    """Where the event happened: the talks venue, the target place, the ceasefire's area."""
    if event_type == RESOLUTION:
        venues = [
            p for p in _eligible_places(ctx, sentence, (0, len(sentence.text)), lexicon) if _is_venue(ctx, p, lexicon)
        ]
        # "a draft calling for a ceasefire in Aleppo": a town of the war is the draft's topic, not the session's seat
        venues = [p for p in venues if p.place.country != ctx.main_country or p.place.name in lexicon.venue_places]
        venue = _nearest([p for p in venues if p.place.precision == "city"], sentence.start + trigger_pos)
        if venue is not None:
            return venue
        seat = gaz.find_places(lexicon.un_seat, lexicon.language)  # the Security Council sits in New York
        return seat[0].place if seat else None
    pos = sentence.start + trigger_pos
    if event_type == CEASEFIRE and lexicon.nationwide.search(sentence.low):
        countries = [
            p
            for p in ctx.places_in(sentence.start, sentence.end)
            if p.place.precision == "country" and not _acting_state(ctx, p)  # "brokered by Russia" is no area
        ]
        code = countries[0].place.country if countries else ctx.main_country
        return gaz.country_place(code) if code else None
    if event_type == CEASEFIRE:
        # the truce's area ("Waffenruhe für Aleppo", "Krieg im Gazastreifen"), not where it was agreed
        places = _eligible_places(ctx, sentence, (0, len(sentence.text)), lexicon, conflict_area=True)
        war = {ctx.main_country} | {gaz.actor_country(a.code) for a in ctx.actors_in(sentence.start, sentence.end)}
        after = [p for p in places if p.start >= pos and p.place.name not in lexicon.venue_places]
        before = [
            p
            for p in places
            if p.start < pos
            and (
                _in_conflict_area(ctx, p, lexicon) or not _is_venue(ctx, p, lexicon) or _domestic(ctx, p, lexicon, war)
            )
        ]
        return _nearest(after, pos) or _nearest(before, pos) or _truce_area(ctx, sentence, gaz, lexicon)
    for span in (clause, (0, len(sentence.text))):
        places = _eligible_places(
            ctx, sentence, span, lexicon, visit=event_type == TALKS, speech=event_type == OFFENSIVE
        )
        if event_type == OFFENSIVE:  # "Vor den Beratungen der Außenminister in Istanbul griff Russland Kiew an"
            places = [
                p
                for p in places
                if not lexicon.talks_venue_before.search(ctx.low[max(0, p.start - 80) : p.start])
                and not _foreign_venue(ctx, p, lexicon)
            ]
            places = [p for p in places if not _landmark_of_another(ctx, p, places, lexicon)]
        if event_type == TALKS:  # "die Kämpfe in Syrien" is the war's area, not the venue
            places = [
                p
                for p in places
                if _is_venue(ctx, p, lexicon)
                and not _in_unrealised_clause(sentence, clause, p, lexicon)
                and not _in_conflict_area(ctx, p, lexicon)
                and not _in_goal(ctx, pos, p, lexicon)
                and not lexicon.truce_area_before.search(ctx.low[max(0, p.start - 40) : p.start])
            ]
        place = _nearest(places, pos)
        if place is not None:
            return place
    return _landmark_in(ctx, sentence.start, sentence.end) if event_type == TALKS else None
