"""Language-neutral code helpers: ISO alpha-2 -> alpha-3 for states often in conflict news.

Used only as a fallback when the article itself never names the state (the gazetteer's
state mentions are preferred), and to build `<ISO3>-REB` codes for rebels.
"""

from __future__ import annotations

import datetime as dt
import re

ALPHA3 = {
    "AF": "AFG", "AM": "ARM", "AZ": "AZE", "BI": "BDI", "CD": "COD", "CF": "CAF", "CH": "CHE", "CN": "CHN",
    "CO": "COL", "DE": "DEU", "EG": "EGY", "ES": "ESP", "ET": "ETH", "FR": "FRA", "GB": "GBR", "IL": "ISR",
    "IQ": "IRQ", "IR": "IRN", "JO": "JOR", "KZ": "KAZ", "LB": "LBN", "LY": "LBY", "ML": "MLI", "MM": "MMR",
    "NE": "NER", "NG": "NGA", "PK": "PAK", "PS": "PSE", "RU": "RUS", "SA": "SAU", "SD": "SDN", "SO": "SOM",
    "SS": "SSD", "SY": "SYR", "TD": "TCD", "TR": "TUR", "UA": "UKR", "US": "USA", "YE": "YEM", "AT": "AUT",
    "QA": "QAT", "AE": "ARE", "JP": "JPN", "IT": "ITA", "BE": "BEL", "NL": "NLD", "PH": "PHL", "CM": "CMR",
    "BF": "BFA", "KE": "KEN", "LK": "LKA", "TH": "THA", "VE": "VEN", "GE": "GEO", "DZ": "DZA", "TN": "TUN",
}  # fmt: skip
BODIES = frozenset({"UN", "UNSC", "EU", "G20", "G7", "OSCE", "AU", "ICRC", "ARAB-LEAGUE", "OIC", "NATO"})
NON_ARMED = frozenset({"UN", "UNSC", "EU", "G20", "G7", "OSCE", "ICRC", "ARAB-LEAGUE", "OIC"})


# states whose armed opponents the codebook codes as another people's insurgents, not as the state's own
# rebels: those fighting Israel are Palestinian groups (Hamas, Islamic Jihad: PSE-REB)
INSURGENTS_OF = {"ISR": "PSE-REB"}


def rebels_of(state_code: str) -> str:
    return INSURGENTS_OF.get(state_code, f"{state_code}-REB")


# states whose jihadist party is the Islamic State itself (codebook: "Dschihadisten" in an IS context);
# elsewhere jihadists are the state's rebels ("<ISO3>-REB": Boko Haram, al-Shabaab, Taliban, Maute)
ISIL_STATES = frozenset({"SYR", "IRQ", "LBY"})
# states whose militias the codebook counts with a side (SYR: the government's allied militias)
MILITIA_SIDED = frozenset({"SYR", "IRQ"})


# Codes follow who holds power at the event's date (codebook): from the fall of Assad (8 December 2024) the
# HTS-led authorities in Damascus are the Syrian state, and the old regime's loyalists fighting them rebels.
# (from, code, surface pattern or None for every mention of the code, the code from then on)
POWER_CHANGES: tuple[tuple[dt.date, str, re.Pattern[str] | None, str], ...] = (
    (dt.date(2024, 12, 8), "JFS", None, "SYR"),
    (dt.date(2024, 12, 8), "SYR", re.compile(r"assad", re.IGNORECASE), "SYR-REB"),
)


def code_at(code: str, surface: str, on: dt.date | None) -> str:
    """The code of a mention at a date (an article's publication: the events it reports are recent)."""
    if on is None:
        return code
    for since, old, surface_pattern, new in POWER_CHANGES:
        if on >= since and code == old and (surface_pattern is None or surface_pattern.search(surface)):
            return new
    return code
