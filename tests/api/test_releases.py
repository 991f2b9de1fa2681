"""Releases and as-of reads over HTTP: a release taken before a re-extraction and reviews still
returns the old rows and a byte-identical CSV afterwards; changed_since lists exactly what changed
(created, updated by a correction, rejected, retracted)."""

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


async def test_a_release_keeps_its_rows_and_its_csv_after_reviews_and_a_reextraction(
    client: Client,
    seeded: list[dict[str, Any]],
    admin_headers: dict[str, str],
    reviewer: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    created = await client.post("/releases", json={"name": "2026.12"}, headers=admin_headers)
    assert created.status_code == 201, created.text
    release = created.json()
    assert release["name"] == "2026.12" and release["position"] and release["created_at"]
    csv_before = (await client.get("/events?release=2026.12&format=csv")).content
    json_before = (await client.get("/events?release=2026.12&limit=500&sort=occurred")).json()["items"]
    assert {e["id"] for e in json_before} == {e["id"] for e in seeded}

    rejected, corrected = seeded[0], seeded[1]
    await client.post(f"/events/{rejected['id']}/review", json={"verdict": "rejected", "note": "x"}, headers=reviewer)
    changes = {"verdict": "corrected", "changes": {"location": NEW_PLACE}}
    assert (await client.post(f"/events/{corrected['id']}/review", json=changes, headers=reviewer)).status_code == 200
    later = {**seed_articles()[0], "external_id": "later", "text": seed_articles()[0]["text"] + "\n\n(Nachdruck)"}
    posted = await client.post("/articles", json=later, headers=admin_headers)
    assert posted.status_code == 201 and posted.json()["events"], posted.text
    created_ids = [e["id"] for e in posted.json()["events"]]
    real = ingest.run_extractor

    def fewer(text: str, published_at: str | None, language: str) -> list[ConflictEvent]:
        return real(text, published_at, language)[:-1]

    monkeypatch.setattr(ingest, "run_extractor", fewer)
    last_article = seeded[-1]["article_id"]
    reextracted = (await client.post(f"/articles/{last_article}/reextract", headers=admin_headers)).json()
    assert reextracted["retracted"]
    await caught_up(client)

    assert (await client.get("/events?release=2026.12&format=csv")).content == csv_before
    assert (await client.get("/events?release=2026.12&limit=500&sort=occurred")).json()["items"] == json_before
    live = {e["id"]: e for e in (await client.get("/events?limit=500")).json()["items"]}
    assert rejected["id"] not in live and live[corrected["id"]]["location"]["name"] == "Manbij"
    assert set(created_ids) <= set(live) and not set(created_ids) & {e["id"] for e in json_before}

    changed = (await client.get(f"/events?changed_since={release['position']}&limit=500")).json()["items"]
    kinds = {e["id"]: e["change"] for e in changed}
    assert kinds == {
        rejected["id"]: "rejected",
        corrected["id"]: "updated",
        **dict.fromkeys(reextracted["retracted"], "retracted"),
        **dict.fromkeys(created_ids, "created"),
    }
    assert all(
        e["changed_at"] > release["position"] or len(e["changed_at"]) != len(release["position"]) for e in changed
    )

    assert (await client.post("/projections/event_versions/rebuild", headers=admin_headers)).status_code == 202
    await caught_up(client)
    assert (await client.get("/events?release=2026.12&format=csv")).content == csv_before


async def test_releases_are_listed_named_once_and_need_an_admin(
    client: Client, seeded: list[dict[str, Any]], admin_headers: dict[str, str], reviewer: dict[str, str]
) -> None:
    assert (await client.post("/releases", json={"name": "v1"}, headers=admin_headers)).status_code == 201
    again = await client.post("/releases", json={"name": "v1"}, headers=admin_headers)
    assert again.status_code == 409 and again.headers["content-type"].startswith("application/problem+json")
    assert (await client.post("/releases", json={"name": "v2"}, headers=reviewer)).status_code == 403
    for body in ({"name": "no spaces"}, {"name": "v4", "position": "x"}):
        assert (await client.post("/releases", json=body, headers=admin_headers)).status_code == 400, body
    later = {"name": "v3", "position": "99999999-1"}  # well formed, not reached yet
    assert (await client.post("/releases", json=later, headers=admin_headers)).status_code == 409
    assert [r["name"] for r in (await client.get("/releases")).json()["items"]] == ["v1"]
    assert (await client.get("/releases/v1")).json()["name"] == "v1"
    assert (await client.get("/releases/nope")).status_code == 404
    assert (await client.get("/events?release=nope")).status_code == 404


async def test_as_of_reads_the_log_position_and_refuses_what_is_not_projected(
    client: Client, seeded: list[dict[str, Any]]
) -> None:
    assert (await client.get("/events?as_of=0")).json()["items"] == []
    assert (await client.get("/events?as_of=0-0")).json()["total"] == 0
    head = (await client.get("/log?limit=1000")).json()["items"][-1]["position"]
    assert (await client.get(f"/events?as_of={head}&limit=500")).json()["total"] == len(seeded)
    malformed, later = await client.get("/events?as_of=yesterday"), await client.get("/events?as_of=99999999999-1")
    assert malformed.status_code == 400 and "as_of" in malformed.json()["detail"]
    assert later.status_code == 409 and "as_of" in later.json()["detail"]  # well formed, not projected yet
    both = await client.get(f"/events?as_of={head}&changed_since=0")
    assert both.status_code == 400


def _position(raw: str) -> tuple[int, int]:
    tx, position = raw.split("-")
    return int(tx), int(position)
