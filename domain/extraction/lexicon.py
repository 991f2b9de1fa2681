"""The language-neutral shape of an extraction lexicon, and the registry of lexicons.

Everything language-specific (words, phrases, inflections) lives in `lexicon_<lang>.py`
modules that build one `Lexicon`; the pipeline only ever reads these fields.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

Pattern = re.Pattern[str]

TALKS = "TalksHeld"
CEASEFIRE = "CeasefireAnnounced"
OFFENSIVE = "OffensiveLaunched"
RESOLUTION = "ResolutionBlocked"
CAPITAL = "<capital>"  # a `venue_landmarks` city: the capital of the article's country


class WordPattern:
    """A whole-text pattern that must start at a word boundary, searched without a leading
    `\\b`: the regex engine can then skip ahead to the literal first characters (several
    times faster over a long article); the boundary is checked per match instead."""

    __slots__ = ("pattern",)

    def __init__(self, source: str) -> None:
        self.pattern = re.compile(source[2:] if source.startswith("\\b") else source)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """The matches `\\b<pattern>` would find: a match inside a word is dropped and the search
        goes on from its next character (so it cannot swallow a word-initial match within it)."""
        search = self.pattern.search
        m = search(text, pos, endpos)
        while m is not None:
            start, end = m.span()
            if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                m = search(text, start + 1, endpos)
                continue
            yield m
            m = search(text, end if end > start else start + 1, endpos)


Scanner = Pattern | WordPattern


# matches nothing, not even an empty string ("$^" matches "")
_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """A trigger pattern for one event type; `strength` is "strong", "weak" or "agreement"."""

    event_type: str
    pattern: Scanner
    strength: str
    # substrings of the lower-cased text one of which every match contains: a text holding none of
    # them is not scanned (a cheap `in` test instead of a slow pass of a rare, costly pattern)
    gate: tuple[str, ...] = ()
    name: str = ""  # the rule's name in traces (`extract --explain`): "talks_verb", "offensive_noun"


@dataclass(frozen=True, slots=True)
class GenericForce:
    """A generic armed-force phrase ("Rebellen", "Regierungstruppen") resolved per article."""

    pattern: Scanner
    kind: str  # "rebels", "government", "jihadists", "allied", "militia", "army"
    # a compound's last part ("-truppen"); the match extends back over its word (one starting with "-"
    # counts only right after a word: checked per match, as a lookbehind would slow the scan)
    compound: Pattern | None = None


# Defaults of the fields that name words the logic once spelled in German (German behaviour).
_DE_MONTH_PARTS = {"anfang": "start", "mitte": "mid", "ende": "end"}
# Where a truce with a party holds when the sentence names no area: the party's own theatre of war, which is
# not always the country the article names most (a Hamas-Israel truce holds in Gaza, not in Tel Aviv).
# Values: a place name the gazetteer knows, or an ISO alpha-2 country (its centroid).
_TRUCE_THEATRES = {"PSE-REB": "Gaza Strip", "HEZ": "LB"}
# a `weekday_prefix` word -> "future", "past", "since" or "night"
_DE_WEEKDAY_PREFIX_KINDS = {
    "für": "future", "kommenden": "future", "nächsten": "future", "ab": "future", "seit": "since",
    "vergangenen": "past", "letzten": "past", "an diesem": "past", "in der nacht zu": "night",
    "in der nacht zum": "night",
}  # fmt: skip
_DE_TIME_UNITS = {
    "tag": "day", "tage": "day", "tagen": "day", "woche": "week", "wochen": "week", "monat": "month",
    "monate": "month", "monaten": "month", "jahr": "year", "jahren": "year",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    triggers: tuple[TriggerRule, ...]
    trigger_exclusions: dict[str, Pattern]  # event type -> clause pattern that voids a trigger
    ceasefire_realised: Pattern  # a declaring/agreeing verb that must accompany a ceasefire noun
    resolution_context: Pattern
    resolution_body: Pattern
    resolution_mutual: Pattern
    sponsor_cue: Pattern  # text right before an actor that makes it the draft's sponsor
    cues: dict[str, Pattern]  # modality -> clause pattern
    governing_cues: Pattern  # end of a preceding clause that governs the next one
    nominal_block: Pattern  # "Abbruch der", "Ende der" right before a nominal trigger
    evidential_sollen: Pattern
    ceasefire_announce_ok: Pattern  # "kündigte ... an" counts as declaring a ceasefire
    zu_infinitive: Pattern
    conflict_words: Pattern
    generic_forces: tuple[GenericForce, ...]
    government_in: Pattern  # "Regierung in <Place>"
    locative_before: Pattern  # preposition right before a state name: a place, not an actor
    topic_compound_after: Pattern  # "-Konflikt" after a state name: a topic, not an actor
    source_before: Pattern
    source_after: Pattern
    speaker_colon_after: Pattern  # "Baerbock: Großangriff von Terroristen": the person before the colon speaks
    mediator_before: Pattern
    support_before: Pattern  # "mit Unterstützung der" -> attacker
    target_before: Pattern  # "gegen", "Stellungen des" -> target
    target_after: Pattern  # "gehaltenen", "-Hochburg" -> target
    passive_agent_before: Pattern  # "durch", "von" -> attacker in a passive clause
    venue_before: Pattern
    place_excluded_before: Pattern  # "Botschafter in", "Lage in": not where it happened
    reference_attack_before: Pattern  # "nach dem Anschlag in", "after the bombing in": another attack's place
    attack_on_state_before: Pattern  # "Angriff auf", "attack on": the state right after is the one attacked
    state_territory_after: Pattern  # "israelisches Staatsgebiet", "Israeli territory": the state's own soil
    nationwide: Pattern
    anaphoric_place: Pattern
    jihadist_codes: tuple[str, ...]
    clause_split: Pattern
    abbreviations: frozenset[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    number_words: dict[str, int]
    dates: dict[str, Scanner] = field(default_factory=dict)
    date_gates: dict[str, tuple[str, ...]] = field(default_factory=dict)  # substrings one of which must occur
    weekday_prefix: Pattern = _NEVER  # "am", "seit", "kommenden" ... right before a weekday
    background_clause: Pattern = _NEVER
    coordination_gap: Pattern = _NEVER  # text between two members of one list
    resolution_noun: Pattern = _NEVER
    topic_preposition: Pattern = _NEVER  # "gegen", "zu" after a draft noun: what it is about
    draft_topic_end: Pattern = _NEVER  # a comma or subordinator after it: the topic has ended
    # a relative clause right after a talks noun that states they happened: "the talks that started on
    # Friday", "die Gespräche, die am Freitag begonnen hatten" (whatever governs the noun)
    realised_relative_after: Pattern = _NEVER
    veto_verb: Pattern = _NEVER  # a nominal "Veto" states a block only with one of these
    un_seat: str = "New York"
    continuation: Pattern = _NEVER  # "fortgesetzt", "dauern an": an event still going on
    # English: a modal cue governs the words after it, so one in the topic after a talks noun is the topic
    head_initial: bool = False
    deictic_now: Pattern = _NEVER  # "nun", "jetzt": a date mention that yields to a named day
    talks_topic_before: Pattern = _NEVER  # "über den Kampf gegen" right before an actor: a topic
    visit_before: Pattern = _NEVER  # "bei einem Besuch in" right before a talks venue
    support_after: Pattern = _NEVER  # "unterstützten" right after an actor: attacking side
    supported_before: Pattern = _NEVER  # "die von X unterstützten" right before the supported force
    purpose_clause: Pattern = _NEVER  # "um ... zu retten": not a realised event
    ceasefire_compliance: Pattern = _NEVER  # keeping an existing truce, not declaring one
    casualty_followup: Pattern = _NEVER  # "Dabei wurden ...": the toll of the attack just reported
    allegation: Pattern = _NEVER  # "sollen ... bombardiert haben", "angeblich": a reported claim
    reaction_clause: Pattern = _NEVER  # "verurteilte den Angriff": a reaction to an event, not its report
    nominal_reference: Pattern = _NEVER  # "seit Beginn der", "während der" right before a nominal trigger
    nominal_unrealised: Pattern = _NEVER  # "eine drohende", "die geplante" right before a nominal trigger
    # "Verhandlungen über eine Waffenruhe", "talks on a truce": the truce is what talks are about, not agreed
    # "since late 2014, when the Houthis overran Sanaa": the origin of a state told as background
    since_when: Pattern = _NEVER
    # "die angekündigte Feuerpause", "the announced truce": announcing is what the type records
    ceasefire_nominal_ok: Pattern = _NEVER
    ceasefire_topic_before: Pattern = _NEVER
    ceasefire_topic_agreed: Pattern = _NEVER  # "... und einigten sich darauf": the talks reached it
    # "regular air strikes", "regelmäßige Angriffe": a habit described, no one attack or campaign reported
    nominal_habitual: Pattern = _NEVER
    # stopping an offensive: "stellte die Bombardierung ein", "die Offensive wurde gestoppt" (a nominal trigger)
    offensive_stopped: Pattern = _NEVER
    offensive_stopped_before: Pattern = _NEVER  # "Einstellung der", "Ende der" right before the noun
    # a participle used as an adjective ("die eroberten Orte", "die belagerte Stadt") presupposes an
    # earlier event: the original-case text right before it, and right after it (the noun it qualifies)
    # a talks noun in a circumstantial phrase ("bei einem Dreiergipfel", "at the summit") in a past-tense
    # clause: the meeting happened, whatever failed at it ("hatten sich nicht einigen können")
    # a pronoun as the subject of the sentence's first clause: "Am Mittwoch nahmen sie ... ein" (the previous
    # sentence's subject), "Dieser hatte ... verkündet" (the last actor named before)
    pronoun_subject: Pattern = _NEVER
    demonstrative_subject: Pattern = _NEVER
    # a dateline with the day ("MOSKAU/BAKU, 5. April.", "MOSCOW, April 5 (Reuters)"): named groups day, month
    dateline: Pattern = _NEVER
    seasons: dict[str, int] = field(default_factory=dict)  # "Frühjahr"/"spring" -> its first month (3)
    relative_pronoun_clause: Pattern = _NEVER  # a clause opened by a relative pronoun ("die", "in der")
    # what a weak capture verb takes when it is a capture ("nahmen den Luftwaffenstützpunkt ein")
    capture_object: Pattern = _NEVER
    took_place: Pattern = _NEVER  # "Die Zeremonie fand in Skhirat statt": a neighbour naming the venue
    talks_frame_before: Pattern = _NEVER
    past_clause: Pattern = _NEVER
    attributive_before: Pattern = _NEVER
    attributive_after: Pattern = _NEVER
    # a trigger word (lower-cased) that is a noun ("talks", "the offensive"); None: a capitalised word is one
    # (German nouns are; English ones are not, so English lists its nominal triggers)
    nominal_word: Pattern | None = None
    participle_word: Pattern = re.compile(".")  # a trigger word that can be a participle (German: any lower-case one)
    relative_clause: Pattern = _NEVER  # the start of a relative or subordinate clause ("in die", "nachdem")
    generic_parties: Pattern = _NEVER  # "die Konfliktparteien", "beide Seiten": the war's parties
    # an agreement told as a reply to the sentence before: "Darauf hätten sich beide Seiten geeinigt" (text
    # from the sentence's start to the agreement word) or "agreed to halt the fighting" (text right after it)
    agreement_anaphor: Pattern = _NEVER
    agreement_truce_after: Pattern = _NEVER
    agreed_talks_before: Pattern = _NEVER  # "agreed to new talks on": the talks are what was agreed
    conflict_noun_after: Pattern = _NEVER  # "Syrian conflict", "syrischen Bürgerkrieg": a topic
    target_list_gap: Pattern = _NEVER  # between two listed targets ("gegen die Hamas und die Hisbollah")
    victims_of_before: Pattern = _NEVER  # "sieben Kämpfer der": the group whose members died
    backer_after: Pattern = _NEVER  # "Iranian-backed", "von Iran unterstützt": a qualifier, no party
    killed_victims_before: Pattern = _NEVER  # "killing more than 250": the group named next died
    protected_before: Pattern = _NEVER  # "a veto to protect the": the protected one is no voter
    agreement_pronoun: Pattern = _NEVER  # "agreed to it": an object that needs the truce before
    # a sentence that states a truce without a declaring verb: "Ab Mitternacht sollen die Waffen schweigen"
    truce_statement: Pattern = _NEVER
    talks_off_topic: Pattern = _NEVER  # trade, climate, migration: talks not about a conflict
    talks_on_topic: Pattern = _NEVER  # conflict topics that keep such talks (with `conflict_words`)
    talks_topic_start: Pattern = _NEVER  # "über", "zu": where the topic of talks begins
    venue_places: frozenset[str] = frozenset()  # canonical names of diplomatic venues (never the war's country)
    # a seat of government named as the venue ("Gespräche im Kanzleramt", "at the State Department"):
    # (the preposition and the seat, the canonical name of its city, words one of which the text must hold)
    venue_landmarks: tuple[tuple[Pattern, str, tuple[str, ...]], ...] = ()
    truce_theatres: dict[str, str] = field(default_factory=lambda: dict(_TRUCE_THEATRES))
    # a wire dateline opening a paragraph ("GENEVA Syria's ...", "MUNICH – ", "Kiew/Moskau (dpa) – "), on the
    # original-case text: group "city" is the first city it names (the reporter's, or the talks', city)
    dateline_place: Pattern = _NEVER
    # a speech frame right before a place ("said in Moscow", "sagte Lawrow am Montag in Moskau"): where the
    # speaker was, not where the fighting is
    speech_place_before: Pattern = _NEVER
    # a talks noun right after a foreign city ("the Munich talks", "Genf-Gespräche"): the city is the venue
    venue_attributive_after: Pattern = _NEVER
    conflict_area_before: Pattern = _NEVER  # "Krieg im", "Kämpfe in" right before a place
    unrest_attack: Pattern = _NEVER  # rioters storming an embassy: unrest, not an offensive
    # a phone call is between two parties: "X telefonierte mit A und B" is one call with each counterpart
    phone_call: Pattern = _NEVER  # the trigger word of a call ("telefonierte", "phoned")
    counterpart_marker: Pattern = _NEVER  # what introduces the other side ("mit", "with")
    landmark_before: Pattern = _NEVER  # "zwischen", "nördlich von" right before a place
    sponsor_after: Pattern = _NEVER  # text right after an actor that makes it the sponsor
    blocker_before: Pattern = _NEVER  # "am Veto" right before an actor: it blocked
    # an attack in a subordinate clause with an attacker of its own keeps that clause's parties ("Weil sich
    # Russland an der Offensive beteiligt, kam es zum Zerwürfnis mit den USA"); English "as"/"after" clauses
    # carry the main clause's attack on too often for it
    subordinate_attack_scope: bool = False
    # armed men the text names by their kind only ("the rapid response forces", "die Einheiten")
    unnamed_force: Pattern = _NEVER
    # "China und Angola enthielten sich", "China abstained": who abstained blocked nothing
    abstained_after: Pattern = _NEVER
    abstained_before: Pattern = _NEVER
    # "in den syrischen Rebellengebieten", "Syrian rebel-held areas": a place described, no voter
    place_of_actor_after: Pattern = _NEVER
    failed_with_draft: Pattern = re.compile(
        "$^"
    )  # "scheiterte mit seinem Entwurf": subjects sponsored  # pluperfect or "bereits/damals": no default date
    future_clause: Pattern = _NEVER  # a clause that puts its weekday in the future
    casualty_number: Pattern = re.compile("")
    casualty_killed: Pattern = re.compile("")
    casualty_injured: Pattern = re.compile("")
    # a count without a victim noun next to the injuring verb: "und mehr als 100 verletzt", "wounding 20"
    injured_count: Pattern = _NEVER
    casualty_background: Pattern = re.compile("")
    # a cumulative toll in the perfect ("more than 160 have been killed since October", "sind mehr als 300
    # Menschen getötet worden"): a weak attack word after it describes the dead, it reports no event
    casualty_tally: Pattern = _NEVER
    victim_civilian: Pattern = re.compile("")
    victim_child: Pattern = re.compile("")
    # casualty bounds: each is searched in the text right before a number and anchored at its end ("...$")
    casualty_at_least: Pattern = _NEVER  # "mindestens 30": low 30
    casualty_more_than: Pattern = _NEVER  # "mehr als 30": low 31
    casualty_up_to: Pattern = _NEVER  # "bis zu 30", "nearly 30": high 30
    casualty_subgroup: Pattern = _NEVER  # "darunter", "including": the counts after it are a subgroup
    number_range_split: Pattern = _NEVER  # "20 bis 30", "20-30": the two ends of a range
    number_multipliers: dict[str, int] = field(default_factory=dict)  # "zwei Dutzend": 2 x 12
    number_approximations: dict[str, int] = field(default_factory=dict)  # "Dutzende": no best, low 24
    present_ongoing: Pattern = re.compile("")
    passive_marker: Pattern = re.compile("")
    venue_in_country: Pattern = re.compile("")
    infinitive_governor: Pattern = re.compile("")
    offensive_realised: Pattern = re.compile("")
    offensive_object_after: Pattern = re.compile("")
    subject_fighters_before: Pattern = _NEVER
    # the agent of an attack participle that is unambiguous without an auxiliary ("areas seized by the
    # army", a reduced relative): English "by" is never "from", unlike German "von"
    attack_agent_before: Pattern = _NEVER
    # the noun an attack participle with its agent qualifies ("government forces besieged by IS"): the target
    attacked_by_after: Pattern = _NEVER
    # an actor that repelled the attack ("the army said it repelled a rebel attack"): the one attacked
    repelling_after: Pattern = _NEVER
    # a sentence told as the next step of a visit ("Danach traf er ...", "Afterwards he met ..."): its talks
    # were where the scene just told took place
    scene_continuation: Pattern = _NEVER
    # a town's name that names its province ("im Gebiet Donezk", "the Kursk region"): a region, not the town
    region_unit_before: Pattern = _NEVER
    region_unit_after: Pattern = _NEVER
    # a finite attack verb of a main clause ("Die Armee griff am Sonntag kurdische Milizen an"): a party named
    # before it is the subject, one after it the object
    finite_attack_verb: Pattern = _NEVER
    gate_words: Pattern = _NEVER  # more words that let an article past the conflict gate
    # "waren zwar gleichzeitig anwesend; ein Treffen der beiden kam aber nicht zustande": no talks at all
    talks_not_held: Pattern = re.compile(
        r"\bnicht\s+(?:zustande|statt)\b|\bdid\s+not\s+(?:take\s+place|materiali[sz]e)\b|\bnever\s+met\b"
    )
    # "hat die EU scharf angegriffen", "griff die Opposition verbal an", "sharply attacked": words, not arms
    verbal_attack: Pattern = re.compile(
        r"\b(?:scharf|verbal|persönlich|öffentlich|rhetorisch|heftig\s+kritisiert\s+und)\s+(?:an\b|angegriffen)|"
        r"\b(?:sharply|verbally|publicly|personally)\s+attack\w*"
    )
    # "den Süden des Landes": a part of the country, not the war's main town nor the town just named
    country_region: Pattern = re.compile(
        r"\b(?:norden|süden|osten|westen|nordosten|nordwesten|südosten|südwesten|zentrum|mitte)\s+des\s+landes\b|"
        r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|centre|center)\s+of\s+the\s+country\b"
    )  # "Kämpfer der YPG griffen ... an": the subject
    demonym_of_place: Pattern = re.compile("")
    # "seit der israelischen Staatsgründung", "since the Russian invasion", "in der Geschichte des Libanon": a
    # demonym or state in a time frame dates or ranks the event, it names no party to it
    time_frame_before: Pattern = _NEVER
    # a finite verb right after an actor named after "says": the subject of the reported clause ("..., says
    # Iraqi forces retook villages"), not an inverted attribution (", said the Syrian army.")
    source_subject_after: Pattern = _NEVER
    speaker_of_report: Pattern = _NEVER
    # people named by where they come from are that state's agents: "officials from the United States"
    people_from_before: Pattern = _NEVER
    # a city that speaks is its government, not a place: "Kiew spricht von ...", "Moscow said"
    speaking_city_after: Pattern = _NEVER
    # a country named as where talks met ("peace talks in Kuwait") is the venue, not the war's country
    talks_venue_before: Pattern = _NEVER
    target_examples_before: Pattern = _NEVER
    # a side's account, not a party: "nach israelischen Angaben" (a party still when the sentence names no other)
    side_source_after: Pattern = _NEVER
    # a truce's own area, no venue of talks: "to extend the ceasefire deal in Aleppo to the whole country"
    truce_area_before: Pattern = _NEVER
    # the state a truce is declared for is its area, not a party: "hat für die Ukraine eine Waffenruhe angekündigt"
    truce_for_before: Pattern = _NEVER
    # a leader meeting his own officials holds no talks between parties: "Treffen mit Generalstabschef Gerassimow"
    domestic_meeting: Pattern = _NEVER
    # a state's possessive before one of its armed groups names where the group is: "Yemen's Houthi movement"
    state_of_group_after: Pattern = _NEVER
    locative_near: Pattern = re.compile("")
    clause_final_infinitive: Pattern = re.compile("")
    # Language words the logic used to spell in German; the defaults keep the German behaviour.
    furniture: tuple[Pattern, ...] = ()  # extra crawled furniture blanked by `normalize.clean`
    month_parts: dict[str, str] = field(default_factory=lambda: dict(_DE_MONTH_PARTS))  # "Anfang"/"early" -> "start"
    weekday_prefix_kinds: dict[str, str] = field(default_factory=lambda: dict(_DE_WEEKDAY_PREFIX_KINDS))
    time_units: dict[str, str] = field(default_factory=lambda: dict(_DE_TIME_UNITS))  # "Tagen"/"days" -> "day"
    two_days_back: Pattern = re.compile("^vorgestern")  # a `yesterday` match meaning two days back
    victim_killed: Pattern = re.compile("tot|getötet")  # victim words of a casualty number that mean killed
    victim_injured: Pattern = re.compile("verletzt")  # ... that mean injured
    between: Pattern = re.compile("zwischen ")  # ceasefire parties follow it ("between X and Y")
    resolution_negation_ok: Pattern = re.compile(r"^(?:scheiter|gescheitert|verweigert|absage)")  # no negation
    # "wurde nicht verabschiedet", "was not adopted": a draft not adopted was blocked (right after the negation)
    resolution_not_adopted: Pattern = re.compile(r"^\s+(?:verabschiedet|angenommen)\b")
    sentence_condition: Pattern = re.compile(r"^\W*(?:sollte|sollten|falls|sofern)\b")  # conditional sentence
    infinitive_marker: str = "zu"  # the word before an infinitive trigger: a plan, not a fact
    ordinal_dot: bool = True  # "17." is an ordinal ("17. November"); False: a number and a dot end a sentence


# alternation factoring ---------------------------------------------------------

_PLAIN_HEAD = re.compile(r"[a-zäöüß0-9 -]")
_CAPTURING = re.compile(r"(?<!\\)\((?!\?[:=!<])|\(\?P")  # reordering would renumber the groups


def _split_top(src: str) -> list[str] | None:
    """Top-level alternatives of `src`; None when brackets do not balance."""
    out: list[str] = []
    depth, cls, i, start = 0, False, 0, 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if cls:
            if c == "]":
                cls = False
        elif c == "[":
            cls = True
            if src[i + 1 : i + 2] == "]" or src[i + 1 : i + 3] == "^]":
                i += 2 if src[i + 1] == "]" else 3
                continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(src[start:i])
            start = i + 1
        i += 1
    if depth or cls:
        return None
    out.append(src[start:])
    return out


def _head(alt: str) -> str | None:
    """The leading plain literal character of an alternative (not quantified), else None."""
    if not alt or not _PLAIN_HEAD.match(alt[0]):
        return None
    if alt[1:2] in ("?", "*", "+", "{"):
        return None
    return alt[0]


def factor(src: str) -> str:
    """The same regex with the alternatives of every alternation grouped by their first literal
    character, recursively (a trie: "bomben|boden|luft" -> "bo(?:mben|den)|luft"). Python's regex
    engine tries the alternatives of a group one by one at every position; grouped, it tries only
    those that can start there (a trigger pass is up to twice as fast). Alternatives with different
    first characters never match at the same position and each group keeps its order, so the
    matches are the same; an alternation with a non-literal start is left as it is."""
    alts = _split_top(src)
    if alts is None:
        return src
    alts = [_factor_groups(a) for a in alts]
    if len(alts) < 2 or any(_head(a) is None for a in alts) or _CAPTURING.search(src):
        return "|".join(alts)
    groups: dict[str, list[str]] = {}
    for a in alts:
        groups.setdefault(a[0], []).append(a[1:])
    parts = []
    for head, rest in groups.items():
        if len(rest) == 1:
            parts.append(head + rest[0])
        else:
            parts.append(head + "(?:" + factor("|".join(rest)) + ")")
    return "|".join(parts)


def _factor_groups(src: str) -> str:
    """`factor` applied inside every non-capturing group of `src`."""
    out: list[str] = []
    i = 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            out.append(src[i : i + 2])
            i += 2
            continue
        if c == "[":
            j = i + 1
            if src[j : j + 1] == "^":
                j += 1
            if src[j : j + 1] == "]":
                j += 1
            while j < len(src) and src[j] != "]":
                j += 2 if src[j] == "\\" else 1
            out.append(src[i : j + 1])
            i = j + 1
            continue
        if src.startswith("(?:", i):
            depth, j = 1, i + 3
            while j < len(src) and depth:
                if src[j] == "\\":
                    j += 2
                    continue
                if src[j] == "[":
                    k = j + 1
                    if src[k : k + 1] == "^":
                        k += 1
                    if src[k : k + 1] == "]":
                        k += 1
                    while k < len(src) and src[k] != "]":
                        k += 2 if src[k] == "\\" else 1
                    j = k + 1
                    continue
                depth += {"(": 1, ")": -1}.get(src[j], 0)
                j += 1
            out.append("(?:" + factor(src[i + 3 : j - 1]) + ")")
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


_REGISTRY: dict[str, Lexicon] = {}


def register(lexicon: Lexicon) -> None:
    _REGISTRY[lexicon.language] = lexicon


def get_lexicon(language: str) -> Lexicon:
    """The lexicon for `language` ("de", "de-AT" -> "de"); German when unknown."""
    if "de" not in _REGISTRY or "en" not in _REGISTRY:
        from domain.extraction import lexicon_de, lexicon_en  # noqa: F401  (register themselves)
    key = (language or "de").lower().split("-")[0].split("_")[0]
    return _REGISTRY.get(key) or _REGISTRY["de"]
