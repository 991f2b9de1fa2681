"""German lexicon: trigger words, modality cues, role cues, temporal words.

Patterns are compiled once at import. Word lists follow 2014–2018 German wire copy
(dpa, AFP, Reuters, APA): Syria, Iraq, Yemen, Libya, Ukraine, Afghanistan, Mali ...
"""

from __future__ import annotations

import re

from domain.extraction.lexicon import (
    CEASEFIRE,
    OFFENSIVE,
    RESOLUTION,
    TALKS,
    GenericForce,
    Lexicon,
    Scanner,
    TriggerRule,
    WordPattern,
    factor,
    register,
)

_W = r"[a-zäöüß]"


def _c(pattern: str) -> re.Pattern[str]:
    """Every lexicon pattern runs over lower-cased text (`normalize.lowered`, same offsets),
    which is much faster than IGNORECASE; alternations are factored."""
    return re.compile(factor(pattern))  # alternations factored: same matches, faster


def _lw(pattern: str) -> WordPattern:
    """A whole-article word pattern (leading \\b checked per match: much faster)."""
    return WordPattern(pattern)


def _tw(pattern: str) -> WordPattern:
    """A trigger's whole-article word pattern, its alternations factored (see `factor`)."""
    return WordPattern(factor(pattern))


def _tc(pattern: str) -> re.Pattern[str]:
    """A trigger's whole-article pattern, its alternations factored (see `factor`)."""
    return re.compile(factor(pattern))


def _lc(pattern: str) -> re.Pattern[str]:
    """For whole-article scans, which run over the lower-cased text (much faster than IGNORECASE)."""
    return re.compile(pattern)


# A hyphenated prefix ("Syrien-Gespräche", "UN-Friedensgespräche") is allowed; closed
# compounds only from this list, so "Tarifverhandlungen" or "Pressekonferenz" never match.
_TALK_PREFIXES = (
    "friedens", "syrien", "ukraine", "krisen", "telefon", "atom", "direkt", "sechser", "vierer", "dreier", "spitzen",
    "geheim", "waffenstillstands", "waffenruhe", "abrüstungs", "versöhnungs", "einheits", "normandie", "minsker",
    r"genfer\s", "astana-",
)  # fmt: skip
_TALK_NOUNS = (
    r"gespräch(?:e|en|s|es)?|verhandlung(?:en)?|verhandlungsrunde(?:n)?|gesprächsrunde(?:n)?|"
    r"konferenz(?:en)?|gipfel(?:treffen|s)?|treffen|telefonat(?:e|en|s)?|unterredung(?:en)?|"
    r"konsultation(?:en)?|beratungen"
)
# each prefix spelled out before the nouns (not an optional group): factored, a faster scan
_TALKS_NOUN = (
    r"\b(?:" + "|".join(prefix + "(?:" + _TALK_NOUNS + ")" for prefix in _TALK_PREFIXES) + "|" + _TALK_NOUNS + r")\b"
)
_TALK_VERBS = (
    r"telefonierte(?:n)?|telefoniert|trafen|traf|getroffen|trifft|verhandelt(?:e|en)?|verhandeln|verhandle|"
    r"berieten|berät|beriet|konferierte(?:n)?|zusammengekommen|zusammengetroffen|kam(?:en)?\b[^,.;:]*\bzusammen|"
    r"kontakt\s+aufgenommen|tagte(?:n)?|getagt|"
    # "setzten sich erstmals seit drei Jahren ukrainische und russische Unterhändler in Istanbul zusammen"
    r"setzte(?:n)?\s+sich\b[^,.;:]*\bzusammen\b"
)
_SPEAK = r"(?:sprachen|sprach|gesprochen|sprechen|spreche)(?=[^,.;:]*\b(?:mit|miteinander|wieder)\b)(?![^,.;:]*\bvon\b)"
# "hatten Putin und Obama ... über Syrien gesprochen": weak, needs two parties in the sentence itself.
_SPEAK_ABOUT = r"(?:sprachen|sprach|gesprochen)(?=[^,.;:]*\büber\b)(?![^,.;:]*\bvon\b)"
_SPOKEN_ABOUT = r"über\b[^,.;:]{0,80}?\bgesprochen"  # its own rule: scanned only where "gesprochen" occurs
# verb-final order: "habe auch mit dem Präsidenten gesprochen", "hatte mit Lawrow telefoniert"
_SPOKEN_WITH = r"mit\b[^,.;:]{0,140}?\b(?:gesprochen|telefoniert|beraten)"
_AGREE = r"vereinbart(?:e|en)?|einigten\s+sich|einigte\s+sich|geeinigt|übereingekommen|verständigt(?:en)?"

_CEASEFIRE_NOUNS = (
    r"(?:waffenruhe|waffenstillstand(?:s|es)?|waffenstillstandsabkommen|"
    r"waffenstillstandsvereinbarung(?:en)?|feuerpause(?:n)?|feuerstillstand(?:s)?|kampfpause(?:n)?|"
    r"humanitäre(?:n)?\s+pause(?:n)?|waffenruhe-abkommen|waffenpause(?:n)?|"
    r"einstellung\s+(?:der|aller)\s+(?:kampfhandlungen|feindseligkeiten|kämpfe|gefechte)|"
    # "die Vereinbarung über ein Ende der Kampfhandlungen": an agreed end of the fighting is a truce
    r"vereinbarung\s+(?:über\s+)?(?:ein|das)\s+ende\s+der\s+(?:kampfhandlungen|feindseligkeiten|kämpfe))"
)

_OFF_STRONG_NOUNS = (
    r"großoffensive(?:n)?|bodenoffensive(?:n)?|militäroffensive(?:n)?|gegenoffensive(?:n)?|luftoffensive(?:n)?|"
    r"luftangriff(?:e|en|s)?|luftschläge(?:n)?|luftschlag(?:s)?|bombardierung(?:en)?|bombardement(?:s)?|"
    r"bombenangriff(?:e|en)?|raketenangriff(?:e|en)?|artillerieangriff(?:e|en)?|drohnenangriff(?:e|en)?|"
    r"artilleriebeschuss|belagerung|rückeroberung|eroberung|vormarsch(?:es)?|militäreinsatz(?:es)?|"
    # compounds whose first part makes the attack military: "Sturmangriffe", "Sommeroffensive"
    r"(?:sturm|gegen|groß|vergeltungs|überraschungs|panzer|mörser|granat|massen|kamikaze|hubschrauber|"
    r"kampfjet|marschflugkörper|doppel)angriff(?:e|en|s)?|"
    r"(?:sommer|frühjahrs|winter|herbst|panzer)offensive(?:n)?|"
    r"militäroperation(?:en)?|bodeneinsatz(?:es)?|bodenoperation(?:en)?|"
    # "die Kämpfe um Mossul gehen weiter", "die Schlacht um Aleppo": fighting for a place
    r"kämpfe\s+um|kämpfen\s+um|gefechte\s+um|gefechten\s+um|schlacht\s+um"  # spelled out: factored faster
)
_OFF_STRONG_VERBS = (
    r"belagert(?:e|en)?|belagern|vorgerückt|vorrückt|vorrückte(?:n)?|vorrücken|rückt(?:e|en)?\b[^.;:]{0,160}?\b(?:vor|ein)\b|"
    r"rückten\b[^.;:]{0,160}?\b(?:vor|ein)\b|eingerückt|eingenommen|zurückerobert(?:e|en)?|erobert(?:e|en)?|"
    r"eroberten|gestürmt|stürmten|bombardiert(?:e|en)?|beschossen|beschoss(?:en)?|eingekesselt|umzingelt|"
    r"angegriffen|griff(?:en)?\b[^.;:]{0,160}?\ban\b|greift\b[^.;:]{0,160}?\ban\b|greifen\b[^.;:]{0,160}?\ban\b|"
    r"angreifen|"
    r"bombardieren|beschießen|beschießt|rücken\b[^,.;:]*\b(?:vor|ein)|erobern|zurückerobern|"
    r"befreit(?:e|en)?|befreiten|drangen\b[^,.;:]*\bvor|drang\b[^,.;:]*\bvor|dringen\b[^,.;:]*\bvor|"
    r"vorgedrungen|vorgestoßen|stießen\b[^,.;:]{0,120}?\bvor\b|stieß\b[^,.;:]{0,120}?\bvor\b|überrannt(?:e|en)?|einmarschiert|marschierten\b[^,.;:]*\bein|umkämpft\w*|"
    # "sind in die Stadt Goma eingedrungen", "drangen in die Stadt ein"
    r"eingedrungen|drangen\b[^,.;:]*\bein\b|drang\b[^,.;:]*\bein\b|"
    r"unter\s+(?:ihre|seine|die|eigene)\s+kontrolle\s+(?:gebracht|brachten|brachte|bringen)|"
    r"brachte(?:n)?\b[^,.;:]{0,120}?\bunter\s+(?:ihre|seine|die|eigene)\s+kontrolle|"
    r"kontrolle\s+über\b[^,.;:]*\b(?:übernommen|übernahmen|übernahm|erlangt|gewonnen)"
)
_OFF_WEAK = (
    r"offensive(?:n)?|angriff(?:e|en)?|attacke(?:n)?|vorstoß(?:es)?|vorstöße(?:n)?|überfallen|überfielen|"
    r"nahm(?:en)?\b[^.;:]{0,160}?\bein\b"
)

_RES_TRIGGERS = (
    r"veto(?:s)?|blockiert(?:e|en)?|blockierten|abgelehnt|lehnte(?:n)?\b[^,.;:]*\bab|"
    r"scheiterte(?:n)?|gescheitert|zu\s+fall\s+gebracht|verhindert(?:e|en)?|stoppt(?:e|en)?|stoppen|"
    r"gestoppt|gekippt|kippte(?:n)?|keine\s+mehrheit|"
    r"stimmte(?:n)?\b[^,.;:]*\b(?:dagegen|gegen)|votierte(?:n)?\b[^,.;:]*\bgegen|niedergestimmt"
)

_WEAPON_AGENT = (
    r"\bdurch\s+(?:(?:eine[nmrs]?|einen|den|die|das|de[rn]|ihre\w*|seine\w*|\w+ische\w*|feindliche\w*|"
    r"sogenannte\w*)\s+){0,3}(?:[\w-]+-)?(?:drohne|drohnen|rakete|raketen|granate|granaten|geschoss|geschosse|"
    r"bombe|bomben|beschuss|luftangriff\w*|raketenangriff\w*|drohnenangriff\w*|artilleriefeuer|mörserfeuer|"
    r"mörsergranate\w*|streumunition|gleitbombe\w*|marschflugkörper)\b"
    r"(?=[^.;:]{0,80}?\b(?:getötet|verletzt|verwundet|ums\s+leben|beschädigt|zerstört|angegriffen)\b)"
)

# A trip to win someone over: "reiste nach Moskau, um Lawrow zur Zustimmung zu bewegen" (they met).
_PERSUADE_TRIP = (
    r"(?:(?:reiste\w*|flog|flogen)\b[^.;:]{0,80}?\bnach\b[^.;:]{0,60}?|"
    r"nach\s+[^.;:]{0,60}?\b(?:gereist|geflogen)\b[^.;:]{0,20}?)\bum\b[^.;:]{0,100}?"
    r"\bzu\s+(?:bewegen|überzeugen|überreden|gewinnen|drängen|beschwören)\b"
)
_PERSUADE_GATE = ("zu bewegen", "zu überzeugen", "zu überreden", "zu gewinnen", "zu drängen", "zu beschwören")

TRIGGERS = (
    TriggerRule(TALKS, _tc(_TALKS_NOUN), "strong", name="talks_noun"),
    TriggerRule(TALKS, _tw(r"\b" + _PERSUADE_TRIP), "strong", _PERSUADE_GATE, name="talks_persuasion_trip"),
    TriggerRule(TALKS, _tw(r"\b(?:" + _TALK_VERBS + r")\b"), "strong", name="talks_verb"),
    TriggerRule(TALKS, _tw(r"\b" + _SPEAK), "strong", ("sprach", "sprech", "sproch"), name="talks_spoke_with"),
    TriggerRule(TALKS, _tw(r"\b" + _SPEAK_ABOUT), "weak", ("sprach", "gesprochen"), name="talks_spoke_about"),
    TriggerRule(TALKS, _tw(r"\b" + _SPOKEN_ABOUT), "weak", ("gesprochen",), name="talks_spoken_about"),
    # a host receiving a visitor: "Macron empfing Selenskyj im Élysée-Palast" (weak: two parties in the sentence)
    TriggerRule(TALKS, _tw(r"\b(?:empfing|empfingen|empfangen)\b"), "weak", ("empf",), name="talks_received"),
    TriggerRule(
        TALKS,
        _tw(r"\b" + _SPOKEN_WITH),
        "strong",
        ("gesprochen", "telefoniert", "beraten"),
        name="talks_spoken_with_verb_final",
    ),
    TriggerRule(TALKS, _tw(r"\b(?:" + _AGREE + r")\b"), "agreement", name="talks_agreement"),
    TriggerRule(CEASEFIRE, _tw(r"\b" + _CEASEFIRE_NOUNS + r"\b"), "strong", name="ceasefire_noun"),
    TriggerRule(OFFENSIVE, _tw(r"\b(?:" + _OFF_STRONG_NOUNS + r")\b"), "strong", name="offensive_noun"),
    TriggerRule(OFFENSIVE, _tc(r"\b(?:" + _OFF_STRONG_VERBS + r")\b"), "strong", name="offensive_verb"),
    TriggerRule(OFFENSIVE, _tw(r"\b(?:" + _OFF_WEAK + r")\b"), "weak", name="offensive_weak"),
    TriggerRule(RESOLUTION, _tw(r"\b(?:" + _RES_TRIGGERS + r")\b"), "strong", name="resolution_blocked"),
    # "zwei Männer sind durch eine russische Drohne getötet worden": a weapon as the agent of the harm
    TriggerRule(OFFENSIVE, _tw(_WEAPON_AGENT), "weak", ("durch",), name="offensive_weapon_agent"),
)

# Whole-clause patterns that void a trigger of that type: domestic or business talks,
# "im Gespräch sein" (under consideration), "Entscheidung getroffen", a goal hit by a shell.
TRIGGER_EXCLUSIONS = {
    TALKS: _c(
        r"\bim\s+gespräch\s+(?:ist|sind|sei|seien|war|waren)\b|\b(?:ist|sind|sei|seien)\s+im\s+gespräch\b|"
        r"\b(?:entscheidung|vereinbarung|abmachung|maßnahmen|vorkehrungen|auswahl|rakete|bombe|granate|"
        r"vorsorgemaßnahme|schutzmaßnahme|sicherheitsmaßnahme|gegenmaßnahme|sicherheitsvorkehrung|"
        r"geschoss|kugel|tor|treffer|ziel|stellung|gebäude|konvoi|krankenhaus|klinik|schule|markt|fahrzeug|"
        r"dorf|haus|häuser|wohn|infrastruktur|anlage|einrichtung|flughafen|flugplatz|basis|lager|fabrik|"
        r"raffinerie|brücke|luftabwehr|flugabwehr|radar|waffenlager|munitionsdepot)\w*\b[^,.;:]*\b"
        r"(?:getroffen|traf|trafen)\b|"
        # hit, not met: "Wir haben sie präzise getroffen"
        r"\b(?:präzise|genau|schwer|direkt|voll|tödlich|mehrfach|empfindlich)\s+getroffen\b|"
        r"\b(?:wurde|wurden|worden|würde)\b[^,.;:]*\bgetroffen\b|\bgetroffen\s+(?:wurde|wurden|worden)\b|"
        r"\b(?:getroffen|traf|trafen|trifft)\b[^,.;:]*\b(?:ziel|stellung|gebäude|konvoi|stützpunkt|depot|"
        r"umspann|kraftwerk|stromnetz|bahnhof|gleis|zug|anlage|brücke|wohnhaus|wohnblock|hochhaus|schule|"
        r"krankenhaus|klinik|markt|hafen|flughafen|tanklager|öllager|raffinerie|fabrik|kaserne|einrichtung|"
        # an attack as the subject or the hit quarter: "traf einer der Luftangriffe ein Wohngebiet"
        r"\w*angriff|luftschl|wohngebiet|wohnviertel|flüchtlingslager|zeltlager|"
        # a weapon as the subject after the verb: "traf eine russische Drohne ein Wohnhaus"
        r"\w*drohne|\w*rakete|granate|geschoss|bombe|marschflugkörper)\w*|"
        r"\b(?:tarif|lohn|gehalts|koalitions|sondierungs|fusions|übernahme|handels|brexit)\w*(?:gespräch|verhandl)|"
        # ("verein" only as the club: "vereinbart", "Vereinte Nationen" are no clubs)
        r"\b(?:gewerkschaft|arbeitgeber|verdi|ig\s+metall|aktionär|konzern|bundesliga)\w*\b|"
        r"\bverein(?:e|s|en)?\b|\bvereins\w+|"
        # making, not meeting: "wir treffen unsere eigenen Entscheidungen", "trafen Vorkehrungen"
        r"\b(?:treffen|trifft|traf|trafen)\b[^,.;:]{0,40}?\b(?:entscheidung|vorkehrung|maßnahme|auswahl|"
        r"vereinbarung|abmachung|wahl|vorbereitung|feststellung|aussage)\w*|"
        # a standing role, not a meeting: "Katar war bisher als Vermittler in den Gesprächen aktiv"
        r"\bals\s+vermittler\w*\b[^.;:]{0,100}?\b(?:aktiv|tätig|engagiert)\b|"
        # advising, not conferring: "der den Präsidenten beriet", "berät die Regierung in Sicherheitsfragen"
        r"\b(?:die|den|das|seine[nm]?|ihre[nm]?)\s+(?:regierung|präsidenten|kanzler\w*|minister\w*|könig\w*|"
        r"weiße\w*\s+haus)\s+(?:[\w-]+\s+){0,5}?(?:beriet|berät|berieten|beraten\s+hat)\b|"
        r"\b(?:beriet|berät|berieten)\s+(?:\w+\s+)?(?:die|den|das|seine[nm]?|ihre[nm]?)\s+(?:regierung|präsidenten|kanzler\w*|"
        r"minister\w*|könig\w*)\b|"
        # a crowd gathering is no meeting of parties: "Zehntausende Menschen sind zusammengekommen"
        r"\b(?:menschen|tausende|zehntausende|hunderttausende|hunderte|demonstranten|anhänger|trauernde|"
        r"gläubige|bürger|einwohner|pilger)\b[^.;:]{0,40}?\b(?:zusammengekommen|versammelt|kamen\b[^,.;:]*\bzusammen)"
    ),
    OFFENSIVE: _c(
        r"\b(?:bildungs|charme|marketing|werbe|investitions|qualifizierungs|digital|export|verkaufs|"
        r"modell|produkt|image)offensive\b|\b(?:tor|tore|elfmeter|stürmer|trainer|bundesliga|mannschaft|"
        r"spieltag|champions\s+league|fußball|tabellenführung|tabelle|punkte|\w*meisterschaft|finale|halbfinale|"
        r"\w*nationalmannschaft|\w*-titel|em-\w+|wm-\w+|halbzeit|siebenmeter|handball\w*|olympia\w*|"
        r"anpfiff|abpfiff|schlusspfiff|gegentor\w*)\b|"
        r"\b(?:herz|hunde|hai|cyber|hacker)angriff|\beinnahmen\b|"
        # business and sport metaphors: "eroberte Marktanteile", "startete eine Preisoffensive"
        r"\b(?:marktanteil\w*|marktführ\w*|absatzm[aä]rkt\w*|herzen|tabellenspitze|spitze\s+der|meistertitel|charts|bestseller\w*|"
        r"kunden|zuschauer|publikum|wähler\w*|umfrage\w*|börse\w*|aktie\w*|medaille\w*|"
        r"weltmeister\w*|pokal\w*|\w*preis\w*offensive|\w*verkaufs\w*|umsatz\w*)\b|"
        r"\bbefreit\w*\b[^,.;:]*\b(?:geisel|entführt|gefangen|häftling)|"
        r"\b(?:geisel|entführt|gefangen|häftling)\w*\b[^,.;:]*\bbefreit"
    ),
    CEASEFIRE: _c(r"$^"),
    RESOLUTION: _c(r"\b(?:bundestag|landtag|parlament|stadtrat|gemeinderat|aufsichtsrat|hauptversammlung)\b"),
}

# rioters and protesters storming embassies or offices: unrest, not a military offensive (whole sentence)
UNREST_ATTACK = _c(
    r"\b(?:ausschreitungen|krawalle\w*|unruhen|demonstranten|demonstrierende\w*|protestierende\w*|"
    r"randalierer\w*|protestler\w*|wütende\w*\s+menge|mob)\b[^.;:]{0,160}?\b(?:angegriffen|attackiert|gestürmt|"
    r"stürmten|griffen\b[^.;:]*\ban)\b|"
    r"\b(?:angegriffen|attackiert|gestürmt|stürmten)\b[^.;:]{0,60}?\b(?:von|durch)\s+(?:\w+\s+)?"
    r"(?:demonstranten|protestierende\w*|randalierer\w*)|"
    # a hungry crowd storming and looting aid lorries or shops: unrest, not an offensive
    r"\b(?:gestürmt|stürmten|stürmen)\b[^.;:]{0,40}?\b(?:geplündert|plünderten|plündern)\b|"
    r"\b(?:menschenmenge\w*|hungernde\w*|plünderer\w*)\b[^.;:]{0,160}?\b(?:gestürmt|stürmten|überfallen)\b"
)

CEASEFIRE_REALISED = _c(
    r"\b(?:vereinbart\w*|ausgehandelt|handelten\b[^,.;:]*\baus|handelte\b[^,.;:]*\baus|verkündet\w*|"
    r"ausgerufen|riefen?\b[^,.;:]*\baus|angekündigt|kündigte\w*\b[^,.;:]*\ban|erklärt(?:e|en)?|in\s+kraft|"
    r"geeinigt|einigten\s+sich|einigte\s+sich|einigung\s+auf|verständigt\w*|beschlossen|beschloss\w*|"
    r"zugestimmt|stimmte\w*\b[^,.;:]*\bzu|akzeptiert\w*|gilt|galt|gelte|gelten|unterzeichnet\w*|"
    r"unterschrieben|vermittelt\w*|abgeschlossen|geschlossen|zustande\s+gekommen|angeordnet|"
    r"ordnete\w*\b[^,.;:]*\ban|eingewilligt|begonnen|begann|trat\w*\b[^,.;:]*\bin\s+kraft|"
    # "die angekündigte Feuerpause": announced or agreed, whenever it starts
    r"angekündigte\w*|vereinbarte\w*|verkündete\w*|ausgehandelte\w*|"
    # "hatte sieben Tage angedauert": a truce that lasted a stated time existed, however it ended
    r"(?:tage|wochen|stunden|monate)\s+(?:lang\s+)?(?:an)?gedauert|dauerte\w*\s+(?:\w+\s+){1,2}(?:tage|wochen|monate))\b"
)
CEASEFIRE_ANNOUNCE_OK = _c(r"\b(?:angekündigt|kündigte\w*\b[^,.;:]*\ban)\b")

RESOLUTION_CONTEXT = _c(
    r"\b(?:resolution\w*|resolutionsentw\w*|\w*resolution\w*|beschlussvorlage\w*|entwurf\w*|\w+entwurf\w*)\b|"
    # sanctions blocked in the Security Council are a blocked draft: "haben im UNO-Sicherheitsrat Sanktionen
    # gegen Syrien blockiert" (the council named in the sentence itself)
    r"sicherheitsrat\w*\b.*\bsanktion\w*|\bsanktion\w*\b.*sicherheitsrat"
)
RESOLUTION_BODY = _c(
    r"\b(?:\w*sicherheitsrat\w*|vereinte(?:n)?\s+nationen|uno?\b|un-\w+|vollversammlung|vetomacht\w*|"
    r"\w*vetomächte\w*)"
)
RESOLUTION_MUTUAL = _c(r"\b(?:gegenseitig|wechselseitig|jeweils\s+die\s+resolution|einander)\b")
SPONSOR_CUE = _c(
    r"(?:\b(?:\w*resolution\w*|\w*entwurf\w*|beschlussvorlage)(?: +(?:von|aus|de[sr]))? +$)|"
    r"(?:\b(?:\w*resolution\w*|\w*entwurf\w*|beschlussvorlage)\s*,\s*(?:den|die|das)\s+$)"
)
SPONSOR_AFTER = _c(
    r"(?:\s*(?:eingebracht\w*|vorgelegt\w*|initiiert\w*|verfasst\w*|ausgearbeitet\w*)\b)|"
    r"(?:-?\w*\s*(?:\w*resolution\w*|\w*entwurf\w*)\b)"
)
# "am Veto Chinas", "das Veto der USA": the genitive after "Veto" is the blocker.
BLOCKER_BEFORE = _c(r"\bvetos?\s+(?:de[sr]\s+)?$")
ABSTAINED_AFTER = _c(r"^(?:\s*(?:,|und|sowie)\s*(?:\w+\s+){0,2}?\w+)*\s+(?:enthielt\w*|enthalten|enthält)\s+sich\b")
ABSTAINED_BEFORE = _c(r"\b(?:enthielt\w*|enthalten|enthält)\s+sich\s+(?:\w+\s+){0,4}$")
PLACE_OF_ACTOR_AFTER = _c(
    r"^\w*\s+(?:\w*(?:gebiet|gebiete|gebieten|region|regionen|stadt|städte|städten|grenze|provinz|provinzen|"
    r"hauptstadt|küste|hafen|dörfer|dörfern|orte|orten))\b"
)
# "Frankreich scheiterte mit seinem Entwurf": the subject of failing with a draft sponsored it.
FAILED_WITH_DRAFT = _c(
    r"\b(?:scheitert\w*|gescheitert|unterlag\w*|unterlegen)\b[^.;:]{0,60}?\bmit\s+(?:\w+\s+){0,2}"
    r"(?:\w*entwurf\w*|\w*resolution\w*|beschlussvorlage\w*)"
)
COORDINATION_GAP = _c(r"\s*(?:,|\bund\b|\bsowie\b)\s*(?:(?:de[rsnm]|die|das)\s+)?")
RESOLUTION_NOUN = _c(r"\b(?:\w*resolution\w*|\w*entwurf\w*|beschlussvorlage\w*)\b")
TOPIC_PREPOSITION = _c(r"\b(?:zu|zum|zur|über|gegen|wegen|für|um|nach|betreffend|bezüglich)\b")
VETO_VERB = _c(
    r"\b(?:eingelegt|legt\w*\b[^.;:]*\bein|einzulegen|verhindert\w*|blockiert\w*|gestoppt|stoppt\w*|"
    r"gekippt|kippt\w*|zu\s+fall|scheitert\w*|gescheitert|abgelehnt|lehnt\w*|zurückgewiesen|"
    r"per\s+veto|durch\s+(?:ein|das|sein|ihr)\s+veto|"
    # "wegen eines Vetos der USA nicht verabschiedet": the veto stopped the draft
    r"nicht\s+(?:verabschiedet|angenommen)|wegen\s+(?:eines|des|ihres|seines)\s+vetos)\b"
)

CUES = {
    "negated": _c(
        r"\b(?:nicht|kein(?:e|en|em|er|es)?|nie|niemals|weder|ohne\s+(?:ein|eine|einen)|nicht\s+zustande|"
        r"verweigert\w*|abgesagt|absage|scheiterte\w*|gescheitert|scheitern|"
        # refraining: "verpflichtet sich, auf Angriffe auf Erdölleitungen zu verzichten"
        r"verzicht\w*|unterlassen|unterlässt)\b"
    ),
    # denials: "bestritt, Krankenhäuser bombardiert zu haben", "wies Berichte über Angriffe zurück"
    "denied": _c(
        r"\b(?:bestr(?:itt|itten|eitet|eiten)\w*|dementi\w*|leugne\w*|stritt\w*\b[^,.;:]*\bab|"
        r"wies?\b[^,.;:]*\b(?:vorw[üu]rf\w*|bericht\w*|anschuldigung\w*|darstellung\w*)\b[^,.;:]*\bzurück|"
        r"zurückgewiesen)\b"
    ),
    "broken": _c(
        r"\b(?:abgebrochen|abbrach\w*|brachen\b[^,.;:]*\bab|brach\b[^,.;:]*\bab|bricht\b[^,.;:]*\bab|unterbrochen|"
        r"ausgesetzt|festgefahren|stecken\b[^,.;:]*\bfest|steckt\b[^,.;:]*\bfest|stocken|stockt|auf\s+eis|"
        r"platzten|geplatzt|endeten\s+ergebnislos|aufgekündigt|gebrochen|zusammengebrochen|brach\s+zusammen|"
        r"für\s+(?:beendet|bedeutungslos|nichtig|gescheitert|ungültig|hinfällig)|aufgehoben|beendete\w*|"
        r"kündigte\w*\b[^,.;:]*\bauf|"
        # talks worked against are no talks held: "warf ihnen vor, die Gespräche sabotiert zu haben"
        r"sabotier\w*|torpedier\w*|boykottier\w*|untergrab\w*|untergraben)\b"
    ),
    "planned": _c(
        r"\b(?:soll|solle|sollen|sollte|sollten|geplant\w*|plant|planen|planten|vorgesehen|kommende[nrs]?|"
        r"nächste[nrs]?|künftig\w*|demnächst|bevorstehend\w*|werde|werden|wird|angesetzt|anberaumt|"
        r"einberufen|vorbereitung\w*|vorbereit\w*|bereitet\w*\b[^,.;:]*\bvor|eingeladen|einladen|lud\b|"
        r"gebeten|angekündigt|kündigte\w*\b[^,.;:]*\ban|ankündigung|für\s+(?:montag|dienstag|mittwoch|"
        r"donnerstag|freitag|samstag|sonntag|das\s+wochenende|die\s+kommende)|in\s+den\s+kommenden|"
        r"wieder\s+aufnehmen|wiederaufnahme|im\s+gespräch|neue[n]?\s+(?:friedens)?gespräch\w*|neue\s+runde)\b"
    ),
    "demanded": _c(
        r"\b(?:forder\w*|gefordert|aufgerufen|rief\w*\b[^,.;:]*\bauf|ruft\w*\b[^,.;:]*\bauf|aufruf\w*|"
        r"appell\w*|mahnt\w*|angemahnt|drängt\w*|drängen|dringt|verlangt\w*|plädier\w*|einsetzen|"
        r"setzt\w*\b[^,.;:]*\bein\s*für|bemüh\w*|werben|wirbt|pocht\w*|warb|wirbt|verlang\w*|"
        r"anstreb\w*|strebt\w*|bestehen\s+auf|besteht\s+auf|erreicht\s+werden)\b"
    ),
    "conditional": _c(
        r"(?:^\s*sollte\w*\b)|\b(?:falls|sofern|würde|würden|wäre|wären|könnte|könnten|könne|können|"
        r"dürfte|dürften|müsse|müsste|müssten|müssen|hätten\b[^,.;:]*\bwollen|hätte\b[^,.;:]*\bwollen)\b"
    ),
    "hypothetical": _c(
        r"\b(?:will|wollen|wollte|wollten|möchte|möchten|hoffnung\w*|hofft|hoffe|hoffen|wunsch|wünscht\w*|"
        r"ziel|kampfziel|erwarte|erwartet|erwarten|befürchte\w*|droht\w*|drohen|angedroht|gedroht|erwägt|erwägen|"
        r"wolle|ausweg|notwendig|nötig|unerlässlich|erforderlich|unumgänglich|"
        r"prüft|prüfen|bereit|möglich\w*|eventuell|womöglich|vielleicht|ob|befürchtet\w*|"
        # considering, weighing, ruling in or out: "es prüfe einen Angriff", "denkt über eine Offensive nach"
        r"prüfe|erwäge\w*|erwog\w*|erwogen|erwägung|nachdenk\w*|nachzudenken|denk\w*\b[^,.;:]*\bnach|"
        r"dachte\w*\b[^,.;:]*\bnach|überlegt\w*|überlege|betracht|schließ\w*\b[^,.;:]*\baus|"
        r"schloss\w*\b[^,.;:]*\baus|ausgeschlossen|auszuschließen|option\w*|"
        # needs and wishes: "es brauche Friedensverhandlungen", "dass die Gespräche Frieden fördern mögen"
        r"brauche|brauchen|braucht|benötig\w*|bedarf|bedürfe|möge|mögen|sobald|"
        r"freu\w*\s+(?:mich|sich|uns)\s+auf)\b|"
        r"\b(?:warnt\w*|warnen|gewarnt)\b[^,.;:]*\bvor\b"
    ),
}
# Konjunktiv II of an unreal past, only with a counterfactual cue (plain "hätten ... getroffen" after
# "sagte" is reported speech of a real event): "Beinahe hätten die Rebellen ... erobert", "hätten ...
# verhandeln können", "wäre das erste Mal gewesen"
CUES["counterfactual"] = _c(
    r"\b(?:beinahe|um\s+ein\s+haar|sonst|andernfalls)\b[^.;:]*\b(?:hätte|hätten|wäre|wären)\b|"
    r"\b(?:hätte|hätten|wäre|wären)\b[^.;:]*\b(?:beinahe|um\s+ein\s+haar)\b|"
    r"\bfast\s+(?:hätte|hätten|wäre|wären)\b|\b(?:hätte|hätten|wäre|wären)\s+(?:\w+\s+){0,3}?fast\s+(?!\d|alle)\w+|"
    r"\b(?:hätte|hätten|wäre|wären)\b[^.;:]*\b(?:können|sollen|müssen|dürfen)\s*(?:[,.;:!?]|$)|"
    r"\b(?:wäre|wären)\b[^.;:]*\bgewesen\b|\berste(?:n)?\s+mal\s+gewesen\b|"
    r"^\W*(?:wenn|falls|hätte|hätten|wäre|wären)\b[^.;:]*\b(?:hätte|hätten|wäre|wären)\b"
)
# a truce ended, revoked or run out: "ihre Feuerpause zu beenden", "hob die Waffenruhe auf", "lief aus"
CUES["ceasefire_ended"] = _c(
    r"\b(?:beenden|zu\s+beenden|beendet|beendete\w*|aufzuheben|aufzukündigen|aufheben|aufkündigen|"
    r"hob\w*\b[^,.;:]*\bauf|hebt\b[^,.;:]*\bauf|kündigte\w*\b[^,.;:]*\bauf|kündigt\b[^,.;:]*\bauf|"
    r"lief\w*\b[^,.;:]*\baus|läuft\b[^,.;:]*\baus|ausgelaufen|abgelaufen|auslaufen|endete\w*|endet|"
    r"aufgehoben|aufgekündigt|für\s+beendet)\b"
)
# a plan cue that is an inflected adjective qualifies its own noun only: "Vor den geplanten Verhandlungen
# hat Russland Drohnenangriffe geflogen" plans the talks, not the attacks (the phrase ends at its noun)
CUES["planned_attributive"] = _c(
    r"\b(?:geplant|angekündigt|vorgesehen|bevorstehend|angesetzt|anberaumt|künftig)(?:e|en|er|es|em)\b"
)
# background told in a relative clause: "Ägypten, das 2012 die letzte Waffenruhe vermittelt hatte, ..."
CUES["background_relative"] = _c(
    # history dated back from the news: "Zwei Jahre nachdem die Dschihadisten die Stadt erobert hatten, ..."
    r"^\W*(?:\w+|\d+)\s+(?:jahre|jahren|jahrzehnte|jahrzehnten|monate|monaten)\s+(?:nachdem|nach\s+de[mr]|seit)\b|"
    r"^\W*(?:(?:in|mit|von|bei|unter|an|für)\s+)?(?:der|die|das|dem|den|deren|dessen|denen|welche[rsmn]?)\b"
    r"(?=[^.;:]*\b(?:hatte|hatten|war|waren)\W*$)"
    r"(?=[^.;:]*\b(?:(?:19|20)\d\d|damals|zuletzt|letzte[nrs]?|einst|seinerzeit|früher|zuvor)\b)"
)
# sport words for an article-level score: three distinct ones make a sports piece, where "Offensive",
# "Belagerung" or "Waffenstillstand" are metaphors unless a state or armed group is named as a party
CUES["sports_article"] = _c(
    r"\b(?:bundesliga\w*|\w*liga|tor|tore|torwart|torhüter|trainer\w*|spieltag\w*|stadion\w*|arena|elfmeter\w*|"
    r"halbzeit\w*|\w*meisterschaft|tabelle\w*|fußball\w*|handball\w*|eishockey|basketball|anpfiff|abpfiff|"
    r"schlusspfiff|gegentor\w*|stürmer\w*|mittelfeld\w*|abwehrspieler\w*|schiedsrichter\w*|ultras|"
    r"pokal\w*|champions\s+league|nationalmannschaft|rasen|auswärtsspiel\w*|heimspiel\w*|saison)\b"
)
GOVERNING_CUES = _c(
    r"^\W*(?:wenn|falls|sofern)\b|"  # a conditional clause governs the main clause after it
    r"\b(?:kündigte\w*\b[^,.;:]*\ban|forder\w*|rief\w*\b[^,.;:]*\bauf|ruft\w*\b[^,.;:]*\bauf|appellier\w*|"
    r"will|wollen|wollte|plant\w*|hofft?|hoffen|droht\w*|bereit|erwart\w*|sollte\w*|versuch\w*|"
    r"beschloss\w*\s*$|darum\s+geht|darum|mahnt\w*|drängt\w*|vorgeschlagen|schlug\w*\b[^,.;:]*\bvor|"
    r"bestr(?:itt|itten|eitet|eiten)|dementiert\w*|leugnet\w*|wies?\b[^,.;:]*\bzurück|zurückgewiesen)\s*$"
)
NOMINAL_BLOCK = _c(
    r"\b(?:abbruch|ende|scheitern|aussetzung|absage|unterbrechung|wiederaufnahme|vorbereitung|fortsetzung|"
    r"verschiebung|einladung|aufruf|forderung|vorschlag|bruch|verletzung\w*|überwachung|umsetzung|einhaltung|"
    r"kollaps|zusammenbruch)\s+(?:der|des|von|zur|zu|einer|eines|zum)\s+(?:\w+\s+){0,2}$|"
    r"\b(?:fahrplan|zeitplan|plan|termin|grundlage|voraussetzung\w*|bedingung\w*|vorschlag|vorschläge|"
    r"weg|einladung)\s+(?:für|zu|zur|zum)\s+(?:(?:die|den|das|eine|einen|neue\w*|\w+)\s+){0,2}$"
)
EVIDENTIAL_SOLLEN = _c(r"\b\w+(?:t|en)\s+(?:worden\s+)?(?:sein|haben)\b")
ZU_INFINITIVE = _c(r"^(?:\w+zu\w+en|zu\s+\w+en)$")

CONFLICT_WORDS = _c(
    r"\b(?:krieg\w*|\w+krieg\w*|konflikt\w*|\w+konflikt\w*|rebellen\w*|armee|truppen|\w+truppen|soldaten|"
    r"milizen?|\w*miliz|waffenruhe|waffenstillstand\w*|feuerpause|militär\w*|luftangriff\w*|kämpfe\w*|kampf|"
    r"gefechte\w*|terror\w*|dschihad\w*|jihad\w*|islamist\w*|extremist\w*|friedens\w*|"
    r"kampfjets?|luftwaffe|aufständische\w*|separatisten|bombardier\w*|\w*sicherheitsrat\w*|belager\w*|"
    r"front|streitkräfte|besatzung\w*|brigade\w*|bewaffnete\w*|hamas|hisbollah|taliban|huthi\w*|pkk|ypg|farc|"
    r"gaza\w*|kampfflugzeug\w*|beschuss|beschossen|granat\w*|raketen\w*|"
    # attacks without a war word: "Russland hat Charkiw mit Drohnen angegriffen"
    r"(?:drohnen|raketen|bomben|artillerie|granat|mörser)angriff\w*|\w*drohne[n]?\w*|marschflugkörper\w*|"
    # an attack told by its verb: "Indien hat Ziele in Pakistan angegriffen" (not the noun: a trade
    # dispute's "Angriff" on a tax would open the gate to its talks)
    r"angegriffen|waffen)\b"
)

GENERIC_FORCES = (
    GenericForce(
        _lw(
            r"\b(?:verbündete[nr]?|protürkische[nr]?|von\s+der\s+türkei\s+unterstützte[nr]?)\s+"
            r"(?:" + _W + r"+e[nr]?\s+)?(?:rebellen|milizen|kämpfer[n]?|milizionäre[n]?|truppen)\b"
        ),
        "allied",
    ),
    GenericForce(
        _lw(
            r"\b(?:bewaffnete[nr]?\s+opposition|syrische[nr]?\s+opposition|moderate[nr]?\s+opposition|"
            r"bewaffnete[nr]?\s+rebellen\w*|gemäßigte[nr]?\s+rebellen\w*|aufständische[nr]?|"
            r"regierungsgegner[n]?|regimegegner[n]?|oppositionskämpfer[n]?|separatisten|separatist)\b"
        ),
        "rebels",
        compound=_lc(r"rebellen\w*|-gegner[n]?\b"),
    ),
    GenericForce(
        _lw(
            r"\b(?:regierungstruppen|regierungssoldaten|regierungskräfte[n]?|regierungsarmee|regierungsmilizen|"
            r"regierungstreue[n]?\s+\w+|regimetruppen|regime[s]?|sicherheitskräfte[n]?|streitkräfte[n]?|"
            # the government as the rebels' counterpart: "Regierung und Rebellen einigten sich"
            r"regierung(?=\s+und\s+(?:de[nr]\s+|die\s+)?(?:[\w-]+-)?(?:rebellen|aufständischen|separatisten|"
            r"opposition|guerilla|milizen)))\b"
        ),
        "government",
        compound=_lc(r"-(?:regime[s]?|truppen|treue[n]?\s+milizen)\b"),
    ),
    GenericForce(
        _lw(
            r"\b(?:islamisten\w*|terrormiliz\w*|terroristen|islamistische[nr]?\s+(?:kämpfer[n]?|milizen|miliz|"
            r"milizionäre[n]?|rebellen|extremisten|terroristen|aufständische[n]?|gruppe[n]?|terrorgruppe[n]?))\b"
        ),
        "jihadists",
        compound=_lc(r"(?:dschihadist|jihadist|extremisten)\w*"),
    ),
    # bare "Milizen" of a war without a standing rebel/government split ("die verfeindeten Milizen" in Libya)
    # "die Armee" alone: the war's state's army, unless another state is named nearby (then whose is unclear)
    GenericForce(_lw(r"\b(?:armee\b(?<=(?:die|der|den) armee)|luftwaffe\b(?<=(?:die|der|den) luftwaffe))"), "army"),
    # and armed groups the gazetteer does not know ("die Siebente Brigade", "Bewaffnete griffen ... an")
    GenericForce(
        _lw(
            r"\b(?:milizen|miliz|milizionäre[n]?|milizionär|milizenkämpfer[n]?|brigade[n]?|"
            r"bewaffnete[n]?(?:\s+(?:männer[n]?|kämpfer[n]?|gruppe[n]?|angreifer[n]?))?)\b"
        ),
        "militia",
    ),
)
GOVERNMENT_IN = _c(r"\b(?:regierung|führung|staatsführung)\s+(?:in|von)\s+$")
LOCATIVE_BEFORE = _c(
    r"\b(?:in|im|ins|nach|aus|über|für|zu|zum|zur|um|ganz|nahe|bei|gegenüber|nördlich|südlich|östlich|westlich|"
    r"richtung|quer\s+durch)\s+(?:de[mnrs]\s+|das\s+)?"
    # "in das Nachbarland Libanon eingerückt", "ins benachbarte Syrien": where, not who
    r"(?:(?:benachbarte[mn]?|nachbarland|nachbarstaat|bürgerkriegsland|kriegsland)\s+)?$"
)
TOPIC_COMPOUND_AFTER = _c(
    r"^-(?:konflikt|krieg|krise|gespräch|verhandlung|konferenz|frage|beauftragt|sondergesandt|gesandt|"
    r"resolution|politik|hilfe|flüchtl|gipfel|treffen|friedens|vermittler|kontaktgruppe|einsatz|"
    r"beobachter|mission|plattform|format)",
)
SOURCE_BEFORE = _c(
    r"(?:\blaut\s+(?:de[mnrs]\s+)?(?:\w+\s+)?|\bnach\s+angaben\s+(?:de[mnrs]\s+)?(?:\w+\s+)?|"
    r"\bnach\s+(?:de[mnrs]\s+)?worten\s+(?:de[mnrs]\s+)?(?:\w+\s+)?|"
    r"\b(?:sagte|erklärte|betonte|berichtete|teilte|meldete|bestätigte|schrieb|twitterte|kritisierte|warnte|"
    r"so)\s+(?:de[mnrs]\s+)?(?:\w+\s+){0,2})$"
)
# "X zufolge"; "Moskau wirft den USA vor, ... angegriffen zu haben": the accuser only reports
# a headline or a line quoting a person: "Baerbock: ...", "Kerry: ..."
SPEAKER_COLON_AFTER = _c(r"^\s*:")
SOURCE_AFTER = _c(
    r"^\w*\s*(?:\w+\s+)?zufolge\b|^\s+(?:wirft|warf|werfen|warfen|beschuldigt\w*|bezichtigt\w*|"
    r"beschuldigte\w*|bezichtigte\w*)\b"
)
MEDIATOR_BEFORE = _c(
    r"(?:\bvermittlung\s+(?:de[rsnm]\s+)?|\bvermittelt\w*\s+(?:von|durch)\s+(?:de[rsnm]\s+)?|"
    r"\bunter\s+(?:der\s+)?(?:ägide|schirmherrschaft|leitung)\s+(?:de[rsnm]\s+)?|\bvermittler\w*\s+(?:\w+\s+)?|"
    r"\bunter\s+vermittlung\s+(?:de[rsnm]\s+)?|\bmoderiert\s+von\s+(?:de[rsnm]\s+)?)(?:\w+\s+)?$"
)
SUPPORT_BEFORE = _c(
    r"(?:\bunterstützung\s+(?:de[rsnm]\s+)?(?:verbündeten\s+)?|\bmit\s+hilfe\s+(?:de[rsnm]\s+)?|"
    r"\bgemeinsam\s+mit\s+(?:de[rsnm]\s+)?|\bmit\s+(?:de[rsnm]\s+)?verbündete[nr]?\s+|\bund\s+(?:de[rsnm]\s+)?)"
    r"(?:\w+\s+)?$|\bmit\s+$"
)
TARGET_BEFORE = _c(
    r"(?:\bgegen\s+(?:de[rsnm]\s+|die\s+)?|\b(?:stellungen|ziele|positionen|lager|stützpunkte|basen|"
    r"einheiten|konvoi|kommandeure|anführer|verstecke|\w*anlagen|\w*zentren|\w*zentrale\w*|einrichtungen|"
    r"depots?|\w*lager|tunnel|abschussrampen)\s+(?:de[rsnm]\s+)?|\bauf\s+(?:de[rsnm]\s+|die\s+)?|"
    r"\bum\s+(?:de[rsnm]\s+|die\s+)|"
    r"\bhochburg\s+(?:de[rsnm]\s+)?|\bgebiet\w*\s+(?:de[rsnm]\s+)?|"
    r"\bkämpfer\s+(?:de[rsnm]\s+)?|\bkontrolle\s+(?:de[rsnm]\s+)?|"
    # "eine Offensive im Osten der Ukraine", "Ziele im Süden des Libanon": the country attacked there
    r"\b(?:im|in\s+de[nm]|ganz\s+im)\s+(?:\w+\s+)?(?:norden|süden|osten|westen|nordosten|nordwesten|südosten|"
    r"südwesten|grenzgebiet\w*)\s+(?:de[rs]\s+))(?:\w+\s+|\w+-){0,2}$"
)
# "Kämpfer der YPG griffen ... an", "Am Dienstag griffen Kämpfer der YPG ... an": the fighters are the
# sentence's subject (first, or right after a time adverbial and the verb), not the object.
SUBJECT_FIGHTERS_BEFORE = _c(
    r"(?:^|[.!?:;\n]\s*|,\s*(?:als|nachdem|weil|wo|während)\s+|"
    r"(?:^|[.!?:\n]\s*)(?:am|in\s+der\s+nacht\s+zu[mr]?|bereits\s+am|am\s+frühen|seit|gestern|heute|"
    r"zuvor|dann|danach)\s+(?:\w+\s+){0,2}?\w+(?:en|ten)\s+)"
    r"(?:(?:die|rund|etwa|mehrere|zahlreiche|hunderte|dutzende|\d+|bewaffnete|schwer\s+bewaffnete)\s+)*"
    r"kämpfer(?:innen)?\s+(?:de[rsnm]\s+)?(?:\w+\s+|\w+-){0,2}$"
)
TARGET_AFTER = _c(
    r"^(?:\w*hochburg\w*|\w*gebiet\w*|\s+gehaltene\w*|\s+kontrolliert\w*|\s+besetzt\w*|-hochburg|-stellungen|-ziele?n?\b|-positionen|-stützpunkte?|-lager\b|"
    r"\s+(?:stellungen|positionen|stützpunkte|ziele|lager|hochburg)\b(?!\s+(?:de[rsnm]|eine[rs]|von|vom)\b)|"
    r"-gebiet\w*|\s+beherrscht\w*)"
)
# What talks were about ("über den Kampf gegen den IS"): actors there did not take part.
TALKS_TOPIC_BEFORE = _c(r"\b(?:über|gegen)\s+(?:(?:de[nmrs]|die|das|eine[nmr]?)\s+)?(?:\w+\s+){0,3}$")
# "bei einem Besuch in Washington": for talks the visit's city is the venue.
VISIT_BEFORE = _c(r"\b(?:\w*besuch\w*|reise|visite|treffen|gipfel\w*|konferenz)\s+(?:\w+\s+){0,2}(?:in|im|nach)\s+$")
# "die von den USA unterstützten Kräfte": the supporter fights on the attacking side.
SUPPORTED_BEFORE = _c(
    r"\bvon\s+(?:[\w-]+\s+){0,3}(?:unterstützt|geführt|angeführt|ausgebildet|ausgerüstet|gestützt)\w*\s+"
    r"(?:\w+\s+)?$"
)
# "die von russischen Luftangriffen unterstützten Regierungstruppen": the supporter's weapon may come between
SUPPORT_AFTER = _c(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:unterstützt\w*|geführt\w*|angeführt\w*|ausgebildet\w*|ausgerüstet\w*|gestützt\w*)\b"
)
# Purpose clauses ("um die Gespräche zu retten") and compliance with an existing truce
# ("die Waffenruhe einzuhalten") state no realised event.
PURPOSE_CLAUSE = _c(r"^\W*(?:um|ohne)\b[^,.;:]*\bzu\s+\w+|\b\w+zu\w+en\W*$")
CEASEFIRE_COMPLIANCE = _c(
    r"\b(?:einzuhalten|einhalten|eingehalten|respektieren|respektiert|zu\s+achten|umzusetzen|umsetzen|"
    r"zu\s+verlängern|zu\s+sichern|zu\s+retten|hält|hielt|halten)\b"
)
# A sentence that gives the toll of the attack just reported ("Dabei wurden ... getötet").
CASUALTY_FOLLOWUP = _c(
    r"^\W*dabei\b|\bbei\s+(?:de[nm]|diese[nm]|de[nm]\s+\w+)\s+(?:\w+\s+)?(?:kämpfen|angriff\w*|gefechten|"
    r"luftangriff\w*|offensive|bombardement\w*|beschuss|bombardierung\w*|attacke\w*|anschlag)\b|"
    r"\bunter\s+den\s+(?:toten|opfern|getöteten)\b"
)
CASUALTY_TALLY = _c(
    r"\b(?:mehr\s+als|über|mindestens|fast|knapp|rund|etwa)\s+[\d.]+(?:\s+[\w-]+){0,4}\s+"
    r"(?:getötet|ums\s+leben\s+gekommen)\s+worden\b"
)
PASSIVE_AGENT_BEFORE = _c(r"\b(?:durch|von|vom)\s+(?:de[rsnm]\s+|die\s+)?(?:\w+\s+){0,2}$")
VENUE_BEFORE = _c(r"\b(?:in|im|nach|bei|auf)\s+(?:de[rmns]\s+)?(?:\w+\s+){0,2}$")
VENUE_ATTRIBUTIVE_AFTER = _c(r"^-(?:gespräch|verhandlung|konferenz|gipfel|treffen)")
# an earlier attack the sentence refers to: "Indien hat nach dem Anschlag in Kaschmir Ziele in Pakistan
# angegriffen" (the place of that attack, not of the one reported)
_REFERENCE_ATTACK_BEFORE = (
    r"\b(?:nach|seit|wegen|infolge|vor)\s+(?:de[mnr]|einem|einer|den)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:\w*anschl[aä]g\w*|\w*angriff\w*|attentat\w*|massaker\w*|überfall\w*|terrorakt\w*)\s+"
    r"(?:\w+\s+)?(?:in|im|auf|bei|von)\s+(?:de[rmns]\s+)?(?:\w+\s+)?$"
)
PLACE_EXCLUDED_BEFORE = _c(
    r"\b(?:\w*ministerium\w*|sprecher\w*|angaben|agentur\w*|hauptquartier\w*|zentrale|behörde\w*|"
    r"korrespondent\w*|journalist\w*|beobachter\w*|sitz)\s+(?:\w+\s+){0,1}(?:in|aus)\s+(?:de[rmns]\s+)?$|"
    r"\b(?:regierung|führung|botschafter\w*|botschaft|lage|krieg\w*|konflikt\w*|frieden|zukunft|menschen|"
    r"bevölkerung|staatsbesuch\w*|besuch\w*|reise|flüchtlinge|gesandte\w*|sondergesandte\w*|"
    r"hilfslieferungen|evakuierung\w*)\s+(?:\w+\s+){0,2}(?:in|im|nach|aus|für|zu|über)\s+(?:de[rmns]\s+)?"
    r"(?:\w+\s+)?$|\b(?:über|für|zu|zur|zum|gegen|aus)\s+(?:de[rmns]\s+)?(?:\w+\s+)?$|" + _REFERENCE_ATTACK_BEFORE
)
REFERENCE_ATTACK_BEFORE = _c(_REFERENCE_ATTACK_BEFORE)
# "Angriff auf Israel", "Raketen gegen Israel": the state named right after "auf"/"gegen" is attacked on its soil
ATTACK_ON_STATE_BEFORE = _c(r"\b(?:auf|gegen)\s+(?:das\s+|den\s+|die\s+)?$")
STATE_TERRITORY_AFTER = _c(r"\w*\s+(?:staatsgebiet|territorium|hoheitsgebiet|boden)\b")
# "Darauf hätten sich Israel und die Hisbollah geeinigt": the agreement's object is the sentence before
AGREEMENT_ANAPHOR = _c(r"^\W*(?:darauf|dazu|hierauf|auf\s+(?:sie|diese[ns]?|das|eine\s+solche))\b")
TRUCE_STATEMENT = _c(
    r"\b(?:" + _CEASEFIRE_NOUNS + r"|waffen\s+(?:\w+\s+){0,3}?(?:schweigen|ruhen)|"
    r"(?:kämpfe|kampfhandlungen|feindseligkeiten|angriffe)\s+(?:\w+\s+){0,3}?(?:einstellen|eingestellt|enden|ruhen))\b"
)
NATIONWIDE = _c(r"\b(?:landesweit\w*|in\s+ganz|für\s+ganz|im\s+ganzen\s+land|flächendeckend\w*|gesamte[nr]?\s+land)\b")
ANAPHORIC_PLACE = _c(
    r"\b(?:(?:de[rmns]|die)\s+(?:[\w-]+\s+){0,4}\w*(?:stadt|städte|metropole|enklave|ortschaft|hochburg)|dort|"
    r"dorthin|de[sr]\s+ort(?:es)?|\w*hochburg|des\s+landes|der\s+region|die\s+region|stadtrand\w*|"
    r"vororte?n?|außenbezirke?n?|stadtteile?n?)\b"
)
# Talks about trade, climate or migration only ("sprachen in Ankara über Handel und Flüchtlinge") are
# not about the conflict: dropped when the sentence names no conflict topic (`conflict_words` or these).
TALKS_OFF_TOPIC = _c(
    r"\b(?:handel|handels\w*|welthandel\w*|freihandel\w*|außenhandel\w*|zoll|zölle\w*|\w*zöllen|strafzöll\w*|stahl\w*|klima\w*|\w*wirtschaft\w*|investition\w*|"
    r"energie\w*|gaslieferung\w*|\w*pipeline|migration\w*|\w*flüchtling\w*|\w*migrant\w*|tourismus|brexit|"
    r"eurozone|finanz\w*|steuer\w*|digitalisierung|visa|visum|visafreiheit|export\w*|import\w*|"
    r"agrar\w*|landwirtschaft\w*|kultur\w*|bildung\w*|gesundheit\w*|umwelt\w*|verkehr\w*|"
    r"rente\w*|arbeitsmarkt\w*|fachkräfte\w*|asyl\w*)\b"
)
# Reactions to an event already reported ("Die US-Regierung verurteilte den Angriff", "Steinmeier
# begrüßte die Rückeroberung"): the clause reports the reaction, its subject is no party to the event.
REACTION_CLAUSE = _c(
    r"\b(?:verurteil\w*|begrüß\w*|kritisier\w*|bedauer\w*|beklag\w*|lobt\w*|gelobt|feier\w*|gefeiert|"
    r"kommentier\w*|protestier\w*|bezeichnet\w*|nannte\w*|genannt|gratulier\w*|dankte\w*|gedankt)\b"
)
# The event only as a time frame or a prospect: "seit Beginn der Offensive", "während der Feuerpause",
# "eine drohende Offensive", "die geplante Waffenruhe".
NOMINAL_REFERENCE = _c(
    r"\b(?:seit\s+(?:beginn|start|ausbruch)\s+(?:der|des|dieser|dieses)|während\s+(?:der|des|dieser|dieses)|"
    r"vor\s+(?:beginn|start)\s+(?:der|des)|nach\s+(?:ende|ablauf)\s+(?:der|des)|"
    r"bis\s+zu[mr]?\s+(?:beginn|start|ende)\s+(?:der|des)|"
    # remembrance: "erinnerte an die Opfer der Bombardierung von Aleppo", "Gedenken an den Angriff"
    r"\b(?:opfer|gedenken\s+an|erinnerung\s+an|jahrestag)\s+(?:de[rsnm]|die|das)|"
    r"\berinner\w*\s+(?:\w+\s+)?an\s+(?:de[nmr]|die|das))\s+(?:\w+\s+){0,2}$"
)
OFFENSIVE_STOPPED = _c(
    r"\b(?:eingestellt|stellt\w*\b[^,.;:]*\bein|einzustellen|gestoppt|stoppt\w*|beendet|beendete\w*|"
    r"abgebrochen|brach\w*\b[^,.;:]*\bab|abzubrechen|unterbrochen|zurückgefahren)\b"
)
OFFENSIVE_STOPPED_BEFORE = _c(
    r"\b(?:einstellung|ende|stopp|abbruch|unterbrechung|aussetzung|pause)\s+(?:der|des|aller|von)\s+(?:\w+\s+){0,2}$"
)
# "die eroberten Orte", "viele der belagerten Städte", "die zuletzt eroberte Stadt", "die von Rebellen
# gehaltene, zuvor belagerte Stadt"; a capitalised word before it is a subject ("die Rebellen eroberten")
ATTRIBUTIVE_BEFORE = _c(
    r"(?:\b(?i:der|die|das|den|dem|des|ein|eine|einer|einen|einem|eines|viele[nrs]?|alle[nrs]?|"
    r"zahlreiche[nrs]?|mehrere[nrs]?|einige[nrs]?|wenige[nrs]?|ihre[nrsm]?|seine[nrsm]?|deren|dessen|"
    r"diese[nrsm]?|jene[nrsm]?|\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf)\s+(?:[a-zäöüß][\w-]*\s+)?|"
    r"\b(?i:der|die|das|den|dem|des)\s+von\s+(?:\S+\s+){1,4})$"
)
ATTRIBUTIVE_AFTER = _c(r"\s+(?:[a-zäöüß][\w-]*\s+)?[A-ZÄÖÜ]")

NOMINAL_UNREALISED = _c(
    r"\b(?:drohende\w*|geplante\w*|mögliche\w*|bevorstehende\w*|befürchtete\w*|erwartete\w*|"
    r"angedrohte\w*|angekündigte\w*|künftige\w*|denkbare\w*|etwaige\w*|nächste\w*|kommende\w*|anstehende\w*|"
    r"weiteren)\s+(?:\w+\s+)?$|"
    # willingness, readiness, calls and hopes for talks are no talks: "Bereitschaft zu erneuten Verhandlungen"
    r"\b(?:bereitschaft|bereit|offenheit|wunsch|hoffnung|forderung|aufruf|appell|angebot|vorschlag|chance|"
    r"weg|voraussetzung\w*|bedingung\w*)\s+(?:zu[mr]?|für|nach|auf)\s+(?:\w+\s+){0,2}$|"
    # "die Teilnahme Selenskyjs an Verhandlungen": taking part in talks in general (a bare plural), no round held
    r"\b(?:teilnahme|beteiligung)\s+(?:\w+\s+){0,2}an\s+$|"
    # what is still to come: "Vor den Beratungen der Außenminister griff Russland Kiew an"
    r"(?:^|[^\w\s]\s*|\b(?:kurz|noch|unmittelbar|wenige\s+(?:tage|stunden))\s+)vor\s+(?:de[nmr]|einem|einer)\s+"
    r"(?:[\w-]+\s+)?$"
)
SINCE_WHEN = _c(r"\bseit\s+(?:[\w-]+\s+){0,2}?(?:19|20)\d\d\s*,\s+als\b")
CEASEFIRE_NOMINAL_OK = _c(r"\b(?:angekündigte\w*|verkündete\w*|vereinbarte\w*)\s+(?:\w+\s+)?$")
CEASEFIRE_TOPIC_BEFORE = _c(
    r"\b(?:\w*verhandlung\w*|\w*gespräch\w*|beratung\w*|\w*gipfel\w*|\w*konferenz\w*|\w*treffen\w*|"
    r"vermittlungs\w*|bemühungen|initiative\w*)\s+(?:über|für|um|zu[mr]?)\s+(?:\w+\s+){0,3}$"
)
CEASEFIRE_TOPIC_AGREED = _c(
    r"\b(?:geeinigt|einigten|einigte|vereinbart\w*|verständigt\w*|unterzeichnet\w*|in\s+kraft)\b"
)
RELATIVE_CLAUSE = _c(
    r"\s*(?:(?:in|an|auf|aus|bei|mit|nach|von|zu|für|über|unter|vor|durch|gegen|um)\s+)?"
    r"(?:der|die|das|dem|den|denen|deren|dessen|welche[rsmn]?|wo|wohin|woher|nachdem|als|seit|seitdem|bevor)\b"
)
GENERIC_PARTIES = _c(
    r"\b(?:konfliktparteien|kriegsparteien|bürgerkriegsparteien|konfliktpartner|beide(?:n)?\s+seiten|"
    r"\w*kontaktgruppe|"
    r"(?:die|der)\s+parteien|(?:die|beide)\s+delegationen|verhandlungsdelegationen|(?:die\s+)?gegner)\b"
)
ALLEGATION = _c(
    r"\b(?:soll|sollen)\b[^,.;:]*\b\w+(?:t|en)\s+(?:worden\s+)?(?:sein|haben)\b|\b(?:angeblich\w*|mutmaßlich\w*|"
    r"unbestätigt\w*|vorwurf|vorwürfe\w*|beschuldigt\w*|berichten\s+zufolge)\b"
)
TALKS_TOPIC_START = _c(r"\b(?:über|zu[mr]?|thema|themen|um)\b")
TALKS_ON_TOPIC = _c(
    r"\b(?:(?!flüchtlings|finanz|euro|schulden|banken|klima|wirtschafts|regierungs|staats|energie)\w*krise|sicherheit\w*|waffen\w*|frieden\w*|lage|situation|atom\w*|nuklear\w*|raketen\w*|"
    r"syrien\w*|ukraine\w*|donbass|krim|jemen\w*|libyen\w*|irak\w*|afghanistan\w*|nordkorea\w*|"
    r"israel\w*|palästin\w*|gaza\w*|nahost\w*|iran\w*|sudan\w*|mali|somalia|kolumbien|farc|"
    r"is|isis|daesh|taliban|kurden\w*|pkk|ypg)\b"
)
# Cities where talks and votes are held, not where the war is (canonical gazetteer names).
VENUE_PLACES = frozenset(
    {
        "Geneva", "Vienna", "Astana", "Lausanne", "Munich", "Sochi", "Minsk", "New York City", "Montreux",
        "Brussels", "Paris", "Berlin", "London", "Rome", "Oslo", "Havana", "Skhirat", "Addis Ababa", "Doha",
        "Washington", "Washington, D.C.", "Moscow", "Istanbul", "Nur-Sultan", "Sharm el-Sheikh", "The Hague",
    }
)  # fmt: skip
# A seat of government or of a body named as the venue: its city (only after a locative preposition, so
# "das Auswärtige Amt teilte mit" or "der Kreml erklärte" stay actors and sources).
VENUE_LANDMARKS = {  # city: (seat forms, words one of which a text naming the seat holds: a fast gate)
    "Berlin": (
        r"(?:bundes)?kanzleramt|auswärtigen\s+amt|schloss\s+bellevue",
        ("kanzleramt", "auswärtigen", "bellevue"),
    ),
    "Washington": (
        r"weißen\s+haus|pentagon|oval\s+office|us-außenministerium|state\s+department",
        ("weißen", "pentagon", "oval", "außenministerium", "department"),
    ),
    "Moscow": (r"kreml", ("kreml",)),
    "Paris": (r"[ée]lys[ée]e(?:-palast)?|quai\s+d'orsay", ("lys", "orsay")),
    "London": (r"downing\s+street", ("downing",)),
    "Geneva": (r"palais\s+des\s+nations|völkerbundpalast", ("palais", "völkerbundpalast")),
}
VENUE_LANDMARK_PATTERNS = tuple(
    (_c(r"\b(?:im|am|beim|ins|in\s+der|in\s+dem)\s+(?:" + forms + r")\b"), city, marks)
    for city, (forms, marks) in VENUE_LANDMARKS.items()
)
# "Kiew/Moskau (dpa) – ", "MOSKAU – ", "Genf (AFP) – ": a city (the first of several), an optional agency
# credit, then a dash.
DATELINE_PLACE = re.compile(
    r"(?m)^[ \t]*(?P<city>[A-ZÄÖÜ][\wäöüß.'\-]+(?: [A-ZÄÖÜ][\wäöüß.'\-]+){0,2})(?:/[^\s(–—]+)?[ \t]*"
    r"(?:(?:\([^)\n]{1,30}\))?[ \t]*[-–—][ \t]|"
    # an agency in brackets and no dash: "Beirut (AFP) In Syrien sind ..."
    r"\((?:AFP|dpa|Reuters|AP|APA|KNA|epd|sda|SDA|dpa-AFX|APA/dpa|APA/AFP|APA/Reuters)\)[ \t]+(?=[A-ZÄÖÜ]))"
)
SPEECH_PLACE_BEFORE = _c(
    r"\b(?:sagte|sagt|sagten|betonte|betont|sprach|äußerte|erklärte|erklärt|schrieb)\s+(?:[\w.-]+\s+){0,4}?"
    r"(?:am\s+\w+\s+|heute\s+|gestern\s+)?(?:in|im)\s+$"
)
CONFLICT_AREA_BEFORE = _c(
    r"\b(?:krieg\w*|konflikt\w*|kämpfe\w*|kampfhandlungen|gefechte\w*|gewalt|feindseligkeiten|front\w*|"
    r"waffenruhe\w*|waffenstillstand\w*|feuerpause\w*)\s+"
    # not past a meeting: "die Waffenruhe bei den Gesprächen in Genf" names the talks' venue
    r"(?:(?!(?:\w*gespräch\w*|\w*verhandlung\w*|\w*treffen\w*|\w*gipfel\w*|\w*konferenz\w*)\b)\w+\s+){0,2}"
    r"(?:in|im|um|für)\s+(?:de[rmns]\s+)?(?:\w+\s+)?$"
)
# A place named only as a landmark for another one: "zwischen Donezk und Luhansk", "nördlich von Homs".
LANDMARK_BEFORE = _c(
    r"(?:\bzwischen\s+(?:\w+\s+){0,3}(?:und\s+)?|\b(?:nördlich|südlich|östlich|westlich|nordöstlich|"
    r"nordwestlich|südöstlich|südwestlich)\s+(?:von\s+|de[rs]\s+)?(?:\w+\s+)?|\bnahe\s+(?:de[rsm]\s+)?|"
    r"\bunweit\s+(?:de[rsm]\s+)?|\brichtung\s+|\bin\s+der\s+nähe\s+(?:von\s+)?(?:de[rsmn]\s+)?(?:[\w-]+\s+){0,3}?)$"
)
PRESENT_ONGOING = _c(r"\b(?:andauernd\w*|anhaltend\w*|weiter|weiterhin|derzeit|aktuell|nun|jetzt|inzwischen|seit)\b")


DATES: dict[str, Scanner] = {
    "explicit_day": _lw(
        r"\b(\d{1,2})\.\s*(januar|jänner|februar|feber|märz|april|mai|"
        r"juni|juli|august|september|oktober|november|dezember|jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|nov|dez)"
        r"\.?(?:\s+(\d{4}))?"
    ),
    "numeric_day": _lw(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?!\d)"),
    "iso_day": _lw(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
    "part_month": _lw(
        r"\b(anfang|mitte|ende)\s+(januar|jänner|februar|feber|märz|april|mai|juni|juli|august|september|"
        r"oktober|november|dezember)(?:\s+(\d{4}))?"
    ),
    "in_month": _lc(
        r"\b(?:im|seit|bis|ab|vom)\s+(januar|jänner|februar|feber|märz|april|mai|juni|juli|august|september|"
        r"oktober|november|dezember)(?:\s+(\d{4}))?|\b(januar|jänner|februar|feber|märz|april|mai|juni|juli|"
        r"august|september|oktober|november|dezember)\s+(\d{4})\b"
    ),
    "month_start": _lw(
        r"\b(?:zu\s+monatsbeginn|anfang\s+(?:des|dieses)\s+monats|monatsanfang|zu\s+beginn\s+des\s+monats)\b"
    ),
    "month_mid": _lw(r"\b(?:mitte\s+(?:des|dieses)\s+monats|monatsmitte)\b"),
    # optional leading words spelled out as alternatives: every alternative then starts with a letter,
    # which lets the regex engine skip ahead (five times faster than "(?:im\s+)?vergangenen")
    "last_month": _tw(
        r"\b(?:im\s+vergangenen\s+monat|vergangenen\s+monat|im\s+letzten\s+monat|letzten\s+monat|vormonat)\b"
    ),
    "weekday": _lw(
        r"\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)"
        r"(?:abend|morgen|nachmittag|vormittag|nacht|mittag)?\b"
    ),
    "weekend": _lw(r"\b(?:am|übers|über\s+das|vergangenen|letzten)\s+wochenende\b"),
    "yesterday": _lw(r"\b(?:gestern|vorgestern)\w*\b"),
    "today": _lw(r"\b(?:heute|am\s+heutigen\s+\w+|nun|jetzt|derzeit|aktuell|zurzeit)\b"),
    "ago": _lw(
        r"\bvor\s+(?:(?:knapp|gut|fast|rund|etwa|ungefähr|über|mehr\s+als)\s+)?"  # "vor knapp zwei Wochen"
        r"(\d+|einem|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\s+"
        r"(tag|tagen|woche|wochen|monat|monaten|jahr|jahren)\b"
    ),
    "since_span": _lc(r"\b(?:seit\s+(tagen|wochen|monaten)|(tage|wochen|monate)lang)\b"),
    "last_week": _tw(r"\b(?:in\s+der\s+vergangenen\s+woche|vergangenen\s+woche|letzte\s+woche|vorige\s+woche)\b"),
    "following": _lw(
        r"\b(?:in\s+den\s+(?:darauf)?folgenden\s+(?:tagen|wochen)|in\s+den\s+tagen\s+danach|kurz\s+darauf|"
        r"wenige\s+tage\s+später)\b"
    ),
    "season": _lw(
        r"\b(?:im\s+|vom\s+)?(frühjahr|frühling|sommer|herbst|winter)\s+(\d{4})\b|"
        r"\b(?:bereits\s+|schon\s+|noch\s+)?im\s+(frühjahr|frühling|sommer|herbst|winter)\b(?!\s+\d)"
    ),
    "year": _lw(r"\b(?:im\s+(?:jahr|jahre)\s+|seit\s+)(\d{4})\b"),
    "last_year": _tw(r"\b(?:im\s+vergangenen|im\s+letzten|vergangenen|letzten)\s+jahr\w*\b"),
}

_MONTH_GATE = ("jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez", "jän")
# A date pattern runs only when one of its words occurs in the article (a cheap substring test).
DATE_GATES = {
    "explicit_day": _MONTH_GATE,
    "part_month": ("anfang", "mitte", "ende"),
    "in_month": _MONTH_GATE,
    "month_start": ("monatsbeginn", "monatsanfang", "des monats", "dieses monats"),
    "month_mid": ("monatsmitte", "des monats", "dieses monats"),
    "last_month": ("monat",),
    "weekday": ("tag", "mittwoch", "sonnabend"),
    "weekend": ("wochenende",),
    "yesterday": ("gestern",),
    "ago": ("vor ",),
    "since_span": ("tage", "woche", "monat"),
    "last_week": ("woche",),
    "following": ("folgend", "danach", "darauf", "später"),
    "season": ("frühjahr", "frühling", "sommer", "herbst", "winter"),
    "year": ("jahr", "seit "),
    "last_year": ("jahr",),
}
WEEKDAY_PREFIX = _lc(
    r"\b(am|seit|vom|bis|in\s+der\s+nacht\s+zu(?:m)?|an\s+diesem|diesen|für|kommenden|nächsten|vergangenen|"
    r"letzten|ab)\s*$"
)
# A clause whose verb puts a bare weekday ahead of the publication date: "sollen am Samstag
# beginnen", "am Montag teilnehmen werden", "ist für Freitag geplant".
FUTURE_CLAUSE = _lc(
    r"\b(?:soll|sollen|wird|werden|werde|geplant|plant|planen|vorgesehen|angesetzt|anberaumt|"
    r"bevorstehend\w*|künftig\w*|beginnen|stattfinden|fortsetzen|zusammenkommen|trete|treten)\b"
)
# Pluperfect ("hatten ... eingenommen", "war ... gereist") and retrospective words: the event
# lies before the reported news, so an undated mention gets no default date.
BACKGROUND_CLAUSE = _lc(
    r"\b(?:hatte|hatten|hattest|war|waren)\b[^,;:]*\b(?:ge\w+(?:t|en)|\w+iert|\w+ge\w+(?:t|en))\b|"
    # participles without "ge" (inseparable prefixes) only at the clause's end: "hatten Kundus am Montag
    # überrannt", "hatte eine Waffenruhe beschlossen" (not "hatten die beiden Seiten")
    r"\b(?:hatte|hatten|war|waren)\b[^,;:]*\b(?:be|ver|er|zer|ent|emp|über|unter|hinter|miss)\w+(?:t|en)"
    r"(?=\s*(?:[-–,;:.!?\"]|$))|"
    r"\b(?:damals|einst|seinerzeit|zuvor|früher|vor\s+(?:\w+\s+)?(?:jahren|monaten))\b"
)

NUMBER_MULTIPLIERS = {"dutzend": 12}  # "zwei Dutzend": 24
# Approximate amounts have no best estimate, only a low bound (plural: at least two of the unit).
NUMBER_APPROXIMATIONS = {
    "dutzende": 24, "dutzenden": 24, "hunderte": 200, "hunderten": 200, "tausende": 2000, "tausenden": 2000,
}  # fmt: skip
_UNITS = r"ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun"
_TENS = r"zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig"
_COUNT = (
    r"\d{1,3}(?:[.\u202f\xa0]\d{3})+|\d+|(?:" + _UNITS + r")und(?:" + _TENS + r")|einhundert|hundert|tausend|"
    r"dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwölf|elf|zehn|" + _TENS + r"|eine|einen|" + _UNITS
)
# "zwei Dutzend", "Dutzende", "20 bis 30", "zwischen 20 und 30", "20-30", or one count
_QUANTITY = (
    r"(?:" + _COUNT + r")\s+dutzend|dutzenden|dutzende|hunderten|hunderte|tausenden|tausende|"
    r"zwischen\s+(?:" + _COUNT + r")\s+und\s+(?:" + _COUNT + r")|"
    r"(?:" + _COUNT + r")(?:\s*(?:-|–|bis|oder)\s*(?:" + _COUNT + r"))?"
)
CASUALTY_NUMBER = _c(
    r"\b(?:(?:mindestens|wenigstens|mehr\s+als|über|rund|etwa|ungefähr|knapp|fast|nahezu|beinahe|bis\s+zu|"
    r"insgesamt|weitere|zahlreiche|mind\.)\s+)?"
    r"(" + _QUANTITY + r")\s+(?:von\s+)?((?:\w+(?:e|en|er)\s+)?(?:menschen|personen|zivilisten|"
    r"kinder|kindern|soldaten|kämpfer|jihadisten|dschihadisten|rebellen|polizisten|frauen|todesopfer|tote|"
    r"toten|verletzte|verletzten|opfer|extremisten|islamisten|angreifer|mitglieder|zivilpersonen|"
    r"einwohner|bewohner|militante|milizionäre|helfer|sicherheitskräfte|getötete|getöteten|"
    r"palästinenser|israelis|ukrainer|syrer|iraker|kurden|afghanen|jemeniten|journalisten|demonstranten|"
    # one victim: "mindestens eine Person", "ein Soldat"
    r"person|mensch|zivilist|zivilistin|soldat|soldatin|kind|frau|mann|polizist|polizistin|journalist))\b"
)
CASUALTY_AT_LEAST = _c(r"\b(?:mindestens|wenigstens|mind\.)\s+$")
CASUALTY_MORE_THAN = _c(r"\b(?:mehr\s+als|über)\s+$")
CASUALTY_UP_TO = _c(r"\b(?:bis\s+zu|knapp|fast|nahezu|beinahe|höchstens)\s+$")
CASUALTY_SUBGROUP = _c(r"\b(?:darunter|unter\s+ihnen|unter\s+den\s+(?:toten|opfern|getöteten)|davon)\b")
NUMBER_RANGE_SPLIT = _c(r"^zwischen\s+|\s*(?:-|–|\bbis\b|\bund\b|\boder\b)\s*")
CASUALTY_KILLED = _c(
    r"\b(?:getötet\w*|ums\s+leben|starben|stirbt|starb|tot|tote|toten|todesopfer|umgekommen|gestorben|"
    r"getötete\w*|leblos|tödlich\w*)\b"
)
CASUALTY_INJURED = _c(r"\b(?:verletzt\w*|verwundet\w*|verletzte\w*)\b")
INJURED_COUNT = _c(
    r"\b(?:(?:mindestens|wenigstens|mehr\s+als|über|rund|etwa|fast|knapp|bis\s+zu)\s+)?(" + _QUANTITY + r")\s+"
    r"(?:weitere\s+)?(?:(?:wurden|sind|seien|wären|wurde)\s+)?(?:(?:zum\s+teil\s+)?schwer\s+)?(?:verletzt|verwundet)\b"
)
CASUALTY_BACKGROUND = _c(
    r"\bseit\s+(?:dem\s+|beginn\s+|ausbruch\s+)?(?:beginn|ausbruch|frühjahr|jahr|(?:19|20)\d\d)|"
    r"\binsgesamt\b|\bbislang\b|\bbisher\b|\bseit\s+jahren\b"
)
VICTIM_CIVILIAN = _c(r"zivil|kinder|frauen|einwohner|bewohner")
VICTIM_CHILD = _c(r"kinder")

CLAUSE_SPLIT = re.compile(
    r"(?<!\d),|,(?!\d)|[;:()]|\s[–—-]\s|[\"„“”»«]|"
    # a second predicate of reporting: "... bei den Gesprächen in Genf und sagte, man werde sich wieder treffen"
    r"\s(?=und\s+(?:sagte|sagten|erklärte|erklärten|betonte|warnte|warnten|kündigte|kündigten|forderte|"
    r"forderten|fügte|warf|drohte|drohten)\b)"
)
ABBREVIATIONS = frozenset(
    [
        "dr",
        "prof",
        "st",
        "nr",
        "bzw",
        "ca",
        "vgl",
        "etc",
        "mio",
        "mrd",
        "jh",
        "abs",
        "gen",
        "oberst",
        "lt",
        "hr",
        "fr",
        "sept",
        "okt",
        "nov",
        "dez",
        "jan",
        "feb",
        "mär",
        "apr",
        "jun",
        "jul",
        "aug",
        "z.b",
        "u.a",
        "d.h",
        "o.ä",
        "usw",
        "inkl",
        "evtl",
        "ggf",
        "zb",
        "ua",
        "dh",
        "mind",
        "u.s",
        "s.o",
        "insb",
    ]
)
MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3, "mär": 3, "april": 4,
    "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}  # fmt: skip
WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
    "sonntag": 6,
}  # fmt: skip
NUMBER_WORDS = {
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20,
    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100,
    "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
    "neunzehn": 19, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90, "einhundert": 100,
    "tausend": 1000,
}  # fmt: skip

LEXICON = Lexicon(
    language="de",
    triggers=TRIGGERS,
    trigger_exclusions=TRIGGER_EXCLUSIONS,
    ceasefire_realised=CEASEFIRE_REALISED,
    resolution_context=RESOLUTION_CONTEXT,
    resolution_body=RESOLUTION_BODY,
    resolution_mutual=RESOLUTION_MUTUAL,
    sponsor_cue=SPONSOR_CUE,
    sponsor_after=SPONSOR_AFTER,
    blocker_before=BLOCKER_BEFORE,
    subordinate_attack_scope=True,
    unnamed_force=_c(r"\b(?:truppen|streitkräfte|soldaten|kämpfer|einheiten|kräfte|bewaffnete|milizionäre)\b"),
    abstained_after=ABSTAINED_AFTER,
    abstained_before=ABSTAINED_BEFORE,
    place_of_actor_after=PLACE_OF_ACTOR_AFTER,
    failed_with_draft=FAILED_WITH_DRAFT,
    cues=CUES,
    governing_cues=GOVERNING_CUES,
    nominal_block=NOMINAL_BLOCK,
    evidential_sollen=EVIDENTIAL_SOLLEN,
    ceasefire_announce_ok=CEASEFIRE_ANNOUNCE_OK,
    zu_infinitive=ZU_INFINITIVE,
    conflict_words=CONFLICT_WORDS,
    # countries at war open the article gate too ("telefonierte ... über die Lage in Syrien"), but they are
    # no conflict topic of their own (talks "über die Flüchtlingskrise" between Italy and Libya)
    gate_words=_c(r"\b(?:syrien\w*|jemen\w*|libyen\w*|afghanistan\w*|\w*ukrain\w*|donbass)\b"),
    generic_forces=GENERIC_FORCES,
    government_in=GOVERNMENT_IN,
    locative_before=LOCATIVE_BEFORE,
    topic_compound_after=TOPIC_COMPOUND_AFTER,
    source_before=SOURCE_BEFORE,
    source_after=SOURCE_AFTER,
    speaker_colon_after=SPEAKER_COLON_AFTER,
    # the side that stopped or repelled the attack is its target: "Die ukrainische Armee hat ... die russische
    # Sommeroffensive aufgehalten" (not the side named on the attack itself: "russische Sommeroffensive")
    repelling_after=_c(
        r"^(?![\w-]*\s+[\w-]*(?:offensive\w*|angriff\w*|vorstoß\w*|attacke\w*|vormarsch\w*)\b)"
        r"(?:\s+[\w-]+){0,12}?\s+(?:aufgehalten|abgewehrt|zurückgeschlagen|abgewiesen|vereitelt|gestoppt|"
        r"wehrte\w*\b[^,.;:]*\bab|schlug\w*\b[^,.;:]*\bzurück|stoppte\w*)\b"
    ),
    domestic_meeting=_c(
        r"\b(?:mit|vor)\s+(?:seine[mnr]?|ihre[mnr]?|de[mnr]|den)?\s*(?:eigenen\s+)?(?:generalstabschef|generalstab|"
        r"verteidigungsminister|innenminister|sicherheitsrat|kabinett|beratern?|militärführung|kommandeuren?|"
        r"generälen|gouverneuren?|regierungschef|ministerpräsidenten)\b"
    ),
    side_source_after=_c(
        r"^\s+(?:\w*angaben|medienberichten|medien|quellen|sicherheitskreisen|militärkreisen|regierungskreisen|"
        r"darstellung)\b"
    ),
    truce_area_before=_c(
        r"\b(?:waffenruhe|waffenstillstand\w*|feuerpause)\s+(?:\w+\s+)?(?:in|im|für|für\s+die|für\s+den)\s+$"
    ),
    truce_for_before=_c(r"\bfür\s+(?:die|das|den|ganz|ganze\w*)?\s*$"),
    talks_venue_before=_c(
        r"\b(?:\w*gespräche\w*|verhandlungen|beratungen|treffen|gipfel\w*|konferenz\w*|verhandelt\w*|getroffen|"
        r"trafen)\s+(?:\w+\s+){0,6}?(?:in|im)\s+$"
    ),
    speaking_city_after=_c(
        r"^\s+(?:spricht|sprach|sieht|sah|erklärt\w*|teilte|teilt|warnt\w*|wirft|warf|fordert\w*|betont\w*|bestreitet|"
        r"bestritt|dementiert\w*|meldet\w*|reagiert\w*|beschuldigt\w*|wies\b[^,.;:]*\bzurück|weist)\b"
    ),
    # "von der Leyen erklärte, der Angriff der Hamas ... sei Terror": the speaker of a report about others
    # (not "sagte, man/wir/die Armee habe angegriffen": there the speaker's side acts)
    speaker_of_report=_c(
        r"^(?:\s+[\w.-]+){0,3}?\s+(?:sagte|sagt|erklärte|erklärt|betonte|schrieb|twitterte|kritisierte|warnte|"
        r"verurteilte|bezeichnete|meinte|sprach)(?:\s+(?:bei|auf|in|im|am)\s+[\w-]+(?:\s+[\w-]+)?)?\s*,\s+"
        r"(?!(?:man|wir|sie|er|es|ihr|unsere?\w*|ihre?\w*|seine?\w*|die\s+(?:armee|truppen|streitkräfte|soldaten|"
        r"luftwaffe|regierung)|das\s+militär|dass)\b)(?:der|die|das|den|dem|des|ein\w*)\b"
    ),
    people_from_before=_c(
        r"\b(?:vertreter\w*|delegation\w*|diplomat\w*|gesandte\w*|unterhändler\w*|minister\w*|"
        r"experten|truppen|soldaten|streitkräfte|kampfjets|kämpfer\w*)\s+aus\s+(?:de[mn]\s+|der\s+)?$"
    ),
    mediator_before=MEDIATOR_BEFORE,
    support_before=SUPPORT_BEFORE,
    target_before=TARGET_BEFORE,
    subject_fighters_before=SUBJECT_FIGHTERS_BEFORE,
    finite_attack_verb=_c(
        r"\b(?:griff|griffen|greift|greifen|bombardierte|bombardierten|bombardiert|beschoss|beschossen|beschießt|"
        r"attackierte|attackierten|überrannte|überrannten|stürmte|stürmten|eroberte|eroberten)\b|"
        # the perfect's finite auxiliary: "Kämpfer haben am Samstag Israel angegriffen" (Israel is the object)
        r"\b(?:hat|haben|hatte|hatten)\b(?=[^,.;:]{0,120}?\b(?:angegriffen|bombardiert|beschossen|attackiert|"
        r"überrannt|gestürmt|erobert|zurückerobert|eingenommen)\b)"
    ),
    target_after=TARGET_AFTER,
    passive_agent_before=PASSIVE_AGENT_BEFORE,
    venue_before=VENUE_BEFORE,
    place_excluded_before=PLACE_EXCLUDED_BEFORE,
    reference_attack_before=REFERENCE_ATTACK_BEFORE,
    attack_on_state_before=ATTACK_ON_STATE_BEFORE,
    state_territory_after=STATE_TERRITORY_AFTER,
    nationwide=NATIONWIDE,
    anaphoric_place=ANAPHORIC_PLACE,
    landmark_before=LANDMARK_BEFORE,
    support_after=SUPPORT_AFTER,
    talks_topic_before=TALKS_TOPIC_BEFORE,
    visit_before=VISIT_BEFORE,
    supported_before=SUPPORTED_BEFORE,
    purpose_clause=PURPOSE_CLAUSE,
    ceasefire_compliance=CEASEFIRE_COMPLIANCE,
    casualty_followup=CASUALTY_FOLLOWUP,
    venue_places=VENUE_PLACES,
    venue_attributive_after=VENUE_ATTRIBUTIVE_AFTER,
    venue_landmarks=VENUE_LANDMARK_PATTERNS,
    dateline_place=DATELINE_PLACE,
    speech_place_before=SPEECH_PLACE_BEFORE,
    talks_off_topic=TALKS_OFF_TOPIC,
    generic_parties=GENERIC_PARTIES,
    relative_clause=RELATIVE_CLAUSE,
    reaction_clause=REACTION_CLAUSE,
    nominal_reference=NOMINAL_REFERENCE,
    nominal_unrealised=NOMINAL_UNREALISED,
    ceasefire_topic_before=CEASEFIRE_TOPIC_BEFORE,
    ceasefire_nominal_ok=CEASEFIRE_NOMINAL_OK,
    since_when=SINCE_WHEN,
    ceasefire_topic_agreed=CEASEFIRE_TOPIC_AGREED,
    backer_after=_c(r"^-(?:gestützt\w*|unterstützt\w*|treu\w*|nah\w*)\b"),
    killed_victims_before=_c(r"(?!)"),  # German names its dead after the group ("Kämpfer der")
    victims_of_before=_c(
        r"\b(?:\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dutzende|mehrere|zahlreiche|viele)\s+(?:\w+\s+)?(?:kämpfer|mitglieder|milizionäre|kommandeure|kommandanten|anhänger|angehörige|soldaten)\s+(?:de[rs]\s+)?(?:[\w-]+\s+){0,3}$"
    ),
    target_list_gap=_c(
        r"(?:\s+(?:im|in|in\s+der|in\s+den|aus\s+de[mr])\s+[\w-]+)?\s*(?:,|\bund\b|\bsowie\b)\s*(?:(?:de[rsnm]|die|das)\s+)?(?:[\w-]+\s+){0,2}?"
    ),
    conflict_noun_after=_c(r"^\s+(?:\w*konflikt\w*|\w*krieg\w*|\w*krise\w*)\b"),
    # the one a veto protects, or is about: "zum Schutz der syrischen Regierung", "sein Veto zu Syrien"
    protected_before=_c(
        r"\b(?:schutz|schützte|schützt|schützen)\s+(?:de[rsmn]\s+|die\s+|seine[nrs]?\s+(?:\w+\s+)?)?(?:\w+\s+)?$|"
        r"\bveto\s+(?:zu[mr]?|gegen\s+eine\s+resolution\s+zu[mr]?)\s+$"
    ),
    agreed_talks_before=_c(
        r"\b(?:auf|zu)\s+(?:\w+\s+){0,2}?(?:verhandlungen|gespräche|gesprächen|beratungen)\s+(?:über|um|zu[mr]?)\s+(?:\w+\s+){0,3}$"
    ),
    agreement_anaphor=AGREEMENT_ANAPHOR,
    truce_statement=TRUCE_STATEMENT,
    nominal_habitual=_c(r"\b(?:regelmäßige\w*|häufige\w*|gelegentliche\w*|sporadische\w*)\s+(?:\w+\s+)?$"),
    offensive_stopped=OFFENSIVE_STOPPED,
    offensive_stopped_before=OFFENSIVE_STOPPED_BEFORE,
    pronoun_subject=_c(
        r"^\W*(?:(?:sie|er)\s|(?:[\w.-]+\s+){1,4}?(?:sie|er)\b(?!\s*(?:selbst|sich)\b)|"
        # "Vor zwei Wochen startete es eine Offensive" (das Militär); not the expletive "gab es", "kam es zu"
        r"(?:[\w.-]+\s+){1,5}?(?<!gab\s)(?<!gibt\s)(?<!kam\s)(?<!geht\s)(?<!ging\s)es\s+"
        r"(?:eine[nmr]?|den|die|das|ihre[nmr]?|seine[nmr]?)\s)"
    ),
    demonstrative_subject=_c(
        r"^\W*(?:dieser|diese|letzterer|letztere)\s+(?!\w+\s)|^\W*(?:dieser|diese)\s+(?:hatte|hat|habe|war|ist)\b"
    ),
    dateline=re.compile(r"(?m)^[A-ZÄÖÜ][\w/ .()-]{1,60}?,\s+(?P<day>\d{1,2})\.\s*(?P<month>[A-ZÄÖÜ][a-zäöü]+)\b"),
    talks_frame_before=_c(
        r"\b(?:bei|auf|während|nach)\s+(?:dem|einem|den|der|einer|ihrem|ihren|seinem|seiner)\s+(?:[\w-]+\s+)?$"
    ),
    past_clause=_c(r"\b(?:hatte|hatten|hat|haben|war|waren|konnte|konnten|wurde|wurden)\b"),
    attributive_before=ATTRIBUTIVE_BEFORE,
    attributive_after=ATTRIBUTIVE_AFTER,
    allegation=ALLEGATION,
    talks_on_topic=TALKS_ON_TOPIC,
    talks_topic_start=TALKS_TOPIC_START,
    conflict_area_before=CONFLICT_AREA_BEFORE,
    unrest_attack=UNREST_ATTACK,
    phone_call=_c(r"\b(?:telefonat\w*|telefonier\w*|telefongespräch\w*)"),
    counterpart_marker=_c(r"\bmit\b"),
    jihadist_codes=("ISIL", "JFS", "NGA-REB", "SOM-REB", "MLI-REB", "AQAP", "AQIM", "AFG-REB", "TTP"),
    clause_split=CLAUSE_SPLIT,
    abbreviations=ABBREVIATIONS,
    months=MONTHS,
    weekdays=WEEKDAYS,
    number_words=NUMBER_WORDS,
    dates=DATES,
    date_gates=DATE_GATES,
    weekday_prefix=WEEKDAY_PREFIX,
    future_clause=FUTURE_CLAUSE,
    background_clause=BACKGROUND_CLAUSE,
    coordination_gap=COORDINATION_GAP,
    resolution_noun=RESOLUTION_NOUN,
    topic_preposition=TOPIC_PREPOSITION,
    realised_relative_after=_c(
        r"(?:\s+[\w-]+){0,3}?\s*,\s+(?:die|der|das)\s+(?:[\w-]+\s+){0,6}?(?:begonnen\s+(?:hatten?|haben|hat)|"
        r"begannen|begann|stattfanden|stattfand|stattgefunden\s+(?:hatten?|haben|hat))\b"
    ),
    draft_topic_end=_c(r"[,;:]|\b(?:nachdem|als|weil|aber|doch|während|bevor|seit|bis|wobei)\b"),
    veto_verb=VETO_VERB,
    casualty_number=CASUALTY_NUMBER,
    casualty_killed=CASUALTY_KILLED,
    casualty_injured=CASUALTY_INJURED,
    injured_count=INJURED_COUNT,
    casualty_background=CASUALTY_BACKGROUND,
    casualty_tally=CASUALTY_TALLY,
    victim_civilian=VICTIM_CIVILIAN,
    victim_child=VICTIM_CHILD,
    casualty_at_least=CASUALTY_AT_LEAST,
    casualty_more_than=CASUALTY_MORE_THAN,
    casualty_up_to=CASUALTY_UP_TO,
    casualty_subgroup=CASUALTY_SUBGROUP,
    number_range_split=NUMBER_RANGE_SPLIT,
    number_multipliers=NUMBER_MULTIPLIERS,
    number_approximations=NUMBER_APPROXIMATIONS,
    present_ongoing=PRESENT_ONGOING,
    venue_in_country=_c(r"\bin\s+(?:de[rmns]\s+)?$"),
    seasons={"frühjahr": 3, "frühling": 3, "sommer": 6, "herbst": 9, "winter": 12},
    relative_pronoun_clause=_c(
        r"\W*(?:(?:in|an|auf|aus|bei|mit|nach|von|zu|für|über|unter|vor|durch|gegen|um)\s+)?"
        r"(?:der|die|das|dem|den|denen|deren|dessen|welche[rsmn]?)\s"  # not "wo": what happened there
    ),
    continuation=_c(r"\b(?:fortgesetzt|setz\w*\b[^,.;:]*\bfort|dauer\w*\b[^,.;:]*\ban|noch\s+immer|immer\s+noch)\b"),
    deictic_now=_c(r"nun|jetzt|derzeit|aktuell|zurzeit"),
    took_place=_c(r"\b(?:fand|fanden|findet|finden)\b[^.;:]*\bstatt\b|\bzeremonie\b|\bunterzeichn\w*"),
    infinitive_governor=_c(
        r"\b(?:will|wollen|wollte|wollten|soll|sollen|sollte|sollten|muss|müssen|müsse|kann|könne|könnte|"
        r"könnten|werde|werden|wird|möchte|möchten|dürfe|darf)\b"
    ),
    clause_final_infinitive=re.compile(r"\b(?![a-zäöüß]*ge)[a-zäöüß]+(?:en|ern|eln)\W*$"),
    offensive_realised=_c(
        r"\b(?:gestartet|startete\w*|begonnen|begann\w*|eröffnet\w*|lanciert|eingeleitet|leitete\w*|führt\w*|"
        r"geführt|fortgesetzt|setzt\w*\b[^,.;:]*\bfort|ausgeweitet|läuft|laufen|im\s+gange|verstärkt\w*|"
        r"ausgeführt|verübt|flog\w*|geflogen|andauernd\w*|anhaltend\w*|seit|getötet\w*|starben|starb|"
        r"ums\s+leben|verletzt\w*|zerstört\w*|treibt\w*\b[^,.;:]*\bvoran|vorangetrieben|richtete\w*\s+sich|"
        r"galt\w*|erneut|neue[nr]?|schwere[nr]?|heftige[nr]?|"
        # a military object: "hat Ziele der Hamas angegriffen", "griff einen Kontrollposten an"
        r"ziele|stellungen|positionen|stützpunkte?n?|militärstützpunkte?n?|lager|militärlager|konvoi\w*|posten|"
        r"kontrollposten|armeeposten|grenzposten|checkpoints?|kaserne\w*|"
        r"patrouille\w*|militärbasis|luftwaffenbasis|frontlinie\w*)\b"
    ),
    capture_object=_c(
        r"\b(?:\w*stützpunkt\w*|\w*basis|flughafen|flugplatz|\w*stadt|städte|dorf|dörfer|ortschaft\w*|"
        r"kaserne\w*|hauptquartier\w*|\w*posten|stellung(?:en)?|viertel|stadtteil\w*|provinzhauptstadt|"
        r"hügel|anhöhe\w*|grenzübergang\w*|hafen|raffinerie|staudamm|damm)\b"
    ),
    offensive_object_after=_c(r"^\w*\s+(?:\w+\s+){0,2}(?:gegen|auf)\s"),
    scene_continuation=_c(r"^\W*(?:danach|anschließend|später|dort|zuvor|im\s+anschluss)\b"),
    region_unit_before=_c(r"\b(?:gebiet|gebietes|region|oblast|provinz|bezirk|gouvernement|verwaltungsbezirk)\s+$"),
    region_unit_after=_c(r"^(?:er)?\s+(?:gebiet|gebietes|oblast)\b"),
    time_frame_before=_c(r"\bseit\s+(?:de[mnrs]|der)\s+(?:\w+\s+)?$|\bgeschichte\s+(?:de[sr]\s+)?$"),
    demonym_of_place=_c(
        # compounds too: "die russische Grenzregion Kursk", "das syrische Grenzgebiet"
        r"^\s+(?:\w+\s+)?(?:hauptstadt|stadt|großstadt|metropole|[\w-]*provinz|[\w-]*region|grenze|küste|dorf|ortschaft|"
        r"[\w-]*hochburg|enklave|hafenstadt|ölstadt|grenzstadt|"
        r"grenzstadt|hafenstadt|oasenstadt|basis|luftwaffenbasis|[\w-]*gebiet|territorium|seite\s+der\s+grenze|"
        # "im pakistanisch verwalteten Teil Kaschmirs": a part of a territory, named by who administers it
        r"teil|landesteil|sektor|zone)\b"
    ),
    locative_near=_c(r"\b(?:in|im|nach|aus|bei|nahe|um|hauptstadt|metropole)\b(?:\s+[\w-]+){0,3}\s*$"),
    passive_marker=_c(r"\b(?:wurde|wurden|worden|durch)\b"),
)
register(LEXICON)
