"""Human review over HTTP: confirm, reject and correct events; the read models show the reviewed
state; history lists each step; re-extraction respects people; a rebuild gives the same state."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from application import ingest
from domain.events import ConflictEvent
from tests.api.test_end_to_end import caught_up, seed_articles

Client = AsyncTestClient[Litestar]
NEW_PLACE = {"name": "Manbij", "country": "SY", "lat": 36.5281, "lon": 37.9549, "precision": "city"}


@pytest.fixture
async def article(client: Client, admin_headers: dict[str, str]) -> list[dict[str, Any]]:
    """The seed article with the most events, ingested; its events as extracted."""
    best: list[dict[str, Any]] = []
    for seed in seed_articles():
        response = await client.post("/articles", json=seed, headers=admin_headers)
        assert response.status_code == 201, response.text
        if len(response.json()["events"]) > len(best):
            best = response.json()["events"]
    await caught_up(client)
    assert len(best) >= 3
    return best


async def review(client: Client, headers: dict[str, str], event_id: str, **body: Any) -> Any:
    return await client.post(f"/events/{event_id}/review", json=body, headers=headers)


@pytest.fixture
async def confirmed_and_rejected(
    client: Client, article: list[dict[str, Any]], reviewer: dict[str, str]
) -> tuple[str, str]:
    """The article's first event confirmed, its second rejected."""
    confirmed, rejected = article[0]["id"], article[1]["id"]
    await review(client, reviewer, confirmed, verdict="confirmed")
    await review(client, reviewer, rejected, verdict="rejected", note="wrong")
    return confirmed, rejected


def extractor_without_the_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """A "new extractor" that no longer finds an article's first event."""
    real = ingest.run_extractor

    def fewer(text: str, published_at: str | None, language: str) -> list[ConflictEvent]:
        return real(text, published_at, language)[1:]

    monkeypatch.setattr(ingest, "run_extractor", fewer)


async def test_confirm_reject_and_correct_show_in_the_read_models(
    client: Client, article: list[dict[str, Any]], reviewer: dict[str, str]
) -> None:
    confirmed, rejected, corrected = (e["id"] for e in article[:3])
    assert (await review(client, reviewer, confirmed, verdict="confirmed")).json()["review_status"] == "confirmed"
    assert (await review(client, reviewer, rejected, verdict="rejected", note="not this war")).status_code == 200
    fixed = await review(client, reviewer, corrected, verdict="corrected", changes={"location": NEW_PLACE})
    assert fixed.status_code == 200, fixed.text
    assert (fixed.json()["location"]["name"], fixed.json()["review_status"]) == ("Manbij", "corrected")
    await caught_up(client)
    shown = {e["id"]: e for e in (await client.get("/events?limit=500")).json()["items"]}
    assert rejected not in shown
    assert shown[confirmed]["review_status"] == "confirmed"
    assert shown[corrected]["location"]["name"] == "Manbij"
    everything = (await client.get("/events?limit=500&include_rejected=true")).json()["items"]
    assert rejected in {e["id"] for e in everything}
    only = (await client.get("/events?review_status=rejected,corrected")).json()["items"]
    assert {e["id"] for e in only} == {rejected, corrected}
    assert (await client.get(f"/events/{corrected}")).json()["location"]["name"] == "Manbij"
    places = {p["name"] for p in (await client.get("/places?limit=500")).json()["items"]}
    assert "Manbij" in places


async def test_history_lists_each_step_with_its_position_and_reviewer(
    client: Client, article: list[dict[str, Any]], reviewer: dict[str, str]
) -> None:
    event_id = article[0]["id"]
    await review(client, reviewer, event_id, verdict="confirmed", note="checked")
    await review(client, reviewer, event_id, verdict="corrected", changes={"location": NEW_PLACE})
    history = (await client.get(f"/events/{event_id}/history")).json()
    assert [s["step"] for s in history["steps"]] == ["extracted", "confirmed", "corrected"]
    assert [s.get("reviewer") for s in history["steps"]] == [None, "ana", "ana"]
    assert history["steps"][2]["changed"] == ["location"]
    positions = [s["position"] for s in history["steps"]]
    assert len(set(positions)) == 3 and history["review_status"] == "corrected"


async def test_bad_reviews_are_refused_and_store_nothing(
    client: Client, article: list[dict[str, Any]], reviewer: dict[str, str], make_headers: Any
) -> None:
    event_id = article[0]["id"]
    before = (await client.get("/log?limit=1000")).json()["total"]
    ingest_only = await make_headers("ingest")
    assert (await review(client, ingest_only, event_id, verdict="confirmed")).status_code == 403
    assert (await client.post(f"/events/{event_id}/review", json={"verdict": "confirmed"})).status_code == 401
    for body, status in [
        ({"verdict": "rejected"}, 400),  # a rejection needs its reason
        ({"verdict": "maybe"}, 400),
        ({"verdict": "corrected", "changes": {"evidence": {}}}, 400),
        ({"verdict": "corrected", "changes": {"type": "OffensiveLaunched", "actors": [
            {"name": "X", "code": "RUS", "role": "participant"}]}}, 400),
        ({"verdict": "confirmed", "changes": {"location": NEW_PLACE}}, 400),
    ]:  # fmt: skip
        response = await review(client, reviewer, event_id, **body)
        assert response.status_code == status, (body, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
    unknown = await review(client, reviewer, "00000000-0000-0000-0000-000000000000", verdict="confirmed")
    assert unknown.status_code == 404
    assert (await client.get("/log?limit=1000")).json()["total"] == before


async def test_reextraction_respects_confirmed_corrected_and_rejected_events(
    client: Client,
    article: list[dict[str, Any]],
    confirmed_and_rejected: tuple[str, str],
    admin_headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    confirmed, rejected = confirmed_and_rejected
    extractor_without_the_first(monkeypatch)
    response = await client.post(f"/articles/{article[0]['article_id']}/reextract", headers=admin_headers)
    assert response.status_code == 200, response.text
    assert (response.json()["flagged"], response.json()["retracted"]) == ([confirmed], [])
    await caught_up(client)
    flagged = (await client.get("/events?needs_rereview=true")).json()["items"]
    assert [(e["id"], e["review_status"]) for e in flagged] == [(confirmed, "confirmed")]
    visible = {e["id"] for e in (await client.get("/events?limit=500")).json()["items"]}
    assert confirmed in visible and rejected not in visible


async def test_an_article_correction_reruns_extraction_with_it(
    client: Client, article: list[dict[str, Any]], reviewer: dict[str, str]
) -> None:
    article_id = article[0]["article_id"]
    response = await client.patch(f"/articles/{article_id}", json={"published_at": "2018-03-01"}, headers=reviewer)
    assert response.status_code == 200, response.text
    dated = [e for e in article if e.get("occurred")]
    assert dated and len(response.json()["retracted"]) >= len(dated)  # their dates moved with the article's
    assert all(e["occurred"]["start"] >= "2018" for e in response.json()["added"] if e.get("occurred"))
    await caught_up(client)
    shown = (await client.get(f"/articles/{article_id}")).json()
    assert shown["published_at"] == "2018-03-01"
    assert {e["id"] for e in shown["events"]} & {e["id"] for e in dated} == set()
    empty = await client.patch(f"/articles/{article_id}", json={"note": "nothing"}, headers=reviewer)
    assert empty.status_code == 400


async def test_a_rebuild_gives_the_same_reviewed_state(
    client: Client, article: list[dict[str, Any]], reviewer: dict[str, str], admin_headers: dict[str, str]
) -> None:
    await review(client, reviewer, article[0]["id"], verdict="rejected", note="wrong")
    await review(client, reviewer, article[1]["id"], verdict="corrected", changes={"location": NEW_PLACE})
    await caught_up(client)
    before = (await client.get("/events?limit=500&include_rejected=true&sort=occurred")).json()["items"]
    places_before = (await client.get("/places?limit=500")).json()["items"]
    for name in ("conflict_events", "places"):
        assert (await client.post(f"/projections/{name}/rebuild", headers=admin_headers)).status_code == 202
    await caught_up(client)
    assert (await client.get("/events?limit=500&include_rejected=true&sort=occurred")).json()["items"] == before
    assert (await client.get("/places?limit=500")).json()["items"] == places_before


async def test_the_queue_puts_flagged_events_first_and_leaves_reviewed_ones_out(
    client: Client,
    article: list[dict[str, Any]],
    confirmed_and_rejected: tuple[str, str],
    reviewer: dict[str, str],
    admin_headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    confirmed, rejected = confirmed_and_rejected
    await caught_up(client)
    queued = (await client.get("/review/queue?limit=500", headers=reviewer)).json()
    ids = [i["event"]["id"] for i in queued["items"]]
    assert confirmed not in ids and rejected not in ids and queued["total"] == len(ids)
    scores = [i["score"] for i in queued["items"]]
    assert scores == sorted(scores, reverse=True)
    extractor_without_the_first(monkeypatch)
    await client.post(f"/articles/{article[0]['article_id']}/reextract", headers=admin_headers)
    await caught_up(client)
    first = (await client.get("/review/queue?limit=1", headers=reviewer)).json()
    assert first["items"][0]["event"]["id"] == confirmed
    assert "a re-extraction disagrees with the review" in first["items"][0]["reasons"]
    paged: list[str] = []
    cursor = None
    while True:
        suffix = f"&cursor={cursor}" if cursor else ""
        page = (await client.get(f"/review/queue?limit=2{suffix}", headers=reviewer)).json()
        paged += [i["event"]["id"] for i in page["items"]]
        if not (cursor := page["next_cursor"]):
            break
    assert sorted(paged) == sorted({*ids, confirmed}) and len(paged) == len(set(paged))
    assert (await client.get("/review/queue")).status_code == 401


async def test_a_rejected_event_leaves_its_incident_and_a_correction_relinks_it(
    client: Client, article: list[dict[str, Any]], reviewer: dict[str, str]
) -> None:
    rejected, corrected = article[0]["id"], article[1]["id"]
    before = {e["id"]: e for e in (await client.get("/events?limit=500")).json()["items"]}
    assert before[rejected]["incident_id"] is not None
    await review(client, reviewer, rejected, verdict="rejected", note="wrong")
    await review(client, reviewer, corrected, verdict="corrected", changes={"location": NEW_PLACE})
    await caught_up(client)
    shown = {e["id"]: e for e in (await client.get("/events?limit=500&include_rejected=true")).json()["items"]}
    assert shown[rejected]["incident_id"] is None
    incident = (await client.get(f"/incidents/{shown[corrected]['incident_id']}")).json()
    assert corrected in {e["id"] for e in incident["events"]}
    old = before[rejected]["incident_id"]
    if (await client.get(f"/incidents/{old}")).status_code == 200:
        assert rejected not in {e["id"] for e in (await client.get(f"/incidents/{old}")).json()["events"]}
