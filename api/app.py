"""The composition root: `create_app(settings, database_url)` builds the Litestar app.

The lifespan owns the asyncpg pool and the background workers (projection runner,
webhook dispatcher). Nothing connects at import time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Coroutine
from dataclasses import replace
from typing import Any

from litestar import Litestar, Request, Response
from litestar.datastructures import State
from litestar.di import Provide
from litestar.handlers import HTTPRouteHandler
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.openapi.spec import Components, SecurityRequirement, SecurityScheme
from litestar.routes import HTTPRoute

from api.auth import ScopeGuard
from api.consistency import read_after
from api.errors import EXCEPTION_HANDLERS, problem_responses
from api.observability import observe_http
from api.openapi import ClosedStructSchemaPlugin
from api.routes import ROUTE_HANDLERS
from api.routes.metrics import scrape
from api.routes.web import vendor_url
from api.services import Services, service_pool
from api.tasks import stop_tasks
from infra.db import close_pool
from infra.event_store import EventStore
from infra.follower import FollowerRunner
from infra.leadership import Leadership
from infra.projection_runner import projection_followers
from infra.read_models import READ_MODELS
from infra.settings import Settings
from infra.webhooks.fanout import fanout_follower
from infra.webhooks.incidents import incident_fanout_follower
from infra.webhooks.worker import run_dispatchers

log = logging.getLogger("conflictdb")
BEARER = "bearerAuth"  # the OpenAPI security scheme of API keys


def background_workers(services: Services) -> list[Coroutine[Any, Any, None]]:
    """Long-running tasks started with the app: one runner for every log follower (the
    projections, the webhook fan-out of the log and of the incident changes) and the webhook dispatchers,
    on one shared listener. The runner steps the followers this process leads (one advisory lock
    each, infra/leadership.py), so any number of `serve` and `worker` processes can run them."""
    followers = [*projection_followers(READ_MODELS.values()), fanout_follower(), incident_fanout_follower()]
    runner = FollowerRunner(
        services.pool,
        followers,
        listener=services.listener,
        leadership=Leadership(services.database_url, retry_s=services.settings.poll_interval_s),
        poll_interval_s=services.settings.poll_interval_s,
    )
    return [runner.run_forever(), run_dispatchers(services.pool, services.listener, services.settings)]


def create_app(settings: Settings, database_url: str) -> Litestar:
    @contextlib.asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        pool = await service_pool(settings, database_url, max_size=20)
        read_url = settings.database_read_url
        replica = None if read_url is None else await service_pool(settings, read_url, max_size=20)
        services = Services(
            settings=settings, pool=pool, store=EventStore(pool), database_url=database_url, replica=replica
        )
        app.state.services = services
        tasks = [asyncio.create_task(w) for w in background_workers(services)] if settings.run_workers else []
        try:
            yield
        finally:
            await stop_tasks(tasks, settings.shutdown_timeout_s)
            await services.live.close()
            await services.listener.close()
            await services.store.close()
            if replica is not None:
                await close_pool(replica, settings.shutdown_timeout_s)
            await close_pool(pool, settings.shutdown_timeout_s)

    app = Litestar(
        route_handlers=[*ROUTE_HANDLERS, scrape],
        lifespan=[lifespan],
        before_request=_options,
        dependencies={"services": Provide(_services, sync_to_thread=False), "read_after": Provide(read_after)},
        exception_handlers=EXCEPTION_HANDLERS,
        request_max_body_size=settings.max_body_bytes,
        plugins=[ClosedStructSchemaPlugin()],
        openapi_config=OpenAPIConfig(
            title="conflictdb",
            version="0.1.0",
            path="/schema",
            description="Conflict events extracted from news articles: query, export, subscribe.",
            render_plugins=[_offline_swagger()],
            components=Components(
                security_schemes={
                    BEARER: SecurityScheme(
                        type="http",
                        scheme="bearer",
                        description="API key from `conflictdb apikey create`; needed for writes "
                        "(and for reads when CONFLICTDB_READ_KEYS_REQUIRED is set)",
                    )
                }
            ),
        ),
        debug=False,
        logging_config=None,  # the commands configure logging (api.observability); Litestar's would replace it
    )
    for route in app.routes:
        if isinstance(route, HTTPRoute):
            for handler in route.route_handlers:
                if handler.include_in_schema and "OPTIONS" not in handler.http_methods:
                    _declare(handler, settings)
    # Outside routing and the exception handlers, so unmatched routes are counted and logged too.
    app.asgi_handler = observe_http(app.asgi_handler)
    return app


def _offline_swagger() -> SwaggerRenderPlugin:
    """The docs page at /schema from swagger-ui-dist in node_modules: no CDN, so it works offline."""
    return SwaggerRenderPlugin(
        path=["/", "/swagger"],
        js_url=vendor_url("swagger-ui", "swagger-ui-bundle.js"),
        css_url=vendor_url("swagger-ui", "swagger-ui.css"),
        standalone_preset_js_url=vendor_url("swagger-ui", "swagger-ui-standalone-preset.js"),
        favicon=f"<link rel='icon' type='image/png' href='{vendor_url('swagger-ui', 'favicon-32x32.png')}'>",
    )


def create_metrics_app(services: Services) -> Litestar:
    """/metrics and /health alone, for `conflictdb worker` (which has no API of its own)."""
    from api.routes.health import health

    app = Litestar(
        route_handlers=[health, scrape],
        dependencies={"services": Provide(_services, sync_to_thread=False)},
        exception_handlers=EXCEPTION_HANDLERS,
        openapi_config=None,
        logging_config=None,
        debug=False,
    )
    app.state.services = services
    app.asgi_handler = observe_http(app.asgi_handler)
    return app


def _declare(handler: HTTPRouteHandler, settings: Settings) -> None:
    """Complete an operation's OpenAPI declaration: its problem responses, the key it needs,
    and no invented examples (Litestar would fill in random strings)."""
    declared = problem_responses(*_problem_statuses(handler, settings))
    responses = {**declared, **(handler.responses or {})}
    handler.responses = {status: replace(spec, generate_examples=False) for status, spec in responses.items()}
    security = _security(handler, settings)
    if security is not None:
        handler.security = security


def _security(handler: HTTPRouteHandler, settings: Settings) -> list[SecurityRequirement] | None:
    scopes = _scopes(handler)
    if not scopes:
        return None
    if scopes - {"read"} or settings.read_keys_required:
        return [{BEARER: []}]
    return [{}, {BEARER: []}]  # a key is optional: anonymous or bearer


def _scopes(handler: HTTPRouteHandler) -> set[str]:
    return {guard.scope for guard in handler.resolve_guards() if isinstance(guard, ScopeGuard)}


def _problem_statuses(handler: HTTPRouteHandler, settings: Settings) -> list[int]:
    """The problem responses an operation can give, for its OpenAPI declaration."""
    params = handler.parsed_fn_signature.parameters
    statuses = set()
    if set(params) - {"services", "request"}:
        statuses.add(400)
    scopes = _scopes(handler)
    if scopes - {"read"}:
        statuses |= {401, 403}
    elif scopes and settings.read_keys_required:
        statuses.add(401)
    if any("{" in path for path in handler.paths):
        statuses.add(404)
    if handler.http_methods - {"GET", "HEAD"}:
        statuses.add(409)
    if "data" in params:
        statuses |= {413, 415}
    if "read_after" in params:
        statuses |= {409, 503}
    return sorted(statuses)


def _options(request: Request[Any, Any, Any]) -> Response[None] | None:
    """OPTIONS answers with every method the path allows. (Litestar's own OPTIONS handler
    lists only the methods registered before it when a controller adds several handlers
    to one path.)"""
    if request.method != "OPTIONS":
        return None
    paths = request.route_handler.paths
    methods = {m for route in request.app.routes if route.path in paths for m in route.methods}
    return Response(None, status_code=204, headers={"Allow": ", ".join(sorted(methods))})


def _services(state: State) -> Services:
    services: Services = state.services
    return services
