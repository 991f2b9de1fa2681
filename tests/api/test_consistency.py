"""Read your own writes: a write replies with its log position, and reads given it as
`min_position` wait (bounded) until the read models have applied it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import ClientFactory

TEXT = (
    "Delegations of Armenia and Azerbaijan held talks in Geneva on Tuesday about the border. "
    "The next day the army of Azerbaijan launched an offensive on the town of Lachin."
)


def _article(n: int) -> dict[str, Any]:
    return {"title": f"Border talks {n}", "text": f"{TEXT} Report number {n}.", "published_at": "2023-05-02"}


@pytest.mark.parametrize("attempt", range(5))
async def test_a_read_right_after_a_201_with_min_position_never_404s(
    make_client: ClientFactory, admin_headers: dict[str, str], attempt: int
) -> None:
    async with make_client(poll_interval_s=5.0) as client:
        created = await client.post("/articles", json=_article(attempt), headers=admin_headers)
        assert created.status_code == 201, created.text
        body = created.json()
        position = body["position"]
        assert created.headers["Log-Position"] == position
        wait = {"min_position": position}
        article = await client.get(f"/articles/{body['id']}", params=wait)
        event = await client.get(f"/events/{body['events'][0]['id']}", params=wait)
        listed = await client.get("/events", params={**wait, "article_id": body["id"]})
        places = await client.get("/places", params=wait)
    assert article.status_code == 200, article.text
    assert [e["id"] for e in article.json()["events"]] == [e["id"] for e in body["events"]]
    assert event.status_code == 200, event.text
    assert listed.status_code == 200 and listed.json()["total"] == len(body["events"])
    assert places.status_code == 200 and places.json()["items"]


async def test_the_batch_replies_with_the_latest_position_of_its_items(
    make_client: ClientFactory, admin_headers: dict[str, str]
) -> None:
    async with make_client() as client:
        reply = await client.post("/articles/batch", json=[_article(1), _article(2)], headers=admin_headers)
        body = reply.json()
        latest = max(body["items"], key=lambda i: [int(part) for part in i["position"].split("-")])["position"]
        second = await client.get(f"/articles/{body['items'][1]['id']}", params={"min_position": body["position"]})
    assert reply.status_code == 200 and body["position"] == latest == reply.headers["Log-Position"]
    assert second.status_code == 200


async def test_min_position_the_read_models_do_not_reach_in_time_is_503_with_retry_after(
    make_client: ClientFactory, admin_headers: dict[str, str]
) -> None:
    async with make_client(run_workers=False, read_wait_s=0.2) as client:
        created = await client.post("/articles", json=_article(9), headers=admin_headers)
        stale = await client.get(
            f"/articles/{created.json()['id']}", params={"min_position": created.json()["position"]}
        )
        bad = await client.get("/places", params={"min_position": "later"})
    assert stale.status_code == 503 and stale.headers["content-type"].startswith("application/problem+json")
    assert int(stale.headers["Retry-After"]) >= 1 and created.json()["position"] in stale.json()["detail"]
    assert bad.status_code == 400 and "min_position" in bad.json()["detail"]


async def test_min_position_past_the_end_of_the_log_is_409_not_a_503_to_retry(
    make_client: ClientFactory, admin_headers: dict[str, str]
) -> None:
    async with make_client(read_wait_s=0.2) as client:
        created = await client.post("/articles", json=_article(10), headers=admin_headers)
        tx_id, global_position = created.json()["position"].split("-")
        past = f"{int(tx_id) + 1_000_000}-{global_position}"
        reads = [await client.get(path, params={"min_position": past}) for path in ("/actors", "/places")]
    assert [r.status_code for r in reads] == [409, 409], [r.text for r in reads]
    assert past in reads[0].json()["detail"] and "Retry-After" not in reads[0].headers
