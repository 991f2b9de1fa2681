"""`conflictdb serve` and `conflictdb migrate`."""

from __future__ import annotations

import argparse
import asyncio
import errno
import socket
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from api.commands.common import add_database_options, exit_cleanly_on_sigterm, prepare_database, settings_from
from domain.errors import ConfigurationError
from infra.settings import Settings


def register(sub: Any) -> None:
    serve = sub.add_parser("serve", help="run the HTTP API with projections and webhook dispatch")
    add_database_options(serve)
    serve.add_argument("--host", help="interface to bind [CONFLICTDB_HOST, 127.0.0.1]")
    serve.add_argument("--port", type=int, help="TCP port [CONFLICTDB_PORT, 8000]")
    serve.add_argument("--ingest-seeds", action="store_true", help="ingest seeds/ when the store is empty")
    serve.add_argument("--no-workers", action="store_true", help="serve the API only (no projections, no dispatch)")
    serve.set_defaults(func=run_serve)
    migrate = sub.add_parser("migrate", help="apply database migrations and exit")
    add_database_options(migrate)
    migrate.set_defaults(func=run_migrate)


def run_serve(args: argparse.Namespace) -> int:
    from api.app import create_app
    from api.head import head_as_get
    from api.observability import announce, configure_logging

    settings = settings_from(args, host=args.host, port=args.port, run_workers=False if args.no_workers else None)
    configure_logging(settings)
    check_port_free(settings.host, settings.port)
    url = prepare_database(settings)
    if args.ingest_seeds:
        _ingest_seeds(settings, url)
    app = create_app(settings, url)
    exit_cleanly_on_sigterm()
    announce(settings, f"conflictdb: serving on http://{settings.host}:{settings.port} (OpenAPI at /schema)")
    uvicorn.Server(server_config(head_as_get(app), settings)).run()
    return 0


def server_config(app: Any, settings: Settings, **overrides: Any) -> uvicorn.Config:
    """uvicorn's configuration for the service: bounded connections, heads and idle time, so
    many slow or half-open clients cannot starve the ones that talk."""
    options: dict[str, Any] = {
        "host": settings.host,
        "port": settings.port,
        "log_level": settings.log_level,
        "log_config": None,  # uvicorn's records go through our handler
        "access_log": False,  # our middleware writes the access log
        "http": header_timeout_protocol(settings.http_header_timeout_s),
        "timeout_keep_alive": settings.http_keep_alive_s,
        "limit_concurrency": settings.http_max_connections,
        "h11_max_incomplete_event_size": settings.http_max_header_bytes,
    }
    return uvicorn.Config(app, **(options | overrides))


def header_timeout_protocol(timeout_s: float) -> type[HttpToolsProtocol]:
    """uvicorn's HTTP/1.1 protocol with a deadline for each request's head: a connection that
    has not sent a complete head `timeout_s` after it opened (or after its last response) is
    closed. uvicorn alone waits forever for a head that never ends (slowloris)."""

    class HeaderTimeoutProtocol(HttpToolsProtocol):
        _head_deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm_head_deadline()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm_head_deadline()
            super().connection_lost(exc)

        def on_headers_complete(self) -> None:
            self._disarm_head_deadline()
            super().on_headers_complete()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm_head_deadline()

        def _arm_head_deadline(self) -> None:
            self._disarm_head_deadline()
            self._head_deadline = self.loop.call_later(timeout_s, self._head_too_slow)

        def _disarm_head_deadline(self) -> None:
            if self._head_deadline is not None:
                self._head_deadline.cancel()
                self._head_deadline = None

        def _head_too_slow(self) -> None:
            self._head_deadline = None
            if not self.transport.is_closing():
                self.transport.close()

    return HeaderTimeoutProtocol


def run_migrate(args: argparse.Namespace) -> int:
    prepare_database(settings_from(args))
    print("conflictdb: migrations applied")
    return 0


def check_port_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            reason = "is in use" if exc.errno == errno.EADDRINUSE else f"cannot be bound: {exc.strerror}"
            raise ConfigurationError(f"port {port} on {host} {reason}") from None


def _ingest_seeds(settings: Any, url: str) -> None:
    """Ingest seeds/ on first start, i.e. while no article is stored."""
    import asyncio

    from api.commands.ingest import ingest_seeds_if_empty

    print(f"conflictdb: {asyncio.run(ingest_seeds_if_empty(url))}", flush=True)
