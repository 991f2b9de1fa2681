"""GET /codebook (JSON and the rendered page) and GET /codebook/actors/{code}."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient

from domain.extraction.codes import ALPHA3, rebels_of
from domain.gazetteer.actors import emitted_codes

Client = AsyncTestClient[Litestar]


async def test_codebook_as_json_names_types_roles_and_codes(client: Client) -> None:
    response = await client.get("/codebook")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    talks = next(t for t in body["event_types"] if t["type"] == "TalksHeld")
    assert [r["role"] for r in talks["roles"]] == ["participant", "mediator"]
    assert {"planned", "negated"} <= {m["name"] for m in body["modality"]}
    assert {"city", "region", "country"} == {p["value"] for p in body["place_precisions"]}


async def test_codebook_page_is_html_on_request(client: Client) -> None:
    for response in (
        await client.get("/codebook?format=html"),
        await client.get("/codebook", headers={"Accept": "text/html,application/xhtml+xml"}),
    ):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        assert "<h2 id='actors'>Actor codes</h2>" in response.text and "COL-REB" in response.text


async def test_codebook_page_has_the_media_type_its_openapi_declares(client: Client) -> None:
    page = await client.get("/codebook?format=html")
    declared = (await client.get("/schema/openapi.json")).json()["paths"]["/codebook"]["get"]["responses"]["200"]
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert set(declared["content"]) == {"application/json", "text/html"}


async def test_codebook_refuses_an_unknown_format(client: Client) -> None:
    response = await client.get("/codebook?format=pdf")
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_one_actor_code_with_its_aliases(client: Client) -> None:
    body = (await client.get("/codebook/actors/ukr-reb")).json()
    assert (body["code"], body["kind"], body["country"]) == ("UKR-REB", "rebel_group", "UA")
    assert body["aliases"]


async def test_unknown_and_malformed_actor_codes(client: Client) -> None:
    missing = await client.get("/codebook/actors/XYZ")
    assert missing.status_code == 404
    assert "XYZ" in missing.json()["detail"]
    assert (await client.get("/codebook/actors/not a code")).status_code == 400


async def test_codebook_lists_every_actor_code_the_gazetteer_can_emit(client: Client) -> None:
    listed = {a["code"] for a in (await client.get("/codebook")).json()["actors"]}
    assert emitted_codes() <= listed, sorted(emitted_codes() - listed)


async def test_every_rebel_and_militia_code_the_extractor_derives_is_answered(client: Client) -> None:
    derived = {rebels_of(state) for state in ALPHA3.values()} | {f"{state}-MIL" for state in ALPHA3.values()}
    for code in sorted(derived):
        response = await client.get(f"/codebook/actors/{code}")
        assert response.status_code == 200, code
        assert response.json()["kind"] in {"rebel_group", "militia", "armed_group"}, code
