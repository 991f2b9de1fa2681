"""English lexicon: trigger words, modality cues, role cues, temporal words.

The same `Lexicon` structure as the German one, filled for 2014–2018 English wire and
newspaper copy (Reuters, AP, AFP, BBC, Guardian, Al Jazeera, NYT). Every pattern runs over
the lower-cased text (`normalize.lowered`, same offsets). English word order (subject-verb-
object, auxiliaries before the verb, "to" infinitives) needs no logic of its own; where the
logic reads a language word it reads a field of this lexicon.
"""

from __future__ import annotations

import re

from domain.extraction.lexicon import (
    CAPITAL,
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


def _c(pattern: str) -> re.Pattern[str]:
    """A clause or context pattern (runs over lower-cased text; alternations factored)."""
    return re.compile(factor(pattern))  # alternations factored: same matches, faster


def _lw(pattern: str) -> WordPattern:
    """A whole-article word pattern (leading \\b checked per match: much faster)."""
    return WordPattern(pattern)


_WEEKDAY_WORD = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"

# triggers ----------------------------------------------------------------------

# a body named after talks ("High Negotiations Committee", "the negotiations team"): an actor, not talks
_TALKS_BODY = (
    r"(?!\s+(?:committee|commitee|commission|council|body|team|delegation|panel|chief|chiefs|co-sponsors?|"
    r"sponsors?|guarantors?|hosts?)\b)"
)
_TALK_NOUNS = (
    r"talks"
    + _TALKS_BODY
    + r"|negotiations"
    + _TALKS_BODY
    + r"|summit(?:s|ry)?|consultations|round\s+of\s+(?:talks|negotiations|consultations)|"
    r"(?:tele)?phone\s+(?:call|conversation)s?|video\s+(?:call|conference)|peace\s+conference|"
    r"face-to-face\s+meeting|conference\s+call|closed-door\s+meeting|trilateral\s+meeting|bilateral\s+meeting"
)
_TALK_VERBS = (
    r"met|meets|meet|meeting\s+with|negotiated|negotiating|negotiate|telephoned|phoned|conferred|"
    r"(?:spoken|speak|speaks)\s+(?:by\s+(?:tele)?phone|on\s+the\s+(?:tele)?phone)|"
    r"spoke\s+(?:by\s+(?:tele)?phone|on\s+the\s+(?:tele)?phone|with|to\s+(?!reporters|journalists|the\s+press|"
    r"the\s+media|a\s+news|state\s+(?:tv|television|media)|parliament|lawmakers|students|supporters|"
    r"crowds?|the\s+crowd|troops|soldiers))|"
    r"talked\s+(?:by\s+(?:tele)?phone|with|to)|sat\s+down\s+with|held\s+(?:a\s+)?(?:(?:tele)?phone\s+)?"
    r"(?:talks|discussions|a\s+meeting|meetings|a\s+call|consultations)|shuttled\s+between"
)
_TALK_WEAK = (
    r"meeting|meetings|discussed|discussions|(?:a|the)\s+call\s+with|dialogue|"
    # a host receiving a leader at a seat of government: "Obama welcomed al-Abadi to the White House"
    r"(?:welcomed|received|hosted)(?=\s+(?:[\w.'-]+\s+){1,7}?(?:to|at|in)\s+(?:the\s+)?(?:white\s+house|kremlin|"
    r"elysee|élysée|chancellery|downing\s+street|oval\s+office|presidential\s+palace)\b)"
)
_AGREEMENT_OBJECT = (
    r"deal|agreement|accord|plan|roadmap|framework|cease-?fire|truce|statement|declaration|text|settlement|"
    r"exchange|swap|withdrawal|pause|document|memorandum|communiqu\w+|principles|terms"
)
# "agreed" states an agreement between parties with its object or partner ("agreed on a plan", "agreed
# with Russia", "agreed a truce", "the two sides agreed."), not a consent to act ("agreed to help")
_AGREED = (
    r"agreed(?=(?:\s+on\s+(?:" + _WEEKDAY_WORD + r")\b)?"  # "agreed on Tuesday to halt": the day, then what
    r"(?:\s+(?:on|upon)\s+(?!" + _WEEKDAY_WORD + r")|\s+(?:with|that)\b|"
    r"\s+to\s+(?:a|an|the|hold|meet|resume|start|begin|open|end|halt|stop|cease|respect|implement|exchange|"
    r"swap|withdraw)\b|\s+(?:(?:a|an|the|on\s+a|on\s+an|on\s+the)\s+)?(?:[\w-]+\s+){0,2}(?:"
    + _AGREEMENT_OBJECT
    + r")\b|\s*[.;]|\s+(?:late|early|overnight|after)))"
)
_AGREE = (
    _AGREED + r"|reached\s+(?:an?\s+|the\s+)?(?:deal|agreement|accord|understanding)|struck\s+(?:a|the)\s+deal|"
    r"signed\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:deal|agreement|accord|document|memorandum)"
)

_CEASEFIRE_NOUNS = (
    r"(?:cease-?fires?|truces?|armistice|(?:nationwide\s+|full\s+|complete\s+)?cessation\s+of\s+hostilities|"
    r"humanitarian\s+(?:pause|truce|ceasefire)s?|suspension\s+of\s+hostilities|halt\s+to\s+(?:the\s+)?fighting|"
    # an order to stop: "ordered their rival forces to cease hostilities"
    r"ceas(?:e|ed|ing)\s+(?:all\s+)?hostilities|"
    # the Syrian government's term for a temporary truce
    r"regimes?\s+of\s+(?:calm|silence|quiet)|"
    r"(?:deal|agreement|accord)\s+to\s+(?:end|halt|stop)\s+(?:the\s+)?(?:fighting|hostilities))"
)

# "would begin", "is due to take effect": how a declared truce's start is reported
_CEASEFIRE_START = (
    r"(?:would|will|is\s+to|are\s+to|(?:is|are)\s+due\s+to|was\s+to|were\s+to|was\s+due\s+to|were\s+due\s+to)\s+"
    r"(?:begin|start|take\s+effect|come\s+into\s+(?:force|effect)|go\s+into\s+effect|enter\s+into\s+force)"
)
_OFF_STRONG_NOUNS = (
    r"air\s*strikes?|air\s+raids?|airstrikes?|bombing\s+(?:campaign|raids?)|bombardments?|shelling|"
    r"sieges?|counter-?offensives?|ground\s+offensives?|military\s+offensives?|all-out\s+offensive|"
    r"(?:ground|military)\s+operations?|missile\s+strikes?|drone\s+strikes?|rocket\s+attacks?|"
    r"(?:chemical(?:\s+weapons?)?|gas|mortar|missile|drone|artillery)\s+attacks?|"
    r"artillery\s+(?:fire|barrages?)|incursions?|onslaught"
)
_OFF_STRONG_VERBS = (
    r"captured|capturing|captures|recaptured|recapturing|recaptures|seized|seizing|seizes|retook|retaken|"
    r"retaking|retakes|stormed|storming|besieged|besieging|shelled|shelling|bombarded|bombarding|bombed|"
    r"pounded|pounding|overran|overrun|overrunning|encircled|encircling|invaded|storm|capture|seize|retake|"
    r"recapture|besiege|bombard|overrun|encircle|invade|"
    r"(?:closed|closing|close|closes)\s+in\s+on|"
    # "have been bombing", "resumed bombing": the verb, not the noun of a "bombing" (one blast)
    r"(?:been|are|were|is|was|began|begun|started|continued|kept|resumed)\s+bombing|"
    r"advanced\s+(?:on|into|to|towards?|deeper|further)|advancing\s+(?:on|into|towards?)|"
    r"pushed\s+(?:into|towards?|deeper|further|through)|pushing\s+(?:into|towards?|deeper)|"
    r"pressed\s+(?:on\s+with\s+)?(?:their|its|an|the|a)\s+(?:\w+\s+)?(?:assault|offensive|attack|advance)|"
    r"took\s+(?:full\s+)?control\s+of|seized\s+control\s+of|wrested\s+control|"
    r"swept\s+(?:into|through)|drove\s+\w+\s+out\s+of|carried\s+out\s+(?:\w+\s+)?(?:air\s*)?strikes|"
    r"(?:fell|falls)\s+to(?!\s+(?:the\s+)?(?:ground|floor|turf|grass|pitch|court|canvas|ice|deck|knees?|"
    r"bottom|lowest|record|\d|its|their|his|her|a\s+(?:low|record)))|liberated|(?:fired|launched|launching|firing)\s+(?:\d+\s+|dozens\s+of\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:missiles?|rockets?|shells|mortars?|mortar\s+rounds)\s+(?:at|into|on)|launched\s+(?:\w+\s+)?(?:air\s*)?strikes"
)
_OFF_WEAK = (
    r"offensives?|assaults?|attacks?|attacked|attacking|onslaught|advance|operation|strikes|struck|"
    r"raided|raiding|ambushed|ambushing|"
    r"took\s+(?:the\s+)?(?:town|city|village|villages|district|base|airport|province|area)|hit|"
    # "troops entered the town": weak, so an aid convoy entering a town needs an armed attacker
    r"entered\s+(?:the\s+)?(?:[\w-]+\s+)?(?:town|city|village|district|outskirts|neighbou?rhood|centre|center)|"
    # an incursion told by its movement: "Turkish tanks crossed into Syria" (weak: an armed subject decides)
    r"crossed\s+(?:the\s+border\s+)?into|rolled\s+into|"
    # "drove Islamic State out of Jarablus", "to drive the militants out of": taking a place from a foe
    r"dr(?:o|i)ve\s+(?:[\w-]+\s+){1,4}?out\s+of|driving\s+(?:[\w-]+\s+){1,4}?out\s+of|driven\s+out\s+of"
)

_RES_TRIGGERS = (
    r"vetoed|vetoes|vetoing|veto|blocked|blocking|blocks|voted\s+(?:down|against)|voting\s+against|"
    r"vote\s+against|failed\s+to\s+(?:pass|win|get|secure|garner|obtain|be\s+adopted|muster|adopt)|rejected|"
    r"(?:was|were)\s+defeated|did\s+not\s+pass|fell\s+short|(?:was|were)\s+not\s+adopted"
)

TRIGGERS = (
    TriggerRule(TALKS, _lw(r"\b(?:" + _TALK_NOUNS + r")\b"), "strong", name="talks_noun"),
    TriggerRule(TALKS, _lw(r"\b(?:" + _TALK_VERBS + r")\b"), "strong", name="talks_verb"),
    TriggerRule(TALKS, _lw(r"\b(?:" + _TALK_WEAK + r")\b"), "weak", name="talks_weak"),
    TriggerRule(TALKS, _lw(r"\b(?:" + _AGREE + r")\b"), "agreement", name="talks_agreement"),
    TriggerRule(CEASEFIRE, _lw(r"\b" + _CEASEFIRE_NOUNS + r"\b"), "strong", name="ceasefire_noun"),
    TriggerRule(OFFENSIVE, _lw(r"\b(?:" + _OFF_STRONG_NOUNS + r")\b"), "strong", name="offensive_noun"),
    TriggerRule(OFFENSIVE, _lw(r"\b(?:" + _OFF_STRONG_VERBS + r")\b"), "strong", name="offensive_verb"),
    TriggerRule(OFFENSIVE, _lw(r"\b(?:" + _OFF_WEAK + r")\b"), "weak", name="offensive_weak"),
    TriggerRule(RESOLUTION, _lw(r"\b(?:" + _RES_TRIGGERS + r")\b"), "strong", name="resolution_blocked"),
)

_SPORT = (
    r"goals?|goalkeeper|striker|midfielder|coach|manager|premier\s+league|champions\s+league|league|"
    r"match(?:es)?|half-time|halftime|kick-off|season|title|tournament|championship|world\s+cup|"
    r"innings|wicket|touchdown|quarterback|playoffs?|semi-final|final\s+whistle|penalty|scored|fixture|"
    r"seeded|grand\s+slam|set\s+point|stadium|fans|squad|defence\s+has|defense\s+has"
)
TRIGGER_EXCLUSIONS = {
    TALKS: _c(
        # a standing role, not a meeting: "Qatar has acted as a mediator in the talks"
        r"\b(?:has|have|had)\s+(?:long\s+|so\s+far\s+)?(?:acted|served|been\s+active)\s+as\s+(?:a\s+|the\s+)?"
        r"(?:mediators?|brokers?|go-betweens?)\b|"
        r"\b(?:trade|merger|takeover|wage|pay|contract|coalition|budget|brexit|tariff|labou?r|salary|"
        r"acquisition|buyout|licensing|transfer|sponsorship|debt|bailout|climate|nuclear\s+power|"
        r"tax|pension|(?<!european\s)(?<!african\s)union)\s+(?:\w+\s+)?(?:talks|negotiations|deal|discussions)|"
        r"\b(?:shareholders?|investors?|analysts?|shares|stock|takeover|merger|acquisition|chief\s+executive|"
        r"ceo|premier\s+league|transfer\s+window|" + _SPORT + r")\b|"
        r"\bmet\s+(?:with\s+)?(?:resistance|opposition|criticism|fierce|stiff|heavy|little|no\s+resistance|"
        r"the\s+(?:deadline|target|criteria|requirements|demand))|"
        r"\b(?:meeting|met)\s+(?:the\s+)?(?:deadline|target|goal|demand|needs|criteria|requirements|expectations)"
    ),
    OFFENSIVE: _c(
        r"\b(?:charm|marketing|advertising|sales|publicity|diplomatic|media|pr|legal|political)\s+offensive\b|"
        r"\b(?:heart|panic|asthma|cyber|hacker|hacking|shark|dog|acid)\s*attacks?\b|"
        r"\b(?:" + _SPORT + r")\b|"
        r"\bseiz\w*\s+(?:on|upon|power|the\s+initiative|the\s+opportunity|the\s+moment|(?:\w+\s+)?(?:weapons|"
        r"drugs|cocaine|heroin|assets|documents|passports|cash|shipments?|cargo|property|funds|goods|"
        r"contraband|ammunition|arms\s+cache))|"
        r"\bcaptur\w*\s+(?:the\s+)?(?:imagination|attention|mood|spirit|image|images|footage|moment|"
        r"hearts|market|essence)|\bcaptured\s+on\s+(?:camera|film|video|tape)|"
        r"\bstorm(?:ed|ing)?\s+(?:off|out)|\bpush\w*\s+(?:for|back\s+against)|"
        r"\b(?:brain|winter|tropical|snow|dust|ice)\s+storm|\bstrikes?\s+(?:by|at\s+the)\s+(?:\w+\s+)?"
        r"(?:workers|unions?|teachers|doctors|pilots|staff)|\b(?:workers|unions?|teachers|doctors|pilots)\s+"
        r"(?:\w+\s+)?(?:strike|strikes|struck)|\bgeneral\s+strike|hunger\s+strike|"
        # police work against criminals: "police stormed the bank and captured the robbers"
        r"\b(?:robbers?|burglars?|thieves|gangsters?|drug\s+(?:lords?|dealers|traffickers)|fugitives?|poachers|"
        r"hostage-takers?)\b|\bpolice(?:men)?\s+(?:\w+\s+)?(?:stormed|raided|seized|captured)\b"
    ),
    CEASEFIRE: _c(r"$^"),
    RESOLUTION: _c(
        r"\b(?:congress|senate|house\s+of\s+(?:representatives|commons|lords)|parliament|lawmakers|"
        r"legislators|shareholders|board|court|judge|regulators?|city\s+council|committee\s+of)\b"
    ),
}

CEASEFIRE_REALISED = _c(
    r"\b(?:agreed|agree|agrees|agreeing|agreement\s+on|announced|announces|announcing|declared|declares|declaring|"
    r"signed|signs|signing|"
    r"brokered|reached|struck|took\s+effect|takes\s+effect|came\s+into\s+(?:force|effect)|"
    r"went\s+into\s+effect|in\s+(?:force|effect|place)|began|begun|started|ordered|accepted|accepts|"
    r"approved|negotiated|unveiled|proclaimed|called\s+(?:a|an)\b|sealed|clinched|hammered\s+out|"
    r"agreed\s+to|agreed\s+on|endorsed|implement|implementing|came\s+into\s+being|"
    # "had lasted seven days": a truce that lasted a stated time existed, however it ended
    r"lasted\s+(?:for\s+)?(?:\w+\s+){1,2}(?:days|weeks|months)|" + _CEASEFIRE_START + r")\b"
)
CEASEFIRE_ANNOUNCE_OK = _c(r"\b(?:announced|announces|" + _CEASEFIRE_START + r")\b")

RESOLUTION_CONTEXT = _c(
    r"\b(?:resolutions?|drafts?|draft\s+text|text|measure|motion|proposal)\b|"
    r"security\s+council\b.*\bsanctions?\b|\bsanctions?\b.*\bsecurity\s+council"  # sanctions blocked in the council
)
RESOLUTION_BODY = _c(
    # "U.N." or "UN" as a word: not the start of "union", "until", "under"
    r"\b(?:security\s+council|u\.n\.?|un\b|united\s+nations|general\s+assembly|permanent\s+members?|"
    r"council|veto-wielding|five\s+permanent)"
)
RESOLUTION_MUTUAL = _c(r"\b(?:each\s+other'?s|one\s+another'?s|rival\s+resolutions|competing\s+resolutions)\b")
SPONSOR_CUE = _c(
    r"(?:\b(?:drafted|put\s+forward|proposed|sponsored|co-sponsored|submitted|tabled|circulated|written|"
    r"introduced|presented|penned|authored)\s+by\s+(?:the\s+)?$)|"
    r"(?:\b(?:resolution|draft|text|measure)\s+(?:by|from)\s+(?:the\s+)?$)"
)
SPONSOR_AFTER = _c(
    r"^(?:-(?:drafted|sponsored|proposed|authored|led\s+(?:draft|resolution|text)))|"
    r"^(?:'s)?\s+(?:(?:rival|own|draft|new|revised|alternative|competing)\s+)*(?:draft|resolution|text|proposal)\b"
)
BLOCKER_BEFORE = _c(r"\bveto(?:es)?\s+(?:by|from|of)\s+(?:the\s+)?$")
ABSTAINED_AFTER = _c(r"^(?:\s*(?:,|and)\s*(?:the\s+)?[\w-]+)*\s+(?:abstained|abstaining|abstains)\b")
ABSTAINED_BEFORE = _c(r"\b(?:abstention|abstentions)\s+(?:by|from|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")
PLACE_OF_ACTOR_AFTER = _c(
    r"^(?:\s+rebel)?(?:-held|-controlled)?\s+(?:areas?|regions?|towns?|cities|city|border|provinces?|territory|villages?)\b"
)
FAILED_WITH_DRAFT = _c(r"$^")
COORDINATION_GAP = _c(r"\s*(?:,\s*(?:and\s+)?|\band\b|\bas\s+well\s+as\b)\s*(?:the\s+)?")
RESOLUTION_NOUN = _c(r"\b(?:resolutions?|drafts?|draft\s+text|measure|motion|proposal)\b")
TOPIC_PREPOSITION = _c(r"\b(?:on|about|against|over|condemning|concerning|regarding|targeting|to\s+sanction|for)\b")
VETO_VERB = _c(
    # "cast its fifth veto", "used its 12th veto on Syria": the ordinal between
    r"\b(?:vetoed|vetoes|vetoing|used\s+(?:its|their|his|her|a|the)\s+(?:[\w-]+\s+)?veto|"
    r"cast\s+(?:its|their|a|the)\s+(?:[\w-]+\s+)?veto|exercised\s+(?:its|their|a|the)\s+(?:[\w-]+\s+)?veto|veto\s+(?:power\s+)?to\s+(?:block|protect|shield|stop|kill)|"
    r"blocked|block|rejected|struck\s+down|killed)\b"
)

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
CUES = {
    "negated": _c(
        r"\b(?:not|cannot|no|never|neither|nor|without|failed|fail|fails|failing|refused|refuses|refusing|"
        r"cancell?ed|cancell?ing|called\s+off|denied|denies|declined\s+to|ruled\s+out|rule\s+out|"
        r"yet\s+to|instead\s+of|refrain\w*|excluded|exclude|excludes|excluding|barred\s+from|shut\s+out\s+of|"
        r"left\s+out\s+of)\b|n't\b"
    ),
    "broken": _c(
        r"\b(?:broke\s+down|broken\s+down|break\s+down|breaks\s+down|collapsed?|collapsing|suspended|suspend|"
        r"suspends|stalled|stall|postponed|postpone|postpones|postponement|delayed|delay|adjourned|"
        r"ended\s+without|walked\s+out|pulled\s+out|withdrew\s+from|violat\w+|breach\w*|abandoned|scrapped|"
        r"torn\s+up|unravell?(?:ed|ing)|fell\s+apart|faltered|crumbled|ended\s+in\s+failure|deadlocked|"
        r"stalemate|boycott\w*|torpedo\w*|derail\w*|scuttl\w*|sabotag\w*|wreck(?:ed|ing|s)?)\b"
    ),
    "planned": _c(
        r"\b(?:"
        + _CEASEFIRE_START
        + r"|will|shall|going\s+to|plan\s+to|plans|planned|planning|intends?|intended|intending|expected|"
        r"due\s+to|due\s+(?:on|in|next)|scheduled|set\s+to|to\s+be\s+held|upcoming|forthcoming|"
        r"next\s+(?:week|month|round|year|" + _WEEKDAY + r")|later\s+this|in\s+the\s+coming|"
        r"prepar(?:e|es|ed|ing)\s+(?:for|to|an?|the|its|their)|poised\s+to|on\s+the\s+verge\s+of|"
        r"gearing\s+up|invited|invites|invitation|proposed|propose|proposes|"
        r"ahead\s+of|tomorrow|aims?\s+to|aimed\s+at|bid\s+to|would\s+(?:be\s+)?held|set\s+for|"
        r"slated|pencilled|penciled|could\s+take\s+place|supposed\s+to|meant\s+to)\b|'ll\b"
    ),
    "demanded": _c(
        # "called on Russia", not "a phone call on Tuesday"
        r"\b(?:call(?:s|ed|ing)?\s+(?:for|on(?!\s+(?:"
        + _WEEKDAY_WORD
        + r")\b))|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|appeal(?:s|ed|ing)?|"
        r"press(?:es|ed|ing)?\s+for|push(?:es|ed|ing)?\s+for|insist(?:s|ed|ing)?|ask(?:s|ed|ing)?\s+(?:for|to)|"
        r"request(?:s|ed|ing)?|seek(?:s|ing)?|sought|wants?|wanted|lobb\w+|advocat\w+|pleaded|plead\w*)\b"
    ),
    "conditional": _c(
        r"\b(?:if|unless|would(?!\s+(?:begin|start|take\s+effect|come\s+into|go\s+into|enter\s+into))|could|might|should|whether|provided\s+that|in\s+case|possible|possibly|"
        r"potential(?:ly)?|likely|unlikely|can)\b|"
        # the month ("in May", "since May", "late May") is no modal
        r"(?<!\bin\s)(?<!since\s)(?<!until\s)(?<!\bof\s)(?<!early\s)(?<!\blate\s)(?<!\blast\s)(?<!\bthis\s)"
        r"(?<!\bby\s)(?<!from\s)(?<!during\s)(?<!mid-)(?<!\bmid\s)\bmay\b(?!\s+\d)"
    ),
    "hypothetical": _c(
        r"\b(?:hope|hopes|hoped|hoping|hopeful|wish\w*|threat\w*|warn\w*|vow\w*|pledg\w*|promis\w*|"
        r"consider\w*|mull\w*|weigh\w*|ready\s+to|willing\s+to|prepared\s+to|intention|fear\w*|"
        r"expect\w*|must|need\s+to|needs\s+to|needed\s+to|necessary|envisag\w*(?!\s+to\s+(?:negotiate|discuss|agree|settle|produce|draft|deliver))|contemplat\w*|"
        r"would-be|imminent|looming|rul(?:e|ed|es|ing)\s+out)\b"
    ),
    "denied": _c(r"\b(?:denied|denies|deny|denying|rejected\s+(?:reports|claims|allegations))\b"),
}
# a goal named after the trigger is the event's aim, not its mood: "held talks on Wednesday aimed at agreeing"
CUES["planned_goal"] = _c(r"\b(?:aims?\s+to|aimed\s+at|bid\s+to|so\s+as\s+to|in\s+order\s+to)\b")
# an event already told, now the cause of what followed: "The airstrike has prompted the U.S. to review ..."
CUES["consequence_after"] = _c(
    r"^(?:\s+[\w-]+){0,3}?\s+(?:has\s+|have\s+|had\s+)?(?:prompted|sparked|triggered|provoked|drew|"
    r"led\s+to|caused\s+outrage)\b"
)
# a plan cue before a noun phrase qualifies that phrase only: "Ahead of planned talks, Russia launched
# drones" plans the talks, not the drone attack (the phrase ends at a preposition or punctuation)
CUES["planned_attributive"] = _c(r"\b(?:planned|proposed|upcoming|forthcoming|scheduled|ahead\s+of)\b")
# background told in passing: a cause ("..., due largely to gains by the army backed by Russian air strikes")
# or a pluperfect relative clause with a past marker ("Egypt, which had brokered the last truce in 2012")
CUES["background_relative"] = _c(
    r"^\W*(?:due\s+(?:\w+\s+)?to|because\s+of|owing\s+to|thanks\s+(?:\w+\s+)?to)\b|"
    # history dated back from the news: "Two years after the jihadists seized the city, ..."
    r"^\W*(?:\w+|\d+)\s+(?:years?|decades?|months)\s+(?:after|since)\b|"
    # a state lasting for years: "Havana, where peace talks have been held for four years"
    r"\b(?:have|has|had)\s+been\s+(?:held|going\s+on|under\s+way|underway|taking\s+place|running|besieged|"
    r"encircled|under\s+(?:[\w-]+\s+)?(?:siege|blockade|bombardment))\s+"
    r"(?:in\s+\w+\s+)?(?:for|since)\s+(?:\w+\s+){0,2}(?:years?|decades?|months)\b|"
    r"^\W*(?:(?:in|at|from|to|of|on|by|with)\s+)?(?:which|who|whom|whose)\b(?=[^.;:]*\bhad\b)"
    r"(?=[^.;:]*\b(?:(?:19|20)\d\d|then|previously|once|formerly|last\s+(?:year|month))\b)"
)
# three distinct words of these make a match report: only a named state or armed group makes it an event
CUES["sports_article"] = _c(
    r"\b(?:touchdowns?|quarterback|receivers?|linebackers?|super\s+bowl|nfl|nba|playoffs?|halftime|half-time|"
    r"goalkeeper|striker|midfielder|premier\s+league|champions\s+league|world\s+cup|innings|wickets?|"
    r"stadium|referee|scored|football|soccer|basketball|baseball|tennis|rugby|cricket|coach|season|"
    r"fixture|penalty|kick-off|tournament|championship)\b"
)
# the war's parties spoken of without a name: "the two sides", "the two men" (two named leaders just before)
GENERIC_PARTIES = _c(
    r"\b(?:both\s+sides|the\s+two\s+(?:sides|men|leaders|parties|rivals|camps|delegations|presidents|"
    r"ministers|countries|governments)|the\s+warring\s+(?:sides|parties|factions)|the\s+parties\s+to\s+the\s+"
    r"(?:conflict|war)|the\s+rival\s+(?:sides|factions|leaders))\b"
)
GOVERNING_CUES = _c(
    r"\b(?:call(?:s|ed)?\s+(?:on(?!\s+(?:"
    + _WEEKDAY_WORD
    + r")\b)|for)|urg\w*|demand\w*|want\w*|hop\w*|plan\w*|threaten\w*|warn\w*|"
    r"propos\w*|vow\w*|pledg\w*|promis\w*|expect\w*|intend\w*|seek\w*|insist\w*|ask\w*|if|unless|whether|"
    r"would|will|could|should|ready|willing|prepared|den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?)\b[^,;:]{0,60}$"
)
# "the captured towns", "the besieged city": a participle qualifying a noun presupposes an earlier event
ATTRIBUTIVE_BEFORE = _c(
    r"\b(?i:the|a|an|its|their|his|her|these|those|many|several|some|into|to|in|for|from|of|with|and)\s+"
    r"(?:(?:recently|newly|previously|already|long)\s+)?$"
)
ATTRIBUTIVE_AFTER = _c(r"\s+(?:[a-z][\w-]*\s+)?[a-z]")

NOMINAL_BLOCK = _c(
    r"\b(?:end|collapse|breakdown|suspension|resumption|preparations?|postponement|cancell?ation|calls?|"
    r"proposals?|breach(?:es)?|violations?|monitoring|implementation|extension|renewal|prospects?|hopes?|"
    r"chances?|future|plans?|invitations?|demands?|push|bid|offer|offers|idea|date|venue|agenda|"
    r"boycott|failure|pressure|preconditions?|conditions?|basis|framework|roadmap|timetable)\s+"
    r"(?:of|for|to|on|at)\s+(?:(?:a|an|the|any|new|fresh|renewed|further|more|such|\w+)\s+){0,3}$|"
    r"\b(?:to|would|will|could|must|should|can)\s+(?:\w+\s+)?(?:start|begin|resume|hold|restart|join|attend|"
    r"starting|beginning|resuming|holding|restarting|joining|attending|reviving|salvaging|rescuing|securing|"
    r"convene|reconvene|host|open|prepare\s+for|extend|monitor|enforce|consolidate|salvage|revive|"
    r"rescue|save|secure|broker|negotiate|reach|achieve|restore|"
    r"establish|work\s+toward|work\s+towards|pave\s+the\s+way\s+for|lay\s+the\s+groundwork\s+for)\s+"
    r"(?:(?:a|an|the|new|fresh|lasting|durable|\w+)\s+){0,2}[\"“']?$|"
    # only spoken of: "asked to comment on the talks", "the outcome of the summit"
    r"\b(?:comment(?:ed|ing)?\s+on|asked\s+about|reacting\s+to|(?:outcome|results?|aftermath|nature|significance|importance)\s+of)\s+"
    r"(?:(?:the|a|an|this|last\s+week's|[\w-]+'s)\s+)?(?:[\w-]+\s+)?$|"
    r"\bahead\s+of\s+(?:\w+\s+){0,2}$|\bbefore\s+(?:the\s+)?(?:\w+\s+)?$|"
    # "the delegations attending the talks": talks referred to, not reported
    r"\b(?:attending|joining|boycotting)\s+(?:the\s+)?(?:[\w-]+\s+)?$|"
    # who goes there: "was sending its special envoy to the peace talks"
    r"\b(?:envoys?|delegations?|delegates|representatives?|observers?)\s+to\s+(?:the\s+)?(?:[\w-]+\s+)?$|"
    # who a body is: "the committee representing the opposition at international peace talks"
    r"\brepresent(?:s|ed|ing)?\s+(?:[\w'-]+\s+){1,4}(?:at|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$|"
    r"\b(?:next|upcoming|planned|proposed|possible|future|previous|earlier|"
    r"past|former|failed|collapsed|short-lived|ill-fated)\s+(?:round\s+of\s+)?(?:\w+\s+)?$"
)
EVIDENTIAL_SOLLEN = _c(r"$^")

# English nouns are lower-case: the trigger words that are nouns, for the checks of nominal triggers
NOMINAL_WORD = _c(
    r"(?:" + _TALK_NOUNS + r"|" + _CEASEFIRE_NOUNS + r"|" + _OFF_STRONG_NOUNS + r"|offensives?|assaults?|attacks?|"
    r"onslaught|advance|operation|strikes|meetings?|discussions|dialogue|(?:a|the)\s+call\s+with)"
)
# the event only as a time frame or a prospect: "since Russian air strikes began", "despite the truce",
# "the threatened offensive"
NOMINAL_REFERENCE = _c(
    r"\b(?:since|during|before|after|following|despite|until|throughout|in\s+response\s+to|"
    r"in\s+retaliation\s+for|(?:victims|survivors|anniversary)\s+of)\s+(?:[\w'.-]+\s+){0,3}$"
)
NOMINAL_UNREALISED = _c(
    r"\b(?:planned|proposed|possible|threatened|expected|looming|imminent|impending|anticipated|potential|"
    r"prospective|feared|future|upcoming|mooted|promised|next)\s+(?:[\w-]+\s+){0,2}$|"
    # "Zelensky's participation in negotiations": taking part in talks in general (a bare plural), no round held
    r"\b(?:participation|involvement)\s+in\s+$"
)
SINCE_WHEN = _c(r"\bsince\s+(?:[\w-]+\s+){0,2}?(?:19|20)\d\d\s*,?\s+when\b")
# "agreed a truce", "agreed on Friday to implement a cessation of hostilities": the parties agreed one
CEASEFIRE_NOMINAL_OK = _c(
    r"\b(?:announced|agreed|declared)\s+(?:(?:on|last|this)\s+\w+\s+)?"
    r"(?:to\s+(?:implement|observe|respect|establish|declare|begin|start|enforce|introduce)\s+)?(?:[\w-]+\s+)?[\"“']?$"
)
CEASEFIRE_TOPIC_BEFORE = _c(
    r"\b(?:talks|negotiations|consultations|discussions|summit|conference|meeting|mediation|efforts|"
    r"initiative|push|bid)\s+(?:on|over|for|about|towards?|aimed\s+at)\s+(?:[\w-]+\s+){0,3}$"
)
CEASEFIRE_TOPIC_AGREED = _c(
    r"\b(?:agreed|agreement|reached|signed|sealed|brokered|took\s+effect|came\s+into\s+force)\b"
)
# a reaction to an attack or truce reported elsewhere: "condemned the shelling", "welcomed the truce"
REACTION_CLAUSE = _c(
    r"\b(?:condemn\w*|denounc\w*|welcom\w*|criticis\w*|criticiz\w*|deplor\w*|praised|hailed|"
    r"mourn(?:s|ed|ing)?\b|"  # not "a hall packed with mourners"
    r"slammed|decried|lamented)\b"
)
# an offensive stopped, not launched: "halted the offensive", "an end to the air strikes"
OFFENSIVE_STOPPED = _c(r"\b(?:halted|stopped|suspended|called\s+off|paused|wound\s+down|scaled\s+back)\b")
OFFENSIVE_STOPPED_BEFORE = _c(
    r"\b(?:end|halt|suspension|cessation|pause|stop|stopping|halting|ending)\s+(?:of|to)\s+(?:the\s+)?(?:[\w-]+\s+)?$|"
    # "security forces ended a siege of the hotel", "the army lifted its siege": the siege is over
    r"\b(?:ended|lifted)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}$"
)
# "At the summit they failed to agree": the talks took place, whatever failed at them
TALKS_FRAME_BEFORE = _c(
    r"\b(?:at|during|on\s+the\s+sidelines\s+of)\s+(?:the|a|an|their|its|this|[\w-]+'s)\s+(?:[\w-]+\s+){0,2}$"
)
PAST_CLAUSE = _c(r"\b(?:was|were|had|did|failed|could\s+not|couldn't|ended)\b")
ZU_INFINITIVE = _c(r"$^")

CONFLICT_WORDS = _c(
    r"\b(?:wars?|warfare|conflicts?|rebels?|rebel-held|army|armies|troops|soldiers|militias?|militants?|"
    r"militiamen|cease-?fires?|truces?|military|air\s*strikes?|airstrikes?|fighting|clashes|terror\w*|"
    r"jihadi\w*|islamist\w*|extremist\w*|peace|insurgen\w*|separatists?|bomb\w*|air\s*raids?|sieges?|"
    r"besieged|security\s+council|offensives?|hostilities|warplanes|shelling|shelled|veto\w*|"
    r"forces|invasion|occupation|guerrillas?|paramilitar\w*|armed|fighters|battles?|front\s+lines?|"
    r"captured|seized|stormed|recaptured|retook|overran|syria\w*|yemen\w*|libya\w*|afghan\w*|iraq\w*|"
    r"ukrain\w*|donbas|crimea|aleppo|mosul|idlib|islamic\s+state|isis|isil|daesh|taliban|houthis?|"
    r"hezbollah|nusra|farc|kurdish|peshmerga|al-shabaab|boko\s+haram|al\s+qaeda|hamas|rockets?|missiles?|"
    r"mortars?|artillery|gunmen|attack\w*|drones?)\b"
)

_FORCE_NOUNS = r"(?:rebels|militias?|fighters|militiamen|forces|groups|troops|factions|units)"
GENERIC_FORCES = (
    GenericForce(
        _lw(
            r"\b(?:allied|pro-turkish|turkey-backed|turkish-backed|ankara-backed|pro-government|pro-regime|"
            r"loyalist|government-allied|regime-allied)\s+(?:\w+\s+)?" + _FORCE_NOUNS + r"\b"
        ),
        "allied",
    ),
    GenericForce(
        _lw(
            r"\b(?:rebels?|rebel\s+(?:fighters|groups?|forces|factions?|positions|units)|insurgents?|"
            r"separatists?|armed\s+opposition(?:\s+groups?)?|opposition\s+(?:fighters|groups|forces|factions)|"
            r"moderate\s+opposition|(?:rebel|opposition)\s+(?:delegations?|negotiators?|representatives|"
            r"commanders?|leaders|officials|spokesm[ae]n|sources)|anti-government\s+(?:fighters|forces|groups)|anti-assad\s+(?:rebels|"
            r"fighters|forces|groups)|guerrillas?)\b"
        ),
        "rebels",
        compound=_c(r"\brebel(?=-(?:held|controlled|dominated|run))"),
    ),
    GenericForce(
        _lw(
            r"\b(?:government\s+(?:forces|troops|soldiers|army|militias|units)|pro-government\s+forces|"
            r"regime\s+(?:forces|troops)|the\s+regime|army(?:\s+units)?|troops|soldiers|security\s+forces|"
            r"armed\s+forces|the\s+military|"
            # the government as the rebels' counterpart: "the government and the rebels agreed"
            r"(?<=the\s)government(?=\s+and\s+(?:the\s+)?(?:[\w-]+\s+)?(?:rebels|insurgents|separatists|"
            r"opposition|guerrillas|militias))|"
            # ... or beside or against another party: "the Houthis and the government", "talks with the government"
            r"(?:(?<=\band\sthe\s)|(?<=\bwith\sthe\s)|(?<=\bbetween\sthe\s))government(?!\s+(?:of|in)\b))\b"
        ),
        "government",
    ),
    GenericForce(
        # "Islamist rebels" are rebels: the adjective before a rebel noun is no group of its own
        _lw(
            r"\b(?:jihadists?|militants|islamists?(?!\s+(?:rebels?|rebel\s+\w+|insurgents?|opposition|"
            r"factions?|guerrillas?))|extremists|terrorists?)\b"
        ),
        "jihadists",
    ),
)

# roles ---------------------------------------------------------------------------

GOVERNMENT_IN = _c(r"\b(?:government|authorities|leadership|regime|administration)\s+(?:in|of)\s+$")
LOCATIVE_BEFORE = _c(
    r"\b(?:in|into|inside|across|throughout|from|near|around|towards?|within|over|at|outside|all\s+over|"
    r"parts\s+of|areas\s+of|north\s+of|south\s+of|east\s+of|west\s+of)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|northern|southern|eastern|western|central|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|north-?east|north-?west|south-?east|south-?west|rebel-held|war-torn|war-ravaged|neighbouring|neighboring|mountainous|"
    r"restive|remote|rural|coastal|oil-rich|northernmost|southernmost)\s+){0,2}$|"
    r"\b(?:city|town|capital|port|village|resort)\s+of\s+$|"  # "the Austrian city of Vienna": a place
    r"\bborders?\s+with\s+$|"  # "near the border with Iraq": a place
    # "in Yobe state, northeast Nigeria", "eastern Ukraine": a part of the country is a place
    r"(?:^|[\s,(])(?:north|south|east|west|northern|southern|eastern|western|north-?east(?:ern)?|"
    r"north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?)\s+$|"
    # "the largest city under their control in Iraq or Syria": the second of two places
    r"\b(?:in|into|inside|across|throughout)\s+(?:the\s+)?[\w-]+\s+or\s+(?:in\s+)?(?:the\s+)?$|"
    # "in the north of Syria", "across much of Mali": a part of the state, a place
    r"\b(?:in|across|throughout|over|into)\s+(?:the\s+|much\s+|most\s+)?(?:far\s+)?(?:north|south|east|west|"
    r"north-?east|north-?west|south-?east|south-?west|centre|center|heart|interior|rest|border\s+areas?)\s+of\s+"
    r"(?:the\s+)?$"
)
TOPIC_COMPOUND_AFTER = _c(
    r"^(?:-|\s+)(?:crisis|conflict|war|talks|peace|envoy|policy|resolution|question|issue|file|summit|"
    r"conference|ceasefire|truce|deal|accord|agreement|mission|contact\s+group|support\s+group|process|"
    r"negotiations|dossier|observers|monitors|committee)\b|"
    # where an organisation sits or a person comes from, no party: "the Britain-based Observatory"
    r"^-(?:based|born|headquartered|registered)\b"
)
SOURCE_BEFORE = _c(
    r"(?:\baccording\s+to\s+(?:the\s+)?(?:\w+\s+){0,2}|"
    r"(?:,|\bthe\s+\w+)\s+(?:said|says|told|reported|added)\s+(?:the\s+)?(?:\w+\s+){0,2})$"
)
# a headline or a line quoting a person: "Baerbock: ...", "Kerry: ..."
SPEAKER_COLON_AFTER = _c(r"^\s*:")
SOURCE_AFTER = _c(
    r"^(?:'s)?\s+(?:(?:human\s+rights\s+)?observatory|war\s+monitor|monitor|news\s+agency|state\s+media|"
    r"state\s+news\s+agency|state\s+television|state\s+tv|media|television|tv|"
    r"(?:\w+\s+)?(?:ministry|spokesman|spokeswoman)\s+(?:said|says|told))\b|"
    # the speaker of a closing attribution: "..., killing 12 people, the army said."
    r"^\s+(?:said|says|reported|added|announced|told\s+(?:[\w.]+\s+){1,2}?)(?:\s+(?:on\s+\w+|in\s+an?\s+(?:statement|communique|communiqué|interview)))*\s*[.;\"”]|"
    # the accuser reports: "the Houthi movement accused a Saudi-led coalition of launching air strikes"
    r"^(?:\s+[\w'-]+){0,3}?\s+(?:accused|accuses|accusing|blamed|blames|blaming)\b"
)
MEDIATOR_BEFORE = _c(
    r"(?:\bmediat\w+\s+(?:by|of)\s+(?:the\s+)?|\bbrokered\s+by\s+(?:the\s+)?|"
    r"\bunder\s+the\s+(?:auspices|aegis|chairmanship|mediation)\s+of\s+(?:the\s+)?|"
    r"\bhosted\s+by\s+(?:the\s+)?|\bfacilitated\s+by\s+(?:the\s+)?|\bco-?chaired\s+by\s+(?:the\s+)?|"
    r"\bmediators?\s+(?:from\s+)?(?:the\s+)?|\bguarantors?\s+(?:\w+\s+)?)(?:\w+\s+)?$"
)
SUPPORT_BEFORE = _c(
    r"(?:\b(?:backed|supported|aided|assisted|helped|covered)\s+by\s+|"
    r"\bwith\s+(?:the\s+)?(?:support|help|backing|cover|assistance)\s+(?:of|from)\s+|\balongside\s+|"
    r"\btogether\s+with\s+|\band\s+(?:their|its)\s+(?:\w+\s+)?(?:allies\s+)?|\band\s+)"
    r"(?:the\s+)?(?:\w+\s+)?$"
)
TARGET_BEFORE = _c(
    r"(?:\bagainst\s+|\b(?:positions|targets|strongholds?|bases?|fortifications|lines|units|convoys?|headquarters|"
    r"fighters|militants|territory|areas?|outposts?|hideouts?|camps?|enclaves?|stronghold)\s+(?:of|held\s+by|"
    r"controlled\s+by)\s+|\b(?:on|from|at|defeat|out\s+of)\s+|"
    r"\b(?:attacked|ambushed|bombed|shelled|struck|hit|targeted|raided|stormed)\s+(?:an?\s+)?|"
    # "an offensive targeting rebels": the participle's object
    r"\b(?:targeting|targeted|attacking|hitting|shelling|pounding|bombarding)\s+(?:both\s+)?(?:the\s+)?|"
    # "a coalition seeking to crush the jihadists", "to dislodge the rebels": whom the campaign is against
    r"\b(?:crush|crushing|crushed|rout|routed|routing|dislodge|dislodged|expel|expelled|oust|ousted|eliminate|"
    r"eradicate|wipe\s+out|drive\s+out|drove\s+out)\s+(?:the\s+)?|"
    # "an offensive to drive Islamic State from Mosul", "pushed the rebels out of"
    r"\b(?:drive|drives|drove|driving|driven|push|pushes|pushed|pushing|chase|chased|chasing)\s+(?:the\s+)?|"
    r"\b(?:directed|aimed)\s+at\s+(?:the\s+)?|"
    # "pushed into Mosul, battling Islamic State fighters": the foe fought
    # (not "fighting": "rebels fighting Assad" names the rebels, it reports no attack)
    r"\b(?:battling|battled|clashing\s+with|clashed\s+with)\s+(?:the\s+)?|"
    # the dead and wounded of the attack: "killing 12 soldiers", "wounding dozens of police officers"
    r"\b(?:killing|killed|wounding|wounded|injuring|injured)\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?"
    r"(?:\d+|dozens|scores|hundreds|a\s+dozen|two|three|four|five|six|seven|eight|nine|ten)\s+(?:of\s+)?|"
    # "districts held by rebels": the holder of what is attacked
    r"\b(?:held|controlled|run)\s+by\s+)"
    r"(?:the\s+)?(?:\w+\s+){0,2}$"
)
TARGET_AFTER = _c(
    # an abbreviation in brackets may come between: "Kurdistan Workers Party (PKK) targets"
    r"^(?:\s*\([^()]{1,12}\))?\)?(?:-held|-controlled|-occupied|-dominated|-run|\s+(?:held|controlled|occupied)\b|"
    r"(?:'s|')?\s+(?:last\s+|main\s+|major\s+|key\s+|remaining\s+|de\s+facto\s+)*(?:positions|targets|frontlines?|"
    r"strongholds?|fortifications|lines|bases?|outposts?|territory|areas?|enclaves?|"
    r"capital|hideouts?|defen[cs]es)\b)"
)
TALKS_TOPIC_BEFORE = _c(
    r"\b(?:about|on|over|against|regarding|concerning)\s+(?:(?:the|a|an)\s+)?(?:\w+\s+){0,3}$|"
    r"\bfight\s+against\s+(?:\w+\s+)?$|"
    # "the need for disengagement of opposition groups from terrorists"
    r"\b(?:disengagement|separation|situation|crisis|fate|future|withdrawal|coordination|prospects|issues|"
    r"question|status)\s+(?:[\w-]+\s+){0,3}?(?:of|from|in|for|including)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$|"
    # the talks' goal: "talks aimed at agreeing on how to separate militants from rebel fighters"
    r"\b(?:aimed\s+at|aims?\s+to|so\s+as\s+to|in\s+order\s+to|separat\w+|disengag\w+)\s+"
    r"(?:[\w'-]+\s+){0,4}?(?:(?:from|and)\s+)?(?:[\w'-]+\s+){0,2}$|"
    # what they discussed is the topic ("discussed Syria"), not who they discussed it with
    r"\bdiscuss(?:ed|es|ing)?\s+(?:the\s+)?(?:(?!with\b)[\w-]+\s+){0,2}$"
)
VISIT_BEFORE = _c(r"\b(?:visits?|visited|trip|tour|summit|meeting|conference)\s+(?:\w+\s+){0,2}(?:in|to)\s+$")
SUPPORTED_BEFORE = _c(r"$^")
SUPPORT_AFTER = _c(r"^-?\s*(?:backed|supported|trained|armed|aligned|allied)\b")
PURPOSE_CLAUSE = _c(r"^\W*(?:in\s+order\s+to|so\s+as\s+to|in\s+a\s+bid\s+to|aimed\s+at)\b")
CEASEFIRE_COMPLIANCE = _c(
    r"\b(?:abide\s+by|abiding\s+by|observe|observing|observed|respect|respecting|respected|uphold|upholding|"
    r"adhere\s+to|adhering\s+to|comply\s+with|complying\s+with|held|holding|hold|holds|largely\s+held|"
    r"monitor|monitoring|extend|extended|extending|consolidat\w+|salvage|shore\s+up|preserve|maintain)\b"
)
CASUALTY_FOLLOWUP = _c(
    r"\bin\s+the\s+(?:\w+\s+)?(?:fighting|attacks?|assault|offensive|strikes?|air\s*strikes?|raids?|"
    r"bombardment|shelling|clashes|battle|bombing|violence)\b|\bamong\s+the\s+(?:dead|victims|killed)\b|"
    r"\bdeath\s+toll\b|"
    # "The assault left at least 30 dead", "the strikes killed 12": the attack just reported
    r"^\W*the\s+(?:\w+\s+)?(?:attacks?|assault|offensive|strikes?|air\s*strikes?|raids?|bombardment|shelling|"
    r"bombing)\s+(?:left|killed|claimed)\b"
)
# "captured by X": the agent of a passive attack verb
# "were killed Tuesday by a Syrian air strike": a time word or two may come between participle and agent
PASSIVE_AGENT_BEFORE = _c(
    r"\b\w+(?:ed|en|wn|ught|ook|ut|ung)\s+(?:(?:on\s+)?[\w-]+\s+){0,2}?by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"
)
CASUALTY_TALLY = _c(
    r"\b(?:more\s+than|over|at\s+least|nearly|almost|some|about|around)\s+[\d,]+(?:\s+[\w-]+){0,3}\s+"
    r"(?:have|has)\s+(?:now\s+)?(?:been\s+killed|died)\b"
)
# "areas seized by the army", "the town besieged by rebels": the agent of an attack participle, also in a
# reduced relative clause with no auxiliary
ATTACK_AGENT_BEFORE = _c(
    r"\b(?:seized|captured|(?:re)?taken|retaken|recaptured|besieged|encircled|surrounded|attacked|bombed|"
    r"shelled|stormed|overrun|targeted|struck|raided|invaded|liberated|launched|led|waged|mounted|"
    r"carried\s+out|conducted|flown|staged|fired)\s+"
    r"by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$|"
    # the agent of an attack noun: "an airstrike by a Saudi-led coalition", "air strikes by Russian jets"
    r"\b(?:air\s*strikes?|airstrikes?|strikes?|attacks?|raids?|bombing|bombardment|shelling|offensive|assault|"
    r"incursion|advance)\s+by\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$|"
    # "blamed the air strikes on Syrian warplanes", "attributed the attack to IS": who is said to have attacked
    # ("have been blamed for increasing the toll on civilians" blames the subject)
    r"\b(?:blamed|blames|blaming|attributed|attributes|pinned)\s+(?!for\b)(?:(?!\bfor\b)[^,.;:]){0,60}?"
    r"\b(?:on|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"
)
ATTACKED_BY_AFTER = _c(
    r"^(?:\s+[\w-]+){0,2}?\s+(?:seized|captured|besieged|encircled|surrounded|attacked|bombed|shelled|"
    r"targeted|ambushed|overrun|trapped)\s+by\b"
)
# Where something took place: "in Munich", "at a Geneva hotel", "in the German city of Munich", "to Moscow";
# the words between "in" and the place qualify it (no preposition: "in talks with", "in the face of"), and
# "to" takes the place at once ("to recapture Aleppo" names the goal of an advance, not a venue).
VENUE_BEFORE = _c(
    r"\b(?:in|at|inside)\s+(?:the\s+|an?\s+)?(?:(?!(?:with|of|for|to|on|about|from|by|over|against|and)\b)"
    r"[\w-]+\s+){0,2}$|"
    r"\b(?:in|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:city|town|capital|resort|port|village|enclave)\s+of\s+$|"
    r"\bto\s+(?:the\s+)?$|\b(?:capital|city|resort|town|port)\s*,\s*$"
)
VENUE_ATTRIBUTIVE_AFTER = _c(r"^(?:-|\s+)(?:peace\s+)?(?:talks|meeting|summit|conference|negotiations)\b")
# an earlier attack the sentence refers to: "struck targets in Iraq days after a bombing in Ankara"
_REFERENCE_ATTACK_BEFORE = (
    r"\b(?:after|since|following|before)\s+(?:the|an?|last\s+\w+'s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|bombings?|massacres?|assassination|raids?|car\s+bomb(?:ing)?s?|suicide\s+bombings?)\s+"
    r"(?:in|at|on|near)\s+(?:the\s+)?(?:\w+\s+)?$"
)
PLACE_EXCLUDED_BEFORE = _c(
    r"\b(?:ministry|spokes(?:man|woman|person)|agency|headquarters|embassy|ambassador|envoy|correspondent|"
    r"reporter|journalists?|observers?|officials?|sources?|bureau|office|representatives?)\s+(?:\w+\s+)?"
    r"(?:in|from|to|at)\s+(?:the\s+)?$|"
    r"\b(?:government|leadership|situation|war|conflict|crisis|peace|future|people|population|refugees|"
    r"visit|trip|aid|evacuation|envoy|ambassador|policy|strategy|humanitarian|violence|bloodshed)\s+"
    # ("peace talks in Kuwait" names the venue: a talks word in between ends the exclusion)
    r"(?:(?!(?:talks|negotiations|conference|summit|meetings?|consultations)\b)\w+\s+){0,2}"
    r"(?:in|to|from|for|on|over|about|of)\s+(?:the\s+)?(?:\w+\s+)?$|"
    r"\b(?:about|for|over|against|regarding|concerning|from)\s+(?:the\s+)?(?:\w+\s+)?$|"
    # where someone is to go back to: "a commitment that the parties return to Geneva"
    r"\breturn(?:s|ed|ing)?\s+to\s+(?:the\s+)?$|"
    r"\b(?:end|halt|stop|ending|halting|stopping)\s+(?:to\s+)?(?:the\s+)?(?:fighting|war|conflict|violence|"
    r"hostilities|bloodshed)\s+in\s+(?:the\s+)?(?:\w+\s+)?$|"
    # where the speaker spoke: "a commander said in Istanbul", "told reporters in Geneva"
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?|speaking|announced|added|reported|wrote)\s+"
    r"(?:(?:on|late|early)\s+\w+\s+)?(?:in|from|at)\s+(?:the\s+)?$|" + _REFERENCE_ATTACK_BEFORE
)
REFERENCE_ATTACK_BEFORE = _c(_REFERENCE_ATTACK_BEFORE)
# "the attack on Israel", "rockets fired into Israel": the state named right after is attacked on its soil
ATTACK_ON_STATE_BEFORE = _c(r"\b(?:on|against|into)\s+(?:the\s+)?$")
STATE_TERRITORY_AFTER = _c(r"\s+(?:territory|soil)\b")
# "Both sides had agreed to it", "agreed to halt the fighting": the truce of the sentence before, or one itself
AGREEMENT_TRUCE_AFTER = _c(
    r"^(?:\s+on\s+\w+day)?\s+(?:to|on)\s+(?:(?:it|this|that)\b|(?:halt|stop|cease|end|suspend)\s+(?:the\s+|all\s+)?"
    r"(?:fighting|hostilities|attacks|combat|shelling|bombing|bombardment|offensive|clashes|air\s*strikes)\b)"
)
TRUCE_STATEMENT = _c(
    r"\b(?:" + _CEASEFIRE_NOUNS + r"|guns\s+(?:\w+\s+){0,2}?(?:fall|fell|go|went)\s+silent|"
    r"(?:halt|stop|cease|end|suspend)\s+(?:the\s+|all\s+)?(?:fighting|hostilities|attacks|combat))\b"
)
NATIONWIDE = _c(
    r"\b(?:nationwide|countrywide|across\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:country|syria|yemen|libya|"
    r"ukraine|afghanistan|iraq)|throughout\s+(?:the\s+)?country|(?:whole|entire)\s+country|all\s+of\s+syria)\b"
)
ANAPHORIC_PLACE = _c(
    r"\b(?:the\s+(?:[\w-]+\s+){0,3}(?:city|town|cities|towns|enclave|village|stronghold|port|area|region|"
    r"district|neighbourhood|neighborhood|airport)|there|its\s+outskirts|the\s+outskirts|suburbs?|"
    r"(?:eastern|western|northern|southern)\s+districts)\b"
)
VENUE_PLACES = frozenset(
    {
        "Geneva", "Vienna", "Astana", "Lausanne", "Munich", "Sochi", "Minsk", "New York City", "Montreux",
        "Brussels", "Paris", "Berlin", "London", "Rome", "Oslo", "Havana", "Skhirat", "Addis Ababa", "Doha",
        "Washington", "Washington, D.C.", "Moscow", "Istanbul", "Nur-Sultan", "Sharm el-Sheikh", "The Hague",
        "Stockholm", "Kuwait City", "Riyadh", "Palermo",
    }
)  # fmt: skip
# A seat of government or of a body named as the venue: its city (only after a locative preposition, so
# "the Kremlin said" or "the State Department announced" stay actors and sources).
VENUE_LANDMARKS = {  # city: (seat forms, words one of which a text naming the seat holds: a fast gate)
    "Washington": (
        r"white\s+house|state\s+department|pentagon|oval\s+office",
        ("white", "department", "pentagon", "oval"),
    ),
    "Moscow": (r"kremlin", ("kremlin",)),
    "Paris": (r"[ée]lys[ée]e(?:\s+palace)?|quai\s+d'orsay", ("lys", "orsay")),
    "London": (r"downing\s+street|number\s+10", ("downing", "number")),
    "Berlin": (r"chancellery\s+in\s+berlin|german\s+chancellery", ("chancellery",)),
    "Geneva": (r"palais\s+des\s+nations", ("palais",)),
    "New York City": (r"u\.?n\.?\s+headquarters|united\s+nations\s+headquarters", ("headquarters",)),
    CAPITAL: (r"presidential\s+(?:palace|state\s+house|residence)|state\s+house", ("presidential", "state house")),
}
VENUE_LANDMARK_PATTERNS = tuple(
    (_c(r"\b(?:at|in|inside|to)\s+(?:the\s+)?(?:" + forms + r")\b"), city, marks)
    for city, (forms, marks) in VENUE_LANDMARKS.items()
)
# "GENEVA Syria's ...", "MUNICH – Diplomats", "MOGADISHU, Somalia (AP) — ", "BAKU/YEREVAN A new ...": an
# upper-case city (the first of several), an optional country and agency credit, then the sentence.
DATELINE_PLACE = re.compile(
    r"(?m)^[ \t]*(?P<city>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2})(?:/[A-Z][A-Z./ '\-]*)?"
    r"(?:,[ \t]*[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*(?:[-–—]+[ \t]*)?(?=[A-Z\"'])"
)
SPEECH_PLACE_BEFORE = _c(
    r"\b(?:said|says|told\s+(?:reporters|journalists|(?:a|the)\s+(?:news\s+|press\s+)?\w+)|speaking|spoke|added|"
    r"wrote)\s+(?:(?:late\s+)?on\s+\w+\s+|\w+day\s+)?(?:in|at|from)\s+"
    r"(?:(?:a|the)\s+(?:news|press)\s+(?:conference|briefing)\s+in\s+)?(?:the\s+)?$"
)
CONFLICT_AREA_BEFORE = _c(
    r"\b(?:war|conflict|fighting|battle|clashes|hostilities|violence|front(?:\s+line)?|bloodshed|"
    r"cease-?fire|truce)\s+"
    # not past a meeting: "a ceasefire at talks in Geneva" names the talks' venue
    r"(?:(?!(?:talks|meeting|negotiations|summit|conference)\b)\w+\s+){0,2}(?:in|for|over|around|across)\s+"
    r"(?:the\s+)?(?:\w+\s+)?$"
)
LANDMARK_BEFORE = _c(
    r"(?:\bbetween\s+(?:\w+\s+){0,3}(?:and\s+)?|\b(?:north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?\s+of\s+(?:the\s+)?(?:\w+\s+)?|"
    r"\b\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:\(\d+\s+miles\)\s+)?(?:\w+\s+)?(?:of|from)\s+|"
    r"\bnear\s+(?:the\s+)?|\boutside\s+(?:the\s+)?|\btowards?\s+(?:the\s+)?|\bclose\s+to\s+(?:the\s+)?)$"
)
PRESENT_ONGOING = _c(
    r"\b(?:continu\w+|ongoing|still|now|currently|kept\s+up|keep\w*\s+up|(?:has|have)\s+been\s+\w+ing|"
    r"(?:is|are)\s+\w+ing|pressed\s+on|pressing\s+on)\b"
)


# dates -----------------------------------------------------------------------------

_MONTH = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_MONTH_FULL = r"january|february|march|april|may|june|july|august|september|october|november|december"
DATES: dict[str, Scanner] = {
    "explicit_day": _lw(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + _MONTH + r")\b\.?(?:,?\s+(\d{4})\b)?"),
    "month_day": _lw(r"\b(" + _MONTH + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!:)(?:,?\s+(\d{4})\b)?"),
    "iso_day": _lw(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
    "part_month": _lw(
        r"\b(early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|"
        r"start\s+of|the\s+middle\s+of|middle\s+of)[\s-]+(" + _MONTH_FULL + r")\b(?:,?\s+(\d{4})\b)?"
    ),
    "in_month": _lw(
        r"\b(?:in|since|until|by|from|during|last|this\s+past)\s+(" + _MONTH_FULL + r")\b(?:,?\s+(\d{4})\b)?|"
        r"\b(" + _MONTH_FULL + r"),?\s+(\d{4})\b"
    ),
    "month_to_date": _lw(r"\b(?:earlier\s+this\s+month|so\s+far\s+this\s+month|this\s+month)\b"),
    "month_start": _lw(r"\b(?:(?:at\s+)?the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+month|early\s+this\s+month)\b"),
    "month_mid": _lw(r"\b(?:the\s+middle\s+of\s+(?:the|this)\s+month|mid-month)\b"),
    "last_month": _lw(r"\b(?:last\s+month|the\s+previous\s+month|the\s+month\s+before)\b"),
    "weekday": _lw(r"\b(" + _WEEKDAY[3:-1] + r")(?:\s+(?:night|morning|evening|afternoon))?\b"),
    "weekend": _lw(r"\b(?:at|over|during|on)\s+the\s+weekend\b|\blast\s+weekend\b|\bthis\s+weekend\b"),
    "yesterday": _lw(r"\b(?:yesterday|last\s+night|overnight)\b"),
    "today": _lw(r"\b(?:today|tonight|this\s+morning|this\s+afternoon|this\s+evening)\b"),
    "ago": _lw(
        r"\b(?:(?:nearly|almost|about|around|some|more\s+than|over)\s+)?"  # "nearly two weeks ago"
        r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
        r"(days?|weeks?|months?)\s+ago\b"
    ),
    # "for days", "in recent days", "over the past few weeks": a span up to publication
    "since_span": _lw(
        r"\b(?:for|in\s+recent|over\s+(?:the\s+)?(?:past|last)(?:\s+few)?|in\s+the\s+(?:past|last)(?:\s+few)?)\s+"
        r"(days|weeks|months)\b|\b(days|weeks|months)\s+of\s+(?:fighting|bombardment|siege)"
    ),
    "last_week": _lw(r"\b(?:last\s+week|the\s+previous\s+week|the\s+week\s+before)\b"),
    "week_to_date": _lw(r"\b(?:earlier\s+this\s+week|so\s+far\s+this\s+week)\b"),
    "following": _lw(
        r"\b(?:in\s+the\s+(?:following|next)\s+(?:days|weeks)|in\s+the\s+days\s+(?:that\s+)?followed|"
        r"days\s+later|shortly\s+afterwards|shortly\s+after(?:wards)?\s+that|a\s+few\s+days\s+later)\b"
    ),
    "season": _lw(r"\b(?:in\s+)?(?:the\s+)?(spring|summer|autumn|fall|winter)\s+(?:of\s+)?((?:19|20)\d\d)\b"),
    "year": _lw(r"\b(?:in|since|during|of|throughout)\s+((?:19|20)\d\d)\b"),
    "last_year": _lw(r"\blast\s+year\b"),
}
_MONTH_GATE = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
DATE_GATES = {
    "explicit_day": _MONTH_GATE,
    "month_day": _MONTH_GATE,
    "part_month": _MONTH_GATE,
    "in_month": _MONTH_GATE,
    "month_to_date": ("this month",),
    "month_start": ("month",),
    "month_mid": ("month",),
    "last_month": ("month",),
    "weekday": ("day",),
    "weekend": ("weekend",),
    "yesterday": ("yesterday", "last night", "overnight"),
    "today": ("today", "tonight", "this "),
    "ago": (" ago",),
    "since_span": ("days", "weeks", "months"),
    "last_week": ("week",),
    "week_to_date": ("this week",),
    "following": ("follow", "later", "after"),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "year": ("19", "20"),
    "last_year": ("last year",),
}
WEEKDAY_PREFIX = _c(
    r"\b(on|since|from|by|until|till|last|next|this\s+coming|coming|overnight\s+(?:to|into)|"
    r"late\s+on|early\s+on|before|after)\s*$"
)
WEEKDAY_PREFIX_KINDS = {
    "next": "future", "this coming": "future", "coming": "future", "from": "future", "by": "future",
    "until": "future", "till": "future", "before": "future", "since": "since", "last": "past",
    "after": "past", "overnight to": "night", "overnight into": "night",
}  # fmt: skip
MONTH_PARTS = {
    "early": "start", "the beginning of": "start", "beginning of": "start", "the start of": "start",
    "start of": "start", "mid": "mid", "the middle of": "mid", "middle of": "mid", "late": "end",
    "the end of": "end", "end of": "end",
}  # fmt: skip
TIME_UNITS = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
}  # fmt: skip
FUTURE_CLAUSE = _c(
    r"\b(?:will|shall|would|is\s+to|are\s+to|due|scheduled|set\s+to|plans?|planned|expected|next|upcoming|"
    r"coming|begin|start|resume|take\s+effect|come\s+into|go\s+into|to\s+be\s+held)\b|'ll\b"
)
BACKGROUND_CLAUSE = _c(
    r"\b(?:previously|formerly|at\s+the\s+time|back\s+in|years?\s+ago|(?:\w+\s+)?years\s+earlier|once\s+held|"
    # "for the first time since 2014": the year is the last such event, not this one's
    r"in\s+(?:19|20)\d\d|(?<!\bfirst\stime\s)since\s+(?:19|20)\d\d)\b"
)

# casualties ------------------------------------------------------------------------

NUMBER_MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1000}  # "two dozen": 24, not 2
# Approximate amounts have no best estimate, only a low bound (plural: at least two of the unit).
NUMBER_APPROXIMATIONS = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000}
_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_COUNT = (
    r"\d{1,3}(?:,\d{3})+|\d+|(?:" + _TENS + r")[-\s](?:" + _UNITS + r")|hundred|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + _TENS + "|" + _UNITS
)
# "two dozen", "a dozen", "dozens", "20 to 30", "between 20 and 30", "20-30", or one count
_QUANTITY = (
    r"(?:" + _COUNT + r"|a|an)\s+(?:dozen|hundred|thousand)|dozens|scores|hundreds|thousands|"
    r"between\s+(?:" + _COUNT + r")\s+and\s+(?:" + _COUNT + r")|"
    r"(?:" + _COUNT + r")(?:\s*(?:-|–|to|or)\s*(?:" + _COUNT + r"))?"
)
CASUALTY_NUMBER = _c(
    r"\b(?:(?:at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to|a\s+total\s+of|another|"
    r"roughly|approximately|as\s+many\s+as|close\s+to)\s+)?"
    r"(" + _QUANTITY + r")\s+(?:of\s+)?"
    r"((?:[\w-]+\s+){0,2}?(?:people|persons|civilians|children|soldiers|troops|fighters|militants|rebels|"
    r"insurgents|jihadists|policemen|police|officers|women|dead|killed|wounded|injured|casualties|others|"
    r"members|residents|villagers|combatants|servicemen|personnel|gunmen|attackers|men|bodies|"
    r"militiamen|guards|pilgrims|worshippers|students|migrants|refugees|palestinians|israelis|ukrainians|"
    r"syrians|iraqis|afghans|yemenis|journalists|protesters|passengers))\b"
)
CASUALTY_AT_LEAST = _c(r"\b(?:at\s+least|a\s+minimum\s+of)\s+$")
CASUALTY_MORE_THAN = _c(r"\b(?:more\s+than|over|upwards\s+of|in\s+excess\s+of)\s+$")
CASUALTY_UP_TO = _c(r"\b(?:up\s+to|nearly|almost|as\s+many\s+as|close\s+to)\s+$")
CASUALTY_SUBGROUP = _c(
    r"\b(?:including|among\s+them|among\s+whom|among\s+the\s+(?:dead|victims|killed)|of\s+whom|of\s+them)\b"
)
NUMBER_RANGE_SPLIT = _c(r"^between\s+|\s*(?:-|–|\bto\b|\band\b|\bor\b)\s*")
CASUALTY_KILLED = _c(
    r"\b(?:killed|kill|kills|killing|dead|died|die|dies|death|deaths|lost\s+their\s+lives|slain|massacred|"
    r"executed|perished|fatalities|bodies|lifeless)\b"
)
CASUALTY_INJURED = _c(r"\b(?:wounded|wounding|injured|injuring|hurt|injuries)\b")
INJURED_COUNT = _c(
    r"\b(?:wounded|wounding|injured|injuring)\s+(?:(?:at\s+least|more\s+than|over|about|around|nearly|some|"
    r"up\s+to|another)\s+)?(" + _QUANTITY + r")(?!\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:people|civilians|children|"
    r"soldiers|troops|fighters|others|members|residents|policemen|police|officers))\b"
)
CASUALTY_BACKGROUND = _c(
    r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|conflict|war|uprising|fighting|(?:19|20)\d\d)|"
    r"\bin\s+total\b|\bso\s+far\b|\bto\s+date\b|\bsince\s+it\s+(?:began|started|erupted)|"
    r"\bsince\s+the\s+\w+\s+(?:began|started|erupted)|\bover\s+the\s+(?:past|last)\s+(?:\w+\s+)?years\b"
)
VICTIM_CIVILIAN = _c(r"civilian|children|women|residents|villagers|inhabitants|pilgrims|worshippers|students")
VICTIM_CHILD = _c(r"child")
VICTIM_KILLED = _c(r"dead|killed|bodies|deaths")
VICTIM_INJURED = _c(r"wounded|injured")

CLAUSE_SPLIT = re.compile(
    r"(?<!\d),|,(?!\d)|[;:()]|\s[–—-]+\s|[\"“”]|"
    r"\s(?=(?:that|which|who|whom|whose|while|whereas|because|although|though|but|unless)\s)|"
    # a second predicate of reporting: "... at talks in Geneva on Friday and said the talks may be reconvened"
    r"\s(?=and\s+(?:(?:he|she|they|it|later|also)\s+)?(?:said|says|told|added|warned|insisted|urged|stressed|"
    r"noted|announced|accused|called|vowed|threatened)\b)|"
    # not inside a range ("between 20 and 30 civilians")
    r"(?<![Bb]etween\s\d)(?<![Bb]etween\s\d\d)(?<![Bb]etween\s\d\d\d)"
    r"\s(?=and\s+(?:more\s+than|at\s+least|about|nearly|some|another|\d+|wounded|injured|wounding|injuring)\b)"
)
ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm", "brig",
        "rep", "sen", "gov", "pres", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "approx",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n",
        "u.k", "e.g", "i.e", "a.m", "p.m", "mt", "ft", "dept", "est", "govt", "lt.-gen", "maj.-gen", "brig.-gen",
        "d.c", "rev", "fr", "hon", "messrs", "ave", "blvd",
    }
)  # fmt: skip
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "thousand": 1000,
}  # fmt: skip

# Crawled furniture (blanked, offsets kept): share/ad lines, related links, photo credits,
# agency credits and wire datelines ("BEIRUT (Reuters) -", "MOSCOW, Oct 5 (Reuters) -").
FURNITURE = (
    _c(
        r"(?m)^[ \t]*(?:(?:[•·*\-][ \t]*)?share\s+(?:this|on|via)\b.*$|advertisement[ \t]*$|"
        r"(?:related|read\s+more|see\s+also|more\s+on\s+this\s+story|recommended|most\s+read|watch)\s*:.*$|"
        r"(?:related\s+(?:stories|coverage|content|topics)|read\s+more|sign\s+up\b.*|subscribe\b.*)[ \t]*$|"
        r"(?:photo|image|picture|video)\s*:.*$|source\s*:.*$|(?:\()?(?:reporting|writing|additional\s+reporting|"
        r"editing)\s+by\b.*$)"
    ),
    _c(r"\((?:photo|image|picture|file\s+photo|video)\s*:[^)\n]*\)"),
    _c(r"\((?:reuters|ap|afp|bloomberg|aljazeera|bbc)(?:[/,][^)\n]{0,40})?\)"),
    _c(
        r"(?m)^[ \t]*[a-z][a-z .'/\-]{1,40}(?:,[ \t]*[a-z][a-z .]{1,25})?(?:,[ \t]*[a-z]{3,9}\.?[ \t]+\d{1,2})?"
        r"[ \t]*\((?:reuters|ap|afp|bloomberg)\)[ \t]*[-–—]+[ \t]"
    ),
    _c(r"(?m)^[ \t]*by\s+[a-z][\w .'-]{1,50}$"),
)

LEXICON = Lexicon(
    language="en",
    triggers=TRIGGERS,
    trigger_exclusions=TRIGGER_EXCLUSIONS,
    ceasefire_realised=CEASEFIRE_REALISED,
    resolution_context=RESOLUTION_CONTEXT,
    resolution_body=RESOLUTION_BODY,
    resolution_mutual=RESOLUTION_MUTUAL,
    sponsor_cue=SPONSOR_CUE,
    sponsor_after=SPONSOR_AFTER,
    blocker_before=BLOCKER_BEFORE,
    unnamed_force=_c(r"\b(?:forces|troops|soldiers|fighters|units|militiamen|gunmen|commandos|paratroopers)\b"),
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
    generic_forces=GENERIC_FORCES,
    government_in=GOVERNMENT_IN,
    locative_before=LOCATIVE_BEFORE,
    topic_compound_after=TOPIC_COMPOUND_AFTER,
    source_before=SOURCE_BEFORE,
    source_after=SOURCE_AFTER,
    speaker_colon_after=SPEAKER_COLON_AFTER,
    mediator_before=MEDIATOR_BEFORE,
    support_before=SUPPORT_BEFORE,
    target_before=TARGET_BEFORE,
    target_after=TARGET_AFTER,
    passive_agent_before=PASSIVE_AGENT_BEFORE,
    attack_agent_before=ATTACK_AGENT_BEFORE,
    attacked_by_after=ATTACKED_BY_AFTER,
    repelling_after=_c(
        r"^(?:\s+[\w-]+){0,5}?\s+(?:repelled|repulsed|fought\s+off|beat\s+back|thwarted|foiled|fended\s+off|suppressed|aborted|"
        r"shot\s+down|intercepted|downed|"
        r"(?:pushed|drove|beat|forced)\s+(?:them|it|the\s+\w+)\s+back)\b"
    ),
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
    conflict_area_before=CONFLICT_AREA_BEFORE,
    # a crowd storming and looting aid lorries or shops: unrest, not an offensive
    unrest_attack=_c(
        r"\b(?:storm\w*)\b[^.;:]{0,40}?\b(?:loot\w*|plunder\w*)\b|"
        r"\b(?:rioters|looters|protesters|demonstrators|mobs?|hungry\s+crowds?)\b[^.;:]{0,120}?\b(?:storm\w*|attack\w*)\b"
    ),
    phone_call=_c(r"\b(?:phon(?:ed|es|ing)|(?:tele)?phone\s+(?:call|conversation|talks?)\w*|called)\b"),
    counterpart_marker=_c(r"\b(?:with|phoned|rang|called)\b"),  # "X phoned A and B": the objects
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
        r"(?:\s+[\w-]+){0,3}?,?\s+(?:that|which)\s+(?:(?:have|has|had)\s+)?(?:started|began|begun|opened|"
        r"took\s+place|were\s+held|was\s+held|got\s+under\s*way|resumed)\b"
    ),
    draft_topic_end=_c(r"[,;:]|\b(?:after|when|as|because|but|while|before|since|until|and\s+then)\b"),
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
    venue_in_country=_c(r"\b(?:in|to)\s+(?:the\s+)?$"),
    infinitive_governor=_c(r"$^"),
    clause_final_infinitive=_c(r"$^"),
    offensive_realised=_c(
        r"\b(?:launch\w*|began|begun|start\w*|open\w*|mount\w*|press\w*|push\w*|conduct\w*|carr\w+\s+out|"
        r"continu\w+|resum\w+|intensif\w+|step\w*\s+up|escalat\w+|kill\w*|wounded|injured|destroy\w*|"
        r"under\s+way|underway|ongoing|new|fresh|major|massive|heavy|fierce|all-out|full-scale|"
        r"long-awaited|ground|military|repelled|repulsed|beat\s+back|fought\s+off|tanks?|gunships?|artillery|"
        r"suppressed|thwarted|foiled|aborted|"
        r"heavy\s+weapons|warplanes|jets|mortars?|rockets|(?:was|were)\s+attacked\s+(?:\w+\s+)?by)\b"
    ),
    offensive_object_after=_c(
        r"^\w*\s+(?:[\w'’-]+\s+){0,2}(?:on|against|into|to\s+(?:retake|capture|recapture|seize|take|liberate|free|"
        r"drive|oust|clear))\s|"
        # a transitive verb with its military or civilian object: "attacked an army checkpoint"
        r"^\w*\s+(?:[\w'’-]+\s+){0,3}(?:checkpoints?|bases?|positions|troops|soldiers|convoys?|outposts?|posts|"
        r"villages?|towns?|city|forces|fighters|militants|rebels|targets|strongholds?|barracks|headquarters|"
        r"compounds?|camps?|markets?|hospitals?|schools?|patrols?)\b"
    ),
    # the speaker of a reported clause with a subject of its own: "Jaish al Islam said in a statement that,
    # despite the truce, government forces had attacked ..." (the group reports; the forces attack)
    state_of_group_after=_c(r"^(?:'s|’s)\s+(?:[\w-]+\s+){0,2}"),
    domestic_meeting=_c(
        r"\b(?:with|met)\s+(?:his|her|their|its|the)\s+(?:own\s+)?(?:chief\s+of\s+(?:the\s+)?general\s+staff|"
        r"defen[cs]e\s+minister|security\s+council|cabinet|advisers|advisors|military\s+chiefs|commanders|"
        r"generals|governors)\b"
    ),
    side_source_after=_c(
        r"^\s+(?:officials|sources|media|state\s+media|accounts?|military\s+sources)\s+(?:said|say|says)\b"
    ),
    truce_area_before=_c(
        r"\b(?:cease-?fires?|truces?)\s+(?:(?:deal|agreement|accord|plan)\s+)?(?:in|for)\s+(?:the\s+)?$"
    ),
    truce_for_before=_c(r"\b(?:for|across|throughout)\s+(?:the\s+)?(?:whole\s+|all\s+of\s+)?$"),
    talks_venue_before=_c(
        r"\b(?:talks|negotiations|meetings?|summit|conference|consultations|held|met|meet|convened?)\s+"
        r"(?:\w+\s+){0,2}?(?:in|at)\s+$"
    ),
    # the examples of whom it is against: "against terror groups which threaten our country, like ISIS and the PYD"
    target_examples_before=_c(
        r"\bagainst\s+[^.;:]{0,80}?\b(?:like|such\s+as|including)\s+(?:the\s+)?(?:[\w()-]+\s+){0,4}?"
        r"(?:(?:and|or)\s+(?:the\s+)?(?:[\w-]+\s+)?)?$"
    ),
    speaking_city_after=_c(
        r"^\s+(?:says|said|claims|claimed|warned|warns|accused|accuses|denied|denies|insists|insisted|"
        r"responded|rejected|rejects|blamed|blames)\b"
    ),
    people_from_before=_c(
        r"\b(?:officials|delegations?|diplomats|envoys|representatives|ministers|leaders|negotiators|"
        r"mediators|experts|troops|forces|soldiers|jets|warplanes|aircraft|fighters)\s+from\s+(?:the\s+)?$"
    ),
    speaker_of_report=_c(
        r"^(?:[\s-]+[\w'.-]+){0,6}?\s+(?:said|says|say|stated|claimed|claim|reported|told\s+[\w.]+)"
        r"(?:\s+(?:in|on|at)\s+(?:a\s+|an\s+)?[\w-]+(?:\s+[\w-]+)?)?\s+that(?:\s*,[^,.;:]{1,60},)?\s+"
        r"(?!(?:it|its|they|their|he|she|his|her|we|our|the\s+group|the\s+army|troops|soldiers|forces|jets|"
        r"aircraft|warplanes|fighters|units|militants|rebels|insurgents)\b)[\w-]+"
    ),
    source_subject_after=_c(
        r"^(?:\s+[\w-]+){0,2}?\s+(?:have\s+|has\s+|had\s+|were\s+|was\s+)?(?:\w+ed|retook|took|seized|began|"
        r"struck|hit|shot|fought|overran|drove|won|lost|are|were|have|has|had)\b"
    ),
    scene_continuation=_c(r"^\W*(?:afterwards|later|there|after\s+that|earlier)\b"),
    region_unit_before=_c(r"\b(?:region|province|governorate|oblast|district)\s+of\s+$"),
    region_unit_after=_c(r"^\s+(?:region|province|governorate|oblast)\b"),
    time_frame_before=_c(r"\bsince\s+the\s+(?:\w+\s+)?$|\bhistory\s+of\s+(?:the\s+)?$"),
    demonym_of_place=_c(
        r"^\s+(?:\w+\s+)?(?:capital|city|town|port|province|region|border|coast|village|stronghold|enclave|"
        r"territory|base|air\s+base|airbase|port\s+city|border\s+town|oil\s+town|countryside|desert|"
        r"side\s+of\s+the\s+border|soil|territory|airspace|waters)\b"
    ),
    locative_near=_c(
        r"\b(?:in|into|from|at|near|around|capital)\b(?:,?\s+[\w-]+){0,3},?\s*$|"
        r"\b(?:city|town|capital|resort|port|village)\s+of\s+$"  # "the Austrian city of Vienna"
    ),
    passive_marker=_c(
        r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ught|ook|ut|ung)\s+"
        r"(?:[\w-]+\s+){0,4}?by\b"
    ),
    allegation=_c(r"\b(?:allegedly|reportedly|purportedly|alleged|accused\s+\w+\s+of|blamed\s+\w+\s+for)\b"),
    generic_parties=GENERIC_PARTIES,
    nominal_word=NOMINAL_WORD,
    nominal_reference=NOMINAL_REFERENCE,
    nominal_unrealised=NOMINAL_UNREALISED,
    ceasefire_topic_before=CEASEFIRE_TOPIC_BEFORE,
    ceasefire_nominal_ok=CEASEFIRE_NOMINAL_OK,
    since_when=SINCE_WHEN,
    ceasefire_topic_agreed=CEASEFIRE_TOPIC_AGREED,
    backer_after=_c(r"^-(?:backed|supported|sponsored|allied|aligned|funded|armed|trained)\b"),
    killed_victims_before=_c(
        r"\b(?:killing|killed|kill|wounding|wounded|capture\s+of|captured|capturing)\s+(?:at\s+least\s+|more\s+than\s+|"
        r"some\s+|about\s+|over\s+|nearly\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"twenty|thirty|forty|fifty|dozens|scores|hundreds|several)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}$"
    ),
    victims_of_before=_c(
        r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|several|many)\s+(?:\w+\s+)?(?:fighters|members|militants|commanders|soldiers|troops)\s+(?:of|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$"
    ),
    target_list_gap=_c(
        r"(?:\s+in\s+(?:the\s+)?[\w-]+)?\s*(?:,\s*(?:and\s+)?|\band\b|\bas\s+well\s+as\b)\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    ),
    conflict_noun_after=_c(r"^\s+(?:civil\s+)?(?:conflict|war|crisis|uprising|settlement)\b"),
    # the one a veto protects, or is about: "to protect the Syrian government", "its sixth veto on Syria"
    protected_before=_c(
        r"\b(?:protect|protects|protected|protecting|shield|shields|shielded|shielding)\s+"
        r"(?:the\s+|its\s+(?:\w+\s+)?)?(?:\w+\s+)?$|\bveto(?:es)?\s+(?:on|over)\s+(?:the\s+)?$"
    ),
    agreed_talks_before=_c(
        r"\b(?:to|on)\s+(?:\w+\s+){0,2}?(?:talks|negotiations|consultations)\s+(?:on|over|about|for|towards?)\s+(?:\w+\s+){0,3}$"
    ),
    agreement_truce_after=AGREEMENT_TRUCE_AFTER,
    agreement_pronoun=_c(r"\b(?:it|this|that)\b"),
    truce_statement=TRUCE_STATEMENT,
    nominal_habitual=_c(r"\b(?:regular|frequent|occasional|sporadic|periodic|routine)\s+(?:[\w-]+\s+)?$"),
    reaction_clause=REACTION_CLAUSE,
    offensive_stopped=OFFENSIVE_STOPPED,
    offensive_stopped_before=OFFENSIVE_STOPPED_BEFORE,
    talks_frame_before=TALKS_FRAME_BEFORE,
    past_clause=PAST_CLAUSE,
    talks_off_topic=_c(
        r"\b(?:trade|tariffs?|climate|migration|migrants|brexit|economic|business|investment|energy|gas\s+"
        r"supplies|visa|tourism|football|olympics?|oil|crude|output|opec|barrels?|data\s+(?:pact|privacy|"
        r"transfers?))\b"
    ),
    talks_on_topic=_c(
        r"\b(?:syria\w*|ukrain\w*|yemen\w*|libya\w*|iraq\w*|afghan\w*|war|conflict|ceasefire|truce|peace|"
        r"crisis|fighting|security|islamic\s+state|rebels?)\b"
    ),
    talks_topic_start=_c(r"\b(?:on|about|over|regarding|concerning)\b"),
    head_initial=True,
    furniture=FURNITURE,
    month_parts=MONTH_PARTS,
    weekday_prefix_kinds=WEEKDAY_PREFIX_KINDS,
    time_units=TIME_UNITS,
    two_days_back=_c(r"^$"),
    victim_killed=VICTIM_KILLED,
    victim_injured=VICTIM_INJURED,
    between=_c(r"\bbetween\s"),
    resolution_negation_ok=_c(r"^(?:fail|refus|reject)"),
    resolution_not_adopted=_c(r"^\s+(?:be\s+)?(?:adopted|passed|approved)\b"),
    sentence_condition=_c(r"^\W*(?:if|should|unless|in\s+case)\b"),
    infinitive_marker="to",
    ordinal_dot=False,
    dateline=re.compile(r"(?m)^[A-Z][\w/ .()-]{1,60}?,\s+(?P<month>[A-Z][a-z]+)\.?\s+(?P<day>\d{1,2})\b"),
    seasons={"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12},
    relative_pronoun_clause=_c(r"\W*(?:(?:in|at|from|to|of|on)\s+)?(?:which|who|whom|whose)\s"),
    took_place=_c(r"\b(?:took\s+place|was\s+held|were\s+held|ceremony|signing)\b"),
    pronoun_subject=_c(r"^\W*(?:they|he|she)\s"),
    demonstrative_subject=_c(r"^\W*the\s+latter\b"),
    attributive_before=ATTRIBUTIVE_BEFORE,
    attributive_after=ATTRIBUTIVE_AFTER,
    participle_word=_c(r"\w+(?:ed|en)$"),
)
register(LEXICON)
