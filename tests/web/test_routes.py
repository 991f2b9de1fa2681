"""The page's routes, in-process: `/`, its own files and the npm packages it loads, none of
them in the OpenAPI schema, nothing else of node_modules reachable."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from api.app import create_app
from api.routes.web import VENDOR_DIRS, WEB_DIR, web_root
from infra.settings import load_settings

Client = AsyncTestClient[Litestar]


@pytest.fixture
async def client(clean_db: str) -> AsyncIterator[Client]:
    settings = load_settings({}, database_url=clean_db, run_workers=False)
    async with AsyncTestClient(app=create_app(settings, clean_db)) as client:
        yield client


async def test_the_root_serves_the_page(client: Client) -> None:
    response = await client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<title>conflictdb" in response.text


async def test_every_file_the_page_names_is_served_from_the_app(client: Client) -> None:
    page = (await client.get("/")).text
    named = [p for p in re.findall(r'(?:src|href)="(/[^"]+)"', page) if p.startswith(("/static/", "/vendor/"))]
    scripts = [p for p in named if p.endswith(".js")]
    assert any(p.startswith("/vendor/leaflet/") for p in scripts)
    for module in (WEB_DIR / "js").glob("*.js"):  # the modules main.js imports
        named.append(f"/static/js/{module.name}")
    for path in named:
        response = await client.get(path)
        assert response.status_code == 200, path
        assert not response.text.lstrip().startswith("<!doctype"), path


async def test_the_page_and_the_docs_name_no_other_host(client: Client) -> None:
    for path in ("/", "/schema"):
        html = (await client.get(path)).text
        assert not re.search(r'(?:src|href)=["\'](?:https?:)?//', html), path


async def test_only_the_listed_packages_are_reachable(client: Client) -> None:
    assert (await client.get("/vendor/leaflet/leaflet.js")).status_code == 200
    assert (await client.get("/vendor/leaflet/../package.json")).status_code == 404
    assert (await client.get("/vendor/leaflet/%2e%2e/package.json")).status_code == 404
    assert (await client.get("/vendor/commander/index.js")).status_code == 404
    assert "commander" not in VENDOR_DIRS


async def test_the_page_routes_stay_out_of_the_schema(client: Client) -> None:
    paths = (await client.get("/schema/openapi.json")).json()["paths"]
    assert not [p for p in paths if p == "/" or p.startswith(("/static", "/vendor"))]


def test_an_installed_package_finds_the_page_in_the_working_directory(tmp_path: Path) -> None:
    site, app = tmp_path / "site-packages", tmp_path / "app"  # the Docker image: package, WORKDIR
    (app / "web").mkdir(parents=True)
    (app / "web" / "index.html").write_text("<!doctype html>")
    site.mkdir()
    assert web_root(site, app) == app
    (site / "web").mkdir()
    (site / "web" / "index.html").write_text("<!doctype html>")
    assert web_root(site, app) == site  # a checkout's own web/ comes first
