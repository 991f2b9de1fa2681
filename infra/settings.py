"""One frozen Settings object built from the environment, with typed defaults.

Every option of the CLI also reads an environment variable; errors name the variable.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal, TypeVar

import msgspec

from domain.errors import ConfigurationError

T = TypeVar("T")

DEFAULT_RETRY_SCHEDULE = (5.0, 300.0, 1800.0, 7200.0, 18000.0, 36000.0, 36000.0)
DATA_DIR_NAME = ".conflictdb"
LogFormat = Literal["text", "json"]


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    host: str = "127.0.0.1"
    port: int = 8000
    data_dir: Path | None = None  # None: find_data_dir() from the current folder
    database_url: str | None = None
    database_read_url: str | None = None  # a streaming replica for the read routes; None: they read the primary
    read_keys_required: bool = False
    max_body_bytes: int = 2 * 1024 * 1024
    poll_interval_s: float = 1.0
    run_workers: bool = True
    log_level: str = "info"
    log_format: LogFormat = "text"
    metrics_key: str | None = None  # when set, GET /metrics needs `Authorization: Bearer <it>`
    worker_metrics_port: int | None = None  # `conflictdb worker` serves /metrics there when set
    ready_max_lag: int = 1000
    ready_max_replica_lag_s: float = 30.0  # /ready degrades when the read replica is this far behind
    webhook_allow_private: bool = False
    webhook_timeout_s: float = 10.0
    webhook_retry_schedule: tuple[float, ...] = DEFAULT_RETRY_SCHEDULE
    webhook_disable_after_s: float = 5 * 24 * 3600.0
    webhook_lease_s: float = 60.0
    webhook_batch: int = 50
    read_wait_s: float = 5.0  # how long a read with min_position waits for the read models
    horizon_stall_s: float = 10.0  # /ready degrades when committed events are hidden this long
    statement_timeout_s: float = 60.0  # on the service's own pool sessions (0: none)
    idle_in_transaction_timeout_s: float = 60.0  # idle_in_transaction_session_timeout (0: none)
    max_streams: int = 1000  # concurrent /events/stream clients per process; 503 past it
    http_header_timeout_s: float = 10.0  # a connection must send a request's head this soon (slowloris)
    http_keep_alive_s: int = 5  # an idle keep-alive connection is closed after this
    http_max_connections: int = 4096  # open connections (idle ones too) before new requests get a 503
    http_max_header_bytes: int = 16384  # an unfinished request head may hold this much (h11)
    idempotency_lease_s: float = 300.0  # an Idempotency-Key claim is free again after this
    delivery_retention_days: float = 0.0  # finished webhook deliveries older than this are deleted; 0: kept
    shutdown_timeout_s: float = 10.0  # background tasks, then the pool, get this long each to stop


def _bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"expected true or false, got {raw!r}")


def _log_format(raw: str) -> LogFormat:
    value = raw.strip().lower()
    if value == "text":
        return "text"
    if value == "json":
        return "json"
    raise ValueError(f"expected text or json, got {raw!r}")


def _optional(raw: str) -> str | None:
    return raw.strip() or None


def _floats(raw: str) -> tuple[float, ...]:
    return tuple(float(part) for part in raw.split(",") if part.strip())


# environment variable -> (field, parser)
_ENV: dict[str, tuple[str, Callable[[str], Any]]] = {
    "CONFLICTDB_HOST": ("host", str),
    "CONFLICTDB_PORT": ("port", int),
    "CONFLICTDB_DATA_DIR": ("data_dir", Path),
    "DATABASE_URL": ("database_url", str),
    "DATABASE_READ_URL": ("database_read_url", str),
    "CONFLICTDB_READ_KEYS_REQUIRED": ("read_keys_required", _bool),
    "CONFLICTDB_MAX_BODY_BYTES": ("max_body_bytes", int),
    "CONFLICTDB_POLL_INTERVAL": ("poll_interval_s", float),
    "CONFLICTDB_RUN_WORKERS": ("run_workers", _bool),
    "CONFLICTDB_LOG_LEVEL": ("log_level", str),
    "CONFLICTDB_LOG_FORMAT": ("log_format", _log_format),
    "CONFLICTDB_METRICS_KEY": ("metrics_key", _optional),
    "CONFLICTDB_WORKER_METRICS_PORT": ("worker_metrics_port", int),
    "CONFLICTDB_READY_MAX_LAG": ("ready_max_lag", int),
    "CONFLICTDB_READY_MAX_REPLICA_LAG": ("ready_max_replica_lag_s", float),
    "CONFLICTDB_WEBHOOK_ALLOW_PRIVATE": ("webhook_allow_private", _bool),
    "CONFLICTDB_WEBHOOK_TIMEOUT": ("webhook_timeout_s", float),
    "CONFLICTDB_WEBHOOK_RETRY_SCHEDULE": ("webhook_retry_schedule", _floats),
    "CONFLICTDB_WEBHOOK_DISABLE_AFTER": ("webhook_disable_after_s", float),
    "CONFLICTDB_WEBHOOK_LEASE": ("webhook_lease_s", float),
    "CONFLICTDB_READ_WAIT": ("read_wait_s", float),
    "CONFLICTDB_HORIZON_STALL_S": ("horizon_stall_s", float),
    "CONFLICTDB_STATEMENT_TIMEOUT": ("statement_timeout_s", float),
    "CONFLICTDB_IDLE_IN_TRANSACTION_TIMEOUT": ("idle_in_transaction_timeout_s", float),
    "CONFLICTDB_MAX_STREAMS": ("max_streams", int),
    "CONFLICTDB_HTTP_HEADER_TIMEOUT": ("http_header_timeout_s", float),
    "CONFLICTDB_HTTP_KEEP_ALIVE": ("http_keep_alive_s", int),
    "CONFLICTDB_HTTP_MAX_CONNECTIONS": ("http_max_connections", int),
    "CONFLICTDB_HTTP_MAX_HEADER_BYTES": ("http_max_header_bytes", int),
    "CONFLICTDB_IDEMPOTENCY_LEASE_S": ("idempotency_lease_s", float),
    "CONFLICTDB_SHUTDOWN_TIMEOUT": ("shutdown_timeout_s", float),
    "CONFLICTDB_DELIVERY_RETENTION_DAYS": ("delivery_retention_days", float),
}


_NON_NEGATIVE = {
    "CONFLICTDB_DELIVERY_RETENTION_DAYS": "delivery_retention_days",
    "CONFLICTDB_READY_MAX_REPLICA_LAG": "ready_max_replica_lag_s",
    "CONFLICTDB_READ_WAIT": "read_wait_s",
    "CONFLICTDB_HORIZON_STALL_S": "horizon_stall_s",
    "CONFLICTDB_STATEMENT_TIMEOUT": "statement_timeout_s",
    "CONFLICTDB_IDLE_IN_TRANSACTION_TIMEOUT": "idle_in_transaction_timeout_s",
}


_POSITIVE = {
    "CONFLICTDB_HTTP_HEADER_TIMEOUT": "http_header_timeout_s",
    "CONFLICTDB_HTTP_KEEP_ALIVE": "http_keep_alive_s",
    "CONFLICTDB_HTTP_MAX_CONNECTIONS": "http_max_connections",
    "CONFLICTDB_HTTP_MAX_HEADER_BYTES": "http_max_header_bytes",
    "CONFLICTDB_IDEMPOTENCY_LEASE_S": "idempotency_lease_s",
    "CONFLICTDB_SHUTDOWN_TIMEOUT": "shutdown_timeout_s",
}


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Settings from `env` (default: os.environ); non-None overrides (CLI options) win."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for name, (field, parse) in _ENV.items():
        raw = env.get(name)
        if raw is None or (raw == "" and field in {"database_url", "database_read_url", "data_dir"}):
            continue
        try:
            values[field] = parse(raw)
        except ValueError as exc:
            raise ConfigurationError(f"{name}: {exc}") from None
    values.update({k: v for k, v in overrides.items() if v is not None})
    settings = Settings(**values)
    _check(settings)
    return settings


def find_data_dir(start: Path) -> Path:
    """The embedded database's folder when none is given: the `.conflictdb` folder in `start`
    or in its nearest parent that has one (as git finds `.git`), else a new one in `start`.
    So every command run anywhere inside a project uses that project's database."""
    start = start.expanduser().resolve()
    for folder in (start, *start.parents):
        if (folder / DATA_DIR_NAME).is_dir():
            return folder / DATA_DIR_NAME
    return start / DATA_DIR_NAME


def data_dir_of(settings: Settings, cwd: Path | None = None) -> Path:
    """The data dir a command uses: the one given (--data-dir, CONFLICTDB_DATA_DIR), else found."""
    if settings.data_dir is not None:
        return settings.data_dir.expanduser().resolve()
    return find_data_dir(Path.cwd() if cwd is None else cwd)


def _check(settings: Settings) -> None:
    if not 0 < settings.port < 65536:
        raise ConfigurationError(f"CONFLICTDB_PORT: {settings.port} is not a TCP port")
    port = settings.worker_metrics_port
    if port is not None and not 0 < port < 65536:
        raise ConfigurationError(f"CONFLICTDB_WORKER_METRICS_PORT: {port} is not a TCP port")
    if settings.max_body_bytes <= 0:
        raise ConfigurationError("CONFLICTDB_MAX_BODY_BYTES must be positive")
    for name, value in _NON_NEGATIVE.items():
        if getattr(settings, value) < 0:
            raise ConfigurationError(f"{name} must not be negative")
    if settings.max_streams < 0:
        raise ConfigurationError("CONFLICTDB_MAX_STREAMS must not be negative")
    for name, value in _POSITIVE.items():
        if getattr(settings, value) <= 0:
            raise ConfigurationError(f"{name} must be positive")
    if not settings.webhook_retry_schedule:
        raise ConfigurationError("CONFLICTDB_WEBHOOK_RETRY_SCHEDULE must list at least one delay")
