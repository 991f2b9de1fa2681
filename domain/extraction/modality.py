"""Modality: is a trigger stated as a realised fact, or planned, demanded, conditional,
hypothetical, negated or broken off? Only realised triggers become events (codebook).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from domain.extraction import linguistic
from domain.extraction.lexicon import CEASEFIRE, OFFENSIVE, RESOLUTION, TALKS, Lexicon
from domain.extraction.sentences import Sentence
from domain.extraction.triggers import Trigger, clause_of

REALISED = "realised"
# a sentence's grammatical analysis, worked out only when a rule asks for it (tagging is the costly part)
Grammar = Callable[[], linguistic.Analysis]
# All patterns run over lower-cased text (`Sentence.low`).
_SOLL = re.compile(r"^soll")
_WERDEN = re.compile(r"^(?:wird|werden|werde)$")
_PARTICIPLE_END = re.compile(r"\b(?:ge\w+(?:t|en)|\w+iert|\w+ge\w+(?:t|en))\W*$")
_PREV_WORD = re.compile(r"(\w+)\W*$")
_KONJUNKTIV = re.compile(r"\b(?:hätte|hätten|wäre|wären|würde|würden|könnte|könnten)\b")


def _planned(sentence: Sentence, offset: int, clause: str, trigger: Trigger, lexicon: Lexicon) -> bool:
    pattern = lexicon.cues["planned"]
    for m in pattern.finditer(clause):
        word = m.group()
        if _qualifies_another_phrase(sentence, offset + m.start(), offset + m.end(), trigger, lexicon):
            continue  # "vor den geplanten Verhandlungen ... Drohnenangriffe": the plan is the talks'
        goal = lexicon.cues.get("planned_goal")
        if goal is not None and offset + m.start() >= trigger.end and goal.fullmatch(word):
            continue  # "held talks aimed at agreeing": the aim of talks that took place
        if _SOLL.match(word) and lexicon.evidential_sollen.search(clause):
            continue  # "sollen ... getötet worden sein": reported fact, not plan
        if _WERDEN.match(word) and _PARTICIPLE_END.search(clause):
            continue  # present passive: "wird seit Tagen bombardiert"
        if trigger.event_type == CEASEFIRE and lexicon.ceasefire_announce_ok.fullmatch(word):
            continue  # announcing a ceasefire is declaring it
        return True
    return False


# where a phrase that a cue qualifies ends: German at its (capitalised) head noun, English before a
# preposition, conjunction, relative word or punctuation
_GERMAN_HEAD = re.compile(r"(?:[^\W\d]+\s+){0,3}?[A-ZÄÖÜ][\w-]*")
_ENGLISH_PHRASE = re.compile(
    r"(?:\s+(?!(?:of|in|on|at|for|with|to|by|from|between|among|and|or|but|that|which|who|after|before|as)\b)"
    r"[\w'-]+){1,5}"
)


def _qualifies_another_phrase(sentence: Sentence, start: int, end: int, trigger: Trigger, lexicon: Lexicon) -> bool:
    """An attributive plan cue ("geplanten", "planned", "ahead of") reaches only the phrase it qualifies:
    True when the trigger lies outside that phrase."""
    attributive = lexicon.cues.get("planned_attributive")
    if attributive is None or not attributive.fullmatch(sentence.low, start, end):
        return False
    if start <= trigger.start < end:
        return False
    rest = sentence.text[end:]
    stripped = len(rest) - len(rest.lstrip())
    if lexicon.head_initial:
        phrase = _ENGLISH_PHRASE.match(sentence.text, end)
    else:
        phrase = _GERMAN_HEAD.match(sentence.text, end + stripped)
    if phrase is None:
        return False
    return not (end <= trigger.start < phrase.end())


def _negated(clause: str, trigger: Trigger, lexicon: Lexicon, offset: int) -> bool:
    for m in lexicon.cues["negated"].finditer(clause):
        if offset + m.start() < trigger.end and trigger.start < offset + m.end():
            continue
        if trigger.event_type == RESOLUTION and lexicon.resolution_negation_ok.match(m.group()):
            continue
        if trigger.event_type == RESOLUTION and lexicon.resolution_not_adopted.match(clause[m.end() :]):
            continue
        return True
    return False


def _zu_infinitive(sentence: Sentence, trigger: Trigger, lexicon: Lexicon) -> bool:
    if lexicon.zu_infinitive.match(trigger.word.lower()):
        return True
    if not trigger.word[:1].islower() or not lexicon.participle_word.match(trigger.word.lower()):
        return False
    head = sentence.low[max(0, trigger.start - 12) : trigger.start]
    prev = _PREV_WORD.search(head)
    return bool(prev and prev.group(1) == lexicon.infinitive_marker)


def _governed_infinitive(sentence: Sentence, span: tuple[int, int], clause: str, lexicon: Lexicon) -> bool:
    """A verb-final infinitive whose modal or future auxiliary sits in an earlier clause:
    "X soll nicht mit Genf konkurrieren, sondern die Genfer Gespräche ergänzen"."""
    if not lexicon.clause_final_infinitive.search(clause):
        return False
    return bool(lexicon.infinitive_governor.search(sentence.low[: span[0]]))


def _attributive(sentence: Sentence, trigger: Trigger, lexicon: Lexicon) -> bool:
    """A participle qualifying a noun ("die eroberten Orte", "the besieged city"): it presupposes an
    earlier event rather than reporting one."""
    if not trigger.word[:1].islower() or not lexicon.participle_word.match(trigger.word.lower()):
        return False
    before = sentence.text[max(0, trigger.start - 60) : trigger.start]
    return bool(
        lexicon.attributive_before.search(before) and lexicon.attributive_after.match(sentence.text, trigger.end)
    )


def _stopped(sentence: Sentence, clauses: list[tuple[int, int]], trigger: Trigger, lexicon: Lexicon) -> bool:
    """An offensive stopped, not launched: "stellte die Bombardierung ein", "die Offensive wurde
    beendet", "die Einstellung der Luftangriffe"."""
    before = sentence.low[max(0, trigger.start - 60) : trigger.start]
    if lexicon.offensive_stopped_before.search(before):
        return True
    c_start, c_end = clause_of(clauses, trigger.start)
    return bool(lexicon.offensive_stopped.search(sentence.low[c_start:c_end]))


# a speaker or ticker prefix before the sentence proper: "Lüders: ...", "Antwort: ...", "14.32 Uhr: ..."
_SPEAKER = re.compile(r"^\W*(?:\d{1,2}[.:]\d{2}\s+uhr|[\w.-]+(?:\s+[\w.-]+){0,2})\s*:\s+")
# "Wenn die Armee die Stadt bombardiert, werden Tausende fliehen": a condition with a future consequence
_WENN = re.compile(r"^\W*(?:wenn|if)\b")
_CONSEQUENCE = re.compile(r"\b(?:werden|wird|würde|würden|wäre|wären|könnte|könnten|will|would|could)\b")


def _conditional_sentence(low: str, lexicon: Lexicon) -> bool:
    speaker = _SPEAKER.match(low)
    body = low[speaker.end() :] if speaker else low
    if lexicon.sentence_condition.match(body):
        return True
    return bool(_WENN.match(body) and _CONSEQUENCE.search(body))


def modality(
    sentence: Sentence,
    clauses: list[tuple[int, int]],
    trigger: Trigger,
    lexicon: Lexicon,
    grammar: Grammar | None = None,
) -> str:
    """ "realised" or the reason the trigger is not a realised event; `grammar` gives the sentence's
    linguistic analysis when the caller can provide it (without it only the surface rules run)."""
    if sentence.text.rstrip().endswith("?") or _conditional_sentence(sentence.low, lexicon):
        return "hypothetical"
    if (
        trigger.event_type == TALKS
        and trigger.nominal
        and lexicon.realised_relative_after.match(sentence.low, trigger.end)
    ):
        return REALISED  # "before engaging in the peace talks that started on Friday": they did start
    before = sentence.low[max(0, trigger.start - 60) : trigger.start]
    if trigger.event_type in (TALKS, CEASEFIRE) and lexicon.nominal_block.search(before):
        return "broken"
    if trigger.event_type == OFFENSIVE and _attributive(sentence, trigger, lexicon):
        return "attributive"
    if trigger.nominal and _named_as_cause(sentence, trigger, lexicon):
        return "reaction"
    if trigger.event_type == OFFENSIVE and trigger.nominal and _stopped(sentence, clauses, trigger, lexicon):
        return "stopped"
    if trigger.event_type == OFFENSIVE and _habitual(sentence, trigger, lexicon):
        return "habitual"
    if trigger.event_type != RESOLUTION and trigger.nominal:  # a noun: "den Angriff", "der Feuerpause"
        if lexicon.nominal_unrealised.search(before) and not (
            trigger.event_type == CEASEFIRE and lexicon.ceasefire_nominal_ok.search(before)
        ):
            return "planned"
        if trigger.event_type == CEASEFIRE and _talks_topic(sentence, trigger, before, lexicon):
            return "topic"
        if trigger.event_type != TALKS and lexicon.nominal_reference.search(before):
            return "reference"
    if trigger.event_type != CEASEFIRE and _zu_infinitive(sentence, trigger, lexicon):
        return "planned"
    c_start, c_end = clause_of(clauses, trigger.start)
    clause = sentence.low[c_start:c_end]
    if grammar is not None:
        verdict = _grammatical(sentence, trigger, lexicon, grammar)
        if verdict is not None:
            return verdict
    return _clause_modality(sentence, clauses, (c_start, c_end), clause, trigger, lexicon, grammar)


_DEFINITE_END = re.compile(r"\b(?:the|this|that|die|der|das|dieser|diese|dieses)\s+(?:[\w-]+\s+)?$")


def _named_as_cause(sentence: Sentence, trigger: Trigger, lexicon: Lexicon) -> bool:
    """ "The airstrike has prompted the U.S. to initiate a review": the event told before, now a cause."""
    cue = lexicon.cues.get("consequence_after")
    if cue is None or not cue.match(sentence.low[trigger.end : trigger.end + 60]):
        return False
    return bool(_DEFINITE_END.search(sentence.low[max(0, trigger.start - 30) : trigger.start]))


def _talks_topic(sentence: Sentence, trigger: Trigger, before: str, lexicon: Lexicon) -> bool:
    """ "Verhandlungen über eine Waffenruhe": the truce is the talks' subject, unless the sentence says
    the talks reached it ("... einigten sich auf eine Waffenruhe")."""
    if not lexicon.ceasefire_topic_before.search(before):
        return False
    if lexicon.agreed_talks_before.search(before):
        return True  # "verständigten sich auf neue Verhandlungen über einen Waffenstillstand": talks agreed
    return not lexicon.ceasefire_topic_agreed.search(sentence.low)


def _habitual(sentence: Sentence, trigger: Trigger, lexicon: Lexicon) -> bool:
    """ "regular air strikes", also inside a verb phrase trigger ("carried out regular air strikes")."""
    head = trigger.start + trigger.word.rfind(" ") + 1  # the trigger's last word (its noun)
    return bool(lexicon.nominal_habitual.search(sentence.low[max(0, trigger.start - 60) : head]))


def _clause_modality(
    sentence: Sentence,
    clauses: list[tuple[int, int]],
    span: tuple[int, int],
    clause: str,
    trigger: Trigger,
    lexicon: Lexicon,
    grammar: Grammar | None = None,
) -> str:
    if trigger.event_type in (TALKS, CEASEFIRE) and lexicon.cues["broken"].search(clause):
        return "broken"
    cues = lexicon.cues
    if trigger.event_type == CEASEFIRE and "ceasefire_ended" in cues and cues["ceasefire_ended"].search(clause):
        return "broken"
    if "background_relative" in cues and cues["background_relative"].search(clause):
        return "background"
    counterfactual = cues.get("counterfactual")
    if counterfactual is not None and _KONJUNKTIV.search(clause) and counterfactual.search(sentence.low):
        return "counterfactual"
    if trigger.event_type in (OFFENSIVE, CEASEFIRE) and trigger.nominal and lexicon.reaction_clause.search(clause):
        return "reaction"
    framed = (
        trigger.event_type == TALKS
        and trigger.nominal
        and lexicon.talks_frame_before.search(sentence.low[max(0, trigger.start - 40) : trigger.start])
        and lexicon.past_clause.search(clause)
    )
    if not framed and _negated(clause, trigger, lexicon, span[0]):
        return "negated"
    denied = lexicon.cues.get("denied")
    if denied is not None and denied.search(clause):
        return "denied"
    if trigger.event_type != RESOLUTION and lexicon.purpose_clause.search(clause):
        return "planned"  # "um die Gespräche zu retten", "die Waffenruhe einzuhalten"
    if trigger.event_type == CEASEFIRE and lexicon.ceasefire_compliance.search(clause):
        return "compliance"
    for name in ("demanded", "conditional", "hypothetical"):
        if name == "conditional" and framed:
            continue  # "Bei dem Gipfel hatten sie sich nicht einigen können": the summit took place
        cue = lexicon.cues[name].search(clause)
        if cue is not None and _draft_content(span[0] + cue.start(), trigger, lexicon):
            continue
        if cue is not None and not _in_talks_topic(clause, span[0], cue, trigger, lexicon):
            return name
    if _planned(sentence, span[0], clause, trigger, lexicon):
        return "planned"
    index = clauses.index(span) if span in clauses else 0
    if index > 0 and _governed_infinitive(sentence, span, clause, lexicon):
        return "governed"
    if index > 0 and trigger.event_type != CEASEFIRE:
        prev = sentence.low[clauses[index - 1][0] : clauses[index - 1][1]]
        cue = _governing_cue(prev, lexicon)
        if cue is not None and not _cue_out_of_reach(grammar, clauses[index - 1][0] + cue.start(), trigger):
            return "governed"
    return REALISED


def _governing_cue(clause: str, lexicon: Lexicon) -> re.Match[str] | None:
    """A cue that governs the next clause; an attributive plan word ("Ahead of planned talks, ...")
    qualifies its own noun and governs nothing."""
    attributive = lexicon.cues.get("planned_attributive")
    for cue in lexicon.governing_cues.finditer(clause):
        word = re.match(r"\w+", clause[cue.start() :])
        if attributive is not None and word is not None and attributive.fullmatch(word.group()):
            continue
        return cue
    return None


def _draft_content(cue_pos: int, trigger: Trigger, lexicon: Lexicon) -> bool:
    """ "rejected a Russian draft resolution calling for a ceasefire": a demand after the blocking verb (in a
    head-initial language) is what the draft asked for, not a mood of the block."""
    return trigger.event_type == RESOLUTION and lexicon.head_initial and cue_pos > trigger.end


def _in_talks_topic(clause: str, offset: int, cue: re.Match[str], trigger: Trigger, lexicon: Lexicon) -> bool:
    """In a head-initial language a cue inside the topic after the talks noun ("talks focusing on calls
    for a ceasefire") is what the talks are about, not a demand for them."""
    if not lexicon.head_initial or trigger.event_type != TALKS or offset + cue.start() < trigger.end:
        return False
    between = clause[trigger.end - offset : cue.start()]
    return bool(lexicon.talks_topic_start.search(between))


# --- rules that ask the linguistic layer ------------------------------------------------------------

# surface gates: the analysis is only worked out for a sentence that holds one of these
_UNREAL_GATE = {
    "de": re.compile(r"\b(?:hätte|hätten|wäre|wären)\b"),
    "en": re.compile(r"\b(?:would|could|might|should)(?:\s+not|n't)?\s+have\b"),
}
_PURPOSE_GATE = {
    "de": re.compile(r"\b(?:um|ohne|statt|anstatt)\b[^,.;:]*\bzu\b"),
    "en": re.compile(r"\bto\s+\w+|\bso\s+that\b|\bin\s+order\b"),
}
# verbs whose infinitive complement states the event itself: "began to shell", "setzten fort, ... zu"
# verbs whose infinitive complement a truce is declared by: "ordered their forces to cease hostilities"
ORDER_LEMMAS = frozenset({"order", "direct", "instruct", "command", "anordnen", "befehlen", "anweisen"})
ASPECTUAL_LEMMAS = frozenset(
    {"begin", "start", "continue", "resume", "keep", "beginnen", "anfangen", "fortsetzen", "fortfahren"}
)


# an inflected German participle before a capitalised word: "befreiten Orten", or a verb before its object
_INFLECTED_BEFORE_NOUN = re.compile(r"[a-zäöüß]\w*(?:e|en|er|es|em)\s+[A-ZÄÖÜ]")
# a word that may be the subject of a finite verb right after it ("Die Soldaten eroberten Gebiete")
_SUBJECT_TAGS = ("NN", "NE", "PPER", "PIS", "PDS", "PRELS")


def _grammatical(sentence: Sentence, trigger: Trigger, lexicon: Lexicon, grammar: Grammar) -> str | None:
    """The verdicts the layer gives more generally than the surface rules: an unreal past (Konjunktiv II
    counterfactual, "would have met"), a trigger inside a purpose or infinitive clause, and a German
    participle used as an adjective."""
    language = "de" if lexicon.language == "de" else "en"
    if (
        language == "de"
        and trigger.event_type == OFFENSIVE
        and _INFLECTED_BEFORE_NOUN.match(sentence.text, trigger.start)
        and _adjectival(grammar(), trigger)
    ):
        return "attributive"
    if _UNREAL_GATE[language].search(sentence.low) and _counterfactual(grammar(), trigger):
        return "counterfactual"
    if (
        trigger.event_type != RESOLUTION
        and _PURPOSE_GATE[language].search(sentence.low)
        and not _agreed_ceasefire(sentence, trigger, lexicon)
        and _in_purpose_clause(grammar(), trigger)
    ):
        return "planned"
    return None


def _agreed_ceasefire(sentence: Sentence, trigger: Trigger, lexicon: Lexicon) -> bool:
    """A truce the parties agreed to put in place ("agreed on Friday to implement a cessation of hostilities"):
    the infinitive is what they agreed, not a purpose."""
    before = sentence.low[max(0, trigger.start - 60) : trigger.start]
    return trigger.event_type == CEASEFIRE and lexicon.ceasefire_nominal_ok.search(before) is not None


def _adjectival(analysis: linguistic.Analysis, trigger: Trigger) -> bool:
    """ "von einer aktiven Verteidigung und befreiten Orten": the tagger reads the participle as an adjective
    and no noun or pronoun before it could be its subject (the tagger also calls some finite verbs
    adjectives: "Die Soldaten eroberten Gebiete")."""
    token = analysis.token_at(trigger.start)
    if token is None or not token.pos.startswith("ADJ"):
        return False
    before = analysis.tokens[token.index - 1] if token.index > 0 else None
    return before is None or not before.pos.replace("(", "").replace(")", "").startswith(_SUBJECT_TAGS)


def _counterfactual(analysis: linguistic.Analysis, trigger: Trigger) -> bool:
    """ "Die Gespräche wären gescheitert, wenn ... nicht ... hätte", "they would have met if ...": the
    trigger's clause is an unreal past. German Konjunktiv II also reports speech ("sie hätten sich
    geeinigt"), so there it needs a second unreal clause (the condition) beside it."""
    clause = analysis.clause_at(trigger.start)
    if linguistic.mood(clause) != "subjunctive2" or clause.tense not in ("perfect", "pluperfect"):
        return False
    if analysis.language == "en":
        return True
    return any(c is not clause and c.kind == "subordinate" and c.mood == "subjunctive2" for c in analysis.clauses)


def _in_purpose_clause(analysis: linguistic.Analysis, trigger: Trigger) -> bool:
    """The trigger sits in an infinitive or purpose clause ("um ... zu verhandeln", "efforts to convene
    talks", "so that talks can take place"): the event is aimed at, not reported. Not after an aspectual
    verb ("began to shell the town")."""
    clause = analysis.clause_at(trigger.start)
    purpose = clause.kind == "infinitive" or (
        clause.opener is not None and clause.opener.low == "so" and clause.kind == "subordinate"
    )
    if not purpose:
        return False
    index = analysis.clauses.index(clause)
    governor = analysis.clauses[index - 1] if index > 0 else None
    verb = governor.finite if governor is not None else None
    lemmas = {t.lemma.lower() for t in governor.tokens if t.pos.startswith("V")} if governor else set()
    if verb is not None:
        lemmas.add(verb.lemma.lower())
    if trigger.event_type == CEASEFIRE and lemmas & ORDER_LEMMAS:
        return False  # "ordered their forces to cease hostilities": the order declares the truce
    return not lemmas & ASPECTUAL_LEMMAS


def _cue_out_of_reach(grammar: Grammar | None, cue_offset: int, trigger: Trigger) -> bool:
    """A governing cue ("forderte", "plans") in the clause before reaches the trigger only where the layer
    says the trigger's clause is the one it governs (not a new main clause of its own)."""
    if grammar is None:
        return False
    analysis = grammar()
    target = analysis.clause_at(trigger.start)
    if target.kind != "main" or target.finite is None:
        return False
    if analysis.clause_at(cue_offset).kind == "subordinate":
        return False  # "Wenn die Waffenruhe hält, trifft Putin ...": a condition governs the main clause
    return not analysis.governs(cue_offset, trigger.start)
