"""Actor gazetteer: countries, inflections, capitals, persons, groups, bodies."""

from __future__ import annotations

import pytest

from domain.gazetteer import actor_country, find_actors


def codes(text: str, language: str = "de") -> list[tuple[str, str]]:
    return [(m.surface, m.code) for m in find_actors(text, language)]


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("Gespräche mit der Türkei gingen weiter.", "Türkei", "TUR"),
        ("Die Haltung Russlands blieb hart.", "Russlands", "RUS"),
        ("Ein Sprecher des Irak widersprach.", "Irak", "IRQ"),
        ("Die Rolle Irans wurde kritisiert.", "Irans", "IRN"),
        ("Die Vereinigten Staaten reagierten kühl.", "Vereinigten Staaten", "USA"),
        ("Vertreter Saudi-Arabiens kamen spät.", "Saudi-Arabiens", "SAU"),
        ("Die Ukraine meldete Verluste.", "Ukraine", "UKR"),
    ],
)
def test_country_names_and_inflections(text: str, surface: str, code: str) -> None:
    assert (surface, code) in codes(text)


@pytest.mark.parametrize("form", ["russisch", "russische", "russischen", "russischer", "russisches", "russischem"])
def test_adjective_inflections_are_demonyms(form: str) -> None:
    [mention] = find_actors(f"Ein {form} Vorschlag lag vor.")
    assert (mention.surface, mention.code, mention.kind) == (form, "RUS", "demonym")


def test_sentence_initial_adjective_and_people_nouns() -> None:
    assert codes("Türkische Panzer rollten. Die Amerikaner schwiegen, die Russen auch.") == [
        ("Türkische", "TUR"),
        ("Amerikaner", "USA"),
        ("Russen", "RUS"),
    ]


def test_capitals_are_state_metonyms() -> None:
    found = find_actors("Moskau und Ankara einigten sich, Teheran zögerte, Washington protestierte.")
    assert [(m.code, m.kind) for m in found] == [("RUS", "state"), ("TUR", "state"), ("IRN", "state"), ("USA", "state")]


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("Wie Sergej Lawrow betonte, bleibt es dabei.", "Sergej Lawrow", "RUS"),
        ("Lavrov said so.", "Lavrov", "RUS"),
        ("Das hatte Präsident Erdoğan gesagt.", "Erdoğan", "TUR"),
        ("Das hatte Präsident Erdogan gesagt.", "Erdogan", "TUR"),
        ("Nach Putins Worten geht es weiter.", "Putins", "RUS"),
        ("Der Gesandte Staffan de Mistura reiste ab.", "Staffan de Mistura", "UN"),
        ("Die Bemühungen de Misturas scheiterten.", "de Misturas", "UN"),
        ("Verhandlungsführer Allusch lehnte ab.", "Allusch", "SYR-REB"),
        ("Botschafter al-Dschaafari widersprach.", "al-Dschaafari", "SYR"),
        ("Kerry telefonierte erneut.", "Kerry", "USA"),
        ("General Haftar rückte vor.", "Haftar", "LBY-MIL"),
        ("Mogherini äußerte sich.", "Mogherini", "EU"),
        ("Stoltenberg warnte.", "Stoltenberg", "NATO"),
    ],
)
def test_persons_stand_for_their_state_or_group(text: str, surface: str, code: str) -> None:
    assert (surface, code) in codes(text)
    assert all(m.kind == "person" for m in find_actors(text) if m.surface == surface)


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("Sein US-Kollege kam nicht.", "US", "USA"),
        ("Der UN-Sicherheitsrat tagte.", "UN-Sicherheitsrat", "UNSC"),
        ("Die UN-Sondergesandte reiste.", "UN-Sondergesandte", "UN"),
        ("Die Assad-Truppen griffen an.", "Assad-Truppen", "SYR"),
        ("Kämpfer der IS-Miliz flohen.", "IS-Miliz", "ISIL"),
        ("Die Nato-Staaten berieten.", "Nato-Staaten", "NATO"),
        ("Der Nato-Gipfel tagte.", "Nato", "NATO"),
        ("Auch Assad-Gegner kamen.", "Assad-Gegner", "SYR-REB"),
        ("Assad-treue Milizen rückten vor.", "Assad-treue", "SYR"),
    ],
)
def test_hyphenated_compounds(text: str, surface: str, code: str) -> None:
    assert (surface, code) in codes(text)


def test_russisch_tuerkisch_gives_both_states() -> None:
    assert codes("Die russisch-türkische Einigung hielt.") == [("russisch", "RUS"), ("türkische", "TUR")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kämpfer der YPG zogen ab.", "SYR-KRD"),
        ("Die Kurdenmiliz meldete Erfolge.", "SYR-KRD"),
        ("Die Nusra-Front kontrolliert die Stadt.", "JFS"),
        ("Die Hisbollah schickte Kämpfer.", "HEZ"),
        ("Die Freie Syrische Armee zog sich zurück.", "SYR-REB"),
        ("Die Taliban griffen an.", "AFG-REB"),
        ("Prorussische Separatisten beschossen den Ort.", "UKR-REB"),
        ("Die Huthi-Rebellen feuerten Raketen ab.", "YEM-REB"),
        ("Die PKK bekannte sich.", "TUR-REB"),
        ("Die Terrormiliz Islamischer Staat zog ab.", "ISIL"),
        ("Der Weltsicherheitsrat tagte.", "UNSC"),
        ("Die Vereinten Nationen warnten.", "UN"),
        ("Die OSZE beobachtet.", "OSCE"),
        ("Die Arabische Liga tagte.", "ARAB-LEAGUE"),
        ("Die Afrikanische Union vermittelte.", "AU"),
        ("Beim G20-Gipfel wurde beraten.", "G20"),
    ],
)
def test_groups_and_bodies(text: str, code: str) -> None:
    assert code in [m.code for m in find_actors(text)]


def test_offsets_index_into_the_original_text() -> None:
    text = "Am Montag  traf\nPutin in Ankara ein."
    for m in find_actors(text):
        assert text[m.start : m.end] == m.surface


@pytest.mark.parametrize(
    "text",
    [
        "Die Rebellen und die Regierungstruppen kämpften, die Armee rückte vor.",
        "Die Opposition und die Regierung sprachen über eine Waffenruhe.",
        "Es ist ein schöner Tag, das Essen war gut, die Mark ist stabil.",
        "May I ask whether the ban is over?",
    ],
)
def test_no_actor_in_generic_or_ordinary_words(text: str) -> None:
    assert find_actors(text, "en" if text.startswith("May") else "de") == []


@pytest.mark.parametrize(
    ("code", "alpha2"),
    [("RUS", "RU"), ("SYR-REB", "SY"), ("UKR-REB", "UA"), ("LBY-MIL", "LY"), ("BOL", "BO"), ("XKX", "XK")],
)
def test_actor_country_of_states_and_prefixed_codes(code: str, alpha2: str) -> None:
    assert actor_country(code) == alpha2


@pytest.mark.parametrize("code", ["UN", "UNSC", "EU", "NATO", "ISIL", "JFS", "HEZ", "G20"])
def test_actor_country_none_for_bodies_and_transnational_groups(code: str) -> None:
    assert actor_country(code) is None


def test_english_names() -> None:
    found = codes("Russian jets struck as the Security Council met; Turkey and the Islamic State were named.", "en")
    assert ("Russian", "RUS") in found
    assert ("Security Council", "UNSC") in found
    assert ("Turkey", "TUR") in found
    assert ("Islamic State", "ISIL") in found


def test_english_abbreviations_and_german_only_names() -> None:
    assert codes("The U.S. and the U.N. disagreed.", "en") == [("U.S.", "USA"), ("U.N.", "UN")]
    assert codes("An Island nation and a Pole vault.", "en") == []
    assert codes("Hagel und Regen, dann sprach Chuck Hagel.") == [("Chuck Hagel", "USA")]


@pytest.mark.parametrize(
    ("text", "language", "codes"),
    [
        ("Außenminister Araghtschi traf den Gesandten Witkoff.", "de", ["IRN", "USA"]),
        ("Tshisekedi und Kagame sprachen über die Lage im Osten.", "de", ["COD", "RWA"]),
        ("General al-Burhan lehnte Gespräche mit der RSF ab.", "de", ["SDN", "SDN-MIL"]),
        ("Wagner Group fighters and Prigozhin left Rostov.", "en", ["RUS-MIL", "RUS-MIL"]),
        ("Die Fatah kritisierte die Nusra-Front.", "de", ["PSE", "JFS"]),
        ("Prime Minister Starmer called Chancellor Merz.", "en", ["GBR", "DEU"]),
        ("Modi and Shehbaz Sharif traded accusations.", "en", ["IND", "PAK"]),
        ("Selenskyj traf Premier Rishi Sunak und Kallas.", "de", ["UKR", "GBR", "EU"]),
    ],
)
def test_leaders_and_armed_groups_of_recent_wars(text: str, language: str, codes: list[str]) -> None:
    assert [m.code for m in find_actors(text, language)] == codes


def test_a_surname_that_is_also_a_common_name_needs_its_first_name() -> None:
    assert [m.code for m in find_actors("Lloyd Austin flew to Austin, Texas.", "en")] == ["USA"]
