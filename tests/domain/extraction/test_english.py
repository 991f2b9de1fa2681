"""English extraction: unit tests per stage with sentences of our own, and the golden test over
tests/data/english (15 wire-style articles about 2014–2018 events, 5 without mandatory events)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import msgspec
import pytest

from api.commands.extract import _run_jsonl
from domain.extraction import extract
from domain.extraction.dates import DateResolver, parse_published
from domain.extraction.lexicon import CEASEFIRE, OFFENSIVE, RESOLUTION, TALKS, get_lexicon
from domain.extraction.modality import REALISED, modality
from domain.extraction.normalize import clean
from domain.extraction.sentences import split_sentences
from domain.extraction.triggers import find_triggers
from tests.domain.extraction.scoring import f1, match

ROOT = Path(__file__).resolve().parents[3]


LEX = get_lexicon("en")


PUB = "2016-11-10"  # a Thursday


def _triggers(text: str) -> list[tuple[str, str]]:
    sentence = split_sentences(text, LEX)[0]
    return [(t.event_type, t.word.lower()) for t in find_triggers(sentence, sentence.clauses(LEX), LEX)]


def _mood(text: str, event_type: str) -> str:
    sentence = split_sentences(text, LEX)[0]
    clauses = sentence.clauses(LEX)
    moods = [modality(sentence, clauses, t, LEX) for t in find_triggers(sentence, clauses, LEX)]
    types = [t.event_type for t in find_triggers(sentence, clauses, LEX)]
    assert event_type in types, (text, types)
    # realised if any trigger of that type is
    return REALISED if any(m == REALISED for m, t in zip(moods, types, strict=True) if t == event_type) else "no"


def _date(text: str, pub: str = PUB) -> tuple[dt.date, dt.date] | None:
    found = DateResolver(parse_published(pub), LEX).find(text)
    return (found[0].occurred.start, found[0].occurred.end) if found else None


def _d(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _events(text: str, pub: str = PUB) -> list[dict[str, object]]:
    out: list[dict[str, object]] = msgspec.to_builtins(extract(text, published_at=pub, language="en"))
    return out


def _roles(event: dict[str, object]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for actor in event["actors"]:  # type: ignore[attr-defined]
        out.setdefault(actor["role"], set()).add(actor["code"])
    return out


def _totals(strict: bool) -> tuple[int, int, int]:
    folder = ROOT / "tests" / "data" / "english"
    gold = json.loads((folder / "english.gold.json").read_text(encoding="utf-8"))
    tp = fp = fn = 0
    for art in gold["articles"]:
        text = (folder / art["file"]).read_text(encoding="utf-8")
        preds = msgspec.to_builtins(extract(text, published_at=art.get("published"), language="en"))
        for event in preds:
            assert text[event["evidence"]["start"] : event["evidence"]["end"]] == event["evidence"]["text"]
        a, b, c = match(preds, art["events"], strict)
        tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def test_registry_routes_english() -> None:
    assert LEX.language == "en"
    assert get_lexicon("en-GB") is LEX
    assert get_lexicon("de").language == "de"


def test_clean_blanks_english_furniture_and_keeps_offsets() -> None:
    text = (
        "MOSCOW, Oct 5 (Reuters) - Russian jets bombed Idlib.\n"
        "Advertisement\nShare this article\nRelated: Syria's war in maps\nRead more: timeline\n"
        "The army advanced. (Photo: AFP)\n(Reporting by A. Writer; Editing by B. Editor)"
    )
    out = clean(text, LEX.furniture)
    assert len(out) == len(text)
    for junk in ("MOSCOW", "Reuters", "Advertisement", "Share this", "Related", "Read more", "Photo", "Editing"):
        assert junk not in out
    assert "Russian jets bombed Idlib." in out and "The army advanced." in out


def test_dateline_with_agency_is_blanked() -> None:
    text = "BEIRUT (Reuters) - Rebels shelled the town.\nUNITED NATIONS (AP) — The council met."
    out = clean(text, LEX.furniture)
    assert "BEIRUT" not in out and "UNITED NATIONS" not in out and "Rebels shelled the town." in out


def test_sentences_end_after_numbers_but_not_after_abbreviations() -> None:
    text = "Mr. Kerry met Gen. Smith at 10 a.m. on Dec. 30. The U.N. envoy left on April 4. Talks ended."
    assert [s.text for s in split_sentences(text, LEX)] == [
        "Mr. Kerry met Gen. Smith at 10 a.m. on Dec. 30.",
        "The U.N. envoy left on April 4.",
        "Talks ended.",
    ]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Lavrov and Kerry held talks in Geneva.", TALKS),
        ("Putin spoke by phone with Erdogan.", TALKS),
        ("The two ministers met in Vienna on Friday.", TALKS),
        ("Envoys negotiated through the night.", TALKS),
        ("A new round of talks opened in Astana.", TALKS),
        ("The sides agreed a truce for Aleppo.", CEASEFIRE),
        ("The army declared a nationwide cease-fire.", CEASEFIRE),
        ("The humanitarian pause took effect at dawn.", CEASEFIRE),
        ("Rebels agreed to a cessation of hostilities.", CEASEFIRE),
        ("Government forces launched an offensive on the town.", OFFENSIVE),
        ("Militants stormed the base.", OFFENSIVE),
        ("Troops recaptured the airport.", OFFENSIVE),
        ("Jets carried out air strikes on rebel positions.", OFFENSIVE),
        ("Army units advanced on the city and besieged it.", OFFENSIVE),
        ("Russia vetoed the draft resolution.", RESOLUTION),
        ("The measure failed to pass in the Security Council.", RESOLUTION),
        ("China voted against the text.", RESOLUTION),
    ],
)
def test_realised_triggers(text: str, event_type: str) -> None:
    assert _mood(text, event_type) == REALISED


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The two leaders will meet in Geneva next week.", TALKS),
        ("Talks are expected to resume on Monday.", TALKS),
        ("The talks collapsed after two days.", TALKS),
        ("Negotiations were postponed until further notice.", TALKS),
        ("The foreign ministers did not meet.", TALKS),
        ("The opposition called for a ceasefire.", CEASEFIRE),
        ("France urged all sides to respect the truce.", CEASEFIRE),
        ("The truce broke down within hours.", CEASEFIRE),
        ("Aid agencies hope a humanitarian pause can be agreed.", CEASEFIRE),
        ("Turkey threatened to launch an offensive against the militia.", OFFENSIVE),
        ("The army could storm the city within days.", OFFENSIVE),
        ("If the rebels refuse, troops will attack.", OFFENSIVE),
        ("Should Russia veto the draft, France will go to the General Assembly.", RESOLUTION),
        ("Russia is expected to veto the resolution.", RESOLUTION),
    ],
)
def test_unrealised_triggers(text: str, event_type: str) -> None:
    assert _mood(text, event_type) != REALISED


@pytest.mark.parametrize(
    "text",
    [
        "Chelsea launched an offensive in the Premier League and stormed to the title.",
        "Shareholders seized on the merger talks.",
        "He suffered a heart attack.",
        "The company launched a charm offensive in Europe.",
    ],
)
def test_no_conflict_triggers_in_sport_and_business(text: str) -> None:
    types = _triggers(text)
    assert all(t not in (OFFENSIVE, TALKS) for t, _ in types), types


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Rebels attacked on Monday.", "2016-11-07", "2016-11-07"),
        ("They met on Thursday night.", "2016-11-10", "2016-11-10"),
        ("They will meet next Monday.", "2016-11-14", "2016-11-14"),
        ("Fighting has raged since Sunday.", "2016-11-06", "2016-11-10"),
        ("The talks ended yesterday.", "2016-11-09", "2016-11-09"),
        ("The town fell two days ago.", "2016-11-08", "2016-11-08"),
        ("Ministers met at the weekend.", "2016-11-05", "2016-11-06"),
        ("The siege began last week.", "2016-10-31", "2016-11-06"),
        ("They met on 17 October.", "2016-10-17", "2016-10-17"),
        ("They met on October 17, 2016.", "2016-10-17", "2016-10-17"),
        ("The truce took effect on Dec. 30.", "2015-12-30", "2015-12-30"),
        ("The offensive began in mid-September.", "2016-09-11", "2016-09-20"),
        ("The town was taken in early October.", "2016-10-01", "2016-10-10"),
        ("They withdrew in late October.", "2016-10-21", "2016-10-31"),
        ("Clashes erupted earlier this month.", "2016-11-01", "2016-11-10"),
        ("The deal was signed in June 2016.", "2016-06-01", "2016-06-30"),
    ],
)
def test_english_dates(text: str, start: str, end: str) -> None:
    assert _date(text) == (_d(start), _d(end))


def test_offensive_attacker_target_and_place() -> None:
    (event,) = _events(
        "Syrian government troops, "
        "backed by Russian air strikes, launched an offensive against Islamic State in Palmyra on Monday."
    )
    assert event["type"] == OFFENSIVE
    roles = _roles(event)
    assert {"SYR", "RUS"} <= roles["attacker"] and roles["target"] == {"ISIL"}
    assert event["location"]["name"] == "Palmyra"  # type: ignore[index]
    assert event["occurred"]["start"] == "2016-11-07"  # type: ignore[index]


def test_passive_agent_is_the_attacker() -> None:
    (event,) = _events("The town of Manbij was captured by the Kurdish-led SDF on Saturday.")
    assert "SYR-KRD" in _roles(event)["attacker"]


def test_talks_participants_and_mediator() -> None:
    events = _events(
        "Syrian government and rebel delegations met in Astana on Monday in talks brokered by Russia, Turkey and Iran. "
        "Fighting went on in the province of Idlib."
    )
    talks = [e for e in events if e["type"] == TALKS]
    assert talks and {"SYR", "SYR-REB"} <= {a["code"] for a in talks[0]["actors"]}  # type: ignore[attr-defined]
    assert talks[0]["location"]["name"] == "Astana"  # type: ignore[index]
    assert "RUS" in _roles(talks[0]).get("mediator", set())


def test_phone_call_is_talks_without_place() -> None:
    (event,) = _events(
        "Russian President Vladimir Putin and Turkish President Tayyip Erdogan spoke by phone on Tuesday about Syria."
    )
    assert event["type"] == TALKS and {"RUS", "TUR"} <= {a["code"] for a in event["actors"]}  # type: ignore[attr-defined]
    assert event["location"] is None


def test_veto_blocker_and_sponsors() -> None:
    events = _events(
        "Russia vetoed a draft resolution drafted by France and Spain at the U.N. Security Council on Saturday."
    )
    (event,) = [e for e in events if e["type"] == RESOLUTION]
    roles = _roles(event)
    assert roles["blocked_by"] == {"RUS"} and {"FRA", "ESP"} <= roles["sponsor"]
    assert event["location"]["name"] == "New York City"  # type: ignore[index]


def test_nationwide_ceasefire_in_the_country() -> None:
    events = _events(
        "Russia and Turkey announced a nationwide ceasefire in Syria on Thursday, "
        "and the Syrian army said it would abide by it."
    )
    (event,) = [e for e in events if e["type"] == CEASEFIRE]
    assert event["location"]["name"] == "Syria"  # type: ignore[index]
    assert {"RUS", "TUR"} <= {a["code"] for a in event["actors"]}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "Turkey will launch a new offensive against Kurdish fighters in Syria, "
        "President Tayyip Erdogan said on Wednesday.",
        "The United Nations called for an immediate ceasefire in Yemen, "
        "where Saudi-led forces are preparing an assault.",
        "Peace talks between the Afghan government and the Taliban are due to begin in Doha next week.",
        "Russia has threatened to veto any resolution that condemns the Syrian government.",
        "Manchester United launched a fierce attack after half-time but failed to break down the Liverpool defence.",
        "Bayer and Monsanto held talks on a takeover worth $62 billion, people familiar with the matter said.",
    ],
)
def test_no_events_from_plans_threats_demands_sport_and_business(text: str) -> None:
    assert _events(text) == []


def test_jsonl_language_en_routes_to_english() -> None:
    article = (
        "BEIRUT (Reuters) - Syrian government forces captured the town of Deir al-Adas on Sunday, state media said."
    )
    line = json.dumps({"id": "x", "text": article, "published_at": "2016-11-10", "language": "en"})
    out, err = io.StringIO(), io.StringIO()
    assert _run_jsonl(io.StringIO(line + "\n"), out, err) == 0
    (row,) = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [e["type"] for e in row["events"]] == [OFFENSIVE]


def test_event_f1_on_english_articles() -> None:
    assert f1(*_totals(strict=False)) >= 0.9


def test_strict_f1_on_english_articles() -> None:
    assert f1(*_totals(strict=True)) >= 0.7
