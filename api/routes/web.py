"""The analyst's page: `/` and its files, served by the app itself so it works offline.

The page's own files live in `web/`; its third-party packages come from the npm registry
(package.json + package-lock.json, installed by `make install` into `node_modules/`) and are
served from there under `/vendor/<package>/`: nothing is copied into the repository, nothing
is loaded from a CDN.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar import MediaType, Response, get
from litestar.datastructures import CacheControlHeader
from litestar.static_files import create_static_files_router


def web_root(package_parent: Path, cwd: Path) -> Path:
    """The folder holding web/ and node_modules/: the checkout beside the package (`make install`,
    an editable install), else the working directory (the Docker image installs the package into
    site-packages and keeps both in its WORKDIR, /app)."""
    for candidate in (package_parent, cwd):
        if (candidate / "web" / "index.html").is_file():
            return candidate
    return package_parent


ROOT = web_root(Path(__file__).resolve().parents[2], Path.cwd())
WEB_DIR = ROOT / "web"
NODE_MODULES = ROOT / "node_modules"
# URL prefix -> the folder of the npm package that is served there (only what the pages load).
VENDOR_DIRS = {
    "leaflet": "leaflet/dist",
    "leaflet.markercluster": "leaflet.markercluster/dist",
    "topojson-client": "topojson-client/dist",
    "world-atlas": "world-atlas",
    "swagger-ui": "swagger-ui-dist",
}
MISSING_VENDOR = (
    "<!doctype html><meta charset=utf-8><title>conflictdb</title>"
    "<p>The page's front-end packages are not installed: run <code>make install</code> (npm ci).</p>"
)


@get("/", include_in_schema=False, cache_control=CacheControlHeader(no_cache=True))
async def index() -> Response[bytes]:
    if not (NODE_MODULES.is_dir() and WEB_DIR.is_dir()):
        return Response(MISSING_VENDOR.encode(), media_type=MediaType.HTML, status_code=503)
    return Response((WEB_DIR / "index.html").read_bytes(), media_type=MediaType.HTML)


def vendor_url(package: str, file: str) -> str:
    """Where the app serves `file` of an npm package listed in VENDOR_DIRS."""
    return f"/vendor/{package}/{file}"


def _static_routers() -> list[Any]:
    routers: list[Any] = [
        create_static_files_router("/static", [WEB_DIR], name="web", cache_control=CacheControlHeader(no_cache=True))
    ]
    for package, folder in VENDOR_DIRS.items():
        routers.append(
            create_static_files_router(
                f"/vendor/{package}",
                [NODE_MODULES / folder],
                name=f"vendor-{package}",
                cache_control=CacheControlHeader(max_age=86400),
            )
        )
    return routers


ROUTES: list[Any] = [index, *_static_routers()]
