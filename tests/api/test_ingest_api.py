"""POST /articles, /articles/batch and /articles/{id}/reextract over the real app and database."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
import httpx
import msgspec
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from application import idempotency, ingest
from domain.events import Actor, Evidence, OffensiveLaunched, TalksHeld
from infra.api_keys import create_api_key
from infra.idempotency import StoredReplies
from tests.api.conftest import ClientFactory
from tests.api.served import served

TEXT = (
    "Vertreter Russlands und der Türkei trafen sich am Montag in Astana zu Gesprächen über Syrien. "
    "Die türkische Armee startete eine Offensive auf Al-Bab."
)


def _article(**fields: Any) -> dict[str, Any]:
    return {"title": "Gespräche in Astana", "text": TEXT, "published_at": "2017-01-24", **fields}


@pytest.fixture
async def writer(make_client: ClientFactory, admin_headers: dict[str, str]) -> Any:
    async with make_client(run_workers=False) as client:
        client.headers.update(admin_headers)
        yield client


async def _count(pool: asyncpg.Pool, sql: str) -> int:
    return int(await pool.fetchval(sql))


async def test_new_article_is_201_with_its_events_in_the_wire_format(
    writer: AsyncTestClient[Litestar], pool: asyncpg.Pool
) -> None:
    response = await writer.post("/articles", json=_article())
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["duplicate"] is False and body["id"]
    assert body["events"], "the extractor finds events in this text"
    event = body["events"][0]
    assert {"type", "evidence", "confidence", "id", "article_id", "position", "recorded_at"} <= event.keys()
    assert event["article_id"] == body["id"]
    stored = await pool.fetch("SELECT event_type, metadata FROM events ORDER BY stream_version")
    assert stored[0]["event_type"] == "ArticleSubmitted" and len(stored) == 1 + len(body["events"])
    assert stored[1]["metadata"]["extractor_version"] and stored[1]["metadata"]["causation_id"]


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ({"external_id": "x-1"}, {"external_id": "x-1", "text": "Ganz anderer Text."}),
        ({"url": "https://example.org/a"}, {"url": "https://example.org/a", "text": "Ganz anderer Text."}),
        ({}, {"title": "Another title", "text": TEXT.replace(" ", "  ")}),
    ],
    ids=["external_id", "url", "text"],
)
async def test_the_same_article_again_is_200_with_the_same_id_and_nothing_appended(
    writer: AsyncTestClient[Litestar], pool: asyncpg.Pool, first: dict[str, Any], again: dict[str, Any]
) -> None:
    created = (await writer.post("/articles", json=_article(**first))).json()
    before = await _count(pool, "SELECT count(*) FROM events")
    response = await writer.post("/articles", json=_article(**again))
    assert response.status_code == 200
    assert response.json()["id"] == created["id"] and response.json()["duplicate"] is True
    assert response.json()["events"] == created["events"]
    assert await _count(pool, "SELECT count(*) FROM events") == before


async def test_invalid_articles_are_400_problems_and_store_nothing(
    writer: AsyncTestClient[Litestar], pool: asyncpg.Pool
) -> None:
    for bad in (_article(title=" "), _article(language="fr"), _article(published_at="gestern"), {"text": "x"}):
        response = await writer.post("/articles", json=bad)
        assert response.status_code == 400, bad
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["detail"]
    assert await _count(pool, "SELECT count(*) FROM events") == 0


async def test_malformed_json_wrong_content_type_and_oversize_bodies_are_problems(
    make_client: ClientFactory, admin_headers: dict[str, str]
) -> None:
    async with make_client(run_workers=False, max_body_bytes=2000) as client:
        json_headers = {**admin_headers, "Content-Type": "application/json"}
        malformed = await client.post("/articles", content=b'{"title": ', headers=json_headers)
        form = await client.post("/articles", data={"title": "t", "text": "x"}, headers=admin_headers)
        oversize = await client.post("/articles", json=_article(text="x" * 5000), headers=admin_headers)
    assert (malformed.status_code, form.status_code, oversize.status_code) == (400, 415, 413)
    for response in (malformed, form, oversize):
        assert response.headers["content-type"].startswith("application/problem+json")


async def test_writes_need_a_key_with_the_ingest_scope(
    make_client: ClientFactory, make_headers: Any, pool: asyncpg.Pool
) -> None:
    async with make_client(run_workers=False) as client:
        anonymous = await client.post("/articles", json=_article())
        reader = await client.post("/articles", json=_article(), headers=await make_headers("read"))
        batch = await client.post("/articles/batch", json=[_article()])
    assert (anonymous.status_code, reader.status_code, batch.status_code) == (401, 403, 401)
    assert await _count(pool, "SELECT count(*) FROM events") == 0


async def test_idempotency_key_replays_the_first_reply_and_refuses_another_body(
    writer: AsyncTestClient[Litestar],
) -> None:
    headers = {"Idempotency-Key": "req-1"}
    first = await writer.post("/articles", json=_article(), headers=headers)
    again = await writer.post("/articles", json=_article(), headers=headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    other = await writer.post("/articles", json=_article(title="different"), headers=headers)
    assert other.status_code == 409
    assert other.headers["content-type"].startswith("application/problem+json")


async def test_concurrent_requests_with_one_idempotency_key_store_exactly_one_article(
    clean_db: str, admin_headers: dict[str, str], pool: asyncpg.Pool
) -> None:
    headers = {**admin_headers, "Idempotency-Key": "race-1"}
    bodies = [_article(text=f"{TEXT} Variante {i}.", external_id=f"race-{i}") for i in range(10)]
    async with served(clean_db) as base, httpx.AsyncClient(base_url=base, timeout=30) as http:
        responses = await asyncio.gather(*(http.post("/articles", json=b, headers=headers) for b in bodies))
        statuses = [r.status_code for r in responses]
        assert await _count(pool, "SELECT count(*) FROM streams WHERE stream_id LIKE 'article-%'") == 1, statuses
        [winner] = [r for r in responses if r.status_code == 201]
        for other in responses:
            if other is not winner:
                assert other.status_code == 409, other.text
                assert other.headers["content-type"].startswith("application/problem+json")
        assert winner.json()["id"] == str(await pool.fetchval("SELECT article_id FROM article_keys LIMIT 1"))
        replay = await http.post("/articles", json=bodies[statuses.index(201)], headers=headers)
    assert (replay.status_code, replay.json()) == (201, winner.json())


async def test_batch_reports_each_item_and_a_bad_item_does_not_sink_the_others(
    writer: AsyncTestClient[Litestar], pool: asyncpg.Pool
) -> None:
    items = [_article(external_id="a"), {"title": "no text"}, _article(external_id="a"), _article(text="Kurz.")]
    response = await writer.post("/articles/batch", json=items)
    assert response.status_code == 200
    results = response.json()["items"]
    assert [r["index"] for r in results] == [0, 1, 2, 3]
    assert sorted(r["status"] for r in (results[0], results[2])) == [200, 201]
    assert results[1]["status"] == 400 and "text" in results[1]["detail"]
    assert results[3]["status"] == 201
    assert await _count(pool, "SELECT count(*) FROM streams") == 2


async def test_oversize_batch_is_refused_whole(writer: AsyncTestClient[Litestar], pool: asyncpg.Pool) -> None:
    response = await writer.post("/articles/batch", json=[{"title": "t", "text": f"{i}"} for i in range(501)])
    assert response.status_code == 400 and "500" in response.json()["detail"]
    assert await _count(pool, "SELECT count(*) FROM streams") == 0


async def test_concurrent_posts_of_one_article_make_one_stream(
    writer: AsyncTestClient[Litestar], pool: asyncpg.Pool
) -> None:
    variants = [_article(url=f"https://example.org/{i}") for i in range(6)]  # same text, different ids
    responses = await asyncio.gather(*(writer.post("/articles", json=v) for v in variants))
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] * 5 + [201]
    assert len({r.json()["id"] for r in responses}) == 1
    assert await _count(pool, "SELECT count(*) FROM streams") == 1


def _fake_extractor(events: list[Any]) -> Any:
    def fake(text: str, published_at: str | None, language: str) -> list[Any]:
        return list(events)

    return fake


async def test_reextract_retracts_what_no_longer_stands_and_adds_what_is_new(
    writer: AsyncTestClient[Litestar], pool: asyncpg.Pool, monkeypatch: pytest.MonkeyPatch
) -> None:
    russia = Actor(name="Russland", code="RUS", role="participant")
    talks = TalksHeld(evidence=Evidence(text="…", start=0, end=90), actors=(russia,))
    offensive = OffensiveLaunched(evidence=Evidence(text="…", start=91, end=140))
    monkeypatch.setattr(ingest, "run_extractor", _fake_extractor([talks]))
    article_id = (await writer.post("/articles", json=_article())).json()["id"]
    monkeypatch.setattr(ingest, "run_extractor", _fake_extractor([offensive]))
    response = await writer.post(f"/articles/{article_id}/reextract")
    assert response.status_code == 200, response.text
    body = response.json()
    assert len(body["retracted"]) == 1 and [e["type"] for e in body["added"]] == ["OffensiveLaunched"]
    types = [r["event_type"] for r in await pool.fetch("SELECT event_type FROM events ORDER BY stream_version")]
    assert types == ["ArticleSubmitted", "TalksHeld", "EventRetracted", "OffensiveLaunched"]
    again = (await writer.post(f"/articles/{article_id}/reextract")).json()
    assert again["retracted"] == [] and again["added"] == [] and again["unchanged"] == 1


async def test_reextract_of_an_unknown_article_is_404(writer: AsyncTestClient[Litestar]) -> None:
    response = await writer.post("/articles/00000000-0000-0000-0000-000000000000/reextract")
    assert response.status_code == 404


async def test_a_request_whose_key_is_still_in_progress_is_told_when_to_retry(
    make_client: ClientFactory, pool: asyncpg.Pool
) -> None:
    api_key, secret = await create_api_key(pool, "writer", "ingest")
    body = msgspec.json.encode(_article())
    fingerprint = idempotency.request_hash("POST", "/articles", body)
    await StoredReplies(pool).claim(str(api_key.key_id), "slow-1", fingerprint, lease_s=60)  # a request still running
    headers = {"Authorization": f"Bearer {secret}", "Idempotency-Key": "slow-1", "content-type": "application/json"}
    async with make_client(run_workers=False) as client:
        response = await client.post("/articles", content=body, headers=headers)
    assert response.status_code == 409, response.text
    assert int(response.headers["retry-after"]) >= 1
    assert "in progress" in response.json()["detail"]
    assert await _count(pool, "SELECT count(*) FROM streams") == 0
