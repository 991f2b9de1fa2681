"""Articles posted without a language: detected, read with the matching rules, recorded on the article."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.api.test_end_to_end import caught_up

Client = AsyncTestClient[Litestar]

ENGLISH = (
    "Syrian government forces launched an offensive on the rebel-held city of Idlib on Tuesday. At least "
    "twelve people were killed in air strikes on the city, the Syrian Observatory for Human Rights said."
)
FRENCH = (
    "Les forces gouvernementales syriennes ont lancé mardi une offensive contre la ville d'Idlib, tenue par "
    "les rebelles. Au moins douze personnes ont été tuées dans des frappes aériennes sur la ville."
)


def _article(text: str, **fields: Any) -> dict[str, Any]:
    return {"title": "Offensive", "text": text, "published_at": "2024-03-14", **fields}


async def test_english_posted_without_a_language_yields_english_events_and_shows_it_was_detected(
    client: Client, admin_headers: dict[str, str]
) -> None:
    response = await client.post("/articles", json=_article(ENGLISH), headers=admin_headers)
    assert response.status_code == 201, response.text
    body = response.json()
    assert [e["type"] for e in body["events"]] == ["OffensiveLaunched"]
    assert body["events"][0]["location"]["name"] == "Idlib"
    assert body["events"][0]["casualties"]["killed"] == 12
    await caught_up(client)
    article = (await client.get(f"/articles/{body['id']}")).json()
    assert (article["language"], article["language_method"]) == ("en", "detected")
    assert article["language_confidence"] > 0.9


async def test_a_given_language_is_recorded_as_given(client: Client, admin_headers: dict[str, str]) -> None:
    response = await client.post("/articles", json=_article(ENGLISH, language="en"), headers=admin_headers)
    await caught_up(client)
    article = (await client.get(f"/articles/{response.json()['id']}")).json()
    assert (article["language"], article["language_method"], article["language_confidence"]) == ("en", "given", None)


async def test_a_french_article_in_a_batch_is_stored_as_french_without_events(
    client: Client, admin_headers: dict[str, str]
) -> None:
    response = await client.post("/articles/batch", json=[_article(FRENCH), _article(ENGLISH)], headers=admin_headers)
    assert response.status_code in (200, 201, 207), response.text
    items = response.json()["items"]
    assert [len(item["events"]) for item in items] == [0, 1]
    await caught_up(client)
    french = (await client.get(f"/articles/{items[0]['id']}")).json()
    assert (french["language"], french["language_method"], french["event_count"]) == ("fr", "detected", 0)
